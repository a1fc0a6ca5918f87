package dev.hubjobs.rules;

/**
 * A rule about the query language. It runs on a job's {@code queryCondition} and, through
 * {@link dev.hubjobs.QueryValidator}, on a condition or query given alone, so that {@code validate},
 * {@code parse}, {@code match}, {@code query}, {@code dry-run} and the language server give one
 * verdict on the same text.
 */
public abstract class QueryRule extends Rule {

    protected QueryRule(Meta meta) {
        super(meta);
    }

    /** Checks one query or condition; positions are reported with {@link Findings#reportInQuery}. */
    public abstract void check(QueryContext query, Findings findings);

    @Override
    public final void check(JobContext job, Findings findings) {
        job.query().ifPresent(q -> check(q, findings));
    }
}
