package dev.hubjobs.query;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.grammar.IotHubQueryLexer;
import dev.hubjobs.grammar.IotHubQueryParser;
import dev.hubjobs.syntax.ExpectedTokens;
import dev.hubjobs.syntax.SyntaxErrorStrategy;
import dev.hubjobs.syntax.TokenSpans;
import dev.hubjobs.text.CodePointOffsets;
import dev.hubjobs.text.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The one entry point to the query language: full queries and job conditions.
 *
 * <p>Parsing is two-stage: a fast SLL pass that gives up at the first error, then, only for
 * input with errors, a full LL pass with recovery that reports every error. Nesting is checked
 * on the token stream before parsing, so deep input gives HJ011 instead of a stack overflow.
 * Thread-safe; never throws for user input.
 */
public final class QueryParser {

    /**
     * The longest text the parser reads: 32 times the service's own limit (8192, the rule HJ110),
     * room for a long {@code IN} list given to {@code match}, and a bound on the work any text costs.
     */
    public static final int MAX_LENGTH = 256 * 1024;

    /** How deeply parentheses, unary operators and expressions may nest. */
    public static final int MAX_DEPTH = 200;

    /** In a holder: it loads the generated lexer, which conditions read by the fast path never need. */
    private static final class Expected {
        static final ExpectedTokens EXPECTED = expectedTokens();
    }

    private QueryParser() {}

    public static ParseResult<Query> parseQuery(String text) {
        return parse(text, IotHubQueryParser::query, (b, ctx) -> b.query((IotHubQueryParser.QueryContext) ctx));
    }

    /**
     * Parses a job's {@code queryCondition}: {@code *}, a condition, or {@code FROM devices.modules WHERE ...}.
     * An ordinary, error-free condition is read by {@link FastCondition} into the same tree; only
     * what it is not sure about goes through the grammar.
     */
    public static ParseResult<Condition> parseCondition(String text) {
        Optional<Condition> fast = FastCondition.tryParse(text);
        if (fast.isPresent()) {
            return new ParseResult<>(fast, List.of());
        }
        return parseConditionWithGrammar(text);
    }

    /** {@link #parseCondition} without the fast path: the grammar, the AST builder and every diagnostic. */
    static ParseResult<Condition> parseConditionWithGrammar(String text) {
        return parse(
                text,
                IotHubQueryParser::jobCondition,
                (b, ctx) -> b.condition((IotHubQueryParser.JobConditionContext) ctx));
    }

    private interface Builder<T> {
        T build(AstBuilder builder, ParserRuleContext tree);
    }

    private static <T> ParseResult<T> parse(
            String text, Function<IotHubQueryParser, ParserRuleContext> entry, Builder<T> build) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (text.length() > MAX_LENGTH) {
            diagnostics.add(Diagnostic.error(
                    Codes.QUERY_TOO_DEEP,
                    "query is " + text.length() + " characters long; the parser accepts at most " + MAX_LENGTH,
                    Span.of(MAX_LENGTH, text.length())));
            return new ParseResult<>(Optional.empty(), diagnostics);
        }
        CodePointOffsets offsets = CodePointOffsets.of(text);
        TokenSpans spans = new TokenSpans(offsets);
        IotHubQueryLexer lexer = new IotHubQueryLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();

        for (Token t : tokens.getTokens()) {
            if (t.getType() == IotHubQueryLexer.UNTERMINATED_COMMENT) {
                diagnostics.add(Diagnostic.error(
                        Codes.QUERY_SYNTAX,
                        "'/*' without a closing '*/'",
                        Span.of(spans.of(t).start(), spans.of(t).start() + 2)));
            }
        }
        Token tooDeep = firstTooDeep(tokens.getTokens());
        if (tooDeep != null) {
            diagnostics.add(tooDeep(spans.of(tooDeep)));
            return new ParseResult<>(Optional.empty(), diagnostics);
        }

