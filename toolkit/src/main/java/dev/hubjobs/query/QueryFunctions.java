package dev.hubjobs.query;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The functions of the IoT Hub query language, each once: its name, how many arguments it takes,
 * whether twin and job queries may use it, and what it does. The query rules (HJ104, HJ105, HJ106),
 * the evaluator, completion and hover all read this catalogue. Which functions twin queries accept
 * is decided from evidence of what the service runs (docs/decisions.md, "Functions").
 */
public final class QueryFunctions {

    /** Whether twin and job queries may use a function. */
    public enum Availability {
        /** Documented for twin and job queries. */
        DOCUMENTED,
        /** Not documented for twin queries, but the service is known to run it (HJ105 says so). */
        ACCEPTED,
        /** Known to message-routing queries only; twin and job queries refuse it (HJ104). */
        REFUSED
    }

    public enum Kind {
        /** A value per twin. */
        SCALAR,
        /** A value per group, in a SELECT list only. */
        AGGREGATE
    }

    /**
     * One function.
     *
     * @param signature how it is called, for documentation: {@code STARTSWITH(path, 'prefix')}
     * @param doc one sentence, Markdown
     */
    public record Function(
            String name, int minArgs, int maxArgs, Kind kind, Availability availability, String signature, String doc) {

        /** Whether twin and job queries may use it (an aggregate only in a SELECT list). */
        public boolean usableInTwinQueries() {
            return availability != Availability.REFUSED;
        }

        public boolean isAggregate() {
            return kind == Kind.AGGREGATE;
        }

        public boolean acceptsArguments(int n) {
            return n >= minArgs && n <= maxArgs;
        }

        /** "1", "2 to 3", "at least 2". */
        public String arity() {
            return minArgs == maxArgs
                    ? String.valueOf(minArgs)
                    : maxArgs == Integer.MAX_VALUE ? "at least " + minArgs : minArgs + " to " + maxArgs;
        }
    }

    private static final int ANY = Integer.MAX_VALUE;

    private static final List<Function> ALL = List.of(
            twin(
                    "IS_DEFINED",
                    1,
                    Availability.DOCUMENTED,
                    "IS_DEFINED(path)",
                    "true when the twin has the property, even when its value is null."),
            twin(
                    "STARTSWITH",
                    2,
                    Availability.ACCEPTED,
                    "STARTSWITH(path, 'prefix')",
                    "true when the string property starts with the prefix (case-sensitive). Run by twin queries"
                            + " although documented only for routing."),
            twin(
                    "ENDSWITH",
                    2,
                    Availability.ACCEPTED,
                    "ENDSWITH(path, 'suffix')",
                    "true when the string property ends with the suffix (case-sensitive). Accepted as"
                            + " STARTSWITH is, though documented only for routing."),
            new Function(
                    "ARRAY_CONTAINS",
                    2,
                    3,
                    Kind.SCALAR,
                    Availability.ACCEPTED,
                    "ARRAY_CONTAINS(path, value)",
                    "true when the array property holds the value (with a third argument true, an object that"
                            + " holds the given object's properties). Run in twin queries by the Azure IoT CLI."),
            typeCheck("IS_STRING", "a string"),
            typeCheck("IS_NUMBER", "a number"),
            typeCheck("IS_BOOL", "a boolean"),
            typeCheck("IS_NULL", "null"),
            typeCheck("IS_OBJECT", "an object"),
            typeCheck("IS_ARRAY", "an array"),
            typeCheck("IS_PRIMITIVE", "a string, number, boolean or null"),
            routing("CONTAINS", 2, 2, "CONTAINS(s, 'part')", "true when the string holds the part."),
            routing("LOWER", 1, 1, "LOWER(s)", "the string in lower case."),
            routing("UPPER", 1, 1, "UPPER(s)", "the string in upper case."),
            routing("LENGTH", 1, 1, "LENGTH(s)", "the length of the string."),
            routing("CONCAT", 2, ANY, "CONCAT(s1, s2, ...)", "the strings joined."),
            routing("SUBSTRING", 2, 3, "SUBSTRING(s, start[, length])", "part of the string, from 0."),
            routing("INDEX_OF", 2, 2, "INDEX_OF(s, 'part')", "where the part first stands in the string, or -1."),
            routing("AS_NUMBER", 1, 1, "AS_NUMBER(s)", "the number a string spells."),
            routing("ABS", 1, 1, "ABS(n)", "the absolute value."),
            routing("EXP", 1, 1, "EXP(n)", "e to the power n."),
            routing("POWER", 2, 2, "POWER(n, p)", "n to the power p."),
            routing("SQUARE", 1, 1, "SQUARE(n)", "n times n."),
            routing("CEILING", 1, 1, "CEILING(n)", "the smallest integer not below n."),
            routing("FLOOR", 1, 1, "FLOOR(n)", "the largest integer not above n."),
            routing("SIGN", 1, 1, "SIGN(n)", "-1, 0 or 1."),
            routing("SQRT", 1, 1, "SQRT(n)", "the square root."),
            aggregate("COUNT", 0, "COUNT()", "the number of rows."),
            aggregate("AVG", 1, "AVG(path)", "the average of the numbers."),
            aggregate("SUM", 1, "SUM(path)", "the sum of the numbers."),
            aggregate("MIN", 1, "MIN(path)", "the smallest value."),
            aggregate("MAX", 1, "MAX(path)", "the largest value."));

    /** Routing spellings that twin queries refuse, and the name they know (azure-docs issue 110329). */
    private static final Map<String, String> RENAMED = Map.of("STARTS_WITH", "STARTSWITH", "ENDS_WITH", "ENDSWITH");

    /** By name in capitals and in small letters, the usual spellings: most lookups make no new string. */
    private static final Map<String, Function> BY_NAME = new HashMap<>();

    static {
        for (Function f : ALL) {
            BY_NAME.put(f.name(), f);
            BY_NAME.put(f.name().toLowerCase(Locale.ROOT), f);
        }
    }

    private QueryFunctions() {}

    public static List<Function> all() {
        return ALL;
    }

    /** The function of that name, in any case. */
    public static Optional<Function> find(String name) {
        Function f = BY_NAME.get(name);
        return Optional.ofNullable(f != null ? f : BY_NAME.get(name.toUpperCase(Locale.ROOT)));
    }

    /** The name twin queries know for a routing spelling ({@code STARTS_WITH}), in any case. */
    public static Optional<String> renamed(String name) {
        return Optional.ofNullable(RENAMED.get(name.toUpperCase(Locale.ROOT)));
    }

    private static Function twin(String name, int args, Availability availability, String signature, String doc) {
        return new Function(name, args, args, Kind.SCALAR, availability, signature, doc);
    }

    private static Function typeCheck(String name, String what) {
        return twin(name, 1, Availability.ACCEPTED, name + "(path)", "true when the property is " + what + ".");
    }

    private static Function routing(String name, int min, int max, String signature, String doc) {
        return new Function(name, min, max, Kind.SCALAR, Availability.REFUSED, signature, doc);
    }

    private static Function aggregate(String name, int args, String signature, String doc) {
        return new Function(name, args, args, Kind.AGGREGATE, Availability.DOCUMENTED, signature, doc);
    }
}
