package dev.hubjobs.cli;

import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.LoadProblem;
import dev.hubjobs.twin.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Loads the {@code --fleet} file for a command, reporting on stderr; never throws. */
final class FleetFile {

    /** Below this size loading is too quick for a progress bar to be worth drawing. */
    private static final long PROGRESS_THRESHOLD = 16L << 20;

    private FleetFile() {}

    /** The fleet, or empty after printing a one-line error (the command then exits 2). */
    static Optional<FleetLoad> load(Path file, PrintWriter err) {
        if (Files.isDirectory(file)) {
            err.println("hubjobs: fleet file " + file + " is a directory");
            return Optional.empty();
        }
        FleetLoad load;
        try {
            load = FleetLoader.load(file, progress(file, err));
        } catch (NoSuchFileException e) {
            err.println("hubjobs: fleet file not found: " + file);
            return Optional.empty();
        } catch (AccessDeniedException e) {
            err.println("hubjobs: cannot read fleet file " + file + ": permission denied");
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            err.println("hubjobs: cannot read fleet file " + file + ": " + e.getMessage());
            return Optional.empty();
        }
        for (LoadProblem p : load.problems()) {
            err.println(file + ":" + p.line() + ": warning: " + p.message() + " (record skipped)");
        }
        if (!load.problems().isEmpty()) {
            err.println(load.problems().size() + " fleet records skipped");
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
