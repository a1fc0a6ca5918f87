package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** HJ108's test without lower-casing agrees with the definition: the lower-cased name is a reserved word. */
class ReservedWordTest {

    private static boolean byDefinition(String name) {
        return ReservedWordSegment.RESERVED.contains(name.toLowerCase(Locale.ROOT));
    }

    @Test
    void everyReservedWordInAnyCase() {
        for (String word : ReservedWordSegment.RESERVED) {
            for (String spelling : new String[] {
                word, word.toUpperCase(Locale.ROOT), Character.toUpperCase(word.charAt(0)) + word.substring(1)
            }) {
                assertThat(ReservedWordSegment.isReserved(spelling))
                        .as(spelling)
                        .isTrue();
            }
        }
    }

    @Test
    void caseBeyondAsciiIsTheDefinitions() {
        // 'ſ' upper-cases to 'S' and 'İ' lower-cases to two characters: a letter-by-letter
        // comparison ignoring case would call these reserved; the definition does not.
        for (String name : new String[] {"aſ", "ſelect", "İn", "ın", "fROM", "\u212Aey", "tags", "", "selects"}) {
            assertThat(ReservedWordSegment.isReserved(name)).as(name).isEqualTo(byDefinition(name));
        }
    }

    @Test
    void agreesWithTheDefinitionOnRandomNames() {
        String alphabet = "seltcfromwhgupbyandinvjSELTCFROMWHGUPBYANDINVJ@[_1ſİı";
        Random random = new Random(11);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder sb = new StringBuilder();
            int length = 1 + random.nextInt(10);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String name = random.nextInt(4) == 0 ? mixCase(pick(random), random) : sb.toString();
            assertThat(ReservedWordSegment.isReserved(name)).as(name).isEqualTo(byDefinition(name));
        }
    }

    private static String pick(Random random) {
        return ReservedWordSegment.RESERVED.stream()
                .skip(random.nextInt(ReservedWordSegment.RESERVED.size()))
                .findFirst()
                .orElseThrow();
    }

    private static String mixCase(String word, Random random) {
        StringBuilder sb = new StringBuilder();
        for (char c : word.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }
}
