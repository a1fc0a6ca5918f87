package dev.hubjobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.testing.FuzzInput;
import java.util.Optional;

/**
 * Fuzz targets for the query language's entry points (docs/fuzzing.md). Each one: never throws,
 * and every finding's span lies inside the text. Parsing also checks that the fast path agrees
 * with the grammar, and that the canonical form of a text without errors parses back to the
 * same tree.
 */
class QueryFuzzTest {

    /** Longer texts take no new paths, only time: the parser's own bound is QueryParser.MAX_LENGTH. */
    static final int MAX_BYTES = 8 * 1024;

    @FuzzTest
    void parseCondition(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        ParseResult<Condition> parsed = QueryParser.parseCondition(text);
        FuzzInput.assertSpansInside(text, parsed.diagnostics());

        // The fast path, where it answers, builds the grammar's very tree and the grammar finds nothing.
        Optional<Condition> fast = FastCondition.tryParse(text);
        if (fast.isPresent()) {
            ParseResult<Condition> grammar = QueryParser.parseConditionWithGrammar(text);
            assertThat(grammar.diagnostics())
                    .as("grammar diagnostics for the fast path's %s", text)
                    .isEmpty();
            assertThat(fast.get())
                    .as("fast tree of %s", text)
                    .isEqualTo(grammar.value().orElseThrow());
        }

        if (!parsed.hasErrors()) {
            assertThat(parsed.value())
                    .as("tree of %s, which has no errors", text)
                    .isPresent();
            String canonical = QueryFormatter.format(parsed.get());
            ParseResult<Condition> again = QueryParser.parseCondition(canonical);
            assertThat(again.hasErrors())
                    .as("errors in %s, the canonical form of %s: %s", canonical, text, again.diagnostics())
                    .isFalse();
            QueryTesting.assertSameTreeIgnoringSpans(again.get(), withoutMisplacedPrefix(parsed.get()));
            assertThat(QueryFormatter.format(again.get()))
                    .as("canonical form of %s", canonical)
                    .isEqualTo(canonical);
        }
    }

    /**
     * A {@code SELECT ... WHERE} or {@code WHERE} before a condition parses (so that HJ101 can name
     * it, an error with a fix that removes it), and the canonical form leaves it out, as that fix does.
     */
    private static Condition withoutMisplacedPrefix(Condition c) {
        return new Condition(
                c.allDevices(),
                c.source(),
                c.sourceSpan(),
                c.expression(),
                Optional.empty(),
                c.groupBy(),
                c.groupBySpan(),
                c.span());
    }

    @FuzzTest
    void parseQuery(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        ParseResult<Query> parsed = QueryParser.parseQuery(text);
        FuzzInput.assertSpansInside(text, parsed.diagnostics());

        if (!parsed.hasErrors()) {
            assertThat(parsed.value())
                    .as("tree of %s, which has no errors", text)
                    .isPresent();
            String canonical = QueryFormatter.format(parsed.get());
            ParseResult<Query> again = QueryParser.parseQuery(canonical);
            assertThat(again.hasErrors())
                    .as("errors in %s, the canonical form of %s: %s", canonical, text, again.diagnostics())
                    .isFalse();
            QueryTesting.assertSameTreeIgnoringSpans(again.get(), parsed.get());
            assertThat(QueryFormatter.format(again.get()))
                    .as("canonical form of %s", canonical)
                    .isEqualTo(canonical);
        }
    }

    @FuzzTest
    void validateCondition(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        ParseResult<Condition> checked = QueryValidator.standard().validateCondition(text);
        FuzzInput.assertSpansInside(text, checked.diagnostics());
    }

    @FuzzTest
    void validateQuery(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        ParseResult<Query> checked = QueryValidator.standard().validateQuery(text);
        FuzzInput.assertSpansInside(text, checked.diagnostics());
    }
}
