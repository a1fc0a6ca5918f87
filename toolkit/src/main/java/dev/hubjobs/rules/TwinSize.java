package dev.hubjobs.rules;

import dev.hubjobs.config.Limits;
import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonValue.JsonString;

/**
 * HJ306: the twin size limits: tags at most 8 KB, desired properties at most 32 KB, each property
 * at most 4 KB, each string at most 4 KB. Sizes are counted as the service counts them: key bytes
 * plus value, strings in UTF-8 bytes, numbers 8, booleans 4, objects the sum of their members.
 */
public final class TwinSize extends Rule {

    public TwinSize() {
        super(Meta.of(
                Codes.TWIN_SIZE,
                Severity.ERROR,
                "twin size limits: tags > 8 KB, desired > 32 KB, a property > 4 KB, a string > 4 KB"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        Limits limits = job.limits();
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            TwinPatchSummary summary = section.summary();
            // No property is larger than its section, no string longer than the longest: most
            // patches need no closer look.
            if (summary.bytes() > limits.maxPropertyBytes() || summary.longestString() > limits.maxStringBytes()) {
                checkNodes(section, limits, findings);
            }
            int sectionLimit = section.path().equals("tags") ? limits.maxTagsBytes() : limits.maxDesiredBytes();
            if (summary.bytes() > sectionLimit) {
                findings.report(
                        section.member().key().span(),
                        section.path() + " is " + summary.bytes() + " bytes; the limit is " + sectionLimit);
            }
        }
    }

    private static void checkNodes(TwinPatch.Section section, Limits limits, Findings findings) {
        // The nodes are in document order: a property is its key and every node up to the next one.
        JsonString property = null;
        long size = 0;
        for (TwinPatch.Node node : section.nodes()) {
            if (node.depth() == 0 && node.key() != null) {
                checkProperty(property, size, limits, findings);
                property = node.key();
                size = 0;
            }
            size += node.bytes();
            if (node.valueText() != null && node.valueText().utf8Bytes() > limits.maxStringBytes()) {
                findings.report(
                        node.value().span(),
                        "string of " + node.valueText().utf8Bytes() + " bytes; twin strings may be at most "
                                + limits.maxStringBytes());
            }
        }
        checkProperty(property, size, limits, findings);
    }

    private static void checkProperty(JsonString key, long size, Limits limits, Findings findings) {
        if (key != null && size > limits.maxPropertyBytes()) {
            findings.report(
                    key.span(),
                    "property '" + CharacterSet.abbreviate(key.value()) + "' is " + size
                            + " bytes; a property may be at most " + limits.maxPropertyBytes());
        }
    }
}
