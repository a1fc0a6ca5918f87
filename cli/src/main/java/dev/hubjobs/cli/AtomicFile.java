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

/**
 * Replaces a file's content so that a reader (or a crash) sees either the old or the new content,
 * never a half-written file: write a temporary file in the same directory, force it to disk, then
 * rename it over the original. The original's permissions are kept. A symbolic link is refused,
 * never followed: what it points to may be anywhere, and the rename would replace the link itself.
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
        Path file = target.toAbsolutePath();
        if (Files.isSymbolicLink(file)) {
            throw new IOException("it is a symbolic link");
        }
        Path dir = file.getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS));
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
            // A rename replaces whatever has the name, a link put there meanwhile too, never its target.
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
