package dev.hubjobs.query;

import static dev.hubjobs.query.QueryTesting.assertSameTreeIgnoringSpans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubjobs.testing.TestFiles;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every valid corpus line parses cleanly, and formatting is a fixed point that keeps the tree. */
class QueryRoundTripTest {

    static List<String> validQueries() {
        return TestFiles.lines("corpus/queries/valid-queries.txt");
    }

    static List<String> validConditions() {
        return TestFiles.lines("corpus/queries/valid-conditions.txt");
    }

    @ParameterizedTest
    @MethodSource("validQueries")
    void corpusQueryParsesWithoutDiagnosticsAndRoundTripsThroughTheFormatter(String text) {
        ParseResult<Query> first = QueryParser.parseQuery(text);
        assertThat(first.diagnostics()).isEmpty();
        String formatted = QueryFormatter.format(first.get());

        ParseResult<Query> again = QueryParser.parseQuery(formatted);
        assertThat(again.diagnostics())
                .as("diagnostics of formatted text %s", formatted)
                .isEmpty();
        assertSameTreeIgnoringSpans(again.get(), first.get());
        assertThat(QueryFormatter.format(again.get())).isEqualTo(formatted);
    }

    @ParameterizedTest
    @MethodSource("validConditions")
    void corpusConditionParsesWithoutDiagnosticsAndRoundTripsThroughTheFormatter(String text) {
        assertConditionRoundTrips(text);
    }

    @ParameterizedTest(name = "{0}  ->  {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a - (b - c)                            | a - (b - c)
            (a - b) - c                            | a - b - c
            a - b - c                              | a - b - c
            a * (b + c)                            | a * (b + c)
            (a * b) + c                            | a * b + c
            a / (b * c) % d                        | a / (b * c) % d
            NOT (a AND b)                          | NOT (a AND b)
            not a = 1                              | NOT a = 1
            (NOT a) = 1                            | (NOT a) = 1
            NOT a AND b                            | NOT a AND b
            NOT (NOT a)                            | NOT NOT a
            (a OR b) AND c                         | (a OR b) AND c
            a OR (b AND c)                         | a OR b AND c
            a or b and c                           | a OR b AND c
            (a AND b) AND c                        | (a AND b) AND c
            a AND (b OR c) AND d                   | a AND (b OR c) AND d
            -(1 + 2)                               | -(1 + 2)
            -1 + 2                                 | -1 + 2
            -a * b                                 | -a * b
            -(a * b)                               | -(a * b)
            a - -1                                 | a - -1
            a = (b = c)                            | a = (b = c)
            (a = 1) in [true]                      | a = 1 IN [true]
            a = (b IN [1])                         | a = (b IN [1])
            (a IN [1]) = true                      | a IN [1] = true
            ((a = b) IN [1]) = c                   | a = b IN [1] = c
            (a IN [1]) NIN [false]                 | a IN [1] NIN [false]
            (a IN [1]) + 1                         | (a IN [1]) + 1
            a < (b NIN [1])                        | a < (b NIN [1])
            x IN [-1, -0x1F, 2.5e3]                | x IN [-1, -0x1F, 2.5e3]
            x nin [ -1.5 , 'a' , null ]            | x NIN [-1.5, 'a', null]
            NOT x IN [1]                           | NOT x IN [1]
            tags.mask = 0xFF                       | tags.mask = 0xFF
            tags.mask = 0XfF                       | tags.mask = 0XfF
            tags.n = "a\\"b\\\\c\\'d"              | tags.n = "a\\"b\\\\c'd"
            tags.n = 'it\\'s'                      | tags.n = 'it\\'s'
            tags.n = 'caf\\u00e9'                  | tags.n = 'café'
            tags.n = 'x\\ny'                       | tags.n = 'x\\u000ay'
            tags.[[group]].name = 'x'              | tags.[[group]].name = 'x'
            tags.[[a b]] = 1                       | tags.[[a b]] = 1
            tags.group.name = 'x'                  | tags.group.name = 'x'
            tags.select.from.where = 1             | tags.select.from.where = 1
            properties.desired.$version = 2        | properties.desired.$version = 2
            devices.deviceId = 'a'                 | devices.deviceId = 'a'
            devices.jobs.status = 'completed'      | devices.jobs.status = 'completed'
            devices.modules.moduleId = 'm'         | devices.modules.moduleId = 'm'
            is_defined(tags.x) AND NOT is_defined(tags.y) | is_defined(tags.x) AND NOT is_defined(tags.y)
            a <> b                                 | a != b
            a>=1 AND b<=2 AND c<3 AND d>4          | a >= 1 AND b <= 2 AND c < 3 AND d > 4
            tags.t = TRUE OR tags.u = Undefined    | tags.t = true OR tags.u = undefined
            from devices.modules where moduleId = 'm' | FROM devices.modules WHERE moduleId = 'm'
            """)
    void formatterWritesExactlyTheNeededParenthesesAndCanonicalSpelling(String input, String canonical) {
        ParseResult<Condition> r = QueryParser.parseCondition(input);
        assertThat(r.diagnostics()).isEmpty();
        assertThat(QueryFormatter.format(r.get())).isEqualTo(canonical);
        assertConditionRoundTrips(input);
    }

    @Test
    void fullQueryClausesAreWrittenCanonically() {
        Query q = QueryParser.parseQuery(
                        "select top 5 tags.floor as f, count() n from devices.modules where a = 1 group by tags.floor, x")
                .get();
        assertThat(QueryFormatter.format(q))
                .isEqualTo("SELECT TOP 5 tags.floor AS f, count() AS n FROM devices.modules WHERE a = 1"
                        + " GROUP BY tags.floor, x");
    }

    @Test
    void treeComparisonIgnoresSpansIncludingOptionalSpans() {
        Condition spaced =
                QueryParser.parseCondition("FROM   devices.modules   WHERE a=1").get();
        Condition tight =
                QueryParser.parseCondition("FROM devices.modules WHERE a = 1").get();
        assertThat(spaced.sourceSpan()).isNotEqualTo(tight.sourceSpan());
        assertSameTreeIgnoringSpans(spaced, tight);
    }

    @Test
    void treeComparisonStillSeesDifferencesInsideOptionalExpressions() {
        Condition one =
                QueryParser.parseCondition("FROM devices.modules WHERE a = 1").get();
        Condition two =
                QueryParser.parseCondition("FROM devices.modules WHERE a = 2").get();
        assertThatThrownBy(() -> assertSameTreeIgnoringSpans(one, two)).isInstanceOf(AssertionError.class);
        Condition and = QueryParser.parseCondition("a AND b").get();
        Condition or = QueryParser.parseCondition("a OR b").get();
        assertThatThrownBy(() -> assertSameTreeIgnoringSpans(and, or)).isInstanceOf(AssertionError.class);
    }

    private static void assertConditionRoundTrips(String text) {
        ParseResult<Condition> first = QueryParser.parseCondition(text);
        assertThat(first.diagnostics()).isEmpty();
        String formatted = QueryFormatter.format(first.get());

        ParseResult<Condition> again = QueryParser.parseCondition(formatted);
        assertThat(again.diagnostics())
                .as("diagnostics of formatted text %s", formatted)
                .isEmpty();
        assertSameTreeIgnoringSpans(again.get(), first.get());
        assertThat(QueryFormatter.format(again.get())).isEqualTo(formatted);
    }
}
