package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The language server reads the query language through the toolkit's API, never through the
 * generated parser: a grammar change then cannot break the editor behind the toolkit's back.
 */
class ToolkitOnlyTest {

    @Test
    void noSourceImportsTheGeneratedGrammarOrAntlr() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            List<Path> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            String text = Files.readString(f);
                            return text.contains("import dev.hubjobs.grammar.") || text.contains("import org.antlr.");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }
}
