package dev.hubjobs.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.eval.CompileException;
import dev.hubjobs.eval.FleetScan;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.Query;
import dev.hubjobs.twin.FleetReader;
import dev.hubjobs.twin.TwinJson;
import dev.hubjobs.twin.TwinObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Runs a SELECT query over a fleet file. */
@Command(
        name = "query",
        description = {
            "Run a query (SELECT ... FROM devices | devices.modules ...) over a fleet file.",
            "JSON output is an array of rows shaped as the service returns them, one row per line."
        })
final class QueryCommand implements Callable<Integer> {

    enum Format {
        json,
        table
    }

    /** Table cells longer than this are cut, so one long value does not push the others off screen. */
    private static final int MAX_CELL = 48;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "QUERY", description = "The query text.")
    String query;

    @picocli.CommandLine.Mixin
    FleetFile fleet;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json", description = "json (default) or table.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ParseResult<Query> parsed = QueryValidator.standard().validateQuery(query);
        if (!QueryText.usable(query, parsed, err)) {
            return Main.FINDINGS;
        }
        FleetScan scan;
        try {
            scan = FleetScan.of(parsed.get());
        } catch (CompileException e) {
            QueryText.print(query, e.diagnostics(), err);
            return Main.FINDINGS;
        }
        // JSON rows are written as they are found; a table needs every row for its widths.
        List<TwinObject> rows = new ArrayList<>();
        JsonRows json = format == Format.json ? new JsonRows(out) : null;
        Optional<FleetReader.Summary> read = fleet.scanRequired(
                err,
                (file, fleetFormat, progress) -> scan.run(
                        file,
                        fleetFormat,
                        progress,
                        FleetReader.defaultThreads(),
                        json != null ? json::row : rows::add));
        if (json != null) {
            json.end();
        }
        if (read.isEmpty()) {
            out.flush();
            return Main.USAGE;
        }
        if (format == Format.table) {
            table(rows, out);
        }
        out.flush();
        return Main.OK;
    }

    /** A JSON array written a row at a time, one row per line. */
    private static final class JsonRows {
        private final PrintWriter out;
        private final JsonFactory factory = new JsonFactory();
        private long count;

        JsonRows(PrintWriter out) {
            this.out = out;
            out.print('[');
        }

        void row(TwinObject row) {
            out.print(count++ == 0 ? "\n" : ",\n");
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                TwinJson.write(g, row);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        void end() {
            out.println(count == 0 ? "]" : "\n]");
        }
    }

    private static void table(List<TwinObject> rows, PrintWriter out) {
        Set<String> columnSet = new LinkedHashSet<>();
        for (TwinObject row : rows) {
            for (int i = 0; i < row.size(); i++) {
                columnSet.add(row.key(i));
            }
        }
        List<String> columns = new ArrayList<>(columnSet);
        List<String> headers = columns.stream().map(Printable::escape).toList();
        List<String[]> cells = new ArrayList<>();
        int[] width = new int[columns.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = headers.get(c).length();
        }
        for (TwinObject row : rows) {
            String[] line = new String[columns.size()];
            for (int c = 0; c < line.length; c++) {
                Object v = row.get(columns.get(c));
                // JSON text, so that the string "3" and the number 3, which compare differently in a
                // query, look different: strings in double quotes; an absent value is empty.
                String text = Printable.escape(v == null ? "" : TwinJson.toJson(v));
                if (text.length() > MAX_CELL) {
                    text = text.substring(0, MAX_CELL - 3) + "...";
                }
                line[c] = text;
                width[c] = Math.max(width[c], text.length());
            }
            cells.add(line);
        }
        if (!columns.isEmpty()) {
            out.println(format(headers.toArray(new String[0]), width));
            String[] rule = new String[width.length];
            for (int c = 0; c < rule.length; c++) {
                rule[c] = "-".repeat(width[c]);
            }
            out.println(format(rule, width));
        }
        for (String[] line : cells) {
            out.println(format(line, width));
        }
        out.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
    }

    private static String format(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            sb.append(cells[c]);
            if (c < cells.length - 1) {
                sb.append(" ".repeat(width[c] - cells[c].length()));
            }
        }
        return sb.toString();
    }
}
