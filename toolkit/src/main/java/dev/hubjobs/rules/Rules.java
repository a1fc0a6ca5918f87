package dev.hubjobs.rules;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Severity;
import dev.hubjobs.rules.Rule.Meta;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rule catalogue: every rule, in code order. Explicit, so that adding a rule is one line here. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new ParserRule(
                    "JsonSyntax",
                    Meta.of(Codes.JSON_SYNTAX, Severity.ERROR, "job document is not valid JSON (with comments)")),
            new ParserRule(
                    "JsonNonStandard",
                    Meta.of(
                                    Codes.JSON_NON_STANDARD,
                                    Severity.ERROR,
                                    "single-quoted string, unquoted key, trailing comma or <placeholder> text")
                            .withFix()),
            new ParserRule(
                    "ConfigurationProblem",
                    Meta.of(
                            Codes.CONFIG,
                            Severity.ERROR,
                            "configuration file problem (unknown rule code, bad severity, unreadable)")),
            new ParserRule("DuplicateKey", Meta.of(Codes.DUPLICATE_KEY, Severity.ERROR, "duplicate key in an object")),
            new ParserRule(
                    "InputLimit",
                    Meta.of(
                            Codes.INPUT_LIMIT,
                            Severity.ERROR,
                            "input limits exceeded: file size, nesting depth, invalid UTF-8")),
            new ParserRule("QuerySyntax", Meta.of(Codes.QUERY_SYNTAX, Severity.ERROR, "query syntax error")),
            new ParserRule(
                    "QueryTooDeep",
                    Meta.of(
                            Codes.QUERY_TOO_DEEP,
                            Severity.ERROR,
                            "query nested or long beyond what the parser accepts")),
            new ParserRule(
                    "InWithParentheses",
                    Meta.of(Codes.IN_PARENTHESES, Severity.ERROR, "IN (...) with parentheses instead of [...]")
                            .withFix()),
            new ParserRule(
                    "UnterminatedString",
                    Meta.of(Codes.UNTERMINATED_STRING, Severity.ERROR, "unterminated string literal in a query")),
            new MisplacedSelectPrefix(),
            new UnsupportedConditionClause(),
            new UnknownPathRoot(),
            new UnsupportedFunction(),
            new UndocumentedFunction(),
            new WrongArgumentCount(),
            new ImpossibleComparison(),
            new ReservedWordSegment(),
            new EnumValueCase(),
            new QueryTooLong(),
            new ModuleConditionInTwinJob(),
            new DoubleQuotedString(),
            new AmbiguousHyphen(),
            new DoubledQuote(),
            new LiteralCondition(),
            new JobTypeName(),
            new RequiredField(),
            new FieldType(),
            new UnknownField(),
            new FieldNotForJobType(),
            new JobIdFormat(),
            new StartTimeFormat(),
            new StartTimeZoneOrPast(),
            new MaxExecutionTime(),
            new MethodTimeouts(),
            new PayloadSize(),
            new DoubleEncodedPayload(),
            new EmptyMethodName(),
            new JobCharacterSet(),
            new TwinPatchEtag(),
            new TwinPatchSections(),
            new TwinKeyFormat(),
            new TwinDepth(),
            new TwinSize(),
            new TwinIntegerRange(),
            new IgnoredTwinKeys(),
            new NoMatchingDevices(),
            new ThrottleTimeout(),
            new MatchesAllDevices(),
            new PathNotInFleet());

    private static final Map<String, Rule> BY_CODE =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Rule::code, Function.identity()));

    private Rules() {}

    public static List<Rule> all() {
        return ALL;
    }

    public static Optional<Rule> byCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }

    /** The address of a rule's documentation page. */
    public static String documentation(String code) {
        return DOCUMENTATION + code + ".md";
    }

    private static final String DOCUMENTATION = "https://github.com/hubjobs/hubjobs/blob/main/docs/rules/";

    public static boolean isKnown(String code) {
        return BY_CODE.containsKey(code);
    }
}
