package dev.hubjobs.cli;

import dev.hubjobs.schema.JobSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Prints the JSON Schema of job files, for editors and tools that are not ours. */
@Command(
        name = "schema",
        description = {
            "Print job.schema.json (JSON Schema draft 2020-12) for job files.",
            "It is generated from the same field rules the validator uses; the validator checks more."
        },
        footer = {"", "Example:", "  hubjobs schema > job.schema.json"})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(JobSchema.json());
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
