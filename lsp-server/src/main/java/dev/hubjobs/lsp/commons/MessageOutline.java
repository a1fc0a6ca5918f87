package dev.hubjobs.lsp.commons;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A message's JSON seen from outside, in one pass and without parsing it: how deep it nests, its
 * top-level {@code id} and whether it has a {@code method}. That is enough to turn away a message
 * too deep to parse and still answer it if it was a request. Malformed JSON gives a best-effort
 * outline. Time is linear in the input; nothing but the id is copied.
 *
 * @param depth the deepest nesting of objects and arrays; 1 for a flat object
 * @param id the top-level id as its JSON text (a string with its quotes, or a number), or null
 * @param hasMethod whether the top-level object has a string {@code method}, as requests do
 */
public record MessageOutline(int depth, String id, boolean hasMethod) {

    private static final byte[] ID = "\"id\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] METHOD = "\"method\"".getBytes(StandardCharsets.US_ASCII);

    public static MessageOutline of(byte[] json) {
        int depth = 0;
        int deepest = 0;
        // In the top-level object: where the last member name is, and whether its value is next.
        int keyStart = 0;
        int keyEnd = 0;
        boolean valueNext = false;
        String id = null;
        boolean method = false;
        for (int i = 0; i < json.length; i++) {
            byte c = json[i];
            if (c == '"') {
                int end = stringEnd(json, i);
                if (depth == 1 && !valueNext) {
                    keyStart = i;
                    keyEnd = end;
                } else if (depth == 1) {
                    if (isKey(json, keyStart, keyEnd, ID)) {
                        id = new String(json, i, end - i, StandardCharsets.UTF_8);
                    } else if (isKey(json, keyStart, keyEnd, METHOD)) {
                        method = true;
                    }
                    valueNext = false;
                }
                i = end - 1;
            } else if (c == '{' || c == '[') {
                valueNext = false;
                depth++;
                deepest = Math.max(deepest, depth);
            } else if (c == '}' || c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 1 && c == ':') {
                valueNext = true;
            } else if (depth == 1 && c == ',') {
                valueNext = false;
            } else if (depth == 1 && valueNext && (c == '-' || c >= '0' && c <= '9')) {
                int end = numberEnd(json, i);
                if (isKey(json, keyStart, keyEnd, ID)) {
                    id = new String(json, i, end - i, StandardCharsets.US_ASCII);
                }
                valueNext = false;
                i = end - 1;
            }
        }
        return new MessageOutline(deepest, id, method);
    }

    /** The index after the string that starts at {@code start}, or the end of the input. */
    private static int stringEnd(byte[] json, int start) {
        int i = start + 1;
        while (i < json.length) {
            if (json[i] == '\\') {
                i += 2;
            } else if (json[i] == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return json.length;
    }

    private static int numberEnd(byte[] json, int start) {
        int i = start;
        while (i < json.length
                && (json[i] >= '0' && json[i] <= '9'
                        || json[i] == '-'
                        || json[i] == '+'
                        || json[i] == '.'
                        || json[i] == 'e'
                        || json[i] == 'E')) {
            i++;
        }
        return i;
    }

    private static boolean isKey(byte[] json, int start, int end, byte[] key) {
        return Arrays.equals(json, start, end, key, 0, key.length);
    }
}
