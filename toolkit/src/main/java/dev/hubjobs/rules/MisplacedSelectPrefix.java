package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Source;
import dev.hubjobs.text.Span;

/** HJ101: {@code SELECT * FROM devices WHERE} or {@code WHERE} written in front of a job condition. */
public final class MisplacedSelectPrefix extends QueryRule {

    public MisplacedSelectPrefix() {
        super(Meta.of(
                        Codes.MISPLACED_SELECT_PREFIX,
                        Severity.ERROR,
                        "queryCondition starts with SELECT or WHERE; the service adds that prefix itself")
                .withFix());
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        if (!query.isCondition()) {
            return; // a full query starts with SELECT, rightly
        }
        String text = query.text();
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int wordEnd = start;
        while (wordEnd < text.length() && Character.isLetter(text.charAt(wordEnd))) {
            wordEnd++;
        }
        String keyword = isWord(text, start, wordEnd, "SELECT")
                ? "SELECT"
                : isWord(text, start, wordEnd, "WHERE") ? "WHERE" : null;
        if (keyword == null) {
            return;
        }
        Condition condition = query.condition().orElse(null);
        Span prefix = condition != null && condition.misplacedPrefix().isPresent()
                ? condition.misplacedPrefix().get()
                : Span.of(start, start + keyword.length());
        String message = "queryCondition holds only the condition: the service adds 'SELECT * FROM devices WHERE ' "
                + "itself, so a leading " + keyword + " fails the job later with \"Line 1:29\"";
        if (condition == null || condition.misplacedPrefix().isEmpty()) {
            findings.reportInQuery(prefix, message);
            return;
        }
        int end = prefix.end();
        while (end < text.length() && Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        // Keep module targeting, the one part of a prefix that means something in a job condition.
        String replacement = condition.source() == Source.MODULES
                        && condition.sourceSpan().isPresent()
                        && prefix.contains(condition.sourceSpan().get().start())
                ? "FROM devices.modules WHERE "
                : "";
        findings.reportInQuery(
                prefix,
                message,
                Fix.safe(
                        "Remove '" + prefix.textOf(text) + "'",
                        new TextEdit(Span.of(prefix.start(), end), replacement)));
    }

    /** Whether {@code text[from, to)} is {@code word} in any case. */
    private static boolean isWord(String text, int from, int to, String word) {
        return to - from == word.length() && text.regionMatches(true, from, word, 0, word.length());
    }
}
