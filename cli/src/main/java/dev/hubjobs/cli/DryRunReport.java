package dev.hubjobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.exec.DeviceJob;
import dev.hubjobs.exec.DryRun;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.job.CloudToDeviceMethod;
import dev.hubjobs.job.JobJson;
import dev.hubjobs.job.JobRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * What {@code dry-run} prints, as text or as the versioned JSON document: the validation findings,
 * then for each job what it matches, what it changes or how the devices answer, and how long it
 * takes. Ids, names and values come from the job and the fleet: each text line is
 * {@linkplain Printable escaped}.
 */
final class DryRunReport {

    private final String path;
    private final ValidationResult validation;
    private final List<DryRun.Result> results;

    DryRunReport(String path, ValidationResult validation, List<DryRun.Result> results) {
        this.path = path;
        this.validation = validation;
        this.results = results;
    }

    void text(PrintWriter out) {
        for (Diagnostic d : validation.diagnostics()) {
            out.println(DiagnosticText.line(path, validation.lines(), d));
        }
        if (validation.hasErrors()) {
            out.println("not simulated: the job has errors");
            return;
        }
        for (DryRun.Result r : results) {
            printText(out, r);
        }
    }

    void json(PrintWriter out) throws IOException {
        ObjectNode doc = JsonOutput.object().put("version", JsonReport.VERSION).put("path", path);
        ArrayNode diagnostics = doc.putArray("diagnostics");
        for (Diagnostic d : validation.diagnostics()) {
            diagnostics.add(JsonReport.diagnostic(validation.lines(), d));
        }
        ArrayNode jobs = doc.putArray("jobs");
        for (DryRun.Result r : results) {
            jobs.add(toJson(r));
        }
        JsonOutput.print(doc, out);
    }

    private static void printText(PrintWriter out, DryRun.Result r) {
        JobRequest request = r.request();
        out.println();
        line(out, "job " + request.jobId() + " (" + request.type() + ")");
        if (r.refused().isPresent()) {
            line(out, "  refused by the service: " + r.refused().get());
            return;
        }
        line(
                out,
                "  matched " + r.matchedCount() + " of " + devices(r.fleetSize())
                        + (r.matchedIds().isEmpty()
                                ? ""
                                : ": " + String.join(", ", r.matchedIds())
                                        + (r.matchedCount() > r.matchedIds().size() ? ", ..." : "")));
        if (request.cloudToDeviceMethod() != null) {
            CloudToDeviceMethod m = request.cloudToDeviceMethod();
            line(
                    out,
                    "  calls " + m.methodName() + "("
                            + (m.payload() == null ? "" : m.payload().toString()) + ")"
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
        line(
                out,
                "  result: " + r.job().status() + "; " + devices(s.deviceCount()) + ": " + s.succeededCount()
                        + " succeeded, " + s.failedCount() + " failed"
                        + (r.job().failureReason() == null ? "" : "; " + r.job().failureReason()));
        line(out, "  " + estimateText(r.estimate(), r));
    }

    private static void line(PrintWriter out, String text) {
        out.println(Printable.escape(text));
    }

    private static String estimateText(DryRun.Estimate e, DryRun.Result r) {
        String limit = e.maxExecutionTimeInSeconds() == null
                ? "no maxExecutionTimeInSeconds"
                : "maxExecutionTimeInSeconds " + e.maxExecutionTimeInSeconds();
        String verdict = e.withinLimit() ? "fits" : e.timedOut() + " devices would fail with JobRunTimeout";
        String rate = e.throttle().unthrottled()
                ? "unthrottled (no --tier)"
                : "about " + seconds(e.seconds()) + " at " + e.throttle().describe();
        return "duration: " + rate + "; simulated " + seconds(r.simulated().toMillis() / 1000.0) + "; " + limit + ": "
                + verdict;
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

    private static ObjectNode toJson(DryRun.Result r) {
        ObjectNode o = JsonOutput.object();
        o.put("jobId", r.request().jobId());
        o.put("type", r.request().type());
        if (r.refused().isPresent()) {
            var e = r.refused().get();
            o.putObject("refused")
                    .put("httpStatus", e.httpStatus())
                    .put("errorCode", e.code())
                    .put("name", e.name())
                    .put("message", e.message());
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
