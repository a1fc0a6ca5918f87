package dev.hubjobs.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's library example is this module's ReadmeExample, compiled by the build, and it runs. */
class ReadmeExampleTest {

    static final Path SOURCE = Path.of("src/main/java/dev/hubjobs/examples/ReadmeExample.java");

    @Test
    void theReadmeShowsTheCompiledExampleAsItIs() throws Exception {
        String source = Files.readString(SOURCE);
        String region = source.substring(
                source.indexOf("// README:begin\n") + "// README:begin\n".length(), source.indexOf("// README:end"));
        Matcher java =
                Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("../README.md")));
        assertThat(java.find()).as("a ```java block in README.md").isTrue();
        assertThat(java.group(1)).isEqualTo(region);
    }

    @Test
    void itRunsOnAnExampleJob() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            ReadmeExample.main(new String[] {"../toolkit/src/test/resources/rules/HJ201/bad-seed.job.json"});
        } finally {
            System.setOut(saved);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8))
                .contains(":3:11: error: job type 'scheduleDirectRequest'")
                .contains("safe edits would give:")
                .contains("\"type\": \"scheduleDeviceMethod\"");
    }
}
