package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import dev.hubjobs.text.Span;

/**
 * HJ113: a name with {@code -} that could also be read as a subtraction. The service reads
 * {@code tags.deploy-ring} as one name (docs/decisions.md), and so does hubjobs; but after a
 * {@code -} that is followed by a number ({@code tags.count-1}), or by {@code tags} or
 * {@code properties} that more segments follow ({@code tags.a-tags.b}), the writer may have meant
 * arithmetic, so that reading is said aloud. ({@code tags.fw-version} is left alone: a name that
 * ends in a twin field is far likelier a name.)
 */
public final class AmbiguousHyphen extends QueryRule {

    public AmbiguousHyphen() {
        super(Meta.of(
                        Codes.AMBIGUOUS_HYPHEN,
                        Severity.WARNING,
                        "name with '-' that could also be read as a subtraction (the service reads one name)")
                .withFix());
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.Path path : query.nodes(Expr.Path.class)) {
            for (int k = 0; k < path.segments().size(); k++) {
                Expr.Segment s = path.segments().get(k);
                int hyphen = s.quoted()
                        ? -1
                        : ambiguousHyphen(s.name(), k + 1 < path.segments().size());
                if (hyphen < 0) {
                    continue;
                }
                String name = s.name();
                Span minus = Span.of(s.span().start() + hyphen, s.span().start() + hyphen + 1);
                findings.reportInQuery(
                        s.span(),
                        "'" + name + "' is read as one property name, as the service"
                                + " reads it; to subtract, put spaces around '-'",
                        Fix.suggestion(
                                "Keep the name, written as [[" + name + "]]",
                                new TextEdit(s.span(), "[[" + name + "]]")),
                        Fix.suggestion(
                                "Subtract: '" + name.substring(0, hyphen) + " - " + name.substring(hyphen + 1) + "'",
                                new TextEdit(minus, " - ")));
            }
        }
    }

    /**
     * The index of the first {@code -} of {@code name} after which the rest of the name is a
     * number or, when more segments follow, {@code tags} or {@code properties}; or -1.
     */
    static int ambiguousHyphen(String name, boolean moreSegments) {
        for (int i = name.indexOf('-'); i > 0; i = name.indexOf('-', i + 1)) {
            int restStart = i + 1;
            while (restStart < name.length() && name.charAt(restStart) == '-') {
                restStart++;
            }
            String rest = name.substring(restStart);
            if (isDigits(rest)
                    || (moreSegments && (rest.equalsIgnoreCase("tags") || rest.equalsIgnoreCase("properties")))) {
                return i;
            }
            i = restStart - 1;
        }
        return -1;
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
