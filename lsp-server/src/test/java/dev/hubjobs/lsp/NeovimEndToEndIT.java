package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.hubjobs.testing.Prerequisites;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded server jar driven by a real editor: headless Neovim opens a bad job file, receives
 * our diagnostics, hovers, applies a quick fix, edits the buffer and sees the diagnostics clear.
 * Skipped where Neovim is not installed ({@code .ci/lsp-e2e-deps.sh} installs it).
 */
class NeovimEndToEndIT {

    @Test
    void neovimShowsDiagnosticsAndClearsThemAfterTheFix(@TempDir Path dir) throws Exception {
        Prerequisites.require(nvimInstalled(), "nvim is not installed; run .ci/lsp-e2e-deps.sh to run this test");
        Path jar = Path.of(System.getProperty("hubjobs.lsp.jar", "target/hubjobs-lsp.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the shaded server jar (built in package)").exists();

        Path file = dir.resolve("bad.job.json");
        Path script = dir.resolve("nvim_e2e.lua");
        copy("e2e/bad.job.json", file);
        copy("e2e/nvim_e2e.lua", script);
        Path out = dir.resolve("result.json");

        Path init = dir.resolve("init.lua");
        Files.writeString(init, documentedConfiguration(jar));
        ProcessBuilder pb = new ProcessBuilder(
                        "nvim", "--headless", "-u", init.toString(), "-i", "NONE", "-n", "-c", "luafile " + script)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nvim.log").toFile());
        // The documented configuration runs "java" from PATH: the JVM running the tests comes first.
        pb.environment()
                .put(
                        "PATH",
                        Path.of(System.getProperty("java.home"), "bin")
                                + java.io.File.pathSeparator
                                + System.getenv().getOrDefault("PATH", ""));
        pb.environment().put("FILE", file.toString());
        pb.environment().put("OUT", out.toString());
        pb.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        Process nvim = pb.start();
        boolean done = nvim.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            nvim.destroyForcibly();
        }
        String log = Files.exists(dir.resolve("nvim.log")) ? Files.readString(dir.resolve("nvim.log")) : "";
        assertThat(done).as("nvim finished; log:%n%s", log).isTrue();
        assertThat(out).as("nvim wrote its result; log:%n%s", log).exists();

        JsonObject result = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
        assertThat(result.get("opened").getAsBoolean())
                .as("diagnostics arrived: %s", result)
                .isTrue();
        JsonArray first = result.getAsJsonArray("first");
        assertThat(first).hasSize(2);
        JsonObject unknownRoot = first.get(0).getAsJsonObject();
        assertThat(unknownRoot.get("code").getAsString()).isEqualTo("HJ103");
        assertThat(unknownRoot.get("source").getAsString()).isEqualTo("hubjobs");
        assertThat(unknownRoot.get("lnum").getAsInt()).isEqualTo(2);
        assertThat(unknownRoot.get("col").getAsInt()).isEqualTo(21);
        assertThat(unknownRoot.get("end_col").getAsInt()).isEqualTo(24);
        assertThat(first.get(1).getAsJsonObject().get("code").getAsString()).isEqualTo("HJ012");
        assertThat(result.getAsJsonObject("hover").get("value").getAsString()).startsWith("`queryCondition`");
        assertThat(result.getAsJsonArray("actions").toString())
                .isEqualTo(
                        "[\"quickfix: Use square brackets\",\"source.fixAll: Fix all safe hubjobs problems (HJ012)\"]");
        assertThat(result.get("after_fix").getAsString())
                .isEqualTo("  \"queryCondition\": \"tag.floor = 3 AND deviceId IN ['a', 'b']\",");
        assertThat(result.get("cleared").getAsBoolean())
                .as("diagnostics cleared after the fix: %s", result)
                .isTrue();
        assertThat(nvim.exitValue()).isZero();
    }

    private static boolean nvimInstalled() {
        try {
            Process p = new ProcessBuilder("nvim", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Neovim configuration of docs/editors.md, with the jar's path set. */
    static String documentedConfiguration(Path jar) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "editors.md"));
        int start = doc.indexOf("<!-- neovim-config -->");
        int end = doc.indexOf("<!-- /neovim-config -->");
        assertThat(start).as("docs/editors.md marks the Neovim configuration").isNotNegative();
        String block = doc.substring(start, end);
        String lua = block.substring(block.indexOf("```lua\n") + 7, block.lastIndexOf("```"));
        String placeholder = "local hubjobs_jar = \"/path/to/hubjobs-lsp.jar\"";
        assertThat(lua).contains(placeholder);
        return lua.replace(
                placeholder, "local hubjobs_jar = \"" + jar.toString().replace("\\", "\\\\") + "\"");
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = NeovimEndToEndIT.class.getClassLoader().getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }
}
