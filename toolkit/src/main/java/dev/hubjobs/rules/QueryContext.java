package dev.hubjobs.rules;

import dev.hubjobs.config.Limits;
import dev.hubjobs.job.JobType;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.Exprs;
import dev.hubjobs.query.Projection;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a {@link QueryRule} sees: one query text, read either as a job's {@code queryCondition}
 * (in a job file, or given alone to {@code parse --condition} and {@code match}) or as a full
 * {@code SELECT} query, with its tree when it parsed well enough to have one. Positions are in
 * the query text; inside a job, {@link Findings} moves them into the document.
 */
public final class QueryContext {

    private final String text;
    private final boolean isCondition;
    private final Condition condition;
    private final Query query;
    private final Optional<JobType> jobType;
    private final Limits limits;
    /** The condition's (or query's) nodes by record class, each list in text order. */
    private Map<Class<?>, List<Expr>> nodes;

    private QueryContext(
            String text,
            boolean isCondition,
            Condition condition,
            Query query,
            Optional<JobType> jobType,
            Limits limits) {
        this.text = text;
        this.isCondition = isCondition;
        this.condition = condition;
        this.query = query;
        this.jobType = jobType;
        this.limits = limits;
    }

    /** A job condition; {@code condition} is null when the text has no tree. */
    static QueryContext ofCondition(String text, Condition condition, Optional<JobType> jobType, Limits limits) {
        return new QueryContext(text, true, condition, null, jobType, limits);
    }

    /** A full query; {@code query} is null when the text has no tree. */
    static QueryContext ofQuery(String text, Query query, Limits limits) {
        return new QueryContext(text, false, null, query, Optional.empty(), limits);
    }

    /** The text as written (decoded from JSON inside a job). */
    public String text() {
        return text;
    }

    /** Whether the text is a job condition rather than a full query. */
    public boolean isCondition() {
        return isCondition;
    }

    /** The condition's tree: present for a job condition that parsed. */
    public Optional<Condition> condition() {
        return Optional.ofNullable(condition);
    }

    /** The query's tree: present for a full query that parsed. */
    public Optional<Query> query() {
        return Optional.ofNullable(query);
    }

    /** The collection read, when there is a tree. */
    public Optional<Source> source() {
        return condition != null
                ? Optional.of(condition.source())
                : query != null ? Optional.of(query.source()) : Optional.empty();
    }

    /** The type of the job the condition belongs to, as the service reads it; empty outside a job. */
    public Optional<JobType> jobType() {
        return jobType;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * The nodes of one kind ({@code Expr.Call.class}, {@code Expr.Path.class}...: a node record,
     * not an interface) in text order: the condition, or the query's projections, WHERE and GROUP
     * BY paths. Walked once for all rules, the nodes grouped by kind as it goes.
     */
    @SuppressWarnings("unchecked")
    public <T extends Expr> List<T> nodes(Class<T> kind) {
        if (nodes == null) {
            Map<Class<?>, List<Expr>> byKind = new HashMap<>();
            Consumer<Expr> add = node -> byKind.computeIfAbsent(node.getClass(), k -> new ArrayList<>())
                    .add(node);
            if (condition != null) {
                Exprs.forEach(condition, add);
            } else if (query != null) {
                for (Projection p : query.projections()) {
                    Exprs.forEach(p.expr(), add);
                }
                query.where().ifPresent(w -> Exprs.forEach(w, add));
                query.groupBy().forEach(add);
            }
            byKind.replaceAll((k, list) -> List.copyOf(list));
            nodes = byKind;
        }
        return (List<T>) nodes.getOrDefault(kind, List.of());
    }
}
