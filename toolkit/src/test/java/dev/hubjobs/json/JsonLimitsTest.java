package dev.hubjobs.json;

import static dev.hubjobs.testing.TestFiles.onDefaultStack;
import static dev.hubjobs.testing.TestFiles.onSmallStack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Size, depth and encoding limits of job documents: HJ005, never a crash. */
class JsonLimitsTest {

    @Test
    void arraysNestedTenThousandDeepGiveHj005AtTheFirstLevelTooDeep() {
        String text = "[".repeat(10_000) + "]".repeat(10_000);
        JsonDocument doc = onSmallStack(() -> JsonDocumentParser.parse(text));
        assertThat(doc.root()).isEmpty();
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.INPUT_LIMIT);
            assertThat(d.span().start()).isEqualTo(JsonDocumentParser.MAX_DEPTH);
        });
    }

    @Test
    void nestingAtTheDepthLimitIsAccepted() {
        int depth = JsonDocumentParser.MAX_DEPTH;
        String text = "{\"a\":".repeat(depth - 1) + "[]" + "}".repeat(depth - 1);
        // Nesting at the limit is parsed recursively, so it needs an ordinary stack, not a tiny one.
        JsonDocument doc = onDefaultStack(() -> JsonDocumentParser.parse(text));
        assertThat(doc.diagnostics()).isEmpty();
        assertThat(doc.root()).isPresent();
    }

    @Test
    void textOverMaxSizeIsRefusedWithoutParsing() {
        // Not JSON at all: parsing it would report HJ001 or HJ002.
        String text = "x".repeat(JsonDocumentParser.MAX_SIZE + 1);
        JsonDocument doc = JsonDocumentParser.parse(text);
        assertThat(doc.root()).isEmpty();
        assertThat(doc.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.INPUT_LIMIT);
    }

    @Test
    void bytesOverMaxSizeAreRefusedWithoutDecoding() {
        byte[] bytes = new byte[JsonDocumentParser.MAX_SIZE + 2];
        Arrays.fill(bytes, (byte) 0xFF);
        JsonDocument doc = JsonDocumentParser.parse(bytes);
        assertThat(doc.root()).isEmpty();
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.INPUT_LIMIT);
            assertThat(d.message()).contains(String.valueOf(JsonDocumentParser.MAX_SIZE + 2));
        });
        // What readBounded gives, one byte past the limit: the true size is not known.
        assertThat(JsonDocumentParser.parse(Arrays.copyOf(bytes, JsonDocumentParser.MAX_SIZE + 1))
                        .diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .startsWith("the document is over " + JsonDocumentParser.MAX_SIZE + " bytes"));
    }

    @Test
    void invalidUtf8IsHj005AtItsPositionAndTheRestIsStillParsed() {
        byte[] head = "{\n  \"é\": \"a".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "b\",\n  \"n\": 1\n}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);

        JsonDocument doc = JsonDocumentParser.parse(bytes);
        assertThat(doc.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.INPUT_LIMIT);
            assertThat(d.message()).contains("byte " + head.length);
            // Line 2: `  "é": "a` then the bad byte, in UTF-16 columns ('é' is one).
            assertThat(doc.lines().humanPosition(d.span().start()).toString()).isEqualTo("2:10");
            assertThat(d.span().textOf(doc.text())).isEqualTo("\uFFFD");
        });
        JsonValue.JsonObject root = (JsonValue.JsonObject) doc.root().orElseThrow();
        assertThat(root.get("é"))
                .get()
                .isInstanceOfSatisfying(
                        JsonValue.JsonString.class, s -> assertThat(s.value()).isEqualTo("a\uFFFDb"));
        assertThat(root.get("n")).get().isInstanceOf(JsonValue.JsonNumber.class);
    }

    @Test
    void everyInvalidUtf8SequenceIsReported() {
        byte[] bytes = {'[', '"', (byte) 0xC3, '"', ',', '"', (byte) 0xE2, (byte) 0x82, '"', ']'};
        JsonDocument doc = JsonDocumentParser.parse(bytes);
        assertThat(doc.diagnostics())
                .extracting(Diagnostic::code)
                .containsExactly(Codes.INPUT_LIMIT, Codes.INPUT_LIMIT);
        assertThat(doc.diagnostics()).extracting(d -> d.span().start()).containsExactly(2, 6);
        assertThat(((JsonValue.JsonArray) doc.root().orElseThrow()).elements()).hasSize(2);
    }

    @Test
    void validUtf8BytesDecodeLikeText() {
        String text = "{\"k\": \"é😀\"}";
        JsonDocument doc = JsonDocumentParser.parse(text.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.diagnostics()).isEmpty();
        assertThat(doc.text()).isEqualTo(text);
    }
}
