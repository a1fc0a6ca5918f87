package dev.hubjobs.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AzureSasCredential;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionString;
import com.microsoft.azure.sdk.iot.service.auth.IotHubConnectionStringBuilder;
import com.microsoft.azure.sdk.iot.service.auth.IotHubServiceSasToken;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubConflictException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubNotFoundException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubPreconditionFailedException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubTooManyRequestsException;
import com.microsoft.azure.sdk.iot.service.exceptions.IotHubUnauthorizedException;
import com.microsoft.azure.sdk.iot.service.jobs.DirectMethodsJobOptions;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJob;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobStatus;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobType;
import com.microsoft.azure.sdk.iot.service.jobs.ScheduledJobsClient;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodResponse;
import com.microsoft.azure.sdk.iot.service.methods.DirectMethodsClient;
import com.microsoft.azure.sdk.iot.service.query.JobQueryResponse;
import com.microsoft.azure.sdk.iot.service.query.QueryClient;
import com.microsoft.azure.sdk.iot.service.query.QueryPageOptions;
import com.microsoft.azure.sdk.iot.service.query.TwinQueryResponse;
import com.microsoft.azure.sdk.iot.service.registry.Device;
import com.microsoft.azure.sdk.iot.service.registry.RegistryClient;
import com.microsoft.azure.sdk.iot.service.twin.Twin;
import com.microsoft.azure.sdk.iot.service.twin.TwinClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Java service SDK 2.1.9, unmodified, against a real {@code hubjobs serve} process:
 * devices, twins, paged queries, twin and method jobs to completion, cancel, job queries, the
 * typed errors. The SDK trusts the emulator's CA through the JVM's default socket factory.
 */
class ServeSdkIT {

    @TempDir
    static Path dir;

    static ServeProcess serve;
    static String host;
    static AzureSasCredential credential;

    @BeforeAll
    static void start() throws Exception {
        Path fleet = dir.resolve("fleet.ndjson");
        Files.writeString(
                fleet,
                "{\"deviceId\":\"slow-1\",\"tags\":{\"kind\":\"slow\"},\"$behaviour\":{\"status\":201,"
                        + "\"payload\":{\"rebooted\":true},\"latencyMs\":50}}\n");
        serve = ServeProcess.start(dir.resolve("data"), "--fleet", fleet.toString(), "--clock-speed", "20");
        HttpsURLConnection.setDefaultSSLSocketFactory(
                ServeProcess.trust(dir.resolve("data")).getSocketFactory());
        host = "localhost:" + serve.port;
        IotHubConnectionString cs =
                IotHubConnectionStringBuilder.createIotHubConnectionString(serve.connectionString());
        credential = new AzureSasCredential(new IotHubServiceSasToken(cs).toString());
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
    }

