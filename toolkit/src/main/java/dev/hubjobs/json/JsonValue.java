package dev.hubjobs.json;

import dev.hubjobs.text.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON value of a job document with the span it was written at. Keys and values keep their
 * spans so that every rule can point at exactly the text it is about.
 */
public sealed interface JsonValue {

    /** Where the value starts in the document (a UTF-16 offset). */
    int start();

    /** Where it ends, exclusive. */
    int end();

    /**
     * Made when asked for: a document holds many values and few of their spans are asked for, so
     * values keep two offsets instead of an object each (the reader's allocation is its cost).
     */
    default Span span() {
        return Span.of(start(), end());
    }

    /** A short name of the JSON type for messages: "string", "number", "object"... */
    String typeName();

    record JsonObject(List<Member> members, int start, int end) implements JsonValue {
        public JsonObject {
            members = List.copyOf(members);
        }

        public JsonObject(List<Member> members, Span span) {
            this(members, span.start(), span.end());
        }

        /** The member the service would use: the last one with this key, as JSON parsers keep. */
        public Optional<Member> member(String key) {
            int i = lastIndexOf(key);
            return i < 0 ? Optional.empty() : Optional.of(members.get(i));
        }

        public Optional<JsonValue> get(String key) {
            return Optional.ofNullable(getOrNull(key));
        }

        /**
         * The value the service would use for {@code key}, or null: for the rules' many
         * {@code getOrNull(key) instanceof JsonString s} tests, which need no {@code Optional}.
         */
        public JsonValue getOrNull(String key) {
            int i = lastIndexOf(key);
            return i < 0 ? null : members.get(i).value();
        }

        public boolean has(String key) {
            return lastIndexOf(key) >= 0;
        }

        private int lastIndexOf(String key) {
            for (int i = members.size() - 1; i >= 0; i--) {
                if (members.get(i).key().valueEquals(key)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public String typeName() {
            return "object";
        }
    }

    record Member(JsonString key, JsonValue value) {
        public Span span() {
            return key.span().union(value.span());
        }
    }

    record JsonArray(List<JsonValue> elements, int start, int end) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }

        public JsonArray(List<JsonValue> elements, Span span) {
            this(elements, span.start(), span.end());
        }

        @Override
        public String typeName() {
            return "array";
        }
    }

    /** How a string (or key) was written; only {@link #DOUBLE_QUOTED} is JSON. */
    enum Style {
        DOUBLE_QUOTED,
        SINGLE_QUOTED,
        /** An unquoted word, as JavaScript allows for keys. */
        BARE
    }

    /**
     * A string with its decoded {@code value}. {@link #documentOffset} maps an offset inside the
     * value back to the document through escape sequences, so that an error found in a query
     * held by the string is reported where the user sees it.
     *
     * <p>A class rather than a record for one reason: a plain double-quoted string read from a
     * document makes its value from the document's text when first asked. A valid job is asked
     * for few of its strings (the twin rules need only lengths and {@link #simple}), and a String
     * per key and value was a third of what reading a document made.
     */
    final class JsonString implements JsonValue {

        /** The document the value is read from, quoted at start and end; null when the value was given. */
        private final String source;
        /** Made on first use when read from a document; racy but safe, as String.hash: threads make equal ones. */
        private String value;

        private final Style style;
        private final int start;
        private final int end;
        private final int[] rawOffsets;
        private final boolean simple;

        /**
         * @param rawOffsets for each decoded UTF-16 unit, its offset from the span start; plus one
         *     final entry for the end of the content. Null when the string holds no escape.
         * @param simple whether the value holds only ASCII letters, digits, {@code -} and {@code _}, as
         *     most keys and values do: character-set rules need not look further. The parsers compute
         *     it as they read, which is why only they may pass it.
         */
        JsonString(String value, Style style, int start, int end, int[] rawOffsets, boolean simple) {
            this(null, value, style, start, end, rawOffsets, simple);
        }

        public JsonString(String value, Style style, Span span, int[] rawOffsets) {
            this(value, style, span.start(), span.end(), rawOffsets, isSimple(value));
        }

        private JsonString(
                String source, String value, Style style, int start, int end, int[] rawOffsets, boolean simple) {
            this.source = source;
            this.value = value;
            this.style = Objects.requireNonNull(style);
            this.start = start;
            this.end = end;
            this.rawOffsets = rawOffsets;
            this.simple = simple;
        }

        /** The double-quoted string at {@code source[start, end)}, which holds no escape. */
        static JsonString plain(String source, int start, int end, boolean simple) {
            return new JsonString(source, null, Style.DOUBLE_QUOTED, start, end, null, simple);
        }

        public String value() {
            String v = value;
            if (v == null) {
                v = source.substring(start + 1, end - 1);
                value = v;
            }
            return v;
        }

        /** The value's length in UTF-16 units, without making the value. */
        public int length() {
            return source != null ? end - start - 2 : value.length();
        }

        /** The value's {@code i}-th UTF-16 unit, without making the value. */
        public char charAt(int i) {
            return source != null ? source.charAt(start + 1 + i) : value.charAt(i);
        }

        /** {@code value().equals(s)}, compared in the document when the value is read from there. */
        public boolean valueEquals(String s) {
            return source != null ? length() == s.length() && source.startsWith(s, start + 1) : value.equals(s);
        }

