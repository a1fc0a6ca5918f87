package dev.hubjobs.rules;

import dev.hubjobs.job.JobFields;
import dev.hubjobs.job.JobType;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The parts of a job's {@code updateTwin} patch the twin rules (HJ3xx) look at. */
final class TwinPatch {

    /** {@code tags} or {@code properties.desired}: the sections a job may change. */
    record Section(String path, Member member, JsonObject content) {}

    /**
     * A key and its value, or an array element ({@code key} null), inside a section. {@code depth}
     * is the nesting of the object that holds it: 0 for the section itself; arrays do not count.
     */
    record Node(JsonString key, JsonValue value, int depth) {}

    private TwinPatch() {}

    /** The patch of a twin job (or of a job whose type is unknown); a method job's is HJ205's. */
    static Optional<JsonObject> of(JobContext job) {
        if (JobFields.intendedType(job.object()).orElse(JobType.SCHEDULE_UPDATE_TWIN) != JobType.SCHEDULE_UPDATE_TWIN) {
            return Optional.empty();
        }
        return job.field(JobFields.UPDATE_TWIN).orElse(null) instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    }

    static List<Section> sections(JsonObject patch) {
        List<Section> sections = new ArrayList<>();
        patch.member(JobFields.TAGS).ifPresent(m -> {
            if (m.value() instanceof JsonObject o) {
                sections.add(new Section("tags", m, o));
            }
        });
        if (patch.get(JobFields.PROPERTIES).orElse(null) instanceof JsonObject properties) {
            properties.member(JobFields.DESIRED).ifPresent(m -> {
                if (m.value() instanceof JsonObject o) {
                    sections.add(new Section("properties.desired", m, o));
                }
            });
        }
        return sections;
    }

    static List<Section> sections(JobContext job) {
        return of(job).map(TwinPatch::sections).orElse(List.of());
    }

    /** {@code $metadata} and {@code $version} at the top of desired properties: kept by the service, HJ308's. */
    static boolean isMetadata(Section section, int depth, JsonString key) {
        return depth == 0 && section.path().equals("properties.desired")
                && JobFields.SECTION_METADATA.contains(key.value());
    }

    /** The members of the section (metadata left out) in document order. */
    static List<Member> properties(Section section) {
        return section.content().members().stream().filter(m -> !isMetadata(section, 0, m.key())).toList();
    }

    /** Visits every key/value and array element below the section, in document order. */
    static void walk(Section section, Consumer<Node> visitor) {
        walkObject(section, section.content(), 0, visitor, Integer.MAX_VALUE);
    }

    /** As {@link #walk}, but does not descend into objects deeper than {@code maxDepth}. */
    static void walk(Section section, int maxDepth, Consumer<Node> visitor) {
        walkObject(section, section.content(), 0, visitor, maxDepth);
    }

    private static void walkObject(Section section, JsonObject o, int depth, Consumer<Node> visitor, int maxDepth) {
        for (Member m : o.members()) {
            if (isMetadata(section, depth, m.key())) {
                continue;
            }
            visitor.accept(new Node(m.key(), m.value(), depth));
            walkValue(section, m.value(), depth, visitor, maxDepth);
        }
    }

    private static void walkValue(Section section, JsonValue v, int depth, Consumer<Node> visitor, int maxDepth) {
        if (v instanceof JsonObject child && depth + 1 <= maxDepth) {
            walkObject(section, child, depth + 1, visitor, maxDepth);
        } else if (v instanceof JsonArray a) {
            for (JsonValue e : a.elements()) {
                visitor.accept(new Node(null, e, depth));
                walkValue(section, e, depth, visitor, maxDepth);
            }
        }
    }

    static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * Size as the service counts it: key bytes plus value, a string its UTF-8 bytes, a number 8,
     * a boolean 4, objects and arrays the sum of their parts.
     */
    static long size(JsonValue v) {
        if (v instanceof JsonString s) {
            return utf8(s.value());
        } else if (v instanceof JsonValue.JsonNumber) {
            return 8;
        } else if (v instanceof JsonValue.JsonBoolean) {
            return 4;
        } else if (v instanceof JsonObject o) {
            long sum = 0;
            for (Member m : o.members()) {
                sum += utf8(m.key().value()) + size(m.value());
            }
            return sum;
        } else if (v instanceof JsonArray a) {
            long sum = 0;
            for (JsonValue e : a.elements()) {
                sum += size(e);
            }
            return sum;
        }
        return 0;
    }
}
