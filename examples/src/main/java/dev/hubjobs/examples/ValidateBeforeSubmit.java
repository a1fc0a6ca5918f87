package dev.hubjobs.examples;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * A back end builds a twin-update job in code, validates it, and submits it only when the
 * validator finds no error. Run it with {@code mvn -q -pl examples -am install -DskipTests} once, then
 * {@code mvn -q -pl examples exec:java}.
 */
public final class ValidateBeforeSubmit {

    /** What became of one job: the wire JSON sent, or the findings that stopped it. */
    public record Outcome(boolean submitted, String wireJson, List<String> findings) {}

    private ValidateBeforeSubmit() {}

    /** A firmware roll-out to the canary ring, one hour from now. */
    public static JobRequest firmwareRollout(Clock clock) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.put("etag", "*");
        patch.putObject("tags").put("ring", "canary");
        patch.putObject("properties")
                .putObject("desired")
                .putObject("firmware")
                .put("version", "2.1")
                .put("url", "fw-2.1.bin");
        return JobRequest.twinUpdate("fw-2-1-canary", "tags.ring = 'canary'", patch)
                .withStartTime(clock.instant()
                        .plus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString())
                .withMaxExecutionTimeInSeconds(1800L);
    }

    /** The same job as people often first write it: a real etag, no properties wrapper, a space in a tag. */
    public static JobRequest brokenRollout(Clock clock) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.put("etag", "AAAAAAAAAAc=");
        patch.putObject("tags").put("ring", "canary ring");
        patch.putObject("desired").putObject("firmware").put("version", "2.1");
        return JobRequest.twinUpdate("fw_2_1_canary", "tags.ring = 'canary ring'", patch)
                .withStartTime(clock.instant()
                        .plus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
    }

    /**
     * Validates {@code request} and hands its wire JSON to {@code submit} only when there is no
     * error; warnings and infos are reported but do not stop the job.
     */
    public static Outcome validateAndSubmit(JobValidator validator, JobRequest request, Consumer<String> submit) {
        ValidationResult result = validator.validate(request);
        List<String> findings =
                result.diagnostics().stream().map(d -> describe(result, d)).toList();
        if (result.hasErrors()) {
            return new Outcome(false, null, findings);
        }
        String wire = JobJson.toWire(request);
        submit.accept(wire);
        return new Outcome(true, wire, findings);
    }

    /** {@code HJ302 error 5:13 message}, the position in the JSON the validator saw. */
    private static String describe(ValidationResult result, Diagnostic d) {
        return d.code() + " " + d.severity().label() + " "
                + result.lines().humanPosition(d.span().start()) + " " + d.message();
    }

    static void run(Clock clock, PrintStream out) {
        JobValidator validator = JobValidator.builder().clock(clock).build();
        for (JobRequest job : List.of(firmwareRollout(clock), brokenRollout(clock))) {
            out.println("job " + job.jobId() + ":");
            Outcome outcome = validateAndSubmit(
                    validator,
                    job,
                    wire -> out.println("  PUT /jobs/v2/" + job.jobId() + "?api-version=2021-04-12 " + wire));
            outcome.findings().forEach(f -> out.println("  " + f));
            if (!outcome.submitted()) {
                out.println("  not submitted: fix the errors above first");
            }
        }
    }

    public static void main(String[] args) {
        run(Clock.systemUTC(), System.out);
    }
}
