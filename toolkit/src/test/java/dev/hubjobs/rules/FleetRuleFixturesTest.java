package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.exec.Tier;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures of the fleet rules, {@code rules/HJ40n/}: like every rule fixture, plus the fleet
 * they run against ({@code fleet.ndjson}) and, for the throttle, the tier ({@code tier.txt}:
 * {@code S1 1}). Bad fixtures give exactly their {@code .expected} findings, good ones none.
 */
class FleetRuleFixturesTest {

    static Stream<Path> fixtures() throws Exception {
        Path root = Path.of(FleetRuleFixturesTest.class.getResource("/rules").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".job.json"))
                    .filter(p -> Files.exists(p.resolveSibling("fleet.ndjson"))).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureGivesExactlyItsFindings(Path fixture) throws IOException {
        Path dir = fixture.getParent();
        Throttle throttle = Throttle.UNTHROTTLED;
        Path tierFile = dir.resolve("tier.txt");
        if (Files.exists(tierFile)) {
            String[] tier = Files.readString(tierFile).trim().split("\\s+");
            throttle = Throttle.of(Tier.parse(tier[0]).orElseThrow(), Integer.parseInt(tier[1]));
        }
        FleetSummary facts = new FleetSummary(
                FleetLoader.load(dir.resolve("fleet.ndjson"), ProgressListener.NONE).fleet(), throttle);
        ValidationResult result = JobValidator.builder().config(ValidatorConfig.DEFAULT).fleet(facts).build()
                .validate(fixture);
        List<String> actual = result.diagnostics().stream().map(d -> range(result, d)).toList();
        String name = fixture.getFileName().toString().replace(".job.json", "");
        if (name.startsWith("good")) {
            assertThat(actual).as("%s must be clean", fixture).isEmpty();
        } else {
            List<String> expected = Files.readAllLines(dir.resolve(name + ".expected")).stream()
                    .filter(l -> !l.isBlank()).toList();
            assertThat(actual).as("findings of %s: %s", fixture, result.diagnostics())
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String range(ValidationResult r, Diagnostic d) {
        return d.code() + " " + r.lines().humanPosition(d.span().start()) + "-" + r.lines().humanPosition(d.span().end());
    }
}
