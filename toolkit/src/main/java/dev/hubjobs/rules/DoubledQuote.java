package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import dev.hubjobs.text.Span;

/**
 * HJ114: a quote written twice inside a string ({@code 'operator''sDevice'}). The IoT Edge
 * documentation escapes a quote so, the query language page with {@code \'}; the evidence is split
 * (docs/decisions.md), so hubjobs reads both as one quote and asks for the form both agree on.
 */
public final class DoubledQuote extends QueryRule {

    public DoubledQuote() {
        super(Meta.of(
                        Codes.DOUBLED_QUOTE,
                        Severity.WARNING,
                        "quote escaped by doubling it ('') instead of with a backslash (\\')")
                .withFix());
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        String text = query.text();
        for (Expr.StringLiteral s : query.nodes(Expr.StringLiteral.class)) {
            Span span = s.span();
            char quote = s.doubleQuoted() ? '"' : '\'';
            // Inside the quotes, a quote character stands only in pairs; a backslash escapes the next one.
            for (int i = span.start() + 1; i < span.end() - 1; i++) {
                char c = text.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    Span pair = Span.of(i, i + 2);
                    findings.reportInQuery(
                            pair,
                            "the doubled quote " + quote + quote + " is read as one " + quote
                                    + " (the IoT Edge documentation escapes quotes so), but the query language page"
                                    + " documents the escape \\" + quote + "; write that",
                            Fix.safe("Write \\" + quote, new TextEdit(pair, "\\" + quote)));
                    i++;
                }
            }
        }
    }
}
