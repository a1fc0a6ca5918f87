package dev.hubjobs.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns command-line paths into inputs: files as given, directories walked for {@code *.job.json}
 * in a stable order (without what git would ignore there, see {@link IgnoreRules}), {@code -} for
 * the standard input.
 */
final class InputFiles {

    static final String SUFFIX = ".job.json";

    /** Directories that never hold job files worth checking and can be huge. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target");

    private final Path cwd;
    private final PrintWriter err;

    /** {@code err} gets one line for each file a walk skips for a reason the user should know. */
    InputFiles(Path cwd, PrintWriter err) {
        this.cwd = cwd.toAbsolutePath().normalize();
        this.err = err;
    }

    /** The inputs in command-line order, each file once; throws {@link UsageException} for a bad path. */
    List<Input> collect(List<String> args) {
        Map<Object, Input> inputs = new LinkedHashMap<>();
        for (String arg : args) {
            if (arg.equals("-")) {
                inputs.putIfAbsent("-", new Input.Stdin());
                continue;
            }
            Path path = cwd.resolve(arg);
            if (!Files.exists(path)) {
                throw new UsageException("no such file or directory: " + arg);
            }
            if (Files.isDirectory(path)) {
                for (Path file : walk(path, arg)) {
                    Path key = file.toAbsolutePath().normalize();
                    inputs.putIfAbsent(key, new Input.File(file, display(file)));
                }
            } else {
                if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                    throw new UsageException("cannot read " + arg + ": not a readable file");
                }
                Path key = path.toAbsolutePath().normalize();
                inputs.putIfAbsent(key, new Input.File(path, display(path)));
            }
        }
        return List.copyOf(inputs.values());
    }

    /** Relative to the current directory, with {@code /}, where the file is under it; else absolute. */
    String display(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        if (abs.startsWith(cwd) && !abs.equals(cwd)) {
            return cwd.relativize(abs).toString().replace(abs.getFileSystem().getSeparator(), "/");
        }
        return abs.toString();
    }

    /**
     * The job files under {@code root}, which stays the boundary: a link to a file outside it is
     * reported and skipped, so that a tree cannot make the run read (and quote, or fix) a file
     * elsewhere. Links to directories are not followed at all, which also keeps the walk free of
     * cycles.
     */
    private List<Path> walk(Path root, String arg) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw new UsageException("cannot walk " + display(root) + ": " + e.getMessage());
        }
        IgnoreRules ignored = IgnoreRules.forWalk(root, realRoot).orElse(null);
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(
                    root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            if (!dir.equals(root)
                                    && SKIPPED_DIRECTORIES.contains(
                                            dir.getFileName().toString())) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return ignored == null || ignored.enter(dir)
                                    ? FileVisitResult.CONTINUE
                                    : FileVisitResult.SKIP_SUBTREE;
                        }

                        @Override
                        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                            if (ignored != null) {
                                ignored.leave();
                            }
                            return super.postVisitDirectory(dir, e);
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            // A link to a job file in the tree counts; a dangling link does not.
                            if (!file.getFileName().toString().endsWith(SUFFIX)
                                    || !Files.isRegularFile(file)
                                    || (ignored != null && ignored.ignoresFile(file))) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (attrs.isSymbolicLink() && !inside(file, realRoot)) {
                                err.println("hubjobs: skipped " + Printable.escape(display(file))
                                        + ": symbolic link to a file outside "
                                        + Printable.escape(arg.endsWith("/") ? arg : arg + "/"));
                                err.flush();
                                return FileVisitResult.CONTINUE;
                            }
                            found.add(file);
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, java.io.IOException e) {
                            throw new UsageException("cannot read " + display(file) + ": "
                                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                        }
                    });
        } catch (IOException e) {
            throw new UsageException("cannot walk " + display(root) + ": " + e.getMessage());
        }
        // Sorting by the shown path makes the order the same on every file system.
        found.sort((a, b) -> display(a).compareTo(display(b)));
        return found;
    }

    private static boolean inside(Path file, Path realRoot) {
        try {
            return file.toRealPath().startsWith(realRoot);
        } catch (IOException e) {
            return false;
        }
    }
}
