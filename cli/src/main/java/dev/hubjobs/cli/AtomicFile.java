package dev.hubjobs.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Replaces a file's content so that a reader (or a crash) sees either the old or the new content,
 * never a half-written file: write a temporary file in the same directory, force it to disk, then
 * rename it over the original. The original's permissions are kept. A symbolic link is refused,
 * never followed: what it points to may be anywhere, and the rename would replace the link itself.
 * A run stopped by a signal leaves no temporary file behind.
 */
final class AtomicFile {

    /** Writes the bytes to the temporary file; tests replace it to fail in the middle. */
    @FunctionalInterface
    interface ByteWriter {
        void write(OutputStream out, byte[] bytes) throws IOException;
    }

    /** The temporary files of the writes going on, removed by a shutdown hook if the run is stopped. */
    private static final TemporaryFiles TEMPORARY = new TemporaryFiles();

    static {
        // Ctrl-C (SIGINT) or SIGTERM runs shutdown hooks, but not the finally blocks of a write
        // going on: without this, its temporary file would stay.
        Runtime.getRuntime().addShutdownHook(new Thread(TEMPORARY::close, "hubjobs-temporary-files"));
    }

    private AtomicFile() {}

    static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, OutputStream::write, TEMPORARY);
    }

    static void write(Path target, byte[] bytes, ByteWriter writer) throws IOException {
        write(target, bytes, writer, TEMPORARY);
    }

    static void write(Path target, byte[] bytes, ByteWriter writer, TemporaryFiles temporary) throws IOException {
        Path file = target.toAbsolutePath();
        if (Files.isSymbolicLink(file)) {
            throw new IOException("it is a symbolic link");
        }
        Path temp = temporary.create(file.getParent(), "." + file.getFileName() + ".");
        boolean moved = false;
        try {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
            } catch (UnsupportedOperationException notPosix) {
                // Other file systems keep whatever the new file got; there is nothing to copy.
            }
            try (FileChannel channel =
                            FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(channel)) {
                writer.write(out, bytes);
                out.flush();
                channel.force(true);
            }
            temporary.rename(temp, file);
            moved = true;
        } finally {
            if (!moved) {
                temporary.delete(temp);
            }
        }
    }

    /**
     * The temporary files that writes have made and not yet renamed. Once closed (by the shutdown
     * hook), they are deleted, and no new one is made nor renamed: a write going on then fails,
     * and its target keeps its old content.
     */
    static final class TemporaryFiles {
        private final Set<Path> files = new HashSet<>();
        private boolean closed;

        synchronized Path create(Path dir, String prefix) throws IOException {
            if (closed) {
                throw new IOException("stopped");
            }
            Path temp = Files.createTempFile(dir, prefix, ".tmp");
            files.add(temp);
            return temp;
        }

        synchronized void rename(Path temp, Path target) throws IOException {
            if (closed) {
                throw new IOException("stopped");
            }
            // A rename replaces whatever has the name, a link put there meanwhile too, never its target.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            files.remove(temp);
        }

        synchronized void delete(Path temp) throws IOException {
            files.remove(temp);
            Files.deleteIfExists(temp);
        }

        synchronized void close() {
            closed = true;
            for (Path temp : files) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // Nothing more can be done while the JVM stops.
                }
            }
            files.clear();
        }
    }
}
