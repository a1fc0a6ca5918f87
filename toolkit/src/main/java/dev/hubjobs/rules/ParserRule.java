package dev.hubjobs.rules;

/** A code reported by a parser (syntax and input limits); listed so it can be documented and configured. */
final class ParserRule extends Rule {

    ParserRule(String name, Meta meta) {
        super(meta, name);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        // Reported while parsing; see JsonDocumentParser and QueryParser.
    }
}
