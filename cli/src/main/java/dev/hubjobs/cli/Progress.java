package dev.hubjobs.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * "files done/total" on stderr while a long run goes on, redrawn in place at most ten times a
 * second and erased at the end. Only for a terminal: in a pipe or a CI log it would be noise.
 */
final class Progress {

    /** Below this many files a run is too short for progress to help. */
    static final int MIN_FILES = 50;

    private static final long INTERVAL_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final int total;
    private final boolean enabled;
    private final LongSupplier clock;
    private int done;
    private long lastDraw;
    private int drawnWidth;

    Progress(PrintWriter err, int total, boolean terminal) {
        this(err, total, terminal, System::nanoTime);
    }

    Progress(PrintWriter err, int total, boolean terminal, LongSupplier nanoClock) {
        this.err = err;
        this.total = total;
        this.enabled = terminal && total >= MIN_FILES;
        this.clock = nanoClock;
        this.lastDraw = nanoClock.getAsLong();
    }

    static boolean stderrIsTerminal() {
        return System.console() != null;
    }

    synchronized void step() {
        done++;
        if (!enabled) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastDraw >= INTERVAL_NANOS) {
            lastDraw = now;
            String line = "hubjobs: " + done + "/" + total + " files";
            err.print("\r" + line);
            err.flush();
            drawnWidth = Math.max(drawnWidth, line.length());
        }
    }

    synchronized void finish() {
        if (enabled && drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
        }
    }
}
