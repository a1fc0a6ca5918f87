package dev.hubjobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InternerTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void keysFromBytesAreTheSharedKeysEvenWhenTheyShareACacheSlot() {
        Interner interner = new Interner();
        byte[] line = ascii("xAaBBx");
        String aa = interner.key(line, 1, 3);
        String bb = interner.key(line, 3, 5);
        assertThat(aa).isEqualTo("Aa").isSameAs(interner.key("Aa")).isSameAs(interner.key(line, 1, 3));
        assertThat(bb).isEqualTo("BB").isSameAs(interner.key("BB")).isSameAs(interner.key(line, 3, 5));
        assertThat(interner.key(ascii(""), 0, 0)).isEmpty();
        // far more keys than the cache has slots, many alike in length and bytes: each comes back as itself
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 5000; i++) {
                String key = "k" + i + "x" + (i % 7);
                byte[] bytes = ascii("{" + key + "}");
                assertThat(interner.key(bytes, 1, bytes.length - 1)).isEqualTo(key);
            }
        }
    }
}
