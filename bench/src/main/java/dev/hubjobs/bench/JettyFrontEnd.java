package dev.hubjobs.bench;

import dev.hubjobs.emulator.http.FrontEnd;
import dev.hubjobs.emulator.http.Request;
import dev.hubjobs.emulator.http.Response;
import dev.hubjobs.emulator.http.Router;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The emulator's routes behind Jetty 12 (core API, HTTP/1.1 over TLS) instead of the JDK's server,
 * for {@code bench/run-emulator.sh} to compare the two; never part of the product. It does what
 * {@code HttpsFrontEnd} does: the same {@link Request} (body capped, 413), the same {@link Response}
 * bytes with a Content-Length, blocking handlers on a pool of {@code threads} workers (plus
 * Jetty's acceptor and selector threads).
 */
public final class JettyFrontEnd implements FrontEnd {

    private final Server server;
    private final ServerConnector connector;

    public JettyFrontEnd(InetSocketAddress address, SSLContext tls, Router router, int threads) {
        QueuedThreadPool pool = new QueuedThreadPool(threads + 4, Math.min(8, threads + 4));
        pool.setName("hubjobs-jetty");
        pool.setDaemon(true);
        server = new Server(pool);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        // the JDK's server leaves percent-encoded paths to the router; so does this
        config.setUriCompliance(UriCompliance.LEGACY);
        config.addCustomizer(new SecureRequestCustomizer(false));
        HttpConnectionFactory http = new HttpConnectionFactory(config);
        connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(ssl, http.getProtocol()), http);
        connector.setHost(address.getHostString());
        connector.setPort(address.getPort());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(
                    org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback done)
                    throws Exception {
                Response r = router.answer(() -> {
                    HttpFields headers = request.getHeaders();
                    byte[] body;
                    try (InputStream in = Content.Source.asInputStream(request)) {
                        body = Request.readBody(in);
                    }
                    return Request.of(
                            request.getMethod(),
                            request.getHttpURI().getPath(),
                            request.getHttpURI().getQuery(),
                            headers::get,
                            body);
                });
                byte[] bytes = r.bytes();
                response.setStatus(r.status());
                r.headers().forEach((k, v) -> response.getHeaders().put(k, v));
                if (bytes == null) {
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
                    done.succeeded();
                } else {
                    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Response.CONTENT_TYPE);
                    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
                    response.write(true, ByteBuffer.wrap(bytes), done);
                }
                return true;
            }
        });
    }

    @Override
    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    /** For {@link FrontEnd.Factory}: opens without starting. */
    public static FrontEnd open(InetSocketAddress address, SSLContext tls, Router router, int threads)
            throws IOException {
        return new JettyFrontEnd(address, tls, router, threads);
    }
}
