package dev.hubjobs.lsp;

import static dev.hubjobs.lsp.WireHarness.TIMEOUT_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand seeded random edits through {@code didChange}: the server must stay alive, hold
 * exactly the client's text, and publish for the last version. The client's model is kept with
 * plain offset arithmetic, independent of the server's own edit code.
 */
class RandomEditsWireTest {

    private static final String URI = "untitled:random.job.json";
    private static final String START = """
            {
              "jobId": "random-édits",
              "type": "scheduleUpdateTwin",
              "queryCondition": "tags.floor = 3 AND properties.reported.fw IN ['1.0', \\"2.0\\"] AND deviceId != '😀'",
              "updateTwin": {"etag": "*", "properties": {"desired": {"mode": "eco"}}}
            }
            """;
    private static final String[] FRAGMENTS = {
        "a",
        "é",
        "😀",
        " ",
        "\n",
        "\r\n",
        "\"",
        "\\",
        "\\\"",
        "'",
        "[",
        "]",
        "(",
        ")",
        "{",
        "}",
        ",",
        ":",
        " AND ",
        " OR NOT ",
        " IN ['x'",
        "tags.",
        "\\u00e9",
        "=",
        "IS_DEFINED(",
        "\t"
    };

    @Test
    void tenThousandRandomEditsKeepServerAndClientInStep() throws Exception {
        Random random = new Random(20261123L);
        try (WireHarness wire = new WireHarness()) {
            wire.initialize(new ClientCapabilities(
                    new WorkspaceClientCapabilities(), new TextDocumentClientCapabilities(), null));
            StringBuilder model = new StringBuilder(START);
            wire.open(URI, START);
            int version = 1;
            for (int i = 0; i < 10_000; i++) {
                List<TextDocumentContentChangeEvent> changes = new ArrayList<>();
                int count = random.nextInt(10) == 0 ? 2 + random.nextInt(3) : 1;
                for (int c = 0; c < count; c++) {
                    changes.add(randomChange(random, model));
                }
                version++;
                wire.remote
                        .getTextDocumentService()
                        .didChange(new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(URI, version), changes));
            }
            // Requests are read after the notifications before them: once this answers, all edits are in.
            wire.remote
                    .getTextDocumentService()
                    .documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(URI)))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(wire.serverText(URI)).isEqualTo(model.toString());
            int last = version;
            assertThat(wire.awaitDiagnostics(URI, p -> p.getVersion() == last).getVersion())
                    .isEqualTo(last);
        }
    }

    /** Applies a random insert, delete or replace to {@code model} and returns it as an LSP change. */
    private static TextDocumentContentChangeEvent randomChange(Random random, StringBuilder model) {
        int start = randomOffset(random, model);
        int end = start;
        int kind = random.nextInt(3);
        if (kind > 0 && model.length() > 0) {
            end = boundary(model, Math.min(model.length(), start + 1 + random.nextInt(8)));
        }
        String insert = kind == 1 ? "" : FRAGMENTS[random.nextInt(FRAGMENTS.length)];
        Range range = new Range(position(model, start), position(model, end));
        model.replace(start, end, insert);
        // Keep the document about the same size so the walk keeps finding the query string.
        if (model.length() > 4 * START.length()) {
            model.setLength(0);
            model.append(START);
            return new TextDocumentContentChangeEvent(START);
        }
        return new TextDocumentContentChangeEvent(range, insert);
    }

    /**
     * Half the time inside the query string (when there still is one); never inside a surrogate
     * pair or a CRLF, where no editor puts a cursor.
     */
    private static int randomOffset(Random random, StringBuilder model) {
        int query = model.indexOf("\"queryCondition\": \"");
        int offset;
        if (query >= 0 && random.nextBoolean()) {
            int from = query + 19;
            int to = Math.min(model.length(), from + 80);
            offset = from + random.nextInt(Math.max(1, to - from));
        } else {
            offset = random.nextInt(model.length() + 1);
        }
        return boundary(model, offset);
    }

    private static int boundary(StringBuilder model, int offset) {
        if (offset > 0 && offset < model.length()) {
            char before = model.charAt(offset - 1);
            char after = model.charAt(offset);
            if (Character.isHighSurrogate(before) && Character.isLowSurrogate(after)
                    || before == '\r' && after == '\n') {
                return offset - 1;
            }
        }
        return offset;
    }

    /** LSP position of an offset: lines end at \n, \r\n or \r; columns are UTF-16 units. */
    private static Position position(StringBuilder text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart);
    }
}
