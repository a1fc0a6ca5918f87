package dev.hubjobs.lsp.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SymbolKind;
import org.junit.jupiter.api.Test;

class DocumentSymbolServiceTest {

    private static List<DocumentSymbol> symbols(String text) {
        return new JobLanguageService().documentSymbols(DiagnosticsAssert.URI, text, () -> {});
    }

    @Test
    void jobFieldsWithKindsDetailsAndChildren() {
        List<DocumentSymbol> s = symbols("""
                {
                  "jobId": "reboot",
                  "maxExecutionTimeInSeconds": 60,
                  "cloudToDeviceMethod": {"methodName": "reboot"}
                }""");
        assertThat(s)
                .extracting(DocumentSymbol::getName)
                .containsExactly("jobId", "maxExecutionTimeInSeconds", "cloudToDeviceMethod");
        assertThat(s)
                .extracting(DocumentSymbol::getKind)
                .containsExactly(SymbolKind.String, SymbolKind.Number, SymbolKind.Object);
        assertThat(s.get(0).getDetail()).isEqualTo("reboot");
        assertThat(s.get(0).getSelectionRange()).isEqualTo(new Range(new Position(1, 2), new Position(1, 9)));
        assertThat(s.get(0).getRange()).isEqualTo(new Range(new Position(1, 2), new Position(1, 19)));
        assertThat(s.get(2).getChildren()).extracting(DocumentSymbol::getName).containsExactly("methodName");
    }

    @Test
    void jobArrayIsOutlinedByJobId() {
        assertThat(symbols("[{\"jobId\": \"a\"}, {\"type\": \"x\"}]"))
                .extracting(DocumentSymbol::getName)
                .containsExactly("a", "[1]");
    }

    @Test
    void brokenDocumentStillGivesWhatParsed() {
        assertThat(symbols("{\"jobId\": \"a\", \"type\": }"))
                .extracting(DocumentSymbol::getName)
                .contains("jobId");
    }
}
