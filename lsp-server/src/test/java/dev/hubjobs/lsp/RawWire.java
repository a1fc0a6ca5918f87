package dev.hubjobs.lsp;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The server behind a byte pipe with no client library: tests write exactly the bytes they want,
 * including broken ones, and read the server's framed messages back as JSON.
 */
final class RawWire implements AutoCloseable {

    final BlockingQueue<Integer> exitCodes = new LinkedBlockingQueue<>();
    final JobLanguageServer server;
    private final PipedOutputStream toServer;
    private final BlockingQueue<JsonObject> fromServer = new LinkedBlockingQueue<>();
    private final Thread reader;

    RawWire() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        server = new JobLanguageServer(exitCodes::add);
        JobServerLauncher.launcher(server, serverIn, serverOut).startListening();
        reader = new Thread(() -> readFrames(clientIn), "raw-wire-reader");
        reader.setDaemon(true);
        reader.start();
    }

    void sendBytes(String raw) throws IOException {
        sendBytes(raw.getBytes(StandardCharsets.UTF_8));
    }

    void sendBytes(byte[] raw) throws IOException {
        toServer.write(raw);
        toServer.flush();
    }

    static String frame(String json) {
        return "Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json;
    }

    void send(String json) throws IOException {
        sendBytes(frame(json));
    }

    /** The next message from the server that satisfies {@code wanted}; others are skipped. */
    JsonObject await(Predicate<JsonObject> wanted) throws InterruptedException {
        JsonObject m = poll(wanted, TimeUnit.SECONDS.toMillis(WireHarness.TIMEOUT_SECONDS));
        if (m == null) {
            throw new AssertionError("no matching message from the server");
        }
        return m;
    }

    /** The next message that satisfies {@code wanted} within {@code millis}, or null; others are skipped. */
    JsonObject poll(Predicate<JsonObject> wanted, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            JsonObject m = fromServer.poll(10, TimeUnit.MILLISECONDS);
            if (m != null && Boolean.getBoolean("rawwire.debug")) {
                System.err.println("<- "
                        + m.toString().substring(0, Math.min(300, m.toString().length())));
            }
            if (m != null && wanted.test(m)) {
                return m;
            }
        }
        return null;
    }

    static Predicate<JsonObject> response(int id) {
        return m -> m.has("id")
                && m.get("id").isJsonPrimitive()
                && m.get("id").getAsString().equals(String.valueOf(id))
                && !m.has("method");
    }

    private void readFrames(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                fromServer.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8))
                        .getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            // The pipe closed: the test is over.
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("closed");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        toServer.close();
    }
}
