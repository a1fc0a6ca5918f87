package dev.hubjobs.exec;

import static dev.hubjobs.exec.Fixtures.clock;
import static dev.hubjobs.exec.Fixtures.fleet;
import static dev.hubjobs.exec.Fixtures.json;
import static dev.hubjobs.exec.Fixtures.twinJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubjobs.job.CloudToDeviceMethod;
import dev.hubjobs.job.JobRequest;
import org.junit.jupiter.api.Test;

class ScheduleRejectionTest {

    private final JobExecutor ex = JobExecutor.builder(fleet(), clock()).build();

    private ServiceError refused(JobRequest request) {
        try {
            ex.schedule(request);
        } catch (JobServiceException e) {
            assertThat(e.getStackTrace()).isEmpty();
            return e.error();
        }
        throw new AssertionError("accepted: " + request);
    }

    @Test
    void reusedIdIsJobAlreadyExists() {
        ex.schedule(twinJob("j1", "*"));
        ex.tick();
        ServiceError e = refused(twinJob("j1", "*"));
        assertThat(e).isEqualTo(new ServiceError(409, 409104, "JobAlreadyExists", "Job with id 'j1' already exists."));
        assertThat(e.legacyMessage()).startsWith("ErrorCode:JobAlreadyExists;");
    }

    @Test
    void etagOtherThanStarIsArgumentInvalid() {
        ServiceError e = refused(JobRequest.twinUpdate("j1", "*", json("{\"etag\":\"AAAA\",\"tags\":{\"a\":\"b\"}}")));
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(400004);
        assertThat(e.name()).isEqualTo("ArgumentInvalid");
        assertThat(e.message()).contains("only accepts '*' as the Etag");
        assertThat(refused(JobRequest.twinUpdate("j2", "*", json("{\"tags\":{\"a\":\"b\"}}")))
                        .code())
                .isEqualTo(400004);
    }

    @Test
    void patchWithoutPropertiesWrapperOrWithReportedIsArgumentInvalid() {
        assertThat(refused(JobRequest.twinUpdate("j1", "*", json("{\"etag\":\"*\",\"desired\":{\"a\":\"b\"}}")))
                        .code())
                .isEqualTo(400004);
        assertThat(refused(JobRequest.twinUpdate(
                                "j2", "*", json("{\"etag\":\"*\",\"properties\":{\"reported\":{\"a\":\"b\"}}}")))
                        .code())
                .isEqualTo(400004);
        assertThat(refused(JobRequest.twinUpdate("j3", "*", json("{\"etag\":\"*\",\"tags\":[1]}")))
                        .code())
                .isEqualTo(400004);
    }

    @Test
    void emptyReportedIsTolerated() {
        ex.schedule(JobRequest.twinUpdate(
                "j1", "*", json("{\"etag\":\"*\",\"properties\":{\"desired\":{\"a\":\"b\"},\"reported\":{}}}")));
        ex.tick();
        assertThat(ex.get("j1").status()).isEqualTo("completed");
    }

    @Test
    void unknownTypeIsGenericBadRequest() {
        ServiceError e = refused(
                new JobRequest("j1", "scheduleTwinUpdate", "*", null, null, null, json("{\"etag\":\"*\"}"), null));
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(400000);
        assertThat(e.name()).isEqualTo("GenericBadRequest");
        assertThat(e.message()).contains("scheduleTwinUpdate");
    }

    @Test
    void missingMethodAndBadStartTimeAreRefused() {
        assertThat(refused(new JobRequest("j1", "scheduleDeviceMethod", "*", null, null, null, null, null))
                        .name())
                .isEqualTo("ArgumentNull");
        assertThat(refused(new JobRequest(
                                "j2",
                                "scheduleDeviceMethod",
                                "*",
                                null,
                                null,
                                new CloudToDeviceMethod("", null, null, null),
                                null,
                                null))
                        .code())
                .isEqualTo(400004);
        assertThat(refused(twinJob("j3", "*").withStartTime("tomorrow")).code()).isEqualTo(400004);
        assertThat(refused(twinJob("j4", "*").withMaxExecutionTimeInSeconds(-1L))
                        .code())
                .isEqualTo(400004);
    }

    @Test
    void refusedJobIsNotCreated() {
        refused(JobRequest.twinUpdate("j1", "*", json("{\"etag\":\"x\"}")));
        assertThatThrownBy(() -> ex.get("j1")).isInstanceOf(JobServiceException.class);
        assertThat(ex.list(null, null, null, null).items()).isEmpty();
    }
}
