package dev.hubjobs.twin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one NDJSON record from its bytes, keeping the keys a {@link KeyFilter} names, without a
 * JSON parser: a hand-tuned fast path for {@link FleetReader}, which spends most of its time
 * reading records. It checks the whole record as strictly as Jackson does (the keys it skips
 * too), and answers only when it is sure: for anything unusual (an escape in a kept string or in
 * a key, a long number, deep nesting, bytes that are not plain UTF-8, any syntax error) it gives
 * up and returns null, and the caller reads the line with Jackson, whose result and error message
 * are the reference. So a record it reads is one that Jackson reads to the same value
 * ({@code RecordScannerTest} and {@code RecordScannerFuzzTest} check exactly that).
 */
final class RecordScanner {

    /** Returned by the value readers when the scanner gives up. */
    private static final Object GIVE_UP = new Object();

    /** Below Jackson's limit ({@link TwinJson#MAX_DEPTH}), so that Jackson decides near it. */
    private static final int MAX_DEPTH = 48;

    /** Longer strings and numbers are left to Jackson, which has limits for both. */
    private static final int MAX_STRING_BYTES = 1 << 16;

    private static final int MAX_NUMBER_BYTES = 100;

    /** Digits of a long that cannot overflow. */
    private static final int MAX_LONG_DIGITS = 18;

    private final byte[] b;
    private final int end;
    private final Interner interner;
    private int i;
    private int depth;

    /** Whether the string that {@link #plainStringEnd} last found is all ASCII. */
    private boolean ascii;

    private RecordScanner(byte[] buf, int start, int end, Interner interner) {
        this.b = buf;
        this.i = start;
        this.end = end;
        this.interner = interner;
    }

    /**
     * The object in {@code buf[start, end)} (JSON whitespace around it allowed) with the keys
     * {@code filter} keeps, or null when the scanner leaves the line to Jackson.
     */
    static TwinObject read(byte[] buf, int start, int end, Interner interner, KeyFilter filter) {
        RecordScanner s = new RecordScanner(buf, start, end, interner);
        s.skipSpace();
        if (s.i >= end || buf[s.i] != '{') {
            return null;
        }
        Object record = s.object(filter);
        if (record == GIVE_UP) {
            return null;
        }
        s.skipSpace();
        return s.i == end ? (TwinObject) record : null;
    }

    /** The value at {@link #i}: skipped (null filter, answering null), whole ({@link KeyFilter#ALL}) or filtered. */
    private Object value(KeyFilter filter) {
        if (i >= end) {
            return GIVE_UP;
        }
        byte c = b[i];
        switch (c) {
            case '{':
                return filter == null ? skipContainer() : object(filter);
            case '[':
                return filter == null ? skipContainer() : array();
            case '"':
                return string(filter != null);
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", TwinNull.NULL);
            default:
                return c == '-' || (c >= '0' && c <= '9') ? number(filter != null) : GIVE_UP;
        }
    }

