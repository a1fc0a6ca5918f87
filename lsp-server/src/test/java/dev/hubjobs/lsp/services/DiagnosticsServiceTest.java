package dev.hubjobs.lsp.services;

import static dev.hubjobs.lsp.services.DiagnosticsAssert.assertDiagnostics;
import static dev.hubjobs.lsp.services.DiagnosticsAssert.d;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagnosticsServiceTest {

    @Test
    void queryErrorIsReportedWhereItStandsInTheDocument() {
        assertDiagnostics("""
                {
                  "jobId": "reboot",
                  "queryCondition": "tag.floor = 3",
                  "type": "scheduleDeviceMethod", "cloudToDeviceMethod": {"methodName": "reboot"}
                }""", d(2, 21, 24, "HJ103"));
    }

    @Test
    void columnsCountUtf16UnitsAfterNonAsciiText() {
        // é is one UTF-16 unit, 😀 two: the error after them is at column 40, not 39 (code points)
        // or 42 (UTF-8 bytes).
        assertDiagnostics("""
                {
                  "queryCondition": "tags.n = 'é😀' AND tag.x = 1",
                  "jobId": "j", "type": "scheduleDeviceMethod", "cloudToDeviceMethod": {"methodName": "m"}
                }""", d(1, 40, 43, "HJ103"));
    }

    @Test
    void columnsCountTheDocumentsEscapesNotTheDecodedQuery() {
        // \\u00e9 is 6 characters in the file and 1 in the query; \\" is 2 and 1.
        assertDiagnostics("""
                {
                  "queryCondition": "tags.n = '\\u00e9\\"' AND tag.x IN ('a')",
                  "jobId": "j", "type": "scheduleDeviceMethod", "cloudToDeviceMethod": {"methodName": "m"}
                }""", d(1, 45, 48, "HJ103"), d(1, 54, 55, "HJ012"));
    }

    @Test
    void jsonSyntaxErrorsAndQueryErrorsTogether() {
        assertDiagnostics("""
                {"jobId": 'x', "queryCondition": "deviceId = ", "type": "scheduleDeviceMethod", "cloudToDeviceMethod": {"methodName": "m"}}""", d(0, 10, 13, "HJ002"), d(0, 45, 45, "HJ010"));
    }

    @Test
    void validDocumentHasNoDiagnostics() {
        assertDiagnostics("""
                {
                  "jobId": "reboot-floor-3",
                  "type": "scheduleDeviceMethod",
                  "queryCondition": "tags.floor = 3 AND IS_DEFINED(properties.reported.fw)",
                  "cloudToDeviceMethod": {"methodName": "reboot"}
                }""");
    }

    @Test
    void diagnosticCarriesSourceCodeRulePageAndFixes() {
        List<Diagnostic> found = DiagnosticsAssert.diagnostics(
                DiagnosticsAssert.URI,
                "{\"queryCondition\": \"deviceId IN ('a', 'b')\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");
        assertThat(found).hasSize(1);
        Diagnostic d = found.get(0);
        assertThat(d.getSource()).isEqualTo("hubjobs");
        assertThat(LspConverters.codeOf(d)).isEqualTo("HJ012");
        assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Error);
        assertThat(d.getCodeDescription().getHref())
                .isEqualTo("https://github.com/hubjobs/hubjobs/blob/main/docs/rules/HJ012.md");
        assertThat(LspConverters.fixes(d)).get().satisfies(fixes -> {
            assertThat(fixes).hasSize(1);
            assertThat(fixes.get(0).title()).isEqualTo("Use square brackets");
        });
    }

    @Test
    void openConfigurationFileReportsItsOwnProblems() {
        assertDiagnostics(
                new JobLanguageService(),
                "file:///work/project/.hubjobs.json",
                """
                {"rules": {"HJ999": "off", "HJ103": "loud"}}""",
                d(0, 11, 18, "HJ003"),
                d(0, 36, 42, "HJ003"));
    }

    @Test
    void configurationFileChangesSeverityAndIsReloadedWhenToldItChanged(@TempDir Path dir) throws Exception {
        Path config = dir.resolve(".hubjobs.json");
        Files.writeString(config, "{\"rules\": {\"HJ103\": \"off\"}}");
        String uri = dir.resolve("jobs").resolve("a.job.json").toUri().toString();
        String text =
                "{\"queryCondition\": \"tag.floor = 3\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";
        JobLanguageService service = new JobLanguageService();

        assertThat(service.diagnostics(uri, text, () -> {})).isEmpty();

        Files.writeString(config, "{\"rules\": {\"HJ103\": \"error\"}}");
        assertThat(service.diagnostics(uri, text, () -> {}))
                .as("cached until told")
                .isEmpty();
        service.configurationChanged();
        assertThat(service.diagnostics(uri, text, () -> {}))
                .extracting(Diagnostic::getSeverity)
                .containsExactly(DiagnosticSeverity.Error);
    }

    @Test
    void withAFleetTheFleetRulesReportAsOnTheCommandLine(@TempDir Path dir) throws Exception {
        Path fleet = dir.resolve("fleet.ndjson");
        Files.writeString(fleet, """
                {"deviceId": "a", "tags": {"floor": 3}}
                {"deviceId": "b", "tags": {"floor": 4}}
                """);
        String text = "{\"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"tags.flor = 3\", "
                + "\"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";
        JobLanguageService service = new JobLanguageService();
        assertThat(service.diagnostics(DiagnosticsAssert.URI, text, () -> {}))
                .extracting(d -> d.getCode().getLeft())
                .doesNotContain("HJ401", "HJ404");

        service.setFleet(new dev.hubjobs.exec.FleetSummary(
                dev.hubjobs.twin.FleetLoader.load(fleet, dev.hubjobs.twin.ProgressListener.NONE)
                        .fleet(),
                dev.hubjobs.exec.Throttle.UNTHROTTLED));
        assertThat(service.diagnostics(DiagnosticsAssert.URI, text, () -> {}))
                .extracting(d -> d.getCode().getLeft())
                .contains("HJ401", "HJ404");
        assertThat(service.diagnostics(DiagnosticsAssert.URI, text, () -> {}))
                .filteredOn(d -> d.getCode().getLeft().equals("HJ404"))
                .singleElement()
                .extracting(Diagnostic::getMessage)
                .asString()
                .contains("did you mean 'tags.floor'");
    }
}
