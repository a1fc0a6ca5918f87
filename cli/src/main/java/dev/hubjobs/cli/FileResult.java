package dev.hubjobs.cli;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.text.LineMap;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings for one input as the reports print them.
 *
 * @param path the path shown to the user: relative to the current directory where possible,
 *     with {@code /} separators, or {@code <stdin>}
 * @param diagnostics the findings shown: the first {@link #MAX_SHOWN}, then one saying how many
 *     more there are
 * @param job false for a configuration file, whose findings are reported but which is not counted
 *     as a validated file
 * @param errors all the error findings, shown or not; likewise {@code warnings} and {@code infos}
 */
record FileResult(
        String path, LineMap lines, List<Diagnostic> diagnostics, boolean job, long errors, long warnings, long infos) {

    /** Findings shown per file: an 800 KB document can have half a million, which helps nobody. */
    static final int MAX_SHOWN = 1000;

    FileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** The result for all of an input's findings, in order: the first {@link #MAX_SHOWN} are shown. */
    static FileResult of(String path, LineMap lines, List<Diagnostic> all, boolean job) {
        long[] counts = new long[Severity.values().length];
        for (Diagnostic d : all) {
            counts[d.severity().ordinal()]++;
        }
        List<Diagnostic> shown = all;
        if (all.size() > MAX_SHOWN) {
            shown = new ArrayList<>(all.subList(0, MAX_SHOWN));
            shown.add(leftOut(all.subList(MAX_SHOWN, all.size())));
        }
        return new FileResult(
                path,
                lines,
                shown,
                job,
                counts[Severity.ERROR.ordinal()],
                counts[Severity.WARNING.ordinal()],
                counts[Severity.INFO.ordinal()]);
    }

    /** One finding for those not shown, where the first of them is, as severe as the worst. */
    private static Diagnostic leftOut(List<Diagnostic> rest) {
        long errors = rest.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings =
                rest.stream().filter(d -> d.severity() == Severity.WARNING).count();
        long infos = rest.size() - errors - warnings;
        Severity worst = errors > 0 ? Severity.ERROR : warnings > 0 ? Severity.WARNING : Severity.INFO;
        return Diagnostic.of(
                Codes.INPUT_LIMIT,
                worst,
                rest.size() + " more findings in this file are not shown ("
                        + errors + " errors, " + warnings + " warnings, " + infos
                        + " infos); the report shows the first "
                        + MAX_SHOWN + " of a file",
                rest.get(0).span());
    }

    /** The same result showing its error findings only; the counts stay those of all findings. */
    FileResult errorsOnly() {
        return new FileResult(
                path,
                lines,
                diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList(),
                job,
                errors,
                warnings,
                infos);
    }

    long count(Severity severity) {
        return switch (severity) {
            case ERROR -> errors;
            case WARNING -> warnings;
            case INFO -> infos;
        };
    }
}
