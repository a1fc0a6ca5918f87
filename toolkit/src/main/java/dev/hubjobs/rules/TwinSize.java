package dev.hubjobs.rules;

import dev.hubjobs.config.Limits;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonValue.JsonString;
import dev.hubjobs.json.JsonValue.Member;

/**
 * HJ306: the twin size limits: tags at most 8 KB, desired properties at most 32 KB, each property
 * at most 4 KB, each string at most 4 KB. Sizes are counted as the service counts them: key bytes
 * plus value, strings in UTF-8 bytes, numbers 8, booleans 4, objects the sum of their members.
 */
public final class TwinSize extends Rule {

    public TwinSize() {
        super("HJ306", "TwinSize", Severity.ERROR,
                "twin size limits: tags > 8 KB, desired > 32 KB, a property > 4 KB, a string > 4 KB", false);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        Limits limits = job.limits();
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            long total = 0;
            for (Member m : TwinPatch.properties(section)) {
                long size = TwinPatch.utf8(m.key().value()) + TwinPatch.size(m.value());
                total += size;
                if (size > limits.maxPropertyBytes()) {
                    findings.report(m.key().span(), "property '" + CharacterSet.abbreviate(m.key().value())
                            + "' is " + size + " bytes; a property may be at most " + limits.maxPropertyBytes());
                }
            }
            int sectionLimit = section.path().equals("tags") ? limits.maxTagsBytes() : limits.maxDesiredBytes();
            if (total > sectionLimit) {
                findings.report(section.member().key().span(), section.path() + " is " + total
                        + " bytes; the limit is " + sectionLimit);
            }
            for (TwinPatch.Node node : section.nodes()) {
                // A UTF-16 unit is at most three bytes of UTF-8: most strings need no count.
                if (node.value() instanceof JsonString s && s.value().length() * 3L > limits.maxStringBytes()
                        && TwinPatch.utf8(s.value()) > limits.maxStringBytes()) {
                    findings.report(s.span(), "string of " + TwinPatch.utf8(s.value())
                            + " bytes; twin strings may be at most " + limits.maxStringBytes());
                }
            }
        }
    }
}
