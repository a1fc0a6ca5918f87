package dev.hubjobs.diag;

import java.util.Locale;

/** How much a finding matters; {@link #ERROR} makes the CLI exit with 1. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case name used in output formats and configuration files. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
