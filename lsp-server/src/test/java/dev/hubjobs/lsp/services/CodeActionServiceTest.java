package dev.hubjobs.lsp.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class CodeActionServiceTest {

    private final JobLanguageService service = new JobLanguageService();

    /** The document after applying the only quick fix offered for the diagnostic with {@code code}. */
    private String fix(String text, String code, String title, boolean keepData) {
        List<Diagnostic> context = service.diagnostics(DiagnosticsAssert.URI, text, () -> {}).stream()
                .filter(d -> code.equals(LspConverters.codeOf(d)))
                .toList();
        assertThat(context).as("diagnostics %s", code).hasSize(1);
        if (!keepData) {
            context.get(0).setData(null);
        }
        List<CodeAction> actions = service.codeActions(DiagnosticsAssert.URI, text, context, () -> {});
        assertThat(actions).extracting(CodeAction::getTitle).containsExactly(title);
        CodeAction action = actions.get(0);
        assertThat(action.getKind()).isEqualTo(CodeActionKind.QuickFix);
        assertThat(action.getDiagnostics()).containsExactlyElementsOf(context);
        return EditsApplier.apply(text, action.getEdit().getChanges().get(DiagnosticsAssert.URI));
    }

    @Test
    void inWithParenthesesBecomesBrackets() {
        assertThat(fix(
                        "{\"queryCondition\": \"deviceId IN ('a', 'b')\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}",
                        "HJ012",
                        "Use square brackets",
                        true))
                .isEqualTo(
                        "{\"queryCondition\": \"deviceId IN ['a', 'b']\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");
    }

    @Test
    void doubleQuotedLiteralBecomesSingleQuotedThroughTheJsonEscapes() {
        assertThat(fix(
                        "{\"queryCondition\": \"deviceId = \\\"x\\\"\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}",
                        "HJ112",
                        "Use single quotes",
                        true))
                .isEqualTo(
                        "{\"queryCondition\": \"deviceId = 'x'\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");
    }

    @Test
    void misplacedPrefixIsRemoved() {
        assertThat(fix(
                        "{\"queryCondition\": \"SELECT * FROM devices WHERE tags.a = 1\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}",
                        "HJ101",
                        "Remove 'SELECT * FROM devices WHERE'",
                        true))
                .isEqualTo(
                        "{\"queryCondition\": \"tags.a = 1\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");
    }

    @Test
    void clientThatDropsDataStillGetsTheFixFromAFreshValidation() {
        assertThat(fix(
                        "{\"queryCondition\": \"deviceId IN ('a')\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}",
                        "HJ012",
                        "Use square brackets",
                        false))
                .isEqualTo(
                        "{\"queryCondition\": \"deviceId IN ['a']\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}");
    }

    @Test
    void diagnosticThatLostItsSourceOnTheWayBackStillGetsItsFix() {
        String text =
                "{\"queryCondition\": \"deviceId IN ('a')\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";
        Diagnostic d =
                service.diagnostics(DiagnosticsAssert.URI, text, () -> {}).get(0);
        d.setSource(null);
        assertThat(service.codeActions(DiagnosticsAssert.URI, text, List.of(d), () -> {}))
                .extracting(CodeAction::getTitle)
                .containsExactly("Use square brackets");
    }

    @Test
    void diagnosticsWithoutFixesAndForeignDiagnosticsGetNoAction() {
        String text =
                "{\"queryCondition\": \"CONTAINS(tags.x, 'a')\", \"jobId\": \"j\", \"type\": \"scheduleDeviceMethod\", \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";
        List<Diagnostic> ours = service.diagnostics(DiagnosticsAssert.URI, text, () -> {});
        assertThat(ours).extracting(LspConverters::codeOf).containsExactly("HJ104");
        Diagnostic foreign = new Diagnostic(new Range(new Position(0, 0), new Position(0, 1)), "x");
        foreign.setSource("json");
        foreign.setCode("HJ012");
        assertThat(service.codeActions(DiagnosticsAssert.URI, text, List.of(ours.get(0), foreign), () -> {}))
                .isEmpty();
    }

    @Test
    void fixAllAppliesEverySafeFixAsTheCommandLineDoes() {
        String text =
                "{\"jobId\": 'j1', \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"deviceId IN ('a')\",\n"
                        + " \"cloudToDeviceMethod\": {\"methodName\": \"m\"}}";
        List<CodeAction> all = service.codeActions(DiagnosticsAssert.URI, text, List.of(), null, () -> {});
        CodeAction fixAll = all.stream()
                .filter(a -> CodeActionKind.SourceFixAll.equals(a.getKind()))
                .findFirst()
                .orElseThrow();
        String fixed = EditsApplier.apply(text, fixAll.getEdit().getChanges().get(DiagnosticsAssert.URI));
        assertThat(fixed)
                .isEqualTo(dev.hubjobs.fix.FixAll.apply(
                                text,
                                t -> dev.hubjobs.JobValidator.builder()
                                        .build()
                                        .validate(t)
                                        .diagnostics())
                        .text());
        assertThat(fixed).contains("\"jobId\": \"j1\"", "deviceId IN ['a']");
        assertThat(service.diagnostics(DiagnosticsAssert.URI, fixed, () -> {})).isEmpty();

        // Asked for quick fixes only, or for a text with nothing to fix: no fix-all.
        assertThat(service.codeActions(
                        DiagnosticsAssert.URI, text, List.of(), List.of(CodeActionKind.QuickFix), () -> {}))
                .isEmpty();
        assertThat(service.codeActions(
                        DiagnosticsAssert.URI, fixed, List.of(), List.of(CodeActionKind.Source), () -> {}))
                .isEmpty();
        assertThat(service.codeActions(
                        DiagnosticsAssert.URI, text, List.of(), List.of(CodeActionKind.Source), () -> {}))
                .extracting(CodeAction::getKind)
                .containsExactly(CodeActionKind.SourceFixAll);
    }
}
