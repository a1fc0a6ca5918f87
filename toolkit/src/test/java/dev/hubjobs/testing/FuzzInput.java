package dev.hubjobs.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.text.Span;
import java.util.Arrays;
import java.util.List;

/**
 * What the fuzz targets share: turning the fuzzer's bytes into text, and the span property every
 * entry point must keep.
 */
public final class FuzzInput {

    private FuzzInput() {}

    /** The first {@code maxBytes} bytes of {@code data}: one execution must stay fast. */
    public static byte[] bounded(byte[] data, int maxBytes) {
        return data.length <= maxBytes ? data : Arrays.copyOf(data, maxBytes);
    }

    /**
     * The text of at most {@code maxBytes} bytes read as UTF-8, leniently: a well-formed sequence
     * gives its character, a three-byte sequence that encodes a surrogate gives that lone surrogate
     * (so the fuzzer can reach the unpaired surrogates a Java string may hold), and any other byte
     * that does not start a well-formed sequence gives U+FFFD. The seed files are plain UTF-8 text.
     */
    public static String text(byte[] data, int maxBytes) {
        int n = Math.min(data.length, maxBytes);
        StringBuilder sb = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            int b = data[i] & 0xff;
            if (b < 0x80) {
                sb.append((char) b);
                i++;
                continue;
            }
            int length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
            int cp = length == 2 ? b & 0x1f : length == 3 ? b & 0x0f : b & 0x07;
            boolean ok = length > 0 && i + length <= n;
            for (int k = 1; ok && k < length; k++) {
                int c = data[i + k] & 0xff;
                ok = (c & 0xc0) == 0x80;
                cp = (cp << 6) | (c & 0x3f);
            }
            if (ok && (length == 3 && cp < 0x800 || length == 4 && (cp < 0x10000 || cp > 0x10ffff))) {
                ok = false; // overlong or out of range
            }
            if (!ok) {
                sb.append('\ufffd');
                i++;
                continue;
            }
            sb.appendCodePoint(cp);
            i += length;
        }
        return sb.toString();
    }

    /**
     * Every finding's span, and the span of every edit of its fixes, lies inside {@code text}:
     * half-open, {@code 0 <= start <= end <= length}.
     */
    public static void assertSpansInside(String text, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            assertInside(text, d.span(), d);
            for (Fix fix : d.fixes()) {
                for (TextEdit edit : fix.edits()) {
                    assertInside(text, edit.span(), d);
                }
            }
        }
    }

    private static void assertInside(String text, Span span, Diagnostic d) {
        assertThat(span.start() >= 0 && span.start() <= span.end() && span.end() <= text.length())
                .as("span %s of %s %s inside a text of %d characters", span, d.code(), d.message(), text.length())
                .isTrue();
    }
}
