package dev.hubjobs.lsp.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageOutlineTest {

    private static MessageOutline outline(String json) {
        return MessageOutline.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void depthIdAndMethodOfARequest() {
        assertThat(outline("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"x\",\"params\":{\"a\":[[1]]}}"))
                .isEqualTo(new MessageOutline(4, "7", true));
        assertThat(outline("{\"params\":[[[]]], \"method\" : \"x\", \"id\" : \"a\\\"b\"}"))
                .isEqualTo(new MessageOutline(4, "\"a\\\"b\"", true));
    }

    @Test
    void bracketsAndNamesInsideStringsAndDeeperObjectsDoNotCount() {
        assertThat(outline("{\"method\":\"[[[{\\\\\",\"params\":{\"id\":3,\"method\":\"m\"}}"))
                .isEqualTo(new MessageOutline(2, null, true));
    }

    @Test
    void responsesHaveNoMethodAndBrokenInputGivesWhatCanBeSeen() {
        assertThat(outline("{\"id\":-1.5e3,\"result\":null}")).isEqualTo(new MessageOutline(1, "-1.5e3", false));
        assertThat(outline("]]]{\"id\":\"unterminated")).isEqualTo(new MessageOutline(1, "\"unterminated", false));
        assertThat(outline("")).isEqualTo(new MessageOutline(0, null, false));
    }
}
