package dev.hubjobs.lsp;

import dev.hubjobs.exec.DeclaredBehaviours;
import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.exec.Tier;
import dev.hubjobs.lsp.services.JobLanguageService;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.ConfigurationItem;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DiagnosticRegistrationOptions;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Lifecycle, capabilities and settings. Decides once, in {@code initialize}, whether diagnostics
 * are pulled by the client ({@code textDocument/diagnostic}, when it advertises support) or pushed
 * by us, never both: clients that get both show every finding twice.
 */
public final class JobLanguageServer implements LanguageServer, LanguageClientAware {

    private static final Logger LOG = Logger.getLogger(JobLanguageServer.class.getName());

    /** How often the parent process is checked; an orphaned server would otherwise live forever. */
    private static final long PARENT_POLL_SECONDS = 3;

    private final IntConsumer exit;
    private final JobLanguageService service = new JobLanguageService();
    /** Requests (hover, completion, ...) and housekeeping. */
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, daemonThreads("worker"));
    /**
     * Validations, apart from requests: however long a large file's validation takes, a hover or
     * a completion does not wait for it.
     */
    private final ScheduledExecutorService validations =
            Executors.newScheduledThreadPool(2, daemonThreads("validation"));

    private final JobTextDocumentService textDocuments;
    private final JobWorkspaceService workspace = new JobWorkspaceService(this);

    private volatile LanguageClient client;
    private volatile ClientCapabilities capabilities = new ClientCapabilities();
    private volatile boolean pullDiagnostics;
    private volatile JobSettings settings = JobSettings.DEFAULT;
    private volatile Path root;
    private volatile boolean initialized;
    private volatile boolean shutdown;

    /** @param exit ends the process; tests pass something that records the code instead */
    public JobLanguageServer(IntConsumer exit) {
        this.exit = exit;
        this.textDocuments = new JobTextDocumentService(this, service, executor, validations);
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        initialized = true;
        if (params.getCapabilities() != null) {
            capabilities = params.getCapabilities();
        }
        pullDiagnostics = capabilities.getTextDocument() != null
                && capabilities.getTextDocument().getDiagnostic() != null;
        var completion = capabilities.getTextDocument() == null
                ? null
                : capabilities.getTextDocument().getCompletion();
        service.setSnippetSupport(completion != null
                && completion.getCompletionItem() != null
                && Boolean.TRUE.equals(completion.getCompletionItem().getSnippetSupport()));
        root = workspaceRoot(params).orElse(null);
        if (params.getProcessId() != null && watchParentProcess()) {
            watchParent(params.getProcessId());
        }
        Object options = params.getInitializationOptions();
        if (options != null) {
            Object section = JobSettings.section(
                    options instanceof com.google.gson.JsonObject o && o.has("settings") ? o.get("settings") : options);
            applySettings(JobSettings.from(section));
        }

        ServerCapabilities caps = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Incremental);
        sync.setSave(new SaveOptions(false));
        caps.setTextDocumentSync(sync);
        caps.setCompletionProvider(new CompletionOptions(false, List.of("\"", ".", " ", "'", "[")));
        caps.setHoverProvider(true);
        caps.setCodeActionProvider(
                new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.SourceFixAll)));
        caps.setDocumentSymbolProvider(true);
        caps.setSemanticTokensProvider(
                new SemanticTokensWithRegistrationOptions(JobLanguageService.semanticTokensLegend(), true));
        if (pullDiagnostics) {
            // Diagnostics depend on .hubjobs.json, another file: that is an inter-file dependency.
            DiagnosticRegistrationOptions diagnostics = new DiagnosticRegistrationOptions(true, false);
            diagnostics.setIdentifier("hubjobs");
            caps.setDiagnosticProvider(diagnostics);
        }
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("hubjobs", version())));
    }

    @Override
    public void initialized(InitializedParams params) {
        if (supportsConfiguration()) {
            fetchSettings();
        }
        var watched = capabilities.getWorkspace() == null
                ? null
                : capabilities.getWorkspace().getDidChangeWatchedFiles();
        if (watched != null && Boolean.TRUE.equals(watched.getDynamicRegistration()) && client != null) {
            var options = new DidChangeWatchedFilesRegistrationOptions(
                    List.of(new FileSystemWatcher(Either.forLeft("**/.hubjobs.json"))));
            client.registerCapability(new RegistrationParams(
                    List.of(new Registration("hubjobs-config-watcher", "workspace/didChangeWatchedFiles", options))));
        }
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        textDocuments.cancelPending();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        executor.shutdownNow();
        validations.shutdownNow();
        exit.accept(exitCode());
    }

    /** Whether {@code initialize} came; until it does, the protocol allows nothing else but exit. */
    boolean isInitialized() {
        return initialized;
    }

    /** Whether {@code shutdown} came; after it, the protocol allows only exit. */
    boolean isShutDown() {
        return shutdown;
    }

    /** 0 after a proper shutdown request, 1 otherwise (the protocol's convention). */
    int exitCode() {
        return shutdown ? 0 : 1;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return textDocuments;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }

    LanguageClient client() {
        return client;
    }

    boolean pullDiagnostics() {
        return pullDiagnostics;
    }

    JobSettings settings() {
        return settings;
    }

    /** {@code didChangeConfiguration}: use the pushed section, or ask for it when none came along. */
    void settingsChanged(Object pushed) {
        Object section = JobSettings.section(pushed);
        if (section instanceof com.google.gson.JsonObject o
                && (o.has("validate") || o.has("fleet") || o.has("validate.trigger"))) {
            applySettings(JobSettings.from(section));
        } else if (supportsConfiguration()) {
            fetchSettings();
        }
    }

    void configurationFileChanged() {
        service.configurationChanged();
        textDocuments.clearConfigurationDiagnostics();
        revalidate();
    }

    private void fetchSettings() {
        ConfigurationItem item = new ConfigurationItem();
        item.setSection("hubjobs");
        client.configuration(new ConfigurationParams(List.of(item)))
                .thenAccept(values -> {
                    if (values != null && !values.isEmpty()) {
                        applySettings(JobSettings.from(values.get(0)));
                    }
                })
                .exceptionally(e -> {
                    log(MessageType.Warning, "could not read the hubjobs settings: " + e.getMessage());
                    return null;
                });
    }

    private void applySettings(JobSettings next) {
        JobSettings previous = settings;
        settings = next;
        if (!Objects.equals(previous.fleet(), next.fleet())
                || !Objects.equals(previous.tier(), next.tier())
                || previous.units() != next.units()) {
            executor.execute(() -> loadFleet(next));
        } else if (previous.trigger() != next.trigger()) {
            revalidate();
        }
    }

    /** Loads the fleet the settings name, as the command line's {@code --fleet} and {@code --tier} do. */
    private void loadFleet(JobSettings settings) {
        if (settings.fleet() == null) {
            service.setFleet(null);
        } else {
            Path file = root != null ? root.resolve(settings.fleet()) : Path.of(settings.fleet());
            try {
                Fleet fleet = DeclaredBehaviours.extract(
                                FleetLoader.load(file, ProgressListener.NONE).fleet())
                        .fleet();
                Throttle throttle = Throttle.UNTHROTTLED;
                if (settings.tier() != null) {
                    Optional<Tier> tier = Tier.parse(settings.tier());
                    if (tier.isPresent()) {
                        throttle = Throttle.of(tier.get(), settings.units());
                    } else {
                        log(
                                MessageType.Error,
                                "unknown tier '" + settings.tier() + "' (F1, S1, S2 or S3): unthrottled");
                    }
                }
                service.setFleet(new FleetSummary(fleet, throttle));
                log(MessageType.Info, "fleet " + file + ": " + fleet.devices().size() + " devices");
            } catch (Exception e) {
                service.setFleet(null);
                log(MessageType.Error, "cannot read the fleet " + file + ": " + e.getMessage());
            }
        }
        revalidate();
    }

    /** Settings or a configuration file changed: every open document's findings may have. */
    private void revalidate() {
        if (pullDiagnostics) {
            var ws = capabilities.getWorkspace();
            if (client != null
                    && ws != null
                    && ws.getDiagnostics() != null
                    && Boolean.TRUE.equals(ws.getDiagnostics().getRefreshSupport())) {
                client.refreshDiagnostics();
            }
        } else {
            textDocuments.validateAll();
        }
    }

    private boolean supportsConfiguration() {
        return client != null
                && capabilities.getWorkspace() != null
                && Boolean.TRUE.equals(capabilities.getWorkspace().getConfiguration());
    }

    void log(MessageType type, String message) {
        LOG.log(type == MessageType.Error ? Level.WARNING : Level.INFO, message);
        LanguageClient c = client;
        if (c != null) {
            c.logMessage(new MessageParams(type, message));
        }
    }

    /** {@code -Dhubjobs.lsp.watchParentProcess=false} turns the watch off, e.g. for a debugging session. */
    private static boolean watchParentProcess() {
        return !"false".equals(System.getProperty("hubjobs.lsp.watchParentProcess"));
    }

    private void watchParent(int pid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            // A client in another PID namespace (a container, a remote host) names a process we
            // cannot see; exiting because of that would end every session there.
            log(MessageType.Info, "process " + pid + " is not visible from here; not watching it");
            return;
        }
        ProcessHandle handle = parent.get();
        executor.scheduleWithFixedDelay(
                () -> {
                    if (!handle.isAlive()) {
                        LOG.warning("parent process " + pid + " is gone; exiting");
                        exit.accept(1);
                    }
                },
                PARENT_POLL_SECONDS,
                PARENT_POLL_SECONDS,
                TimeUnit.SECONDS);
    }

    private static Optional<Path> workspaceRoot(InitializeParams params) {
        try {
            if (params.getWorkspaceFolders() != null
                    && !params.getWorkspaceFolders().isEmpty()) {
                return Optional.of(
                        Path.of(URI.create(params.getWorkspaceFolders().get(0).getUri())));
            }
            @SuppressWarnings("deprecation")
            String rootUri = params.getRootUri();
            if (rootUri != null) {
                return Optional.of(Path.of(URI.create(rootUri)));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "workspace root is not a file URI", e);
        }
        return Optional.empty();
    }

    /** The version from the jar's manifest; "dev" when run from classes. */
    static String version() {
        String v = JobLanguageServer.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static ThreadFactory daemonThreads(String kind) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "hubjobs-" + kind + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
