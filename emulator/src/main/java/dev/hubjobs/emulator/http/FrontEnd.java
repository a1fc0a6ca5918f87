package dev.hubjobs.emulator.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS server in front of the {@link Router}: it turns each exchange into a {@link Request}
 * ({@link Request#of}) and the router's {@link Response} into bytes ({@link Response#bytes()}).
 * The product runs {@link HttpsFrontEnd}; the benchmarks run the same routes behind another server
 * to compare.
 */
public interface FrontEnd extends AutoCloseable {

    void start();

    int port();

    @Override
    void close();

    /** Opens a front end on {@code address} with {@code threads} workers. */
    @FunctionalInterface
    interface Factory {
        FrontEnd open(InetSocketAddress address, SSLContext tls, Router router, int threads) throws IOException;
    }
}
