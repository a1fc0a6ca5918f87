package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.json.JsonValue.JsonObject;

/**
 * HJ305: objects nested deeper than 10 levels below {@code tags} or {@code properties.desired}
 * ({@code tags.one.two...ten.property} is the deepest the service accepts). Reported once, where
 * the first level too deep begins.
 */
public final class TwinDepth extends Rule {

    public TwinDepth() {
        super(Meta.of(
                Codes.TWIN_DEPTH, Severity.ERROR, "twin nesting deeper than 10 below tags or properties.desired"));
    }

    @Override
    public void check(JobContext job, Findings findings) {
        int max = job.limits().maxTwinDepth();
        for (TwinPatch.Section section : job.twinPatch().sections()) {
            if (section.summary().deepestObject() < max) {
                continue;
            }
            for (TwinPatch.Node node : section.nodes()) {
                if (node.value() instanceof JsonObject && node.depth() == max) {
                    findings.report(
                            node.key() != null
                                    ? node.key().span()
                                    : node.value().span(),
                            (node.key() != null
                                            ? "'"
                                                    + CharacterSet.abbreviate(
                                                            node.key().value()) + "'"
                                            : "this object")
                                    + " is nested " + (max + 1) + " levels below " + section.path()
                                    + "; the limit is " + max);
                }
            }
        }
    }
}
