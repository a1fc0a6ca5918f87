package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The protocol's states: nothing before initialize, only exit after shutdown, and exit's code. */
class LifecycleTest {

    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}";
    private static final String OPEN = "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":"
            + "{\"textDocument\":{\"uri\":\"untitled:a.job.json\",\"languageId\":\"json\",\"version\":1,"
            + "\"text\":\"{\\\"queryCondition\\\": \\\"tag.x = 1\\\"}\"}}}";
    private static final String SYMBOLS = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"textDocument/documentSymbol\","
            + "\"params\":{\"textDocument\":{\"uri\":\"untitled:a.job.json\"}}}";
    private static final Predicate<JsonObject> PUBLISHED =
            m -> m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics");

    private static int errorCode(JsonObject response) {
        assertThat(response.has("error")).as("%s", response).isTrue();
        return response.getAsJsonObject("error").get("code").getAsInt();
    }

    @Test
    void beforeInitializeRequestsAreRefusedAndNotificationsDropped() throws Exception {
        try (RawWire wire = new RawWire()) {
            wire.send(OPEN);
            wire.send(String.format(SYMBOLS, 1));
            assertThat(errorCode(wire.await(RawWire.response(1)))).isEqualTo(-32002);
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such/method\"}");
            assertThat(errorCode(wire.await(RawWire.response(2)))).isEqualTo(-32002);

            wire.send(String.format(INITIALIZE, 3));
            assertThat(wire.await(RawWire.response(3)).has("result")).isTrue();
            // The document opened too early was never opened: no symbols, no diagnostics.
            wire.send(String.format(SYMBOLS, 4));
            assertThat(wire.await(RawWire.response(4)).getAsJsonArray("result")).isEmpty();
            assertThat(wire.poll(PUBLISHED, 2 * JobTextDocumentService.DEBOUNCE_MILLIS))
                    .isNull();

            wire.send(String.format(INITIALIZE, 5));
            assertThat(errorCode(wire.await(RawWire.response(5))))
                    .as("a second initialize")
                    .isEqualTo(-32600);
            wire.send(OPEN);
            assertThat(wire.await(PUBLISHED)).isNotNull();
        }
    }

    @Test
    void afterShutdownRequestsAreInvalidAndExitEndsWithZero() throws Exception {
        try (RawWire wire = new RawWire()) {
            wire.send(String.format(INITIALIZE, 1));
            wire.await(RawWire.response(1));
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
            JsonObject shutdown = wire.await(RawWire.response(2));
            assertThat(shutdown.has("result") && shutdown.get("result").isJsonNull())
                    .as("%s", shutdown)
                    .isTrue();

            wire.send(String.format(SYMBOLS, 3));
            assertThat(errorCode(wire.await(RawWire.response(3)))).isEqualTo(-32600);
            wire.send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\"}");
            assertThat(errorCode(wire.await(RawWire.response(4)))).isEqualTo(-32600);
            wire.send(OPEN);
            assertThat(wire.poll(PUBLISHED, 2 * JobTextDocumentService.DEBOUNCE_MILLIS))
                    .isNull();
            assertThat(wire.exitCodes).isEmpty();

            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertThat(wire.exitCodes.poll(WireHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo(0);
        }
    }

    @Test
    void exitWithoutShutdownEndsWithOne() throws Exception {
        try (RawWire wire = new RawWire()) {
            wire.send(String.format(INITIALIZE, 1));
            wire.await(RawWire.response(1));
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertThat(wire.exitCodes.poll(WireHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .isEqualTo(1);
        }
        try (RawWire wire = new RawWire()) {
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertThat(wire.exitCodes.poll(WireHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS))
                    .as("exit before initialize")
                    .isEqualTo(1);
        }
    }
}
