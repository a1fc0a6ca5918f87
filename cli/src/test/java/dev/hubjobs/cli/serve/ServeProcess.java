package dev.hubjobs.cli.serve;

import dev.hubjobs.emulator.Sas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** A real {@code hubjobs serve} child process (the shaded jar), its port, key and trust. */
final class ServeProcess implements AutoCloseable {

    final Process process;
    final int port;
    final String key;
    final Path location;
    final StringBuilder stderr = new StringBuilder();
    private final HttpClient http;

    private ServeProcess(Process process, int port, String key, Path location) throws Exception {
        this.process = process;
        this.port = port;
        this.key = key;
        this.location = location;
        this.http = HttpClient.newBuilder()
                .sslContext(trust(location))
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    static Path jar() {
        return Path.of(System.getProperty("hubjobs.jar", "target/hubjobs.jar"));
    }

    static ServeProcess start(Path location, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar().toString(),
                "serve",
                "--port",
                "0",
                "--location",
                location.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder err = new StringBuilder();
        Thread drain = new Thread(() -> drain(p.getErrorStream(), err));
        drain.setDaemon(true);
        drain.start();
        Integer port = null;
        String key = null;
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = Pattern.compile("listening on https://[^:]+:(\\d+)").matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
            Matcher k = Pattern.compile("SharedAccessKey=(\\S+)").matcher(line);
            if (k.find()) {
                key = k.group(1);
            }
            if (line.startsWith("Press Ctrl-C")) {
                break;
            }
        }
        if (port == null || key == null) {
            p.destroyForcibly();
            throw new IllegalStateException("serve did not start:\n" + seen + err);
        }
        Thread rest = new Thread(() -> drain(p.getInputStream(), new StringBuilder()));
        rest.setDaemon(true);
        rest.start();
        ServeProcess s = new ServeProcess(p, port, key, location);
        s.stderr.append(err);
        return s;
    }

    private static void drain(InputStream in, StringBuilder into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                synchronized (into) {
                    into.append(l).append('\n');
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    static SSLContext trust(Path location) throws Exception {
        return dev.hubjobs.emulator.Certificates.clientContext(location.resolve("certs"));
    }

    String connectionString() {
        return "HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey=" + key;
    }

    String token() {
        return Sas.token("localhost", "iothubowner", key, System.currentTimeMillis() / 1000 + 3600);
    }

    /** A raw request; returns status and body. */
    HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", token())
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json; charset=utf-8");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
