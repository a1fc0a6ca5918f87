package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.testing.EvidenceCorpus;
import dev.hubjobs.testing.EvidenceCorpus.Body;
import dev.hubjobs.testing.EvidenceCorpus.Item;
import dev.hubjobs.testing.EvidenceCorpus.Kind;
import dev.hubjobs.testing.EvidenceCorpus.Report;
import dev.hubjobs.testing.EvidenceCorpus.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The language server, over JSON-RPC, gives the job bodies and the job and target conditions of the
 * evidence corpus the library's verdict, and so the one its sources show. A condition is opened as
 * the {@code queryCondition} of an otherwise clean method job. (Full queries have no document of
 * their own in an editor.)
 */
class EvidenceAgreementLspTest {

    private static final Map<String, String> LISTED = EvidenceCorpus.listedDisagreements(Path.of("../docs"));
    private WireHarness wire;
    private int documents;

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

    /** Opens a new document and says whether the server reports an error in it. */
    private boolean serverRejects(String text) throws InterruptedException {
        String uri = "untitled:evidence-" + (documents++) + ".job.json";
        wire.open(uri, text);
        return wire.awaitDiagnostics(uri, p -> true).getDiagnostics().stream()
                .anyMatch(d -> d.getSeverity() == DiagnosticSeverity.Error);
    }

    static String asJob(String condition) {
        StringBuilder json = new StringBuilder("{\"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"");
        for (char c : condition.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append("\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}")
                .toString();
    }

    @Test
    void conditionsGetTheLibrarysVerdict() {
        List<Text> conditions = EvidenceCorpus.texts().stream()
                .filter(t -> t.kind() != Kind.QUERY)
                .toList();
        List<String> differentFromLibrary = new ArrayList<>();
        Report report = EvidenceCorpus.check(
                "language server, conditions",
                conditions,
                t -> new Item(t.id(), t.verdict()),
                t -> {
                    boolean server = rejects(asJob(t.text()));
                    if (server
                            != QueryValidator.standard()
                                    .validateCondition(t.text())
                                    .hasErrors()) {
                        differentFromLibrary.add(t.id());
                    }
                    return server;
                },
                LISTED);
        System.out.println(report.summary());
        assertThat(differentFromLibrary)
                .as("conditions where the server and the library disagree")
                .isEmpty();
        assertThat(report.unlisted())
                .as("disagreements docs/decisions.md does not list")
                .isEmpty();
    }

    @Test
    void jobBodiesGetTheLibrarysVerdict() {
        JobValidator library = JobValidator.builder().build();
        List<String> differentFromLibrary = new ArrayList<>();
        Report report = EvidenceCorpus.check(
                "language server, job bodies",
                EvidenceCorpus.bodies(),
                b -> new Item(b.id(), b.verdict()),
                (Body b) -> {
                    boolean server = rejects(b.json());
                    if (server != library.validate(b.json()).hasErrors()) {
                        differentFromLibrary.add(b.id());
                    }
                    return server;
                },
                LISTED);
        System.out.println(report.summary());
        assertThat(differentFromLibrary)
                .as("bodies where the server and the library disagree")
                .isEmpty();
        assertThat(report.unlisted())
                .as("disagreements docs/decisions.md does not list")
                .isEmpty();
    }

    private boolean rejects(String text) {
        try {
            return serverRejects(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
