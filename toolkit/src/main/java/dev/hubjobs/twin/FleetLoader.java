package dev.hubjobs.twin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads a whole fleet into memory, for what needs random access to it (the executor, repeated
 * queries in the language server): the twins {@link FleetReader} reads, in file order, and what
 * it could not read.
 */
public final class FleetLoader {

    private FleetLoader() {}

    /** Loads a file, a pipe or a directory of fleet files; one that cannot be opened is an {@link IOException}. */
    public static FleetLoad load(Path path, ProgressListener progress) throws IOException {
        return load(path, null, progress);
    }

    /** {@link #load(Path, ProgressListener)} in the given format (null: detected per file). */
    public static FleetLoad load(Path path, FleetReader.Format format, ProgressListener progress) throws IOException {
        List<TwinObject> twins = new ArrayList<>();
        return loaded(twins, FleetReader.read(path, format, progress, twins::add));
    }

    public static FleetLoad load(InputStream in, long totalBytes, ProgressListener progress) throws IOException {
        List<TwinObject> twins = new ArrayList<>();
        return loaded(twins, FleetReader.read(in, null, totalBytes, null, progress, twins::add));
    }

    public static FleetLoad parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return load(new ByteArrayInputStream(bytes), bytes.length, ProgressListener.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private static FleetLoad loaded(List<TwinObject> twins, FleetReader.Summary summary) {
        return new FleetLoad(Fleet.of(twins), summary.problems(), summary.problemCount());
    }
}
