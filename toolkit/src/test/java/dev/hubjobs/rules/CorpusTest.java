package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.ValidationResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared corpus: every job file gives exactly its {@code .expected} (or a superset in subset mode). */
class CorpusTest {

    static Stream<Path> jobs() throws IOException, URISyntaxException {
        Path dir = Path.of(CorpusTest.class.getResource("/corpus/jobs").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".job.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobs")
    void givesExpectedDiagnostics(Path job) {
        String name = job.getFileName().toString();
        Path expectedFile = job.resolveSibling(name.substring(0, name.length() - ".job.json".length()) + ".expected");
        assertThat(expectedFile).exists();
        ValidationResult result = Expectations.VALIDATOR.validate(job);
        var expected = Expectations.read(expectedFile);
        var actual = Expectations.starts(result);
        if (Expectations.subsetMode(expectedFile)) {
            assertThat(actual)
                    .as("findings of %s:%s", name, Expectations.describe(result))
                    .containsAll(expected);
        } else {
            assertThat(actual)
                    .as("findings of %s:%s", name, Expectations.describe(result))
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
