package dev.hubjobs.lsp.services;

import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
import dev.hubjobs.query.QueryTokens;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion: field names where a key goes, the job types for {@code type}, and inside a
 * {@code queryCondition} keywords, functions, path roots and (with a fleet) the paths and values
 * seen in the fleet. Text inserted into the query is JSON-escaped for the string that holds it.
 */
final class CompletionService {

    private static final int MAX_VALUES = 100;
    /** How far back from the cursor the name being typed is looked for. */
    private static final int LOOK_BACK = 1024;

    /**
     * @param snippets whether the client takes snippets ({@code $1}, choices); without, the
     *     plain text of each snippet is inserted
     */
    CompletionList complete(JobDocument doc, int offset, FleetSummary fleet, boolean snippets, CancelChecker cancel) {
        cancel.checkCanceled();
        JobDocument.Location at = doc.locate(offset);
        List<CompletionItem> items = new ArrayList<>();
        String keyBeforeColon =
                at.kind() == JobDocument.Kind.KEY && at.member() == null ? keyBeforeColon(doc.text(), offset) : null;
        if (keyBeforeColon != null) {
            // "type": | — the parser drops a member without a value, so the tree says "key position".
            if (keyBeforeColon.equals("type") && at.inJob()) {
                for (String type : FieldSnippets.TYPES) {
                    items.add(
                            item(type, CompletionItemKind.EnumMember, doc, Span.at(offset), "\"" + type + "\"", null));
                }
            }
        } else if (at.kind() == JobDocument.Kind.KEY && at.job() != null) {
            keys(doc, at, offset, snippets, items);
        } else if (at.kind() == JobDocument.Kind.VALUE && at.inJob() && at.member() != null) {
            Member m = at.member();
            String key = m.key().value();
            if (key.equals("type") && m.value() instanceof JsonString s) {
                for (String type : FieldSnippets.TYPES) {
                    items.add(item(type, CompletionItemKind.EnumMember, doc, s.contentSpan(), s.encode(type), null));
                }
            } else if (key.equals("queryCondition") && m.value() instanceof JsonString s) {
                query(doc, s, JobDocument.valueOffset(s, offset), fleet, snippets, items);
            }
        }
        return new CompletionList(false, items);
    }

    private static void keys(
            JobDocument doc, JobDocument.Location at, int offset, boolean snippets, List<CompletionItem> items) {
        List<JobFields.Field> fields = JobFields.fieldsAt(at.path());
        Set<String> present = new LinkedHashSet<>();
        for (Member m : at.object().members()) {
            if (m != at.member()) {
                present.add(m.key().value());
            }
        }
        for (JobFields.Field f : fields) {
            if (present.contains(f.name())) {
                continue;
            }
            CompletionItem item;
            if (at.member() != null && at.member().key().style() != JsonValue.Style.BARE) {
                // Inside a quoted key: replace the key's text only, the rest of the member stays.
                JsonString key = at.member().key();
                item = item(f.name(), CompletionItemKind.Property, doc, key.contentSpan(), f.name(), f.description());
            } else {
                Span span = at.member() != null ? at.member().key().span() : Span.at(offset);
                String snippet = FieldSnippets.snippet(f);
                item = item(
                        f.name(),
                        CompletionItemKind.Property,
                        doc,
                        span,
                        "\"" + f.name() + "\": " + (snippets ? snippet : FieldSnippets.plain(snippet)),
                        f.description());
                item.setInsertTextFormat(snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
                item.setFilterText("\"" + f.name() + "\"");
            }
            items.add(item);
        }
    }

    private static void query(
            JobDocument doc,
            JsonString s,
            int cursor,
            FleetSummary fleet,
            boolean snippets,
            List<CompletionItem> items) {
        String q = s.value();
        int start = cursor;
        // A '-' right after a name character continues the name (tags.deploy-ring), as the grammar reads it.
        while (start > 0
                && cursor - start < LOOK_BACK
                && (isPathChar(q.charAt(start - 1))
                        || (q.charAt(start - 1) == '-' && start > 1 && isNameChar(q.charAt(start - 2))))) {
            start--;
        }
        Optional<QueryTokens.ValuePosition> at = QueryTokens.valueAt(q, cursor);
        if (at.isPresent()) {
            String valuesOf = at.get().path();
            Span replace = s.documentSpan(Span.of(at.get().valueStart(), cursor));
            if (fleet != null) {
                int n = 0;
                for (Object value : fleet.values(valuesOf)) {
                    if (n++ == MAX_VALUES) {
                        break;
                    }
                    String literal = literal(value);
                    items.add(item(
                            literal,
                            CompletionItemKind.Value,
                            doc,
                            replace,
                            s.encode(literal),
                            "seen at `" + valuesOf + "` in the fleet"));
                }
            }
            return;
        }
        Span replace = s.documentSpan(Span.of(start, cursor));
        String prefix = q.substring(start, cursor);
        if (prefix.indexOf('.') < 0) {
            for (String keyword : QueryLanguage.KEYWORDS) {
                items.add(item(keyword, CompletionItemKind.Keyword, doc, replace, s.encode(keyword), null));
            }
            for (var f : QueryLanguage.FUNCTIONS) {
                CompletionItem item = item(
                        f.name(),
                        CompletionItemKind.Function,
                        doc,
                        replace,
                        s.encode(f.name()) + (snippets ? "($1)" : "()"),
                        QueryLanguage.doc(f));
                item.setInsertTextFormat(snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText);
                items.add(item);
            }
        }
        Set<String> paths = new LinkedHashSet<>();
        for (String root : QueryLanguage.ROOTS) {
            if (root.startsWith(prefix) || prefix.indexOf('.') < 0) {
                paths.add(root);
            }
        }
        if (prefix.startsWith("properties.")) {
            paths.add("properties.desired.");
            paths.add("properties.reported.");
        }
        if (fleet != null) {
            String lower = prefix.toLowerCase(java.util.Locale.ROOT);
            for (String path : fleet.paths()) {
                if (path.toLowerCase(java.util.Locale.ROOT).startsWith(lower)) {
                    paths.add(path);
                }
            }
        }
        for (String path : paths) {
            CompletionItem item = item(path, CompletionItemKind.Field, doc, replace, s.encode(path), null);
            items.add(item);
        }
    }

    /** The key of {@code "key": |} when only white space separates the colon from the cursor. */
    private static String keyBeforeColon(String text, int offset) {
        int i = offset - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 0 || text.charAt(i) != ':') {
            return null;
        }
        i--;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i < 1 || text.charAt(i) != '"') {
            return null;
        }
        int end = i;
        int start = text.lastIndexOf('"', end - 1);
        return start < 0 ? null : text.substring(start + 1, end);
    }

    /** A value as a query literal: strings in single quotes (the documented form). */
    static String literal(Object value) {
        if (value instanceof String str) {
            return "'" + str.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        return String.valueOf(value);
    }

    private static boolean isPathChar(char c) {
        return isNameChar(c) || c == '.' || c == '[' || c == ']';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static CompletionItem item(
            String label,
            CompletionItemKind kind,
            JobDocument doc,
            Span replace,
            String newText,
            String documentation) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setTextEdit(Either.forLeft(new TextEdit(LspConverters.range(doc.lines(), replace), newText)));
        if (documentation != null) {
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, documentation));
        }
        return item;
    }
}
