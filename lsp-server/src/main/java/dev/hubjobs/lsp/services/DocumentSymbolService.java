package dev.hubjobs.lsp.services;

import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * The outline: one symbol per job (named by its {@code jobId}) with its fields below. Payloads and
 * patches can be large, so the tree stops after {@link #LIMIT} symbols, as the JSON server does.
 */
final class DocumentSymbolService {

    static final int LIMIT = 5000;

    List<DocumentSymbol> symbols(JobDocument doc, CancelChecker cancel) {
        cancel.checkCanceled();
        int[] budget = {LIMIT};
        JsonValue root = doc.json().root().orElse(null);
        if (root instanceof JsonObject o) {
            return members(doc, o, budget);
        }
        List<DocumentSymbol> out = new ArrayList<>();
        if (root instanceof JsonArray a) {
            int i = 0;
            for (JsonValue v : a.elements()) {
                if (budget[0]-- <= 0) {
                    break;
                }
                cancel.checkCanceled();
                String name = v instanceof JsonObject o && o.get("jobId").orElse(null) instanceof JsonString id
                        ? id.value()
                        : "[" + i + "]";
                DocumentSymbol s = symbol(doc, name, v, v);
                if (v instanceof JsonObject o) {
                    s.setChildren(members(doc, o, budget));
                }
                out.add(s);
                i++;
            }
        }
        return out;
    }

    private static List<DocumentSymbol> members(JobDocument doc, JsonObject o, int[] budget) {
        List<DocumentSymbol> out = new ArrayList<>();
        for (Member m : o.members()) {
            if (budget[0]-- <= 0) {
                break;
            }
            DocumentSymbol s = symbol(doc, m.key().value(), m.value(), m.key());
            s.setRange(LspConverters.range(doc.lines(), m.span()));
            if (m.value() instanceof JsonObject child) {
                s.setChildren(members(doc, child, budget));
            }
            out.add(s);
        }
        return out;
    }

    private static DocumentSymbol symbol(JobDocument doc, String name, JsonValue value, JsonValue selection) {
        DocumentSymbol s = new DocumentSymbol();
        // Clients reject symbols with an empty name.
        s.setName(name.isEmpty() ? "\"\"" : name);
        s.setKind(kind(value));
        s.setDetail(detail(value));
        s.setRange(LspConverters.range(doc.lines(), value.span()));
        s.setSelectionRange(LspConverters.range(doc.lines(), selection.span()));
        return s;
    }

    private static SymbolKind kind(JsonValue v) {
        if (v instanceof JsonObject) {
            return SymbolKind.Object;
        } else if (v instanceof JsonArray) {
            return SymbolKind.Array;
        } else if (v instanceof JsonString) {
            return SymbolKind.String;
        } else if (v instanceof JsonValue.JsonNumber) {
            return SymbolKind.Number;
        } else if (v instanceof JsonValue.JsonBoolean) {
            return SymbolKind.Boolean;
        } else if (v instanceof JsonValue.JsonNull) {
            return SymbolKind.Null;
        }
        return SymbolKind.Key;
    }

    private static String detail(JsonValue v) {
        String text;
        if (v instanceof JsonString s) {
            text = s.value();
        } else if (v instanceof JsonValue.JsonNumber n) {
            text = n.text();
        } else if (v instanceof JsonValue.JsonBoolean b) {
            text = String.valueOf(b.value());
        } else if (v instanceof JsonValue.JsonNull) {
            text = "null";
        } else {
            return null;
        }
        return text.length() > 80 ? text.substring(0, 79) + "…" : text;
    }
}
