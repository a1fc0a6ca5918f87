package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.text.Span;

/** HJ110: a condition longer than the service's query limit (8192 characters by default). */
public final class QueryTooLong extends QueryRule {

    public QueryTooLong() {
        super(Meta.of(Codes.QUERY_TOO_LONG, Severity.ERROR, "query or condition longer than 8192 characters"));
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        int limit = query.limits().maxQueryLength();
        int length = query.text().length();
        if (length > limit) {
            findings.reportInQuery(
                    Span.of(limit, length),
                    (query.isCondition() ? "queryCondition" : "query")
                            + " is " + length + " characters long; the service accepts at most " + limit
                            + " (rejected with 412 PreconditionFailed). Split the job or use a tag");
        }
    }
}
