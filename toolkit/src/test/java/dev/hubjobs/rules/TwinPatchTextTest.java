package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.text.Span;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one scan of a twin string that HJ301, HJ304 and HJ306 share agrees with the slow definitions. */
class TwinPatchTextTest {

    private static final String ALPHABET = "aaZZ0099..--__~!$ \t\u0000\u007f\u0085é€\uD83D\uDE00\uD83D\uDC00";

    @Test
    void agreesWithEncodingAndTheCharacterClassesOnRandomStrings() {
        Random random = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length()))); // may split a surrogate pair
            }
            String s = sb.toString();
            TwinPatch.Text text = TwinPatch.Text.scan(
                    new JsonString(s, JsonValue.Style.DOUBLE_QUOTED, Span.of(0, s.length() + 2), null));
            assertThat(text.utf8Bytes()).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
            assertThat(text.allToken()).as(s).isEqualTo(s.chars().allMatch(c -> CharacterSet.isToken((char) c)));
            assertThat(text.forbiddenInKey())
                    .as(s)
                    .isEqualTo(s.chars()
                            .anyMatch(c ->
                                    c == '.' || c == '$' || c == ' ' || Character.getType(c) == Character.CONTROL));
            // The shortcut for simple strings must find the same.
            assertThat(TwinPatch.Text.of(new JsonString(s, JsonValue.Style.DOUBLE_QUOTED, Span.at(0), null)))
                    .as(s)
                    .isEqualTo(text);
            // A string read from a document, its value not made yet, scans the same.
            if (s.chars().noneMatch(c -> c < 0x20)) {
                JsonValue read = ((JsonValue.JsonArray) JsonDocumentParser.parse("[\"" + s + "\"]")
                                .root()
                                .orElseThrow())
                        .elements()
                        .get(0);
                assertThat(TwinPatch.Text.scan((JsonString) read)).as(s).isEqualTo(text);
            }
        }
    }
}
