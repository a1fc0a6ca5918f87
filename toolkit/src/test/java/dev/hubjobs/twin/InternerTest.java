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
        // "Aa" and "BB" have the same hash, so they take turns in one slot of the cache.
        byte[] line = ascii("xAaBBx");
        String aa = interner.key(line, 1, 3);
        String bb = interner.key(line, 3, 5);
        assertThat(aa).isEqualTo("Aa").isSameAs(interner.key("Aa")).isSameAs(interner.key(line, 1, 3));
        assertThat(bb).isEqualTo("BB").isSameAs(interner.key("BB")).isSameAs(interner.key(line, 3, 5));
        assertThat(interner.key(ascii("A"), 0, 1)).isEqualTo("A");
        assertThat(interner.key(ascii(""), 0, 0)).isEmpty();
    }
}
