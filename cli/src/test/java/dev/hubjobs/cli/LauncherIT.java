package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's {@code ./hubjobs} launcher: the Java it chooses, what it says without one, and
 * that the build's terminal escape codes never reach the report.
 */
class LauncherIT {

    static final String ESC = "\u001b";

    @TempDir
    Path dir;

    /** The java the tests run with, for a PATH that has it and nothing else. */
    static Path realJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    Path binWith(String name, Path target) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin-" + name));
        Files.createSymbolicLink(bin.resolve(name), target);
        return bin;
    }

    Path script(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /** Runs a command with exactly this environment (no inherited JAVA_HOME or PATH). */
    static Processes.Result run(Path cwd, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(cwd.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Processes.Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static String launcher() {
        return Processes.root().resolve("hubjobs").toString();
    }

    @Test
    void withoutJavaItSaysSoAndExits2() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Processes.Result r = run(
                dir,
                Map.of("PATH", empty.toString(), "HOME", dir.toString()),
                List.of("/bin/sh", launcher(), "--version"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("no Java found")
                .contains("Java 17 or later")
                .doesNotContain("not found\n");
    }

    @Test
    void javaHomeIsUsedWhenSetAndAnOldJavaIsRefused() throws Exception {
        Path fake = script("old-jdk/bin/java", """
                #!/bin/sh
                echo 'openjdk version "11.0.2" 2019-01-15' >&2
                """);
        Path javaOnPath = binWith("java", realJava());
        Map<String, String> env = new HashMap<>(Map.of(
                "PATH",
                javaOnPath + ":/usr/bin:/bin",
                "HOME",
                dir.toString(),
                "HUBJOBS_JAR",
                Processes.jar().toString(),
                "JAVA_HOME",
                fake.getParent().getParent().toString()));
        Processes.Result old = run(dir, env, List.of(launcher(), "--version"));
        assertThat(old.exit()).isEqualTo(2);
        assertThat(old.err()).contains("not Java 17 or later").contains(fake.toString());

        env.put("JAVA_HOME", System.getProperty("java.home"));
        Processes.Result good = run(dir, env, List.of(launcher(), "--version"));
        assertThat(good.exit()).isZero();
        assertThat(good.out()).startsWith("hubjobs ");

        env.put("JAVA_HOME", dir.resolve("nowhere").toString());
        Processes.Result missing = run(dir, env, List.of(launcher(), "--version"));
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("JAVA_HOME is set to");
    }

    @Test
    void theVersionIsReadFromTheInstallationsReleaseFileWithoutStartingJava() throws Exception {
        // a java that would pass the check if it were asked, in an installation whose release file says 11
        Path fake = script("release-jdk/bin/java", """
                #!/bin/sh
                echo 'openjdk version "17.0.1" 2021-10-19' >&2
                """);
        Files.writeString(fake.getParent().getParent().resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
        Map<String, String> env = Map.of(
                "PATH", "/usr/bin:/bin",
                "HOME", dir.toString(),
                "HUBJOBS_JAR", Processes.jar().toString(),
                "JAVA_HOME", fake.getParent().getParent().toString());
        Processes.Result old = run(dir, env, List.of(launcher(), "--version"));
        assertThat(old.exit()).isEqualTo(2);
        assertThat(old.err()).contains("not Java 17 or later");
    }

    /** A checkout with the launcher and no jar yet, whose "mvn" prints escape codes as Debian's does. */
    Path checkoutWithFakeMaven(String mvnBody) throws IOException {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Files.copy(Processes.root().resolve("hubjobs"), checkout.resolve("hubjobs"));
        Files.setPosixFilePermissions(checkout.resolve("hubjobs"), PosixFilePermissions.fromString("rwxr-xr-x"));
        script("fake-maven/mvn", "#!/bin/sh\n" + mvnBody);
        return checkout;
    }

    Map<String, String> fakeMavenEnv() {
        return Map.of(
                "PATH",
                dir.resolve("fake-maven") + ":" + realJava().getParent() + ":/usr/bin:/bin",
                "HOME",
                dir.toString());
    }

    @Test
    void aFailedBuildShowsItsLogWithoutEscapeCodesAndExits2() throws Exception {
        Path checkout = checkoutWithFakeMaven("""
                printf '\\033[0m\\033[1;31m[ERROR]\\033[m COMPILATION ERROR in Foo.java\\n'
                exit 1
                """);
        Processes.Result r = run(checkout, fakeMavenEnv(), List.of("./hubjobs", "validate", "x.job.json"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .contains("[ERROR] COMPILATION ERROR in Foo.java")
                .contains("build failed")
                .contains("hubjobs-build.log")
                .doesNotContain(ESC);
    }

    @Test
    void aSuccessfulBuildSaysNothingOfItsOutputAndTheReportIsClean() throws Exception {
        Path checkout = checkoutWithFakeMaven("""
                printf '\\033[0m\\033[0mdownloading the internet\\n'
                mkdir -p cli/target && cp "$REAL_JAR" cli/target/hubjobs.jar
                printf '\\033[0m'
                """);
        Files.writeString(checkout.resolve("bad.job.json"), """
                {"jobId": "j1", "type": "scheduleDeviceMethod", "queryCondition": "tag.building = '43'",
                 "cloudToDeviceMethod": {"methodName": "reboot"}}
                """);
        Map<String, String> env = new HashMap<>(fakeMavenEnv());
        env.put("REAL_JAR", Processes.jar().toString());
        Processes.Result r = run(checkout, env, List.of("./hubjobs", "validate", "bad.job.json"));
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).startsWith("bad.job.json:1:").doesNotContain(ESC);
        assertThat(r.err()).doesNotContain(ESC).doesNotContain("downloading the internet");
        assertThat(checkout.resolve("cli/target/hubjobs-build.log")).content().contains("downloading the internet");
    }
}
