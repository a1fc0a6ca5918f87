package dev.hubjobs.lsp;

import dev.hubjobs.config.ConfigFile;
import dev.hubjobs.lsp.commons.TextDocument;
import dev.hubjobs.lsp.services.ConfigurationDiagnostics;
import dev.hubjobs.lsp.services.JobLanguageService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.JsonRpcException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Protocol glue for documents: keeps the open texts, schedules push validation and answers
 * requests. Notifications only update the store and schedule work, because lsp4j reads the next
 * message on the thread that handles this one; requests run on a pool through
 * {@link CompletableFutures#computeAsync} so that {@code $/cancelRequest} reaches them.
 * Validations (pushed, and pulled with {@code textDocument/diagnostic}) have a pool of their own,
 * so that a long one never holds up a hover or a completion, and each checks between jobs whether
 * its text is still current.
 */
final class JobTextDocumentService implements TextDocumentService {

    private static final Logger LOG = Logger.getLogger(JobTextDocumentService.class.getName());

    /** Push validation waits this long after a change, so a burst of keystrokes costs one run. */
    static final long DEBOUNCE_MILLIS = 200;

    private final JobLanguageServer server;
    private final JobLanguageService service;
    private final ScheduledExecutorService executor;
    private final ScheduledExecutorService validations;
    private final Map<String, TextDocument> documents = new ConcurrentHashMap<>();
    private final Map<String, Future<?>> pending = new ConcurrentHashMap<>();
    private final Map<String, Integer> published = new ConcurrentHashMap<>();
    /** What was last published for each configuration file that is not open, by its URI. */
    private final Map<String, List<Diagnostic>> publishedConfig = new ConcurrentHashMap<>();

    JobTextDocumentService(
            JobLanguageServer server,
            JobLanguageService service,
            ScheduledExecutorService executor,
            ScheduledExecutorService validations) {
        this.server = server;
        this.service = service;
        this.executor = executor;
        this.validations = validations;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        var item = params.getTextDocument();
        documents.put(item.getUri(), new TextDocument(item.getUri(), item.getVersion(), item.getText()));
        schedule(item.getUri(), 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        TextDocument doc = documents.computeIfPresent(
                uri, (u, d) -> d.apply(params.getTextDocument().getVersion(), params.getContentChanges()));
        if (doc != null && server.settings().trigger() == JobSettings.Trigger.ON_TYPE) {
            schedule(uri, DEBOUNCE_MILLIS);
        }
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        if (uri.endsWith("/" + ConfigFile.NAME)) {
            server.configurationFileChanged();
        } else if (server.settings().trigger() == JobSettings.Trigger.ON_SAVE) {
            schedule(uri, 0);
        }
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        documents.remove(uri);
        service.closed(uri);
        Future<?> previous = pending.remove(uri);
        if (previous != null) {
            previous.cancel(false);
        }
        if (!server.pullDiagnostics() && server.client() != null) {
            synchronized (published) {
                published.remove(uri);
                publishedConfig.remove(uri);
                server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
            }
        }
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        return compute(
                        validations,
                        params.getTextDocument().getUri(),
                        List.<Diagnostic>of(),
                        (doc, cancel) -> service.diagnostics(doc.uri(), doc.text(), cancel))
                .thenApply(items -> new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(items)));
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return compute(
                        executor,
                        params.getTextDocument().getUri(),
                        new CompletionList(List.of()),
                        (doc, cancel) -> service.completion(doc.uri(), doc.text(), params.getPosition(), cancel))
                .thenApply(Either::forRight);
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return compute(
                executor,
                params.getTextDocument().getUri(),
                null,
                (doc, cancel) -> service.hover(doc.uri(), doc.text(), params.getPosition(), cancel));
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return compute(
                executor, params.getTextDocument().getUri(), List.<Either<Command, CodeAction>>of(), (doc, cancel) -> {
                    List<Either<Command, CodeAction>> out = new ArrayList<>();
                    for (CodeAction a : service.codeActions(
                            doc.uri(),
                            doc.text(),
                            params.getContext().getDiagnostics(),
                            params.getContext().getOnly(),
                            cancel)) {
                        out.add(Either.forRight(a));
                    }
                    return out;
                });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return compute(
                executor,
                params.getTextDocument().getUri(),
                List.<Either<SymbolInformation, DocumentSymbol>>of(),
                (doc, cancel) -> {
                    List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
                    for (DocumentSymbol s : service.documentSymbols(doc.uri(), doc.text(), cancel)) {
                        out.add(Either.forRight(s));
                    }
                    return out;
                });
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return compute(
                executor,
                params.getTextDocument().getUri(),
                new SemanticTokens(List.of()),
                (doc, cancel) -> service.semanticTokens(doc.uri(), doc.text(), cancel));
    }

    private interface Feature<R> {
        R apply(TextDocument doc, CancelChecker cancel);
    }

    /** Runs a request on {@code pool} against the document's current snapshot; unknown documents get {@code none}. */
    private <R> CompletableFuture<R> compute(ScheduledExecutorService pool, String uri, R none, Feature<R> feature) {
        return CompletableFutures.computeAsync(pool, (Function<CancelChecker, R>) cancel -> {
            TextDocument doc = documents.get(uri);
            return doc == null ? none : feature.apply(doc, cancel);
        });
    }

    /** The text the server holds for {@code uri}, or null; what the client's model must equal. */
    String text(String uri) {
        TextDocument doc = documents.get(uri);
        return doc == null ? null : doc.text();
    }

    private void publishConfiguration(ConfigurationDiagnostics config) {
        // An open configuration file is validated as a document of its own.
        if (documents.containsKey(config.uri())) {
            return;
        }
        List<Diagnostic> previous = publishedConfig.put(config.uri(), config.diagnostics());
        boolean nothingShownNorToShow = previous == null && config.diagnostics().isEmpty();
        if (!nothingShownNorToShow && !config.diagnostics().equals(previous)) {
            server.client().publishDiagnostics(new PublishDiagnosticsParams(config.uri(), config.diagnostics()));
        }
    }

    /** A configuration file changed, appeared or went away: what was shown for it may be wrong now. */
    void clearConfigurationDiagnostics() {
        if (server.pullDiagnostics() || server.client() == null) {
            return;
        }
        synchronized (published) {
            for (String uri : publishedConfig.keySet()) {
                server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
            }
            publishedConfig.clear();
        }
    }

    void validateAll() {
        for (String uri : documents.keySet()) {
            schedule(uri, 0);
        }
    }

    void cancelPending() {
        pending.values().forEach(f -> f.cancel(false));
        pending.clear();
    }

    private void schedule(String uri, long delayMillis) {
        if (server.pullDiagnostics() || server.client() == null) {
            return;
        }
        TextDocument doc = documents.get(uri);
        if (doc == null) {
            return;
        }
        int version = doc.version();
        Future<?> next = validations.schedule(() -> validate(uri, version), delayMillis, TimeUnit.MILLISECONDS);
        Future<?> previous = pending.put(uri, next);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    private void validate(String uri, int version) {
        CancelChecker stale = () -> {
            TextDocument now = documents.get(uri);
            if (now == null || now.version() != version) {
                throw new CancellationException("document changed");
            }
        };
        try {
            stale.checkCanceled();
            TextDocument doc = documents.get(uri);
            List<Diagnostic> diagnostics = service.diagnostics(uri, doc.text(), stale);
            // Check and publish under one lock, and never publish an older version after a newer
            // one: two validations of one document can finish in either order on the pool.
            synchronized (published) {
                stale.checkCanceled();
                Integer last = published.get(uri);
                if (last != null && last > version) {
                    return;
                }
                published.put(uri, version);
                server.client().publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
                service.configurationDiagnostics(uri).ifPresent(this::publishConfiguration);
            }
        } catch (CancellationException e) {
            // A newer version is on its way; its own validation will publish.
        } catch (JsonRpcException e) {
            LOG.log(Level.FINE, "the client is gone", e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.SEVERE, "validation of " + uri + " failed", e);
        }
    }
}
