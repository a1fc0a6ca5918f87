package dev.hubjobs.lsp.services;

import dev.hubjobs.query.QueryFunctions;
import dev.hubjobs.twin.TwinFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the editor offers inside a {@code queryCondition}: keywords, the functions twin queries
 * accept, and the roots of twin property paths.
 */
final class QueryLanguage {

    static final List<String> KEYWORDS = List.of("AND", "OR", "NOT", "IN", "NIN", "true", "false", "null");

    /** The functions completion offers: those twin and job queries accept, aggregates aside. */
    static final List<QueryFunctions.Function> FUNCTIONS = QueryFunctions.all().stream()
            .filter(f -> f.usableInTwinQueries() && !f.isAggregate())
            .toList();

    /**
     * Paths completion offers as a start: tags and the property sections first (what conditions
     * test most), then the other twin fields, as the toolkit lists them.
     */
    static final List<String> ROOTS = roots();

    private QueryLanguage() {}

    private static List<String> roots() {
        List<String> roots = new ArrayList<>();
        roots.add(TwinFields.TAGS + ".");
        TwinFields.SECTIONS.forEach(s -> roots.add(TwinFields.PROPERTIES + "." + s + "."));
        for (String root : TwinFields.ROOTS) {
            if (!root.equals(TwinFields.TAGS) && !root.equals(TwinFields.PROPERTIES)) {
                roots.add(root.equals(TwinFields.CAPABILITIES) ? root + "." + TwinFields.IOT_EDGE : root);
            }
        }
        return List.copyOf(roots);
    }

    /** Markdown documentation of a function name as written (any case). */
    static Optional<String> functionDoc(String name) {
        Optional<QueryFunctions.Function> found = QueryFunctions.find(name);
        if (found.isPresent() && found.get().usableInTwinQueries()) {
            return Optional.of(doc(found.get()));
        }
        Optional<String> renamed = QueryFunctions.renamed(name);
        if (found.isEmpty() && renamed.isEmpty()) {
            return Optional.empty();
        }
        String usable = FUNCTIONS.stream().map(f -> "`" + f.name() + "`").collect(Collectors.joining(", "));
        return Optional.of("`" + name.toUpperCase(Locale.ROOT) + "` is not available in twin and job queries"
                + renamed.map(r -> " (twin queries spell it `" + r + "`)").orElse("") + "; these are: " + usable + ".");
    }

    /** A function's documentation in Markdown. */
    static String doc(QueryFunctions.Function f) {
        String status = f.availability() == QueryFunctions.Availability.DOCUMENTED
                ? ""
                : " Not in the twin query documentation, but the service runs it.";
        return "`" + f.signature() + "`: " + f.doc() + status;
    }
}
