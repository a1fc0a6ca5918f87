package dev.hubjobs.rules;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.text.LineMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing expected diagnostics: {@code CODE line:col} or {@code CODE line:col-line:col}, 1-based UTF-16. */
final class Expectations {

    /** The clock the expectations are written for, so that "startTime in the past" does not age. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    static final JobValidator VALIDATOR = JobValidator.builder().clock(CLOCK).build();

    private Expectations() {}

    /** Expected lines of a sidecar file, comments and blank lines left out. */
    static List<String> read(Path file) {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean subsetMode(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.strip().matches("#\\s*mode:\\s*subset.*"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String start(ValidationResult result, Diagnostic d) {
        return d.code() + " " + result.lines().humanPosition(d.span().start());
    }

    static String range(ValidationResult result, Diagnostic d) {
        LineMap lines = result.lines();
        return d.code() + " " + lines.humanPosition(d.span().start()) + "-"
                + lines.humanPosition(d.span().end());
    }

    static List<String> ranges(ValidationResult result) {
        return result.diagnostics().stream().map(d -> range(result, d)).toList();
    }

    static List<String> starts(ValidationResult result) {
        return result.diagnostics().stream().map(d -> start(result, d)).toList();
    }

    /** The findings with their messages, for failure output. */
    static String describe(ValidationResult result) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : result.diagnostics()) {
            sb.append("\n  ")
                    .append(range(result, d))
                    .append(' ')
                    .append(d.severity().label())
                    .append(": ")
                    .append(d.message());
        }
        return sb.toString();
    }
}
