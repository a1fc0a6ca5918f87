package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.text.Span;

/**
 * HJ304: a twin key with {@code .}, {@code $}, space or a control character, or longer than 1 KB
 * of UTF-8 (the device-twin documentation's key rules), below {@code tags} or
 * {@code properties.desired}. Bad characters are reported where they stand; a long key as a whole.
 */
public final class TwinKeyFormat extends Rule {

    public TwinKeyFormat() {
        super(Meta.of(
                Codes.TWIN_KEY_FORMAT,
                Severity.ERROR,
                "twin key with '.', '$', '#', space or control character, or longer than 1 KB"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        int max = job.limits().maxTwinKeyBytes();
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            if (section.summary().longestKey() <= max && !section.summary().forbiddenInKey()) {
                continue;
            }
            for (TwinPatch.Node node : section.nodes()) {
                if (node.key() != null) {
                    check(node.key(), node.keyText(), max, findings);
                }
            }
        }
    }

    private static void check(JsonString key, TwinPatch.Text text, int max, Findings findings) {
        String name = key.value();
        int bytes = text.utf8Bytes();
        if (bytes > max) {
            findings.report(
                    key.span(),
                    "twin key '" + CharacterSet.abbreviate(name) + "' is " + bytes + " bytes of UTF-8; the limit is "
                            + max);
        }
        int i = text.forbiddenInKey() ? 0 : name.length();
        while (i < name.length()) {
            if (!CharacterSet.isForbiddenInTwinKey(name.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < name.length() && CharacterSet.isForbiddenInTwinKey(name.charAt(i))) {
                i++;
            }
            findings.report(
                    key.documentSpan(Span.of(start, i)),
                    "twin key '" + CharacterSet.abbreviate(name)
                            + "' holds " + CharacterSet.describe(name.substring(start, i))
                            + "; twin keys may not hold '.', '$', '#', spaces or control characters");
        }
    }
}