        /** Whether the two values are equal, compared in the document when both are read from the same one. */
        public boolean sameValue(JsonString other) {
            if (source != null && source == other.source) {
                int n = length();
                return n == other.length() && source.regionMatches(start + 1, source, other.start + 1, n);
            }
            return value().equals(other.value());
        }

        public Style style() {
            return style;
        }

        @Override
        public int start() {
            return start;
        }

        @Override
        public int end() {
            return end;
        }

        public int[] rawOffsets() {
            return rawOffsets;
        }

        public boolean simple() {
            return simple;
        }

        private static final boolean[] SIMPLE = new boolean[128];

        static {
            for (char c = 0; c < SIMPLE.length; c++) {
                SIMPLE[c] = (c >= 'a' && c <= 'z')
                        || (c >= 'A' && c <= 'Z')
                        || (c >= '0' && c <= '9')
                        || c == '-'
                        || c == '_';
            }
        }

        /** Whether {@code c} may stand in a {@link #simple} string. */
        static boolean isSimple(char c) {
            return c < SIMPLE.length && SIMPLE[c];
        }

        private static boolean isSimple(String value) {
            for (int i = 0; i < value.length(); i++) {
                if (!isSimple(value.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        /** Offset in the document of UTF-16 offset {@code i} (0..length) of the decoded value. */
        public int documentOffset(int i) {
            int clamped = Math.max(0, Math.min(i, length()));
            if (rawOffsets == null) {
                return start + contentStart() + clamped;
            }
            return start + rawOffsets[clamped];
        }

        public Span documentSpan(Span inValue) {
            return Span.of(documentOffset(inValue.start()), documentOffset(inValue.end()));
        }

        /** Where the content starts relative to the span (after the opening quote, if any). */
        private int contentStart() {
            return style == Style.BARE ? 0 : 1;
        }

        /** The span of the characters between the quotes. */
        public Span contentSpan() {
            return Span.of(documentOffset(0), documentOffset(length()));
        }

        /** Encodes {@code text} for insertion inside this string (escapes as this string's quotes need). */
        public String encode(String text) {
            return JsonText.escape(text, style == Style.SINGLE_QUOTED ? '\'' : '"');
        }

        @Override
        public String typeName() {
            return "string";
        }

        // Spans and values are what identify a string, as a record would say without rawOffsets.
        @Override
        public boolean equals(Object o) {
            return o instanceof JsonString s
                    && s.value().equals(value())
                    && s.style == style
                    && s.start == start
                    && s.end == end;
        }

        @Override
        public int hashCode() {
            return (value().hashCode() * 31 + start) * 31 + end;
        }

        @Override
        public String toString() {
            return "JsonString[" + value() + " " + span() + "]";
        }
    }

    /** A number as written; JSON numbers have no size limit, so the text is the truth. */
    final class JsonNumber implements JsonValue {

        /** The document the number is read from, at start and end; null when the text was given. */
        private final String source;
        /** Made from the source on first use, as {@link JsonString#value} is. */
        private String text;

        private final int start;
        private final int end;

        JsonNumber(String text, int start, int end) {
            this(null, Objects.requireNonNull(text), start, end);
        }

        public JsonNumber(String text, Span span) {
            this(text, span.start(), span.end());
        }

        private JsonNumber(String source, String text, int start, int end) {
            this.source = source;
            this.text = text;
            this.start = start;
            this.end = end;
        }

        /** The number written at {@code source[start, end)}. */
        static JsonNumber at(String source, int start, int end) {
            return new JsonNumber(source, null, start, end);
        }

        public String text() {
            String t = text;
            if (t == null) {
                t = source.substring(start, end);
                text = t;
            }
            return t;
        }

        /** How many characters the number is written with, without making its text. */
        public int length() {
            return end - start;
        }

        @Override
        public int start() {
            return start;
        }

        @Override
        public int end() {
            return end;
        }

        public java.math.BigDecimal decimal() {
            return new java.math.BigDecimal(text());
        }

        public boolean isIntegral() {
            String t = text();
            return t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JsonNumber n && n.text().equals(text()) && n.start == start && n.end == end;
        }

        @Override
        public int hashCode() {
            return (text().hashCode() * 31 + start) * 31 + end;
        }

        @Override
        public String toString() {
            return "JsonNumber[text=" + text() + ", start=" + start + ", end=" + end + "]";
        }

        @Override
        public String typeName() {
            return "number";
        }
    }

    record JsonBoolean(boolean value, int start, int end) implements JsonValue {
        public JsonBoolean(boolean value, Span span) {
            this(value, span.start(), span.end());
        }

        @Override
        public String typeName() {
            return "boolean";
        }
    }

    record JsonNull(int start, int end) implements JsonValue {
        public JsonNull(Span span) {
            this(span.start(), span.end());
        }

        @Override
        public String typeName() {
            return "null";
        }
    }

    /** Text that is no JSON value at all, e.g. a {@code <placeholder>} copied from the documentation. */
    record JsonInvalid(String text, int start, int end) implements JsonValue {
        public JsonInvalid(String text, Span span) {
            this(text, span.start(), span.end());
        }

        @Override
        public String typeName() {
            return "invalid value";
        }
    }
}
