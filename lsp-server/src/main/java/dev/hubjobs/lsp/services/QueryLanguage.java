package dev.hubjobs.lsp.services;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the editor offers inside a {@code queryCondition}: keywords, the functions twin queries
 * accept, and the roots of twin property paths.
 */
final class QueryLanguage {

    static final List<String> KEYWORDS = List.of("AND", "OR", "NOT", "IN", "NIN", "true", "false", "null");

    /** Functions that work in twin and job queries, with their documentation. */
    static final Map<String, String> FUNCTIONS = functions();

    /** Functions the service knows elsewhere (routing, SQL) but rejects in twin queries. */
    static final List<String> UNAVAILABLE = List.of("CONTAINS", "LOWER", "UPPER", "LENGTH", "CONCAT", "SUBSTRING",
            "INDEX_OF", "AS_NUMBER", "ABS", "EXP", "POWER", "SQUARE", "CEILING", "FLOOR", "SIGN", "SQRT",
            "STARTS_WITH", "ENDS_WITH");

    /** Paths completion offers as a start, most useful first. */
    static final List<String> ROOTS = List.of("tags.", "properties.desired.", "properties.reported.", "deviceId",
            "status", "connectionState", "capabilities.iotEdge", "lastActivityTime", "modelId", "moduleId",
            "statusReason", "authenticationType", "deviceScope", "version", "etag");

    private static Map<String, String> functions() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("IS_DEFINED", "`IS_DEFINED(path)`: true when the twin has the property. The only function "
                + "documented for twin queries.");
        f.put("STARTSWITH", "`STARTSWITH(path, 'prefix')`: true when the string property starts with the "
                + "prefix (case-sensitive). Accepted by twin queries, though documented only for routing.");
        f.put("ENDSWITH", "`ENDSWITH(path, 'suffix')`: true when the string property ends with the suffix "
                + "(case-sensitive). Accepted by twin queries, though documented only for routing.");
        f.put("IS_STRING", "`IS_STRING(path)`: true when the property is a string.");
        f.put("IS_NUMBER", "`IS_NUMBER(path)`: true when the property is a number.");
        f.put("IS_BOOL", "`IS_BOOL(path)`: true when the property is a boolean.");
        f.put("IS_NULL", "`IS_NULL(path)`: true when the property is null.");
        f.put("IS_OBJECT", "`IS_OBJECT(path)`: true when the property is an object.");
        f.put("IS_ARRAY", "`IS_ARRAY(path)`: true when the property is an array.");
        f.put("IS_PRIMITIVE", "`IS_PRIMITIVE(path)`: true for a string, number, boolean or null.");
        return java.util.Collections.unmodifiableMap(f);
    }

    private QueryLanguage() {}

    /** Markdown documentation of a function name as written (any case). */
    static Optional<String> functionDoc(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        String doc = FUNCTIONS.get(upper);
        if (doc != null) {
            return Optional.of(doc);
        }
        if (UNAVAILABLE.contains(upper)) {
            return Optional.of("`" + upper + "` is not available in twin and job queries; only `IS_DEFINED`, "
                    + "`STARTSWITH`, `ENDSWITH` and the `IS_*` type checks are.");
        }
        return Optional.empty();
    }
}
