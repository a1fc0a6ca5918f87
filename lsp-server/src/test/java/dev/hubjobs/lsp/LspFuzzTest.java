package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonObject;
import dev.hubjobs.testing.FuzzInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzz target for the language server's message handling (docs/fuzzing.md): the fuzzer's bytes
 * go to a real server as they are, framed or not, and the server must still answer a well-formed
 * request afterwards, unless those bytes told it to exit.
 *
 * <p>One server serves many inputs (starting one per input would cost more than the input);
 * a fresh one replaces it every {@link #INPUTS_PER_SERVER} inputs, so that documents opened by
 * earlier inputs do not pile up, and after an input that made it exit.
 */
class LspFuzzTest {

    static final int MAX_BYTES = 4 * 1024;

    static final int INPUTS_PER_SERVER = 500;

    /**
     * A Content-Length above this is not fed: a frame the input starts must be finished before the
     * probe, by up to this many bytes of padding (see {@link #padding}).
     */
    static final int MAX_DECLARED_LENGTH = 64 * 1024;

    private static final String PROBE_JOB =
            "{\\\"jobId\\\": \\\"probe\\\", \\\"type\\\": \\\"scheduleDeviceMethod\\\", "
                    + "\\\"queryCondition\\\": \\\"tags.building = '43'\\\", \\\"cloudToDeviceMethod\\\": "
                    + "{\\\"methodName\\\": \\\"reboot\\\"}}";

    /** Held here: a logger nobody references can be collected, and its level with it. */
    private static final List<Logger> QUIET =
            List.of(Logger.getLogger("org.eclipse.lsp4j"), Logger.getLogger("dev.hubjobs.lsp"));

    private static final List<Level> LEVELS =
            QUIET.stream().map(Logger::getLevel).toList();

    private static RawWire wire;
    private static int inputs;
    private static int probes;

    static {
        // Broken input is logged at WARNING by design; millions of such lines would drown the run.
        QUIET.forEach(l -> l.setLevel(Level.OFF));
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (wire != null) {
            retire();
        }
        for (int i = 0; i < QUIET.size(); i++) {
            QUIET.get(i).setLevel(LEVELS.get(i));
        }
    }

    @FuzzTest
    void messages(byte[] data) throws Exception {
        byte[] bytes = FuzzInput.bounded(data, MAX_BYTES);
        int padding = padding(bytes);
        if (wire == null || inputs++ >= INPUTS_PER_SERVER) {
            if (wire != null) {
                retire();
            }
            wire = new RawWire();
            wire.send(
                    "{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
            wire.await(m -> m.has("id")
                    && m.get("id").isJsonPrimitive()
                    && m.get("id").getAsString().equals("init"));
            wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            inputs = 1;
        }
        wire.sendBytes(bytes);
        if (padding < 0) {
            // The server now waits for a body longer than we want to send: it cannot answer.
            retire();
            return;
        }
        // End any header block the input left open and fill any body it started, then resynchronise.
        wire.sendBytes("\r\n\r\n" + " ".repeat(padding) + "\r\n");

        int n = ++probes;
        String uri = "untitled:probe-" + n + ".job.json";
        wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\",\"languageId\":\"json\",\"version\":1,\"text\":\"" + PROBE_JOB + "\"}}}");
        wire.send("{\"jsonrpc\":\"2.0\",\"id\":\"probe-" + n + "\",\"method\":\"textDocument/documentSymbol\","
                + "\"params\":{\"textDocument\":{\"uri\":\"" + uri + "\"}}}");
        JsonObject answer = wire.await(m -> m.has("id")
                && m.get("id").isJsonPrimitive()
                && m.get("id").getAsString().equals("probe-" + n)
                && !m.has("method"));
        wire.send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didClose\",\"params\":{\"textDocument\":{\"uri\":\""
                + uri + "\"}}}");
        if (!wire.exitCodes.isEmpty() || wire.server.isShutDown()) {
            // Told to exit, a real server is gone by now; this one answered anyway. Told to shut
            // down, it answers every request with the protocol's error until it is told to exit.
            retire();
            return;
        }
        assertThat(answer.has("error"))
                .as("answer to the probe after %s: %s", new String(bytes, StandardCharsets.UTF_8), answer)
                .isFalse();
        assertThat(answer.getAsJsonArray("result").asList())
                .as("symbols of the probe document")
                .isNotEmpty();
    }

    private static void retire() throws IOException {
        wire.server.exit();
        wire.close();
        wire = null;
    }

    /**
     * How many bytes after the input finish any frame it started: the largest Content-Length it
     * declares anywhere (the server reads one frame at a time, so no more is ever owed), or -1 if
     * that is more than {@link #MAX_DECLARED_LENGTH}. Declarations are found as the server's
     * framing finds them: "content-length:" in any case, then a decimal number up to the line end.
     */
    static int padding(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        int most = 0;
        for (int at = text.indexOf("content-length:"); at >= 0; at = text.indexOf("content-length:", at + 1)) {
            int end = text.indexOf('\n', at);
            String value = text.substring(at + "content-length:".length(), end < 0 ? text.length() : end)
                    .trim();
            try {
                long n = Long.parseLong(value);
                if (n > MAX_DECLARED_LENGTH) {
                    return -1;
                }
                most = (int) Math.max(most, n);
            } catch (NumberFormatException e) {
                // Not a length the server would read either.
            }
        }
        return most;
    }
}
