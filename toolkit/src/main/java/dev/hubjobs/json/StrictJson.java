package dev.hubjobs.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.hubjobs.json.JsonValue.*;
import dev.hubjobs.text.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fast path of {@link JsonDocumentParser}: a document that is strict JSON (comments allowed)
 * with no duplicate key is read with Jackson's streaming parser into the same tree, spans and
 * escape maps that the grammar-based path builds. Anything else — a syntax error, a JSON5-ism, a
 * duplicate key, nesting past the limit — returns empty, and the tolerant grammar reads the
 * document and reports every problem at its position.
 *
 * <p>Like the query parser's SLL pass, this never decides that a document is wrong; it only
 * decides quickly that it is right.
 */
final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(JsonDocumentParser.MAX_DEPTH)
                    .maxStringLength(JsonDocumentParser.MAX_SIZE)
                    .build())
            .build();

    /** Thrown inside to leave the fast path; never escapes this class. */
    private static final class NotStrict extends Exception {
        NotStrict() {
            super(null, null, false, false);
        }
    }

    private static final int SCAN_LIMIT = 8;

    private final String text;
    private final JsonParser parser;
    /** The end of the last token read. */
    private int end;

    private StrictJson(String text, JsonParser parser) {
        this.text = text;
        this.parser = parser;
    }

    static Optional<JsonValue> tryParse(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            StrictJson reader = new StrictJson(text, p);
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            JsonValue root = reader.value(first);
            return p.nextToken() == null ? Optional.of(root) : Optional.empty();
        } catch (IOException | NotStrict | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isKey(List<Member> members, String name) {
        for (Member m : members) {
            if (m.key().value().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the current token starts: the first character after {@link #end} that is not white
     * space, a comment, ',' or ':'. Jackson has checked the structure; positions are found here
     * because its token locations are objects made per call. A token that does not start with
     * the character it must leaves the fast path, so a miscount can never become a wrong span.
     */
    private int tokenStart(char expected) throws NotStrict {
        int i = end;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == ',' || c == ':') {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new NotStrict();
                }
                i = close + 2;
            } else {
                break;
            }
        }
        if (i >= n || (expected != 0 && text.charAt(i) != expected)) {
            throw new NotStrict();
        }
        return i;
    }

    private JsonValue value(JsonToken token) throws IOException, NotStrict {
        switch (token) {
            case START_OBJECT -> {
                int start = tokenStart('{');
                end = start + 1;
                List<Member> members = new ArrayList<>();
                Set<String> keys = null; // only for large objects: a scan of a few keys beats hashing
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (members.size() == SCAN_LIMIT) {
                        keys = new HashSet<>();
                        for (Member m : members) {
                            keys.add(m.key().value());
                        }
                    }
                    if (keys != null ? !keys.add(name) : isKey(members, name)) {
                        throw new NotStrict(); // the grammar path reports HJ004
                    }
                    JsonString key = string(name);
                    members.add(new Member(key, value(parser.nextToken())));
                }
                end = tokenStart('}') + 1;
                return new JsonObject(members, Span.of(start, end));
            }
            case START_ARRAY -> {
                int start = tokenStart('[');
                end = start + 1;
                List<JsonValue> elements = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(value(t));
                }
                end = tokenStart(']') + 1;
                return new JsonArray(elements, Span.of(start, end));
            }
            case VALUE_STRING -> {
                return string(parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                int start = tokenStart((char) 0);
                int i = start;
                while (i < text.length() && "+-0123456789.eE".indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
                end = i;
                return new JsonNumber(text.substring(start, end), Span.of(start, end));
            }
            case VALUE_TRUE -> {
                return new JsonBoolean(true, literal("true"));
            }
            case VALUE_FALSE -> {
                return new JsonBoolean(false, literal("false"));
            }
            case VALUE_NULL -> {
                return new JsonNull(literal("null"));
            }
            default -> throw new NotStrict();
        }
    }

    private Span literal(String word) throws NotStrict {
        int start = tokenStart(word.charAt(0));
        end = start + word.length();
        return Span.of(start, end);
    }

    /**
     * The double-quoted string (a value or a key) that starts at the current token, whose decoded
     * value Jackson gave; the raw text is scanned once for its end and, if it has escapes, for the map
     * from decoded offsets to raw ones.
     */
    private JsonString string(String value) throws NotStrict {
        int start = tokenStart('"');
        int close = start + 1 + value.length();
        // Most strings hold no escape: then the raw text is the value itself, followed by the quote.
        if (close < text.length() && text.charAt(close) == '"' && value.indexOf('\\') < 0 && value.indexOf('"') < 0
                && text.startsWith(value, start + 1)) {
            end = close + 1;
            return new JsonString(value, Style.DOUBLE_QUOTED, Span.of(start, end), null);
        }
        int[] rawOffsets = null;
        int decoded = 0;
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\') {
                if (rawOffsets == null) {
                    rawOffsets = new int[value.length() + 1];
                    for (int k = 0; k < decoded; k++) {
                        rawOffsets[k] = k + 1;
                    }
                }
                if (decoded >= rawOffsets.length) {
                    throw new NotStrict();
                }
                rawOffsets[decoded++] = i - start;
                i += i + 1 < text.length() && text.charAt(i + 1) == 'u' ? 6 : 2;
            } else {
                if (rawOffsets != null) {
                    if (decoded >= rawOffsets.length) {
                        throw new NotStrict();
                    }
                    rawOffsets[decoded] = i - start;
                }
                decoded++;
                i++;
            }
        }
        if (i >= text.length() || decoded != value.length()) {
            throw new NotStrict();
        }
        if (rawOffsets != null) {
            rawOffsets[decoded] = i - start;
        }
        end = i + 1;
        return new JsonString(value, Style.DOUBLE_QUOTED, Span.of(start, end), rawOffsets);
    }
}
