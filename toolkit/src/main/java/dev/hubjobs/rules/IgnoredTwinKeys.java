package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonNull;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.Member;
import dev.hubjobs.twin.TwinFields;

/**
 * HJ308: identity or metadata keys in the patch ({@code deviceId}, {@code status},
 * {@code $metadata}, {@code $version}, ...) are ignored by the service: a job changes only tags and
 * desired properties, so {@code "status": "disabled"} disables nothing. Keys set to {@code null}
 * are what the Java SDK sends for an unset twin field and are not reported.
 */
public final class IgnoredTwinKeys extends Rule {

    public IgnoredTwinKeys() {
        super(Meta.of(
                        Codes.IGNORED_TWIN_KEYS,
                        Severity.INFO,
                        "identity or metadata keys in updateTwin are ignored by the service")
                .withFix());
    }

    @Override
    public void check(JobContext job, Findings findings) {
        JsonObject patch = job.twinPatch().patch().orElse(null);
        if (patch == null) {
            return;
        }
        String text = job.document().text();
        for (Member m : patch.members()) {
            String key = m.key().value();
            if ((TwinFields.ROOTS.contains(key) || TwinFields.SDK_SPELLINGS.contains(key))
                    && !JobFields.TWIN_WRITABLE.contains(key)
                    && !(m.value() instanceof JsonNull)) {
                report(findings, text, patch, m, "'" + key + "' is a read-only twin field; a job ignores it");
            }
        }
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            for (Member m : section.content().members()) {
                if (TwinPatch.isMetadata(section, m) && !(m.value() instanceof JsonNull)) {
                    report(
                            findings,
                            text,
                            section.content(),
                            m,
                            "'" + m.key().value() + "' is kept by the service; a job ignores it");
                }
            }
        }
    }

    private static void report(Findings findings, String text, JsonObject owner, Member m, String message) {
        findings.report(
                m.key().span(),
                message,
                Fix.suggestion("Remove '" + m.key().value() + "'", Edits.remove(text, owner, m)));
    }
}