        IotHubQueryParser parser = new IotHubQueryParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        ParserRuleContext tree;
        SyntaxErrorStrategy errors = null;
        try {
            tree = entry.apply(parser);
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            errors = new SyntaxErrorStrategy(Expected.EXPECTED::describe, "end of query");
            parser.setErrorHandler(errors);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                tree = entry.apply(parser);
            } catch (SyntaxErrorStrategy.TooManyErrors e) {
                tree = null;
            } catch (StackOverflowError e) {
                // The token scan bounds nesting; this is the last line of defence, not the plan.
                diagnostics.add(tooDeep(Span.of(0, text.length())));
                return new ParseResult<>(Optional.empty(), diagnostics);
            }
            for (SyntaxErrorStrategy.SyntaxError error : errors.errors()) {
                Token t = error.token();
                diagnostics.add(Diagnostic.error(Codes.QUERY_SYNTAX, error.message(), spans.of(t)));
            }
            if (tree == null) {
                diagnostics.add(Diagnostic.error(
                        Codes.QUERY_SYNTAX,
                        "more than " + SyntaxErrorStrategy.MAX_ERRORS
                                + " syntax errors; the rest of the query was not checked",
                        Span.at(diagnostics.get(diagnostics.size() - 1).span().end())));
                diagnostics.sort(Comparator.comparing(Diagnostic::span));
                return new ParseResult<>(Optional.empty(), diagnostics);
            }
        } catch (StackOverflowError e) {
            diagnostics.add(tooDeep(Span.of(0, text.length())));
            return new ParseResult<>(Optional.empty(), diagnostics);
        }

        AstBuilder builder = new AstBuilder(offsets, diagnostics);
        Optional<T> value;
        try {
            value = Optional.of(build.build(builder, tree));
        } catch (AstBuilder.Incomplete e) {
            value = Optional.empty();
        } catch (AstBuilder.TooDeep e) {
            diagnostics.add(tooDeep(e.span));
            value = Optional.empty();
        }
        diagnostics.sort(Comparator.comparing(Diagnostic::span));
        return new ParseResult<>(value, diagnostics);
    }

    private static Diagnostic tooDeep(Span span) {
        return Diagnostic.error(
                Codes.QUERY_TOO_DEEP,
                "expression is nested too deeply; at most " + MAX_DEPTH + " levels are supported",
                span);
    }

    /**
     * The first token at which parentheses, brackets and chains of unary operators ({@code NOT},
     * {@code -}) nest deeper than {@link #MAX_DEPTH}, or null. Each of them is a level of
     * recursion in the generated parser.
     */
    private static Token firstTooDeep(List<Token> tokens) {
        ArrayDeque<Integer> unaryAtOpen = new ArrayDeque<>();
        int openUnary = 0;
        int unary = 0;
        boolean operandEnded = false;
        for (Token t : tokens) {
            switch (t.getType()) {
                case IotHubQueryLexer.LPAREN, IotHubQueryLexer.LBRACKET -> {
                    unaryAtOpen.push(unary);
                    openUnary += unary;
                    unary = 0;
                    operandEnded = false;
                }
                case IotHubQueryLexer.RPAREN, IotHubQueryLexer.RBRACKET -> {
                    if (!unaryAtOpen.isEmpty()) {
                        openUnary -= unaryAtOpen.pop();
                    }
                    unary = 0;
                    operandEnded = true;
                }
                case IotHubQueryLexer.NOT -> {
                    unary++;
                    operandEnded = false;
                }
                case IotHubQueryLexer.MINUS -> {
                    if (!operandEnded) {
                        unary++;
                    }
                    operandEnded = false;
                }
                case IotHubQueryLexer.IDENTIFIER,
                        IotHubQueryLexer.QUOTED_IDENTIFIER,
                        IotHubQueryLexer.STRING,
                        IotHubQueryLexer.NUMBER,
                        IotHubQueryLexer.HEX_NUMBER,
                        IotHubQueryLexer.TRUE,
                        IotHubQueryLexer.FALSE,
                        IotHubQueryLexer.NULL,
                        IotHubQueryLexer.UNDEFINED -> {
                    unary = 0;
                    operandEnded = true;
                }
                default -> operandEnded = false;
            }
            if (unaryAtOpen.size() + openUnary + unary > MAX_DEPTH) {
                return t;
            }
        }
        return null;
    }

    private static ExpectedTokens expectedTokens() {
        int[] literals = {
            IotHubQueryLexer.STRING,
            IotHubQueryLexer.UNTERMINATED_STRING,
            IotHubQueryLexer.NUMBER,
            IotHubQueryLexer.HEX_NUMBER,
            IotHubQueryLexer.TRUE,
            IotHubQueryLexer.FALSE,
            IotHubQueryLexer.NULL,
            IotHubQueryLexer.UNDEFINED
        };
        int[] names = {
            IotHubQueryLexer.IDENTIFIER, IotHubQueryLexer.QUOTED_IDENTIFIER,
            IotHubQueryLexer.UNTERMINATED_QUOTED_IDENTIFIER, IotHubQueryLexer.DEVICES,
            IotHubQueryLexer.MODULES, IotHubQueryLexer.JOBS
        };
        int[] reserved = {
            IotHubQueryLexer.SELECT, IotHubQueryLexer.TOP, IotHubQueryLexer.FROM, IotHubQueryLexer.WHERE,
            IotHubQueryLexer.GROUP, IotHubQueryLexer.BY, IotHubQueryLexer.AS, IotHubQueryLexer.AND,
            IotHubQueryLexer.OR, IotHubQueryLexer.NOT, IotHubQueryLexer.IN, IotHubQueryLexer.NIN,
            IotHubQueryLexer.TRUE, IotHubQueryLexer.FALSE, IotHubQueryLexer.NULL, IotHubQueryLexer.UNDEFINED
        };
        int[] expressionStart = concat(literals, names, new int[] {
            IotHubQueryLexer.LPAREN, IotHubQueryLexer.LBRACKET, IotHubQueryLexer.MINUS, IotHubQueryLexer.NOT
        });
        return new ExpectedTokens(
                IotHubQueryLexer.VOCABULARY,
                List.of(
                        ExpectedTokens.Group.of(
                                "<expression>",
                                new int[] {IotHubQueryLexer.IDENTIFIER, IotHubQueryLexer.STRING, IotHubQueryLexer.LPAREN
                                },
                                expressionStart),
                        ExpectedTokens.Group.of(
                                "<path segment>",
                                new int[] {IotHubQueryLexer.IDENTIFIER, IotHubQueryLexer.SELECT},
                                concat(names, reserved)),
                        ExpectedTokens.Group.of("<identifier>", new int[] {IotHubQueryLexer.IDENTIFIER}, names),
                        ExpectedTokens.Group.of(
                                "<literal>",
                                new int[] {IotHubQueryLexer.STRING, IotHubQueryLexer.NUMBER},
                                concat(literals, new int[] {IotHubQueryLexer.MINUS})),
                        ExpectedTokens.Group.of(
                                "<number>",
                                new int[] {IotHubQueryLexer.NUMBER, IotHubQueryLexer.HEX_NUMBER},
                                new int[0])),
                Map.of(IotHubQueryLexer.NEQ, "'!='", IotHubQueryLexer.UNEXPECTED_CHARACTER, "<character>"));
    }

    private static int[] concat(int[]... arrays) {
        return java.util.Arrays.stream(arrays)
                .flatMapToInt(java.util.Arrays::stream)
                .toArray();
    }
}
