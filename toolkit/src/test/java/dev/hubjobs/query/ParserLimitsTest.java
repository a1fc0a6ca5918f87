package dev.hubjobs.query;

import static dev.hubjobs.testing.TestFiles.onSmallStack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * Deep and long input gives HJ011 or a wide tree, never a StackOverflowError. Everything runs on
 * a thread with a 256 KiB stack, so passing proves the guards rather than a generous stack.
 */
class ParserLimitsTest {

    private static final int DEEP = 10_000;
    private static final int WIDE = 10_000;

    @Test
    void tenThousandNestedParenthesesGiveHj011AtTheFirstLevelTooDeep() {
        String text = "(".repeat(DEEP) + "a = 1" + ")".repeat(DEEP);
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition(text));
        assertThat(r.value()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.QUERY_TOO_DEEP);
            assertThat(d.span().start()).isEqualTo(QueryParser.MAX_DEPTH);
        });
    }

    @Test
    void nestingJustWithinTheLimitStillParses() {
        int depth = QueryParser.MAX_DEPTH - 1;
        String text = "(".repeat(depth) + "a = 1" + ")".repeat(depth);
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition(text));
        assertThat(r.diagnostics()).isEmpty();
        assertThat(QueryFormatter.format(r.get())).isEqualTo("a = 1");
    }

    @Test
    void tenThousandNotsGiveHj011() {
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition("NOT ".repeat(DEEP) + "a = 1"));
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.QUERY_TOO_DEEP);
    }

    @Test
    void tenThousandUnaryMinusesGiveHj011() {
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition("a = " + "-".repeat(DEEP) + "1"));
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.QUERY_TOO_DEEP);
    }

    @Test
    void tenThousandNestedCallsGiveHj011() {
        ParseResult<Condition> r =
                onSmallStack(() -> QueryParser.parseCondition("f(".repeat(DEEP) + "1" + ")".repeat(DEEP)));
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.QUERY_TOO_DEEP);
    }

    @Test
    void tenThousandTermOrChainIsOneOrWithEveryOperand() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < WIDE; i++) {
            if (i > 0) {
                sb.append(" OR ");
            }
            sb.append("deviceId = 'd").append(i).append('\'');
        }
        String text = sb.toString();
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition(text));
        assertThat(r.diagnostics()).isEmpty();
        Expr.Or or = (Expr.Or) r.get().expression().orElseThrow();
        assertThat(or.operands()).hasSize(WIDE);
        assertThat(QueryFormatter.format(or.operands().get(WIDE - 1))).isEqualTo("deviceId = 'd9999'");
        assertThat(or.span().end()).isEqualTo(text.length());
        // The formatter handles the wide tree too.
        assertThat(onSmallStack(() -> QueryFormatter.format(or))).isEqualTo(text);
    }

    @Test
    void tenThousandTermAndChainIsOneAnd() {
        StringBuilder sb = new StringBuilder("a = 0");
        for (int i = 1; i < WIDE; i++) {
            sb.append(" AND b = ").append(i);
        }
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition(sb.toString()));
        assertThat(r.get().expression().orElseThrow())
                .isInstanceOfSatisfying(
                        Expr.And.class, and -> assertThat(and.operands()).hasSize(WIDE));
    }

    @Test
    void hundredThousandTermPlusChainGivesHj011InsteadOfACrash() {
        StringBuilder sb = new StringBuilder("a = 0");
        for (int i = 1; i < WIDE; i++) {
            sb.append(" + ").append(i);
        }
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition(sb.toString()));
        assertThat(r.value()).isEmpty();
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.QUERY_TOO_DEEP);
    }

    @Test
    void hundredThousandChainedComparisonsGiveHj011InsteadOfACrash() {
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition("a" + " = a".repeat(WIDE)));
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.QUERY_TOO_DEEP);
    }

    @Test
    void textLongerThanMaxLengthIsRefusedWithoutParsing() {
        String text = "a".repeat(QueryParser.MAX_LENGTH + 1);
        ParseResult<Condition> r = QueryParser.parseCondition(text);
        assertThat(r.value()).isEmpty();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.QUERY_TOO_DEEP);
            assertThat(d.message()).contains(String.valueOf(QueryParser.MAX_LENGTH));
        });
    }
}
