package dev.hubjobs.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.eval.CompileException;
import dev.hubjobs.eval.FleetScan;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.twin.FleetReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Lists the twins a job's queryCondition would target. */
@Command(
        name = "match",
        description = {
            "List the devices a job queryCondition targets in a fleet file, in fleet order.",
            "Text output: one deviceId per line (module twins as deviceId/moduleId), then 'N devices'."
        })
final class MatchCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            paramLabel = "CONDITION",
            description = "The queryCondition: *, a condition, or FROM devices.modules WHERE ...")
    String condition;

    @picocli.CommandLine.Mixin
    FleetFile fleet;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseResult<Condition> parsed = QueryValidator.standard().validateCondition(condition);
        if (!QueryText.usable(condition, parsed, err)) {
            return Main.FINDINGS;
        }
        FleetScan scan;
        try {
            scan = FleetScan.of(parsed.get());
        } catch (CompileException e) {
            QueryText.print(condition, e.diagnostics(), err);
            return Main.FINDINGS;
        }
        // Text streams the ids as they are found; JSON puts the count first, so it keeps the ids.
        List<String> ids = new ArrayList<>();
        long[] count = {0};
        java.util.function.Consumer<String> found = format == Format.json
                ? ids::add
                : id -> {
                    out.println(Printable.escape(id));
                    count[0]++;
                };
        Optional<FleetReader.Summary> read = fleet.scanRequired(
                err,
                (file, fleetFormat, progress) ->
                        scan.match(file, fleetFormat, progress, FleetReader.defaultThreads(), found));
        if (read.isEmpty()) {
            out.flush();
            return Main.USAGE;
        }
        if (format == Format.json) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                g.writeNumberField("version", 1);
                g.writeNumberField("count", ids.size());
                g.writeArrayFieldStart("deviceIds");
                for (String id : ids) {
                    g.writeString(id);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            out.println();
        } else {
            out.println(count[0] + " devices");
        }
        out.flush();
        return Main.OK;
    }
}
