package dev.hubjobs.cli;

import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.exec.DeclaredBehaviours;
import dev.hubjobs.exec.DryRun;
import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Simulates a job on a fleet file: what it matches, what it changes, how long it takes at a tier. */
@Command(
        name = "dry-run",
        description = {
            "Simulate a job on a fleet file in virtual time, without touching a hub.",
            "Prints the validation findings (on errors, only those, and exits 1), the matched devices,",
            "the twin changes per device (or each device's answer to the method), the final statistics,",
            "and the estimated duration at the tier against maxExecutionTimeInSeconds.",
            "A twin record may declare how the device answers methods:",
            "  \"$behaviour\": {\"status\": 200, \"payload\": {...}, \"latencyMs\": 100, \"offline\": false}"
        })
final class DryRunCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "JOB", description = "The job file (*.job.json): one job or an array of jobs.")
    Path job;

    @Mixin
    FleetOptions fleetOptions;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "10",
            description = "Show at most N devices (default 10).")
    int limit;

    enum Format {
        text,
        json
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Option(
            names = "--now",
            hidden = true,
            paramLabel = "INSTANT",
            description = "Start the virtual clock at this instant instead of now (reproducible output).")
    Instant fixedNow;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (limit < 0) {
            throw new UsageException("--limit must be at least 0");
        }
        if (fleetOptions.fleet.file == null) {
            throw new UsageException("--fleet PATH is required");
        }
        Throttle throttle = fleetOptions.throttle();
        if (!Files.isRegularFile(job)) {
            throw new UsageException("no such job file: " + job);
        }
        DeclaredBehaviours.Extracted fleet = fleetOptions.load(err).orElse(null);
        if (fleet == null) {
            return Main.USAGE;
        }

        Instant now = (fixedNow != null ? fixedNow : Instant.now()).truncatedTo(ChronoUnit.MILLIS);
        ValidationResult validation = JobValidator.builder()
                .clock(Clock.fixed(now, java.time.ZoneOffset.UTC))
                .fleet(new FleetSummary(fleet.fleet(), throttle))
                .build()
                .validate(job);
        List<DryRun.Result> results = new ArrayList<>();
        if (!validation.hasErrors()) {
            for (JobRequest request : JobJson.requests(validation.document().orElseThrow())) {
                results.add(DryRun.run(request, fleet.fleet(), fleet.behaviour(), throttle, now, limit));
            }
        }
        DryRunReport report = new DryRunReport(job.toString(), validation, results);
        if (format == Format.json) {
            report.json(out);
        } else {
            report.text(out);
        }
        out.flush();
        boolean refused = results.stream().anyMatch(r -> r.refused().isPresent());
        return validation.hasErrors() || refused ? Main.FINDINGS : Main.OK;
    }
}
