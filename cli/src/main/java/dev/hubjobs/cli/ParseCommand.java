package dev.hubjobs.cli;

import dev.hubjobs.QueryValidator;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryFormatter;
import dev.hubjobs.text.LineMap;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Parses one query or condition and prints its canonical form, or its diagnostics. */
@Command(
        name = "parse",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Parse a query (or, with --condition, a job queryCondition) and print its canonical form.",
            "On errors, prints one line per problem as <query>:line:col: severity: message [HJnnn] and exits 1."
        })
final class ParseCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--condition", description = "Parse a job queryCondition instead of a full SELECT query.")
    boolean condition;

    @Parameters(paramLabel = "TEXT", description = "The query or condition text.")
    String text;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ParseResult<?> result = condition
                ? QueryValidator.standard().validateCondition(text)
                : QueryValidator.standard().validateQuery(text);
        if (result.hasErrors() || result.value().isEmpty()) {
            LineMap lines = LineMap.of(text);
            for (Diagnostic d : result.diagnostics()) {
                out.println(DiagnosticText.line("<query>", lines, d));
            }
            return Main.FINDINGS;
        }
        Object value = result.get();
        out.println(
                value instanceof dev.hubjobs.query.Query q
                        ? QueryFormatter.format(q)
                        : QueryFormatter.format((dev.hubjobs.query.Condition) value));
        for (Diagnostic d : result.diagnostics()) {
            out.println(DiagnosticText.line("<query>", LineMap.of(text), d));
        }
        return Main.OK;
    }
}
