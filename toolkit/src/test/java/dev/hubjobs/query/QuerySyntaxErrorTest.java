package dev.hubjobs.query;

import static dev.hubjobs.query.QueryTesting.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.testing.Fixes;
import dev.hubjobs.testing.TestFiles;
import dev.hubjobs.text.Span;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Syntax errors (HJ010-HJ013): each reported at its own position, with readable messages. */
class QuerySyntaxErrorTest {

    /** Corpus rows for the parser's own codes; HJ1xx rows belong to the validator. */
    static Stream<Arguments> parserRowsOfInvalidConditions() {
        List<Arguments> rows = TestFiles.lines("corpus/queries/invalid-conditions.tsv").stream()
                .map(l -> l.split("\t"))
                .filter(f -> f[1].matches("HJ01[0-3]"))
                .map(f -> Arguments.of(f[0], f[1], Integer.parseInt(f[2])))
                .toList();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(4);
        return rows.stream();
    }

    @ParameterizedTest(name = "{1} at column {2}: {0}")
    @MethodSource("parserRowsOfInvalidConditions")
    void corpusConditionGivesItsCodeAtItsColumn(String condition, String code, int column) {
        ParseResult<Condition> r = QueryParser.parseCondition(condition);
        assertThat(r.diagnostics()).extracting(d -> at(condition, d)).contains(code + "@1:" + column);
    }

