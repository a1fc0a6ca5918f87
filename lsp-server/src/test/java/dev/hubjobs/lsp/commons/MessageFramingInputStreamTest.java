package dev.hubjobs.lsp.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageFramingInputStreamTest {

    private static String filter(String raw) throws IOException {
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        try (var in = new MessageFramingInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void wellFormedFramesPassUnchangedWithExtraHeadersDropped() throws IOException {
        assertThat(filter("Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
                        + "content-length: 4\r\n\r\n\"é\""))
                .isEqualTo("Content-Length: 2\r\n\r\n{}Content-Length: 4\r\n\r\n\"é\"");
    }

    @Test
    void garbageAndUnreadableLengthsAreSkippedUpToTheNextHeader() throws IOException {
        assertThat(filter("noise\r\nContent-Length: many\r\n\r\n{\"lost\": 1}Content-Length: 2\r\n\r\n{}"))
                .isEqualTo("Content-Length: 2\r\n\r\n{}");
        assertThat(filter("Content-Length: -3\r\n\r\nxyzContent-Length: 2\r\n\r\n[]"))
                .isEqualTo("Content-Length: 2\r\n\r\n[]");
    }

    @Test
    void tooShortLengthCostsOnlyThatMessage() throws IOException {
        // The first frame claims 3 bytes: they pass (and fail as JSON in lsp4j); the rest resynchronises.
        assertThat(filter("Content-Length: 3\r\n\r\n{\"a\":1}Content-Length: 2\r\n\r\n{}"))
                .isEqualTo("Content-Length: 3\r\n\r\n{\"aContent-Length: 2\r\n\r\n{}");
    }

    @Test
    void inputEndingInsideABodyEndsTheStream() throws IOException {
        assertThat(filter("Content-Length: 2\r\n\r\n{}Content-Length: 10\r\n\r\n{\"a\""))
                .isEqualTo("Content-Length: 2\r\n\r\n{}");
    }

    @Test
    void aHeaderAfterACharacterWhoseLowerCaseIsLongerIsReadWhereItIs() throws IOException {
        // 'İ' (U+0130) lower-cases to two characters: offsets found in a lower-cased copy overshoot.
        assertThat(filter("\u0130Content-Length:\r\n\r\nContent-Length: 2\r\n\r\n{}"))
                .isEqualTo("Content-Length: 2\r\n\r\n{}");
        assertThat(filter("\u0130\u0130 Content-Length: 2\r\n\r\n{}")).isEqualTo("Content-Length: 2\r\n\r\n{}");
        assertThat(filter("\u212a content-LENGTH: 2\r\n\r\n[]")).isEqualTo("Content-Length: 2\r\n\r\n[]");
    }
}
