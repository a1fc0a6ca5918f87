package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
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
    /** Fifteen characters hold at most fifteen digits, always in range: shorter numbers need no decimal. */
    private static final int ALWAYS_IN_RANGE = 15;

    public TwinIntegerRange() {
        super(Meta.of(Codes.TWIN_INTEGER_RANGE, Severity.ERROR, "integer outside -4503599627370496..4503599627370495"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            if (section.summary().longestNumber() <= ALWAYS_IN_RANGE) {
                continue;
            }
            for (TwinPatch.Node node : section.nodes()) {
                if (node.value() instanceof JsonNumber n && n.length() > ALWAYS_IN_RANGE && n.isIntegral()) {
                    BigDecimal v = n.decimal();
                    if (v.compareTo(BigDecimal.valueOf(MIN)) < 0 || v.compareTo(BigDecimal.valueOf(MAX)) > 0) {
                        findings.report(
                                n.span(),
                                "integer " + n.text() + " is outside the twin range " + MIN + ".." + MAX
                                        + "; store it as a string");
                    }
                }
            }
        }
    }
}
