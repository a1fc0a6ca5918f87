package dev.hubjobs.json;

import dev.hubjobs.grammar.JobJsonLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenFactory;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.Pair;

/**
 * The tokens of the job-document grammar's lexer ({@code JobJson.g4}), found by hand: the same
 * types, channels, code-point indexes, lines and columns, a few times faster than the generated
 * lexer's automaton on the large documents the tolerant path reads (a 4 MB document of
 * JavaScript-style jobs is read twice by {@code validate --fix}). {@code JsonLexerTest} holds it
 * to the generated lexer on the corpus, on hostile text and on random mutations; the grammar
 * stays the reference.
 *
 * <p>Like the generated lexer, it takes the longest match at each position, and of two matches
 * of the same length the rule written first; whitespace is skipped and comments go to the hidden
 * channel.
 */
final class JsonLexer implements TokenSource {

    private final String text;
    private final Pair<TokenSource, CharStream> source;
    private int pos; // UTF-16 offset
    private int index; // code-point index of pos
    private int line = 1;
    private int column; // code points since the last '\n'

    JsonLexer(String text) {
        this.text = text;
        this.source = new Pair<>(this, new TextStream(text));
    }

    @Override
    public Token nextToken() {
        while (true) {
            if (pos >= text.length()) {
                return token(Token.EOF, Token.DEFAULT_CHANNEL, index, index - 1, line, column);
            }
            int startPos = pos;
            int startIndex = index;
            int startLine = line;
            int startColumn = column;
            int type = match();
            if (type == JobJsonLexer.WS) {
                continue;
            }
            advance(startPos, pos);
            int channel = type == JobJsonLexer.LINE_COMMENT
                            || type == JobJsonLexer.BLOCK_COMMENT
                            || type == JobJsonLexer.UNTERMINATED_COMMENT
                    ? Token.HIDDEN_CHANNEL
                    : Token.DEFAULT_CHANNEL;
            return token(type, channel, startIndex, index - 1, startLine, startColumn);
        }
    }

