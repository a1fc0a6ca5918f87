package dev.hubjobs.lsp.services;

import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.QueryTokens;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.SemanticTokenTypes;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Semantic tokens for the query inside each {@code queryCondition}, so that editors colour it
 * like code instead of one JSON string. The toolkit classifies the decoded text ({@link
 * QueryTokens}, half-typed queries too) and each token is mapped back to the document through the
 * string's escapes.
 */
final class SemanticTokensService {

    /** The LSP token type of each kind the toolkit classifies. */
    private static final Map<QueryTokens.Kind, String> TYPE_NAMES = new EnumMap<>(Map.of(
            QueryTokens.Kind.KEYWORD, SemanticTokenTypes.Keyword,
            QueryTokens.Kind.FUNCTION, SemanticTokenTypes.Function,
            QueryTokens.Kind.PROPERTY, SemanticTokenTypes.Property,
            QueryTokens.Kind.STRING, SemanticTokenTypes.String,
            QueryTokens.Kind.NUMBER, SemanticTokenTypes.Number,
            QueryTokens.Kind.OPERATOR, SemanticTokenTypes.Operator,
            QueryTokens.Kind.COMMENT, SemanticTokenTypes.Comment));

    static final List<String> TYPES = List.copyOf(TYPE_NAMES.values());

    static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, List.of());

    /** Each kind's index in the legend. */
    private static final Map<QueryTokens.Kind, Integer> TYPE_OF = new EnumMap<>(QueryTokens.Kind.class);

    static {
        TYPE_NAMES.keySet().forEach(k -> TYPE_OF.put(k, TYPES.indexOf(TYPE_NAMES.get(k))));
    }

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
        for (QueryTokens.QueryToken t : QueryTokens.classify(s.value())) {
            Span span = s.documentSpan(t.span());
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
            data.add(TYPE_OF.get(t.kind()));
            data.add(0);
            previous[0] = start.line();
            previous[1] = start.column();
        }
    }
}
