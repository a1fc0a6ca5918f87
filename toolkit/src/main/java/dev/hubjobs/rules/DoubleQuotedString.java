package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.QueryFormatter;

/** HJ112: a double-quoted string literal; valid, but single quotes are the documented form. */
public final class DoubleQuotedString extends QueryRule {

    public DoubleQuotedString() {
        super(Meta.of(
                        Codes.DOUBLE_QUOTED_STRING,
                        Severity.INFO,
                        "double-quoted string literal (single quotes are the documented form)")
                .withFix());
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        for (Expr.StringLiteral s : query.nodes(Expr.StringLiteral.class)) {
            if (s.doubleQuoted()) {
                StringBuilder single = new StringBuilder();
                QueryFormatter.writeString(single, s.value(), '\'');
                findings.reportInQuery(
                        s.span(),
                        "double-quoted string; single quotes are the documented form"
                                + " (double quotes have failed in some service paths)",
                        Fix.safe("Use single quotes", new TextEdit(s.span(), single.toString())));
            }
        }
    }
}
