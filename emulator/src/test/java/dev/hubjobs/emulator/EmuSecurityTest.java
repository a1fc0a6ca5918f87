package dev.hubjobs.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route refuses a missing, malformed, expired or wrongly signed token, a token for another
 * hub, and a policy without the permission it needs, with 401 and the service's error body; and
 * a refused write changes nothing.
 */
class EmuSecurityTest {

    @TempDir
    static Path dir;

    static Emulator emu;
    static HttpClient http;

    record Route(String method, String path, String body) {}

    static final List<Route> ROUTES = List.of(
            new Route("PUT", "/devices/new-1", "{\"deviceId\":\"new-1\"}"),
            new Route("GET", "/devices/d1", null),
            new Route("GET", "/devices", null),
            new Route("DELETE", "/devices/d1", null),
            new Route("POST", "/devices/query", "{\"query\":\"SELECT * FROM devices\"}"),
            new Route("GET", "/twins/d1", null),
            new Route("PATCH", "/twins/d1", "{\"tags\":{\"x\":1}}"),
            new Route("PUT", "/twins/d1", "{\"tags\":{\"x\":1}}"),
            new Route("POST", "/twins/d1/methods", "{\"methodName\":\"reboot\"}"),
            new Route("GET", "/jobs/v2/query", null),
            new Route(
                    "PUT",
                    "/jobs/v2/j9",
                    "{\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"*\","
                            + "\"updateTwin\":{\"etag\":\"*\",\"tags\":{\"y\":1}}}"),
            new Route("GET", "/jobs/v2/j1", null),
            new Route("POST", "/jobs/v2/j1/cancel", null));

