package dev.hubjobs.syntax;

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
}
