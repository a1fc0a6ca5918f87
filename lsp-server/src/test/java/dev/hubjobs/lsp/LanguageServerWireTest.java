package dev.hubjobs.lsp;

import static dev.hubjobs.lsp.WireHarness.TIMEOUT_SECONDS;
import static dev.hubjobs.lsp.WireHarness.assertCodes;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DiagnosticCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationCapabilities;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageServerWireTest {

    private static final String URI = "untitled:wire.job.json";
    private static final String BAD =
            "{\"queryCondition\": \"tag.floor = 3\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";

    private WireHarness wire;

    @BeforeEach
    void start() throws Exception {
        wire = new WireHarness();
    }

    @AfterEach
    void stop() throws Exception {
        wire.close();
    }

    private static ClientCapabilities pushClient() {
        return new ClientCapabilities(new WorkspaceClientCapabilities(), new TextDocumentClientCapabilities(), null);
    }

    private static ClientCapabilities pullClient() {
        TextDocumentClientCapabilities text = new TextDocumentClientCapabilities();
        text.setDiagnostic(new DiagnosticCapabilities());
        return new ClientCapabilities(new WorkspaceClientCapabilities(), text, null);
    }

    private void change(int version, Range range, String text) {
        wire.remote
                .getTextDocumentService()
                .didChange(new DidChangeTextDocumentParams(
                        new VersionedTextDocumentIdentifier(URI, version),
                        List.of(new TextDocumentContentChangeEvent(range, text))));
    }

    private static Range range(int line, int start, int end) {
        return new Range(new Position(line, start), new Position(line, end));
    }

    @Test
    void pushedDiagnosticsFollowIncrementalEditsAndClear() throws Exception {
        InitializeResult init = wire.initialize(pushClient());
        assertThat(init.getCapabilities().getDiagnosticProvider())
                .as("push client: no pull")
                .isNull();
        assertThat(init.getCapabilities().getTextDocumentSync().getRight().getChange())
                .isEqualTo(TextDocumentSyncKind.Incremental);

        wire.open(URI, BAD);
        PublishDiagnosticsParams first = wire.awaitDiagnostics(URI, p -> true);
        assertCodes(first, "HJ103");
        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(first.getDiagnostics().get(0).getRange()).isEqualTo(range(0, 20, 23));
        assertThat(first.getDiagnostics().get(0).getSource()).isEqualTo("hubjobs");

        change(2, range(0, 23, 23), "s");
        PublishDiagnosticsParams cleared = wire.awaitDiagnostics(URI, p -> p.getVersion() == 2);
        assertThat(cleared.getDiagnostics()).isEmpty();
        assertThat(wire.serverText(URI))
                .isEqualTo(
                        "{\"queryCondition\": \"tags.floor = 3\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");

        // A burst of edits is validated once it settles, at its last version.
        change(3, range(0, 20, 24), "tag");
        change(4, range(0, 33, 33), " AND deviceId IN ('x')");
        PublishDiagnosticsParams last = wire.awaitDiagnostics(URI, p -> p.getVersion() == 4);
        assertCodes(last, "HJ103", "HJ012");

        wire.remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(URI)));
        assertThat(wire.awaitDiagnostics(URI, p -> p.getVersion() == null).getDiagnostics())
                .isEmpty();
    }

    @Test
    void pullClientGetsReportsOnRequestAndNoPushes() throws Exception {
        InitializeResult init = wire.initialize(pullClient());
        assertThat(init.getCapabilities().getDiagnosticProvider()).isNotNull();

        wire.open(URI, BAD);
        var report = wire.remote
                .getTextDocumentService()
                .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(report.getRelatedFullDocumentDiagnosticReport().getItems())
                .extracting(d -> d.getCode().getLeft())
                .containsExactly("HJ103");
        change(2, range(0, 23, 23), "s");
        report = wire.remote
                .getTextDocumentService()
                .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(report.getRelatedFullDocumentDiagnosticReport().getItems()).isEmpty();
        // The open validated immediately in push mode; nothing may have been pushed here.
        assertThat(wire.client.published.poll(JobTextDocumentService.DEBOUNCE_MILLIS * 2, TimeUnit.MILLISECONDS))
                .isNull();
    }

    @Test
    void quickFixFromPublishedDiagnosticRoundTripsItsData() throws Exception {
        wire.initialize(pushClient());
        String text =
                "{\"queryCondition\": \"deviceId IN ('a', 'b')\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";
        wire.open(URI, text);
        PublishDiagnosticsParams p = wire.awaitDiagnostics(URI, x -> true);
        assertCodes(p, "HJ012");

        List<CodeAction> actions = wire
                .remote
                .getTextDocumentService()
                .codeAction(new CodeActionParams(
                        new TextDocumentIdentifier(URI),
                        p.getDiagnostics().get(0).getRange(),
                        new CodeActionContext(p.getDiagnostics())))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .stream()
                .map(e -> e.getRight())
                .filter(a -> CodeActionKind.QuickFix.equals(a.getKind()))
                .toList();
        assertThat(actions).extracting(CodeAction::getTitle).containsExactly("Use square brackets");
        List<TextEdit> edits = actions.get(0).getEdit().getChanges().get(URI);
        assertThat(edits).extracting(TextEdit::getRange).containsExactly(range(0, 32, 33), range(0, 41, 42));
        assertThat(edits).extracting(TextEdit::getNewText).containsExactly("[", "]");
    }

    @Test
    void completionAndHoverOverTheWire() throws Exception {
        wire.initialize(pushClient());
        wire.open(
                URI,
                "{\"queryCondition\": \"tags.a = 1 AND IS_D\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");
        List<CompletionItem> items = wire.remote
                .getTextDocumentService()
                .completion(new CompletionParams(new TextDocumentIdentifier(URI), new Position(0, 38)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .getRight()
                .getItems();
        assertThat(items).extracting(CompletionItem::getLabel).contains("IS_DEFINED", "AND", "tags.");

        Hover hover = wire.remote
                .getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(0, 3)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(hover.getContents().getRight().getValue()).startsWith("`queryCondition`");
    }

    @Test
    void onSaveTriggerValidatesOnlyWhenSaved() throws Exception {
        wire.initialize(pushClient());
        wire.remote
                .getWorkspaceService()
                .didChangeConfiguration(new DidChangeConfigurationParams(
                        JsonParser.parseString("{\"hubjobs\": {\"validate\": {\"trigger\": \"onSave\"}}}")));
        wire.open(URI, BAD);
        assertCodes(wire.awaitDiagnostics(URI, p -> true), "HJ103");

        change(2, range(0, 23, 23), "s");
        assertThat(wire.client.published.poll(JobTextDocumentService.DEBOUNCE_MILLIS * 3, TimeUnit.MILLISECONDS))
                .as("no validation while typing")
                .isNull();
        wire.remote.getTextDocumentService().didSave(new DidSaveTextDocumentParams(new TextDocumentIdentifier(URI)));
        assertThat(wire.awaitDiagnostics(URI, p -> p.getVersion() == 2).getDiagnostics())
                .isEmpty();
    }

    /**
     * A fleet of two devices (floor 3 and floor 4) in {@code dir}, named by the client's settings
     * with {@code moreSettings} (members to add, each after a comma), read through workspace/configuration.
     */
    private WorkspaceClientCapabilities twoDeviceFleetSettings(Path dir, String moreSettings) throws IOException {
        Files.writeString(dir.resolve("fleet.ndjson"), """
                {"deviceId": "a", "tags": {"floor": 3}}
                {"deviceId": "b", "tags": {"floor": 4}}
                """);
        wire.client.settings = JsonParser.parseString("{\"fleet\": \""
                + dir.resolve("fleet.ndjson").toString().replace("\\", "\\\\") + "\"" + moreSettings + "}");
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setConfiguration(true);
        return ws;
    }

    @Test
    void settingsAreReadWithWorkspaceConfiguration(@TempDir Path dir) throws Exception {
        WorkspaceClientCapabilities ws = twoDeviceFleetSettings(dir, "");
        ws.setDidChangeConfiguration(new DidChangeConfigurationCapabilities(false));
        wire.initialize(new ClientCapabilities(ws, new TextDocumentClientCapabilities(), null));
        wire.open(
                URI,
                "{\"queryCondition\": \"tags.floor = 3\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");

        // The fleet loads in the background; the hover says so once it is there.
        String text = "";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!text.contains("Matches") && System.nanoTime() < deadline) {
            Hover h = wire.remote
                    .getTextDocumentService()
                    .hover(new HoverParams(new TextDocumentIdentifier(URI), new Position(0, 25)))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            text = h == null ? "" : h.getContents().getRight().getValue();
            Thread.sleep(50);
        }
        assertThat(text).isEqualTo("Matches **1** of 2 devices in the fleet.");
    }

    @Test
    void withAFleetSettingTheFleetRulesArePublished(@TempDir Path dir) throws Exception {
        WorkspaceClientCapabilities ws = twoDeviceFleetSettings(dir, ", \"tier\": \"S1\", \"units\": 2");
        wire.initialize(new ClientCapabilities(ws, new TextDocumentClientCapabilities(), null));
        wire.open(
                URI,
                "{\"queryCondition\": \"tags.flor = 3\", \"type\": \"scheduleDeviceMethod\", "
                        + "\"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");
        // The fleet loads in the background; the open document is validated again once it is there.
        PublishDiagnosticsParams p = wire.awaitDiagnostics(
                URI,
                d -> d.getDiagnostics().stream()
                        .anyMatch(x -> "HJ404".equals(x.getCode().getLeft())));
        assertThat(p.getDiagnostics()).extracting(d -> d.getCode().getLeft()).contains("HJ401", "HJ404");
    }

    @Test
    void configurationFileChangeRevalidatesOpenDocuments(@TempDir Path dir) throws Exception {
        Path config = dir.resolve(".hubjobs.json");
        Files.writeString(config, "{\"rules\": {\"HJ103\": \"off\"}}");
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        wire.initialize(new ClientCapabilities(ws, new TextDocumentClientCapabilities(), null));
        String uri = dir.resolve("a.job.json").toUri().toString();
        wire.open(uri, BAD);
        assertThat(wire.awaitDiagnostics(uri, p -> true).getDiagnostics()).isEmpty();

        Files.writeString(config, "{\"rules\": {\"HJ103\": \"error\"}}");
        wire.remote
                .getWorkspaceService()
                .didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                        List.of(new FileEvent(config.toUri().toString(), FileChangeType.Changed))));
        assertCodes(wire.awaitDiagnostics(uri, p -> true), "HJ103");

        Files.writeString(config, "{\"rules\": {\"HJ103\": \"info\"}}");
        wire.remote
                .getTextDocumentService()
                .didSave(new DidSaveTextDocumentParams(
                        new TextDocumentIdentifier(config.toUri().toString())));
        PublishDiagnosticsParams p = wire.awaitDiagnostics(uri, x -> true);
        assertThat(p.getDiagnostics())
                .extracting(d -> d.getSeverity().getValue())
                .containsExactly(3);
        assertThat(wire.client.registrations).as("watcher registered").hasSize(1);
    }

    @Test
    void problemsOfTheConfigurationFileArePublishedOnItEvenWhenItIsNotOpen(@TempDir Path dir) throws Exception {
        Path config = dir.resolve(".hubjobs.json");
        Files.writeString(config, "{\"rules\": {\"HJ999\": \"off\"}}");
        String configUri = config.toUri().toString();
        wire.initialize(pushClient());
        wire.open(dir.resolve("a.job.json").toUri().toString(), BAD);
        PublishDiagnosticsParams p = wire.awaitDiagnostics(configUri, x -> true);
        assertCodes(p, "HJ003");
        assertThat(p.getDiagnostics().get(0).getRange()).isEqualTo(range(0, 11, 18));

        Files.writeString(config, "{\"rules\": {\"HJ103\": \"off\"}}");
        wire.remote
                .getWorkspaceService()
                .didChangeWatchedFiles(
                        new DidChangeWatchedFilesParams(List.of(new FileEvent(configUri, FileChangeType.Changed))));
        assertThat(wire.awaitDiagnostics(configUri, x -> true).getDiagnostics()).isEmpty();
    }

    @Test
    void pullClientIsAskedToRefreshWhenTheConfigurationChanges() throws Exception {
        ClientCapabilities caps = pullClient();
        caps.getWorkspace().setDiagnostics(new org.eclipse.lsp4j.DiagnosticWorkspaceCapabilities(true));
        wire.initialize(caps);
        wire.open(URI, BAD);
        wire.remote
                .getWorkspaceService()
                .didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                        List.of(new FileEvent("file:///p/.hubjobs.json", FileChangeType.Created))));
        // Requests are answered in order: after this one, the refresh request has been sent.
        wire.remote
                .getTextDocumentService()
                .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(URI)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (wire.client.refreshes.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(wire.client.refreshes.get()).isEqualTo(1);
        assertThat(wire.client.published).isEmpty();
    }

    @Test
    void unreadableFleetIsReportedToTheClient() throws Exception {
        wire.initialize(pushClient());
        wire.remote
                .getWorkspaceService()
                .didChangeConfiguration(new DidChangeConfigurationParams(
                        JsonParser.parseString("{\"hubjobs\": {\"fleet\": \"/no/such/fleet.json\"}}")));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (wire.client.logs.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(wire.client.logs).singleElement().satisfies(m -> {
            assertThat(m.getType()).isEqualTo(org.eclipse.lsp4j.MessageType.Error);
            assertThat(m.getMessage()).startsWith("cannot read the fleet /no/such/fleet.json");
        });
    }

    @Test
    void shutdownThenExitEndsWithZero() throws Exception {
        wire.initialize(pushClient());
        wire.remote.shutdown().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        wire.remote.exit();
        assertThat(wire.exitCodes.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(0);
    }

    @Test
    void exitsWhenTheParentProcessDies() throws Exception {
        Process parent = new ProcessBuilder("sleep", "600").start();
        try {
            var params = new org.eclipse.lsp4j.InitializeParams();
            params.setProcessId((int) parent.pid());
            params.setCapabilities(pushClient());
            wire.remote.initialize(params).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(wire.exitCodes.poll(4, TimeUnit.SECONDS))
                    .as("parent still alive")
                    .isNull();
        } finally {
            parent.destroyForcibly().waitFor();
        }
        assertThat(wire.exitCodes.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
    }
}
