package dev.hubjobs.query;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.grammar.IotHubQueryParser;
import dev.hubjobs.grammar.IotHubQueryParser.*;
import dev.hubjobs.syntax.Escapes;
import dev.hubjobs.syntax.TokenSpans;
import dev.hubjobs.text.CodePointOffsets;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the ANTLR parse tree into the immutable AST. Reports the problems that the grammar lets
 * through on purpose (IN with parentheses, unterminated strings, bad escapes).
 *
 * <p>Recursion is bounded: AND/OR chains are flattened with a loop, and every other level of
 * nesting counts against {@link QueryParser#MAX_DEPTH}.
 */
final class AstBuilder {

    /** The tree is too broken (after error recovery) to build this node. */
    static final class Incomplete extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Incomplete() {
            super(null, null, false, false);
        }
    }

    /** The expression nests deeper than {@link QueryParser#MAX_DEPTH}. */
    static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final Span span;

        TooDeep(Span span) {
            super(null, null, false, false);
            this.span = span;
        }
    }

    private final TokenSpans spans;
    private final List<Diagnostic> diagnostics;

    AstBuilder(CodePointOffsets offsets, List<Diagnostic> diagnostics) {
        this.spans = new TokenSpans(offsets);
        this.diagnostics = diagnostics;
    }

    // -- entry rules --------------------------------------------------------------------------

    Query query(QueryContext ctx) {
        // After error recovery, ctx.top can be the token that stood where the number belongs, or a
        // conjured one; the syntax error is reported already, so the query is built without TOP.
        OptionalLong top = isNumber(ctx.top) ? OptionalLong.of(integer(ctx.top)) : OptionalLong.empty();
        List<Projection> projections = selectList(required(ctx.selectList()));
        SourceContext source = required(ctx.source());
        Optional<Expr> where =
                ctx.WHERE() == null ? Optional.empty() : Optional.of(expr(required(ctx.expression()), 0));
        List<Expr.Path> groupBy = ctx.groupBy() == null ? List.of() : groupBy(ctx.groupBy());
        return new Query(top, projections, source(source), span(source), where, groupBy, span(ctx));
    }

    Condition condition(JobConditionContext ctx) {
        if (ctx.STAR() != null) {
            return new Condition(
                    true,
                    Source.DEVICES,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    span(ctx));
        }
        MisplacedPrefixContext prefix = ctx.misplacedPrefix();
        SourceContext source = ctx.source() != null ? ctx.source() : prefix == null ? null : prefix.source();
        Expr expression = expr(required(ctx.expression()), 0);
        GroupByContext groupBy = ctx.groupBy();
        return new Condition(
                false,
                source == null ? Source.DEVICES : source(source),
                source == null ? Optional.empty() : Optional.of(span(source)),
                Optional.of(expression),
                prefix == null ? Optional.empty() : Optional.of(span(prefix)),
                groupBy == null ? List.of() : groupBy(groupBy),
                groupBy == null ? Optional.empty() : Optional.of(span(groupBy)),
                span(ctx));
    }

    // -- clauses ------------------------------------------------------------------------------

    private List<Projection> selectList(SelectListContext ctx) {
        if (ctx.STAR() != null) {
            return List.of();
        }
        List<Projection> result = new ArrayList<>();
        for (ProjectionContext p : ctx.projection()) {
            Expr e = p.functionCall() != null ? call(p.functionCall(), 0) : path(required(p.path()));
            Optional<String> alias = p.alias == null ? Optional.empty() : Optional.of(p.alias.getText());
            result.add(new Projection(e, alias, span(p)));
        }
        return result;
    }

    private static Source source(SourceContext ctx) {
        if (ctx.MODULES() != null) {
            return Source.MODULES;
        }
        return ctx.JOBS() != null ? Source.JOBS : Source.DEVICES;
    }

    private List<Expr.Path> groupBy(GroupByContext ctx) {
        List<Expr.Path> paths = new ArrayList<>();
        for (PathContext p : ctx.path()) {
            paths.add(path(p));
        }
        return paths;
    }

    // -- expressions --------------------------------------------------------------------------

    Expr expr(ExpressionContext ctx, int depth) {
        if (ctx == null || ctx.exception != null) {
            throw new Incomplete();
        }
        if (depth > QueryParser.MAX_DEPTH) {
            throw new TooDeep(span(ctx));
        }
        if (ctx instanceof ParenthesizedContext p) {
            return expr(p.expression(), depth + 1);
        } else if (ctx instanceof CallContext c) {
            return call(c.functionCall(), depth);
        } else if (ctx instanceof ReferenceContext r) {
            return path(r.path());
        } else if (ctx instanceof ConstantContext k) {
            return literal(k.literal());
        } else if (ctx instanceof ArrayContext a) {
            return array(a.arrayLiteral());
        } else if (ctx instanceof NegateContext n) {
            return new Expr.Negate(expr(n.expression(), depth + 1), span(ctx));
        } else if (ctx instanceof NotContext n) {
            return new Expr.Not(expr(n.expression(), depth + 1), span(ctx));
        } else if (ctx instanceof MultiplicativeContext m) {
            return binary(m.op, m.expression(0), m.expression(1), ctx, depth);
        } else if (ctx instanceof AdditiveContext a) {
            return binary(a.op, a.expression(0), a.expression(1), ctx, depth);
        } else if (ctx instanceof ComparisonContext c) {
            return binary(c.op, c.expression(0), c.expression(1), ctx, depth);
        } else if (ctx instanceof InArrayContext in) {
            return new Expr.In(
                    expr(in.expression(), depth + 1),
                    in.op.getType() == IotHubQueryParser.NIN,
                    array(required(in.arrayLiteral())),
                    span(ctx));
        } else if (ctx instanceof InParenthesesContext in) {
            return inParentheses(in, depth);
        } else if (ctx instanceof AndContext || ctx instanceof OrContext) {
            return chain(ctx, depth);
        }
        throw new Incomplete();
    }

    /** Flattens {@code a AND b AND c} (left-deep in the parse tree) into one n-ary node, without recursion. */
    private Expr chain(ExpressionContext ctx, int depth) {
        boolean and = ctx instanceof AndContext;
        List<ExpressionContext> operands = new ArrayList<>();
        ExpressionContext current = ctx;
        while (and ? current instanceof AndContext : current instanceof OrContext) {
            operands.add(current.getRuleContext(ExpressionContext.class, 1));
            current = current.getRuleContext(ExpressionContext.class, 0);
        }
        operands.add(current);
        Collections.reverse(operands);
        List<Expr> built = new ArrayList<>(operands.size());
        for (ExpressionContext operand : operands) {
            built.add(expr(operand, depth + 1));
        }
        return and ? new Expr.And(built, span(ctx)) : new Expr.Or(built, span(ctx));
    }

    private Expr binary(Token op, ExpressionContext left, ExpressionContext right, ExpressionContext ctx, int depth) {
        Expr.BinaryOp operator = switch (op.getType()) {
            case IotHubQueryParser.STAR -> Expr.BinaryOp.MULTIPLY;
            case IotHubQueryParser.SLASH -> Expr.BinaryOp.DIVIDE;
            case IotHubQueryParser.PERCENT -> Expr.BinaryOp.MODULO;
            case IotHubQueryParser.PLUS -> Expr.BinaryOp.ADD;
            case IotHubQueryParser.MINUS -> Expr.BinaryOp.SUBTRACT;
            case IotHubQueryParser.EQ -> Expr.BinaryOp.EQ;
            case IotHubQueryParser.NEQ -> Expr.BinaryOp.NEQ;
            case IotHubQueryParser.LT -> Expr.BinaryOp.LT;
            case IotHubQueryParser.LTE -> Expr.BinaryOp.LTE;
            case IotHubQueryParser.GT -> Expr.BinaryOp.GT;
            case IotHubQueryParser.GTE -> Expr.BinaryOp.GTE;
            default -> throw new Incomplete();
        };
        return new Expr.Binary(operator, expr(left, depth + 1), expr(right, depth + 1), span(op), span(ctx));
    }

    private Expr inParentheses(InParenthesesContext in, int depth) {
        Token open = in.LPAREN().getSymbol();
        // A ')' conjured by error recovery has no position (index -1): there is nothing to replace.
        Token close = in.RPAREN() == null || in.RPAREN().getSymbol().getStartIndex() < 0
                ? null
                : in.RPAREN().getSymbol();
        String keyword = in.op.getText().toUpperCase(java.util.Locale.ROOT);
        Diagnostic d = Diagnostic.error(
                Codes.IN_PARENTHESES,
                keyword + " takes a list in square brackets, not parentheses: write " + keyword + " [...]",
                span(open));
        if (close != null) {
            d = d.withFix(
                    Fix.safe("Use square brackets", new TextEdit(span(open), "["), new TextEdit(span(close), "]")));
        }
        diagnostics.add(d);
        List<Expr> elements = new ArrayList<>();
        for (ArrayElementContext e : in.arrayElement()) {
            elements.add(arrayElement(e));
        }
        Span listSpan = close == null ? span(open) : span(open).union(span(close));
        return new Expr.In(
                expr(in.expression(), depth + 1),
                in.op.getType() == IotHubQueryParser.NIN,
                new Expr.ArrayLiteral(elements, listSpan),
                span(in));
    }

    private Expr call(FunctionCallContext ctx, int depth) {
        if (ctx == null || ctx.exception != null || ctx.RPAREN() == null) {
            throw new Incomplete();
        }
        List<Expr> args = new ArrayList<>();
        for (ExpressionContext a : ctx.expression()) {
            args.add(expr(a, depth + 1));
        }
        IdentifierContext name = ctx.identifier();
        return new Expr.Call(name.getText(), span(name), args, span(ctx));
    }

    private Expr.ArrayLiteral array(ArrayLiteralContext ctx) {
        if (ctx.exception != null || ctx.RBRACKET() == null) {
            throw new Incomplete();
        }
        List<Expr> elements = new ArrayList<>();
        for (ArrayElementContext e : ctx.arrayElement()) {
            elements.add(arrayElement(e));
        }
        return new Expr.ArrayLiteral(elements, span(ctx));
    }

    private Expr arrayElement(ArrayElementContext ctx) {
        if (ctx.literal() != null) {
            return literal(ctx.literal());
        }
        TerminalNode number = ctx.NUMBER() != null ? ctx.NUMBER() : ctx.HEX_NUMBER();
        if (number == null) {
            throw new Incomplete();
        }
        Expr.NumberLiteral n = number(number.getSymbol());
        if (ctx.MINUS() == null) {
            return n;
        }
        return new Expr.NumberLiteral("-" + n.text(), -n.value(), span(ctx));
    }

    private Expr literal(LiteralContext ctx) {
        if (ctx == null || ctx.exception != null) {
            throw new Incomplete();
        }
        Token t = ctx.getStart();
        Span span = span(t);
        return switch (t.getType()) {
            case IotHubQueryParser.STRING -> string(t, true);
            case IotHubQueryParser.UNTERMINATED_STRING -> string(t, false);
            case IotHubQueryParser.NUMBER, IotHubQueryParser.HEX_NUMBER -> number(t);
            case IotHubQueryParser.TRUE -> new Expr.BooleanLiteral(true, span);
            case IotHubQueryParser.FALSE -> new Expr.BooleanLiteral(false, span);
            case IotHubQueryParser.NULL -> new Expr.NullLiteral(span);
            case IotHubQueryParser.UNDEFINED -> new Expr.UndefinedLiteral(span);
            default -> throw new Incomplete();
        };
    }

    private static boolean isNumber(Token t) {
        return t != null
                && t.getStartIndex() >= 0
                && (t.getType() == IotHubQueryParser.NUMBER || t.getType() == IotHubQueryParser.HEX_NUMBER);
    }

    private Expr.NumberLiteral number(Token t) {
        if (!isNumber(t)) {
            throw new Incomplete();
        }
        String text = t.getText();
        Span span = span(t);
        double value;
        if (t.getType() == IotHubQueryParser.HEX_NUMBER) {
            try {
                value = Long.parseLong(text.substring(2), 16);
            } catch (NumberFormatException e) {
                diagnostics.add(
                        Diagnostic.error(Codes.QUERY_SYNTAX, "hexadecimal number '" + text + "' is too large", span));
                value = Double.NaN;
            }
        } else {
            value = Double.parseDouble(text);
        }
        return new Expr.NumberLiteral(text, value, span);
    }

    private long integer(Token t) {
        Expr.NumberLiteral n = number(t);
        if (n.value() != Math.rint(n.value()) || n.value() < 0) {
            diagnostics.add(
                    Diagnostic.error(Codes.QUERY_SYNTAX, "TOP takes a whole number, not '" + n.text() + "'", n.span()));
        }
        return (long) n.value();
    }

    /** Decodes a string literal, reporting each bad escape at its own position. */
    private Expr.StringLiteral string(Token t, boolean terminated) {
        String raw = t.getText();
        Span span = span(t);
        char quote = raw.charAt(0);
        if (!terminated) {
            diagnostics.add(Diagnostic.error(
                    Codes.UNTERMINATED_STRING, "unterminated string literal: missing closing " + quote, span));
        }
        int end = terminated ? raw.length() - 1 : raw.length();
        StringBuilder value = new StringBuilder(end);
        for (int i = 1; i < end; i++) {
            char c = raw.charAt(i);
            if (c == quote) {
                value.append(c); // a doubled quote: the lexer lets a quote inside only in pairs
                i++;
                continue;
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (i + 1 >= end) {
                break;
            }
            i = Escapes.decode(raw, i, end, '\'', false, value, Codes.QUERY_SYNTAX, span.start(), diagnostics);
        }
        return new Expr.StringLiteral(value.toString(), quote == '"', span);
    }

    Expr.Path path(PathContext ctx) {
        if (ctx == null || ctx.exception != null) {
            throw new Incomplete();
        }
        List<Expr.Segment> segments = new ArrayList<>();
        for (int i = 0; i < ctx.getChildCount(); i++) {
            var child = ctx.getChild(i);
            if (child instanceof TerminalNode node && node.getSymbol().getType() == IotHubQueryParser.DOT) {
                continue;
            }
            segments.add(segment(child));
        }
        if (segments.isEmpty()) {
            throw new Incomplete();
        }
        Expr.Collection collection = Expr.Collection.NONE;
        if (segments.size() > 1 && isWord(segments.get(0), "devices")) {
            if (segments.size() > 2 && isWord(segments.get(1), "modules")) {
                collection = Expr.Collection.MODULES;
            } else if (segments.size() > 2 && isWord(segments.get(1), "jobs")) {
                collection = Expr.Collection.JOBS;
            } else {
                collection = Expr.Collection.DEVICES;
            }
        }
        int skip = collection == Expr.Collection.NONE ? 0 : collection == Expr.Collection.DEVICES ? 1 : 2;
        return new Expr.Path(collection, segments.subList(skip, segments.size()), span(ctx));
    }

    private Expr.Segment segment(org.antlr.v4.runtime.tree.ParseTree child) {
        String text = singleTokenText(child);
        Span span = child instanceof ParserRuleContext rule ? span(rule) : span(((TerminalNode) child).getSymbol());
        if (text.startsWith("[[") && text.endsWith("]]") && text.length() >= 4) {
            return new Expr.Segment(text.substring(2, text.length() - 2), true, span);
        }
        if (text.startsWith("[[")) {
            // UNTERMINATED_QUOTED_IDENTIFIER: it runs to the end of the query.
            diagnostics.add(Diagnostic.error(
                    Codes.QUERY_SYNTAX, "'[[' without a closing ']]'", Span.of(span.start(), span.start() + 2)));
            String name = text.substring(2);
            return new Expr.Segment(name.endsWith("]") ? name.substring(0, name.length() - 1) : name, true, span);
        }
        if (text.isEmpty()) {
            throw new Incomplete();
        }
        return new Expr.Segment(text, false, span);
    }

    /**
     * The text of a segment: the text of its one token when it is a single token (always, unless
     * error recovery left something else), without building it up from the subtree.
     */
    private static String singleTokenText(org.antlr.v4.runtime.tree.ParseTree child) {
        if (child instanceof TerminalNode node) {
            return node.getSymbol().getText();
        }
        ParserRuleContext rule = (ParserRuleContext) child;
        Token start = rule.getStart();
        if (rule.exception == null && start != null && start == rule.getStop() && start.getTokenIndex() >= 0) {
            return start.getText();
        }
        return child.getText();
    }

    private static boolean isWord(Expr.Segment s, String word) {
        return !s.quoted() && s.name().equalsIgnoreCase(word);
    }

    // -- helpers ------------------------------------------------------------------------------

    private static <T extends ParserRuleContext> T required(T ctx) {
        if (ctx == null || ctx.exception != null) {
            throw new Incomplete();
        }
        return ctx;
    }

    Span span(Token t) {
        return spans.of(t);
    }

    Span span(ParserRuleContext ctx) {
        return spans.of(ctx);
    }
}
