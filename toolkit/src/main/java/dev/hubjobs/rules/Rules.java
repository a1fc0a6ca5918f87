package dev.hubjobs.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The rule catalogue: every rule, in code order. Explicit, so that adding a rule is one line here. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new ParserRule("HJ001", "JsonSyntax", "job document is not valid JSON (with comments)", false),
            new ParserRule("HJ002", "JsonNonStandard",
                    "single-quoted string, unquoted key, trailing comma or <placeholder> text", true),
            new ParserRule("HJ003", "ConfigurationProblem",
                    "configuration file problem (unknown rule code, bad severity, unreadable)", false),
            new ParserRule("HJ004", "DuplicateKey", "duplicate key in an object", false),
            new ParserRule("HJ005", "InputLimit",
                    "input limits exceeded: file size, nesting depth, invalid UTF-8", false),
            new ParserRule("HJ010", "QuerySyntax", "query syntax error", false),
            new ParserRule("HJ011", "QueryTooDeep", "query nested or long beyond what the parser accepts", false),
            new ParserRule("HJ012", "InWithParentheses", "IN (...) with parentheses instead of [...]", true),
            new ParserRule("HJ013", "UnterminatedString", "unterminated string literal in a query", false),
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

    public static boolean isKnown(String code) {
        return BY_CODE.containsKey(code);
    }
}
