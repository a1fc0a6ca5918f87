package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.Limits;
import dev.hubjobs.config.ValidatorConfig;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Details of the field and twin rules that the fixtures do not show: fixes, data, boundaries, the clock. */
class FieldRulesTest {

    private static ValidationResult validate(String json) {
        return Expectations.VALIDATOR.validate(json);
    }

    private static List<Diagnostic> only(ValidationResult result, String code) {
        return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    private static String twinJob(String patch) {
        return "{\"jobId\": \"j1\", \"type\": \"scheduleUpdateTwin\", \"queryCondition\": \"*\", \"updateTwin\": "
                + patch + "}";
    }

    @Test
    void everyDocumentationTypeNameGetsTheRightNameAsASafeFix() {
        Map<String, String> expected = Map.of(
                "scheduleDirectRequest", "scheduleDeviceMethod",
                "scheduleDirectMethod", "scheduleDeviceMethod",
                "scheduledDeviceMethod", "scheduleDeviceMethod",
                "scheduleTwinUpdate", "scheduleUpdateTwin",
                "scheduledUpdateTwin", "scheduleUpdateTwin");
        assertThat(JobFields.TYPE_ALIASES.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((wrong, right) -> {
            String job = "{\"jobId\": \"j1\", \"type\": \"" + wrong + "\", \"queryCondition\": \"*\"}";
            List<Diagnostic> found = only(validate(job), "HJ201");
            assertThat(found).hasSize(1);
            Fix fix = found.get(0).fixes().get(0);
            assertThat(fix.safe()).isTrue();
            assertThat(FixesTest.apply(job, fix)).contains("\"type\": \"" + right + "\"");
            assertThat(found.get(0).data()).containsEntry("suggestions", List.of(right));
        });
    }

    @Test
    void singleQuotedTypeIsStillReadAndOneFindingFixesNameAndQuotes() {
        String job = "{jobId: 'j1', type: 'scheduleTwinUpdate', queryCondition: '*', updateTwin: {etag: '*'}}";
        ValidationResult result = validate(job);
        Diagnostic d = only(result, "HJ201").get(0);
        assertThat(d.span().textOf(job)).isEqualTo("'scheduleTwinUpdate'");
        assertThat(FixesTest.apply(job, d.fixes().get(0))).contains("type: \"scheduleUpdateTwin\"");
        // One root cause, one finding: HJ201's fix writes the double quotes, so HJ002 says nothing there.
        assertThat(result.diagnostics())
                .filteredOn(x -> x.span().equals(d.span()))
                .containsExactly(d);
        // Read as a twin job: the patch is checked, no method is asked for.
        assertThat(only(result, "HJ202")).isEmpty();
    }

    @Test
    void unknownFieldsCarryTheirSuggestion() {
        String job = """
                {"jobId": "j1", "type": "scheduleDeviceMethod", "queryConditon": "*",
                 "maxExecutionTimeSeconds": 60, "deviceIds": ["d1"],
                 "cloudToDeviceMethod": {"methodName": "m", "timeoutInSeconds": 30}}
                """;
        Map<String, Object> suggestions = only(validate(job), "HJ204").stream()
                .collect(Collectors.toMap(
                        d -> d.span().textOf(job), d -> d.data().get("suggestions")));
        assertThat(suggestions)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "\"queryConditon\"", List.of("queryCondition"),
                        "\"maxExecutionTimeSeconds\"", List.of("maxExecutionTimeInSeconds"),
                        "\"deviceIds\"", List.of("queryCondition"),
                        "\"timeoutInSeconds\"", List.of("responseTimeoutInSeconds")));
    }

    @Test
    void deviceIdsBecomeAnInConditionWhenThereIsNone() {
        String job = "{\"jobId\": \"j1\", \"type\": \"scheduleDeviceMethod\", \"deviceIds\": [\"d1\", \"o'k\"], "
                + "\"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";
        Diagnostic d = only(validate(job), "HJ204").get(0);
        String fixed = FixesTest.apply(job, d.fixes().get(0));
        assertThat(fixed).contains("\"queryCondition\": \"deviceId IN ['d1', 'o\\\\'k']\"");
        assertThat(validate(fixed).diagnostics()).isEmpty();
    }

    @Test
    void characterSetDoesNotRepeatWhatTwinKeyFormatReports() {
        ValidationResult result = validate(twinJob("{\"etag\": \"*\", \"tags\": {\"a b(c\": \"x\"}}"));
        assertThat(result.diagnostics())
                .extracting(d -> d.code() + " " + d.span().textOf(result.text()))
                .containsExactly("HJ304  ", "HJ301 (");
    }

    @Test
    void characterSetRunsAreRangedThroughEscapes() {
        String job = twinJob("{\"etag\": \"*\", \"tags\": {\"k\": \"\\u00e9\\u00e8 ok\"}}");
        ValidationResult result = validate(job);
        assertThat(result.diagnostics()).extracting(d -> d.span().textOf(job)).containsExactly("\\u00e9\\u00e8 ");
    }

