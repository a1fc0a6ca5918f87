package dev.hubjobs.lsp.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;

/** Diagnostics expectations by range and code: {@code d(line, startColumn, endColumn, code)}, in order. */
final class DiagnosticsAssert {

    /** The URI tests validate under: not a file, so no {@code .hubjobs.json} applies. */
    static final String URI = "untitled:test.job.json";

    /** A diagnostic on one line; columns are 0-based UTF-16 units, end exclusive, as in LSP. */
    record Expected(int line, int startColumn, int endColumn, String code) {
        @Override
        public String toString() {
            return "d(" + line + ", " + startColumn + ", " + endColumn + ", " + code + ")";
        }
    }

    private DiagnosticsAssert() {}

    static Expected d(int line, int startColumn, int endColumn, String code) {
        return new Expected(line, startColumn, endColumn, code);
    }

    static List<Diagnostic> diagnostics(String uri, String text) {
        return new JobLanguageService().diagnostics(uri, text, () -> {});
    }

    static void assertDiagnostics(String text, Expected... expected) {
        assertDiagnostics(new JobLanguageService(), URI, text, expected);
    }

    static void assertDiagnostics(JobLanguageService service, String uri, String text, Expected... expected) {
        List<Expected> actual = service.diagnostics(uri, text, () -> {}).stream()
                .map(DiagnosticsAssert::expected)
                .toList();
        assertThat(actual).as("diagnostics of%n%s", text).containsExactly(expected);
    }

    static Expected expected(Diagnostic d) {
        var r = d.getRange();
        // One-line expectations: a diagnostic that crosses lines shows up with end column -1.
        int end = r.getStart().getLine() == r.getEnd().getLine() ? r.getEnd().getCharacter() : -1;
        return d(r.getStart().getLine(), r.getStart().getCharacter(), end, LspConverters.codeOf(d));
    }

    static List<Expected> list(Expected... e) {
        return Arrays.asList(e);
    }
}
