package dev.hubjobs.rules;

import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
import java.util.List;

/**
 * What a section of a twin patch holds, over all its nodes, in a walk of its own that visits every
 * node without keeping any: the twin rules skip a section whose summary says no node can be wrong.
 * It must say exactly what {@link TwinPatch.Section#nodes} say (TwinPatchSummaryTest checks it on
 * every job file of the tests). Over all nodes: {@code bytes} as the service counts them
 * ({@link TwinPatch#bytes}), the longest key and string in UTF-8 bytes, whether
 * every key and string is in the HTTP token set, whether a key holds a character twin keys may
 * not, the depth of the deepest object (-1 without one) and the longest number as written.
 */
record TwinPatchSummary(
        long bytes,
        int longestKey,
        int longestString,
        boolean allToken,
        boolean forbiddenInKey,
        int deepestObject,
        int longestNumber) {

    /** The summary of a section's content, {@code skippedAtTop} keys of its top level left out. */
    static TwinPatchSummary of(List<String> skippedAtTop, JsonObject content) {
        Builder summary = new Builder();
        summary.object(skippedAtTop, content, 0);
        return summary.build();
    }

    private static final class Builder {
        private long bytes;
        private int longestKey;
        private int longestString;
        private boolean allToken = true;
        private boolean forbiddenInKey;
        private int deepestObject = -1;
        private int longestNumber;

        void object(List<String> skippedAtTop, JsonObject o, int depth) {
            List<Member> members = o.members();
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                JsonString key = m.key();
                // Only asked where there is something to skip: asking makes the key's value.
                if (depth == 0 && !skippedAtTop.isEmpty() && skippedAtTop.contains(key.value())) {
                    continue;
                }
                // Most keys and strings are simple: as many bytes as characters, all tokens a
                // key may hold. They are counted without a Text, as this walk visits every node.
                if (key.simple()) {
                    bytes += key.length();
                    longestKey = Math.max(longestKey, key.length());
                } else {
                    TwinPatch.Text text = TwinPatch.Text.scan(key);
                    bytes += text.utf8Bytes();
                    longestKey = Math.max(longestKey, text.utf8Bytes());
                    allToken &= text.allToken();
                    forbiddenInKey |= text.forbiddenInKey();
                }
                value(m.value(), depth);
            }
        }

        void value(JsonValue value, int depth) {
            if (value instanceof JsonString s) {
                if (s.simple()) {
                    bytes += s.length();
                    longestString = Math.max(longestString, s.length());
                } else {
                    TwinPatch.Text text = TwinPatch.Text.scan(s);
                    bytes += text.utf8Bytes();
                    longestString = Math.max(longestString, text.utf8Bytes());
                    allToken &= text.allToken();
                }
            } else if (value instanceof JsonValue.JsonNumber number) {
                bytes += TwinPatch.NUMBER_BYTES;
                longestNumber = Math.max(longestNumber, number.length());
            } else if (value instanceof JsonValue.JsonBoolean) {
                bytes += TwinPatch.BOOLEAN_BYTES;
            } else if (value instanceof JsonObject o) {
                deepestObject = Math.max(deepestObject, depth);
                object(List.of(), o, depth + 1);
            } else if (value instanceof JsonArray a) {
                List<JsonValue> elements = a.elements();
                for (int i = 0; i < elements.size(); i++) {
                    value(elements.get(i), depth);
                }
            }
        }

        TwinPatchSummary build() {
            return new TwinPatchSummary(
                    bytes, longestKey, longestString, allToken, forbiddenInKey, deepestObject, longestNumber);
        }
    }
}
