package dev.hubjobs.fix;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubjobs.JobValidator;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.testing.FuzzInput;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Fuzz target for {@code hubjobs validate --fix} (docs/fuzzing.md): the fixed text never has more
 * error findings than the input, and fixing it again changes nothing. FixAllPropertyTest checks
 * the same over random mutations of the corpus; this lets a fuzzer look for the exceptions.
 */
class FixAllFuzzTest {

    /** Each fixing pass validates the text again: smaller than the validation target's bound. */
    static final int MAX_BYTES = 8 * 1024;

    static final JobValidator VALIDATOR = JobValidator.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))
            .build();
    static final Function<String, List<Diagnostic>> VALIDATE =
            t -> VALIDATOR.validate(t).diagnostics();

    @FuzzTest
    void fixAll(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        FixAll.Outcome once = FixAll.apply(text, VALIDATE);
        assertThat(errors(once.text()))
                .as("errors after fixing %s into %s", text, once.text())
                .isLessThanOrEqualTo(errors(text));
        FixAll.Outcome twice = FixAll.apply(once.text(), VALIDATE);
        assertThat(twice.text())
                .as("fixing again %s, what fixing %s gave", once.text(), text)
                .isEqualTo(once.text());
        assertThat(twice.edits()).isZero();
    }

    private static long errors(String text) {
        return VALIDATE.apply(text).stream().filter(Diagnostic::isError).count();
    }
}
