package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.text.Span;

/**
 * HJ301: the jobs documentation: "when a job is initiated, property names and values can only
 * contain US-ASCII printable alphanumeric" and {@code ! # % & ' * + - . ^ _ ` | ~} (the HTTP token
 * set). Checked on every key and string value of the twin sections and on {@code methodName}, one
 * finding per run of offending characters. Characters of twin keys that HJ304 reports ({@code $},
 * space, control characters) are left to HJ304 while it runs.
 */
public final class JobCharacterSet extends Rule {

    public JobCharacterSet() {
        super("HJ301", "JobCharacterSet", Severity.ERROR,
                "twin key or value, or methodName, with a character outside the HTTP token set", false);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        if (job.methodField(JobFields.METHOD_NAME) instanceof JsonString name) {
            check(name, false, "methodName", findings);
        }
        // Leave to HJ304 what it reports, unless it does not run.
        boolean keyRuleRuns = job.isEnabled("HJ304");
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            if (section.summary().allToken()) {
                continue;
            }
            for (TwinPatch.Node node : section.nodes()) {
                if (node.key() != null && !node.keyText().allToken()) {
                    check(node.key(), keyRuleRuns, "key", findings);
                }
                if (node.valueText() != null && !node.valueText().allToken()) {
                    check((JsonString) node.value(), false, "value", findings);
                }
            }
        }
    }

    /** {@code skipTwinKeyCharacters}: leave out the characters of a twin key that HJ304 reports. */
    private static void check(JsonString s, boolean skipTwinKeyCharacters, String what, Findings findings) {
        String value = s.value();
        int i = 0;
        while (i < value.length()) {
            if (!offending(value.charAt(i), skipTwinKeyCharacters)) {
                i++;
                continue;
            }
            int start = i;
            while (i < value.length() && offending(value.charAt(i), skipTwinKeyCharacters)) {
                i++;
            }
            findings.report(s.documentSpan(Span.of(start, i)), what + " '" + CharacterSet.abbreviate(value) + "' holds "
                    + CharacterSet.describe(value.substring(start, i)) + "; job names and values may hold only "
                    + "US-ASCII letters, digits and " + CharacterSet.TOKEN_SYMBOLS);
        }
    }

    private static boolean offending(char c, boolean skipTwinKeyCharacters) {
        return !CharacterSet.isToken(c) && !(skipTwinKeyCharacters && CharacterSet.isForbiddenInTwinKey(c));
    }
}
