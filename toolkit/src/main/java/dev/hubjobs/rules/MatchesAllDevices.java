package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;

/** HJ403: the condition matches every device of the fleet: {@code *} says so more plainly. */
public final class MatchesAllDevices extends Rule {

    public MatchesAllDevices() {
        super(Meta.of(
                Codes.MATCHES_ALL_DEVICES,
                Severity.INFO,
                "the condition matches every device of the fleet (did you mean '*'?)"));
    }

    @Override
    public boolean needsFleet() {
        return true;
    }

    @Override
    public void check(JobContext job, Findings findings) {
        FleetRules.target(job).ifPresent(t -> {
            if (!t.condition().allDevices() && t.size() > 0 && t.matched() == t.size()) {
                findings.report(
                        t.string().span(),
                        "the condition matches all " + t.size() + " " + t.noun()
                                + " of the fleet; if that is intended, '*' says so (and keeps matching new devices)");
            }
        });
    }
}
