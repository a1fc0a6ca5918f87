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

    @Option(
            names = "--fleet",
            paramLabel = "PATH",
            description = {
                "Fleet: a JSON array of twins (what 'az iot hub query' prints), one twin per line (NDJSON),",
                "or the export-devices format; gzip-compressed or not; a file, a pipe or a directory of them."
            })
    Path file;

    @Option(
            names = "--fleet-format",
            paramLabel = "FORMAT",
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

    /** Reads the fleet one way or another: loaded, or evaluated as it is read. */
    @FunctionalInterface
    interface Reading<T> {
        T read(Path file, FleetReader.Format format, ProgressListener progress) throws IOException;
    }

    /**
     * Reads the fleet named with --fleet through {@code reading} (which hands on what it finds as
     * it goes), then reports its problems; empty after a one-line error when it cannot be read.
     */
    Optional<FleetReader.Summary> scanRequired(PrintWriter err, Reading<FleetReader.Summary> reading) {
        if (file == null) {
            throw new UsageException("--fleet PATH is required");
        }
        Optional<FleetReader.Summary> read = open(file, format(), err, reading);
        read.ifPresent(s -> report(file, s.problems(), s.problemCount(), err));
        return read;
    }

    private static <T> Optional<T> open(Path file, FleetReader.Format format, PrintWriter err, Reading<T> reading) {
        try {
            return Optional.of(reading.read(file, format, progress(file, err)));
        } catch (NoSuchFileException e) {
            err.println("hubjobs: fleet file not found: " + Printable.escape(file.toString()));
        } catch (AccessDeniedException e) {
            err.println("hubjobs: cannot read fleet file " + Printable.escape(file.toString()) + ": permission denied");
        } catch (IOException | RuntimeException e) {
            err.println("hubjobs: cannot read fleet file " + Printable.escape(file.toString()) + ": "
                    + Printable.escape(String.valueOf(e.getMessage())));
        }
        err.flush();
        return Optional.empty();
    }

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
        report(file, load.problems(), load.problemCount(), err);
        return Optional.of(load);
    }

    private static void report(Path file, java.util.List<LoadProblem> problems, long problemCount, PrintWriter err) {
        for (LoadProblem p : problems) {
            err.println(Printable.escape((p.file() == null ? file.toString() : p.file()) + ":" + p.line())
                    + ": warning: " + Printable.escape(p.message()));
        }
        if (problemCount > problems.size()) {
            err.println("... and " + (problemCount - problems.size()) + " more problems, not listed");
        }
        if (problemCount > 0) {
            err.println(problemCount + " fleet records skipped");
        }
        err.flush();
    }

    /**
     * Progress on stderr, only when a person is watching (stderr a terminal, never a pipe) and the
     * file is big: bytes read of the total and twins per second, redrawn at most ten times a
     * second, erased at the end.
     */
    private static ProgressListener progress(Path file, PrintWriter err) {
        try {
            if (System.console() == null || !Files.isRegularFile(file) || Files.size(file) < PROGRESS_THRESHOLD) {
                return ProgressListener.NONE;
            }
        } catch (IOException e) {
            return ProgressListener.NONE;
        }
        return new ProgressLine(Printable.escape(file.getFileName().toString()), err, System::nanoTime);
    }

    /** The line itself; the clock is given so that tests need not wait. */
    static final class ProgressLine implements ProgressListener {
        private final String name;
        private final PrintWriter err;
        private final java.util.function.LongSupplier clock;
        private final long start;
        private long lastDraw;
        private int drawnWidth;

        ProgressLine(String name, PrintWriter err, java.util.function.LongSupplier nanoClock) {
            this.name = name;
            this.err = err;
            this.clock = nanoClock;
            this.start = nanoClock.getAsLong();
            this.lastDraw = start;
        }

        @Override
        public void progress(long read, long total) {
            progress(read, total, -1);
        }

        @Override
        public void progress(long read, long total, long twins) {
            long now = clock.getAsLong();
            if (total > 0 && read >= total) {
                if (drawnWidth > 0) {
                    err.print("\r" + " ".repeat(drawnWidth) + "\r");
                    err.flush();
                }
                return;
            }
            if (now - lastDraw < 100_000_000L) {
                return;
            }
            lastDraw = now;
            double seconds = Math.max(1e-9, (now - start) / 1e9);
            StringBuilder line = new StringBuilder("reading ")
                    .append(name)
                    .append(": ")
                    .append(read >> 20)
                    .append(" MB");
            if (total > 0) {
                line.append(" of ")
                        .append(total >> 20)
                        .append(" MB (")
                        .append(read * 100 / total)
                        .append("%)");
            }
            if (twins >= 0) {
                line.append(", ")
                        .append(String.format(java.util.Locale.ROOT, "%,d", twins))
                        .append(" twins, ")
                        .append(String.format(java.util.Locale.ROOT, "%,d", (long) (twins / seconds)))
                        .append(" twins/s");
            }
            String text = line.toString();
            err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
            err.flush();
            drawnWidth = Math.max(drawnWidth, text.length());
        }
    }
}
