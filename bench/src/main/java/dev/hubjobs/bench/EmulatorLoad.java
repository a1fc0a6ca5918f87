package dev.hubjobs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubjobs.emulator.Sas;
import dev.hubjobs.twin.FleetGenerator;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Load on a running {@code hubjobs serve} for {@code bench/run-emulator.sh}.
 *
 * <pre>
 * EmulatorLoad fleet N SEED OUT.ndjson
 * EmulatorLoad twins PORT KEY DATA_DIR DEVICES REQUESTS [CLIENTS] [PATCH_PERCENT]
 * EmulatorLoad job PORT KEY DATA_DIR DEVICES
 * </pre>
 *
 * <p>{@code twins}: CLIENTS (default 50) threads, each with one keep-alive HTTPS connection (TLS
 * trusting the emulator's CA from {@code DATA_DIR/certs}, host name checked), send twin reads
 * ({@code GET /twins/{id}}) and patches ({@code PATCH /twins/{id}} of a desired property),
 * PATCH_PERCENT (default 50) of them patches, each to a random device of the generated fleet
 * ({@code dev-0000000} ...), with an {@code iothubowner} SAS token. A warm-up of REQUESTS / 20 (at
 * most 20,000) comes first and is not counted; then REQUESTS requests are timed: requests per
 * second, latency percentiles (send to last byte of the response), and the errors (any status but
 * 200, or a broken connection, after which the client connects again). The client is a minimal
 * HTTP/1.1 one over {@link SSLSocket} so that it takes as little as possible of the CPU the server
 * shares with it.
 *
 * <p>{@code job}: creates a twin-update job over every device ({@code status = 'enabled'}), polls it
 * every 100 ms and prints the wall time from the request to {@code completed}.
 *
 * <p>The last line of each run starts with {@code RESULT} and holds {@code name=value} pairs for
 * the script.
 */
public final class EmulatorLoad {

    private static final String V = "?api-version=2021-04-12";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmulatorLoad() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 4 && args[0].equals("fleet")) {
            Path out = Path.of(args[3]);
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                FleetGenerator.write(Integer.parseInt(args[1]), Long.parseLong(args[2]), true, o);
            }
            return;
        }
        if (args.length >= 6 && args.length <= 8 && args[0].equals("twins")) {
            Target t = new Target(Integer.parseInt(args[1]), args[2], Path.of(args[3]));
            int clients = args.length > 6 ? Integer.parseInt(args[6]) : 50;
            int patchPercent = args.length > 7 ? Integer.parseInt(args[7]) : 50;
            twins(t, Integer.parseInt(args[4]), Long.parseLong(args[5]), clients, patchPercent);
            return;
        }
        if (args.length == 5 && args[0].equals("job")) {
            job(new Target(Integer.parseInt(args[1]), args[2], Path.of(args[3])), Integer.parseInt(args[4]));
            return;
        }
        System.err.println("usage: EmulatorLoad fleet N SEED OUT.ndjson\n"
                + "       EmulatorLoad twins PORT KEY DATA_DIR DEVICES REQUESTS [CLIENTS] [PATCH_PERCENT]\n"
                + "       EmulatorLoad job PORT KEY DATA_DIR DEVICES");
        System.exit(2);
    }

    /** Where the emulator listens and how to talk to it. */
    record Target(int port, String key, SSLContext tls, String token) {
        Target(int port, String key, Path dataDir) throws Exception {
            this(
                    port,
                    key,
                    trust(dataDir),
                    Sas.token("localhost", "iothubowner", key, System.currentTimeMillis() / 1000 + 24 * 3600));
        }
    }

    static SSLContext trust(Path dataDir) throws Exception {
        return dev.hubjobs.emulator.Certificates.clientContext(dataDir.resolve("certs"));
    }

    // ------------------------------------------------------------------ twins

    private static void twins(Target t, int devices, long requests, int clients, int patchPercent) throws Exception {
        String[] ids = new String[devices];
        for (int i = 0; i < devices; i++) {
            ids[i] = String.format("dev-%07d", i);
        }
        Client[] conns = new Client[clients];
        for (int i = 0; i < clients; i++) {
            conns[i] = new Client(t);
        }
        long warmup = Math.min(20_000, requests / 20);
        Phase w = run(conns, ids, warmup, patchPercent, 1);
        System.out.printf(
                "warm-up: %,d requests in %.1f s, %d errors%n",
                warmup,
                w.seconds,
                w.errors.values().stream().mapToLong(AtomicLong::get).sum());
        Phase p = run(conns, ids, requests, patchPercent, 2);
        for (Client c : conns) {
            c.close();
        }
        long errors = p.errors.values().stream().mapToLong(AtomicLong::get).sum();
        double rps = requests / p.seconds;
        long[] all = new long[(int) requests];
        long[] gets = new long[(int) requests];
        long[] patches = new long[(int) requests];
        int g = 0;
        int q = 0;
        for (int i = 0; i < requests; i++) {
            long v = p.latency[i];
            all[i] = v >> 1;
            if ((v & 1) == 0) {
                gets[g++] = v >> 1;
            } else {
                patches[q++] = v >> 1;
            }
        }
        Arrays.sort(all);
        gets = Arrays.copyOf(gets, g);
        patches = Arrays.copyOf(patches, q);
        Arrays.sort(gets);
        Arrays.sort(patches);
        System.out.printf(
                "%,d requests (%,d GET, %,d PATCH) from %d keep-alive HTTPS clients in %.1f s: %.0f requests/s%n",
                requests, g, q, clients, p.seconds, rps);
        System.out.printf(
                "latency ms: p50 %.2f, p90 %.2f, p99 %.2f, p99.9 %.2f, max %.1f (GET p99 %.2f, PATCH p99 %.2f)%n",
                ms(pct(all, 50)),
                ms(pct(all, 90)),
                ms(pct(all, 99)),
                ms(pct(all, 99.9)),
                ms(all[all.length - 1]),
                ms(pct(gets, 99)),
                ms(pct(patches, 99)));
        System.out.println("errors: " + errors + (errors == 0 ? "" : " " + p.errors));
        System.out.printf(
                "RESULT rps=%.0f p50=%.2f p99=%.2f p999=%.2f max=%.1f errors=%d%n",
                rps, ms(pct(all, 50)), ms(pct(all, 99)), ms(pct(all, 99.9)), ms(all[all.length - 1]), errors);
    }

    private static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** One timed phase: latencies (nanoseconds shifted left by one, low bit set for a PATCH). */
    private record Phase(double seconds, long[] latency, Map<String, AtomicLong> errors) {}

    private static Phase run(Client[] conns, String[] ids, long requests, int patchPercent, long seed)
            throws InterruptedException {
        long[] latency = new long[(int) requests];
        AtomicLong next = new AtomicLong();
        Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        Thread[] threads = new Thread[conns.length];
        long start = System.nanoTime();
        for (int c = 0; c < conns.length; c++) {
            Client conn = conns[c];
            SplittableRandom random = new SplittableRandom(seed * 1_000 + c);
            threads[c] = new Thread(
                    () -> {
                        long n;
                        while ((n = next.getAndIncrement()) < requests) {
                            String id = ids[random.nextInt(ids.length)];
                            boolean patch = random.nextInt(100) < patchPercent;
                            long t0 = System.nanoTime();
                            String failure;
                            try {
                                int status = patch
                                        ? conn.send(
                                                "PATCH",
                                                "/twins/" + id + V,
                                                "{\"properties\":{\"desired\":{\"load\":{\"n\":" + n + "}}}}")
                                        : conn.send("GET", "/twins/" + id + V, null);
                                failure = status == 200 ? null : "HTTP " + status;
                            } catch (IOException e) {
                                conn.close();
                                failure = e.getClass().getSimpleName();
                            }
                            long took = System.nanoTime() - t0;
                            latency[(int) n] = took << 1 | (patch ? 1 : 0);
                            if (failure != null) {
                                errors.computeIfAbsent(failure, k -> new AtomicLong())
                                        .incrementAndGet();
                            }
                        }
                    },
                    "load-" + c);
            threads[c].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Phase((System.nanoTime() - start) / 1e9, latency, new TreeMap<>(errors));
    }

    // ------------------------------------------------------------------ job

    private static void job(Target t, int devices) throws Exception {
        Client c = new Client(t);
        String id = "bench-" + System.currentTimeMillis();
        String body =
                "{\"jobId\":\"" + id + "\",\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"status = 'enabled'\","
                        + "\"updateTwin\":{\"etag\":\"*\",\"properties\":{\"desired\":{\"bench\":{\"job\":\"" + id
                        + "\"}}}},\"maxExecutionTimeInSeconds\":86400}";
        long t0 = System.nanoTime();
        int status = c.send("PUT", "/jobs/v2/" + id + V, body);
        if (status != 200) {
            throw new IllegalStateException("job not created: HTTP " + status + " " + c.body());
        }
        JsonNode job;
        String last = "";
        while (true) {
            status = c.send("GET", "/jobs/v2/" + id + V, null);
            if (status != 200) {
                throw new IllegalStateException("job read failed: HTTP " + status + " " + c.body());
            }
            job = JSON.readTree(c.body());
            String s = job.path("status").asText();
            if (!s.equals(last)) {
                System.out.printf("%6.1f s  %s%n", (System.nanoTime() - t0) / 1e9, s);
                last = s;
            }
            if (s.equals("completed") || s.equals("failed") || s.equals("cancelled")) {
                break;
            }
            if (System.nanoTime() - t0 > 600e9) {
                throw new IllegalStateException("the job did not end within 10 minutes: " + job);
            }
            Thread.sleep(100);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        c.close();
        JsonNode stats = job.path("deviceJobStatistics");
        System.out.printf(
                "job %s: %s after %.1f s wall; devices %d, succeeded %d, failed %d; job time %s .. %s%n",
                id,
                job.path("status").asText(),
                wall,
                stats.path("deviceCount").asInt(),
                stats.path("succeededCount").asInt(),
                stats.path("failedCount").asInt(),
                job.path("startTime").asText(),
                job.path("endTime").asText());
        boolean ok = job.path("status").asText().equals("completed")
                && stats.path("succeededCount").asInt() == devices;
        System.out.printf(
                "RESULT wall=%.1f status=%s succeeded=%d expected=%d%n",
                wall, job.path("status").asText(), stats.path("succeededCount").asInt(), devices);
        if (!ok) {
            System.exit(1);
        }
    }

    // ------------------------------------------------------------------ a minimal keep-alive client

    /** One HTTP/1.1 connection over TLS, opened on first use and again after a failure. */
    static final class Client {
        private final Target target;
        private SSLSocket socket;
        private InputStream in;
        private OutputStream out;
        private byte[] body = new byte[16 * 1024];
        private int bodyLength;
        private final StringBuilder line = new StringBuilder();

        Client(Target target) {
            this.target = target;
        }

        private void open() throws IOException {
            SSLSocket s = (SSLSocket) target.tls.getSocketFactory().createSocket("localhost", target.port);
            s.setTcpNoDelay(true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(p);
            s.startHandshake();
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(s.getOutputStream(), 16 * 1024);
        }

        String body() {
            return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
        }

        /** Sends one request and reads the whole response; returns the status. */
        int send(String method, String pathAndQuery, String json) throws IOException {
            if (socket == null) {
                open();
            }
            byte[] payload = json == null ? null : json.getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder(512)
                    .append(method)
                    .append(' ')
                    .append(pathAndQuery)
                    .append(" HTTP/1.1\r\nHost: localhost:")
                    .append(target.port)
                    .append("\r\nAuthorization: ")
                    .append(target.token)
                    .append("\r\nAccept: application/json\r\n");
            if (payload != null) {
                h.append("Content-Type: application/json; charset=utf-8\r\nContent-Length: ")
                        .append(payload.length)
                        .append("\r\n");
            }
            h.append("\r\n");
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (payload != null) {
                out.write(payload);
            }
            out.flush();
            String statusLine = readLine();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("bad status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            String header;
            while (!(header = readLine()).isEmpty()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            bodyLength = 0;
            if (chunked) {
                int size;
                while ((size = Integer.parseInt(readLine().split(";")[0].trim(), 16)) > 0) {
                    readBody(size);
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                readBody((int) length);
            } else if (status != 204 && status != 304) {
                ByteArrayOutputStream rest = new ByteArrayOutputStream();
                in.transferTo(rest);
                close = true;
            }
            if (close) {
                close();
            }
            return status;
        }

        private void readBody(int n) throws IOException {
            if (bodyLength + n > body.length) {
                body = Arrays.copyOf(body, Math.max(body.length * 2, bodyLength + n));
            }
            int off = bodyLength;
            int end = bodyLength + n;
            while (off < end) {
                int r = in.read(body, off, end - off);
                if (r < 0) {
                    throw new EOFException("the server closed the connection in a response body");
                }
                off += r;
            }
            bodyLength = end;
        }

        private String readLine() throws IOException {
            line.setLength(0);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new EOFException("the server closed the connection");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }
}
