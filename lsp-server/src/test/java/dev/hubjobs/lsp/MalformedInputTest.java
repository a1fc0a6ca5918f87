package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Broken input must cost at most the broken message, never the session. */
class MalformedInputTest {

    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}";

    @Test
    void serverSurvivesGarbageBadHeadersAndInvalidJson() throws Exception {
        try (RawWire wire = new RawWire()) {
            wire.sendBytes("\u0000\u00ff\u00fegarbage without any header\r\n\r\n");
            wire.sendBytes("Content-Length: twelve\r\n\r\n{\"a\": 1}");
            wire.sendBytes("Content-Length: 5\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":77,\"method\":\"shutdown\"}");
            wire.send("{this is not json");
            wire.send("[1, 2, 3]");
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"textDocument/hover\","
                    + "\"params\":\"not an object\"}");
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\","
                    + "\"params\":{\"textDocument\":{\"uri\":"
                    + "\"untitled:nothing-open\",\"version\":2},\"contentChanges\":[{\"text\":\"{}\"}]}}");

            wire.send(String.format(INITIALIZE, 3));
            JsonObject init = wire.await(RawWire.response(3));
            assertThat(init.getAsJsonObject("result")
                            .getAsJsonObject("capabilities")
                            .has("hoverProvider"))
                    .isTrue();

            wire.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such/method\",\"params\":{}}");
            JsonObject unknown = wire.await(RawWire.response(2));
            assertThat(unknown.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32601);

            // Still reading documents after all that.
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
                    + "\"untitled:a.job.json\",\"languageId\":\"json\",\"version\":1,"
                    + "\"text\":\"{\\\"queryCondition\\\": \\\"tag.x = 1\\\"}\"}}}");
            JsonObject published = wire.await(
                    m -> m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics"));
            // The document lacks type (HJ202; jobId may come from the request path) and misspells tags (HJ103).
            assertThat(published
                            .getAsJsonObject("params")
                            .getAsJsonArray("diagnostics")
                            .asList())
                    .extracting(d -> d.getAsJsonObject().get("code").getAsString())
                    .containsExactly("HJ202", "HJ103");
            assertThat(wire.exitCodes.poll(0, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void messagesNestedThousandsDeepAreDroppedAndTheSessionGoesOn() throws Exception {
        try (RawWire wire = new RawWire()) {
            wire.send(String.format(INITIALIZE, 1));
            wire.await(RawWire.response(1));
            for (int depth : new int[] {5_000, 100_000}) {
                String nested = "[".repeat(depth) + "]".repeat(depth);
                wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeConfiguration\","
                        + "\"params\":{\"settings\":" + nested + "}}");
                wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                        + "{\"uri\":\"untitled:deep.job.json\",\"languageId\":\"json\",\"version\":1,\"text\":\"{}\"},"
                        + "\"extra\":" + nested + "}}");
                // A request whose id comes only after the nesting is still answered.
                wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/hover\",\"params\":" + nested
                        + ",\"id\":\"deep-" + depth + "\"}");
                JsonObject refused =
                        wire.await(m -> m.has("id") && m.get("id").getAsString().equals("deep-" + depth));
                assertThat(refused.getAsJsonObject("error").get("code").getAsInt())
                        .as("%s", refused)
                        .isEqualTo(-32700);
                assertThat(refused.getAsJsonObject("error").get("message").getAsString())
                        .contains("nested deeper");
            }
            // The session goes on: a document opened now is validated, and a request is answered.
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
                    + "\"untitled:a.job.json\",\"languageId\":\"json\",\"version\":1,"
                    + "\"text\":\"{\\\"queryCondition\\\": \\\"tag.x = 1\\\"}\"}}}");
            JsonObject published = wire.await(
                    m -> m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics"));
            assertThat(published.getAsJsonObject("params").get("uri").getAsString())
                    .isEqualTo("untitled:a.job.json");
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/documentSymbol\","
                    + "\"params\":{\"textDocument\":{\"uri\":\"untitled:a.job.json\"}}}");
            JsonObject symbols = wire.await(RawWire.response(2));
            assertThat(symbols.getAsJsonArray("result")
                            .get(0)
                            .getAsJsonObject()
                            .get("name")
                            .getAsString())
                    .isEqualTo("queryCondition");
            assertThat(wire.exitCodes.poll(0, TimeUnit.SECONDS)).isNull();
        }
    }

    @Test
    void nestingIsAcceptedUpToTheLimitAndRefusedBeyondIt() throws Exception {
        try (RawWire wire = new RawWire()) {
            wire.send(String.format(INITIALIZE, 1));
            wire.await(RawWire.response(1));
            // The envelope is one level and params another: the extra member adds the rest.
            for (int depth : new int[] {MessageReader.MAX_DEPTH, MessageReader.MAX_DEPTH + 1}) {
                int extra = depth - 2;
                wire.send("{\"jsonrpc\":\"2.0\",\"id\":" + depth + ",\"method\":\"textDocument/hover\",\"params\":"
                        + "{\"textDocument\":{\"uri\":\"untitled:none.job.json\"},\"position\":{\"line\":0,\"character\":0},"
                        + "\"extra\":" + "[".repeat(extra) + "]".repeat(extra) + "}}");
                JsonObject answer = wire.await(RawWire.response(depth));
                if (depth == MessageReader.MAX_DEPTH) {
                    assertThat(answer.has("result")).as("%s", answer).isTrue();
                } else {
                    assertThat(answer.getAsJsonObject("error").get("code").getAsInt())
                            .isEqualTo(-32700);
                }
            }
        }
    }

    @Test
    void requestThatFailsIsAnsweredWithoutAStackTrace() throws Exception {
        try (RawWire wire = new RawWire()) {
            wire.send(String.format(INITIALIZE, 1));
            wire.await(RawWire.response(1));
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"untitled:a.job.json\",\"languageId\":\"json\",\"version\":1,\"text\":\"{}\"}}}");
            // Required parameters left out: the position of a hover, the context of a code action.
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\","
                    + "\"params\":{\"textDocument\":{\"uri\":\"untitled:a.job.json\"}}}");
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/codeAction\","
                    + "\"params\":{\"textDocument\":{\"uri\":\"untitled:a.job.json\"}}}");
            // The two are handled at once, so their answers may come in either order.
            Map<Integer, JsonObject> answers = new HashMap<>();
            while (answers.size() < 2) {
                JsonObject m = wire.await(RawWire.response(2).or(RawWire.response(3)));
                answers.put(m.get("id").getAsInt(), m);
            }
            for (JsonObject failed : answers.values()) {
                assertThat(failed.getAsJsonObject("error").get("code").getAsInt())
                        .as("%s", failed)
                        .isEqualTo(-32603);
                assertThat(failed.getAsJsonObject("error").has("data"))
                        .as("%s", failed)
                        .isFalse();
                assertThat(failed.toString()).doesNotContain("\\tat ", ".java:");
            }
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":"
                    + "{\"uri\":\"untitled:a.job.json\"},\"position\":{\"line\":0,\"character\":0}}}");
            assertThat(wire.await(RawWire.response(4)).has("result")).isTrue();
        }
    }

    @Test
    void cancelledRequestIsAnsweredAsCancelled() throws Exception {
        try (RawWire wire = new RawWire()) {
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":"
                    + "{\"textDocument\":{\"diagnostic\":{}}}}}");
            wire.await(RawWire.response(1));
            // A job array of about 1 MB: validating it takes far longer than reading the cancel that follows.
            StringBuilder big = new StringBuilder("[");
            for (int i = 0; big.length() < 1_000_000; i++) {
                big.append(i == 0 ? "" : ",")
                        .append("{\\\"jobId\\\": \\\"job-")
                        .append(i)
                        .append("\\\", \\\"queryCondition\\\": \\\"tags.floor = ")
                        .append(i % 7)
                        .append(" AND deviceId IN ['a', 'b']\\\"}");
            }
            big.append(']');
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
                    + "\"untitled:big.job.json\",\"languageId\":\"json\",\"version\":1,\"text\":\"" + big + "\"}}}");
            // The request and its cancellation in one write, as a client does when the user moves on.
            wire.sendBytes(RawWire.frame("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"textDocument/diagnostic\","
                            + "\"params\":{\"textDocument\":{\"uri\":\"untitled:big.job.json\"}}}")
                    + RawWire.frame("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":9}}"));
            JsonObject response = wire.await(RawWire.response(9));
            assertThat(response.has("error")).as("response %s", response).isTrue();
            assertThat(response.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32800);

            // The next request on the same document is answered in full.
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"textDocument/diagnostic\","
                    + "\"params\":{\"textDocument\":{\"uri\":\"untitled:big.job.json\"}}}");
            JsonObject full = wire.await(RawWire.response(10));
            assertThat(full.getAsJsonObject("result").get("kind").getAsString()).isEqualTo("full");
        }
    }
}
