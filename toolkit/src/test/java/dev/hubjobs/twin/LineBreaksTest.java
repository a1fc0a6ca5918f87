package dev.hubjobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LineBreaksTest {

    private static int plain(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Test
    void findsTheFirstLineBreakLikeThePlainLoop() {
        Random random = new Random(1);
        // Bytes next to '\n' in value (0x09, 0x0B, 0x8A) and 0x00, which the word trick must not confuse with it.
        byte[] alphabet = {'\n', 0x09, 0x0B, (byte) 0x8A, 0, 'a', (byte) 0xFF, 0x01};
        for (int round = 0; round < 20_000; round++) {
            byte[] buf = new byte[random.nextInt(40)];
            for (int i = 0; i < buf.length; i++) {
                buf[i] =
                        random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            int from = buf.length == 0 ? 0 : random.nextInt(buf.length + 1);
            int to = from + random.nextInt(buf.length - from + 1);
            assertThat(LineBreaks.next(buf, from, to)).isEqualTo(plain(buf, from, to));
        }
    }
}
