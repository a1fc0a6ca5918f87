package dev.hubjobs.rules;

import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
import dev.hubjobs.twin.TwinFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a job's {@code updateTwin} patch the twin rules (HJ3xx) look at, walked once per
 * job ({@link JobContext#twinPatch}) and shared by every rule that reads it.
 */
final class TwinPatch {

    /**
     * {@code tags} or {@code properties.desired}: the sections a job may change. {@link #summary} (its own walk,
     * {@link TwinPatchSummary})
     * says at once what the whole section holds, so that a rule can see that none of its nodes
     * can be wrong without looking at them; {@link #nodes} lists every key/value and array element
     * below the section in document order ({@code $metadata} and {@code $version} at the top of
     * desired properties left out), made on first use: a clean patch never needs them.
     */
    static final class Section {
        private final String path;
        private final Member member;
        private final JsonObject content;
        private final TwinPatchSummary summary;
        private List<Node> nodes;

        private Section(String path, Member member, JsonObject content) {
            this.path = path;
            this.member = member;
            this.content = content;
            this.summary = TwinPatchSummary.of(keptByService(path), content);
        }

        String path() {
            return path;
        }

        Member member() {
            return member;
        }

        JsonObject content() {
            return content;
        }

        TwinPatchSummary summary() {
            return summary;
        }

        List<Node> nodes() {
            if (nodes == null) {
                List<Node> list = new ArrayList<>();
                walkObject(keptByService(path), content, 0, list);
                nodes = Collections.unmodifiableList(list);
            }
            return nodes;
        }
    }

    /**
     * A key and its value, or an array element ({@code key} null), inside a section. {@code depth}
     * is the nesting of the object that holds it: 0 for the section itself; arrays do not count.
     * {@code keyText} and {@code valueText} are what one scan of the key and of a string value
     * found (null when there is no key or the value is not a string).
     */
    record Node(JsonString key, JsonValue value, int depth, Text keyText, Text valueText) {
        long bytes() {
            return TwinPatch.bytes(keyText, value, valueText);
        }
    }

    /**
     * What the twin rules need to know of a key or string, found in one scan that HJ301, HJ304
     * and HJ306 share: its UTF-8 length, whether every character is in the HTTP token set, and
     * whether it holds a character that twin keys may not.
     */
    record Text(int utf8Bytes, boolean allToken, boolean forbiddenInKey) {

        /** The usual twin name or value: token characters other than '.' and '#', so one byte each. */
        private static final Text[] PLAIN = new Text[64];

        static {
            for (int n = 0; n < PLAIN.length; n++) {
                PLAIN[n] = new Text(n, true, false);
            }
        }

        /** Most strings are {@link JsonString#simple}: letters, digits, '-' and '_' are tokens a key may hold. */
        static Text of(JsonString string) {
            if (!string.simple()) {
                return scan(string);
            }
            int n = string.length();
            return n < PLAIN.length ? PLAIN[n] : new Text(n, true, false);
        }

        /** Every character looked at, through {@link JsonString#charAt}: most strings need not be made. */
        static Text scan(JsonString s) {
            int n = s.length();
            int bytes = n;
            boolean allToken = true;
            boolean forbidden = false;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (!CharacterSet.isToken(c)) {
                    allToken = false;
                    forbidden |= CharacterSet.isForbiddenInTwinKey(c);
                    if (c >= 0x80) {
                        if (c < 0x800) {
                            bytes += 1;
                        } else if (Character.isHighSurrogate(c)
                                && i + 1 < n
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            bytes += 2; // two chars, four bytes
                            i++;
                        } else if (!Character.isSurrogate(c)) {
                            bytes += 2; // a lone surrogate is encoded as one '?'
                        }
                    }
                } else if (c == '.' || c == '#') {
                    forbidden = true; // token characters, but not ones a twin key may hold
                }
            }
            return new Text(bytes, allToken, forbidden);
        }
    }

    /** Bytes the service counts for a node: its key's UTF-8, and for a scalar, a string's UTF-8, 8 for a number, 4 for a boolean. */
    static long bytes(Text key, JsonValue value, Text valueText) {
        long bytes = key != null ? key.utf8Bytes() : 0;
        if (valueText != null) {
            return bytes + valueText.utf8Bytes();
        } else if (value instanceof JsonValue.JsonNumber) {
            return bytes + NUMBER_BYTES;
        } else if (value instanceof JsonValue.JsonBoolean) {
            return bytes + BOOLEAN_BYTES;
        }
        return bytes;
    }

    static final int NUMBER_BYTES = 8;
    static final int BOOLEAN_BYTES = 4;

    private static final TwinPatch NONE = new TwinPatch(null, List.of());

    private final JsonObject patch;
    private final List<Section> sections;

    private TwinPatch(JsonObject patch, List<Section> sections) {
        this.patch = patch;
        this.sections = sections;
    }

    /** The patch of a twin job (or of a job whose type is unknown); a method job's is HJ205's. */
    static TwinPatch of(JsonObject job, Optional<JobType> intendedType) {
        if (intendedType.orElse(JobType.SCHEDULE_UPDATE_TWIN) != JobType.SCHEDULE_UPDATE_TWIN
                || !(job.getOrNull(JobFields.UPDATE_TWIN) instanceof JsonObject patch)) {
            return NONE;
        }
        List<Section> sections = new ArrayList<>(2);
        patch.member(JobFields.TAGS).ifPresent(m -> {
            if (m.value() instanceof JsonObject o) {
                sections.add(new Section("tags", m, o));
            }
        });
        if (patch.getOrNull(JobFields.PROPERTIES) instanceof JsonObject properties) {
            properties.member(JobFields.DESIRED).ifPresent(m -> {
                if (m.value() instanceof JsonObject o) {
                    sections.add(new Section("properties.desired", m, o));
                }
            });
        }
        return new TwinPatch(patch, List.copyOf(sections));
    }

    Optional<JsonObject> patch() {
        return Optional.ofNullable(patch);
    }

    List<Section> sections() {
        return sections;
    }

    /** {@code $metadata} and {@code $version} at the top of desired properties: kept by the service, HJ308's. */
    static boolean isMetadata(Section section, Member m) {
        return keptByService(section.path()).contains(m.key().value());
    }

    /** The top-level keys of a section that the service keeps for itself. */
    private static List<String> keptByService(String sectionPath) {
        return sectionPath.equals("properties.desired") ? TwinFields.SECTION_METADATA : List.of();
    }

    private static void walkObject(List<String> skippedAtTop, JsonObject o, int depth, List<Node> nodes) {
        List<Member> members = o.members();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (depth == 0 && skippedAtTop.contains(m.key().value())) {
                continue;
            }
            visit(m.key(), m.value(), depth, nodes);
        }
    }

    private static void visit(JsonString key, JsonValue value, int depth, List<Node> nodes) {
        nodes.add(new Node(key, value, depth, key == null ? null : Text.of(key), text(value)));
        if (value instanceof JsonObject child) {
            walkObject(List.of(), child, depth + 1, nodes);
        } else if (value instanceof JsonArray a) {
            List<JsonValue> elements = a.elements();
            for (int i = 0; i < elements.size(); i++) {
                visit(null, elements.get(i), depth, nodes);
            }
        }
    }

    private static Text text(JsonValue v) {
        return v instanceof JsonString s ? Text.of(s) : null;
    }
}
