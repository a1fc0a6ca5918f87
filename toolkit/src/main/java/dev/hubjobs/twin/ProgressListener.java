package dev.hubjobs.twin;

/** Told how far loading has got, every few hundred kilobytes and once at the end. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (read, total) -> {};

    /** @param totalBytes -1 when the size is not known */
    void progress(long bytesRead, long totalBytes);

    /** With the number of twins read so far; by default the count is not used. */
    default void progress(long bytesRead, long totalBytes, long twins) {
        progress(bytesRead, totalBytes);
    }
}
