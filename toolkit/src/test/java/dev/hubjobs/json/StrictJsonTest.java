package dev.hubjobs.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.json.JsonValue.*;
import dev.hubjobs.text.LineMap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The strict fast path must never change what a parse gives: on a document the grammar reads
 * without a finding it builds the very same tree (spans and escape maps included), and on any
 * document with a finding it steps aside so that the grammar reports it.
 */
class StrictJsonTest {

    static Stream<Path> jobFiles() throws Exception {
        Path root = Path.of(StrictJsonTest.class.getResource("/").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".ndjson"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jobFiles")
    void agreesWithTheGrammarOnEveryTestDocument(Path file) throws Exception {
        assertAgrees(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\": \"\\\"q\\\" \\\\ \\n \\u00e9 \\ud83d\\ude00 é😀\", \"b\": [1, -2.5e3, 0, true, false, null]}",
                "// comment\n{\"a\" /* inside */ : {\"b\": [[], {}]}}\r\n",
                "[{\"jobId\": \"x\"}, {\"jobId\": \"y\"}]",
                "\"just a string\"",
                "  42  ",
                "{\"k\\u0041y\": 1, \"kAy2\": \"\\/\"}",
                "{\"ab\": 1, \"ba\": 2, \"b\": 3, \"abc\": 4}",
                "{\"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, \"k7\": 7, \"k8\": 8, \"k9\": 9}",
                // Each of these has a finding, so the fast path must step aside.
                "{\"a\": 1, \"a\": 2}",
                "{\"a\": 1, \"\\u0061\": 2}",
                "{\"\\u0061\": 1, \"a\": 2}",
                "{\"k1\": 1, \"k2\": 2, \"k3\": 3, \"k4\": 4, \"k5\": 5, \"k6\": 6, \"k7\": 7, \"k8\": 8, \"k1\": 9}",
                "{\"a\": 1,}",
                "{'a': 1}",
                "{a: 1}",
                "{\"a\": <x>}",
                "{\"a\": 1} {\"b\": 2}",
                "{\"a\": \"tab\there\"}",
                "{\"a\": 01}",
                "",
                "\uFEFF{\"a\": 1}",
            })
    void agreesWithTheGrammarOnEdgeCases(String text) {
        assertAgrees(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\": \"\\\"q\\\" \\\\ \\n \\u00e9 \\ud83d\\ude00 é😀\", \"b\": [1, -2.5e3, 0, true, false, null]}",
                "// comment\n{\"a\" /* inside */ : {\"b\": [[], {}]}}\r\n",
                "[{\"jobId\": \"x\"}, {\"jobId\": \"y\"}]",
            })
    void cleanDocumentsTakeTheFastPath(String text) {
        assertThat(StrictJson.tryParse(text)).isPresent();
        assertAgrees(text);
    }

    @org.junit.jupiter.api.Test
    void theCleanCorpusJobsTakeTheFastPath() throws Exception {
        for (String name : List.of("firmware-desired", "reboot-building43")) {
            Path file = Path.of(StrictJsonTest.class
                    .getResource("/corpus/jobs/" + name + ".job.json")
                    .toURI());
            assertThat(StrictJson.tryParse(Files.readString(file))).as(name).isPresent();
        }
    }

    private static void assertAgrees(String text) {
        JsonDocument tolerant = JsonDocumentParser.parseTolerant(text, LineMap.of(text));
        Optional<JsonValue> strict = StrictJson.tryParse(text);
        if (!tolerant.diagnostics().isEmpty()) {
            assertThat(strict)
                    .as("the fast path must step aside for %s", tolerant.diagnostics())
                    .isEmpty();
            return;
        }
        if (strict.isEmpty()) {
            return; // stepping aside is always allowed: the grammar path then gives the same result
        }
        assertLengthsBeforeValues(strict.get());
        assertThat(strict).isEqualTo(tolerant.root());
        assertSameEscapeMaps(strict.get(), tolerant.root().orElseThrow());
    }

    /** A string's (or number's) length, asked before its text is made, is the text's length. */
    private static void assertLengthsBeforeValues(JsonValue v) {
        if (v instanceof JsonObject o) {
            for (Member m : o.members()) {
                assertLengthsBeforeValues(m.key());
                assertLengthsBeforeValues(m.value());
            }
        } else if (v instanceof JsonArray a) {
            a.elements().forEach(StrictJsonTest::assertLengthsBeforeValues);
        } else if (v instanceof JsonString s) {
            int length = s.length();
            assertThat(length).as("length of %s", s).isEqualTo(s.value().length());
        } else if (v instanceof JsonNumber n) {
            int length = n.length();
            assertThat(length).as("length of %s", n).isEqualTo(n.text().length());
        }
    }

    /** {@link JsonString#equals} leaves out the escape map; compare it offset by offset. */
    private static void assertSameEscapeMaps(JsonValue a, JsonValue b) {
        if (a instanceof JsonObject oa && b instanceof JsonObject ob) {
            for (int i = 0; i < oa.members().size(); i++) {
                assertSameEscapeMaps(
                        oa.members().get(i).key(), ob.members().get(i).key());
                assertSameEscapeMaps(
                        oa.members().get(i).value(), ob.members().get(i).value());
            }
        } else if (a instanceof JsonArray aa && b instanceof JsonArray ab) {
            List<JsonValue> x = aa.elements();
            for (int i = 0; i < x.size(); i++) {
                assertSameEscapeMaps(x.get(i), ab.elements().get(i));
            }
        } else if (a instanceof JsonString sa && b instanceof JsonString sb) {
            for (int i = 0; i <= sa.value().length(); i++) {
                assertThat(sa.documentOffset(i)).as("offset %d of %s", i, sa).isEqualTo(sb.documentOffset(i));
            }
        }
    }
}
