package dev.hubjobs.lsp.services;

import dev.hubjobs.ValidationResult;
import dev.hubjobs.config.ConfigFile;
import dev.hubjobs.rules.Rules;
import dev.hubjobs.text.LineMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;

/**
 * Diagnostics of a document: the validator's findings for a job file, or the configuration
 * problems (HJ003) of an open {@code .hubjobs.json}.
 */
final class DiagnosticsService {

    private final ValidatorProvider validators;
    /**
     * The last result per document. A hover or code action right after a validation of the same
     * text reuses it: on a large file validation costs far more than any feature.
     */
    private final Map<String, ValidationResult> last = new ConcurrentHashMap<>();

    DiagnosticsService(ValidatorProvider validators) {
        this.validators = validators;
    }

    /** The toolkit result: what hovers and code actions look up by position. */
    ValidationResult validate(String uri, String text, CancelChecker cancel) {
        cancel.checkCanceled();
        ValidationResult cached = last.get(uri);
        if (cached != null && cached.text().equals(text)) {
            return cached;
        }
        ValidationResult result = validators.validate(uri, text, cancel::checkCanceled);
        last.put(uri, result);
        return result;
    }

    void forget(String uri) {
        last.remove(uri);
    }

    /** Configuration changed: cached results may carry old severities. */
    void forgetAll() {
        last.clear();
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

    private static List<Diagnostic> convert(
            List<dev.hubjobs.diag.Diagnostic> found, LineMap lines, CancelChecker cancel) {
        List<Diagnostic> out = new ArrayList<>(found.size());
        for (dev.hubjobs.diag.Diagnostic d : found) {
            if (out.size() % 1024 == 0) {
                cancel.checkCanceled();
            }
            out.add(LspConverters.diagnostic(lines, d));
        }
        return out;
    }

    static boolean isConfigFile(String uri) {
        return uri.endsWith("/" + ConfigFile.NAME) || uri.equals(ConfigFile.NAME);
    }
}
