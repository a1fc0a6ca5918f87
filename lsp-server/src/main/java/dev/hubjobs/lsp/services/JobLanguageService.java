package dev.hubjobs.lsp.services;

import dev.hubjobs.ValidationResult;
import dev.hubjobs.exec.FleetSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * The language features for job files, free of any transport: every method takes a document's
 * URI and text (plus a position where it matters) and returns lsp4j data. Threads, versions,
 * debouncing and the client live in the protocol glue ({@code dev.hubjobs.lsp}); this facade only
 * delegates to one class per feature. Thread-safe.
 */
public final class JobLanguageService {

    private final ValidatorProvider validators = new ValidatorProvider();
    private final DiagnosticsService diagnostics = new DiagnosticsService(validators);
    private final CodeActionService codeActions = new CodeActionService();
    private final CompletionService completion = new CompletionService();
    private final HoverService hover = new HoverService();
    private final DocumentSymbolService symbols = new DocumentSymbolService();
    private final SemanticTokensService semanticTokens = new SemanticTokensService();
    private volatile FleetSummary fleet;
    private volatile boolean snippets;
    /**
     * The parsed model of each document's latest text. After an edit a client asks for symbols,
     * semantic tokens, code actions and hovers of the same text; on a large file one parse
     * instead of four is the difference between a responsive editor and a sluggish one.
     */
    private final Map<String, JobDocument> models = new ConcurrentHashMap<>();

    /**
     * The fleet for path/value completion, match counts and the fleet rules (HJ4xx); null for
     * none. Findings computed before may differ now.
     */
    public void setFleet(FleetSummary fleet) {
        this.fleet = fleet;
        validators.setFleet(fleet);
        diagnostics.forgetAll();
    }

    /** Whether the client takes snippets in completions (its {@code snippetSupport}); off by default. */
    public void setSnippetSupport(boolean snippets) {
        this.snippets = snippets;
    }

    /** Forgets every cached {@code .hubjobs.json}: call when one was created, changed or deleted. */
    public void configurationChanged() {
        validators.invalidate();
        diagnostics.forgetAll();
    }

    /** The document was closed: drop what was kept for it. */
    public void closed(String uri) {
        diagnostics.forget(uri);
        models.remove(uri);
    }

    public List<Diagnostic> diagnostics(String uri, String text, CancelChecker cancel) {
        return diagnostics.diagnostics(uri, text, cancel);
    }

    /**
     * The problems of the configuration file that applies to {@code uri}, so that an unknown rule
     * code in {@code .hubjobs.json} shows up even while that file is not open.
     */
    public Optional<ConfigurationDiagnostics> configurationDiagnostics(String uri) {
        return validators
                .configFor(uri)
                .map(loaded -> new ConfigurationDiagnostics(
                        loaded.path().toUri().toString(),
                        loaded.diagnostics().stream()
                                .map(d -> LspConverters.diagnostic(loaded.lines(), d))
                                .toList()));
    }

    /** Quick fixes for the given diagnostics of the document (those the client sent as context). */
    public List<CodeAction> codeActions(String uri, String text, List<Diagnostic> context, CancelChecker cancel) {
        return codeActions(uri, text, context, List.of(CodeActionKind.QuickFix), cancel);
    }

    /**
     * The code actions of the kinds {@code only} asks for (null for every kind): quick fixes for
     * the given diagnostics, and {@code source.fixAll}, every safe fix applied as {@code hubjobs
     * validate --fix} applies them.
     */
    public List<CodeAction> codeActions(
            String uri, String text, List<Diagnostic> context, List<String> only, CancelChecker cancel) {
        List<CodeAction> actions = new ArrayList<>();
        if (CodeActionService.wanted(only, CodeActionKind.QuickFix)) {
            actions.addAll(
                    codeActions.quickFixes(uri, context, () -> diagnostics.diagnostics(uri, text, cancel), cancel));
        }
        if (CodeActionService.wanted(only, CodeActionKind.SourceFixAll) && !DiagnosticsService.isConfigFile(uri)) {
            codeActions
                    .fixAll(
                            uri,
                            text,
                            t -> validators
                                    .validate(uri, t, cancel::checkCanceled)
                                    .diagnostics())
                    .ifPresent(actions::add);
        }
        return actions;
    }

    public CompletionList completion(String uri, String text, Position position, CancelChecker cancel) {
        JobDocument doc = model(uri, text);
        return completion.complete(doc, offset(doc, position), fleet, snippets, cancel);
    }

    public Hover hover(String uri, String text, Position position, CancelChecker cancel) {
        JobDocument doc = model(uri, text);
        return hover.hover(doc, offset(doc, position), () -> validation(uri, text, cancel), fleet, cancel);
    }

    public List<DocumentSymbol> documentSymbols(String uri, String text, CancelChecker cancel) {
        return symbols.symbols(model(uri, text), cancel);
    }

    public SemanticTokens semanticTokens(String uri, String text, CancelChecker cancel) {
        return semanticTokens.tokens(model(uri, text), cancel);
    }

    public static SemanticTokensLegend semanticTokensLegend() {
        return SemanticTokensService.LEGEND;
    }

    private JobDocument model(String uri, String text) {
        JobDocument cached = models.get(uri);
        if (cached != null && cached.text().equals(text)) {
            return cached;
        }
        JobDocument parsed = JobDocument.parse(uri, text);
        models.put(uri, parsed);
        return parsed;
    }

    private ValidationResult validation(String uri, String text, CancelChecker cancel) {
        return diagnostics.validate(uri, text, cancel);
    }

    private static int offset(JobDocument doc, Position p) {
        return dev.hubjobs.lsp.commons.TextDocument.offset(doc.text(), doc.lines(), p);
    }
}
