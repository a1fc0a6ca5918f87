package dev.hubjobs.lsp.services;

import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
import dev.hubjobs.text.LineMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job document as the language features see it: the text, its JSON tree with spans, and the
 * answer to "what is at this offset?". A file holds one job object or an array of them.
 */
public final class JobDocument {

    private final String uri;
    private final JsonDocument json;

    private JobDocument(String uri, JsonDocument json) {
        this.uri = uri;
        this.json = json;
    }

    public static JobDocument parse(String uri, String text) {
        return new JobDocument(uri, JsonDocumentParser.parse(text));
    }

    public String uri() {
        return uri;
    }

    public String text() {
        return json.text();
    }

    public LineMap lines() {
        return json.lines();
    }

    public JsonDocument json() {
        return json;
    }

    /** The job objects: the root object, or the objects of a root array. */
    public List<JsonObject> jobs() {
        JsonValue root = json.root().orElse(null);
        if (root instanceof JsonObject o) {
            return List.of(o);
        }
        List<JsonObject> jobs = new ArrayList<>();
        if (root instanceof JsonArray a) {
            for (JsonValue v : a.elements()) {
                if (v instanceof JsonObject o) {
                    jobs.add(o);
                }
            }
        }
        return jobs;
    }

    public static Optional<JsonString> queryCondition(JsonObject job) {
        return job.get("queryCondition").orElse(null) instanceof JsonString s ? Optional.of(s) : Optional.empty();
    }

    /** What the cursor is on. */
    public enum Kind {
        /** On a key, or where a key could be typed inside an object. */
        KEY,
        /** On a member's value. */
        VALUE,
        /** Anywhere else (outside any job, inside an array, in whitespace of the root). */
        NONE
    }

    /**
     * The cursor's place in the tree.
     *
     * @param job the job object the cursor is in, if any
     * @param path keys from the job object down to {@code object} (empty for the job itself)
     * @param object the innermost object holding the cursor
     * @param member the member whose key or value the cursor is on; null between members
     */
    public record Location(Kind kind, JsonObject job, List<String> path, JsonObject object, Member member) {

        public boolean inJob(String... keys) {
            return job != null && path.equals(List.of(keys));
        }
    }

    /** What is at {@code offset}: positions between two characters, as a cursor is. */
    public Location locate(int offset) {
        JsonValue root = json.root().orElse(null);
        if (root == null) {
            return new Location(Kind.NONE, null, List.of(), null, null);
        }
        JsonObject job = null;
        List<String> path = new ArrayList<>();
        JsonValue current = root;
        JsonObject object = null;
        while (true) {
            if (current instanceof JsonObject o) {
                if (!inside(o, offset)) {
                    return new Location(Kind.NONE, job, List.copyOf(path), object, null);
                }
                if (job == null
                        && (o == root
                                || root instanceof JsonArray a && a.elements().contains(o))) {
                    job = o;
                    path.clear();
                }
                object = o;
                Member hit = null;
                boolean onKey = false;
                for (Member m : o.members()) {
                    if (touches(m.key(), offset)) {
                        hit = m;
                        onKey = true;
                        break;
                    }
                    if (touches(m.value(), offset)) {
                        hit = m;
                        break;
                    }
                }
                if (hit == null) {
                    return new Location(Kind.KEY, job, List.copyOf(path), o, null);
                }
                if (onKey) {
                    return new Location(Kind.KEY, job, List.copyOf(path), o, hit);
                }
                if (hit.value() instanceof JsonObject || hit.value() instanceof JsonArray) {
                    path.add(hit.key().value());
                    current = hit.value();
                    continue;
                }
                return new Location(Kind.VALUE, job, List.copyOf(path), o, hit);
            } else if (current instanceof JsonArray a) {
                if (!inside(a, offset)) {
                    return new Location(Kind.NONE, job, List.copyOf(path), object, null);
                }
                JsonValue next = null;
                for (JsonValue v : a.elements()) {
                    if ((v instanceof JsonObject || v instanceof JsonArray) && inside(v, offset)) {
                        next = v;
                        break;
                    }
                }
                if (next == null) {
                    return new Location(Kind.NONE, job, List.copyOf(path), object, null);
                }
                if (a != root) {
                    path.add("[]");
                }
                current = next;
            } else {
                return new Location(Kind.NONE, job, List.copyOf(path), object, null);
            }
        }
    }

    /** Strictly between the brackets (or quotes) of a value. */
    private static boolean inside(JsonValue v, int offset) {
        return offset > v.span().start() && offset < v.span().end();
    }

    /** On the value or directly after it: a cursor at the end of a word is on that word. */
    private static boolean touches(JsonValue v, int offset) {
        if (v instanceof JsonString s && s.style() != JsonValue.Style.BARE) {
            // The end of a quoted string is after its closing quote; a cursor there is outside it,
            // unless the string never closed (then the span ends where the text does).
            return offset > v.span().start() && (offset < v.span().end() || !closed(s));
        }
        return offset >= v.span().start()
                && offset <= v.span().end()
                && !v.span().isEmpty();
    }

    private static boolean closed(JsonString s) {
        return s.span().length() >= 2 && s.contentSpan().end() < s.span().end();
    }

    /**
     * The offset inside a string's decoded value that a document offset corresponds to: the last
     * value position at or before it (inside an escape sequence, the start of that escape).
     */
    public static int valueOffset(JsonString s, int documentOffset) {
        int lo = 0;
        int hi = s.value().length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (s.documentOffset(mid) <= documentOffset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
