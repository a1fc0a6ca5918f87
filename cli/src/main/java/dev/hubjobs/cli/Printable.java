package dev.hubjobs.cli;

/**
 * Text from a job file, a file name or a fleet made safe to print: characters that would drive a
 * terminal (C0 and C1 controls, DEL: an ESC sequence can retitle or clear it, a newline forge a
 * report line), reorder what is shown (the bidirectional overrides and isolates, U+202A–U+202E
 * and U+2066–U+2069), or make XML 1.0 ill-formed (U+FFFE, U+FFFF, a lone surrogate) are written
 * as escapes: {@code \n}, {@code \r}, {@code \t}, {@code \e}, else {@code \}{@code uXXXX}.
 */
final class Printable {

    private Printable() {}

    static String escape(String text) {
        int i = 0;
        while (i < text.length() && !unsafe(text, i)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(text, i)) {
                out.append(c);
                continue;
            }
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u001b' -> out.append("\\e");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static boolean unsafe(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\ufffe'
                || c == '\uffff') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
