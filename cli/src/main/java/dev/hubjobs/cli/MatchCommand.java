package dev.hubjobs.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.eval.CompileException;
import dev.hubjobs.eval.QueryEngine;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.TwinObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    enum Format { text, json }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CONDITION", description = "The queryCondition: *, a condition, or FROM devices.modules WHERE ...")
    String condition;

    @picocli.CommandLine.Mixin
    FleetFile fleet;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseResult<Condition> parsed = QueryValidator.standard().validateCondition(condition);
        if (!QueryText.usable(condition, parsed, err)) {
            return Main.FINDINGS;
        }
        Optional<FleetLoad> load = fleet.loadRequired(err);
        if (load.isEmpty()) {
            return Main.USAGE;
        }
        List<TwinObject> matched;
        try {
            matched = new QueryEngine(load.get().fleet()).match(parsed.get());
        } catch (CompileException e) {
            QueryText.print(condition, e.diagnostics(), err);
            return Main.FINDINGS;
        }
        if (format == Format.json) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.writeStartObject();
                g.writeNumberField("version", 1);
                g.writeNumberField("count", matched.size());
                g.writeArrayFieldStart("deviceIds");
                for (TwinObject t : matched) {
                    g.writeString(Fleet.id(t));
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            out.println();
        } else {
            for (TwinObject t : matched) {
                out.println(Printable.escape(Fleet.id(t)));
            }
            out.println(matched.size() + " devices");
        }
        out.flush();
        return Main.OK;
    }
}
