package dev.hubjobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** One output format of {@code hubjobs validate}; writes the whole report to stdout at the end. */
interface Report {

    void write(List<FileResult> results, PrintWriter out) throws IOException;

    /** The formats of the output contract. */
    enum Format {
        text,
        json,
        sarif,
        checkstyle;

        Report report() {
            return switch (this) {
                case text -> new TextReport();
                case json -> new JsonReport();
                case sarif -> new SarifReport();
                case checkstyle -> new CheckstyleReport();
            };
        }
    }
}
