package dev.hubjobs.cli;

/** Where each rule's documentation page lives; the one place that knows the address. */
final class RuleDocs {

    static final String BASE = "https://github.com/hubjobs/hubjobs/blob/main/docs/rules/";

    private RuleDocs() {}

    static String uri(String code) {
        return BASE + code + ".md";
    }
}
