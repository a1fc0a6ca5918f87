package dev.hubjobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.JobValidator;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.exec.DeclaredBehaviours;
import dev.hubjobs.exec.DeviceJob;
import dev.hubjobs.exec.DryRun;
import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.job.CloudToDeviceMethod;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.text.LineMap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
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

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Show at most N devices (default 10).")
    int limit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Option(names = "--now", hidden = true, paramLabel = "INSTANT",
            description = "Start the virtual clock at this instant instead of now (reproducible output).")
    Instant fixedNow;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean json = format.equalsIgnoreCase("json");
        if (!json && !format.equalsIgnoreCase("text")) {
            err.println("hubjobs dry-run: unknown --format '" + format + "' (text or json)");
            return Main.USAGE;
        }
        if (limit < 0) {
            err.println("hubjobs dry-run: --limit must be >= 0");
            return Main.USAGE;
        }
        if (fleetOptions.fleet.file == null) {
            err.println("hubjobs dry-run: --fleet FILE is required");
            return Main.USAGE;
        }
        Throttle throttle = fleetOptions.throttle();
        if (!Files.isRegularFile(job)) {
            err.println("hubjobs dry-run: no such job file: " + job);
            return Main.USAGE;
        }
        DeclaredBehaviours.Extracted fleet = fleetOptions.load(err).orElse(null);
        if (fleet == null) {
            return Main.USAGE;
        }

        Instant now = (fixedNow != null ? fixedNow : Instant.now()).truncatedTo(ChronoUnit.MILLIS);
        FleetSummary facts = new FleetSummary(fleet.fleet(), throttle);
        ValidationResult validation = JobValidator.builder().clock(Clock.fixed(now, java.time.ZoneOffset.UTC))
                .fleet(facts).build().validate(job);
        String path = job.toString();
        if (validation.hasErrors()) {
            if (json) {
                ObjectNode doc = JsonNodeFactory.instance.objectNode().put("version", 1).put("path", path);
                doc.set("diagnostics", diagnostics(validation));
                doc.set("jobs", JsonNodeFactory.instance.arrayNode());
                out.println(doc.toPrettyString());
            } else {
                printDiagnostics(out, path, validation);
                out.println("not simulated: the job has errors");
            }
            return Main.FINDINGS;
        }
        List<JobRequest> requests;
        try {
            requests = JobJson.requests(JsonDocumentParser.parse(Files.readAllBytes(job)));
        } catch (IOException e) {
            err.println("hubjobs dry-run: cannot read " + job + ": " + e.getMessage());
            return Main.USAGE;
        }
        int exit = Main.OK;
        ArrayNode jobs = JsonNodeFactory.instance.arrayNode();
        if (!json) {
            printDiagnostics(out, path, validation);
        }
        for (JobRequest request : requests) {
            DryRun.Result result = DryRun.run(request, fleet.fleet(), fleet.behaviour(), throttle, now, limit);
            if (result.refused().isPresent()) {
                exit = Main.FINDINGS;
            }
            if (json) {
                jobs.add(toJson(result));
            } else {
                printText(out, result);
            }
        }
        if (json) {
            ObjectNode doc = JsonNodeFactory.instance.objectNode().put("version", 1).put("path", path);
            doc.set("diagnostics", diagnostics(validation));
            doc.set("jobs", jobs);
            out.println(doc.toPrettyString());
        }
        return exit;
    }

    private static void printDiagnostics(PrintWriter out, String path, ValidationResult validation) {
        for (Diagnostic d : validation.diagnostics()) {
            out.println(DiagnosticText.line(path, validation.lines(), d));
        }
    }

    /** Ids, names and values come from the job and the fleet: each line is {@linkplain Printable escaped}. */
    private void printText(PrintWriter out, DryRun.Result r) {
        JobRequest request = r.request();
        out.println();
        line(out, "job " + request.jobId() + " (" + request.type() + ")");
        if (r.refused().isPresent()) {
            line(out, "  refused by the service: " + r.refused().get());
            return;
        }
        line(out, "  matched " + r.matchedCount() + " of " + devices(r.fleetSize())
                + (r.matchedIds().isEmpty() ? "" : ": " + String.join(", ", r.matchedIds())
                        + (r.matchedCount() > r.matchedIds().size() ? ", ..." : "")));
        if (request.cloudToDeviceMethod() != null) {
            CloudToDeviceMethod m = request.cloudToDeviceMethod();
            line(out, "  calls " + m.methodName() + "(" + (m.payload() == null ? "" : m.payload().toString()) + ")"
                    + " with responseTimeoutInSeconds " + m.effectiveResponseTimeout()
                    + ", connectTimeoutInSeconds " + m.effectiveConnectTimeout());
            for (DeviceJob row : r.deviceJobs()) {
                line(out, "    " + id(row) + ": " + row.status() + answer(row));
            }
        } else {
            // changes and rows are both in device order, one per shown device
            for (int i = 0; i < r.deviceJobs().size(); i++) {
                DeviceJob row = r.deviceJobs().get(i);
                DryRun.DeviceChange change = r.changes().get(i);
                if (row.error() != null) {
                    line(out, "    " + id(row) + ": " + row.status() + answer(row));
                    continue;
                }
                line(out, "    " + change.id() + (change.changes().isEmpty() ? ": no change" : ""));
                for (DryRun.PathChange c : change.changes()) {
                    line(out, "      " + c.path() + ": " + show(c.before()) + " -> " + show(c.after()));
                }
            }
        }
        if (r.matchedCount() > r.matchedIds().size()) {
            line(out, "    (" + (r.matchedCount() - r.matchedIds().size()) + " more; --limit to see more)");
        }
        var s = r.job().deviceJobStatistics();
        line(out, "  result: " + r.job().status() + "; " + devices(s.deviceCount()) + ": " + s.succeededCount()
                + " succeeded, " + s.failedCount() + " failed"
                + (r.job().failureReason() == null ? "" : "; " + r.job().failureReason()));
        line(out, "  " + estimateText(r.estimate(), r));
    }

    private static void line(PrintWriter out, String text) {
        out.println(Printable.escape(text));
    }

    private static String estimateText(DryRun.Estimate e, DryRun.Result r) {
        String limit = e.maxExecutionTimeInSeconds() == null ? "no maxExecutionTimeInSeconds"
                : "maxExecutionTimeInSeconds " + e.maxExecutionTimeInSeconds();
        String verdict = e.withinLimit() ? "fits" : e.timedOut() + " devices would fail with JobRunTimeout";
        String rate = e.throttle().unthrottled() ? "unthrottled (no --tier)"
                : "about " + seconds(e.seconds()) + " at " + e.throttle().describe();
        return "duration: " + rate + "; simulated " + seconds(r.simulated().toMillis() / 1000.0) + "; " + limit
                + ": " + verdict;
    }

    private static String devices(long n) {
        return n == 1 ? "1 device" : n + " devices";
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? (long) s + " s" : String.format(Locale.ROOT, "%.1f s", s);
    }

    private static String id(DeviceJob row) {
        return row.moduleId() == null ? row.deviceId() : row.deviceId() + "/" + row.moduleId();
    }

    private static String answer(DeviceJob row) {
        if (row.error() != null) {
            return " " + row.error().code() + " (" + row.error().description() + ")";
        }
        if (row.outcome() != null && row.outcome().deviceMethodResponse() != null) {
            DeviceJob.MethodResponse m = row.outcome().deviceMethodResponse();
            return " " + m.status() + (m.payload() == null ? "" : " " + m.payload());
        }
        return "";
    }

    private static String show(JsonNode value) {
        return value == null ? "(absent)" : value.toString();
    }

    private static ArrayNode diagnostics(ValidationResult validation) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        LineMap lines = validation.lines();
        for (Diagnostic d : validation.diagnostics()) {
            ObjectNode o = list.addObject().put("code", d.code()).put("severity", d.severity().label())
                    .put("message", d.message());
            ObjectNode range = o.putObject("range");
            LineMap.Position start = lines.humanPosition(d.span().start());
            LineMap.Position end = lines.humanPosition(d.span().end());
            range.putObject("start").put("line", start.line()).put("column", start.column());
            range.putObject("end").put("line", end.line()).put("column", end.column());
        }
        return list;
    }

    private static ObjectNode toJson(DryRun.Result r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("jobId", r.request().jobId());
        o.put("type", r.request().type());
        if (r.refused().isPresent()) {
            var e = r.refused().get();
            o.putObject("refused").put("httpStatus", e.httpStatus()).put("errorCode", e.code())
                    .put("name", e.name()).put("message", e.message());
            return o;
        }
        ObjectNode matched = o.putObject("matched");
        matched.put("count", r.matchedCount()).put("fleetSize", r.fleetSize());
        ArrayNode ids = matched.putArray("deviceIds");
        r.matchedIds().forEach(ids::add);
        if (r.request().cloudToDeviceMethod() == null) {
            ArrayNode changes = o.putArray("changes");
            for (DryRun.DeviceChange c : r.changes()) {
                ObjectNode dc = changes.addObject().put("deviceId", c.id());
                ArrayNode paths = dc.putArray("changes");
                for (DryRun.PathChange p : c.changes()) {
                    ObjectNode pc = paths.addObject().put("path", p.path());
                    if (p.before() != null) {
                        pc.set("before", p.before());
                    }
                    if (p.after() != null) {
                        pc.set("after", p.after());
                    }
                }
            }
        }
        o.set("deviceJobs", JobJson.MAPPER.valueToTree(r.deviceJobs()));
        o.set("job", JobJson.MAPPER.valueToTree(r.job()));
        DryRun.Estimate e = r.estimate();
        ObjectNode est = o.putObject("estimate");
        Throttle t = e.throttle();
        if (t.unthrottled()) {
            est.putNull("operationsPerSecond");
        } else {
            t.tier().ifPresent(x -> est.put("tier", x.name()));
            if (t.tier().isPresent()) {
                est.put("units", t.units());
            }
            est.put("operationsPerSecond", t.operationsPerSecond());
        }
        est.put("seconds", e.seconds());
        est.put("simulatedSeconds", r.simulated().toMillis() / 1000.0);
        if (e.maxExecutionTimeInSeconds() != null) {
            est.put("maxExecutionTimeInSeconds", e.maxExecutionTimeInSeconds());
        }
        est.put("devicesInTime", e.devicesInTime());
        est.put("timedOut", e.timedOut());
        est.put("withinLimit", e.withinLimit());
        return o;
    }
}
