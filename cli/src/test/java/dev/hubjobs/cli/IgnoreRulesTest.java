package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our reader of git's ignore rules, against git's own answers (gitignore/examples.tsv). */
class IgnoreRulesTest {

    @TempDir
    Path dir;

    record Example(String patterns, String path, boolean directory, boolean ignored) {
        @Override
        public String toString() {
            return patterns.replace("\n", "\\n").replace("\r", "\\r") + " | " + path + (directory ? "/" : "") + " | "
                    + (ignored ? "ignored" : "kept");
        }
    }

    static Stream<Example> examples() throws IOException {
        List<String> rows =
                Files.readAllLines(Path.of("src/test/resources/gitignore/examples.tsv"), StandardCharsets.UTF_8);
        return rows.stream().filter(r -> !r.startsWith("#")).map(r -> {
            String[] f = r.split("\t", -1);
            return new Example(
                    f[0].replace("\\n", "\n").replace("\\r", "\r"), f[1], f[2].equals("d"), f[3].equals("ignored"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void matchesAsGitDoes(Example e) throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".gitignore"), e.patterns() + "\n");
        Path path = dir.resolve(e.path());
        Files.createDirectories(path.getParent());
        if (e.directory()) {
            Files.createDirectories(path);
        } else {
            Files.writeString(path, "{}");
        }
        assertThat(ignored(dir, e.path(), e.directory())).isEqualTo(e.ignored());
    }

    /** As the walk asks: every directory on the way, then the path itself. */
    static boolean ignored(Path root, String path, boolean directory) throws IOException {
        IgnoreRules rules = IgnoreRules.forWalk(root, root.toRealPath()).orElseThrow();
        Path current = root;
        if (!rules.enter(current)) {
            return true;
        }
        String[] names = path.split("/");
        for (int i = 0; i < names.length - 1; i++) {
            current = current.resolve(names[i]);
            if (!rules.enter(current)) {
                return true;
            }
        }
        current = current.resolve(names[names.length - 1]);
        return directory ? !rules.enter(current) : rules.ignoresFile(current);
    }

    @Test
    void deeperFilesOverrideHigherOnesAndInfoExcludeCountsLeast() throws IOException {
        Files.createDirectories(dir.resolve(".git/info"));
        Files.writeString(dir.resolve(".git/info/exclude"), "local/\n*.mine.job.json\n");
        Files.writeString(dir.resolve(".gitignore"), "*.gen.job.json\n!keep.mine.job.json\n");
        Files.createDirectories(dir.resolve("sub/deep"));
        Files.writeString(dir.resolve("sub/.gitignore"), "!special.gen.job.json\n/anchored.job.json\n");
        for (String f : List.of(
                "a.gen.job.json",
                "local/x.job.json",
                "b.mine.job.json",
                "keep.mine.job.json",
                "sub/special.gen.job.json",
                "sub/other.gen.job.json",
                "sub/anchored.job.json",
                "sub/deep/anchored.job.json")) {
            Files.createDirectories(dir.resolve(f).getParent());
            Files.writeString(dir.resolve(f), "{}");
        }
        assertThat(ignored(dir, "a.gen.job.json", false)).isTrue();
        assertThat(ignored(dir, "local/x.job.json", false)).isTrue();
        assertThat(ignored(dir, "b.mine.job.json", false)).isTrue();
        assertThat(ignored(dir, "keep.mine.job.json", false))
                .as(".gitignore over info/exclude")
                .isFalse();
        assertThat(ignored(dir, "sub/special.gen.job.json", false))
                .as("deeper file wins")
                .isFalse();
        assertThat(ignored(dir, "sub/other.gen.job.json", false)).isTrue();
        assertThat(ignored(dir, "sub/anchored.job.json", false)).isTrue();
        assertThat(ignored(dir, "sub/deep/anchored.job.json", false))
                .as("anchored to sub/")
                .isFalse();
    }

    @Test
    void aWalkBelowTheRootReadsTheIgnoreFilesAboveIt() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".gitignore"), "a/b/gen/\n/a/top.job.json\n");
        Path a = Files.createDirectories(dir.resolve("a"));
        Files.writeString(a.resolve(".gitignore"), "*.skip.job.json\n");
        Files.createDirectories(a.resolve("b/gen"));
        IgnoreRules fromB =
                IgnoreRules.forWalk(a.resolve("b"), a.resolve("b").toRealPath()).orElseThrow();
        assertThat(fromB.enter(a.resolve("b"))).isTrue();
        assertThat(fromB.ignoresFile(a.resolve("b/x.skip.job.json"))).isTrue();
        assertThat(fromB.enter(a.resolve("b/gen"))).isFalse();
        IgnoreRules fromGen = IgnoreRules.forWalk(
                        a.resolve("b/gen"), a.resolve("b/gen").toRealPath())
                .orElseThrow();
        assertThat(fromGen.enter(a.resolve("b/gen")))
                .as("the walk root itself is ignored")
                .isFalse();
    }

    @Test
    void outsideARepositoryNothingIsIgnored() throws IOException {
        Files.writeString(dir.resolve(".gitignore"), "*\n");
        assertThat(IgnoreRules.forWalk(dir, dir.toRealPath())).isEmpty();
    }

    @Test
    void linkedIgnoreFilesOverlongLinesAndOversizedFilesAreIgnored() throws IOException {
        Files.createDirectories(dir.resolve(".git"));
        Path elsewhere = Files.writeString(dir.resolve("patterns.txt"), "*.job.json\n");
        Files.createDirectories(dir.resolve("linked"));
        Files.createSymbolicLink(dir.resolve("linked/.gitignore"), elsewhere);
        Files.createDirectories(dir.resolve("long"));
        Files.writeString(dir.resolve("long/.gitignore"), "x".repeat(IgnorePattern.MAX_LENGTH) + "*\nother\n");
        Files.createDirectories(dir.resolve("huge"));
        Files.writeString(dir.resolve("huge/.gitignore"), "*.job.json\n" + "#\n".repeat(IgnoreRules.MAX_FILE_SIZE));
        assertThat(ignored(dir, "linked/a.job.json", false)).isFalse();
        assertThat(ignored(dir, "long/a.job.json", false)).isFalse();
        assertThat(ignored(dir, "long/other", false)).isTrue();
        assertThat(ignored(dir, "huge/a.job.json", false)).isFalse();
    }

    @Test
    void hostilePatternsTakeTimeLinearInPatternAndPath() throws IOException {
        // A backtracking matcher takes exponential time on these; the automaton takes ~4096 × 4096 steps.
        String stars = "*a".repeat(IgnorePattern.MAX_LENGTH / 2 - 1) + "b";
        String deep = "**/a/".repeat(IgnorePattern.MAX_LENGTH / 5 - 1) + "b";
        byte[] path = "a".repeat(4000).getBytes(StandardCharsets.UTF_8);
        byte[] deepPath = "a/".repeat(2000).concat("c").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        assertThat(IgnorePattern.parse(stars.getBytes(StandardCharsets.UTF_8)).matches(path, 0, false))
                .isFalse();
        assertThat(IgnorePattern.parse(deep.getBytes(StandardCharsets.UTF_8)).matches(deepPath, 0, false))
                .isFalse();
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}
