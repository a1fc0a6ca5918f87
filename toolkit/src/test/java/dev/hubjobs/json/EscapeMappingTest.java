package dev.hubjobs.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.text.Span;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Offsets inside a decoded string value map back to the document through escapes. */
class EscapeMappingTest {

    private static JsonString onlyValue(String text) {
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics()).isEmpty();
        return (JsonString)
                ((JsonObject) doc.root().orElseThrow()).members().get(0).value();
    }

    @Test
    void everyDecodedOffsetMapsToTheStartOfItsRawSpelling() {
        String content = "a\\\"b\\\\c\\nd\\u00e9😀\\ud83d\\ude00z";
        String text = "{\"q\": \"" + content + "\"}";
        int c = text.indexOf(content);
        JsonString s = onlyValue(text);
        assertThat(s.value()).isEqualTo("a\"b\\c\nd\u00e9😀😀z");
        // Decoded units: a " b \ c LF d é 😀(hi, lo) 😀(hi, lo) z, then the end.
        int[] rawStart = {0, 1, 3, 4, 6, 7, 9, 10, 16, 17, 18, 24, 30, 31};
        assertThat(IntStream.rangeClosed(0, s.value().length())
                        .map(s::documentOffset)
                        .toArray())
                .containsExactly(IntStream.of(rawStart).map(r -> c + r).toArray());
        assertThat(s.contentSpan()).isEqualTo(Span.of(c, c + content.length()));
    }

    @Test
    void spansThroughEscapesCoverTheRawText() {
        String text = "{\"q\": \"x\\u00e9\\\"y\\ud83d\\ude00\"}";
        JsonString s = onlyValue(text);
        assertThat(s.value()).isEqualTo("xé\"y😀");
        assertThat(s.documentSpan(Span.of(1, 2)).textOf(text)).isEqualTo("\\u00e9");
        assertThat(s.documentSpan(Span.of(2, 4)).textOf(text)).isEqualTo("\\\"y");
        assertThat(s.documentSpan(Span.of(4, 6)).textOf(text)).isEqualTo("\\ud83d\\ude00");
        assertThat(s.documentSpan(Span.of(0, s.value().length())).textOf(text))
                .isEqualTo("x\\u00e9\\\"y\\ud83d\\ude00");
    }

    @Test
    void stringWithoutEscapesMapsOneToOneIncludingRawNonAscii() {
        String text = "{\"q\": \"é😀x\"}";
        JsonString s = onlyValue(text);
        assertThat(s.documentSpan(Span.of(3, 4)).textOf(text)).isEqualTo("x");
        assertThat(s.documentSpan(Span.of(1, 3)).textOf(text)).isEqualTo("😀");
        assertThat(s.documentOffset(99)).isEqualTo(text.indexOf("\"}"));
    }

    @Test
    void singleQuotedStringMapsThroughItsEscapedQuote() {
        String text = "{\"q\": 'it\\'s x'}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        JsonString s =
                (JsonString) ((JsonObject) doc.root().orElseThrow()).get("q").orElseThrow();
        assertThat(s.value()).isEqualTo("it's x");
        assertThat(s.documentSpan(Span.of(5, 6)).textOf(text)).isEqualTo("x");
    }

    @Test
    void queryErrorInsideAJobDocumentIsReportedWhereTheBadTokenStandsInTheFile() {
        String text = """
                {
                  "jobId": "j",
                  "queryCondition": "tags.n = \\"caf\\u00e9\\" AND AND x = 1"
                }
                """;
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics()).isEmpty();
        JsonString condition = (JsonString)
                ((JsonObject) doc.root().orElseThrow()).get("queryCondition").orElseThrow();
        assertThat(condition.value()).isEqualTo("tags.n = \"café\" AND AND x = 1");

        Diagnostic inQuery =
                QueryParser.parseCondition(condition.value()).diagnostics().get(0);
        assertThat(inQuery.code()).isEqualTo(Codes.QUERY_SYNTAX);
        assertThat(inQuery.span()).isEqualTo(Span.of(20, 23));

        Span inDocument = condition.documentSpan(inQuery.span());
        assertThat(inDocument.textOf(text)).isEqualTo("AND");
        assertThat(doc.lines().humanPosition(inDocument.start()).toString()).isEqualTo("3:49");
        assertThat(doc.lines().position(inDocument.start()).toString()).isEqualTo("2:48");
        // The same through Diagnostic.relocate, as the validator will do it.
        Diagnostic moved = inQuery.relocate(condition::documentSpan, condition::encode);
        assertThat(moved.span()).isEqualTo(inDocument);
    }

    @Test
    void queryErrorAfterAnEmojiInAJobDocumentHasAnLspColumnInUtf16Units() {
        String text = "{\"queryCondition\": \"tags.n = '😀' AND AND x\"}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        JsonString condition = (JsonString)
                ((JsonObject) doc.root().orElseThrow()).get("queryCondition").orElseThrow();
        Diagnostic inQuery =
                QueryParser.parseCondition(condition.value()).diagnostics().get(0);
        Span inDocument = condition.documentSpan(inQuery.span());
        assertThat(inDocument.textOf(text)).isEqualTo("AND");
        assertThat(doc.lines().position(inDocument.start()).toString()).isEqualTo("0:38");
    }

    @Test
    void inParenthesesFixInsideAJobDocumentEditsTheDocumentText() {
        String text = "{\"queryCondition\": \"deviceId IN (\\u0027a\\u0027)\"}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        JsonString condition = (JsonString)
                ((JsonObject) doc.root().orElseThrow()).get("queryCondition").orElseThrow();
        Diagnostic moved = QueryParser.parseCondition(condition.value())
                .diagnostics()
                .get(0)
                .relocate(condition::documentSpan, condition::encode);
        assertThat(moved.code()).isEqualTo(Codes.IN_PARENTHESES);
        String fixed = dev.hubjobs.testing.Fixes.apply(text, moved.fixes());
        assertThat(fixed).isEqualTo("{\"queryCondition\": \"deviceId IN [\\u0027a\\u0027]\"}");
    }
}
