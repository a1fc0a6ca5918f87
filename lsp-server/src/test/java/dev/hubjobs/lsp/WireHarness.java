package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real server and a real lsp4j client talking JSON-RPC over a pair of pipes: everything a
 * message goes through in production except the process boundary.
 */
final class WireHarness implements AutoCloseable {

    static final long TIMEOUT_SECONDS = 20;

    final JobLanguageServer server;
    final LanguageServer remote;
    final RecordingClient client = new RecordingClient();
    final BlockingQueue<Integer> exitCodes = new LinkedBlockingQueue<>();
    private final PipedOutputStream clientOut;
    private final PipedOutputStream serverOut;

    WireHarness() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 16);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        clientOut = new PipedOutputStream(serverIn);
        serverOut = new PipedOutputStream(clientIn);
        server = new JobLanguageServer(exitCodes::add);
        JobServerLauncher.launcher(server, serverIn, serverOut).startListening();
        Launcher<LanguageServer> clientLauncher = LSPLauncher.createClientLauncher(client, clientIn, clientOut);
        clientLauncher.startListening();
        remote = clientLauncher.getRemoteProxy();
    }

    InitializeResult initialize(ClientCapabilities capabilities) throws Exception {
        InitializeParams params = new InitializeParams();
        params.setCapabilities(capabilities);
        InitializeResult result = remote.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        remote.initialized(new InitializedParams());
        return result;
    }

    void open(String uri, String text) {
        remote.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "json", 1, text)));
    }

    /** The next publish for {@code uri} that satisfies {@code wanted}; earlier ones are skipped. */
    PublishDiagnosticsParams awaitDiagnostics(String uri, Predicate<PublishDiagnosticsParams> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            PublishDiagnosticsParams p = client.published.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri) && wanted.test(p)) {
                return p;
            }
        }
        throw new AssertionError("no matching diagnostics for " + uri + " within " + TIMEOUT_SECONDS + " s");
    }

    String serverText(String uri) {
        return ((JobTextDocumentService) server.getTextDocumentService()).text(uri);
    }

    @Override
    public void close() throws IOException {
        clientOut.close();
        serverOut.close();
    }

    /** Records what the server sends; answers {@code workspace/configuration} with {@link #settings}. */
    static final class RecordingClient implements LanguageClient {
        final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
        final List<MessageParams> logs = Collections.synchronizedList(new ArrayList<>());
        final List<RegistrationParams> registrations = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger refreshes = new AtomicInteger();
        volatile JsonElement settings = JsonParser.parseString("{}");

        @Override
        public void telemetryEvent(Object object) {}

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
            published.add(diagnostics);
        }

        @Override
        public void showMessage(MessageParams messageParams) {
            logs.add(messageParams);
        }

        @Override
        public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void logMessage(MessageParams message) {
            logs.add(message);
        }

        @Override
        public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
            List<Object> out = new ArrayList<>();
            params.getItems().forEach(i -> out.add(settings));
            return CompletableFuture.completedFuture(out);
        }

        @Override
        public CompletableFuture<Void> registerCapability(RegistrationParams params) {
            registrations.add(params);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> refreshDiagnostics() {
            refreshes.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }
    }

    static void assertCodes(PublishDiagnosticsParams p, String... codes) {
        assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).containsExactly(codes);
    }
}
