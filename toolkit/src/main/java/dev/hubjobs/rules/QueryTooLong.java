package dev.hubjobs.rules;

import dev.hubjobs.diag.Severity;
import dev.hubjobs.text.Span;

/** HJ110: a condition longer than the service's query limit (8192 characters by default). */
public final class QueryTooLong extends Rule {

    public QueryTooLong() {
        super("HJ110", "QueryTooLong", Severity.ERROR, "query or condition longer than 8192 characters", false);
    }

    @Override
    public void check(JobContext job, Findings findings) {
        int limit = job.limits().maxQueryLength();
        job.conditionString().ifPresent(s -> {
            int length = s.value().length();
            if (length > limit) {
                findings.reportInQuery(Span.of(limit, length), "queryCondition is " + length
                        + " characters long; the service accepts at most " + limit
                        + " (rejected with 412 PreconditionFailed). Split the job or use a tag");
            }
        });
    }
}
