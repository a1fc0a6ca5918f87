package dev.hubjobs.query;

import dev.hubjobs.grammar.IotHubQueryLexer;
import dev.hubjobs.text.CodePointOffsets;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
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
