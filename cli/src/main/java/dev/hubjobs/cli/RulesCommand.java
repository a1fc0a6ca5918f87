package dev.hubjobs.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubjobs.rules.Rule;
import dev.hubjobs.rules.Rules;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Lists the rule catalogue. */
@Command(
        name = "rules",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "List every rule: code, default severity, name and summary.",
        footer = {"", "Examples:", "  hubjobs rules", "  hubjobs rules --format json"})
final class RulesCommand implements Callable<Integer> {

    enum Format {
        text,
        json
    }

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectNode root = JsonOutput.object();
            root.put("version", JsonReport.VERSION);
            ArrayNode rules = root.putArray("rules");
            for (Rule rule : Rules.all()) {
                ObjectNode node = rules.addObject();
                node.put("code", rule.code());
                node.put("severity", rule.defaultSeverity().label());
                node.put("name", rule.name());
                node.put("summary", rule.summary());
                node.put("hasFix", rule.hasFix());
                node.put("helpUri", Rules.documentation(rule.code()));
            }
            JsonOutput.print(root, out);
        } else {
            int nameWidth =
                    Rules.all().stream().mapToInt(r -> r.name().length()).max().orElse(0);
            for (Rule rule : Rules.all()) {
                out.println(String.format(
                        "%s  %-7s  %-" + nameWidth + "s  %s%s",
                        rule.code(),
                        rule.defaultSeverity().label(),
                        rule.name(),
                        rule.summary(),
                        rule.hasFix() ? " (fix)" : ""));
            }
            out.flush();
        }
        return Main.OK;
    }
}
