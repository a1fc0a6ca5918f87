package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import java.util.Objects;

/**
 * One check of the catalogue. A rule carries its stable code, a short name, a one-line summary
 * and its default severity; {@link #check} reports findings and never throws for bad input (the
 * validator still isolates a rule that does, so one broken rule costs one rule).
 *
 * <p>Codes HJ0xx are reported by the parsers themselves: their rules only describe them.
 */
public abstract class Rule {

    private final String code;
    private final String name;
    private final Severity defaultSeverity;
    private final String summary;
    private final boolean hasFix;

    protected Rule(String code, String name, Severity defaultSeverity, String summary, boolean hasFix) {
        this.code = Objects.requireNonNull(code);
        this.name = Objects.requireNonNull(name);
        this.defaultSeverity = Objects.requireNonNull(defaultSeverity);
        this.summary = Objects.requireNonNull(summary);
        this.hasFix = hasFix;
    }

    public final String code() {
        return code;
    }

    /** A PascalCase name, e.g. {@code UnknownField}; used in SARIF. */
    public final String name() {
        return name;
    }

    public final Severity defaultSeverity() {
        return defaultSeverity;
    }

    public final String summary() {
        return summary;
    }

    public final boolean hasFix() {
        return hasFix;
    }

    /** Whether this rule needs a fleet or a tier (HJ4xx) and is off without one. */
    public boolean needsFleet() {
        return false;
    }

    /** Checks one job request of a document. */
    public abstract void check(JobContext job, Findings findings);

    @Override
    public String toString() {
        return code + " " + name;
    }
}
