package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;

/** HJ401: the condition matches no device of the given fleet, so the job would do nothing. */
public final class NoMatchingDevices extends Rule {

    public NoMatchingDevices() {
        super(Meta.of(
                Codes.NO_MATCHING_DEVICES, Severity.WARNING, "the condition matches no device of the given fleet"));
    }

    @Override
    public boolean needsFleet() {
        return true;
    }

    @Override
    public void check(JobContext job, Findings findings) {
        FleetRules.target(job).ifPresent(t -> {
            if (t.matched() == 0) {
                findings.report(
                        t.string().span(),
                        "the condition matches none of the " + t.size() + " " + t.noun()
                                + " in the fleet; the job would complete without doing anything");
            }
        });
    }
}
