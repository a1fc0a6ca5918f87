package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.job.JobType;
import dev.hubjobs.query.Source;

/** HJ111: a {@code devices.modules} condition in a twin-update job (module targeting is for method jobs). */
public final class ModuleConditionInTwinJob extends QueryRule {

    public ModuleConditionInTwinJob() {
        super(Meta.of(
                Codes.MODULE_CONDITION_IN_TWIN_JOB,
                Severity.WARNING,
                "devices.modules condition in a twin-update job"));
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        if (query.jobType().orElse(null) != JobType.SCHEDULE_UPDATE_TWIN) {
            return;
        }
        query.condition().ifPresent(c -> {
            if (c.source() == Source.MODULES) {
                c.sourceSpan()
                        .ifPresent(span -> findings.reportInQuery(
                                span,
                                "twin-update jobs update device twins; a devices.modules condition is only known to work"
                                        + " for method jobs"));
            }
        });
    }
}
