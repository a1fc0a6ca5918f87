package dev.hubjobs.lsp.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * them from a fresh validation, matched by code and range.
 */
final class CodeActionService {

    List<CodeAction> quickFixes(String uri, List<Diagnostic> context, Supplier<List<Diagnostic>> current,
            CancelChecker cancel) {
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