    /**
     * Moves {@code pos} past the token at {@code pos} and says its type. Whitespace moves the
     * index, line and column itself; for the other tokens {@link #advance} does.
     */
    private int match() {
        int start = pos;
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                pos++;
                return JobJsonLexer.LBRACE;
            case '}':
                pos++;
                return JobJsonLexer.RBRACE;
            case '[':
                pos++;
                return JobJsonLexer.LBRACKET;
            case ']':
                pos++;
                return JobJsonLexer.RBRACKET;
            case ':':
                pos++;
                return JobJsonLexer.COLON;
            case ',':
                pos++;
                return JobJsonLexer.COMMA;
            case '"':
            case '\'':
                return quoted(c);
            case '<':
                return placeholder();
            case '/':
                return comment();
            case ' ':
            case '\t':
            case '\r':
            case '\n':
            case '\uFEFF':
                while (pos < text.length() && isSpace(text.charAt(pos))) {
                    pos++;
                }
                advance(start, pos);
                return JobJsonLexer.WS;
            default:
                break;
        }
        if (c == '-' || isDigit(c)) {
            int end = number(pos);
            if (end > pos) {
                pos = end;
                return JobJsonLexer.NUMBER;
            }
        } else if (isWordStart(c)) {
            pos++;
            while (pos < text.length() && isWordPart(text.charAt(pos))) {
                pos++;
            }
            return keyword(start, pos);
        }
        pos += Character.charCount(text.codePointAt(pos));
        return JobJsonLexer.UNEXPECTED_CHARACTER;
    }

    /** TRUE, FALSE or NULL when the word is exactly one of them (a rule before BAREWORD), else BAREWORD. */
    private int keyword(int start, int end) {
        int length = end - start;
        if (length == 4 && text.startsWith("true", start)) {
            return JobJsonLexer.TRUE;
        }
        if (length == 5 && text.startsWith("false", start)) {
            return JobJsonLexer.FALSE;
        }
        if (length == 4 && text.startsWith("null", start)) {
            return JobJsonLexer.NULL;
        }
        return JobJsonLexer.BAREWORD;
    }

    /**
     * A string in {@code quote}: terminated by the same quote, or unterminated at the end of the
     * line or the text (with a last backslash, when that is where it stops).
     */
    private int quoted(char quote) {
        boolean dbl = quote == '"';
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == quote) {
                pos = i + 1;
                return dbl ? JobJsonLexer.STRING : JobJsonLexer.SINGLE_QUOTED_STRING;
            }
            if (c == '\r' || c == '\n') {
                break;
            }
            if (c == '\\') {
                if (i + 1 >= text.length() || text.charAt(i + 1) == '\r' || text.charAt(i + 1) == '\n') {
                    i++; // the unterminated string takes its last backslash
                    break;
                }
                i++; // an escape: the backslash and any one code point
            }
            i += Character.charCount(text.codePointAt(i));
        }
        pos = i;
        return dbl ? JobJsonLexer.UNTERMINATED_STRING : JobJsonLexer.UNTERMINATED_SINGLE_QUOTED_STRING;
    }

    /** {@code <name>}: a placeholder; a {@code <} that does not open one is a character of its own. */
    private int placeholder() {
        int i = pos + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '>') {
                pos = i + 1;
                return JobJsonLexer.PLACEHOLDER;
            }
            if ("<\r\n\"',{}[]".indexOf(c) >= 0) {
                break;
            }
            i++;
        }
        pos++;
        return JobJsonLexer.UNEXPECTED_CHARACTER;
    }

    /** {@code //} to the end of the line; {@code /*} to the first {@code *}{@code /}, or to the end of the text. */
    private int comment() {
        int next = pos + 1 < text.length() ? text.charAt(pos + 1) : -1;
        if (next == '/') {
            int i = pos + 2;
            while (i < text.length() && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                i++;
            }
            pos = i;
            return JobJsonLexer.LINE_COMMENT;
        }
        if (next == '*') {
            int close = text.indexOf("*/", pos + 2);
            if (close >= 0) {
                pos = close + 2;
                return JobJsonLexer.BLOCK_COMMENT;
            }
            pos = text.length();
            return JobJsonLexer.UNTERMINATED_COMMENT;
        }
        pos++;
        return JobJsonLexer.UNEXPECTED_CHARACTER;
    }

    /** Where the longest number at {@code i} ends, or {@code i} when none starts there. */
    private int number(int i) {
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        if (i >= text.length() || !isDigit(text.charAt(i))) {
            return pos;
        }
        if (text.charAt(i) == '0') {
            i++;
        } else {
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            i += 2;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int k = i + 1;
            if (k < text.length() && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                k++;
            }
            if (k < text.length() && isDigit(text.charAt(k))) {
                while (k < text.length() && isDigit(text.charAt(k))) {
                    k++;
                }
                i = k;
            }
        }
        return i;
    }

    /** Counts the code points, lines and columns of {@code text[from, to)}. */
    private void advance(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 0;
                index++;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                column++;
                index++;
            } else {
                column++;
                index++;
            }
        }
    }

    private Token token(int type, int channel, int start, int stop, int tokenLine, int tokenColumn) {
        CommonToken t = new CommonToken(source, type, channel, start, stop);
        t.setLine(tokenLine);
        t.setCharPositionInLine(tokenColumn);
        return t;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    private static boolean isWordPart(char c) {
        return isWordStart(c) || isDigit(c) || c == '-';
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getCharPositionInLine() {
        return column;
    }

    @Override
    public CharStream getInputStream() {
        return source.b;
    }

    @Override
    public String getSourceName() {
        return source.b.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        throw new UnsupportedOperationException("the tokens are CommonTokens");
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return CommonTokenFactory.DEFAULT;
    }

    /**
     * The document as the tokens' character stream, indexed by code points as ANTLR's are: it
     * gives tokens their text, without the copies of the text that ANTLR's own stream makes.
     */
    static final class TextStream implements CharStream {
        private final String text;
        private final dev.hubjobs.text.CodePointOffsets offsets;
        private final int size;
        private int at;

        TextStream(String text) {
            this.text = text;
            this.offsets = dev.hubjobs.text.CodePointOffsets.of(text);
            this.size = text.codePointCount(0, text.length());
        }

        @Override
        public String getText(Interval interval) {
            int start = Math.max(0, interval.a);
            int stop = Math.min(size - 1, interval.b);
            if (stop < start) {
                return "";
            }
            return text.substring(offsets.toUtf16(start), offsets.toUtf16(stop + 1));
        }

        @Override
        public void consume() {
            if (at >= size) {
                throw new IllegalStateException("cannot consume EOF");
            }
            at++;
        }

        @Override
        public int LA(int i) {
            int k = i < 0 ? at + i : at + i - 1;
            if (i == 0 || k < 0 || k >= size) {
                return i == 0 ? 0 : CharStream.EOF;
            }
            return text.codePointAt(offsets.toUtf16(k));
        }

        @Override
        public int mark() {
            return -1;
        }

        @Override
        public void release(int marker) {}

        @Override
        public int index() {
            return at;
        }

        @Override
        public void seek(int index) {
            at = Math.max(0, Math.min(index, size));
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public String getSourceName() {
            return UNKNOWN_SOURCE_NAME;
        }
    }
}
