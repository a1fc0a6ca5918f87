package dev.hubjobs.config;

import dev.hubjobs.diag.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-project settings: a severity per rule code (or off), and limits.
 *
 * @param severities rule code → severity that replaces the rule's default
 * @param off rule codes turned off
 */
public record ValidatorConfig(Map<String, Severity> severities, Set<String> off, Limits limits) {

    public static final ValidatorConfig DEFAULT = new ValidatorConfig(Map.of(), Set.of(), Limits.DEFAULT);

    public ValidatorConfig {
        severities = Map.copyOf(severities);
        off = Set.copyOf(off);
    }

    /** The severity for {@code code}, or empty when the rule is off. */
    public Optional<Severity> severity(String code, Severity defaultSeverity) {
        if (off.contains(code)) {
            return Optional.empty();
        }
        return Optional.of(severities.getOrDefault(code, defaultSeverity));
    }
}