    @Test
    void sizesAreCountedAsTheServiceCounts() {
        // 512 booleans under keys of 12 bytes: 512 * (12 + 4) = 8192 bytes, exactly the tags limit.
        String tags = IntStream.range(0, 512)
                .mapToObj(i -> String.format("\"key-%08d\": true", i))
                .collect(Collectors.joining(", "));
        assertThat(only(validate(twinJob("{\"etag\": \"*\", \"tags\": {" + tags + "}}")), "HJ306"))
                .isEmpty();
        // One number more (key 1 byte + 8) goes over.
        List<Diagnostic> over =
                only(validate(twinJob("{\"etag\": \"*\", \"tags\": {" + tags + ", \"n\": 1}}")), "HJ306");
        assertThat(over).hasSize(1);
        assertThat(over.get(0).message()).contains("8201 bytes");
        // UTF-8 bytes, not characters: 2048 two-byte characters are a 4096-byte string, at the limit.
        String twoByte = "\\u00e9".repeat(2048);
        assertThat(only(validate(twinJob("{\"etag\": \"*\", \"tags\": {\"s\": \"" + twoByte + "\"}}")), "HJ306"))
                .extracting(Diagnostic::message)
                .containsExactly("property 's' is 4097 bytes; a property may be at " + "most 4096");
    }

    @Test
    void aPayloadIsSerializedWheneverItsTextCouldExceedTheLimit() {
        // Two raw control characters: 4 characters of the document, 14 bytes serialized
        // ("\u0001\u0001" with its quotes), over a limit of 13 that 4 characters could not reach
        // were each only a byte or three.
        Limits limits = new Limits(8192, 64, 13, 1024, 4096, 10, 8 * 1024, 32 * 1024, 4096);
        JobValidator validator = JobValidator.builder()
                .config(new ValidatorConfig(Map.of(), Set.of(), limits))
                .build();
        String job = "{\"jobId\": \"j1\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"*\", "
                + "\"cloudToDeviceMethod\": {\"methodName\": \"m\", \"payload\": \"\u0001\u0001\"}}";
        assertThat(only(validator.validate(job), "HJ211"))
                .extracting(Diagnostic::message)
                .containsExactly("payload is 14 bytes serialized; the limit is 13 bytes (0 KB)");
    }

    @Test
    void metadataIsNeitherCountedNorCheckedAsAKey() {
        ValidationResult result = validate(
                twinJob("{\"etag\": \"*\", \"properties\": {\"desired\": {\"$metadata\": {\"$lastUpdated\": \"x\"}, "
                        + "\"$version\": null}}}"));
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("HJ308");
    }

    @Test
    void startTimeInThePastDependsOnTheClock() {
        String job = "{\"jobId\": \"j1\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"*\", "
                + "\"cloudToDeviceMethod\": {\"methodName\": \"m\"}, \"startTime\": \"2026-12-01T02:00:00Z\"}";
        JobValidator before = JobValidator.builder()
                .clock(Clock.fixed(Instant.parse("2026-12-01T01:59:59Z"), ZoneOffset.UTC))
                .build();
        JobValidator after = JobValidator.builder()
                .clock(Clock.fixed(Instant.parse("2026-12-01T02:00:01Z"), ZoneOffset.UTC))
                .build();
        assertThat(before.validate(job).diagnostics()).isEmpty();
        assertThat(after.validate(job).diagnostics())
                .extracting(Diagnostic::code)
                .containsExactly("HJ208");
    }

    @Test
    void misspeltTypeStillChecksTheJobAsTheTypeItMeans() {
        for (JobType type : JobType.values()) {
            String wrong = JobFields.TYPE_ALIASES.entrySet().stream()
                    .filter(e -> e.getValue() == type)
                    .findFirst()
                    .orElseThrow()
                    .getKey();
            ValidationResult result =
                    validate("{\"jobId\": \"j1\", \"type\": \"" + wrong + "\", \"queryCondition\": \"*\"}");
            assertThat(only(result, "HJ202"))
                    .extracting(Diagnostic::message)
                    .containsExactly(
                            "required field '" + JobFields.requiredFor(type).get(0) + "' is missing from the job");
        }
    }

    @Test
    void wholeNumbersAreJudgedByTheirText() {
        String job = "{\"jobId\": \"j1\", \"type\": \"scheduleUpdateTwin\", \"queryCondition\": \"*\", "
                + "\"maxExecutionTimeInSeconds\": 6e1, \"updateTwin\": {\"etag\": \"*\", \"tags\": "
                + "{\"f\": 9.1e15, \"i\": 9100000000000000}}}";
        ValidationResult result = validate(job);
        assertThat(result.diagnostics())
                .extracting(d -> d.code() + " " + d.span().textOf(job))
                .containsExactly("HJ209 6e1", "HJ307 9100000000000000");
    }

    @Test
    void hugeExponentsAreJudgedWithoutExpandingThem() {
        String job = "{\"jobId\": \"j1\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"*\", "
                + "\"maxExecutionTimeInSeconds\": 1e999999999, \"cloudToDeviceMethod\": {\"methodName\": \"m\", "
                + "\"responseTimeoutInSeconds\": 1e999999999, \"connectTimeoutInSeconds\": -1e999999999}}";
        ValidationResult result = validate(job);
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly("HJ209", "HJ210", "HJ210");
        assertThat(FixesTest.apply(job, result.diagnostics().get(1).fixes().get(0)))
                .contains("\"responseTimeoutInSeconds\": 300");
    }
}
