package dev.hubjobs.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.grammar.IotHubQueryLexer;
import dev.hubjobs.grammar.JobJsonLexer;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.query.QueryParser;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lexing is linear in the input for the openers that may never close ({@code [[}, {@code /*},
 * quotes with {@code \}), and every entry point stays bounded on hostile text up to the size limit.
 *
 * <p>Growth is measured by counting the characters a lexer looks at, not by timing: the count for
 * four times the input must be about four times the count, where a lexer that scans ahead again
 * from every opener gives sixteen.
 */
class LinearTimeTest {

    /** A character stream that counts lookahead calls: the work a lexer does. */
    private static final class CountingStream implements CharStream {
        private final CodePointCharStream in;
        long looks;

        CountingStream(String text) {
            this.in = CharStreams.fromString(text);
        }

        @Override
        public int LA(int i) {
            looks++;
            return in.LA(i);
        }

        @Override
        public String getText(Interval interval) {
            return in.getText(interval);
        }

        @Override
        public void consume() {
            in.consume();
        }

        @Override
        public int mark() {
            return in.mark();
        }

        @Override
        public void release(int marker) {
            in.release(marker);
        }

        @Override
        public int index() {
            return in.index();
        }

        @Override
        public void seek(int index) {
            in.seek(index);
        }

        @Override
        public int size() {
            return in.size();
        }

        @Override
        public String getSourceName() {
            return in.getSourceName();
        }
    }

    private static long looks(String text, Function<CharStream, Lexer> lexer) {
        CountingStream stream = new CountingStream(text);
        Lexer l = lexer.apply(stream);
        l.removeErrorListeners();
        l.getAllTokens();
        return stream.looks;
    }

    private static void assertLinear(IntFunction<String> hostile, Function<CharStream, Lexer> lexer) {
        String small = hostile.apply(5_000);
        String large = hostile.apply(20_000);
        long a = looks(small, lexer);
        long b = looks(large, lexer);
        assertThat((double) b / a)
                .as("growth of lexer work from %d to %d characters: %d, %d", small.length(), large.length(), a, b)
                .isLessThan(5.0);
        assertThat(b).as("lexer work per character").isLessThan(20L * large.length());
    }

    private static final List<String> QUERY_OPENERS =
            List.of("[", "[[", "/*a", "'\\", "\"\\", "'a", "a-", "[[a]", "0x", "1e", "a.", "-", "/*", "'", "\"", "[[]");

    private static final List<String> JSON_OPENERS =
            List.of("/*a", "'\\", "\"\\", "'a", "<a", "//", "/*", "\"", "'", "-", "[", "{\"a", "1e", "tru");

    @Test
    void queryLexerIsLinearOnUnclosedOpeners() {
        for (String opener : QUERY_OPENERS) {
            assertLinear(n -> opener.repeat(n / opener.length()) + "x = 1", IotHubQueryLexer::new);
        }
    }

    @Test
    void jsonLexerIsLinearOnUnclosedOpeners() {
        for (String opener : JSON_OPENERS) {
            assertLinear(n -> opener.repeat(n / opener.length()), JobJsonLexer::new);
        }
    }

    /** A job whose condition is {@code condition}, JSON-escaped. */
    private static String job(String condition) {
        return "{\"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}, "
                + "\"queryCondition\": \"" + condition.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "[[", "/*a", "'\\", "(", ", ", "a = ", "a OR ", "x", "NOT ", "a-", "f(", "a.b."})
    void aHostileConditionAsLongAsTheParserReadsIsValidatedInBoundedTime(String unit) {
        String condition = unit.repeat(QueryParser.MAX_LENGTH / unit.length());
        ValidationResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> JobValidator.builder().build().validate(job(condition)));
        assertThat(result.hasErrors()).isTrue();
        assertThat(result.diagnostics()).hasSizeLessThan(5_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "{", ",", "/*a", "'\\", "'a',", "\"a\",", "<a>,", "a ", "{\"a\":", "1,", "// x\n"})
    void aHostileDocumentAtTheSizeLimitIsValidatedInBoundedTime(String unit) {
        String document = unit.repeat((JsonDocumentParser.MAX_SIZE - 2) / unit.length());
        ValidationResult result = assertTimeoutPreemptively(
                Duration.ofSeconds(10), () -> JobValidator.builder().build().validate(document));
        assertThat(result.diagnostics()).isNotEmpty().hasSizeLessThan(5_000);
    }

    /** Short strings of raw control characters: eleven findings each, one a character. */
    private static String controlCharacterStrings(int strings) {
        return ("\"" + "\u0001".repeat(11) + "\",").repeat(strings);
    }

    @Test
    void aStringListsTenOfItsControlCharactersAndCountsTheRest() {
        ValidationResult result = JobValidator.builder().build().validate("\"" + "\u0001".repeat(25) + "\"");
        assertThat(result.diagnostics().stream().filter(d -> d.message().startsWith("control character U+0001")))
                .hasSize(10);
        assertThat(result.diagnostics())
                .filteredOn(d -> d.message().startsWith("and "))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.message())
                            .isEqualTo(
                                    "and 15 more control characters or escapes to correct in this string, not listed");
                    assertThat(d.span().start()).isEqualTo(11);
                });
    }

    @Test
    void aDocumentKeepsAtMostItsCapOfFindingsAndSaysWhereReportingStopped() {
        // 550,000 findings in 700 KB: each would cost far more memory than its character.
        String document = "[" + controlCharacterStrings(50_000) + "1]";
        ValidationResult result = JobValidator.builder().build().validate(document);
        assertThat(result.diagnostics().stream().filter(d -> d.code().equals("HJ001")))
                .hasSize(JsonDocumentParser.MAX_FINDINGS);
        assertThat(result.diagnostics())
                .filteredOn(d -> d.code().equals("HJ005"))
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .isEqualTo("more than 500000 findings in this document; reporting stopped here"));
    }

    @Test
    void jobsPastTheCapAreNotCheckedAndTheFirstOfThemIsMarked() {
        int jobs = JobValidator.MAX_JOBS + 5;
        String document = "[" + "{},".repeat(jobs - 1) + "{}]";
        ValidationResult result = JobValidator.builder().build().validate(document);
        // Each empty job misses 'type' and 'queryCondition'.
        assertThat(result.diagnostics().stream().filter(d -> d.code().equals("HJ202")))
                .hasSize(2 * JobValidator.MAX_JOBS);
        assertThat(result.diagnostics())
                .filteredOn(d -> d.code().equals("HJ005"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.message())
                            .isEqualTo("more than 10000 jobs in this document; the jobs from here on were not checked");
                    assertThat(d.span().start()).isEqualTo(1 + 3 * JobValidator.MAX_JOBS);
                });
    }

    @Test
    void noJobIsCheckedOnceTheDocumentsFindingsReachTheirCap() {
        String document = "[" + controlCharacterStrings(50_000) + "{}]";
        ValidationResult result = JobValidator.builder().build().validate(document);
        assertThat(result.diagnostics()).noneMatch(d -> d.code().equals("HJ202"));
        assertThat(result.diagnostics())
                .filteredOn(d -> d.code().equals("HJ005"))
                .extracting(d -> d.message())
                .containsExactly(
                        "more than 500000 findings in this document; reporting stopped here",
                        "more than 500000 findings in this document; the jobs from here on were not checked");
    }
}
