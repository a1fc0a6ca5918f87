package dev.hubjobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A committed file that the build generates (the schema, the rule catalogue) must be the generated one. */
public final class GeneratedFiles {

    private GeneratedFiles() {}

    /**
     * Fails when {@code committed} differs from {@code generated}; with the system property
     * {@code regenerate} set, writes it first. {@code how} names the class comment that says how.
     */
    public static void assertCommitted(Path committed, String generated, String regenerate, String how)
            throws IOException {
        if (Boolean.getBoolean(regenerate)) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertThat(committed)
                .as("%s; regenerate it as described in %s", committed, how)
                .exists();
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("%s is stale; regenerate it as described in %s", committed, how)
                .isEqualTo(generated);
    }
}
