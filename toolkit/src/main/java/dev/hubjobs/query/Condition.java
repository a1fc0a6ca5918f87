package dev.hubjobs.query;

import dev.hubjobs.text.Span;
import java.util.List;
import java.util.Optional;

/**
 * A job's {@code queryCondition}: {@code *}, a bare condition, or {@code FROM devices.modules WHERE
 * cond}. The service prefixes {@code SELECT * FROM devices WHERE } itself.
 *
 * <p>The parser also accepts a few things the service does not, so that rules can name them at
 * their position: a {@code SELECT ... WHERE} or {@code WHERE} prefix ({@code misplacedPrefix}), a
 * {@code FROM devices.jobs} source, and a {@code GROUP BY} clause.
 *
 * @param expression empty only for {@code *}
 * @param sourceSpan the written {@code FROM x WHERE} source, empty when the condition has none
 */
public record Condition(
        boolean allDevices,
        Source source,
        Optional<Span> sourceSpan,
        Optional<Expr> expression,
        Optional<Span> misplacedPrefix,
        List<Expr.Path> groupBy,
        Optional<Span> groupBySpan,
        Span span) {

    public Condition {
        groupBy = List.copyOf(groupBy);
    }
}