    private static ScheduledJob waitFor(ScheduledJobsClient jobs, String id) throws Exception {
        long until = System.currentTimeMillis() + 60_000;
        while (true) {
            ScheduledJob j = jobs.get(id);
            if (j.getJobStatus() == ScheduledJobStatus.completed
                    || j.getJobStatus() == ScheduledJobStatus.failed
                    || j.getJobStatus() == ScheduledJobStatus.cancelled
                    || System.currentTimeMillis() > until) {
                return j;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void fullFlow() throws Exception {
        RegistryClient registry = new RegistryClient(host, credential);
        TwinClient twins = new TwinClient(host, credential);
        QueryClient query = new QueryClient(host, credential);
        ScheduledJobsClient jobs = new ScheduledJobsClient(host, credential);

        for (int i = 0; i < 7; i++) {
            Device d = registry.addDevice(new Device("sdk-" + i));
            assertThat(d.getDeviceId()).isEqualTo("sdk-" + i);
            assertThat(d.getPrimaryKey()).isNotEmpty();
        }
        assertThat(registry.getDevice("sdk-3").getDeviceId()).isEqualTo("sdk-3");
        assertThatThrownBy(() -> registry.addDevice(new Device("sdk-3"))).isInstanceOf(IotHubConflictException.class);
        assertThatThrownBy(() -> registry.getDevice("nobody")).isInstanceOf(IotHubNotFoundException.class);
        assertThatThrownBy(() -> twins.get("nobody")).isInstanceOf(IotHubNotFoundException.class);

        // twin get and patch, with and without the etag; a stale etag is 412
        for (int i = 0; i < 7; i++) {
            Twin t = twins.get("sdk-" + i);
            assertThat(t.getDeviceId()).isEqualTo("sdk-" + i);
            t.getTags().put("building", i < 5 ? "43" : "44");
            Twin patched = twins.patch(t, t.getETag());
            assertThat(patched.getTags().get("building")).isEqualTo(i < 5 ? "43" : "44");
            assertThat(patched.getETag()).isNotEqualTo(t.getETag());
        }
        Twin stale = twins.get("sdk-0");
        String oldEtag = stale.getETag();
        stale.getTags().put("floor", 1);
        twins.patch(stale);
        assertThatThrownBy(() -> twins.patch(stale, oldEtag)).isInstanceOf(IotHubPreconditionFailedException.class);

        // paged twin query: pages of 2 over 5 twins
        TwinQueryResponse page = query.queryTwins(
                "SELECT * FROM devices WHERE tags.building = '43'",
                QueryPageOptions.builder().pageSize(2).build());
        List<String> ids = new ArrayList<>();
        while (page.hasNext()) {
            ids.add(page.next().getDeviceId());
        }
        assertThat(ids).containsExactly("sdk-0", "sdk-1", "sdk-2", "sdk-3", "sdk-4");

        // a twin-update job to completion
        Twin update = new Twin();
        update.getDesiredProperties().put("fw", "2.0");
        update.setETag("*");
        ScheduledJob created = jobs.scheduleUpdateTwin("twin-job", "tags.building = '43'", update, new Date(), 600);
        assertThat(created.getJobStatus())
                .isIn(ScheduledJobStatus.queued, ScheduledJobStatus.running, ScheduledJobStatus.completed);
        ScheduledJob done = waitFor(jobs, "twin-job");
        assertThat(done.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
        assertThat(twins.get("sdk-2").getDesiredProperties().get("fw")).isEqualTo("2.0");
        assertThat(twins.get("sdk-6").getDesiredProperties().get("fw")).isNull();
        assertThatThrownBy(() -> jobs.scheduleUpdateTwin("twin-job", "*", update, new Date(), 600))
                .isInstanceOf(IotHubConflictException.class);

        // a direct-method job: the device declared in the fleet answers 201 with its payload
        ScheduledJob method = jobs.scheduleDirectMethod(
                "method-job",
                "tags.kind = 'slow'",
                "reboot",
                new Date(),
                DirectMethodsJobOptions.builder().payload("{\"delay\":1}").build());
        assertThat(method.getJobType()).isEqualTo(ScheduledJobType.scheduleDeviceMethod);
        assertThat(waitFor(jobs, "method-job").getJobStatus()).isEqualTo(ScheduledJobStatus.completed);

        // devices.jobs rows, both job types
        JobQueryResponse rows = query.queryJobs("SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'method-job'");
        assertThat(rows.hasNext()).isTrue();
        ScheduledJob row = rows.next();
        assertThat(row.getJobId()).isEqualTo("method-job");
        assertThat(row.getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
        assertThat(row.getJobType()).isEqualTo(ScheduledJobType.scheduleDeviceMethod);
        assertThat(row.getDeviceId()).isEqualTo("slow-1");
        // the device's answer, as the SDK hands it out (it reads the row's cloudToDeviceMethod key)
        DirectMethodResponse outcome = row.getOutcomeResult();
        assertThat(outcome).isNotNull();
        assertThat(outcome.getStatus()).isEqualTo(201);
        assertThat(outcome.getPayloadAsJsonString()).isEqualTo("{\"rebooted\":true}");
        assertThat(rows.hasNext()).isFalse();
        // on the wire the answer is where the service puts it, under outcome.deviceMethodResponse
        assertThat(serve.send(
                                "POST",
                                "/devices/query?api-version=2021-04-12",
                                "{\"query\":\"SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'method-job'\"}")
                        .body())
                .contains("\"deviceMethodResponse\":{\"status\":201,\"payload\":{\"rebooted\":true}}");
        JobQueryResponse twinRows = query.queryJobs("SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'twin-job'");
        int n = 0;
        while (twinRows.hasNext()) {
            assertThat(twinRows.next().getJobStatus()).isEqualTo(ScheduledJobStatus.completed);
            n++;
        }
        assertThat(n).isEqualTo(5);

        // direct method on a device
        DirectMethodResponse answer = new DirectMethodsClient(host, credential).invoke("slow-1", "reboot");
        assertThat(answer.getStatus()).isEqualTo(201);

        // scheduled jobs fill the S1 limit of five active jobs; the sixth is throttled; cancel frees one
        Date tomorrow = new Date(System.currentTimeMillis() + 24L * 3600 * 1000 * 30);
        for (int i = 0; i < 5; i++) {
            jobs.scheduleUpdateTwin("later-" + i, "*", update, tomorrow, 600);
        }
        assertThatThrownBy(() -> jobs.scheduleUpdateTwin("later-5", "*", update, tomorrow, 600))
                .isInstanceOf(IotHubTooManyRequestsException.class);
        assertThat(jobs.cancel("later-0").getJobStatus()).isEqualTo(ScheduledJobStatus.cancelled);
        jobs.scheduleUpdateTwin("later-5", "*", update, tomorrow, 600);

        // job query by type and status
        JobQueryResponse cancelledJobs =
                query.queryJobs(ScheduledJobType.scheduleUpdateTwin, ScheduledJobStatus.cancelled);
        List<String> cancelledIds = new ArrayList<>();
        while (cancelledJobs.hasNext()) {
            cancelledIds.add(cancelledJobs.next().getJobId());
        }
        assertThat(cancelledIds).containsExactly("later-0");
        JobQueryResponse completedMethods =
                query.queryJobs(ScheduledJobType.scheduleDeviceMethod, ScheduledJobStatus.completed);
        assertThat(completedMethods.next().getJobId()).isEqualTo("method-job");
        assertThat(completedMethods.hasNext()).isFalse();
    }

    @Test
    void wrongKeyIsUnauthorized() throws Exception {
        String wrong = "HostName=localhost;SharedAccessKeyName=iothubowner;SharedAccessKey="
                + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        AzureSasCredential bad = new AzureSasCredential(
                new IotHubServiceSasToken(IotHubConnectionStringBuilder.createIotHubConnectionString(wrong))
                        .toString());
        assertThatThrownBy(() -> new RegistryClient(host, bad).addDevice(new Device("intruder")))
                .isInstanceOf(IotHubUnauthorizedException.class);
        assertThatThrownBy(() -> new RegistryClient(host, credential).getDevice("intruder"))
                .isInstanceOf(IotHubNotFoundException.class);
    }
}
