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

/** HJ103: a property path whose root is not a twin field ({@code tag.floor}, {@code properties.reportd.x}). */
public final class UnknownPathRoot extends QueryRule {

    public UnknownPathRoot() {
        super(Meta.of(Codes.UNKNOWN_PATH_ROOT, Severity.WARNING,
                "property path does not start with a twin field"
                        + " (tags, properties.desired, properties.reported, ...)").withFix());
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
            if (!containsIgnoreCase(TWIN_ROOTS_LOWER, root.name())) {
                report(findings, root, TwinFields.ROOTS, "unknown property path root '" + root.name() + "'");
            } else if (root.name().equalsIgnoreCase("properties") && path.segments().size() > 1) {
                Expr.Segment section = path.segments().get(1);
                if (!containsIgnoreCase(PROPERTY_SECTIONS_LOWER, section.name())) {
                    report(findings, section, TwinFields.SECTIONS,
                            "unknown properties section '" + section.name() + "'; twins have desired and reported");
                }
            }
        }
    }

    private static void report(Findings findings, Expr.Segment segment, List<String> candidates, String message) {
        Optional<String> suggestion = Suggestions.closest(segment.name(), candidates);
        if (suggestion.isEmpty()) {
            findings.reportInQuery(segment.span(), message);
            return;
        }
        findings.reportInQuery(segment.span(), message + "; did you mean '" + suggestion.get() + "'?",
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
