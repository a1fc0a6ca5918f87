package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonValue.JsonNull;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.Member;
import java.util.Optional;

/**
 * HJ303: the patch changes what a job cannot: non-empty {@code properties.reported} (device-owned),
 * or it lacks the {@code properties} wrapper ({@code "desired"} at the top of the patch), which the
 * service rejects with 400 ArgumentInvalid.
 */
public final class TwinPatchSections extends Rule {

    public TwinPatchSections() {
        super(Meta.of(
                        Codes.TWIN_PATCH_SECTIONS,
                        Severity.ERROR,
                        "updateTwin changes properties.reported, or lacks the properties wrapper")
                .withFix());
    }

    @Override
    public void check(JobContext job, Findings findings) {
        JsonObject patch = job.twinPatch().patch().orElse(null);
        if (patch == null) {
            return;
        }
        String text = job.document().text();
        boolean hasProperties = patch.has(JobFields.PROPERTIES);
        for (Member m : patch.members()) {
            String key = m.key().value();
            if (key.equals(JobFields.DESIRED)) {
                String message = "'desired' must be inside 'properties': {\"properties\": {\"desired\": {...}}}";
                if (hasProperties) {
                    findings.report(m.key().span(), message);
                } else {
                    String wrapped = "\"properties\": {" + m.span().textOf(text) + "}";
                    findings.report(
                            m.key().span(),
                            message,
                            Fix.suggestion("Wrap in \"properties\"", new TextEdit(m.span(), wrapped)));
                }
            } else if (key.equals(JobFields.REPORTED)) {
                findings.report(
                        m.key().span(),
                        "reported properties are written by the device, not by a job",
                        Fix.suggestion("Remove 'reported'", Edits.remove(text, patch, m)));
            }
        }
        if (patch.getOrNull(JobFields.PROPERTIES) instanceof JsonObject properties) {
            Optional<Member> reported = properties.member(JobFields.REPORTED);
            if (reported.isPresent() && !isEmpty(reported.get())) {
                findings.report(
                        reported.get().key().span(),
                        "properties.reported is written by the device; a job may change only tags and desired "
                                + "properties",
                        Fix.suggestion("Remove 'reported'", Edits.remove(text, properties, reported.get())));
            }
        }
    }

    private static boolean isEmpty(Member m) {
        return m.value() instanceof JsonNull
                || m.value() instanceof JsonObject o && o.members().isEmpty();
    }
}
