package dev.hubjobs.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Over job files broken at random (the corpus and the rule fixtures, with characters deleted,
 * inserted, swapped and quotes changed): the fixed text never has more errors than the input, and
 * fixing it again changes nothing.
 */
class FixAllPropertyTest {

    static final JobValidator VALIDATOR = JobValidator.builder()
            .clock(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC))
            .build();
    static final Function<String, List<Diagnostic>> VALIDATE =
            t -> VALIDATOR.validate(t).diagnostics();

    /** What a hand or a bad merge puts into JSON. */
    static final String[] INSERTS = {
        ",", ":", "'", "\"", "{", "}", "[", "]", " ", "\n", "x", "//", "/*", "\\", "<id>", "true", "1", ", ", "\"a\": 1"
    };

    static final int CASES = 3000;

    @Test
    void fixingNeverAddsErrorsAndFixingTwiceIsFixingOnce() throws IOException {
        List<String> seeds = seeds();
        Random random = new Random(20261205);
        for (int i = 0; i < CASES; i++) {
            String text = seeds.get(random.nextInt(seeds.size()));
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                text = mutate(text, random);
            }
            FixAll.Outcome once = FixAll.apply(text, VALIDATE);
            assertThat(errors(once.text())).as("errors after fixing %s", text).isLessThanOrEqualTo(errors(text));
            FixAll.Outcome twice = FixAll.apply(once.text(), VALIDATE);
            assertThat(twice.text())
                    .as("fixing again what fixing %s gave", text)
                    .isEqualTo(once.text());
            assertThat(twice.edits()).isZero();
        }
    }

    static long errors(String text) {
        return VALIDATE.apply(text).stream().filter(Diagnostic::isError).count();
    }

    static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return INSERTS[random.nextInt(INSERTS.length)];
        }
        int at = random.nextInt(text.length());
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at) + text.substring(at + 1);
            case 1 -> text.substring(0, at) + INSERTS[random.nextInt(INSERTS.length)] + text.substring(at);
            case 2 -> {
                int quote = text.indexOf('"', at);
                yield quote < 0 ? text : text.substring(0, quote) + "'" + text.substring(quote + 1);
            }
            case 3 ->
                at + 1 < text.length()
                        ? text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2)
                        : text;
            default -> {
                int end = Math.min(text.length(), at + 1 + random.nextInt(12));
                yield text.substring(0, at) + text.substring(end);
            }
        };
    }

    /** The job files of the corpus and of the rule fixtures, good and bad. */
    static List<String> seeds() throws IOException {
        Path resources = Path.of("src/test/resources");
        try (Stream<Path> files =
                Stream.concat(Files.walk(resources.resolve("corpus/jobs")), Files.walk(resources.resolve("rules")))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".job.json"))
                    .sorted()
                    .map(p -> {
                        try {
                            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8); // one is not UTF-8
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }
}
