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

    private int tokenStart() {
        return (int) parser.currentTokenLocation().getCharOffset();
    }

    private JsonValue value(JsonToken token) throws IOException, NotStrict {
        int start = tokenStart();
        switch (token) {
            case START_OBJECT -> {
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
                    JsonString key = string(tokenStart(), name);
                    members.add(new Member(key, value(parser.nextToken())));
                }
                return new JsonObject(members, Span.of(start, tokenStart() + 1));
            }
            case START_ARRAY -> {
                List<JsonValue> elements = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(value(t));
                }
                return new JsonArray(elements, Span.of(start, tokenStart() + 1));
            }
            case VALUE_STRING -> {
                return string(start, parser.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                int end = start;
                while (end < text.length() && "+-0123456789.eE".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                return new JsonNumber(text.substring(start, end), Span.of(start, end));
            }
            case VALUE_TRUE -> {
                return new JsonBoolean(true, Span.of(start, start + 4));
            }
            case VALUE_FALSE -> {
                return new JsonBoolean(false, Span.of(start, start + 5));
            }
            case VALUE_NULL -> {
                return new JsonNull(Span.of(start, start + 4));
            }
            default -> throw new NotStrict();
        }
    }

    /**
     * A double-quoted string whose opening quote is at {@code start} and whose decoded value
     * Jackson gave; the raw text is scanned once for its end and, if it has escapes, for the map
     * from decoded offsets to raw ones.
     */
    private JsonString string(int start, String value) throws NotStrict {
        if (start >= text.length() || text.charAt(start) != '"') {
            throw new NotStrict();
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
        return new JsonString(value, Style.DOUBLE_QUOTED, Span.of(start, i + 1), rawOffsets);
    }
}
