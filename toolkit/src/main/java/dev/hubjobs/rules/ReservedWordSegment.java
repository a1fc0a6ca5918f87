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

    static final Set<String> RESERVED = Set.of(
            "select",
            "top",
            "from",
            "where",
            "group",
            "by",
            "as",
            "and",
            "or",
            "not",
            "in",
            "nin",
            "true",
            "false",
            "null",
            "undefined",
            "order",
            "join",
            "value");
    /** Reserved in the SQL dialect, but not keywords of the IoT Hub grammar: no evidence the service refuses them. */
    private static final Set<String> DIALECT_ONLY = Set.of("order", "join", "value");

    public ReservedWordSegment() {
        super(Meta.of(Codes.RESERVED_WORD_SEGMENT, Severity.ERROR, "reserved word used as a path segment without [[ ]]")
                .withFix());
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Path path : query.nodes(Expr.Path.class)) {
            for (Expr.Segment s : path.segments()) {
                if (!s.quoted() && isReserved(s.name())) {
                    boolean keyword = !DIALECT_ONLY.contains(s.name().toLowerCase(Locale.ROOT));
                    findings.reportInQuery(
                            keyword ? Severity.ERROR : Severity.WARNING,
                            s.span(),
                            "'" + s.name() + "' is a reserved word; the service wants it quoted as [[" + s.name()
                                    + "]] in a property path",
                            Fix.safe("Quote as [[" + s.name() + "]]", new TextEdit(s.span(), "[[" + s.name() + "]]")));
                }
            }
        }
    }

    static boolean isReserved(String name) {
        return RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }
}
