package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as an editor starts it: over stdin/stdout, where every byte on stdout must be
 * part of a framed message, and a proper shutdown ends the process with 0.
 */
class StdioLauncherIT {

    private static final Path JAR = Path.of(System.getProperty("hubjobs.lsp.jar", "target/hubjobs-lsp.jar"))
            .toAbsolutePath();

    /**
     * The JVM options an editor should start the server with, and the VS Code extension does
     * ({@code vscode-extension/src/server/serverOptions.ts}): the JVM writes its own messages, such
     * as the one it exits with when the heap runs out, to stdout unless told otherwise.
     */
    private static final List<String> EDITOR_JVM_OPTIONS =
            List.of("-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr");

    private static Process start() throws IOException {
        return start(List.of("-jar", JAR.toString()), ProcessBuilder.Redirect.DISCARD);
    }

    /** {@code java} with these arguments; stdin and stdout are the test's pipes. */
    private static Process start(List<String> javaArguments, ProcessBuilder.Redirect stderr) throws IOException {
        assertThat(JAR).as("the shaded server jar (built in package)").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArguments);
        return new ProcessBuilder(command).redirectError(stderr).start();
    }

    /** What a run of the jar printed, once it ended. */
    private record Run(int exit, String out, String err) {}

    /** Runs the jar with {@code args} and its input left open: it must end on its own. */
    private static Run run(String... args) throws Exception {
        Path err = Files.createTempFile("hubjobs-lsp-", ".err");
        try {
            List<String> command = new ArrayList<>(List.of("-jar", JAR.toString()));
            command.addAll(List.of(args));
            Process server = start(command, ProcessBuilder.Redirect.to(err.toFile()));
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                throw new AssertionError("still running with " + List.of(args) + ": it waits for input");
            }
            String out = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Run(server.exitValue(), out, Files.readString(err));
        } finally {
            Files.delete(err);
        }
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
        send(
                in,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                        + "\"capabilities\":{}}}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        send(
                in,
                "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":"
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
        assertThat(published
                        .getAsJsonObject("params")
                        .getAsJsonArray("diagnostics")
                        .asList())
                .extracting(d -> d.getAsJsonObject().get("code").getAsString())
                .containsExactly("HJ202", "HJ103");

        send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        // Whatever else was written must still be whole frames: no log line slipped onto stdout.
        readFrames(out.readAllBytes());
    }

    @Test
    void closedInputEndsTheProcess() throws Exception {
        Process server = start();
        server.getOutputStream().close();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).as("no shutdown request came").isEqualTo(1);
        assertThat(server.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void helpAndVersionAnswerOnStdoutAndExitWithZero() throws Exception {
        for (String help : List.of("--help", "-h")) {
            Run run = run(help);
            assertThat(run.exit()).isZero();
            assertThat(run.out()).isEqualTo(JobServerLauncher.USAGE);
            assertThat(run.err()).isEmpty();
        }
        for (String version : List.of("--version", "-V")) {
            Run run = run(version);
            assertThat(run.exit()).isZero();
            assertThat(run.out()).matches("hubjobs-lsp \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void unknownArgumentPrintsUsageOnStderrAndExitsWithTwo() throws Exception {
        Run run = run("--port", "5007");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("hubjobs-lsp: unknown argument: --port" + System.lineSeparator() + JobServerLauncher.USAGE);
    }

    @Test
    void stdioArgumentIsAcceptedAndServes() throws Exception {
        Process server = start(List.of("-jar", JAR.toString(), "--stdio"), ProcessBuilder.Redirect.DISCARD);
        send(
                server.getOutputStream(),
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"processId\":null,\"capabilities\":{}}}");
        assertThat(readFrame(server.getInputStream()).get("id").getAsInt()).isEqualTo(1);
        server.getOutputStream().close();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void strayPrintsToSystemOutGoToStderr() throws Exception {
        // Every log record of the server is printed with System.out.println, as a careless library would.
        Path testClasses = Path.of(StdoutLogging.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path err = Files.createTempFile("hubjobs-lsp-", ".err");
        try {
            Process server = start(
                    List.of(
                            "-Djava.util.logging.config.class=" + StdoutLogging.class.getName(),
                            "-cp",
                            JAR + File.pathSeparator + testClasses,
                            JobServerLauncher.class.getName()),
                    ProcessBuilder.Redirect.to(err.toFile()));
            OutputStream in = server.getOutputStream();
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                            + "\"capabilities\":{}}}");
            in.write("noise that is not a header\r\n".getBytes(StandardCharsets.US_ASCII));
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"no/such/method\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}");
            send(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).isZero();
            assertThat(readFrames(server.getInputStream().readAllBytes()))
                    .extracting(m -> m.get("id").getAsInt())
                    .containsExactly(1, 2, 3);
            assertThat(Files.readString(err))
                    .contains(
                            "stray print: skipped input that is not a message header",
                            "stray print: Unsupported request method: no/such/method");
        } finally {
            Files.delete(err);
        }
    }

    @Test
    void runningOutOfHeapWritesNothingButFramesToStdout() throws Exception {
        Path err = Files.createTempFile("hubjobs-lsp-", ".err");
        try {
            List<String> command = new ArrayList<>(List.of("-Xmx64m"));
            command.addAll(EDITOR_JVM_OPTIONS);
            command.addAll(List.of("-jar", JAR.toString()));
            Process server = start(command, ProcessBuilder.Redirect.to(err.toFile()));
            OutputStream in = server.getOutputStream();
            send(
                    in,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,"
                            + "\"capabilities\":{}}}");
            assertThat(readFrame(server.getInputStream()).get("id").getAsInt()).isEqualTo(1);
            // A message of 120 MB (the server accepts up to 128 MB) does not fit in a 64 MB heap.
            try {
                in.write("Content-Length: 120000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[1 << 20];
                Arrays.fill(chunk, (byte) ' ');
                for (int i = 0; i < 120; i++) {
                    in.write(chunk);
                }
                in.flush();
            } catch (IOException e) {
                // The server died while reading it.
            }
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(Files.readString(err)).contains("Terminating due to java.lang.OutOfMemoryError");
            assertThat(server.exitValue()).isEqualTo(3);
            readFrames(server.getInputStream().readAllBytes());
        } finally {
            Files.delete(err);
        }
    }

    /** Every message in {@code bytes}, which must be whole frames and nothing else. */
    private static List<JsonObject> readFrames(byte[] bytes) throws IOException {
        List<JsonObject> out = new ArrayList<>();
        var in = new ByteArrayInputStream(bytes);
        while (in.available() > 0) {
            out.add(readFrame(in));
        }
        return out;
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
