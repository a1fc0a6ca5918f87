package dev.hubjobs.twin;

/** A record of a fleet file that was skipped, and why; {@code line} is 1-based. */
public record LoadProblem(long line, String message) {
    @Override
    public String toString() {
        return "line " + line + ": " + message;
    }
}
