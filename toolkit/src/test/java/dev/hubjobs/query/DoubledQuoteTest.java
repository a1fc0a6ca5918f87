package dev.hubjobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A quote written twice inside a string of that quote is one quote (docs/decisions.md, HJ114). */
class DoubledQuoteTest {

    private static String value(String condition) {
        Expr.Binary b = (Expr.Binary) QueryTesting.expr(condition);
        return ((Expr.StringLiteral) b.right()).value();
    }

    @Test
    void aDoubledQuoteIsOneQuote() {
        assertThat(value("deviceId='operator''sDevice'")).isEqualTo("operator'sDevice");
        assertThat(value("deviceId = \"say \"\"hi\"\"\"")).isEqualTo("say \"hi\"");
        assertThat(value("deviceId = ''''")).isEqualTo("'");
        assertThat(value("deviceId = 'a\\'b''c'")).isEqualTo("a'b'c");
        assertThat(value("deviceId = 'it''s \"quoted\"'")).isEqualTo("it's \"quoted\"");
        assertThat(value("deviceId = ''")).isEmpty();
    }

    @Test
    void fastPathGrammarAndFormatterAgree() {
        for (String text : List.of(
                "deviceId='operator''sDevice'",
                "a = ''''",
                "a = '' AND b = ''",
                "a = \"\"\"\"",
                "a = 'x''' AND b = 1",
                "a = '''x'")) {
            var fast = FastCondition.tryParse(text);
            var grammar = QueryParser.parseConditionWithGrammar(text);
            assertThat(fast).as(text).isPresent();
            assertThat(grammar.diagnostics()).as(text).isEmpty();
            assertThat(fast.get()).as(text).isEqualTo(grammar.value().orElseThrow());
            Condition again = QueryParser.parseCondition(QueryFormatter.format(fast.get()))
                    .get();
            QueryTesting.assertSameTreeIgnoringSpans(again, fast.get());
        }
        assertThat(QueryFormatter.format(QueryParser.parseCondition("deviceId='operator''sDevice'")
                        .get()))
                .isEqualTo("deviceId = 'operator\\'sDevice'");
    }

    @Test
    void anOddQuoteStillEndsTheString() {
        List<Diagnostic> found = QueryParser.parseCondition("deviceId = 'a''").diagnostics();
        assertThat(found).extracting(Diagnostic::code).contains("HJ013");
        assertThat(QueryParser.parseCondition("deviceId = 'a' 'b'").hasErrors()).isTrue();
    }
}
