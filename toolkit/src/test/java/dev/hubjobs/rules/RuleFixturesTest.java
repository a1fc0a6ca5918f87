package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ConfigFile;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.exec.Tier;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fixtures under {@code rules/HJnnn/}: each {@code bad*.job.json} gives exactly the findings of
 * its {@code bad*.expected} (code and range; a missing and an unexpected finding both fail), and
 * each {@code good*.job.json} gives none at all. A fixture may have its own configuration in
 * {@code <name>.hubjobs.json}; its findings are written {@code CODE config line:col-line:col}.
 */
class RuleFixturesTest {

    static Path root() throws URISyntaxException {
        return Path.of(RuleFixturesTest.class.getResource("/rules").toURI());
    }

    static Stream<Path> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.walk(root())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".job.json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureGivesExactlyItsFindings(Path fixture) throws IOException {
        String name = baseName(fixture);
        Path dir = fixture.getParent();
        List<String> actual = new ArrayList<>();
        String described = run(fixture, dir.resolve(name + ".hubjobs.json"), actual);
        if (name.startsWith("good")) {
            assertThat(actual).as("%s must be clean:%s", fixture, described).isEmpty();
        } else {
            assertThat(name).as("fixture names start with bad or good").startsWith("bad");
            Path expectedFile = dir.resolve(name + ".expected");
            assertThat(expectedFile).exists();
            List<String> expected = Expectations.read(expectedFile);
            assertThat(expected)
                    .as("a bad fixture shows its folder's code")
                    .anyMatch(e -> e.startsWith(dir.getFileName() + " "));
            assertThat(actual)
                    .as("findings of %s:%s", fixture, described)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    /** Validates {@code fixture} (with its own configuration if it has one) into {@code out}; returns the messages. */
    private static String run(Path fixture, Path configFile, List<String> out) throws IOException {
        ValidatorConfig config = ValidatorConfig.DEFAULT;
        StringBuilder described = new StringBuilder();
        if (Files.exists(configFile)) {
            ConfigFile.Loaded loaded = ConfigFile.load(configFile, Rules::isKnown);
            config = loaded.config();
            for (Diagnostic d : loaded.diagnostics()) {
                String line = d.code() + " config "
                        + loaded.lines().humanPosition(d.span().start()) + "-"
                        + loaded.lines().humanPosition(d.span().end());
                out.add(line);
                described.append("\n  ").append(line).append(' ').append(d.message());
            }
        }
        JobValidator.Builder builder =
                JobValidator.builder().clock(Expectations.CLOCK).config(config);
        fleetBeside(fixture).ifPresent(builder::fleet);
        JobValidator validator = builder.build();
        ValidationResult result = validator.validate(fixture);
        out.addAll(Expectations.ranges(result));
        return described + Expectations.describe(result);
    }

    /**
     * The fleet rules (HJ4xx) run only with a fleet: a fixture folder holding {@code fleet.ndjson}
     * (and, for a throttle, {@code tier.txt} such as {@code S1 1}) gives one.
     */
    private static java.util.Optional<FleetSummary> fleetBeside(Path fixture) throws IOException {
        Path dir = fixture.getParent();
        Path fleet = dir.resolve("fleet.ndjson");
        if (!Files.exists(fleet)) {
            return java.util.Optional.empty();
        }
        Throttle throttle = Throttle.UNTHROTTLED;
        Path tierFile = dir.resolve("tier.txt");
        if (Files.exists(tierFile)) {
            String[] tier = Files.readString(tierFile).trim().split("\\s+");
            throttle = Throttle.of(Tier.parse(tier[0]).orElseThrow(), Integer.parseInt(tier[1]));
        }
        return java.util.Optional.of(
                new FleetSummary(FleetLoader.load(fleet, ProgressListener.NONE).fleet(), throttle));
    }

    private static String baseName(Path fixture) {
        String file = fixture.getFileName().toString();
        return file.substring(0, file.length() - ".job.json".length());
    }

    @Test
    void everyRuleHasABadAndAGoodFixtureAndADocumentationPage() throws URISyntaxException, IOException {
        Path docs = Path.of("..", "docs", "rules");
        for (Rule rule : Rules.all()) {
            Path dir = root().resolve(rule.code());
            assertThat(dir).as("fixture folder of %s", rule).isDirectory();
            assertThat(dir.toFile().list((d, n) -> n.startsWith("bad") && n.endsWith(".job.json")))
                    .as("bad fixtures of %s", rule)
                    .isNotEmpty();
            assertThat(dir.toFile().list((d, n) -> n.startsWith("good") && n.endsWith(".job.json")))
                    .as("good fixtures of %s", rule)
                    .isNotEmpty();
            Path page = docs.resolve(rule.code() + ".md");
            assertThat(page).as("documentation page of %s", rule).isRegularFile();
            String text = Files.readString(page);
            assertThat(text).as("title of %s", page).startsWith("# " + rule.code() + " " + rule.name() + ": ");
            assertThat(text)
                    .as("severity in %s", page)
                    .contains("Severity: **" + rule.defaultSeverity().label() + "**");
            assertThat(text).as("examples in %s", page).contains("## Bad", "## Good");
        }
    }

    @Test
    void theRuleIndexListsEveryRuleInCodeOrder() throws IOException {
        List<String> rows = Files.readAllLines(Path.of("..", "docs", "rules", "README.md")).stream()
                .filter(l -> l.startsWith("| [HJ"))
                .map(l -> l.substring(0, l.indexOf(" | ", l.indexOf(" | ") + 3)))
                .toList();
        assertThat(rows)
                .containsExactlyElementsOf(Rules.all().stream()
                        .map(r -> "| [" + r.code() + "](" + r.code() + ".md) | " + r.name())
                        .toList());
    }

    @Test
    void everyFixtureFolderBelongsToARule() throws IOException, URISyntaxException {
        try (Stream<Path> dirs = Files.list(root())) {
            assertThat(dirs.map(p -> p.getFileName().toString()).toList()).allMatch(Rules::isKnown);
        }
    }
}
