package dev.hubjobs.cli;

import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.FleetReader;
import dev.hubjobs.twin.LoadProblem;
import dev.hubjobs.twin.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --fleet PATH [--fleet-format F]}: the fleet a command reads, loaded with its problems
 * reported on stderr; never throws.
 */
final class FleetFile {

    @Option(names = "--fleet", paramLabel = "PATH", description = {
        "Fleet: a JSON array of twins (what 'az iot hub query' prints), one twin per line (NDJSON),",
        "or the export-devices format; gzip-compressed or not; a file, a pipe or a directory of them."})
    Path file;

    @Option(names = "--fleet-format", paramLabel = "FORMAT",
            description = "array, ndjson or export (default: detected for each file).")
    String format;

    /** The fleet named with --fleet, or a usage error when there is none. */
    Optional<FleetLoad> loadRequired(PrintWriter err) {
        if (file == null) {
            throw new UsageException("--fleet PATH is required");
        }
        return load(file, format(), err);
    }

    FleetReader.Format format() {
        if (format == null) {
            return null;
        }
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "array" -> FleetReader.Format.ARRAY;
            case "ndjson" -> FleetReader.Format.NDJSON;
            case "export" -> FleetReader.Format.EXPORT;
            default -> throw new UsageException("unknown --fleet-format '" + format + "' (array, ndjson or export)");
        };
    }

    /** Below this size loading is too quick for a progress bar to be worth drawing. */
    private static final long PROGRESS_THRESHOLD = 16L << 20;

    private FleetFile() {}

    /** The fleet, or empty after printing a one-line error (the command then exits 2). */
    static Optional<FleetLoad> load(Path file, FleetReader.Format format, PrintWriter err) {
        FleetLoad load;
        try {
            load = FleetLoader.load(file, format, progress(file, err));
        } catch (NoSuchFileException e) {
            err.println("hubjobs: fleet file not found: " + Printable.escape(file.toString()));
            return Optional.empty();
        } catch (AccessDeniedException e) {
            err.println("hubjobs: cannot read fleet file " + file + ": permission denied");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            err.println("hubjobs: cannot read fleet file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        for (LoadProblem p : load.problems()) {
            err.println(Printable.escape((p.file() == null ? file.toString() : p.file()) + ":" + p.line())
                    + ": warning: " + Printable.escape(p.message()));
        }
        if (load.problemCount() > load.problems().size()) {
            err.println("... and " + (load.problemCount() - load.problems().size()) + " more problems, not listed");
        }
        if (load.problemCount() > 0) {
            err.println(load.problemCount() + " fleet records skipped");
        }
        err.flush();
        return Optional.of(load);
    }

    /** A progress bar on stderr, only when a person is watching and the file is big. */
    private static ProgressListener progress(Path file, PrintWriter err) {
        try {
            if (System.console() == null || Files.size(file) < PROGRESS_THRESHOLD) {
                return ProgressListener.NONE;
            }
        } catch (IOException e) {
            return ProgressListener.NONE;
        }
        return new ProgressListener() {
            private int drawn = -1;

            @Override
            public void progress(long read, long total) {
                int percent = total <= 0 ? 0 : (int) Math.min(100, read * 100 / total);
                if (percent == drawn) {
                    return;
                }
                drawn = percent;
                int filled = percent * 30 / 100;
                err.print("\rloading " + file.getFileName() + " [" + "#".repeat(filled) + " ".repeat(30 - filled)
                        + "] " + percent + "% ");
                if (read >= total) {
                    err.print("\r" + " ".repeat(60 + file.getFileName().toString().length()) + "\r");
                }
                err.flush();
            }
        };
    }
}
