package dev.hubjobs.json;

/** Escaping for text written into JSON strings. */
public final class JsonText {

    private JsonText() {}

    /** Escapes {@code text} for the inside of a string delimited by {@code quote}. */
    public static String escape(String text, char quote) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c == quote) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** {@code text} as a double-quoted JSON string. */
    public static String quote(String text) {
        return '"' + escape(text, '"') + '"';
    }
}
