package dev.hubjobs.syntax;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.text.Span;
import java.util.List;

/**
 * Backslash escapes shared by JSON strings and query string literals: {@code \" \\ \/ \b \f \n \r
 * \t} and {@code \\uXXXX}. (Each language adds its own quote escape: {@code \'} in queries and in
 * single-quoted JSON.)
 */
public final class Escapes {

    private Escapes() {}

    /** The character a one-letter escape {@code \e} stands for, or -1 when {@code e} is not one. */
    public static int simple(char e) {
        return switch (e) {
            case '"', '\\', '/' -> e;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> -1;
        };
    }

    /**
     * The character of the {@code \\uXXXX} escape whose backslash is at {@code raw[i]} (within
     * {@code raw[0, end)}), or -1 when four hexadecimal digits do not follow.
     */
    public static int unicode(String raw, int i, int end) {
        if (i + 6 > end) {
            return -1;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(raw.charAt(k), 16) < 0) {
                return -1;
            }
        }
        return Integer.parseInt(raw.substring(i + 2, i + 6), 16);
    }

    /**
     * Decodes the escape whose backslash is at {@code raw[i]} (with {@code raw[i + 1]} inside
     * {@code raw[0, end)}) into {@code value}, and returns the index of its last character.
     *
     * @param extraQuote a quote this string may also escape ({@code '}), or -1
     * @param keepInvalid whether the letter of an invalid escape is kept in the value
     * @param code the code that reports an invalid escape
     * @param rawStart the document offset of {@code raw[0]}, where findings are placed
     */
    public static int decode(
            String raw,
            int i,
            int end,
            int extraQuote,
            boolean keepInvalid,
            StringBuilder value,
            String code,
            int rawStart,
            List<Diagnostic> diagnostics) {
        char e = raw.charAt(i + 1);
        Span at = Span.of(rawStart + i, rawStart + i + 2);
        int simple = e == extraQuote ? e : simple(e);
        if (simple >= 0) {
            value.append((char) simple);
            return i + 1;
        }
        if (e == 'u') {
            int unicode = unicode(raw, i, end);
            if (unicode >= 0) {
                value.append((char) unicode);
                return i + 5;
            }
            diagnostics.add(Diagnostic.error(
                    code, "invalid unicode escape: \\u must be followed by four hexadecimal digits", at));
            return i + 1;
        }
        diagnostics.add(Diagnostic.error(code, "invalid escape sequence '\\" + e + "'", at));
        if (keepInvalid) {
            value.append(e);
        }
        return i + 1;
    }
}
