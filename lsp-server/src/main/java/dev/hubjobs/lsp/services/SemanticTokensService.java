package dev.hubjobs.lsp.services;

import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.query.QueryTokens;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** The LSP token type of each kind the toolkit classifies, in the kinds' order: a kind's index is its ordinal. */
    static final List<String> TYPES = Arrays.stream(QueryTokens.Kind.values())
            .map(kind -> switch (kind) {
                case KEYWORD -> SemanticTokenTypes.Keyword;
                case FUNCTION -> SemanticTokenTypes.Function;
                case PROPERTY -> SemanticTokenTypes.Property;
                case STRING -> SemanticTokenTypes.String;
                case NUMBER -> SemanticTokenTypes.Number;
                case OPERATOR -> SemanticTokenTypes.Operator;
                case COMMENT -> SemanticTokenTypes.Comment;
            })
            .toList();

    static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, List.of());

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
            data.add(t.kind().ordinal());
            data.add(0);
            previous[0] = start.line();
            previous[1] = start.column();
        }
    }
}
