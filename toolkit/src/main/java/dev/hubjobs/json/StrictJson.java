package dev.hubjobs.json;

import dev.hubjobs.json.JsonValue.*;
import dev.hubjobs.syntax.Escapes;
import dev.hubjobs.syntax.Lists;
import dev.hubjobs.text.Span;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The fast path of {@link JsonDocumentParser}: a document that is strict JSON (comments allowed)
 * with no duplicate key is read in one pass into the same tree, spans and escape maps that the
 * grammar-based path builds. Anything else — a syntax error, a JSON5-ism, a duplicate key, nesting
 * past the limit — returns empty, and the tolerant grammar reads the document and reports every
 * problem at its position.
 *
 * <p>Like the query parser's fast path, this never decides that a document is wrong; it only
 * decides quickly that it is right. It is written out rather than built on a streaming parser
 * because every value needs its exact span and every escaped string its offset map, which a
 * streaming parser gives only through a location object per token.
 */
final class StrictJson {

    /** Thrown inside to leave the fast path; never escapes this class. */
    private static final class NotStrict extends Exception {
        private static final long serialVersionUID = 1L;

        NotStrict() {
            super(null, null, false, false);
        }
    }

    private static final NotStrict NOT_STRICT = new NotStrict();

    /** Objects with more members than this find duplicate keys by hashing instead of a scan. */
    private static final int SCAN_LIMIT = 8;

    /**
     * What a character means inside a string, looked up once instead of tested four ways: the
     * string's scan is the reader's hottest loop. Characters past the table are {@link #PLAIN}.
     */
    private static final int SIMPLE = 0;

    private static final int PLAIN = 1;
    /** A quote, a backslash or a raw control character: the plain run ends. */
    private static final int STOP = 2;

    private static final byte[] KIND = new byte[256];

    static {
        for (char c = 0; c < KIND.length; c++) {
            KIND[c] = (byte) (c < 0x20 || c == '"' || c == '\\' ? STOP : JsonString.isSimple(c) ? SIMPLE : PLAIN);
        }
    }

    private final String text;
    private final int length;
    private int pos;
    private int depth;
    /**
     * The members and elements of the containers still open, innermost last: each container's
     * become one exact-size immutable list when it closes, without a growing list per container.
     */
    private Object[] stack = new Object[64];

    private int top;

    private StrictJson(String text) {
        this.text = text;
        this.length = text.length();
    }

    static Optional<JsonValue> tryParse(String text) {
        StrictJson reader = new StrictJson(text);
        try {
            reader.skipSpace();
            JsonValue root = reader.value();
            reader.skipSpace();
            return reader.pos == reader.length ? Optional.of(root) : Optional.empty();
        } catch (NotStrict | RuntimeException e) {
            return Optional.empty();
        }
    }

