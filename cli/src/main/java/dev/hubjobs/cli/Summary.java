package dev.hubjobs.cli;

import dev.hubjobs.diag.Severity;
import java.util.List;

/** Totals over all results; {@code files} counts job files only, not configuration files. */
record Summary(int files, long errors, long warnings, long infos) {

    static Summary of(List<FileResult> results) {
        int files = 0;
        long errors = 0;
        long warnings = 0;
        long infos = 0;
        for (FileResult r : results) {
            if (r.job()) {
                files++;
            }
            errors += r.count(Severity.ERROR);
            warnings += r.count(Severity.WARNING);
            infos += r.count(Severity.INFO);
        }
        return new Summary(files, errors, warnings, infos);
    }
}
