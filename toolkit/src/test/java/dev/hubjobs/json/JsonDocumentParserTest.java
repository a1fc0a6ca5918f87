package dev.hubjobs.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.testing.Fixes;
import dev.hubjobs.testing.TestFiles;
import dev.hubjobs.text.Span;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON tree with spans, and every syntax problem of a job document reported in one pass. */
class JsonDocumentParserTest {

    /** "code@line:col" (1-based) of each diagnostic. */
    static List<String> positions(JsonDocument doc) {
        return doc.diagnostics().stream()
                .map(d -> d.code() + "@" + doc.lines().humanPosition(d.span().start()))
                .toList();
    }

    @Test
    void keysAndValuesCarryTheirExactSpansIncludingQuotes() {
        String text = "{\"key\": \"value\", \"n\": -1.5e3, \"b\": true, \"z\": null, \"arr\": [1, {\"x\": []}]}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics()).isEmpty();
        JsonObject root = (JsonObject) doc.root().orElseThrow();
        assertThat(root.span()).isEqualTo(Span.of(0, text.length()));
        assertThat(root.members())
                .extracting(
                        m -> m.key().span().textOf(text), m -> m.value().span().textOf(text))
                .containsExactly(
                        tuple("\"key\"", "\"value\""),
                        tuple("\"n\"", "-1.5e3"),
                        tuple("\"b\"", "true"),
                        tuple("\"z\"", "null"),
                        tuple("\"arr\"", "[1, {\"x\": []}]"));
        assertThat(root.members().get(0).span().textOf(text)).isEqualTo("\"key\": \"value\"");
        JsonString value = (JsonString) root.get("key").orElseThrow();
        assertThat(value.contentSpan().textOf(text)).isEqualTo("value");
        JsonArray arr = (JsonArray) root.get("arr").orElseThrow();
        assertThat(arr.elements()).extracting(v -> v.span().textOf(text)).containsExactly("1", "{\"x\": []}");
        assertThat(arr.elements()).extracting(JsonValue::typeName).containsExactly("number", "object");
    }

    @Test
    void duplicateKeyIsReportedOnEachLaterOccurrenceAndTheLastOneWins() {
        String text = "{\"a\": 1, \"b\": 2, \"a\": 3, \"a\": 4}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics())
                .extracting(Diagnostic::code, Diagnostic::span)
                .containsExactly(
                        tuple(Codes.DUPLICATE_KEY, Span.of(17, 20)), tuple(Codes.DUPLICATE_KEY, Span.of(25, 28)));
        assertThat(doc.diagnostics().get(0).data()).containsEntry("firstDefinedAt", 1);
        JsonObject root = (JsonObject) doc.root().orElseThrow();
        assertThat(root.get("a")).get().extracting(v -> v.span().textOf(text)).isEqualTo("4");
    }

    @Test
    void javaScriptIsmsAreHj002WithFixesThatProduceValidJson() {
        String text = "{jobId: 'j-1', \"tags\": {'x': [1, 2,],}, \"n\": 1,}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics()).extracting(Diagnostic::code).containsOnly(Codes.JSON_NON_STANDARD);
        assertThat(doc.diagnostics())
                .extracting(d -> d.span().textOf(text))
                .containsExactly("jobId", "'j-1'", "'x'", ",", ",", ",");
        assertThat(doc.diagnostics())
                .allSatisfy(d -> assertThat(d.fixes())
                        .singleElement()
                        .satisfies(f -> assertThat(f.safe()).isTrue()));

        String fixed = Fixes.apply(
                text,
                doc.diagnostics().stream().flatMap(d -> d.fixes().stream()).toList());
        assertThat(fixed).isEqualTo("{\"jobId\": \"j-1\", \"tags\": {\"x\": [1, 2]}, \"n\": 1}");
        assertThat(JsonDocumentParser.parse(fixed).diagnostics()).isEmpty();
    }

    @Test
    void singleQuotedStringWithEscapesIsFixedToAnEquivalentDoubleQuotedString() {
        String text = "{\"q\": 'it\\'s \"x\"'}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics())
                .singleElement()
                .extracting(Diagnostic::code)
                .isEqualTo(Codes.JSON_NON_STANDARD);
        String fixed = Fixes.apply(text, doc.diagnostics().get(0).fixes());
        JsonDocument again = JsonDocumentParser.parse(fixed);
        assertThat(again.diagnostics()).isEmpty();
        assertThat(((JsonObject) again.root().orElseThrow()).get("q"))
                .get()
                .extracting(v -> ((JsonString) v).value())
                .isEqualTo("it's \"x\"");
    }

