package dev.hubjobs.emulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS front end on the JDK's own server ({@code com.sun.net.httpserver}): HTTP/1.1 with
 * keep-alive, TLS from the emulator's certificate, a bounded worker pool, request bodies capped
 * at {@link Request#MAX_BODY} bytes (read no further: 413), and the {@link Router} behind it.
 */
public final class HttpsFrontEnd implements FrontEnd {

    static {
        // The JDK's server writes a response's headers and its body in two TLS records; with Nagle's
        // algorithm on, the second waits for the client's delayed ACK (40 ms on Linux) on every
        // keep-alive request. The server reads the property once, when the first one is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpsServer server;
    private final ExecutorService workers;
    private final Router router;

    public HttpsFrontEnd(InetSocketAddress address, SSLContext tls, Router router, int threads) throws IOException {
        this.router = router;
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

    @Override
    public void start() {
        server.start();
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange ex) throws IOException {
        send(ex, router.answer(() -> parse(ex)));
    }

    private static Request parse(HttpExchange ex) throws IOException {
        Headers h = ex.getRequestHeaders();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = Request.readBody(in);
        }
        return Request.of(
                ex.getRequestMethod(),
                ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery(),
                h::getFirst,
                body);
    }

    private void send(HttpExchange ex, Response r) throws IOException {
        try {
            Headers h = ex.getResponseHeaders();
            r.headers().forEach(h::set);
            byte[] bytes = r.bytes();
            if (bytes != null) {
                h.set("Content-Type", Response.CONTENT_TYPE);
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