    @Test
    void everyIndependentErrorIsReportedInOnePass() {
        String text = "(a = ) OR (b = ) OR c =";
        ParseResult<Condition> r = QueryParser.parseCondition(text);
        assertThat(r.diagnostics())
                .extracting(d -> at(text, d), Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "HJ010@1:6", "mismatched input ')'. Expecting: <expression>"),
                        org.assertj.core.groups.Tuple.tuple(
                                "HJ010@1:16", "mismatched input ')'. Expecting: <expression>"),
                        org.assertj.core.groups.Tuple.tuple(
                                "HJ010@1:24", "unexpected end of query. Expecting: <expression>"));
    }

    @Test
    void recoveryKeepsGoingAfterAnExtraOperatorAndStillBuildsTheTree() {
        String text = "a = 1 AND AND b = 2 OR = 3";
        ParseResult<Condition> r = QueryParser.parseCondition(text);
        assertThat(r.diagnostics())
                .extracting(d -> at(text, d), Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "HJ010@1:11", "extraneous input 'AND'. Expecting: <expression>"),
                        org.assertj.core.groups.Tuple.tuple(
                                "HJ010@1:24", "extraneous input '='. Expecting: <expression>"));
        assertThat(r.value()).isPresent();
    }

    @Test
    void operatorWhereAnOperandBelongsReadsAsMismatchedInputExpectingExpression() {
        ParseResult<Condition> r = QueryParser.parseCondition("a = AND");
        assertThat(r.diagnostics()).first().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.QUERY_SYNTAX);
            assertThat(d.message()).isEqualTo("mismatched input 'AND'. Expecting: <expression>");
            assertThat(d.span()).isEqualTo(Span.of(4, 7));
        });
    }

    @Test
    void textThatStopsEarlyReadsAsUnexpectedEndOfQuery() {
        ParseResult<Condition> r = QueryParser.parseCondition("a = 1 AND");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("unexpected end of query. Expecting: <expression>");
            assertThat(d.span()).isEqualTo(Span.at(9));
        });
        assertThat(r.value()).isEmpty();
    }

    @Test
    void missingClosingParenthesisIsNamed() {
        ParseResult<Condition> r = QueryParser.parseCondition("a = 1 AND (b = 2");
        assertThat(r.diagnostics())
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("missing ')' before end of query");
    }

    @Test
    void badEscapesAreEachReportedAtTheirOwnColumn() {
        String text = "é = 'x\\q\\z' AND b = '\\u12'";
        ParseResult<Condition> r = QueryParser.parseCondition(text);
        assertThat(r.diagnostics())
                .extracting(d -> at(text, d), Diagnostic::span, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "HJ010@1:7", Span.of(6, 8), "invalid escape sequence '\\q'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "HJ010@1:9", Span.of(8, 10), "invalid escape sequence '\\z'"),
                        org.assertj.core.groups.Tuple.tuple(
                                "HJ010@1:22",
                                Span.of(21, 23),
                                "invalid unicode escape: \\u must be followed by four hexadecimal digits"));
    }

    @Test
    void badEscapeAfterAnEmojiIsReportedAtItsUtf16Column() {
        String text = "tags.x = '😀\\q'";
        ParseResult<Condition> r = QueryParser.parseCondition(text);
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.span().textOf(text)).isEqualTo("\\q");
            assertThat(at(text, d)).isEqualTo("HJ010@1:13");
        });
    }

    @Test
    void inWithParenthesesHasAFixThatSwapsThemForBrackets() {
        String text = "deviceId IN ('a','b')";
        ParseResult<Condition> r = QueryParser.parseCondition(text);
        Diagnostic d = r.diagnostics().stream()
                .filter(x -> x.code().equals(Codes.IN_PARENTHESES))
                .findFirst()
                .orElseThrow();
        assertThat(d.span()).isEqualTo(Span.of(12, 13));
        assertThat(d.fixes()).singleElement().satisfies(fix -> {
            assertThat(fix.safe()).isTrue();
            assertThat(fix.edits())
                    .containsExactly(new TextEdit(Span.of(12, 13), "["), new TextEdit(Span.of(20, 21), "]"));
            String fixed = Fixes.apply(text, List.of(fix));
            assertThat(fixed).isEqualTo("deviceId IN ['a','b']");
            assertThat(QueryParser.parseCondition(fixed).diagnostics()).isEmpty();
        });
        // The tree is built as if brackets had been written.
        assertThat(QueryFormatter.format(r.get())).isEqualTo("deviceId IN ['a', 'b']");
    }

    @Test
    void ninWithParenthesesIsReportedToo() {
        ParseResult<Condition> r = QueryParser.parseCondition("x NIN (1, -2)");
        assertThat(r.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.IN_PARENTHESES);
        assertThat(r.diagnostics().get(0).message()).contains("NIN [...]");
    }

    @Test
    void inWithAnUnclosedParenthesisOffersNoFixThatEditsTheStartOfTheQuery() {
        String text = "a IN (1, 2";
        ParseResult<Condition> r = QueryParser.parseCondition(text);
        Diagnostic d = r.diagnostics().stream()
                .filter(x -> x.code().equals(Codes.IN_PARENTHESES))
                .findFirst()
                .orElseThrow();
        assertThat(d.span()).isEqualTo(Span.of(5, 6));
        assertThat(d.fixes())
                .allSatisfy(fix -> assertThat(fix.edits())
                        .allSatisfy(e -> assertThat(e.span().start()).isGreaterThanOrEqualTo(5)));
        r.value()
                .ifPresent(c -> assertThat(((Expr.In) c.expression().orElseThrow())
                                .list()
                                .span()
                                .start())
                        .isEqualTo(5));
    }

    @Test
    void unterminatedStringIsHj013OverTheWholeLiteralForBothQuoteStyles() {
        assertThat(QueryParser.parseCondition("a = 'x").diagnostics())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.code()).isEqualTo(Codes.UNTERMINATED_STRING);
                    assertThat(d.span()).isEqualTo(Span.of(4, 6));
                });
        assertThat(QueryParser.parseCondition("a = \"x").diagnostics())
                .singleElement()
                .extracting(Diagnostic::code)
                .isEqualTo(Codes.UNTERMINATED_STRING);
    }

    @Test
    void strayCharacterIsASyntaxErrorNotALexerCrash() {
        ParseResult<Condition> r = QueryParser.parseCondition("a = @");
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.QUERY_SYNTAX);
            assertThat(d.message()).isEqualTo("mismatched input '@'. Expecting: <expression>");
        });
    }

    @Test
    void hexNumberBeyondSixtyFourBitsIsReported() {
        ParseResult<Condition> r = QueryParser.parseCondition("a = 0xFFFFFFFFFFFFFFFFFF");
        assertThat(r.diagnostics())
                .singleElement()
                .extracting(Diagnostic::message, Diagnostic::span)
                .containsExactly("hexadecimal number '0xFFFFFFFFFFFFFFFFFF' is too large", Span.of(4, 24));
    }

    @Test
    void diagnosticsComeInTextOrder() {
        ParseResult<Condition> r = QueryParser.parseCondition("a IN ('x\\q', 'y') AND b = 'z\\w' AND AND c");
        assertThat(r.diagnostics())
                .hasSizeGreaterThanOrEqualTo(3)
                .isSortedAccordingTo(Comparator.comparing(Diagnostic::span));
    }

    @Test
    void nonNumberAfterTopIsASyntaxErrorNotAnException() {
        ParseResult<Query> quoted = QueryParser.parseQuery("SELECT TOP 'a' x FROM devices");
        assertThat(quoted.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.message()).isEqualTo("mismatched input ''a''. Expecting: <number>");
            assertThat(d.span()).isEqualTo(Span.of(11, 14));
        });
        assertThat(QueryParser.parseQuery("SELECT TOP FROM devices").diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("mismatched input 'FROM'. Expecting: <number>");
        ParseResult<Query> missing = QueryParser.parseQuery("SELECT TOP x FROM devices");
        assertThat(missing.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly("missing <number> before input 'x'");
        assertThat(missing.value()).hasValueSatisfying(q -> assertThat(q.top()).isEmpty());
    }
}
