package dev.hubjobs.rules;

/** Character classes of the job rules, and how to name characters in messages. */
final class CharacterSet {

    /** The HTTP/1.1 token set (RFC 9110): what the jobs documentation allows in twin names and values. */
    static final String TOKEN_SYMBOLS = "!#%&'*+-.^_`|~";

    private CharacterSet() {}

    private static final boolean[] TOKEN = new boolean[128];

    static {
        for (char c = 0; c < TOKEN.length; c++) {
            TOKEN[c] = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || TOKEN_SYMBOLS.indexOf(c) >= 0;
        }
    }

    static boolean isToken(char c) {
        return c < TOKEN.length && TOKEN[c];
    }

    /**
     * Characters the service refuses in twin keys: control characters, {@code .}, {@code $},
     * {@code #} and space ("Must not contain Control Characters, '.', '$', '#', or ' '": the
     * service's 400004 answer quoted in azure-iot-sdk-java issue 243; docs/decisions.md).
     */
    static boolean isForbiddenInTwinKey(char c) {
        // Control characters (Unicode Cc) are U+0000-U+001F and U+007F-U+009F.
        return c <= ' ' || c == '.' || c == '$' || c == '#' || (c >= 0x7F && c <= 0x9F);
    }

    /** {@code text} shortened for a message. */
    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }

    /** Names characters so that invisible ones can be seen: {@code ' '}, {@code U+0009}, {@code 'é'}. */
    static String describe(String run) {
        StringBuilder sb = new StringBuilder();
        run.codePoints().distinct().forEach(cp -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            if (cp == ' ') {
                sb.append("space");
            } else if (Character.getType(cp) == Character.CONTROL || Character.isWhitespace(cp)) {
                sb.append(String.format("U+%04X", cp));
            } else {
                sb.append('\'').appendCodePoint(cp).append('\'');
            }
        });
        return sb.toString();
    }
}
