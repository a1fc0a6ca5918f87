package dev.hubjobs.rules;

import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
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
     * {@code tags} or {@code properties.desired}: the sections a job may change, with every
     * key/value and array element below them in document order ({@code $metadata} and
     * {@code $version} at the top of desired properties left out).
     */
    record Section(String path, Member member, JsonObject content, List<Node> nodes) {}

    /**
     * A key and its value, or an array element ({@code key} null), inside a section. {@code depth}
     * is the nesting of the object that holds it: 0 for the section itself; arrays do not count.
     * {@code keyText} and {@code valueText} are what one scan of the key and of a string value
     * found (null when there is no key or the value is not a string).
     */
    record Node(JsonString key, JsonValue value, int depth, Text keyText, Text valueText) {}

    /**
     * What the twin rules need to know of a key or string, found in one scan that HJ301, HJ304
     * and HJ306 share: its UTF-8 length, whether every character is in the HTTP token set, and
     * whether it holds a character that twin keys may not.
     */
    record Text(int utf8Bytes, boolean allToken, boolean forbiddenInKey) {

        /** The usual twin name or value: token characters other than '.', so one byte each. */
        private static final Text[] PLAIN = new Text[64];

        static {
            for (int n = 0; n < PLAIN.length; n++) {
                PLAIN[n] = new Text(n, true, false);
            }
        }

        /** Most strings are {@link JsonString#simple}: letters, digits, '-' and '_' are tokens a key may hold. */
        static Text of(JsonString string) {
            if (!string.simple()) {
                return of(string.value());
            }
            int n = string.value().length();
            return n < PLAIN.length ? PLAIN[n] : new Text(n, true, false);
        }

        static Text of(String s) {
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
                        } else if (Character.isHighSurrogate(c) && i + 1 < n
                                && Character.isLowSurrogate(s.charAt(i + 1))) {
                            bytes += 2; // two chars, four bytes
                            i++;
                        } else if (!Character.isSurrogate(c)) {
                            bytes += 2; // a lone surrogate is encoded as one '?'
                        }
                    }
                } else if (c == '.') {
                    forbidden = true; // a token character, but not one a twin key may hold
                }
            }
            return new Text(bytes, allToken, forbidden);
        }
    }

    /** Bytes the service counts for a scalar: a string its UTF-8, a number 8, a boolean 4. */
    static long scalarSize(Node node) {
        if (node.valueText() != null) {
            return node.valueText().utf8Bytes();
        } else if (node.value() instanceof JsonValue.JsonNumber) {
            return 8;
        } else if (node.value() instanceof JsonValue.JsonBoolean) {
            return 4;
        }
        return 0;
    }

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
                || !(job.get(JobFields.UPDATE_TWIN).orElse(null) instanceof JsonObject patch)) {
            return NONE;
        }
        List<Section> sections = new ArrayList<>(2);
        patch.member(JobFields.TAGS).ifPresent(m -> {
            if (m.value() instanceof JsonObject o) {
                sections.add(section("tags", m, o));
            }
        });
        if (patch.get(JobFields.PROPERTIES).orElse(null) instanceof JsonObject properties) {
            properties.member(JobFields.DESIRED).ifPresent(m -> {
                if (m.value() instanceof JsonObject o) {
                    sections.add(section("properties.desired", m, o));
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

    private static Section section(String path, Member member, JsonObject content) {
        List<Node> nodes = new ArrayList<>(128); // sized for a typical patch: growing it costs more than the walk
        walkObject(keptByService(path), content, 0, nodes);
        return new Section(path, member, content, Collections.unmodifiableList(nodes));
    }

    /** {@code $metadata} and {@code $version} at the top of desired properties: kept by the service, HJ308's. */
    static boolean isMetadata(Section section, Member m) {
        return keptByService(section.path()).contains(m.key().value());
    }

    /** The top-level keys of a section that the service keeps for itself. */
    private static List<String> keptByService(String sectionPath) {
        return sectionPath.equals("properties.desired") ? JobFields.SECTION_METADATA : List.of();
    }

    private static void walkObject(List<String> skippedAtTop, JsonObject o, int depth, List<Node> out) {
        List<Member> members = o.members();
        for (int i = 0; i < members.size(); i++) { // indexed: this walk is the twin rules' hot loop
            Member m = members.get(i);
            if (depth == 0 && skippedAtTop.contains(m.key().value())) {
                continue;
            }
            out.add(new Node(m.key(), m.value(), depth, Text.of(m.key()), text(m.value())));
            walkValue(m.value(), depth, out);
        }
    }

    private static void walkValue(JsonValue v, int depth, List<Node> out) {
        if (v instanceof JsonObject child) {
            walkObject(List.of(), child, depth + 1, out);
        } else if (v instanceof JsonArray a) {
            List<JsonValue> elements = a.elements();
            for (int i = 0; i < elements.size(); i++) {
                JsonValue e = elements.get(i);
                out.add(new Node(null, e, depth, null, text(e)));
                walkValue(e, depth, out);
            }
        }
    }

    private static Text text(JsonValue v) {
        return v instanceof JsonString s ? Text.of(s) : null;
    }
}
