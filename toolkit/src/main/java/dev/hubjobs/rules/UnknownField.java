package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonText;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;
import dev.hubjobs.twin.TwinFields;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * HJ204: a field the service does not know, in the job, in {@code cloudToDeviceMethod}, or at the
 * top of the {@code updateTwin} patch. The usual cause is a misspelling ({@code queryConditon}) or a
 * name from old documentation or SDKs ({@code maxExecutionTimeSeconds}, {@code timeoutInSeconds},
 * {@code deviceIds}), which the service ignores or rejects.
 */
public final class UnknownField extends Rule {

    public UnknownField() {
        super(Meta.of(Codes.UNKNOWN_FIELD, Severity.ERROR, "unknown field (usually a misspelling)")
                .withFix());
    }

    // Ordered sets: membership by hash for every key of every job, suggestions in a fixed order.
    private static final Set<String> JOB_NAMES =
            names(JobFields.JOB_FIELDS.stream().map(JobFields.Field::name));
    private static final Set<String> METHOD_NAMES =
            names(JobFields.METHOD_FIELDS.stream().map(JobFields.Field::name));
    /** desired/reported at the top of the patch are HJ303's (missing properties wrapper). */
    private static final Set<String> PATCH_NAMES = names(Stream.concat(
            Stream.concat(TwinFields.ROOTS.stream(), TwinFields.SDK_SPELLINGS.stream()), TwinFields.SECTIONS.stream()));

    private static final Set<String> SECTION_NAMES = names(TwinFields.SECTIONS.stream());

    private static Set<String> names(Stream<String> names) {
        Set<String> set = names.collect(Collectors.toCollection(LinkedHashSet::new));
        return Collections.unmodifiableSet(set);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        checkObject(job, job.object(), JOB_NAMES, "job", findings);
        job.method().ifPresent(method -> checkObject(job, method, METHOD_NAMES, "cloudToDeviceMethod", findings));
        JsonObject twin = job.twinPatch().patch().orElse(null);
        if (twin != null) {
            checkObject(job, twin, PATCH_NAMES, "updateTwin patch", findings);
            if (twin.getOrNull(JobFields.PROPERTIES) instanceof JsonObject properties) {
                checkObject(job, properties, SECTION_NAMES, "updateTwin.properties", findings);
            }
        }
    }

    private static void checkObject(JobContext job, JsonObject o, Set<String> known, String owner, Findings findings) {
        for (Member m : o.members()) {
            JsonString key = m.key();
            String name = key.value();
            if (known.contains(name)
                    || isPlaceholder(key)
                    || (owner.equals("job") && name.equals(JobFields.SCHEMA) && m.value() instanceof JsonString)) {
                continue; // "$schema": editors' convention; the service ignores it (docs/decisions.md)
            }
            if (name.equals(JobFields.DEVICE_IDS) && owner.equals("job")) {
                reportDeviceIds(job, o, m, findings);
                continue;
            }
            String right = JobFields.KNOWN_MISSPELLINGS.get(name);
            boolean legacy = right != null && known.contains(right);
            if (!legacy) {
                right = Suggestions.closest(name, known).orElse(null);
            }
            String message = "unknown field '" + name + "' in the " + owner;
            if (right == null) {
                findings.report(key.span(), message);
                continue;
            }
            message += legacy ? "; the service's name is '" + right + "'" : "; did you mean '" + right + "'?";
            if (o.has(right)) {
                findings.report(
                        key.span(),
                        message + " ('" + right + "' is already set)",
                        Map.of("suggestions", List.of(right)));
                continue;
            }
            findings.report(
                    key.span(),
                    message,
                    Map.of("suggestions", List.of(right)),
                    Fix.suggestion("Rename to '" + right + "'", new TextEdit(key.contentSpan(), key.encode(right))));
        }
    }

    /**
     * {@code deviceIds} (2016 documentation) never existed: devices are chosen by a condition.
     * The fix writes the list as {@code deviceId IN [...]} when there is no condition yet.
     */
    private static void reportDeviceIds(JobContext job, JsonObject o, Member m, Findings findings) {
        String message = "unknown field 'deviceIds': the service chooses devices only by queryCondition; "
                + "write \"queryCondition\": \"deviceId IN ['d1', 'd2']\"";
        Optional<String> condition = inCondition(m.value());
        if (condition.isEmpty() || o.has(JobFields.QUERY_CONDITION)) {
            findings.report(m.key().span(), message, Map.of("suggestions", List.of(JobFields.QUERY_CONDITION)));
            return;
        }
        String replacement = JsonText.quote(JobFields.QUERY_CONDITION) + ": " + JsonText.quote(condition.get());
        findings.report(
                m.key().span(),
                message,
                Map.of("suggestions", List.of(JobFields.QUERY_CONDITION)),
                Fix.suggestion("Replace with queryCondition: " + condition.get(), new TextEdit(m.span(), replacement)));
    }

    private static Optional<String> inCondition(JsonValue value) {
        if (!(value instanceof JsonArray a) || a.elements().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder("deviceId IN [");
        for (JsonValue v : a.elements()) {
            if (!(v instanceof JsonString s)) {
                return Optional.empty();
            }
            if (sb.charAt(sb.length() - 1) != '[') {
                sb.append(", ");
            }
            sb.append('\'')
                    .append(s.value().replace("\\", "\\\\").replace("'", "\\'"))
                    .append('\'');
        }
        return Optional.of(sb.append(']').toString());
    }

    /** A {@code <placeholder>} key is HJ002's. */
    static boolean isPlaceholder(JsonString key) {
        return key.style() == JsonValue.Style.BARE && key.value().startsWith("<");
    }
}
