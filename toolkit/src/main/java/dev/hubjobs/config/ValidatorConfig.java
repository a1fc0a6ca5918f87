package dev.hubjobs.config;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-project settings: a severity per rule code (or off), and limits. The codes of
 * {@link #ALWAYS_ERRORS} stay errors whatever the settings say.
 *
 * @param severities rule code → severity that replaces the rule's default
 * @param off rule codes turned off
 */
public record ValidatorConfig(Map<String, Severity> severities, Set<String> off, Limits limits) {

    public static final ValidatorConfig DEFAULT = new ValidatorConfig(Map.of(), Set.of(), Limits.DEFAULT);

    /**
     * Findings that mean the input is not a job at all (not JSON, too large, not UTF-8): no
     * configuration turns them off or lowers them, or a configuration could pass anything.
     */
    public static final Set<String> ALWAYS_ERRORS = Set.of(Codes.JSON_SYNTAX, Codes.INPUT_LIMIT);

    public ValidatorConfig {
        severities = Map.copyOf(severities);
        off = Set.copyOf(off);
    }

    /** The severity for {@code code}, or empty when the rule is off. */
    public Optional<Severity> severity(String code, Severity defaultSeverity) {
        if (ALWAYS_ERRORS.contains(code)) {
            return SOME.get(Severity.ERROR.ordinal());
        }
        if (off.contains(code)) {
            return Optional.empty();
        }
        return SOME.get(severities.getOrDefault(code, defaultSeverity).ordinal());
    }

    /**
     * {@code findings} with the severities this configuration gives their codes, in their order,
     * less those whose rule is off: a new list, which the caller may add to.
     */
    public List<Diagnostic> configured(List<Diagnostic> findings) {
        List<Diagnostic> out = new ArrayList<>(findings.size());
        for (Diagnostic d : findings) {
            Optional<Severity> severity = severity(d.code(), d.severity());
            if (severity.isPresent()) {
                out.add(d.withSeverity(severity.get()));
            }
        }
        return out;
    }

    /** Each severity, made once: this is asked for every finding of a document that may have a hundred thousand. */
    private static final List<Optional<Severity>> SOME =
            Arrays.stream(Severity.values()).map(Optional::of).toList();
}
