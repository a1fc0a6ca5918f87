package dev.hubjobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.testing.Mutations;
import dev.hubjobs.testing.TestFiles;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken variants of every valid corpus input: the parsers never throw, every span lies inside
 * the text, a missing tree always comes with an error, and a variant that still parses cleanly
 * round-trips through the formatter.
 */
class ParserRobustnessTest {

    private static final String QUERY_ALPHABET = "()[]'\",.=<>!-+*/%\\ aN0x😀é";
    private static final String JSON_ALPHABET = "{}[]:,'\"\\/*<> a0-\n😀";

    static Stream<String> validText() {
        return Stream.concat(
                TestFiles.lines("corpus/queries/valid-conditions.txt").stream(),
                TestFiles.lines("corpus/queries/valid-queries.txt").stream());
    }

    @ParameterizedTest
    @MethodSource("validText")
    void brokenVariantsOfAValidQueryNeverThrowAndStayInBounds(String valid) {
        for (String text : Mutations.of(valid, QUERY_ALPHABET, 300, 1234)) {
            assertSound(text, QueryParser.parseCondition(text));
            assertSound(text, QueryParser.parseQuery(text));
        }
    }

    static Stream<String> jobFiles() {
        return Stream.of("charset", "firmware-desired", "reboot-building43", "seed-twin-sample", "wrong-type")
                .map(name -> "corpus/jobs/" + name + ".job.json");
    }

    @ParameterizedTest
    @MethodSource("jobFiles")
    void brokenVariantsOfAJobDocumentNeverThrowAndStayInBounds(String resource) {
        for (String text : Mutations.of(TestFiles.text(resource), JSON_ALPHABET, 300, 99)) {
            JsonDocument doc = JsonDocumentParser.parse(text);
            assertSpansInside(text, doc.diagnostics());
            if (doc.root().isEmpty()) {
                assertThat(doc.hasErrors())
                        .as("no tree and no error for %s", text)
                        .isTrue();
            } else {
                assertThat(doc.root().get().span().end()).isLessThanOrEqualTo(text.length());
            }
        }
    }

    private static void assertSound(String text, ParseResult<?> result) {
        assertSpansInside(text, result.diagnostics());
        if (result.value().isEmpty()) {
            assertThat(result.hasErrors())
                    .as("no tree and no error for %s", text)
                    .isTrue();
        } else {
            // A tree always formats; a clean one round-trips like the corpus does.
            Object value = result.value().get();
            boolean query = value instanceof Query;
            String formatted = query ? QueryFormatter.format((Query) value) : QueryFormatter.format((Condition) value);
            // A SELECT/WHERE prefix in a condition is the validator's to report (HJ101); the
            // formatter drops it, so such a condition is not expected to round-trip.
            boolean prefixed =
                    value instanceof Condition c && c.misplacedPrefix().isPresent();
            if (result.diagnostics().isEmpty() && !prefixed) {
                ParseResult<?> again =
                        query ? QueryParser.parseQuery(formatted) : QueryParser.parseCondition(formatted);
                assertThat(again.diagnostics())
                        .as("%s formatted as %s", text, formatted)
                        .isEmpty();
                QueryTesting.assertSameTreeIgnoringSpans(again.get(), value);
            }
        }
    }

    private static void assertSpansInside(String text, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            assertThat(d.span().end()).as("%s in %s", d, text).isLessThanOrEqualTo(text.length());
            d.fixes()
                    .forEach(f -> f.edits()
                            .forEach(e -> assertThat(e.span().end())
                                    .as("fix of %s in %s", d, text)
                                    .isLessThanOrEqualTo(text.length())));
        }
    }
}
