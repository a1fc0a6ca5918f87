package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.Source;
import dev.hubjobs.text.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** HJ404: a path in the condition exists in no twin of the fleet, likely a typo. */
public final class PathNotInFleet extends Rule {

    public PathNotInFleet() {
        super(Meta.of(
                        Codes.PATH_NOT_IN_FLEET,
                        Severity.WARNING,
                        "a path in the condition exists in no twin of the fleet")
                .withFix());
    }

    @Override
    public boolean needsFleet() {
        return true;
    }

    @Override
    public void check(JobContext job, Findings findings) {
        FleetFacts fleet = job.fleet().orElse(null);
        Condition condition = job.condition().orElse(null);
        if (fleet == null
                || condition == null
                || condition.source() == Source.JOBS
                || job.conditionParse().map(p -> p.hasErrors()).orElse(true)) {
            return;
        }
        Set<String> reported = new HashSet<>();
        for (Expr.Path path : job.conditionNodes(Expr.Path.class)) {
            if (path.collection() == Expr.Collection.JOBS) {
                continue;
            }
            String dotted = path.dotted();
            String lower = dotted.toLowerCase(Locale.ROOT);
            if (fleet.pathExists(lower) || !reported.add(lower)) {
                continue;
            }
            Span span = Span.of(
                    path.first().span().start(),
                    path.segments().get(path.segments().size() - 1).span().end());
            Optional<String> suggestion = Suggestions.closest(lower, fleet.paths());
            String message = "'" + dotted + "' occurs in no twin of the fleet";
            if (suggestion.isEmpty()) {
                findings.reportInQuery(span, message);
            } else {
                findings.reportInQuery(
                        span,
                        message + "; did you mean '" + suggestion.get() + "'?",
                        Map.of("suggestions", List.of(suggestion.get())),
                        Fix.suggestion("Change to '" + suggestion.get() + "'", new TextEdit(span, suggestion.get())));
            }
        }
    }
}
