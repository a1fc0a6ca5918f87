package dev.hubjobs.diag;

/**
 * Codes emitted by the parsers themselves. Every other code belongs to a rule class in
 * {@code dev.hubjobs.rules}; the catalogue of all codes is {@code dev.hubjobs.rules.Rules}.
 */
public final class Codes {
    public static final String JSON_SYNTAX = "HJ001";
    public static final String JSON_NON_STANDARD = "HJ002";
    public static final String CONFIG = "HJ003";
    public static final String DUPLICATE_KEY = "HJ004";
    public static final String INPUT_LIMIT = "HJ005";
    public static final String QUERY_SYNTAX = "HJ010";
    public static final String QUERY_TOO_DEEP = "HJ011";
    public static final String IN_PARENTHESES = "HJ012";
    public static final String UNTERMINATED_STRING = "HJ013";

    private Codes() {}
}
