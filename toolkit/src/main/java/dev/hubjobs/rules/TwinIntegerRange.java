package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonValue.JsonNumber;
import java.math.BigDecimal;

/**
 * HJ307: an integer in the twin patch outside -4503599627370496..4503599627370495 (±2^52), the
 * range twins store exactly. Numbers written with a fraction or exponent are floating point and
 * not checked.
 */
public final class TwinIntegerRange extends Rule {

    public static final long MIN = -4503599627370496L;
    public static final long MAX = 4503599627370495L;

    public TwinIntegerRange() {
        super("HJ307", "TwinIntegerRange", Severity.ERROR,
                "integer outside -4503599627370496..4503599627370495", false);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            for (TwinPatch.Node node : section.nodes()) {
                // Fifteen characters hold at most fifteen digits, always in range: no decimal needed.
                if (node.value() instanceof JsonNumber n && n.text().length() > 15 && n.isIntegral()) {
                    BigDecimal v = n.decimal();
                    if (v.compareTo(BigDecimal.valueOf(MIN)) < 0 || v.compareTo(BigDecimal.valueOf(MAX)) > 0) {
                        findings.report(n.span(), "integer " + n.text() + " is outside the twin range " + MIN
                                + ".." + MAX + "; store it as a string");
                    }
                }
            }
        }
    }
}
