package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import java.util.Locale;
import java.util.Set;

/**
 * HJ108: a reserved word used as a path segment without {@code [[ ]]} ({@code tags.group.name}).
 * The service refuses queries on {@code tags.group} (azure-docs issue 17106; the query page: "group"
 * is a keyword, write {@code [[group]]}), so a keyword of the query language is an error. The words
 * of the underlying SQL dialect that the IoT Hub grammar does not use ({@code order}, {@code join},
 * {@code value}) have no such evidence and get a warning.
 */
public final class ReservedWordSegment extends QueryRule {

    static final Set<String> RESERVED = Set.of("select", "top", "from", "where", "group", "by", "as", "and", "or",
            "not", "in", "nin", "true", "false", "null", "undefined", "order", "join", "value");
    /** Reserved in the SQL dialect, but not keywords of the IoT Hub grammar: no evidence the service refuses them. */
    private static final Set<String> DIALECT_ONLY = Set.of("order", "join", "value");
    /** Longer segments cannot be reserved words, and need no lower-casing to tell. */
    private static final int LONGEST = RESERVED.stream().mapToInt(String::length).max().orElse(0);

    public ReservedWordSegment() {
        super(Meta.of(Codes.RESERVED_WORD_SEGMENT, Severity.ERROR,
                "reserved word used as a path segment without [[ ]]").withFix());
    }

    /** The reserved words by length: most segments are longer, or match no word's length and first letter. */
    private static final String[][] BY_LENGTH = new String[LONGEST + 1][];

    static {
        for (int n = 0; n <= LONGEST; n++) {
            int length = n;
            BY_LENGTH[n] = RESERVED.stream().filter(w -> w.length() == length).toArray(String[]::new);
        }
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Path path : query.nodes(Expr.Path.class)) {
            for (Expr.Segment s : path.segments()) {
                if (!s.quoted() && isReserved(s.name())) {
                    boolean keyword = !DIALECT_ONLY.contains(s.name().toLowerCase(Locale.ROOT));
                    findings.reportInQuery(keyword ? Severity.ERROR : Severity.WARNING, s.span(),
                            "'" + s.name() + "' is a reserved word; the service wants it quoted as [[" + s.name()
                                    + "]] in a property path",
                            Fix.safe("Quote as [[" + s.name() + "]]",
                                    new TextEdit(s.span(), "[[" + s.name() + "]]")));
                }
            }
        }
    }

    /**
     * {@code RESERVED.contains(name.toLowerCase(Locale.ROOT))}, without lower-casing: this runs on
     * every segment of every condition. An ASCII letter and its lower case differ only in 0x20.
     */
    static boolean isReserved(String name) {
        int n = name.length();
        if (n == 0 || n > LONGEST) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (name.charAt(i) >= 0x80) {
                return RESERVED.contains(name.toLowerCase(Locale.ROOT)); // beyond ASCII, case is subtler
            }
        }
        int first = name.charAt(0) | 0x20;
        for (String word : BY_LENGTH[n]) {
            if (word.charAt(0) == first && word.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