    private JsonValue value() throws NotStrict {
        if (pos >= length) {
            throw NOT_STRICT;
        }
        int start = pos;
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> new JsonBoolean(true, start, word("true"));
            case 'f' -> new JsonBoolean(false, start, word("false"));
            case 'n' -> new JsonNull(start, word("null"));
            default -> number();
        };
    }

    private JsonObject object() throws NotStrict {
        int start = pos++;
        enter();
        int mark = top;
        Set<String> keys = null;
        if (!closesAtOnce('}')) {
            do {
                if (peek() != '"') {
                    throw NOT_STRICT;
                }
                JsonString key = string();
                if (top - mark == SCAN_LIMIT) {
                    keys = new HashSet<>();
                    for (int i = mark; i < top; i++) {
                        keys.add(((Member) stack[i]).key().value());
                    }
                }
                if (keys != null ? !keys.add(key.value()) : isKey(mark, key)) {
                    throw NOT_STRICT; // the grammar path reports HJ004
                }
                skipSpace();
                expect(':');
                skipSpace();
                push(new Member(key, value()));
            } while (another('}'));
        }
        depth--;
        return new JsonObject(pop(mark), start, pos);
    }

    private JsonArray array() throws NotStrict {
        int start = pos++;
        enter();
        int mark = top;
        if (!closesAtOnce(']')) {
            do {
                push(value());
            } while (another(']'));
        }
        depth--;
        return new JsonArray(pop(mark), start, pos);
    }

    /** At the start of a container: whether {@code close} follows at once, and if so, steps past it. */
    private boolean closesAtOnce(char close) throws NotStrict {
        skipSpace();
        if (peek() == close) {
            pos++;
            return true;
        }
        return false;
    }

    /**
     * After a member or element: true when a comma leads to another, false when {@code close}
     * ends the container.
     */
    private boolean another(char close) throws NotStrict {
        skipSpace();
        if (peek() == ',') {
            pos++;
            skipSpace();
            return true;
        }
        expect(close);
        return false;
    }

    private void enter() throws NotStrict {
        if (++depth > JsonDocumentParser.MAX_DEPTH) {
            throw NOT_STRICT; // the grammar path reports HJ005 without recursing that deep
        }
    }

    /** Whether the object whose members start at {@code mark} on the stack already has {@code key}. */
    private boolean isKey(int mark, JsonString key) {
        for (int i = mark; i < top; i++) {
            if (((Member) stack[i]).key().sameValue(key)) {
                return true;
            }
        }
        return false;
    }

    private void push(Object memberOrElement) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = memberOrElement;
    }

    /** The members or elements from {@code mark} up, as the immutable list their container keeps. */
    private <T> List<T> pop(int mark) {
        List<T> list = Lists.copyOf(stack, mark, top);
        top = mark;
        return list;
    }

    /**
     * A double-quoted string at {@code pos}: its value, and when it holds an escape, the map from
     * decoded offsets to raw ones. Raw control characters are not JSON.
     */
    private JsonString string() throws NotStrict {
        int start = pos;
        int i = start + 1;
        int kinds = SIMPLE;
        while (i < length) {
            char c = text.charAt(i);
            int kind = c < KIND.length ? KIND[c] : PLAIN;
            if (kind == STOP) {
                if (c == '"') {
                    pos = i + 1;
                    return JsonString.plain(text, start, pos, kinds == SIMPLE);
                }
                if (c == '\\') {
                    return escapedString(start, i);
                }
                throw NOT_STRICT;
            }
            kinds |= kind;
            i++;
        }
        throw NOT_STRICT;
    }

    /** The rest of a string whose first backslash is at {@code firstEscape}. */
    private JsonString escapedString(int start, int firstEscape) throws NotStrict {
        StringBuilder value = new StringBuilder(firstEscape - start + 16).append(text, start + 1, firstEscape);
        int[] rawOffsets = new int[16 + firstEscape - start];
        for (int k = 0; k < value.length(); k++) {
            rawOffsets[k] = k + 1;
        }
        int i = firstEscape;
        while (true) {
            if (i >= length) {
                throw NOT_STRICT;
            }
            char c = text.charAt(i);
            if (c == '"') {
                break;
            }
            if (value.length() + 1 >= rawOffsets.length) {
                rawOffsets = Arrays.copyOf(rawOffsets, rawOffsets.length * 2);
            }
            rawOffsets[value.length()] = i - start;
            if (c == '\\') {
                if (i + 1 >= length) {
                    throw NOT_STRICT;
                }
                char e = text.charAt(i + 1);
                int simple = Escapes.simple(e);
                if (simple >= 0) {
                    value.append((char) simple);
                    i += 2;
                } else if (e == 'u') {
                    int unicode = Escapes.unicode(text, i, length);
                    if (unicode < 0) {
                        throw NOT_STRICT;
                    }
                    value.append((char) unicode);
                    i += 6;
                } else {
                    throw NOT_STRICT;
                }
            } else if (c < 0x20) {
                throw NOT_STRICT;
            } else {
                value.append(c);
                i++;
            }
        }
        rawOffsets[value.length()] = i - start;
        pos = i + 1;
        return new JsonString(
                value.toString(),
                Style.DOUBLE_QUOTED,
                Span.of(start, pos),
                Arrays.copyOf(rawOffsets, value.length() + 1));
    }

    /** A JSON number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
    private JsonNumber number() throws NotStrict {
        int start = pos;
        int i = pos;
        if (i < length && text.charAt(i) == '-') {
            i++;
        }
        if (i < length && text.charAt(i) == '0') {
            i++;
        } else {
            i = digits(i);
        }
        if (i < length && text.charAt(i) == '.') {
            i = digits(i + 1);
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            i = digits(i);
        }
        // A number runs into the next token only through a delimiter; "01" or "1x" is not JSON.
        if (i < length && !isDelimiter(text.charAt(i))) {
            throw NOT_STRICT;
        }
        pos = i;
        return JsonNumber.at(text, start, i);
    }

    /** The end of one or more digits starting at {@code i}. */
    private int digits(int i) throws NotStrict {
        int j = i;
        while (j < length && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
            j++;
        }
        if (j == i) {
            throw NOT_STRICT;
        }
        return j;
    }

    /** Steps over {@code word} at {@code pos}; returns where it ends. */
    private int word(String word) throws NotStrict {
        if (!text.startsWith(word, pos)) {
            throw NOT_STRICT;
        }
        pos += word.length();
        if (pos < length && !isDelimiter(text.charAt(pos))) {
            throw NOT_STRICT; // "nullx", "true1"
        }
        return pos;
    }

    private static boolean isDelimiter(char c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '/';
    }

    private char peek() throws NotStrict {
        if (pos >= length) {
            throw NOT_STRICT;
        }
        return text.charAt(pos);
    }

    private void expect(char c) throws NotStrict {
        if (peek() != c) {
            throw NOT_STRICT;
        }
        pos++;
    }

    /** Skips JSON white space and comments ({@code //} to the end of the line, {@code /* *}{@code /}). */
    private void skipSpace() throws NotStrict {
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
            } else if (c == '/' && pos + 1 < length && text.charAt(pos + 1) == '/') {
                pos += 2;
                while (pos < length && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < length && text.charAt(pos + 1) == '*') {
                int close = text.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw NOT_STRICT;
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }
}