    @Test
    void placeholderFromTheDocumentationIsHj002AndAnInvalidValue() {
        String text = "{\"updateTwin\": <patch>}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.JSON_NON_STANDARD);
            assertThat(d.span().textOf(text)).isEqualTo("<patch>");
        });
        assertThat(((JsonObject) doc.root().orElseThrow()).get("updateTwin"))
                .get()
                .isInstanceOf(JsonValue.JsonInvalid.class);
    }

    @Test
    void commentsAreAllowedWithoutAnyDiagnostic() {
        String text = """
                // leading comment
                {
                  /* block
                     comment */ "a": 1, // trailing
                  "b": /* inline */ [true]
                }
                // the end""";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics()).isEmpty();
        assertThat(((JsonObject) doc.root().orElseThrow()).members()).hasSize(2);
    }

    @Test
    void missingCommaIsHj001AndTheFollowingMembersAreStillRead() {
        String text = "{\"a\": 1 \"b\": 2, \"c\": 3}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(positions(doc)).containsExactly("HJ001@1:9");
        assertThat(doc.diagnostics().get(0).message()).isEqualTo("missing ',' before '\"b\"'");
        assertThat(((JsonObject) doc.root().orElseThrow()).members())
                .extracting(m -> m.key().value())
                .containsExactly("a", "b", "c");
    }

    @Test
    void doubledAndLeadingCommasAreHj001AndTheFollowingMembersAreStillRead() {
        String text = "{, \"a\": [1,,2], \"b\": 2,, \"c\": 3}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(positions(doc)).containsExactly("HJ001@1:2", "HJ001@1:12", "HJ001@1:24");
        JsonObject root = (JsonObject) doc.root().orElseThrow();
        assertThat(root.members()).extracting(m -> m.key().value()).containsExactly("a", "b", "c");
        assertThat(((JsonArray) root.get("a").orElseThrow()).elements()).hasSize(2);
        String fixed = Fixes.apply(
                text,
                doc.diagnostics().stream().flatMap(d -> d.fixes().stream()).toList());
        assertThat(JsonDocumentParser.parse(fixed).diagnostics()).isEmpty();
    }

    @Test
    void memberWithoutAValueIsNotMistakenForATrailingComma() {
        String text = "{\"a\": 1, \"e\": }";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.JSON_SYNTAX);
            assertThat(d.message()).isEqualTo("mismatched input '}'. Expecting: <value>");
        });
    }

    @Test
    void unterminatedStringEndsAtTheLineEndAndParsingContinues() {
        String text = "{\"a\": \"x\n, \"b\": 2}";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.JSON_SYNTAX);
            assertThat(d.message()).startsWith("unterminated string");
            assertThat(d.span().textOf(text)).isEqualTo("\"x");
        });
        assertThat(((JsonObject) doc.root().orElseThrow()).get("b")).isPresent();
    }

    @Test
    void everyErrorInOneFileIsReported() {
        String text = """
                {
                  "jobId": 'j' "type": "scheduleUpdateTwin",
                  startTime: <start>,
                  "a": 1, "a": 2,
                  "b" 3,
                  "c": [1 2,],
                  "d": "\\q"
                }""";
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(positions(doc))
                .containsExactly(
                        "HJ002@2:12", // single-quoted
                        "HJ001@2:16", // missing comma
                        "HJ002@3:3", // unquoted key
                        "HJ002@3:14", // placeholder
                        "HJ004@4:11", // duplicate key
                        "HJ001@5:7", // missing colon
                        "HJ001@6:11", // missing comma in the array
                        "HJ002@6:12", // trailing comma
                        "HJ001@7:9"); // bad escape
        assertThat(((JsonObject) doc.root().orElseThrow()).members())
                .extracting(m -> m.key().value())
                .containsExactly("jobId", "type", "startTime", "a", "a", "b", "c", "d");
    }

    @Test
    void controlCharacterInAStringIsReported() {
        JsonDocument doc = JsonDocumentParser.parse("[\"a\tb\"]");
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.JSON_SYNTAX);
            assertThat(d.span()).isEqualTo(Span.of(3, 4));
        });
    }

    @Test
    void emptyDocumentAndTrailingGarbageAreHj001() {
        assertThat(positions(JsonDocumentParser.parse("  "))).containsExactly("HJ001@1:1");
        assertThat(positions(JsonDocumentParser.parse("{\"a\": 1} x"))).containsExactly("HJ001@1:10");
    }

    static Stream<String> corpusJobs() {
        return Stream.of("charset", "firmware-desired", "reboot-building43", "seed-twin-sample", "wrong-type");
    }

    /**
     * The parser's codes (HJ00x) of each corpus job's {@code .expected}; the other codes there
     * are the validator's. A {@code # mode: subset} file lists what must be present at least.
     */
    @ParameterizedTest
    @MethodSource("corpusJobs")
    void corpusJobGivesTheParserDiagnosticsItsExpectedFileLists(String name) {
        List<String> expectedLines =
                TestFiles.text("corpus/jobs/" + name + ".expected").lines().toList();
        boolean subset = expectedLines.stream().anyMatch(l -> l.startsWith("# mode: subset"));
        List<String> expected = expectedLines.stream()
                .filter(l -> l.startsWith("HJ00"))
                .map(l -> l.replace(' ', '@'))
                .toList();
        List<String> actual = positions(JsonDocumentParser.parse(TestFiles.bytes("corpus/jobs/" + name + ".job.json")));
        if (subset) {
            assertThat(expected).isNotEmpty();
            assertThat(actual).containsAll(expected);
        } else {
            assertThat(actual).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void seedTwinSampleGivesHj002AtEachDocumentationIsm() {
        JsonDocument doc = JsonDocumentParser.parse(TestFiles.bytes("corpus/jobs/seed-twin-sample.job.json"));
        assertThat(positions(doc)).contains("HJ002@2:5", "HJ002@2:12", "HJ002@4:17", "HJ002@6:16");
        assertThat(doc.root()).isPresent();
    }
}
