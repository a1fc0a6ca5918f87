package dev.hubjobs.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file's content so that a reader (or a crash) sees either the old or the new content,
 * never a half-written file: write a temporary file in the same directory, force it to disk, then
 * rename it over the original. The original's permissions are kept; a symbolic link is followed
 * and its target replaced, so the link stays a link.
 */
final class AtomicFile {

    /** Writes the bytes to the temporary file; tests replace it to fail in the middle. */
    @FunctionalInterface
    interface ByteWriter {
        void write(OutputStream out, byte[] bytes) throws IOException;
    }

    private AtomicFile() {}

    static void write(Path target, byte[] bytes) throws IOException {
        write(target, bytes, OutputStream::write);
    }

    static void write(Path target, byte[] bytes, ByteWriter writer) throws IOException {
        Path real = target.toRealPath();
        Path dir = real.getParent();
        Path temp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(real));
            } catch (UnsupportedOperationException notPosix) {
                // Other file systems keep whatever the new file got; there is nothing to copy.
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(channel)) {
                writer.write(out, bytes);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