    /** An object at {@link #i}, keeping what {@code filter} keeps. */
    private Object object(KeyFilter filter) {
        if (++depth > MAX_DEPTH) {
            return GIVE_UP;
        }
        i++;
        TwinObject.Builder builder = new TwinObject.Builder(interner);
        skipSpace();
        if (i < end && b[i] == '}') {
            i++;
            depth--;
            return builder.build();
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return GIVE_UP;
            }
            int keyStart = i + 1;
            int keyEnd = plainStringEnd(keyStart);
            if (keyEnd < 0) {
                return GIVE_UP;
            }
            boolean keyAscii = ascii;
            i = keyEnd + 1;
            skipSpace();
            if (i >= end || b[i] != ':') {
                return GIVE_UP;
            }
            i++;
            skipSpace();
            KeyFilter child = filter == KeyFilter.ALL
                    ? KeyFilter.ALL
                    : keyAscii && filter.asciiNames()
                            ? filter.childAscii(b, keyStart, keyEnd)
                            : filter.child(text(keyStart, keyEnd));
            Object v = value(child);
            if (v == GIVE_UP) {
                return GIVE_UP;
            }
            if (child != null) {
                if (keyAscii) {
                    builder.putShared(interner.key(b, keyStart, keyEnd), v);
                } else {
                    builder.put(text(keyStart, keyEnd), v);
                }
            }
            skipSpace();
            if (i >= end) {
                return GIVE_UP;
            }
            if (b[i] == '}') {
                i++;
                depth--;
                return builder.build();
            }
            if (b[i] != ',') {
                return GIVE_UP;
            }
            i++;
            skipSpace();
        }
    }

    /** A whole array at {@link #i}. */
    private Object array() {
        if (++depth > MAX_DEPTH) {
            return GIVE_UP;
        }
        i++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        if (i < end && b[i] == ']') {
            i++;
            depth--;
            return new TwinArray(items);
        }
        while (true) {
            Object v = value(KeyFilter.ALL);
            if (v == GIVE_UP) {
                return GIVE_UP;
            }
            items.add(v);
            skipSpace();
            if (i >= end) {
                return GIVE_UP;
            }
            if (b[i] == ']') {
                i++;
                depth--;
                return new TwinArray(items);
            }
            if (b[i] != ',') {
                return GIVE_UP;
            }
            i++;
            skipSpace();
        }
    }

    /**
     * Checks an object or array at {@link #i} without keeping anything: the same grammar as
     * {@link #object} and {@link #array}, where every value is skipped.
     */
    private Object skipContainer() {
        boolean isObject = b[i] == '{';
        if (++depth > MAX_DEPTH) {
            return GIVE_UP;
        }
        i++;
        byte close = isObject ? (byte) '}' : (byte) ']';
        skipSpace();
        if (i < end && b[i] == close) {
            i++;
            depth--;
            return null;
        }
        while (true) {
            if (isObject) {
                if (i >= end || b[i] != '"' || skipString() == GIVE_UP) {
                    return GIVE_UP;
                }
                skipSpace();
                if (i >= end || b[i] != ':') {
                    return GIVE_UP;
                }
                i++;
                skipSpace();
            }
            if (value(null) == GIVE_UP) {
                return GIVE_UP;
            }
            skipSpace();
            if (i >= end) {
                return GIVE_UP;
            }
            if (b[i] == close) {
                i++;
                depth--;
                return null;
            }
            if (b[i] != ',') {
                return GIVE_UP;
            }
            i++;
            skipSpace();
        }
    }

    /** A string at {@link #i}: its text when kept, else only checked (answering null). */
    private Object string(boolean keep) {
        if (!keep) {
            return skipString();
        }
        int from = i + 1;
        int to = plainStringEnd(from);
        if (to < 0) {
            return GIVE_UP;
        }
        i = to + 1;
        return interner.string(ascii ? latin1(from, to) : utf8(from, to));
    }

    /**
     * The index of the closing quote of a string starting at {@code from} that has no escapes,
     * no control characters and only well-formed UTF-8; -1 for any other.
     */
    private int plainStringEnd(int from) {
        int limit = Math.min(end, from + MAX_STRING_BYTES);
        int j = from;
        ascii = true;
        while (j < limit) {
            byte c = b[j];
            if (c == '"') {
                return j;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                return -1;
            }
            if (c < 0) {
                ascii = false;
                j = utf8End(j);
                if (j < 0) {
                    return -1;
                }
            } else {
                j++;
            }
        }
        return -1;
    }

    /** Checks a string at {@link #i} (escapes allowed) and moves past it. */
    private Object skipString() {
        int limit = Math.min(end, i + 1 + MAX_STRING_BYTES);
        int j = i + 1;
        while (j < limit) {
            byte c = b[j];
            if (c == '"') {
                i = j + 1;
                return null;
            }
            if (c >= 0 && c < 0x20) {
                return GIVE_UP;
            }
            if (c == '\\') {
                j = escapeEnd(j + 1);
            } else if (c < 0) {
                j = utf8End(j);
            } else {
                j++;
            }
            if (j < 0) {
                return GIVE_UP;
            }
        }
        return GIVE_UP;
    }

    /** The end of the escape whose letter is at {@code j}, or -1 if it is not one of JSON's. */
    private int escapeEnd(int j) {
        if (j >= end) {
            return -1;
        }
        switch (b[j]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
                return j + 1;
            case 'u':
                if (j + 4 >= end) {
                    return -1;
                }
                for (int k = j + 1; k <= j + 4; k++) {
                    if (Character.digit(b[k], 16) < 0) {
                        return -1;
                    }
                }
                return j + 5;
            default:
                return -1;
        }
    }

    /**
     * The end of the well-formed UTF-8 sequence of two to four bytes that starts at {@code j}
     * (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or -1.
     */
    private int utf8End(int j) {
        int c = b[j] & 0xFF;
        int n;
        int min;
        int max;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            min = 0x80;
            max = 0xBF;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            min = c == 0xE0 ? 0xA0 : 0x80;
            max = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            min = c == 0xF0 ? 0x90 : 0x80;
            max = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -1;
        }
        if (j + n >= end) {
            return -1;
        }
        int second = b[j + 1] & 0xFF;
        if (second < min || second > max) {
            return -1;
        }
        for (int k = j + 2; k <= j + n; k++) {
            if ((b[k] & 0xC0) != 0x80) {
                return -1;
            }
        }
        return j + n + 1;
    }

    /** A JSON number at {@link #i}: a Long or Double when kept, else only checked (answering null). */
    private Object number(boolean keep) {
        int from = i;
        int j = i;
        if (b[j] == '-') {
            j++;
        }
        int intStart = j;
        j = digitsEnd(j);
        int intDigits = j - intStart;
        if (intDigits == 0 || (intDigits > 1 && b[intStart] == '0')) {
            return GIVE_UP;
        }
        boolean integer = true;
        if (j < end && b[j] == '.') {
            integer = false;
            int fraction = j + 1;
            j = digitsEnd(fraction);
            if (j == fraction) {
                return GIVE_UP;
            }
        }
        if (j < end && (b[j] == 'e' || b[j] == 'E')) {
            integer = false;
            j++;
            if (j < end && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            int exponent = j;
            j = digitsEnd(exponent);
            if (j == exponent) {
                return GIVE_UP;
            }
        }
        if (j - from > MAX_NUMBER_BYTES || !(j == end || endsValue(b[j]))) {
            return GIVE_UP;
        }
        i = j;
        if (!keep) {
            return null;
        }
        if (!integer) {
            return Double.parseDouble(latin1(from, j));
        }
        if (intDigits > MAX_LONG_DIGITS) {
            return GIVE_UP;
        }
        long v = 0;
        for (int k = intStart; k < j; k++) {
            v = v * 10 + (b[k] - '0');
        }
        return Interner.number(b[from] == '-' ? -v : v);
    }

    private int digitsEnd(int j) {
        while (j < end && b[j] >= '0' && b[j] <= '9') {
            j++;
        }
        return j;
    }

    private Object literal(String word, Object value) {
        int n = word.length();
        if (i + n > end) {
            return GIVE_UP;
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != word.charAt(k)) {
                return GIVE_UP;
            }
        }
        if (i + n < end && !endsValue(b[i + n])) {
            return GIVE_UP;
        }
        i += n;
        return value;
    }

    /** Whether a scalar may end before this byte: JSON whitespace or a delimiter. */
    private static boolean endsValue(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private void skipSpace() {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return;
            }
            i++;
        }
    }

    /** The text of {@code b[from, to)}, which holds no escapes and only well-formed UTF-8. */
    private String text(int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] < 0) {
                return utf8(from, to);
            }
        }
        return latin1(from, to);
    }

    private String utf8(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** ASCII text: the bytes are the characters. */
    private String latin1(int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }
}
