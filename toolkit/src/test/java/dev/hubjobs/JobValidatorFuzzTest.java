package dev.hubjobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.testing.FuzzInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzz target for job validation (docs/fuzzing.md): never throws, every finding's span lies
 * inside the text, and validating the same text twice gives the same findings. The raw bytes,
 * invalid UTF-8 included, also go through the byte-level parser that reads job files.
 */
class JobValidatorFuzzTest {

    static final int MAX_BYTES = 16 * 1024;

    /** A fixed clock: a finding about a past startTime must not depend on when the fuzzer runs. */
    static final JobValidator VALIDATOR = JobValidator.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))
            .build();

    @FuzzTest
    void validate(byte[] data) {
        byte[] bytes = FuzzInput.bounded(data, MAX_BYTES);
        String text = FuzzInput.text(bytes, MAX_BYTES);
        ValidationResult first = VALIDATOR.validate(text);
        FuzzInput.assertSpansInside(text, first.diagnostics());
        assertThat(VALIDATOR.validate(text).diagnostics())
                .as("findings of a second validation")
                .isEqualTo(first.diagnostics());

        // What `hubjobs validate FILE` reads: the bytes as they are.
        JsonDocumentParser.parse(bytes);
    }
}
