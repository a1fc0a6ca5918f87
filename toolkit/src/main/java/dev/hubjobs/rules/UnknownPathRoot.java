package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.query.Expr;
import dev.hubjobs.query.Source;
import dev.hubjobs.twin.TwinFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * HJ103: a property path whose root is not a twin field ({@code tag.floor}, {@code properties.reportd.x}).
 * An error: such a path has no value on any device, so the comparison that holds it is never true
 * and a job whose condition needs it runs on no device (docs/decisions.md).
 */
public final class UnknownPathRoot extends QueryRule {

    public UnknownPathRoot() {
        super(Meta.of(
                        Codes.UNKNOWN_PATH_ROOT,
                        Severity.ERROR,
                        "property path does not start with a twin field"
                                + " (tags, properties.desired, properties.reported, ...)")
                .withFix());
    }

    @Override
    public void check(QueryContext query, Findings findings) {
        if (query.source().orElse(Source.JOBS) == Source.JOBS) {
            return; // no tree, or device-job rows, whose fields are not twin fields
        }
        for (Expr.Path path : query.nodes(Expr.Path.class)) {
            if (path.collection() == Expr.Collection.JOBS) {
                continue;
            }
            Expr.Segment root = path.first();
            Severity severity = selectsDevices(query, path) ? Severity.ERROR : Severity.WARNING;
            if (!containsIgnoreCase(TWIN_ROOTS_LOWER, root.name())) {
                report(findings, severity, root, TwinFields.ROOTS, "unknown property path root '" + root.name() + "'");
            } else if (root.name().equalsIgnoreCase("properties")
                    && path.segments().size() > 1) {
                Expr.Segment section = path.segments().get(1);
                if (!containsIgnoreCase(PROPERTY_SECTIONS_LOWER, section.name())) {
                    report(
                            findings,
                            severity,
                            section,
                            TwinFields.SECTIONS,
                            "unknown properties section '" + section.name() + "'; twins have desired and reported");
                }
            }
        }
    }

    /**
     * Whether the path decides which devices a job or query selects: anywhere in a job condition,
     * or in a query's WHERE. There the comparison that holds it is never true. In a projection or
     * GROUP BY the column is merely empty, which the service accepts (Azure IoT Explorer selects
     * {@code statusUpdatedTime}, which is no twin field): a warning.
     */
    private static boolean selectsDevices(QueryContext query, Expr.Path path) {
        if (query.isCondition()) {
            return true;
        }
        return query.query()
                .flatMap(q -> q.where())
                .map(w -> w.span().start() <= path.span().start()
                        && path.span().end() <= w.span().end())
                .orElse(false);
    }

    private static void report(
            Findings findings, Severity severity, Expr.Segment segment, List<String> candidates, String message) {
        Optional<String> suggestion = Suggestions.closest(segment.name(), candidates);
        if (suggestion.isEmpty()) {
            findings.reportInQuery(severity, segment.span(), message);
            return;
        }
        findings.reportInQuery(
                severity,
                segment.span(),
                message + "; did you mean '" + suggestion.get() + "'?",
                Map.of("suggestions", List.of(suggestion.get())),
                Fix.suggestion("Change to '" + suggestion.get() + "'", new TextEdit(segment.span(), suggestion.get())));
    }

    private static final Set<String> TWIN_ROOTS_LOWER = lowerCase(TwinFields.ROOTS);
    private static final Set<String> PROPERTY_SECTIONS_LOWER = lowerCase(TwinFields.SECTIONS);

    private static Set<String> lowerCase(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean containsIgnoreCase(Set<String> lowerCaseNames, String name) {
        return lowerCaseNames.contains(name.toLowerCase(Locale.ROOT));
    }
}
