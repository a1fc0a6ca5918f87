package dev.hubjobs.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The documentation's JavaScript-style job samples (unquoted keys, single quotes,
 * {@code <placeholders>}): one finding per mistake, and after fixing only what needs a human.
 */
class DocumentationSampleFixTest {

    static final JobValidator VALIDATOR = JobValidator.builder().build();

    static String sample(String name) throws IOException {
        try (InputStream in = DocumentationSampleFixTest.class.getResourceAsStream("/rules/HJ002/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Diagnostic> validate(String text) {
        return VALIDATOR.validate(text).diagnostics();
    }

    @Test
    void methodSampleGetsOneFindingPerMistake() throws IOException {
        List<Diagnostic> found = validate(sample("bad-docs-method-sample.job.json"));
        // 9 unquoted keys, 1 single-quoted type, 6 placeholders ('<jobId>', '<methodName>', <payload>,
        // '<queryOrDevices>', <jobStartTime>, <maxExecutionTimeInSeconds>), 1 variable name for a number.
        assertThat(found).hasSize(17);
        assertNoSpotTwice(found);
        assertThat(found)
                .filteredOn(d -> d.message().startsWith("placeholder "))
                .hasSize(6);
        assertThat(found)
                .noneMatch(d -> d.code().equals(Codes.JOB_ID_FORMAT) || d.code().equals(Codes.QUERY_SYNTAX));
    }

    @Test
    void twinSampleGetsOneFindingPerMistake() throws IOException {
        List<Diagnostic> found = validate(sample("bad-docs-twin-sample.job.json"));
        // 6 unquoted keys, the documentation's type name, a missing comma, 5 placeholders.
        assertThat(found).hasSize(13);
        assertThat(found)
                .filteredOn(d -> d.message().startsWith("placeholder "))
                .hasSize(5);
    }

    @Test
    void fixingLeavesOnlyWhatNeedsAHuman() throws IOException {
        for (String name : List.of("bad-docs-method-sample.job.json", "bad-docs-twin-sample.job.json")) {
            FixAll.Outcome fixed = FixAll.apply(sample(name), DocumentationSampleFixTest::validate);
            List<Diagnostic> left = validate(fixed.text());
            assertThat(left).as(name).isNotEmpty().allSatisfy(d -> {
                assertThat(d.message()).containsAnyOf("placeholder ", "looks like a variable name");
                assertThat(d.fixes()).noneMatch(Fix::safe);
            });
            assertThat(FixAll.apply(fixed.text(), DocumentationSampleFixTest::validate)
                            .changed())
                    .isFalse();
        }
    }

    @Test
    void aBareWordWhereANumberBelongsIsNotQuotedByTheFix() {
        String job = """
                {"jobId": "j1", "type": "scheduleDeviceMethod", "queryCondition": "*",
                 "cloudToDeviceMethod": {"methodName": "m", "responseTimeoutInSeconds": methodTimeoutInSeconds}}
                """;
        List<Diagnostic> found = validate(job);
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Codes.FIELD_TYPE);
            assertThat(d.message()).doesNotContain("remove the quotes");
        });
        assertThat(FixAll.apply(job, DocumentationSampleFixTest::validate).changed())
                .isFalse();
    }

    @Test
    void switchingTheReplacingRuleOffBringsHj002Back() {
        String job = "{\"jobId\": \"j1\", \"type\": 'scheduleTwinUpdate', \"queryCondition\": \"*\","
                + " \"updateTwin\": {\"etag\": \"*\"}}";
        assertThat(validate(job)).extracting(Diagnostic::code).containsExactly(Codes.JOB_TYPE_NAME);
        JobValidator without = JobValidator.builder()
                .config(new dev.hubjobs.config.ValidatorConfig(
                        java.util.Map.of(),
                        Set.of(Codes.JOB_TYPE_NAME),
                        dev.hubjobs.config.ValidatorConfig.DEFAULT.limits()))
                .build();
        assertThat(without.validate(job).diagnostics())
                .extracting(Diagnostic::code)
                .containsExactly(Codes.JSON_NON_STANDARD);
    }

    private static void assertNoSpotTwice(List<Diagnostic> found) {
        Set<Integer> starts = new HashSet<>();
        for (Diagnostic d : found) {
            assertThat(starts.add(d.span().start())).as("two findings at %s", d).isTrue();
        }
    }
}
