package dev.hubjobs.lsp.services;

import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ConfigFile;
import dev.hubjobs.rules.Rules;
import dev.hubjobs.text.LineMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Diagnostics of a document: the validator's findings for a job file, or the configuration
 * problems (HJ003) of an open {@code .hubjobs.json}.
 */
final class DiagnosticsService {

    private final ValidatorProvider validators;

    DiagnosticsService(ValidatorProvider validators) {
        this.validators = validators;
    }

    /** The toolkit result: what hovers and code actions look up by position. */
    ValidationResult validate(String uri, String text, CancelChecker cancel) {
        cancel.checkCanceled();
        return validators.forUri(uri).validate(text);
    }

    List<Diagnostic> diagnostics(String uri, String text, CancelChecker cancel) {
        cancel.checkCanceled();
        if (isConfigFile(uri)) {
            ConfigFile.Loaded loaded = ConfigFile.parse(
                    ValidatorProvider.path(uri).orElse(Path.of(ConfigFile.NAME)), text, Rules::isKnown);
            return convert(loaded.diagnostics(), loaded.lines(), cancel);
        }
        ValidationResult result = validate(uri, text, cancel);
        return convert(result.diagnostics(), result.lines(), cancel);
    }

    private static List<Diagnostic> convert(List<dev.hubjobs.diag.Diagnostic> found, LineMap lines,
            CancelChecker cancel) {
        // The validator cannot be interrupted; checking here at least drops a stale result before
        // the client has to render it.
        cancel.checkCanceled();
        List<Diagnostic> out = new ArrayList<>(found.size());
        for (dev.hubjobs.diag.Diagnostic d : found) {
            out.add(LspConverters.diagnostic(lines, d));
        }
        return out;
    }

    static boolean isConfigFile(String uri) {
        return uri.endsWith("/" + ConfigFile.NAME) || uri.equals(ConfigFile.NAME);
    }
}
