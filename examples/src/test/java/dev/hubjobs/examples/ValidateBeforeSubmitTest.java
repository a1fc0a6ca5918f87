package dev.hubjobs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidateBeforeSubmitTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    private final JobValidator validator = JobValidator.builder().clock(CLOCK).build();

    @Test
    void cleanJobIsSubmittedAsWireJson() throws Exception {
        List<String> sent = new ArrayList<>();
        JobRequest job = ValidateBeforeSubmit.firmwareRollout(CLOCK);

        ValidateBeforeSubmit.Outcome outcome = ValidateBeforeSubmit.validateAndSubmit(validator, job, sent::add);

        assertThat(outcome.findings()).isEmpty();
        assertThat(outcome.submitted()).isTrue();
        assertThat(sent).containsExactly(JobJson.toWire(job));
        JobRequest back = JobJson.fromWire(sent.get(0));
        assertThat(back.type()).isEqualTo("scheduleUpdateTwin");
        assertThat(back.startTime()).isEqualTo("2026-11-23T01:00:00Z");
        assertThat(back.updateTwin().at("/properties/desired/firmware/version").asText())
                .isEqualTo("2.1");
    }

    @Test
    void brokenJobIsNotSubmittedAndSaysWhy() {
        List<String> sent = new ArrayList<>();

        ValidateBeforeSubmit.Outcome outcome =
                ValidateBeforeSubmit.validateAndSubmit(validator, ValidateBeforeSubmit.brokenRollout(CLOCK), sent::add);

        assertThat(outcome.submitted()).isFalse();
        assertThat(sent).isEmpty();
        assertThat(outcome.findings())
                .extracting(f -> f.substring(0, 5))
                .containsExactlyInAnyOrder("HJ206", "HJ206", "HJ206", "HJ301", "HJ302", "HJ303");
    }

    @Test
    void mainPrintsBothOutcomes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ValidateBeforeSubmit.run(CLOCK, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out).contains("PUT /jobs/v2/fw-2-1-canary?api-version=2021-04-12 {\"jobId\":\"fw-2-1-canary\"");
        assertThat(out).contains("job fw_2_1_canary:", "HJ302 error", "not submitted");
        assertThat(out).doesNotContain("PUT /jobs/v2/fw_2_1_canary");
    }
}
