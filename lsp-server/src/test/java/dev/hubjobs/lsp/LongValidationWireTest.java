package dev.hubjobs.lsp;

import static dev.hubjobs.lsp.WireHarness.TIMEOUT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A large file's validation neither holds up other requests nor outlives its text. */
class LongValidationWireTest {

    private static final String SMALL = "untitled:small.job.json";
    private static final String SMALL_TEXT = "{\"queryCondition\": \"tags.floor = 3\", \"jobId\": \"j\", "
            + "\"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";
    private static final List<String> BIG = List.of("untitled:big-1.job.json", "untitled:big-2.job.json");
    /**
     * 4 MB (just under the toolkit's limit, JsonDocumentParser.MAX_SIZE): 44,000 jobs with four
     * findings each. Validating it takes seconds (far longer than a hover), nearly all of it in the
     * jobs' rules.
     */
    private static final String BIG_TEXT = bigText();

    private WireHarness wire;

    @BeforeEach
    void start() throws Exception {
        wire = new WireHarness();
        wire.initialize(
                new ClientCapabilities(new WorkspaceClientCapabilities(), new TextDocumentClientCapabilities(), null));
    }

    @AfterEach
    void stop() throws Exception {
        wire.close();
    }

    private static String bigText() {
        StringBuilder big = new StringBuilder("[\n");
        for (int i = 0; big.length() < 4_000_000; i++) {
            big.append(i == 0 ? "" : ",\n")
                    .append("  {\"jobId\": \"job ")
                    .append(i)
                    .append("\", \"queryCondition\": \"tag.floor = ")
                    .append(i % 7)
                    .append(" AND deviceId IN ('a', 'b')\"}");
        }
        return big.append("\n]\n").toString();
    }

    /** Closing a document abandons its validation. */
    private void close(String uri) {
        wire.remote.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    @Test
    void hoverIsAnsweredWhileLargeDocumentsValidate() throws Exception {
        wire.open(SMALL, SMALL_TEXT);
        wire.awaitDiagnostics(SMALL, p -> true);
        for (String uri : BIG) {
            wire.open(uri, BIG_TEXT);
        }
        long start = System.nanoTime();
        Hover hover = wire.remote
                .getTextDocumentService()
                .hover(new HoverParams(new TextDocumentIdentifier(SMALL), new Position(0, 3)))
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(hover.getContents().getRight().getValue()).startsWith("`queryCondition`");
        // Had the hover waited for a validation, that validation's diagnostics would have come first.
        assertThat(wire.client.published).as("answered after %d ms", millis).noneMatch(p -> BIG.contains(p.getUri()));
        BIG.forEach(this::close);
    }

    @Test
    void newerVersionAbandonsTheRunningValidation() throws Exception {
        for (String uri : BIG) {
            wire.open(uri, BIG_TEXT);
        }
        long start = System.nanoTime();
        for (String uri : BIG) {
            wire.remote
                    .getTextDocumentService()
                    .didChange(new DidChangeTextDocumentParams(
                            new VersionedTextDocumentIdentifier(uri, 2),
                            List.of(new TextDocumentContentChangeEvent(SMALL_TEXT))));
        }
        Map<String, PublishDiagnosticsParams> first = new HashMap<>();
        while (first.size() < BIG.size()) {
            PublishDiagnosticsParams p = wire.client.published.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(p).as("diagnostics of both documents").isNotNull();
            first.putIfAbsent(p.getUri(), p);
        }
        for (PublishDiagnosticsParams p : first.values()) {
            assertThat(p.getVersion())
                    .as("only the newest version is published")
                    .isEqualTo(2);
            assertThat(p.getDiagnostics()).isEmpty();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Both pool threads were busy with version 1; had they validated it to the end, version 2
        // would have waited seconds for them.
        assertThat(millis).isLessThan(JobTextDocumentService.DEBOUNCE_MILLIS + 2_000);
    }
}
