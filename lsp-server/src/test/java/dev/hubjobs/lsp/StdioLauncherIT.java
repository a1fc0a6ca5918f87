package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as an editor starts it: over stdin/stdout, where every byte on stdout must be
 * part of a framed message, and a proper shutdown ends the process with 0.
 */
class StdioLauncherIT {

    private static final Path JAR =
            Path.of(System.getProperty("hubjobs.lsp.jar", "target/hubjobs-lsp.jar")).toAbsolutePath();

    private static Process start() throws IOException {
        assertThat(JAR).as("the shaded server jar (built in package)").exists();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-jar", JAR.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static void send(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Test
    void stdoutCarriesOnlyFramedMessagesAndShutdownExitsWithZero() throws Exception {
        Process server = start();
        OutputStream in = server.getOutputStream();
        send(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                + "\"capabilities\":{}}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
                + "\"untitled:a.job.json\",\"languageId\":\"json\",\"version\":1,"
                + "\"text\":\"{\\\"queryCondition\\\": \\\"tag.x = 1\\\"}\"}}}");

        InputStream out = server.getInputStream();
        List<JsonObject> messages = new ArrayList<>();
        JsonObject published = null;
        while (published == null) {
            JsonObject m = readFrame(out);
            messages.add(m);
            if (m.has("method") && m.get("method").getAsString().equals("textDocument/publishDiagnostics")) {
                published = m;
            }
        }
        assertThat(messages.get(0).get("id").getAsInt()).isEqualTo(1);
        // The document lacks type (HJ202; jobId may come from the request path) and misspells tags (HJ103).
        assertThat(published.getAsJsonObject("params").getAsJsonArray("diagnostics").asList())
                .extracting(d -> d.getAsJsonObject().get("code").getAsString())
                .containsExactly("HJ202", "HJ103");

        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        // Whatever else was written must still be whole frames: no log line slipped onto stdout.
        byte[] rest = out.readAllBytes();
        int offset = 0;
        while (offset < rest.length) {
            var frame = new java.io.ByteArrayInputStream(rest, offset, rest.length - offset);
            int before = frame.available();
            readFrame(frame);
            offset += before - frame.available();
        }
    }

    @Test
    void closedInputEndsTheProcess() throws Exception {
        Process server = start();
        server.getOutputStream().close();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as("no shutdown request came").isEqualTo(1);
        assertThat(server.getInputStream().readAllBytes()).isEmpty();
    }

    private static JsonObject readFrame(InputStream in) throws IOException {
        String header = readLine(in);
        assertThat(header).startsWith("Content-Length: ");
        int length = Integer.parseInt(header.substring(16).trim());
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            assertThat(line).startsWith("Content-Type:");
        }
        byte[] body = in.readNBytes(length);
        assertThat(body).hasSize(length);
        return JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            assertThat(c).as("end of stream inside a header").isNotNegative();
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
