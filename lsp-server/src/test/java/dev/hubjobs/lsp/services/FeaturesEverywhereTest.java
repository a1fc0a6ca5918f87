package dev.hubjobs.lsp.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.text.LineMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

/**
 * Every feature at every cursor position of seeded, randomly damaged job files: an editor asks at
 * any position of any half-typed text, and no request may fail on it. Ranges returned must lie
 * inside the document.
 */
class FeaturesEverywhereTest {

    private static final String BASE = """
            [{"jobId": "a-é", "type": "scheduleDeviceMethod",
              "queryCondition": "tags.floor = 3 AND deviceId IN ('😀', \\"b\\") OR IS_DEFINED(properties.reported.fw)",
              "cloudToDeviceMethod": {"methodName": "reboot", "payload": {"x": [1, 2]}}},
             {"type": "scheduleUpdateTwin", "queryCondition": "SELECT * FROM devices WHERE tag.x = '\\u00e9'",
              "updateTwin": {"etag": "*", "properties": {"desired": {"mode": "eco"}}}}]
            """;
    private static final String[] DAMAGE = {
        "", "\"", "'", "\\", ":", ",", "{", "}", "[", "]", "(", "\n", "😀", "\\u", " AND", "IN (", "[[", "]]", "\u0000"
    };

    @Test
    void noFeatureFailsAnywhere() {
        Random random = new Random(7);
        JobLanguageService service = new JobLanguageService();
        List<String> documents =
                new ArrayList<>(List.of(BASE, "", "{", "[", "\"", "{\"queryCondition\": \"", "{\"a\":"));
        for (int i = 0; i < 25; i++) {
            StringBuilder doc = new StringBuilder(BASE);
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                int at = random.nextInt(doc.length() + 1);
                int end = Math.min(doc.length(), at + random.nextInt(4));
                doc.replace(at, end, DAMAGE[random.nextInt(DAMAGE.length)]);
            }
            documents.add(doc.toString());
        }
        for (String text : documents) {
            LineMap lines = LineMap.of(text);
            int lastLine = lines.lineCount() - 1;
            List<Diagnostic> diagnostics = service.diagnostics(DiagnosticsAssert.URI, text, () -> {});
            assertThat(service.codeActions(DiagnosticsAssert.URI, text, diagnostics, () -> {}))
                    .isNotNull();
            assertThat(service.documentSymbols(DiagnosticsAssert.URI, text, () -> {}))
                    .isNotNull();
            assertThat(service.semanticTokens(DiagnosticsAssert.URI, text, () -> {})
                                    .getData()
                                    .size()
                            % 5)
                    .isZero();
            for (int offset = 0; offset <= text.length(); offset++) {
                Position p = LspConverters.position(lines, offset);
                var completion = service.completion(DiagnosticsAssert.URI, text, p, () -> {});
                for (var item : completion.getItems()) {
                    assertThat(item.getTextEdit().getLeft().getRange().getEnd().getLine())
                            .isLessThanOrEqualTo(lastLine);
                }
                var hover = service.hover(DiagnosticsAssert.URI, text, p, () -> {});
                if (hover != null && hover.getRange() != null) {
                    assertThat(hover.getRange().getEnd().getLine()).isLessThanOrEqualTo(lastLine);
                }
            }
        }
    }
}
