package dev.hubjobs.query;

import dev.hubjobs.grammar.IotHubQueryLexer;
import dev.hubjobs.text.CodePointOffsets;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * The tokens of a query text classified as an editor colours them, read as the grammar reads
 * them: a reserved word after a dot is a path segment ({@code tags.group.name}), {@code devices}
 * is a name except in {@code FROM devices.modules}, a name before {@code (} is a function. Any
 * text is classified, half-typed queries included; the work is linear in the text.
 */
public final class QueryTokens {

    /** What a token is, for colouring. */
    public enum Kind {
        KEYWORD,
        FUNCTION,
        PROPERTY,
        STRING,
        NUMBER,
        OPERATOR,
        COMMENT
    }

    /** A classified token; its span counts UTF-16 code units of the query text. */
    public record QueryToken(Span span, Kind kind) {}

    /**
     * Where a value of {@code path} belongs: the path as written in the query, and the start of the
     * value being typed (UTF-16 code units; the cursor itself when nothing is typed yet).
     */
    public record ValuePosition(String path, int valueStart) {}

    private QueryTokens() {}

    /** The classified tokens of {@code query} in text order; punctuation and unknown characters are left out. */
    public static List<QueryToken> classify(String query) {
        if (query.length() > QueryParser.MAX_LENGTH) {
            return List.of(); // no colouring for a text the parser refuses to read
        }
        CodePointOffsets offsets = CodePointOffsets.of(query);
        IotHubQueryLexer lexer = new IotHubQueryLexer(CharStreams.fromString(query));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        List<QueryToken> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Kind kind = kind(tokens, i);
            if (kind != null) {
                Token t = tokens.get(i);
                out.add(new QueryToken(offsets.span(t.getStartIndex(), t.getStopIndex()), kind));
            }
        }
        return out;
    }

    /**
     * Whether the text before {@code cursor} (UTF-16 code units) ends where a value of a path is
     * written: after {@code path =} (or another comparison), or in the list of {@code path IN [}
     * or {@code NIN [}, possibly with a value half typed (an unclosed string, a number, a word).
     * Read with the grammar's lexer, so comments and strings that hold operators do not mislead.
     */
    public static Optional<ValuePosition> valueAt(String query, int cursor) {
        if (cursor > QueryParser.MAX_LENGTH) {
            return Optional.empty();
        }
        String before = query.substring(0, cursor);
        CodePointOffsets offsets = CodePointOffsets.of(before);
        IotHubQueryLexer lexer = new IotHubQueryLexer(CharStreams.fromString(before));
        lexer.removeErrorListeners();
        List<Token> tokens = new ArrayList<>();
        for (Token t : lexer.getAllTokens()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                tokens.add(t);
            }
        }
        int last = tokens.size() - 1;
        int valueStart = cursor;
        if (last >= 0) {
            Span typed = offsets.span(
                    tokens.get(last).getStartIndex(), tokens.get(last).getStopIndex());
            if (isHalfTyped(tokens.get(last).getType()) && typed.end() == cursor) {
                valueStart = typed.start();
                last--;
            }
        }
        if (last < 0) {
            return Optional.empty();
        }
        int pathEnd;
        if (isComparison(tokens.get(last).getType())) {
            pathEnd = last - 1;
        } else {
            int i = last;
            while (i >= 0 && isListItem(tokens.get(i).getType())) {
                i--;
            }
            if (i < 1
                    || tokens.get(i).getType() != IotHubQueryLexer.LBRACKET
                    || (tokens.get(i - 1).getType() != IotHubQueryLexer.IN
                            && tokens.get(i - 1).getType() != IotHubQueryLexer.NIN)) {
                return Optional.empty();
            }
            pathEnd = i - 2;
        }
        int pathStart = pathEnd;
        if (pathStart < 0 || !isName(tokens, pathStart)) {
            return Optional.empty();
        }
        while (pathStart >= 2
                && tokens.get(pathStart - 1).getType() == IotHubQueryLexer.DOT
                && isName(tokens, pathStart - 2)) {
            pathStart -= 2;
        }
        Span path = offsets.span(
                tokens.get(pathStart).getStartIndex(), tokens.get(pathEnd).getStopIndex());
        return Optional.of(new ValuePosition(before.substring(path.start(), path.end()), valueStart));
    }

    private static boolean isHalfTyped(int type) {
        return type == IotHubQueryLexer.UNTERMINATED_STRING
                || type == IotHubQueryLexer.NUMBER
                || type == IotHubQueryLexer.HEX_NUMBER
                || type == IotHubQueryLexer.IDENTIFIER
                || type == IotHubQueryLexer.TRUE
                || type == IotHubQueryLexer.FALSE
                || type == IotHubQueryLexer.NULL;
    }

    private static boolean isComparison(int type) {
        return type == IotHubQueryLexer.EQ
                || type == IotHubQueryLexer.NEQ
                || type == IotHubQueryLexer.LT
                || type == IotHubQueryLexer.LTE
                || type == IotHubQueryLexer.GT
                || type == IotHubQueryLexer.GTE;
    }

    /** What may come between {@code IN [} and the value being typed: literals and commas. */
    private static boolean isListItem(int type) {
        return type == IotHubQueryLexer.COMMA
                || type == IotHubQueryLexer.STRING
                || type == IotHubQueryLexer.NUMBER
                || type == IotHubQueryLexer.HEX_NUMBER
                || type == IotHubQueryLexer.MINUS
                || type == IotHubQueryLexer.TRUE
                || type == IotHubQueryLexer.FALSE
                || type == IotHubQueryLexer.NULL;
    }

    /** A path segment: a name, a quoted name, or a reserved word after a dot ({@code tags.group}). */
    private static boolean isName(List<Token> tokens, int i) {
        int type = tokens.get(i).getType();
        if (type == IotHubQueryLexer.IDENTIFIER || type == IotHubQueryLexer.QUOTED_IDENTIFIER) {
            return true;
        }
        boolean reserved = type >= IotHubQueryLexer.SELECT && type <= IotHubQueryLexer.JOBS;
        return reserved && i > 0 && tokens.get(i - 1).getType() == IotHubQueryLexer.DOT;
    }

    private static Kind kind(List<? extends Token> tokens, int i) {
        int type = tokens.get(i).getType();
        boolean afterDot = i > 0 && tokens.get(i - 1).getType() == IotHubQueryLexer.DOT;
        switch (type) {
            case IotHubQueryLexer.STRING, IotHubQueryLexer.UNTERMINATED_STRING:
                return Kind.STRING;
            case IotHubQueryLexer.NUMBER, IotHubQueryLexer.HEX_NUMBER:
                return Kind.NUMBER;
            case IotHubQueryLexer.BLOCK_COMMENT, IotHubQueryLexer.UNTERMINATED_COMMENT:
                return Kind.COMMENT;
            case IotHubQueryLexer.IDENTIFIER:
                boolean call = i + 1 < tokens.size() && tokens.get(i + 1).getType() == IotHubQueryLexer.LPAREN;
                return call ? Kind.FUNCTION : Kind.PROPERTY;
            case IotHubQueryLexer.QUOTED_IDENTIFIER, IotHubQueryLexer.UNTERMINATED_QUOTED_IDENTIFIER:
                return Kind.PROPERTY;
            case IotHubQueryLexer.EQ,
                    IotHubQueryLexer.NEQ,
                    IotHubQueryLexer.LT,
                    IotHubQueryLexer.LTE,
                    IotHubQueryLexer.GT,
                    IotHubQueryLexer.GTE,
                    IotHubQueryLexer.PLUS,
                    IotHubQueryLexer.MINUS,
                    IotHubQueryLexer.SLASH,
                    IotHubQueryLexer.PERCENT,
                    IotHubQueryLexer.STAR:
                return Kind.OPERATOR;
            default:
                break;
        }
        if (type >= IotHubQueryLexer.SELECT && type <= IotHubQueryLexer.JOBS) {
            boolean collection = type == IotHubQueryLexer.DEVICES
                    || type == IotHubQueryLexer.MODULES
                    || type == IotHubQueryLexer.JOBS;
            if (collection && afterFrom(tokens, i)) {
                return Kind.KEYWORD;
            }
            return afterDot || collection ? Kind.PROPERTY : Kind.KEYWORD;
        }
        return null;
    }

    private static boolean afterFrom(List<? extends Token> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
            int t = tokens.get(j).getType();
            if (t == IotHubQueryLexer.FROM) {
                return true;
            }
            if (t != IotHubQueryLexer.DOT
                    && t != IotHubQueryLexer.DEVICES
                    && t != IotHubQueryLexer.MODULES
                    && t != IotHubQueryLexer.JOBS) {
                return false;
            }
        }
        return false;
    }
}
