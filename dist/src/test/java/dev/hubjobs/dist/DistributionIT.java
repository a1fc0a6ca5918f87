package dev.hubjobs.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive, unpacked into a temporary directory and run the way a user runs it:
 * {@code bin/hubjobs} with a PATH that holds java and nothing of Maven, no checkout around it.
 */
class DistributionIT {

    static final String VERSION = System.getProperty("hubjobs.version", "0.1.0-SNAPSHOT");
    static final Path BASE = Path.of(System.getProperty("hubjobs.dist", "target/hubjobs-" + VERSION));
    static final Path ROOT =
            Path.of(System.getProperty("hubjobs.root", "..")).toAbsolutePath().normalize();

    static final List<String> CONTENTS = List.of(
            "bin/hubjobs",
            "bin/hubjobs.cmd",
            "lib/hubjobs.jar",
            "lib/hubjobs-lsp.jar",
            "share/job.schema.json",
            "LICENSE",
            "CHANGELOG.md",
            "README.txt");

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {}

    static Result run(Path cwd, Map<String, String> env, List<String> command) throws Exception {
        Path out = Files.createTempFile("dist", ".out");
        Path err = Files.createTempFile("dist", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    Path unpackTarGz() throws Exception {
        Path tgz = Path.of(BASE + ".tar.gz");
        assertThat(tgz).exists();
        Result r = run(dir, Map.of("PATH", "/usr/bin:/bin"), List.of("tar", "xzf", tgz.toString()));
        assertThat(r.exit()).as(r.err()).isZero();
        return dir.resolve("hubjobs-" + VERSION);
    }

    /** A directory with a {@code java} symbolic link and nothing else: the only thing on PATH. */
    Path javaOnly() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("java-only"));
        Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        return bin;
    }

    @Test
    void bothArchivesHoldTheSameFiles() throws Exception {
        Path home = unpackTarGz();
        for (String f : CONTENTS) {
            assertThat(home.resolve(f)).as(f).isRegularFile();
        }
        assertThat(home.resolve("bin/hubjobs")).isExecutable();
        assertThat(home.resolve("LICENSE")).content().contains("MIT License", "The hubjobs authors");
        assertThat(home.resolve("share/job.schema.json")).hasSameTextualContentAs(ROOT.resolve("docs/job.schema.json"));
        try (ZipFile zip = new ZipFile(BASE + ".zip")) {
            List<String> names = new ArrayList<>();
            zip.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
            assertThat(names)
                    .containsExactlyInAnyOrderElementsOf(CONTENTS.stream()
                            .map(f -> "hubjobs-" + VERSION + "/" + f)
                            .toList());
        }
    }

    @Test
    void validatesWithJavaAloneOnThePathAndNoCheckout() throws Exception {
        Path home = unpackTarGz();
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("good.job.json"), """
                {"jobId": "reboot-1", "type": "scheduleDeviceMethod", "queryCondition": "tags.building = '43'",
                 "cloudToDeviceMethod": {"methodName": "reboot", "responseTimeoutInSeconds": 30}}
                """);
        Files.writeString(work.resolve("bad.job.json"), """
                {"jobId": "reboot-2", "type": "scheduleDeviceMethod", "queryCondition": "tags.building = '43'",
                 "cloudToDeviceMethod": {"methodName": 'reboot'}}
                """);
        Map<String, String> env = Map.of(
                "PATH", javaOnly().toString(), "HOME", dir.resolve("home").toString());
        String hubjobs = home.resolve("bin/hubjobs").toString();

        Result good = run(work, env, List.of(hubjobs, "validate", "good.job.json"));
        assertThat(good.exit()).as(good.err()).isZero();
        assertThat(good.out()).isEqualTo("1 files, 0 errors, 0 warnings\n");
        assertThat(good.err()).isEmpty();

        Result bad = run(work, env, List.of(hubjobs, "validate", "bad.job.json"));
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out()).startsWith("bad.job.json:2:40: error: single-quoted string");

        Result none =
                run(work, Map.of("PATH", dir.toString()), List.of("/bin/sh", hubjobs, "validate", "good.job.json"));
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("no Java found");
    }

    @Test
    void theFirstRunMakesAnAppCdsArchiveForThisLocationAndLaterRunsUseIt() throws Exception {
        Path home = unpackTarGz();
        Path mkdir = Files.createDirectories(dir.resolve("tools"));
        Files.createSymbolicLink(mkdir.resolve("mkdir"), Path.of("/bin/mkdir"));
        Path cache = dir.resolve("cache");
        Map<String, String> env = Map.of("PATH", javaOnly() + ":" + mkdir, "XDG_CACHE_HOME", cache.toString());
        String hubjobs = home.resolve("bin/hubjobs").toString();

        Result first = run(dir, env, List.of(hubjobs, "rules"));
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("HJ001").doesNotContain("cds").doesNotContain("CDS");
        assertThat(first.err()).isEmpty();
        List<Path> archives;
        try (Stream<Path> s = Files.list(cache.resolve("hubjobs/cds"))) {
            archives = s.toList();
        }
        assertThat(archives)
                .singleElement()
                .satisfies(a -> assertThat(a.toString()).endsWith(".jsa"));

        Path log = dir.resolve("classes.log");
        Map<String, String> traced = new java.util.HashMap<>(env);
        traced.put("HUBJOBS_JAVA_OPTS", "-Xlog:class+load:file=" + log);
        Result second = run(dir, traced, List.of(hubjobs, "rules"));
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(log).content().contains("source: shared objects file (top)");

        // The same files moved elsewhere get an archive of their own, not the refused one.
        Path moved = dir.resolve("elsewhere");
        Files.move(home, moved);
        Result third = run(dir, env, List.of(moved.resolve("bin/hubjobs").toString(), "rules"));
        assertThat(third.out()).isEqualTo(first.out());
        assertThat(third.err()).isEmpty();
        try (Stream<Path> s = Files.list(cache.resolve("hubjobs/cds"))) {
            assertThat(s.count()).isEqualTo(2);
        }
    }
}
