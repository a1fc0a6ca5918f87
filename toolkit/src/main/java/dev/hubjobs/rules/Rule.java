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

    /**
     * What the catalogue says of a rule: {@code Meta.of(Codes.UNKNOWN_FIELD, Severity.ERROR,
     * "unknown field").withFix()}. The rule's name is its class's simple name.
     *
     * @param offersFix whether its findings come with a fix (safe or a suggestion)
     */
    public record Meta(String code, Severity severity, String summary, boolean offersFix) {

        public Meta {
            Objects.requireNonNull(code);
            Objects.requireNonNull(severity);
            Objects.requireNonNull(summary);
        }

        public static Meta of(String code, Severity severity, String summary) {
            return new Meta(code, severity, summary, false);
        }

        public Meta withFix() {
            return new Meta(code, severity, summary, true);
        }
    }

    private final Meta meta;
    private final String name;

    protected Rule(Meta meta) {
        this.meta = Objects.requireNonNull(meta);
        this.name = getClass().getSimpleName();
    }

    /** For rules that share a class ({@link ParserRule}) and so name themselves. */
    Rule(Meta meta, String name) {
        this.meta = Objects.requireNonNull(meta);
        this.name = Objects.requireNonNull(name);
    }

    public final String code() {
        return meta.code();
    }

    /** A PascalCase name, e.g. {@code UnknownField}; used in SARIF. */
    public final String name() {
        return name;
    }

    public final Severity defaultSeverity() {
        return meta.severity();
    }

    public final String summary() {
        return meta.summary();
    }

    public final boolean hasFix() {
        return meta.offersFix();
    }

    /** Whether this rule needs a fleet or a tier (HJ4xx) and is off without one. */
    public boolean needsFleet() {
        return false;
    }

    /** Checks one job request of a document. */
    public abstract void check(JobContext job, Findings findings);

    @Override
    public String toString() {
        return code() + " " + name;
    }
}
