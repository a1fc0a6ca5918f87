package dev.hubjobs.query;

import dev.hubjobs.syntax.Lists;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The fast path of {@link QueryParser#parseCondition}: an ordinary, error-free job condition is
 * read by a small hand-written lexer and a precedence-climbing parser straight into the same
 * {@link Condition} (equal as records, every span included) that the grammar and
 * {@link AstBuilder} build. Anything it is not sure about — a syntax error, a comment, a
 * {@code SELECT}/{@code WHERE}/{@code FROM} prefix, {@code GROUP BY}, {@code IN (...)}, a bad
 * escape, a too large hexadecimal number, a non-ASCII character outside a string, deep nesting —
 * returns empty, and the grammar reads the text and reports every problem at its position.
 *
 * <p>Like {@code StrictJson} for job documents, this never decides that a condition is wrong; it
 * only decides quickly that it is right.
 *
 * <p>The rules it mirrors, and where they come from:
 * <ul>
 *   <li>Tokens follow the lexer in {@code IotHubQuery.g4}: longest match, keywords in any case,
 *       {@code WS} as the only whitespace, {@code [[...]]} ending at the first {@code ]]}.
 *   <li>Precedence and associativity follow the left-recursive {@code expression} rule as ANTLR
 *       rewrites it (the {@code precpred} levels of the generated parser): {@code * / %} 8,
 *       {@code + -} 7, comparisons 6, {@code IN/NIN [..]} 5, {@code AND} 2, {@code OR} 1; the
 *       operand of unary minus is parsed at level 9 and that of {@code NOT} at level 3. Binary
 *       operators are left-associative, and the right operand of a level-{@code n} operator is
 *       parsed at level {@code n + 1}.
 *   <li>Each node's span is that of its parse-tree context: from the first token of its
 *       leftmost operand (an opening parenthesis included) to its last token. A parenthesized
 *       expression is its inner node, with the inner span.
 *   <li>AND and OR chains are one n-ary node, as {@code AstBuilder.chain} flattens them; a
 *       parenthesized chain stays a nested node.
 *   <li>Depth is counted as {@code AstBuilder} counts it and, separately, as the token scan of
 *       {@code QueryParser} counts it, and anything past {@link #MAX_DEPTH} — far below
 *       {@link QueryParser#MAX_DEPTH} — is left to the grammar, which owns HJ011. This also bounds
 *       the recursion here.
 * </ul>
 */
final class FastCondition {

    /** Nesting beyond this is left to the grammar path (which allows {@link QueryParser#MAX_DEPTH}). */
    static final int MAX_DEPTH = 64;

    /** Thrown inside to leave the fast path; never escapes this class. */
    private static final class Bail extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Bail() {
            super(null, null, false, false);
        }
    }

    private static final Bail BAIL = new Bail();

    // Token types. WORD is devices/modules/jobs (identifiers to the parser, but not to the depth
    // scan); CLAUSE is SELECT, TOP, FROM, WHERE, GROUP, BY and AS, which are only path segments here.
    private static final int EOF = 0;
    private static final int IDENT = 1;
    private static final int WORD = 2;
    private static final int QUOTED = 3;
    private static final int STRING = 4;
    private static final int NUMBER = 5;
    private static final int HEX = 6;
    private static final int TRUE = 7;
    private static final int FALSE = 8;
    private static final int NULL = 9;
    private static final int UNDEFINED = 10;
    private static final int CLAUSE = 11;
    private static final int AND = 12;
    private static final int OR = 13;
    private static final int NOT = 14;
    private static final int IN = 15;
    private static final int NIN = 16;
    private static final int LPAREN = 17;
    private static final int RPAREN = 18;
    private static final int LBRACKET = 19;
    private static final int RBRACKET = 20;
    private static final int COMMA = 21;
    private static final int DOT = 22;
    private static final int STAR = 23;
    private static final int SLASH = 24;
    private static final int PERCENT = 25;
    private static final int PLUS = 26;
    private static final int MINUS = 27;
    private static final int EQ = 28;
    private static final int NEQ = 29;
    private static final int LT = 30;
    private static final int LTE = 31;
    private static final int GT = 32;
    private static final int GTE = 33;

    private final String text;
    private final int length;

    // The current token: its type, its [start, end) and, for a string, its decoded value.
    private int type;
    private int tokStart;
    private int tokEnd;
    private String tokValue;
    /** The end of the last consumed token: the end of every node built when it was consumed. */
    private int prevEnd;

    /** The height (as AstBuilder counts depth) of the node the last parse method returned. */
    private int height;
    /** How many parse levels are open: bounds the recursion. */
    private int nest;
    /** Where a path's segments are collected (paths do not nest). */
    private Expr.Segment[] segmentBuffer = new Expr.Segment[8];

    // The token scan of QueryParser.firstTooDeep, replayed with the lower bound: it reports HJ011
    // for some input whose tree is shallow (a '-' after devices/modules/jobs counts as unary).
    private final int[] unaryAtOpen = new int[MAX_DEPTH + 1];
    private int opens;
    private int openUnary;
    private int unary;
    private boolean operandEnded;

    private FastCondition(String text) {
        this.text = text;
        this.length = text.length();
    }

    /** The condition, when {@code text} is ordinary and error-free; empty when the grammar must decide. */
    static Optional<Condition> tryParse(String text) {
        if (text == null || text.length() > QueryParser.MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FastCondition(text).condition());
        } catch (RuntimeException e) {
            return Optional.empty(); // Bail, or anything unforeseen: the grammar path decides
        }
    }

    private Condition condition() {
        advance();
        int start = tokStart;
        // jobCondition's span runs to EOF, whose position is the end of the text (trailing
        // whitespace included).
        if (type == STAR) {
            advance();
            expect(EOF);
            return new Condition(
                    true,
                    Source.DEVICES,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    Span.of(start, length));
        }
        Expr expression = climb(0);
        expect(EOF); // also GROUP BY and stray tokens
        return new Condition(
                false,
                Source.DEVICES,
                Optional.empty(),
                Optional.of(expression),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                Span.of(start, length));
    }

    // -- parser -------------------------------------------------------------------------------

    /** The precedence level of a token as an infix/postfix operator, or -1. */
    private static int level(int type) {
        return switch (type) {
            case STAR, SLASH, PERCENT -> 8;
            case PLUS, MINUS -> 7;
            case EQ, NEQ, LT, LTE, GT, GTE -> 6;
            case IN, NIN -> 5;
            case AND -> 2;
            case OR -> 1;
            default -> -1;
        };
    }

    /**
     * An expression whose operators all have at least {@code minLevel}. Operators of one level
     * are applied left to right in a loop, and an AND/OR chain grows one list, so a long chain
     * costs no recursion.
     */
    private Expr climb(int minLevel) {
        if (++nest > MAX_DEPTH) {
            throw BAIL;
        }
        int start = tokStart;
        Expr left = primary(start);
        int leftHeight = height;
        List<Expr> chain = null;
        int chainType = 0;
        int chainHeight = 0;
        while (true) {
            int op = type;
            int level = level(op);
            if (level < minLevel) {
                break;
            }
            if (chain != null && op != chainType) {
                left = chainNode(chainType, chain, chainHeight, start);
                leftHeight = height;
                chain = null;
            }
            int opStart = tokStart;
            int opEnd = tokEnd;
            advance();
            if (op == AND || op == OR) {
                if (chain == null) {
                    // A chain starts here; a parenthesized chain that primary() returned is one
                    // operand of it, not flattened into it (AstBuilder sees a ParenthesizedContext).
                    chain = new ArrayList<>(8);
                    chain.add(left);
                    chainType = op;
                    chainHeight = leftHeight;
                }
                chain.add(climb(level + 1));
                chainHeight = Math.max(chainHeight, height);
            } else if (op == IN || op == NIN) {
                if (type != LBRACKET) {
                    throw BAIL; // IN (...) is the grammar's to report (HJ012)
                }
                Expr.ArrayLiteral list = array();
                left = new Expr.In(left, op == NIN, list, Span.of(start, prevEnd));
                leftHeight++;
            } else {
                Expr right = climb(level + 1);
                left = new Expr.Binary(binaryOp(op), left, right, Span.of(opStart, opEnd), Span.of(start, prevEnd));
                leftHeight = 1 + Math.max(leftHeight, height);
            }
            if (leftHeight > MAX_DEPTH) {
                throw BAIL; // a long left-deep chain of binary operators is deep to AstBuilder
            }
        }
        if (chain != null) {
            left = chainNode(chainType, chain, chainHeight, start);
            leftHeight = height;
        }
        nest--;
        height = leftHeight;
        return left;
    }

    private Expr chainNode(int chainType, List<Expr> operands, int operandHeight, int start) {
        height = operandHeight + 1;
        if (height > MAX_DEPTH) {
            throw BAIL;
        }
        Span span = Span.of(start, prevEnd);
        return chainType == AND ? new Expr.And(operands, span) : new Expr.Or(operands, span);
    }

    private static Expr.BinaryOp binaryOp(int type) {
        return switch (type) {
            case STAR -> Expr.BinaryOp.MULTIPLY;
            case SLASH -> Expr.BinaryOp.DIVIDE;
            case PERCENT -> Expr.BinaryOp.MODULO;
            case PLUS -> Expr.BinaryOp.ADD;
            case MINUS -> Expr.BinaryOp.SUBTRACT;
            case EQ -> Expr.BinaryOp.EQ;
            case NEQ -> Expr.BinaryOp.NEQ;
            case LT -> Expr.BinaryOp.LT;
            case LTE -> Expr.BinaryOp.LTE;
            case GT -> Expr.BinaryOp.GT;
            case GTE -> Expr.BinaryOp.GTE;
            default -> throw BAIL;
        };
    }

    /** A primary or prefix expression starting at the current token ({@code start}). */
    private Expr primary(int start) {
        switch (type) {
            case LPAREN -> {
                advance();
                Expr inner = climb(0);
                expect(RPAREN);
                advance();
                height++; // AstBuilder counts the parentheses as a level
                return inner;
            }
            case MINUS -> {
                advance();
                Expr operand = climb(9);
                height++;
                return new Expr.Negate(operand, Span.of(start, prevEnd));
            }
            case NOT -> {
                advance();
                Expr operand = climb(3);
                height++;
                return new Expr.Not(operand, Span.of(start, prevEnd));
            }
            case IDENT, WORD -> {
                String name = text.substring(tokStart, tokEnd);
                Span nameSpan = Span.of(tokStart, tokEnd);
                advance();
                if (type == LPAREN) {
                    return call(name, nameSpan, start);
                }
                return path(new Expr.Segment(name, false, nameSpan), start);
            }
            case QUOTED -> {
                Expr.Segment first = segment();
                advance();
                return path(first, start);
            }
            case LBRACKET -> {
                height = 0;
                return array();
            }
            default -> {
                height = 0;
                Expr literal = literal();
                advance();
                return literal;
            }
        }
    }

    /** The arguments and closing parenthesis of a call whose '(' is the current token. */
    private Expr call(String name, Span nameSpan, int start) {
        advance();
        List<Expr> args = List.of();
        int argHeight = -1;
        if (type != RPAREN) {
            Expr first = climb(0);
            argHeight = height;
            if (type != COMMA) {
                args = List.of(first);
            } else {
                args = new ArrayList<>(4);
                args.add(first);
                while (type == COMMA) {
                    advance();
                    args.add(climb(0));
                    argHeight = Math.max(argHeight, height);
                }
            }
        }
        expect(RPAREN);
        int end = tokEnd;
        advance();
        height = argHeight + 1; // the arguments are one level below the call; no arguments: a leaf
        return new Expr.Call(name, nameSpan, args, Span.of(start, end));
    }

    /** The rest of a path whose first segment is consumed; strips the collection prefix as AstBuilder.path does. */
    private Expr path(Expr.Segment first, int start) {
        height = 0;
        if (type != DOT) {
            return new Expr.Path(Expr.Collection.NONE, List.of(first), first.span());
        }
        Expr.Segment[] segments = segmentBuffer;
        segments[0] = first;
        int count = 1;
        while (type == DOT) {
            advance();
            if (count == segments.length) {
                segments = segmentBuffer = Arrays.copyOf(segments, count * 2);
            }
            segments[count++] = segment();
            advance();
        }
        Expr.Collection collection = Expr.Collection.NONE;
        if (isWord(first, "devices")) {
            Expr.Segment second = segments[1];
            if (count > 2 && isWord(second, "modules")) {
                collection = Expr.Collection.MODULES;
            } else if (count > 2 && isWord(second, "jobs")) {
                collection = Expr.Collection.JOBS;
            } else {
                collection = Expr.Collection.DEVICES;
            }
        }
        int skip = collection == Expr.Collection.NONE ? 0 : collection == Expr.Collection.DEVICES ? 1 : 2;
        return new Expr.Path(collection, Lists.copyOf(segments, skip, count), Span.of(start, prevEnd));
    }

    private static boolean isWord(Expr.Segment s, String word) {
        return !s.quoted() && s.name().equalsIgnoreCase(word);
    }

    /** The current token as a path segment: an identifier, a [[quoted]] name or a reserved word. */
    private Expr.Segment segment() {
        Span span = Span.of(tokStart, tokEnd);
        return switch (type) {
            case QUOTED -> new Expr.Segment(text.substring(tokStart + 2, tokEnd - 2), true, span);
            case IDENT, WORD, CLAUSE, AND, OR, NOT, IN, NIN, TRUE, FALSE, NULL, UNDEFINED ->
                new Expr.Segment(text.substring(tokStart, tokEnd), false, span);
            default -> throw BAIL;
        };
    }

    /** {@code [c1, c2, ...]} starting at the current '['; a signed number is one literal, as AstBuilder builds it. */
    private Expr.ArrayLiteral array() {
        int start = tokStart;
        advance();
        List<Expr> elements = new ArrayList<>(4);
        while (true) {
            if (type == MINUS) {
                int minus = tokStart;
                advance();
                if (type != NUMBER && type != HEX) {
                    throw BAIL;
                }
                Expr.NumberLiteral n = number();
                elements.add(new Expr.NumberLiteral("-" + n.text(), -n.value(), Span.of(minus, tokEnd)));
            } else {
                elements.add(literal());
            }
            advance();
            if (type == RBRACKET) {
                break;
            }
            expect(COMMA);
            advance();
        }
        int end = tokEnd;
        advance();
        return new Expr.ArrayLiteral(elements, Span.of(start, end));
    }

    /** The current token as a literal (not consumed). */
    private Expr literal() {
        Span span = Span.of(tokStart, tokEnd);
        return switch (type) {
            case STRING -> new Expr.StringLiteral(tokValue, text.charAt(tokStart) == '"', span);
            case NUMBER, HEX -> number();
            case TRUE -> new Expr.BooleanLiteral(true, span);
            case FALSE -> new Expr.BooleanLiteral(false, span);
            case NULL -> new Expr.NullLiteral(span);
            case UNDEFINED -> new Expr.UndefinedLiteral(span);
            default -> throw BAIL;
        };
    }

    private Expr.NumberLiteral number() {
        String raw = text.substring(tokStart, tokEnd);
        double value;
        if (type == HEX) {
            try {
                value = Long.parseLong(raw, 2, raw.length(), 16);
            } catch (NumberFormatException e) {
                throw BAIL; // too large: the grammar path reports it
            }
        } else {
            value = Double.parseDouble(raw);
        }
        return new Expr.NumberLiteral(raw, value, Span.of(tokStart, tokEnd));
    }

    private void expect(int expected) {
        if (type != expected) {
            throw BAIL;
        }
    }

    // -- lexer --------------------------------------------------------------------------------

    /** Consumes the current token and reads the next one. */
    private void advance() {
        prevEnd = tokEnd;
        int i = tokEnd;
        while (i < length && isWhitespace(text.charAt(i))) {
            i++;
        }
        tokStart = i;
        if (i >= length) {
            type = EOF;
            tokEnd = length;
            scan();
            return;
        }
        char c = text.charAt(i);
        char next = i + 1 < length ? text.charAt(i + 1) : 0;
        int end = i + 1;
        switch (c) {
            case '(' -> type = LPAREN;
            case ')' -> type = RPAREN;
            case ']' -> type = RBRACKET;
            case ',' -> type = COMMA;
            case '*' -> type = STAR;
            case '%' -> type = PERCENT;
            case '+' -> type = PLUS;
            case '-' -> type = MINUS;
            case '=' -> type = EQ;
            case '[' -> {
                if (next == '[') {
                    // QUOTED_IDENTIFIER ends at the first "]]"; without one, "[[" is two '[',
                    // which no valid condition contains.
                    int close = text.indexOf("]]", i + 2);
                    if (close < 0) {
                        throw BAIL;
                    }
                    type = QUOTED;
                    end = close + 2;
                } else {
                    type = LBRACKET;
                }
            }
            case '/' -> {
                if (next == '*') {
                    throw BAIL; // a comment: the grammar path skips it
                }
                type = SLASH;
            }
            case '!' -> {
                if (next != '=') {
                    throw BAIL;
                }
                type = NEQ;
                end = i + 2;
            }
            case '<' -> {
                if (next == '=') {
                    type = LTE;
                    end = i + 2;
                } else if (next == '>') {
                    type = NEQ;
                    end = i + 2;
                } else {
                    type = LT;
                }
            }
            case '>' -> {
                if (next == '=') {
                    type = GTE;
                    end = i + 2;
                } else {
                    type = GT;
                }
            }
            case '\'', '"' -> end = string(i, c);
            case '.' -> {
                if (isDigit(next)) {
                    end = number(i); // ".5" is a NUMBER, the longer match
                } else {
                    type = DOT;
                }
            }
            default -> {
                if (isDigit(c)) {
                    end = number(i);
                } else if (isIdStart(c)) {
                    end = identifierEnd(i + 1);
                    // A non-ASCII letter or digit right after would continue the identifier
                    // (ID_PART includes \p{L}\p{N}); the next token bails on it.
                    type = keyword(i, end - i);
                } else {
                    throw BAIL; // non-ASCII outside strings, or a character the grammar rejects
                }
            }
        }
        tokEnd = end;
        scan();
    }

    /**
     * Replays QueryParser's nesting scan for the token just read: open brackets, unary operators
     * pending at each, and the current run of unary operators.
     */
    private void scan() {
        switch (type) {
            case LPAREN, LBRACKET -> {
                if (opens == MAX_DEPTH) {
                    throw BAIL;
                }
                unaryAtOpen[opens++] = unary;
                openUnary += unary;
                unary = 0;
                operandEnded = false;
            }
            case RPAREN, RBRACKET -> {
                if (opens > 0) {
                    openUnary -= unaryAtOpen[--opens];
                }
                unary = 0;
                operandEnded = true;
            }
            case NOT -> {
                unary++;
                operandEnded = false;
            }
            case MINUS -> {
                if (!operandEnded) {
                    unary++;
                }
                operandEnded = false;
            }
            case IDENT, QUOTED, STRING, NUMBER, HEX, TRUE, FALSE, NULL, UNDEFINED -> {
                unary = 0;
                operandEnded = true;
            }
            default -> operandEnded = false;
        }
        if (opens + openUnary + unary > MAX_DEPTH) {
            throw BAIL;
        }
    }

    // Classes of the ASCII characters, one bit each, so that the lexer's loops test one table entry.
    private static final int WS_CHAR = 1;
    private static final int DIGIT = 2;
    private static final int HEX_DIGIT = 4;
    private static final int ID_START = 8;
    private static final int ID_PART = 16;
    private static final byte[] CLASSES = new byte[128];

    static {
        for (char c : " \t\r\n\f".toCharArray()) {
            CLASSES[c] |= WS_CHAR;
        }
        for (int c = 0; c < 128; c++) {
            boolean digit = c >= '0' && c <= '9';
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            boolean hexLetter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            boolean idStart = letter || c == '_' || c == '$';
            CLASSES[c] |= (digit ? DIGIT : 0)
                    | (digit || hexLetter ? HEX_DIGIT : 0)
                    | (idStart ? ID_START : 0)
                    | (idStart || digit ? ID_PART : 0);
        }
    }

    private static boolean is(char c, int characterClass) {
        return c < 128 && (CLASSES[c] & characterClass) != 0;
    }

    /** WS: {@code [ \t\r\n\u000C\u00A0]}. */
    private static boolean isWhitespace(char c) {
        return is(c, WS_CHAR) || c == '\u00A0';
    }

    private static boolean isDigit(char c) {
        return is(c, DIGIT);
    }

    private static boolean isHexDigit(char c) {
        return is(c, HEX_DIGIT);
    }

    /** ID_START, ASCII part. */
    private static boolean isIdStart(char c) {
        return is(c, ID_START);
    }

    /** ID_PART, ASCII part. */
    private static boolean isIdPart(char c) {
        return is(c, ID_PART);
    }

    /**
     * The end of the IDENTIFIER whose first character is before {@code i}: {@code ID_PART*
     * ('-'+ ID_PART+)*}, so a run of '-' belongs to the name only when a name character follows it.
     */
    private int identifierEnd(int i) {
        int end = i;
        while (true) {
            while (end < length && isIdPart(text.charAt(end))) {
                end++;
            }
            int afterHyphens = end;
            while (afterHyphens < length && text.charAt(afterHyphens) == '-') {
                afterHyphens++;
            }
            if (afterHyphens == end || afterHyphens >= length || !isIdPart(text.charAt(afterHyphens))) {
                return end;
            }
            end = afterHyphens;
        }
    }

    /**
     * A NUMBER or HEX_NUMBER at {@code i}, longest match: {@code 0x} needs a hex digit after it
     * (else it is {@code 0} and an identifier), an exponent needs a digit (else it is left for
     * the next token). Returns its end.
     */
    private int number(int i) {
        if (text.charAt(i) == '0'
                && i + 2 < length
                && (text.charAt(i + 1) | 0x20) == 'x'
                && isHexDigit(text.charAt(i + 2))) {
            int j = i + 3;
            while (j < length && isHexDigit(text.charAt(j))) {
                j++;
            }
            type = HEX;
            return j;
        }
        int j = i;
        while (j < length && isDigit(text.charAt(j))) {
            j++;
        }
        if (j < length && text.charAt(j) == '.') {
            j++;
            while (j < length && isDigit(text.charAt(j))) {
                j++;
            }
        }
        if (j < length && (text.charAt(j) | 0x20) == 'e') {
            int k = j + 1;
            if (k < length && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                k++;
            }
            if (k < length && isDigit(text.charAt(k))) {
                while (k < length && isDigit(text.charAt(k))) {
                    k++;
                }
                j = k;
            }
        }
        type = NUMBER;
        return j;
    }

    /**
     * A terminated string literal opening at {@code i}, decoded as AstBuilder.string decodes it.
     * An escape that would be reported, an unterminated string or a lone surrogate bails.
     * Returns its end.
     */
    private int string(int i, char quote) {
        StringBuilder value = null;
        int copied = i + 1;
        int j = i + 1;
        while (true) {
            if (j >= length) {
                throw BAIL; // unterminated: HJ013 is the grammar path's
            }
            char c = text.charAt(j);
            if (c == quote) {
                if (j + 1 >= length || text.charAt(j + 1) != quote) {
                    break;
                }
                // A doubled quote is one quote, as the grammar's STRING reads it.
                if (value == null) {
                    value = new StringBuilder(j - i + 16);
                }
                value.append(text, copied, j + 1);
                j += 2;
                copied = j;
                continue;
            }
            if (c == '\\') {
                if (j + 1 >= length) {
                    throw BAIL;
                }
                if (value == null) {
                    value = new StringBuilder(j - i + 16);
                }
                value.append(text, copied, j);
                char e = text.charAt(j + 1);
                switch (e) {
                    case '\'', '"', '\\', '/' -> value.append(e);
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u' -> {
                        // Four ASCII hex digits; none of them can be the closing quote or a backslash.
                        int code = 0;
                        for (int k = j + 2; k < j + 6; k++) {
                            char h = k < length ? text.charAt(k) : 0;
                            if (!isHexDigit(h)) {
                                throw BAIL;
                            }
                            code = code * 16 + Character.digit(h, 16);
                        }
                        value.append((char) code);
                        j += 4;
                    }
                    default -> throw BAIL; // an invalid escape is reported where it stands
                }
                j += 2;
                copied = j;
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || j + 1 >= length || !Character.isLowSurrogate(text.charAt(j + 1))) {
                    throw BAIL;
                }
                j += 2;
            } else {
                j++;
            }
        }
        if (value == null) {
            tokValue = text.substring(i + 1, j);
        } else {
            tokValue = value.append(text, copied, j).toString();
        }
        type = STRING;
        return j + 1;
    }

    /** Keywords (lower case) and the token type each one lexes as. */
    private static final String[] KEYWORDS = {
        "and",
        "or",
        "not",
        "in",
        "nin",
        "true",
        "false",
        "null",
        "undefined",
        "devices",
        "modules",
        "jobs",
        "select",
        "top",
        "from",
        "where",
        "group",
        "by",
        "as"
    };

    private static final int[] KEYWORD_TYPES = {
        AND, OR, NOT, IN, NIN, TRUE, FALSE, NULL, UNDEFINED, WORD, WORD, WORD, CLAUSE, CLAUSE, CLAUSE, CLAUSE, CLAUSE,
        CLAUSE, CLAUSE
    };

    /** For each letter a to z, the indexes in {@link #KEYWORDS} of the keywords it starts: at most three. */
    private static final int[][] KEYWORDS_BY_LETTER = new int[26][];

    static {
        for (int letter = 0; letter < 26; letter++) {
            char first = (char) ('a' + letter);
            KEYWORDS_BY_LETTER[letter] = java.util.stream.IntStream.range(0, KEYWORDS.length)
                    .filter(k -> KEYWORDS[k].charAt(0) == first)
                    .toArray();
        }
    }

    /** The keyword type of the identifier at {@code [start, start + n)}, or IDENT; keywords match in any case. */
    private int keyword(int start, int n) {
        if (n > 9) {
            return IDENT; // longer than "undefined", the longest keyword
        }
        int letter = (text.charAt(start) | 0x20) - 'a'; // out of range for '_', '$' and digits
        if (letter < 0 || letter >= KEYWORDS_BY_LETTER.length) {
            return IDENT;
        }
        for (int k : KEYWORDS_BY_LETTER[letter]) {
            if (KEYWORDS[k].length() == n && word(start, KEYWORDS[k])) {
                return KEYWORD_TYPES[k];
            }
        }
        return IDENT;
    }

    /**
     * Whether the identifier at {@code start} spells {@code lower} in any case. {@code c | 0x20}
     * is a lower-case letter only for that letter in either case, so digits, '_' and '$' never match.
     */
    private boolean word(int start, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            if ((text.charAt(start + k) | 0x20) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
