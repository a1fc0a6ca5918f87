package dev.hubjobs.lsp.services;

import dev.hubjobs.fix.FixAll;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Quick fixes: one code action per fix of each of our diagnostics in the request's context.
 * Fixes normally come from the diagnostic's {@code data}; a client that drops {@code data} gets
 * them from a fresh validation, matched by code and range. And {@code source.fixAll}, the editor's
 * {@code --fix}.
 */
final class CodeActionService {

    /** Whether an action of {@code kind} is among the kinds a client asked for (kinds nest: {@code source} holds {@code source.fixAll}). */
    static boolean wanted(List<String> only, String kind) {
        return only == null
                || only.isEmpty()
                || only.stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
    }

    /**
     * Every safe fix, in passes until none is left, as one edit of the whole document: the
     * toolkit's fix-all, which the command line's {@code --fix} runs too. Empty when there is
     * nothing to fix.
     */
    Optional<CodeAction> fixAll(String uri, String text, Function<String, List<dev.hubjobs.diag.Diagnostic>> validate) {
        FixAll.Outcome outcome = FixAll.apply(text, validate);
        if (!outcome.changed()) {
            return Optional.empty();
        }
        LineMap lines = LineMap.of(text);
        CodeAction action =
                new CodeAction("Fix all safe hubjobs problems (" + String.join(", ", outcome.codes()) + ")");
        action.setKind(CodeActionKind.SourceFixAll);
        action.setEdit(new WorkspaceEdit(Map.of(
                uri, List.of(new TextEdit(LspConverters.range(lines, Span.of(0, text.length())), outcome.text())))));
        return Optional.of(action);
    }

    List<CodeAction> quickFixes(
            String uri, List<Diagnostic> context, Supplier<List<Diagnostic>> current, CancelChecker cancel) {
        List<CodeAction> actions = new ArrayList<>();
        List<Diagnostic> fresh = null;
        for (Diagnostic d : context) {
            cancel.checkCanceled();
            // Some clients drop the source on the way back; only a diagnostic of another tool is skipped.
            if (d.getSource() != null && !LspConverters.SOURCE.equals(d.getSource())) {
                continue;
            }
            var fixes = LspConverters.fixes(d);
            if (fixes.isEmpty()) {
                if (fresh == null) {
                    fresh = current.get();
                }
                fixes = fresh.stream()
                        .filter(f -> Objects.equals(LspConverters.codeOf(f), LspConverters.codeOf(d))
                                && f.getRange().equals(d.getRange()))
                        .findFirst()
                        .flatMap(LspConverters::fixes);
            }
            List<LspConverters.FixData> list = fixes.orElse(List.of());
            for (LspConverters.FixData fix : list) {
                CodeAction action = new CodeAction(fix.title());
                action.setKind(CodeActionKind.QuickFix);
                action.setDiagnostics(List.of(d));
                action.setEdit(new WorkspaceEdit(Map.of(uri, new ArrayList<TextEdit>(fix.edits()))));
                // A safe fix that is the only way out is what the editor should apply on "fix".
                action.setIsPreferred(fix.safe() && list.size() == 1);
                actions.add(action);
            }
        }
        return actions;
    }
}
