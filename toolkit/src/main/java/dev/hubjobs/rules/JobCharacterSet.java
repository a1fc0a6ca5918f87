package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.text.Span;

/**
 * HJ301: the jobs documentation's character-set note: "when a job is initiated, property names and
 * values can only contain US-ASCII printable alphanumeric" and {@code ! # % & ' * + - . ^ _ ` | ~}
 * (the HTTP token set), checked on {@code methodName} and on every key and string value of the
 * twin patch.
 *
 * <p>No public evidence shows the service enforcing it, and live jobs break it and complete (a tag
 * value with commas and spaces, a desired key with parentheses: docs/decisions.md), so by default
 * it is a warning that cites the note, one per offending string however many characters offend
 * (a timestamp is one finding, not one per colon). A project that wants the note enforced sets
 * {@code "HJ301": "error"} in {@code .hubjobs.json}; then every run of offending characters is
 * reported where it stands. Characters of twin keys that HJ304 reports ({@code $}, {@code #},
 * space, control characters) are left to HJ304 while it runs.
 */
public final class JobCharacterSet extends Rule {

    public JobCharacterSet() {
        super(Meta.of(
                Codes.JOB_CHARACTER_SET,
                Severity.WARNING,
                "twin key or value, or methodName, with a character outside the documented job character set"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        boolean strict = job.configuredSeverity(code()).orElse(Severity.WARNING) == Severity.ERROR;
        if (job.methodField(JobFields.METHOD_NAME) instanceof JsonString name) {
            check(name, false, "methodName", strict, findings);
        }
        // Leave to HJ304 what it reports, unless it does not run.
        boolean keyRuleRuns = job.isEnabled(Codes.TWIN_KEY_FORMAT);
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            if (section.summary().allToken()) {
                continue;
            }
            for (TwinPatch.Node node : section.nodes()) {
                if (node.key() != null && !node.keyText().allToken()) {
                    check(node.key(), keyRuleRuns, "key", strict, findings);
                }
                if (node.valueText() != null && !node.valueText().allToken()) {
                    check((JsonString) node.value(), false, "value", strict, findings);
                }
            }
        }
    }

    /**
     * Reports the runs of offending characters of {@code s}: each one when {@code strict}, else the
     * first, naming every offending character. {@code skipTwinKeyCharacters} leaves HJ304's to it.
     */
    private static void check(
            JsonString s, boolean skipTwinKeyCharacters, String what, boolean strict, Findings findings) {
        String value = s.value();
        StringBuilder offending = new StringBuilder();
        Span first = null;
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
            offending.append(value, start, i);
            if (strict) {
                findings.report(
                        s.documentSpan(Span.of(start, i)),
                        what + " '" + CharacterSet.abbreviate(value) + "' holds "
                                + CharacterSet.describe(value.substring(start, i)) + "; " + NOTE);
            } else if (first == null) {
                first = Span.of(start, i);
            }
        }
        if (first != null) {
            findings.report(
                    s.documentSpan(first),
                    what + " '" + CharacterSet.abbreviate(value) + "' holds "
                            + CharacterSet.describe(offending.toString()) + "; " + NOTE
                            + ". Jobs that set such values are"
                            + " known to run; set HJ301 to error to enforce the note");
        }
    }

    private static final String NOTE = "the jobs documentation allows only US-ASCII letters, digits and "
            + CharacterSet.TOKEN_SYMBOLS + " in job names and values";

    private static boolean offending(char c, boolean skipTwinKeyCharacters) {
        return !CharacterSet.isToken(c) && !(skipTwinKeyCharacters && CharacterSet.isForbiddenInTwinKey(c));
    }
}
