package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule that throws costs that rule only: one internal-error finding, and every other rule still reports. */
class RuleIsolationTest {

    /** Fails on every job, as a rule with a bug would. */
    static final class ThrowingRule extends Rule {
        ThrowingRule() {
            super(Meta.of("HJ299", Severity.WARNING, "always throws"));
        }

        @Override
        public void check(JobContext job, Findings findings) {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void throwingRuleGivesOneInternalErrorAndOthersStillReport() {
        List<Rule> rules = new ArrayList<>();
        rules.add(new JobTypeName());
        rules.add(new ThrowingRule());
        rules.add(new JobIdFormat());
        JobValidator validator =
                JobValidator.builder().clock(Expectations.CLOCK).rules(rules).build();

        ValidationResult result = validator.validate("""
                {"jobId": "a_b", "type": "scheduleTwinUpdate", "queryCondition": "*",
                 "updateTwin": {"etag": "*"}}
                """);

        List<Diagnostic> internal = result.diagnostics().stream()
                .filter(d -> d.code().equals("HJ299"))
                .toList();
        assertThat(internal).hasSize(1);
        assertThat(internal.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(internal.get(0).message()).contains("internal error", "Throwing", "boom");
        assertThat(internal.get(0).span().start()).isZero();
        assertThat(result.diagnostics())
                .extracting(Diagnostic::code)
                .containsExactlyInAnyOrder("HJ201", "HJ299", "HJ206");
    }

    @Test
    void everyRuleRunsWithoutErrorOnEveryShapeOfJob() {
        // Values of every JSON type in every field: no rule may throw on any of them.
        String[] values = {
            "null",
            "true",
            "1",
            "-1.5e3",
            "\"\"",
            "\"x y\"",
            "[]",
            "[1, {}]",
            "{}",
            "{\"a\": {\"b\": [null]}}",
            "<placeholder>"
        };
        String[] fields = {
            "jobId",
            "type",
            "queryCondition",
            "startTime",
            "maxExecutionTimeInSeconds",
            "cloudToDeviceMethod",
            "updateTwin"
        };
        for (String type : new String[] {"scheduleDeviceMethod", "scheduleUpdateTwin", "scheduleTwinUpdate", "x"}) {
            for (String field : fields) {
                for (String value : values) {
                    String job = "{\"type\": \"" + type + "\", \"" + field + "\": " + value
                            + ", \"cloudToDeviceMethod\": {\"methodName\": " + value + ", \"payload\": " + value
                            + ", \"responseTimeoutInSeconds\": " + value + "}, \"updateTwin\": {\"etag\": " + value
                            + ", \"tags\": " + value + ", \"properties\": {\"desired\": " + value
                            + ", \"reported\": " + value + "}, \"desired\": " + value + "}}";
                    ValidationResult result = Expectations.VALIDATOR.validate(job);
                    assertThat(result.diagnostics())
                            .as(job)
                            .noneMatch(d -> d.message().contains("internal error"));
                }
            }
        }
    }
}
