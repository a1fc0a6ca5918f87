package dev.hubjobs.lsp.services;

import dev.hubjobs.grammar.IotHubQueryLexer;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.text.CodePointOffsets;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Semantic tokens for the query inside each {@code queryCondition}, so that editors colour it
 * like code instead of one JSON string. The query is lexed as decoded text (the lexer never fails,
 * so half-typed queries are coloured too) and each token is mapped back to the document through
 * the string's escapes.
 */
final class SemanticTokensService {

    static final List<String> TYPES = List.of(SemanticTokenTypes.Keyword, SemanticTokenTypes.Function,
            SemanticTokenTypes.Property, SemanticTokenTypes.String, SemanticTokenTypes.Number,
            SemanticTokenTypes.Operator, SemanticTokenTypes.Comment);

    static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, List.of());

    private static final int KEYWORD = 0;
    private static final int FUNCTION = 1;
    private static final int PROPERTY = 2;
    private static final int STRING = 3;
    private static final int NUMBER = 4;
    private static final int OPERATOR = 5;
    private static final int COMMENT = 6;

    SemanticTokens tokens(JobDocument doc, CancelChecker cancel) {
        List<Integer> data = new ArrayList<>();
        int[] previous = {0, 0};
        for (JsonObject job : doc.jobs()) {
            cancel.checkCanceled();
            JobDocument.queryCondition(job).ifPresent(s -> encode(doc.lines(), s, data, previous));
        }
        return new SemanticTokens(data);
    }

    private static void encode(LineMap lines, JsonString s, List<Integer> data, int[] previous) {
        String q = s.value();
        CodePointOffsets offsets = CodePointOffsets.of(q);
        IotHubQueryLexer lexer = new IotHubQueryLexer(CharStreams.fromString(q));
        lexer.removeErrorListeners();
        List<? extends Token> tokens = lexer.getAllTokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            int type = classify(tokens, i);
            if (type < 0) {
                continue;
            }
            Span span = s.documentSpan(offsets.span(t.getStartIndex(), t.getStopIndex()));
            LineMap.Position start = lines.position(span.start());
            LineMap.Position end = lines.position(span.end());
            if (start.line() != end.line() || span.isEmpty()) {
                // Tokens may not span lines; a JSON string holds no raw line break unless it is broken.
                continue;
            }
            int deltaLine = start.line() - previous[0];
            int deltaStart = deltaLine == 0 ? start.column() - previous[1] : start.column();
            data.add(deltaLine);
            data.add(deltaStart);
            data.add(span.length());
            data.add(type);
            data.add(0);
            previous[0] = start.line();
            previous[1] = start.column();
        }
    }

    private static int classify(List<? extends Token> tokens, int i) {
        int type = tokens.get(i).getType();
        boolean afterDot = i > 0 && tokens.get(i - 1).getType() == IotHubQueryLexer.DOT;
        switch (type) {
            case IotHubQueryLexer.STRING, IotHubQueryLexer.UNTERMINATED_STRING:
                return STRING;
            case IotHubQueryLexer.NUMBER, IotHubQueryLexer.HEX_NUMBER:
                return NUMBER;
            case IotHubQueryLexer.BLOCK_COMMENT:
                return COMMENT;
            case IotHubQueryLexer.IDENTIFIER, IotHubQueryLexer.QUOTED_IDENTIFIER:
                boolean call = i + 1 < tokens.size() && tokens.get(i + 1).getType() == IotHubQueryLexer.LPAREN;
                return call && type == IotHubQueryLexer.IDENTIFIER ? FUNCTION : PROPERTY;
            case IotHubQueryLexer.EQ, IotHubQueryLexer.NEQ, IotHubQueryLexer.LT, IotHubQueryLexer.LTE,
                    IotHubQueryLexer.GT, IotHubQueryLexer.GTE, IotHubQueryLexer.PLUS, IotHubQueryLexer.MINUS,
                    IotHubQueryLexer.SLASH, IotHubQueryLexer.PERCENT:
                return OPERATOR;
            case IotHubQueryLexer.STAR:
                return OPERATOR;
            default:
                break;
        }
        if (type >= IotHubQueryLexer.SELECT && type <= IotHubQueryLexer.JOBS) {
            // A reserved word after a dot is a path segment (tags.group.name), as the parser reads it;
            // devices/modules/jobs are names too, except in FROM devices.modules.
            if (afterDot || type == IotHubQueryLexer.DEVICES || type == IotHubQueryLexer.MODULES
                    || type == IotHubQueryLexer.JOBS) {
                return afterDot || !afterFrom(tokens, i) ? PROPERTY : KEYWORD;
            }
            return KEYWORD;
        }
        return -1;
    }

    private static boolean afterFrom(List<? extends Token> tokens, int i) {
        for (int j = i - 1; j >= 0; j--) {
            int t = tokens.get(j).getType();
            if (t == IotHubQueryLexer.FROM) {
                return true;
            }
            if (t != IotHubQueryLexer.DOT && t != IotHubQueryLexer.DEVICES && t != IotHubQueryLexer.MODULES) {
                return false;
            }
        }
        return false;
    }
}
