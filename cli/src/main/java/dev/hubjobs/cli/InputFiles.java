package dev.hubjobs.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Turns command-line paths into inputs: files as given, directories walked for {@code *.job.json}
 * in a stable order, {@code -} for the standard input.
 */
final class InputFiles {

    static final String SUFFIX = ".job.json";

    /** Directories that never hold job files worth checking and can be huge. */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "node_modules", "target");

    private final Path cwd;

    InputFiles(Path cwd) {
        this.cwd = cwd.toAbsolutePath().normalize();
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
                for (Path file : walk(path)) {
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

    private List<Path> walk(Path root) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                                    ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            // A link to a job file counts (links to directories are not followed,
                            // which keeps the walk free of cycles); a dangling link does not.
                            if (file.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(file)) {
                                found.add(file);
                            }
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
        return withoutGitIgnored(root, found);
    }

    /**
     * Drops files that git ignores, when {@code root} is inside a git work tree and git is on the
     * PATH; anything else (no git, not a repository) keeps every file.
     */
    static List<Path> withoutGitIgnored(Path root, List<Path> files) {
        if (files.isEmpty()) {
            return files;
        }
        Set<String> ignored = new HashSet<>();
        try {
            Process git = new ProcessBuilder("git", "-C", root.toAbsolutePath().toString(), "check-ignore", "--stdin", "-z")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            // Feed the paths from another thread so that a full output pipe cannot block both sides.
            Thread feeder = new Thread(() -> {
                try (OutputStream in = git.getOutputStream()) {
                    for (Path f : files) {
                        in.write(f.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
                        in.write(0);
                    }
                } catch (IOException ignoredWhenGitStopsEarly) {
                    // git exits at once outside a repository; its exit code says so below.
                }
            }, "git-check-ignore-feeder");
            feeder.setDaemon(true);
            feeder.start();
            byte[] output;
            try (InputStream out = git.getInputStream()) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                out.transferTo(buffer);
                output = buffer.toByteArray();
            }
            if (!git.waitFor(30, TimeUnit.SECONDS)) {
                git.destroy();
                return files;
            }
            // 0: some paths are ignored, 1: none is, 128: not a repository (or another failure).
            if (git.exitValue() != 0) {
                return files;
            }
            for (String p : new String(output, StandardCharsets.UTF_8).split("\0")) {
                if (!p.isEmpty()) {
                    ignored.add(Path.of(p).toAbsolutePath().normalize().toString());
                }
            }
        } catch (IOException e) {
            return files;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return files;
        }
        if (ignored.isEmpty()) {
            return files;
        }
        return files.stream().filter(f -> !ignored.contains(f.toAbsolutePath().normalize().toString())).toList();
    }
}
