package dev.hubjobs.twin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Conversions between the compact twin form, JSON text and Jackson trees. */
public final class TwinJson {

    /** Twins nest at most about 14 levels (10 under a section); anything far deeper is not a twin. */
    static final int MAX_DEPTH = 64;

    /** The longest string of a twin read: far more than a twin property can hold (4 KB). */
    static final int MAX_STRING = 1 << 20;

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .build())
            .build();

    /** Thrown by {@link #read(JsonParser, Interner, long)} when a value runs past its byte limit. */
    static final class RecordTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        RecordTooLarge() {
            super("record too large", null);
        }
    }

    private static final double MAX_EXACT_LONG = 9007199254740992d; // 2^53

    private TwinJson() {}

    /**
     * Reads the value at the parser's current token (which must already be set) and leaves the
     * parser on the value's last token.
     */
    public static Object read(JsonParser p, Interner interner) throws IOException {
        return read(p, interner, Long.MAX_VALUE);
    }

    /**
     * {@link #read(JsonParser, Interner)}, giving up with {@link RecordTooLarge} once the parser is
     * past byte {@code limit} of its input: a value read from a stream costs bounded memory.
     */
    static Object read(JsonParser p, Interner interner, long limit) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                TwinObject.Builder b = new TwinObject.Builder(interner);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    b.put(name, read(p, interner, limit));
                    checkLimit(p, limit);
                }
                return b.build();
            }
            case START_ARRAY: {
                List<Object> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, interner, limit));
                    checkLimit(p, limit);
                }
                return new TwinArray(items);
            }
            case VALUE_STRING:
                return interner.string(p.getText());
            case VALUE_NUMBER_INT:
                if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    return p.getDoubleValue();
                }
                return Interner.number(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return TwinNull.NULL;
            default:
                throw new IOException("unexpected JSON token " + t);
        }
    }

    /**
     * {@link #read(JsonParser, Interner, long)} of an object keeping only the keys {@code filter}
     * names; the values of the others are skipped over by the parser, never built.
     */
    static Object read(JsonParser p, Interner interner, KeyFilter filter) throws IOException {
        return read(p, interner, filter, Long.MAX_VALUE);
    }

    static Object read(JsonParser p, Interner interner, KeyFilter filter, long limit) throws IOException {
        if (filter == KeyFilter.ALL || p.currentToken() != JsonToken.START_OBJECT) {
            return read(p, interner, limit);
        }
        TwinObject.Builder b = new TwinObject.Builder(interner);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            KeyFilter child = filter.child(name);
            if (child == null) {
                p.skipChildren();
            } else {
                b.put(name, read(p, interner, child, limit));
            }
            checkLimit(p, limit);
        }
        return b.build();
    }

    private static void checkLimit(JsonParser p, long limit) throws RecordTooLarge {
        if (limit != Long.MAX_VALUE && p.currentLocation().getByteOffset() > limit) {
            throw new RecordTooLarge();
        }
    }

    /** Parses one JSON value from text into the compact form. */
    public static Object parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return read(p, new Interner());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Object fromJackson(JsonNode node, Interner interner) {
        switch (node.getNodeType()) {
            case OBJECT: {
                TwinObject.Builder b = new TwinObject.Builder(interner);
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    b.put(e.getKey(), fromJackson(e.getValue(), interner));
                }
                return b.build();
            }
            case ARRAY: {
                List<Object> items = new ArrayList<>();
                node.forEach(n -> items.add(fromJackson(n, interner)));
                return new TwinArray(items);
            }
            case STRING:
                return interner.string(node.textValue());
            case NUMBER:
                return node.isIntegralNumber() && node.canConvertToLong()
                        ? Interner.number(node.longValue())
                        : (Object) node.doubleValue();
            case BOOLEAN:
                return node.booleanValue();
            default:
                return TwinNull.NULL;
        }
    }

    public static JsonNode toJackson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value instanceof TwinObject o) {
            ObjectNode n = f.objectNode();
            for (int i = 0; i < o.size(); i++) {
                n.set(o.key(i), toJackson(o.value(i)));
            }
            return n;
        }
        if (value instanceof TwinArray a) {
            ArrayNode n = f.arrayNode();
            for (int i = 0; i < a.size(); i++) {
                n.add(toJackson(a.get(i)));
            }
            return n;
        }
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof Double d) {
            return isExactLong(d) ? f.numberNode(d.longValue()) : f.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.nullNode();
    }

    public static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof TwinObject o) {
            g.writeStartObject();
            for (int i = 0; i < o.size(); i++) {
                g.writeFieldName(o.key(i));
                write(g, o.value(i));
            }
            g.writeEndObject();
        } else if (value instanceof TwinArray a) {
            g.writeStartArray();
            for (int i = 0; i < a.size(); i++) {
                write(g, a.get(i));
            }
            g.writeEndArray();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof Double d) {
            if (isExactLong(d)) {
                g.writeNumber(d.longValue());
            } else {
                g.writeNumber(d);
            }
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeNull();
        }
    }

    /** Compact JSON text of a value in the twin form. */
    public static String toJson(Object value) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            write(g, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Integral doubles print without a fraction, as the service (a JavaScript-number engine) does. */
    static boolean isExactLong(double d) {
        return d == Math.rint(d) && Math.abs(d) < MAX_EXACT_LONG && !(d == 0 && 1 / d < 0);
    }
}
