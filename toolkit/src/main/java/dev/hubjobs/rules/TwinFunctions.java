package dev.hubjobs.rules;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which functions twin and job queries may use, and how many arguments each takes. */
final class TwinFunctions {

    /** Documented for twin queries. */
    static final Set<String> DOCUMENTED = Set.of("IS_DEFINED");

    /** Not documented for twin queries, but accepted by the service. */
    static final Set<String> UNDOCUMENTED = Set.of("STARTSWITH", "ENDSWITH", "IS_ARRAY", "IS_BOOL", "IS_NULL",
            "IS_NUMBER", "IS_OBJECT", "IS_PRIMITIVE", "IS_STRING");

    /** Argument counts (min, max) of the functions the service knows, in any context. */
    static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("IS_DEFINED", new int[] {1, 1}), Map.entry("STARTSWITH", new int[] {2, 2}),
            Map.entry("ENDSWITH", new int[] {2, 2}), Map.entry("CONTAINS", new int[] {2, 2}),
            Map.entry("IS_ARRAY", new int[] {1, 1}), Map.entry("IS_BOOL", new int[] {1, 1}),
            Map.entry("IS_NULL", new int[] {1, 1}), Map.entry("IS_NUMBER", new int[] {1, 1}),
            Map.entry("IS_OBJECT", new int[] {1, 1}), Map.entry("IS_PRIMITIVE", new int[] {1, 1}),
            Map.entry("IS_STRING", new int[] {1, 1}), Map.entry("AS_NUMBER", new int[] {1, 1}),
            Map.entry("LOWER", new int[] {1, 1}), Map.entry("UPPER", new int[] {1, 1}),
            Map.entry("LENGTH", new int[] {1, 1}), Map.entry("CONCAT", new int[] {2, Integer.MAX_VALUE}),
            Map.entry("SUBSTRING", new int[] {2, 3}), Map.entry("INDEX_OF", new int[] {2, 2}),
            Map.entry("ABS", new int[] {1, 1}), Map.entry("EXP", new int[] {1, 1}),
            Map.entry("POWER", new int[] {2, 2}), Map.entry("SQUARE", new int[] {1, 1}),
            Map.entry("CEILING", new int[] {1, 1}), Map.entry("FLOOR", new int[] {1, 1}),
            Map.entry("SIGN", new int[] {1, 1}), Map.entry("SQRT", new int[] {1, 1}),
            Map.entry("COUNT", new int[] {0, 0}), Map.entry("AVG", new int[] {1, 1}),
            Map.entry("SUM", new int[] {1, 1}), Map.entry("MIN", new int[] {1, 1}),
            Map.entry("MAX", new int[] {1, 1}));

    /** Spellings that worked in routing queries before the 2023 rename. */
    static final Map<String, String> RENAMED = Map.of("STARTS_WITH", "STARTSWITH", "ENDS_WITH", "ENDSWITH");

    private TwinFunctions() {}

    /**
     * Names as conditions usually spell them, in capitals or in small letters, to their canonical
     * form: most names need no new upper-case string.
     */
    private static final Map<String, String> USUAL_SPELLINGS = usualSpellings();

    private static Map<String, String> usualSpellings() {
        Map<String, String> spellings = new java.util.HashMap<>();
        for (String name : ARITY.keySet()) {
            spellings.put(name, name);
            spellings.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(spellings);
    }

    static String canonical(String name) {
        String usual = USUAL_SPELLINGS.get(name);
        return usual != null ? usual : name.toUpperCase(Locale.ROOT);
    }

    static boolean usable(String name) {
        String n = canonical(name);
        return DOCUMENTED.contains(n) || UNDOCUMENTED.contains(n);
    }

    static Optional<String> suggestion(String name) {
        String renamed = RENAMED.get(canonical(name));
        if (renamed != null) {
            return Optional.of(renamed);
        }
        java.util.List<String> usable = new java.util.ArrayList<>(DOCUMENTED);
        usable.addAll(UNDOCUMENTED);
        java.util.Collections.sort(usable);
        return Suggestions.closest(name, usable);
    }
}
