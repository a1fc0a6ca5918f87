package dev.hubjobs.twin;

/**
 * A record of a fleet that was skipped, and why. {@code file} names the file (null for text read
 * from memory), {@code line} is 1-based (0 when the problem is the file's as a whole).
 */
public record LoadProblem(String file, long line, String message) {

    /** A problem of text read from memory. */
    public LoadProblem(long line, String message) {
        this(null, line, message);
    }

    @Override
    public String toString() {
        return (file == null ? "" : file + ":") + "line " + line + ": " + message;
    }
}
