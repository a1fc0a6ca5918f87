package dev.hubjobs.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The emulator's own certificate authority and server certificate, made on first start with the
 * JDK's {@code keytool} (no library needed) and kept under {@code <data>/certs}:
 * {@code ca.pem} (Node's {@code NODE_EXTRA_CA_CERTS}, curl's {@code --cacert}, Python's
 * {@code REQUESTS_CA_BUNDLE}), {@code ca-truststore.p12} (Java's {@code javax.net.ssl.trustStore},
 * password {@code changeit}), and the server's key in {@code server.p12}. The server certificate
 * is made again when the host names change; the authority stays, so trust set up once lasts.
 */
public final class Certificates {

    public static final String TRUSTSTORE_PASSWORD = "changeit";
    private static final String PASSWORD = "hubjobs-emulator";

    private final Path dir;

    private Certificates(Path dir) {
        this.dir = dir;
    }

    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public Path caTrustStore() {
        return dir.resolve("ca-truststore.p12");
    }

    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    /** Makes (or reuses) the authority and a server certificate for {@code hostNames} under {@code dir}. */
    public static Certificates ensure(Path dir, List<String> hostNames) throws IOException {
        Files.createDirectories(dir);
        Certificates c = new Certificates(dir);
        Path ca = dir.resolve("ca.p12");
        if (!Files.exists(ca) || !Files.exists(c.caPem()) || !Files.exists(c.caTrustStore())) {
            Files.deleteIfExists(ca);
            Files.deleteIfExists(c.caTrustStore());
            Files.deleteIfExists(c.serverKeyStore());
            keytool(
                    "-genkeypair",
                    "-alias",
                    "ca",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-sigalg",
                    "SHA256withECDSA",
                    "-dname",
                    "CN=hubjobs emulator CA " + Long.toHexString(System.nanoTime()),
                    "-ext",
                    "bc:c",
                    "-ext",
                    "KeyUsage:critical=keyCertSign,cRLSign",
                    "-validity",
                    "3650",
                    "-keystore",
                    ca.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD);
            Files.writeString(
                    c.caPem(),
                    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD));
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "hubjobs-emulator-ca",
                    "-file",
                    c.caPem().toString(),
                    "-keystore",
                    c.caTrustStore().toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    TRUSTSTORE_PASSWORD);
        }
        Path hostsFile = dir.resolve("server-hosts.txt");
        String hosts = String.join(",", hostNames);
        if (!Files.exists(c.serverKeyStore())
                || !Files.exists(hostsFile)
                || !Files.readString(hostsFile).equals(hosts)) {
            Files.deleteIfExists(c.serverKeyStore());
            Path server = c.serverKeyStore();
            keytool(
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-sigalg",
                    "SHA256withECDSA",
                    "-dname",
                    "CN=" + hostNames.get(0),
                    "-validity",
                    "825",
                    "-keystore",
                    server.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD);
            Path csr = dir.resolve("server.csr");
            Files.writeString(
                    csr,
                    keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD));
            List<String> san = new ArrayList<>();
            for (String h : hostNames) {
                san.add((isIp(h) ? "ip:" : "dns:") + h);
            }
            Path signed = dir.resolve("server.pem");
            Files.writeString(
                    signed,
                    keytool(
                            "-gencert",
                            "-rfc",
                            "-alias",
                            "ca",
                            "-keystore",
                            ca.toString(),
                            "-storepass",
                            PASSWORD,
                            "-infile",
                            csr.toString(),
                            "-validity",
                            "825",
                            "-ext",
                            "SAN=" + String.join(",", san),
                            "-ext",
                            "KeyUsage:critical=digitalSignature",
                            "-ext",
                            "ExtendedKeyUsage=serverAuth"));
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-trustcacerts",
                    "-alias",
                    "ca",
                    "-file",
                    c.caPem().toString(),
                    "-keystore",
                    server.toString(),
                    "-storepass",
                    PASSWORD);
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "server",
                    "-file",
                    signed.toString(),
                    "-keystore",
                    server.toString(),
                    "-storepass",
                    PASSWORD);
            Files.delete(csr);
            Files.writeString(hostsFile, hosts);
        }
        return c;
    }

    /** The TLS context that serves the server certificate and its chain. */
    public SSLContext serverContext() throws IOException {
        try (InputStream in = Files.newInputStream(serverKeyStore())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, PASSWORD.toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the server key store " + serverKeyStore() + " cannot be used: " + e.getMessage(), e);
        }
    }

    /**
     * A client's TLS context that trusts only the authority of the emulator whose certificates are
     * in {@code dir} (the data directory's {@code certs}), for tests and load generators.
     */
    public static SSLContext clientContext(Path dir) throws IOException {
        Path store = new Certificates(dir).caTrustStore();
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(in, TRUSTSTORE_PASSWORD.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ts);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("the trust store " + store + " cannot be used: " + e.getMessage(), e);
        }
    }

    /** The authority's certificate (for clients in this JVM, such as tests). */
    public Certificate caCertificate() throws IOException {
        try (InputStream in = Files.newInputStream(caPem())) {
            return java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(e);
        }
    }

    private static boolean isIp(String h) {
        return h.matches("[0-9.]+") || h.contains(":");
    }

    private static String keytool(String... args) throws IOException {
        Path tool = Path.of(
                System.getProperty("java.home"),
                "bin",
                System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")
                        ? "keytool.exe"
                        : "keytool");
        List<String> cmd = new ArrayList<>();
        cmd.add(tool.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("keytool did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making certificates");
        }
        if (p.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + new String(out, StandardCharsets.UTF_8).strip()
                    + " " + new String(err, StandardCharsets.UTF_8).strip());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