    @BeforeAll
    static void start() throws Exception {
        EmulatorOptions o = EmulatorOptions.defaults(dir);
        emu = Emulator.start(
                new EmulatorOptions(null, o.tier(), 1, 0, "127.0.0.1", List.of(), dir, true, null, null, null, 1, 4),
                line -> {});
        KeyStore ts = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(emu.certificates().caTrustStore())) {
            ts.load(in, Certificates.TRUSTSTORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        http = HttpClient.newBuilder().sslContext(ctx).build();
        assertThat(send("PUT", "/devices/d1", "{\"deviceId\":\"d1\"}", owner()).statusCode())
                .isEqualTo(200);
        assertThat(send(
                                "PUT",
                                "/jobs/v2/j1",
                                "{\"type\":\"scheduleUpdateTwin\",\"queryCondition\":\"*\","
                                        + "\"startTime\":\"2099-01-01T00:00:00Z\",\"updateTwin\":{\"etag\":\"*\",\"tags\":{\"y\":1}}}",
                                owner())
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static long in(long seconds) {
        return System.currentTimeMillis() / 1000 + seconds;
    }

    static String owner() {
        return Sas.token("localhost", "iothubowner", emu.key("iothubowner"), in(3600));
    }

    static HttpResponse<String> send(String method, String path, String body, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("https://localhost:" + emu.port() + path
                        + (path.contains("?") ? "&" : "?") + "api-version=2021-04-12"))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRouteRefusesBadTokensWith401AndChangesNothing() throws Exception {
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        String valid = owner();
        List<String> bad = List.of(
                "",
                "Bearer abc",
                "SharedAccessSignature garbage",
                valid.replace("&skn=iothubowner", ""),
                valid.replaceAll("se=\\d+", "se=soon"),
                Sas.token("localhost", "iothubowner", emu.key("iothubowner"), in(-60)),
                Sas.token("localhost", "iothubowner", otherKey, in(3600)),
                Sas.token("localhost", "nosuchpolicy", emu.key("iothubowner"), in(3600)),
                Sas.token("otherhub.azure-devices.net", "iothubowner", emu.key("iothubowner"), in(3600)),
                valid.replaceAll("se=(\\d+)", "se=9$1"), // expiry changed after signing
                Sas.token("localhost", "device", emu.key("device"), in(3600)));
        List<String> failures = new ArrayList<>();
        for (Route r : ROUTES) {
            for (int i = 0; i < bad.size(); i++) {
                String token = bad.get(i).isEmpty() ? null : bad.get(i);
                HttpResponse<String> res = send(r.method, r.path, r.body, token);
                if (res.statusCode() != 401 || !res.body().contains("ErrorCode:IotHubUnauthorizedAccess")) {
                    failures.add(r.method + " " + r.path + " token #" + i + ": " + res.statusCode() + " " + res.body());
                }
            }
        }
        assertThat(failures).isEmpty();
        // nothing changed
        assertThat(send("GET", "/devices/new-1", null, owner()).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/devices/d1", null, owner()).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/twins/d1", null, owner()).body()).doesNotContain("\"x\"");
        assertThat(send("GET", "/jobs/v2/j1", null, owner()).body())
                .contains("\"status\":\"scheduled\"")
                .doesNotContain("cancelled");
        assertThat(send("GET", "/jobs/v2/j9", null, owner()).statusCode()).isEqualTo(404);
    }

    @Test
    void policiesGetOnlyTheirPermissions() throws Exception {
        String read = Sas.token("localhost", "registryRead", emu.key("registryRead"), in(3600));
        String service = Sas.token("localhost", "service", emu.key("service"), in(3600));
        String readWrite = Sas.token("localhost", "registryReadWrite", emu.key("registryReadWrite"), in(3600));
        assertThat(send("GET", "/devices/d1", null, read).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/devices/new-2", "{}", read).statusCode()).isEqualTo(401);
        assertThat(send("PATCH", "/twins/d1", "{\"tags\":{\"z\":1}}", read).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/devices/d1", null, service).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/twins/d1", null, service).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/devices/new-2", "{}", readWrite).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/jobs/v2/j2", "{}", readWrite).statusCode()).isEqualTo(401);
    }

    @Test
    void theDeviceListHoldsTheFirstIdentitiesUpToTop() throws Exception {
        String read = Sas.token("localhost", "registryRead", emu.key("registryRead"), in(3600));
        HttpResponse<String> all = send("GET", "/devices", null, read);
        assertThat(all.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode list = dev.hubjobs.job.JobJson.MAPPER.readTree(all.body());
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("deviceId")).contains("d1").isSorted();
        HttpResponse<String> one = send("GET", "/devices?top=1", null, read);
        assertThat(dev.hubjobs.job.JobJson.MAPPER.readTree(one.body()).size()).isEqualTo(1);
        assertThat(send("GET", "/devices?top=0", null, read).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/devices?top=1001", null, read).statusCode()).isEqualTo(400);
        assertThat(send("GET", "/devices?top=x", null, read).statusCode()).isEqualTo(400);
        String service = Sas.token("localhost", "service", emu.key("service"), in(3600));
        assertThat(send("GET", "/devices", null, service).statusCode()).isEqualTo(401);
    }

    @Test
    void malformedRequestsGetErrorsAndTheServerKeepsServing() throws Exception {
        assertThat(send("PUT", "/devices/d%23x", "{}", owner()).statusCode()).isEqualTo(400);
        assertThat(send("PATCH", "/twins/d1", "{not json", owner()).statusCode())
                .isEqualTo(400);
        assertThat(send("POST", "/devices/query", "{\"query\":\"SELEKT\"}", owner())
                        .statusCode())
                .isEqualTo(400);
        assertThat(send("PUT", "/devices/big", "{\"x\":\"" + "a".repeat(300_000) + "\"}", owner())
                        .statusCode())
                .isEqualTo(413);
        assertThat(send("GET", "/nowhere", null, owner()).statusCode()).isEqualTo(404);
        assertThat(send("PATCH", "/twins/d1", "{\"tags\":{\"a\":1}}", owner()).statusCode())
                .isEqualTo(200);
        HttpResponse<String> noVersion = http.send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + emu.port() + "/twins/d1"))
                        .header("Authorization", owner())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noVersion.statusCode()).isEqualTo(400);
    }
}
