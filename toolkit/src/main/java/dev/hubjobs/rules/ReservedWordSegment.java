package dev.hubjobs.rules;

import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import java.util.Locale;
import java.util.Set;

/** HJ108: a reserved word used as a path segment without {@code [[ ]]} ({@code tags.group.name}). */
public final class ReservedWordSegment extends Rule {

    static final Set<String> RESERVED = Set.of("select", "top", "from", "where", "group", "by", "as", "and", "or",
            "not", "in", "nin", "true", "false", "null", "undefined", "order", "join", "value");
    /** Longer segments cannot be reserved words, and need no lower-casing to tell. */
    private static final int LONGEST = RESERVED.stream().mapToInt(String::length).max().orElse(0);

    public ReservedWordSegment() {
        super("HJ108", "ReservedWordSegment", Severity.WARNING,
                "reserved word used as a path segment without [[ ]]", true);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        for (Expr.Path path : job.conditionNodes(Expr.Path.class)) {
            for (Expr.Segment s : path.segments()) {
                if (!s.quoted() && s.name().length() <= LONGEST
                        && RESERVED.contains(s.name().toLowerCase(Locale.ROOT))) {
                    findings.reportInQuery(s.span(), "'" + s.name() + "' is a reserved word; the service wants it"
                            + " quoted as [[" + s.name() + "]] in a property path",
                            Fix.safe("Quote as [[" + s.name() + "]]",
                                    new TextEdit(s.span(), "[[" + s.name() + "]]")));
                }
            }
        }
    }
}
