package dev.hubjobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * What git would ignore in a directory walk, read from the ignore files themselves: git is never
 * run, because it obeys settings in the repository's own {@code .git/config} (such as
 * {@code core.fsmonitor}, a command), and the tree being checked may come from anyone.
 *
 * <p>The rules are those of {@code .git/info/exclude} and of the {@code .gitignore} files from the
 * repository root (the nearest directory with a {@code .git} entry) down to each directory, the
 * deeper ones overriding the higher, the last matching line of a file winning. A directory that is
 * ignored is not entered, so nothing below it can be taken back by a {@code !} line. Files that
 * git tracks are not told apart, and the global excludes file and {@code core.ignoreCase} are not
 * read. Ignore files that are symbolic links are not followed (as in git); overlong ones are
 * skipped.
 */
final class IgnoreRules {

    /** Larger ignore files are skipped, as if they were not there. */
    static final int MAX_FILE_SIZE = 256 * 1024;

    /** Patterns in effect at once; an ignore file that would go over is skipped. */
    static final int MAX_PATTERNS = 50_000;

    private final Path walkRoot;
    /** The walk root's path relative to the repository, with a trailing '/' unless empty. */
    private final String rootPrefix;

    private final List<IgnorePattern> patterns = new ArrayList<>();
    /** Per pattern: where the part of a path below the pattern's directory starts. */
    private final List<Integer> bases = new ArrayList<>();
    /** How many patterns there were before each directory entered. */
    private final Deque<Integer> marks = new ArrayDeque<>();

    private boolean everything;

    private IgnoreRules(Path walkRoot, String rootPrefix) {
        this.walkRoot = walkRoot;
        this.rootPrefix = rootPrefix;
    }

    /**
     * The rules for a walk of {@code walkRoot}, whose real path is {@code realRoot}, with the ignore
     * files of the directories above it read; empty outside a repository (nothing is ignored).
     */
    static Optional<IgnoreRules> forWalk(Path walkRoot, Path realRoot) {
        Path repository = realRoot;
        while (repository != null && !Files.exists(repository.resolve(".git"), LinkOption.NOFOLLOW_LINKS)) {
            repository = repository.getParent();
        }
        if (repository == null) {
            return Optional.empty();
        }
        String relative = slashes(repository.relativize(realRoot));
        IgnoreRules rules = new IgnoreRules(walkRoot, relative.isEmpty() ? "" : relative + "/");
        Path gitDir = repository.resolve(".git");
        if (Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            rules.read(gitDir.resolve("info").resolve("exclude"), 0);
        }
        // The directories from the repository down to the walk root's parent, as git would walk them.
        for (Path d = repository; !d.equals(realRoot); d = d.resolve(realRoot.getName(d.getNameCount()))) {
            String rel = slashes(repository.relativize(d));
            if (!rel.isEmpty() && rules.ignores(rel, true)) {
                rules.everything = true;
                break;
            }
            rules.marks.push(rules.patterns.size());
            rules.read(d.resolve(".gitignore"), rel.isEmpty() ? 0 : utf8Length(rel) + 1);
        }
        return Optional.of(rules);
    }

    /**
     * Enters a directory of the walk (the root included): false if it is ignored, and then it
     * must not be walked; otherwise its {@code .gitignore} applies until {@link #leave()}.
     */
    boolean enter(Path dir) {
        String rel = relative(dir);
        if (everything || (!rel.isEmpty() && ignores(rel, true))) {
            return false;
        }
        marks.push(patterns.size());
        read(dir.resolve(".gitignore"), rel.isEmpty() ? 0 : utf8Length(rel) + 1);
        return true;
    }

    /** Leaves the directory last entered. */
    void leave() {
        int mark = marks.pop();
        patterns.subList(mark, patterns.size()).clear();
        bases.subList(mark, bases.size()).clear();
    }

    /** Whether a file in the directory last entered is ignored. */
    boolean ignoresFile(Path file) {
        return everything || ignores(relative(file), false);
    }

    private boolean ignores(String relative, boolean directory) {
        byte[] path = relative.getBytes(StandardCharsets.UTF_8);
        for (int i = patterns.size() - 1; i >= 0; i--) {
            IgnorePattern p = patterns.get(i);
            if (p.matches(path, bases.get(i), directory)) {
                return !p.negated;
            }
        }
        return false;
    }

    private String relative(Path walked) {
        String below = slashes(walkRoot.relativize(walked));
        if (below.isEmpty()) {
            return rootPrefix.isEmpty() ? "" : rootPrefix.substring(0, rootPrefix.length() - 1);
        }
        return rootPrefix + below;
    }

    private void read(Path file, int base) {
        byte[] content;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                content = in.readNBytes(MAX_FILE_SIZE + 1);
            }
        } catch (IOException | RuntimeException e) {
            return; // an unreadable ignore file ignores nothing, as in git
        }
        if (content.length > MAX_FILE_SIZE) {
            return;
        }
        List<IgnorePattern> read = new ArrayList<>();
        int start = startsWithBom(content) ? 3 : 0;
        while (start < content.length) {
            int end = start;
            while (end < content.length && content[end] != '\n') {
                end++;
            }
            int lineEnd = end > start && content[end - 1] == '\r' ? end - 1 : end;
            IgnorePattern p = lineEnd - start > IgnorePattern.MAX_LENGTH
                    ? null
                    : IgnorePattern.parse(java.util.Arrays.copyOfRange(content, start, lineEnd));
            if (p != null) {
                read.add(p);
            }
            start = end + 1;
        }
        if (patterns.size() + read.size() > MAX_PATTERNS) {
            return;
        }
        patterns.addAll(read);
        for (int i = 0; i < read.size(); i++) {
            bases.add(base);
        }
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
