package dev.hubjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The checkpoint an editor uses to abandon a validation whose text is out of date. */
class JobValidatorCheckpointTest {

    private static final String THREE_JOBS = "[{\"jobId\": \"a\"}, 1, {\"jobId\": \"c\"}]";

    @Test
    void checkpointRunsBeforeEachJob() {
        AtomicInteger runs = new AtomicInteger();
        ValidationResult result = JobValidator.builder().build().validate(THREE_JOBS, runs::incrementAndGet);
        assertThat(runs).hasValue(3);
        assertThat(result.diagnostics())
                .isEqualTo(JobValidator.builder().build().validate(THREE_JOBS).diagnostics());
        JobValidator.builder().build().validate("{\"jobId\": \"a\"}", runs::incrementAndGet);
        assertThat(runs).hasValue(4);
    }

    @Test
    void checkpointThatThrowsAbandonsTheValidation() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> JobValidator.builder().build().validate(THREE_JOBS, () -> {
                    if (runs.incrementAndGet() == 2) {
                        throw new CancellationException("out of date");
                    }
                }))
                .isInstanceOf(CancellationException.class);
        assertThat(runs).hasValue(2);
    }
}
