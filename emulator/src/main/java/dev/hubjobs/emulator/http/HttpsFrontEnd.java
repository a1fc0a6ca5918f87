package dev.hubjobs.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.hubjobs.emulator.HubErrors;
import dev.hubjobs.exec.JobServiceException;
import dev.hubjobs.job.JobJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS front end on the JDK's own server ({@code com.sun.net.httpserver}): HTTP/1.1 with
 * keep-alive, TLS from the emulator's certificate, a bounded worker pool, request bodies capped
 * at {@link #MAX_BODY} bytes (read no further: 413), and the {@link Router} behind it.
 */
public final class HttpsFrontEnd implements AutoCloseable {

    /** The largest request body read; the service's limits (a twin, a 128 KB method payload) fit. */
    public static final int MAX_BODY = 256 * 1024;

    private static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final HttpsServer server;
    private final ExecutorService workers;
    private final Router router;
    private final Consumer<String> log;

    public HttpsFrontEnd(InetSocketAddress address, SSLContext tls, Router router, int threads, Consumer<String> log)
            throws IOException {
        this.router = router;
        this.log = log;
        this.server = HttpsServer.create(address, 1024);
        this.server.setHttpsConfigurator(new HttpsConfigurator(tls));
        this.workers =
                new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, "hubjobs-http");
                    t.setDaemon(true);
                    return t;
                });
        this.server.setExecutor(workers);
        this.server.createContext("/", this::serve);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange ex) throws IOException {
        Response response;
        try {
            response = router.dispatch(parse(ex));
        } catch (JobServiceException e) {
            response = Router.error(e.error());
        } catch (RuntimeException e) {
            log.accept("malformed request: " + e.getMessage());
            response = Router.error(HubErrors.badFormat("Malformed request.").error());
        }
        send(ex, response);
    }

    private static Request parse(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        Headers h = ex.getRequestHeaders();
        String override = h.getFirst("X-HTTP-Method-Override");
        if (method.equals("POST") && override != null && !override.isBlank()) {
            method = override.trim().toUpperCase(Locale.ROOT);
        }
        String rawPath = ex.getRequestURI().getRawPath();
        List<String> segments = new ArrayList<>();
        if (rawPath != null) {
            for (String s : rawPath.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(percentDecode(s));
                }
            }
        }
        Map<String, String> query = new HashMap<>();
        String rawQuery = ex.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String k = percentDecode(eq < 0 ? pair : pair.substring(0, eq));
                String v = eq < 0 ? "" : percentDecode(pair.substring(eq + 1).replace('+', ' '));
                query.putIfAbsent(k, v);
            }
        }
        byte[] body = readBody(ex);
        return new Request(method, segments, query, h::getFirst, body, Map.of());
    }

    private static byte[] readBody(HttpExchange ex) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > MAX_BODY) {
                    // Read on without keeping it (bounded memory), so that the client gets the 413
                    // instead of a reset connection; past DRAIN_LIMIT the connection is closed.
                    long skipped = 0;
                    while (skipped < DRAIN_LIMIT && (n = in.read(buf)) > 0) {
                        skipped += n;
                    }
                    throw HubErrors.tooLarge(MAX_BODY);
                }
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** Strict percent-decoding of a path segment; {@code +} stays {@code +}. */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw HubErrors.badFormat("Malformed percent-encoding in the request line.");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw HubErrors.badFormat("Malformed percent-encoding in the request line.");
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private void send(HttpExchange ex, Response r) throws IOException {
        try {
            Headers h = ex.getResponseHeaders();
            r.headers().forEach(h::set);
            byte[] bytes = null;
            if (r.body() != null) {
                bytes = r.body() instanceof JsonNode n
                        ? JobJson.MAPPER.writeValueAsBytes(n)
                        : JobJson.MAPPER.writeValueAsBytes(r.body());
                h.set("Content-Type", "application/json; charset=utf-8");
            }
            if (bytes == null) {
                ex.sendResponseHeaders(r.status(), -1);
            } else {
                ex.sendResponseHeaders(r.status(), bytes.length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
