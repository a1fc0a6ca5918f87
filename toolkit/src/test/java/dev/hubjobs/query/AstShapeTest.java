package dev.hubjobs.query;

import static dev.hubjobs.query.QueryTesting.expr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.hubjobs.query.Expr.And;
import dev.hubjobs.query.Expr.Binary;
import dev.hubjobs.query.Expr.BinaryOp;
import dev.hubjobs.query.Expr.Not;
import dev.hubjobs.query.Expr.Or;
import dev.hubjobs.query.Expr.Path;
import dev.hubjobs.text.Span;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The tree's shape: n-ary chains, precedence, literals, paths, clauses and exact spans. */
class AstShapeTest {

    @Test
    void andChainIsOneNaryNodeInSourceOrder() {
        And and = (And) expr("a = 1 AND b = 2 AND c = 3 AND d = 4");
        assertThat(and.operands()).hasSize(4).allSatisfy(e -> assertThat(e).isInstanceOf(Binary.class));
        assertThat(and.operands())
                .extracting(QueryFormatter::format)
                .containsExactly("a = 1", "b = 2", "c = 3", "d = 4");
    }

    @Test
    void orChainIsOneNaryNode() {
        Or or = (Or) expr("a OR b OR c");
        assertThat(or.operands()).extracting(QueryFormatter::format).containsExactly("a", "b", "c");
    }

    @Test
    void andBindsTighterThanOr() {
        Or or = (Or) expr("a OR b AND c OR d");
        assertThat(or.operands()).hasSize(3);
        assertThat(or.operands().get(1))
                .asInstanceOf(type(And.class))
                .extracting(a -> a.operands().size())
                .isEqualTo(2);
    }

    @Test
    void parenthesisedChainOfTheSameOperatorStaysANestedNode() {
        And and = (And) expr("(a AND b) AND c");
        assertThat(and.operands()).hasSize(2);
        assertThat(and.operands().get(0)).isInstanceOf(And.class);
    }

    @Test
    void notAppliesToTheWholeComparison() {
        Not not = (Not) expr("NOT a = 1");
        assertThat(not.operand())
                .asInstanceOf(type(Binary.class))
                .extracting(Binary::op)
                .isEqualTo(BinaryOp.EQ);
    }

    @Test
    void notBindsTighterThanAnd() {
        And and = (And) expr("NOT a AND b");
        assertThat(and.operands().get(0)).isInstanceOf(Not.class);
        assertThat(and.operands().get(1)).isInstanceOf(Path.class);
    }

    @Test
    void notAppliesToInAsAWhole() {
        Not not = (Not) expr("NOT x IN [1, 2]");
        assertThat(not.operand()).isInstanceOf(Expr.In.class);
    }

    @Test
    void arithmeticFollowsPrecedenceAndIsLeftAssociative() {
        Binary eq = (Binary) expr("a = 1 + 2 * 3 - 4");
        assertThat(eq.op()).isEqualTo(BinaryOp.EQ);
        Binary sub = (Binary) eq.right();
        assertThat(sub.op()).isEqualTo(BinaryOp.SUBTRACT);
        Binary add = (Binary) sub.left();
        assertThat(add.op()).isEqualTo(BinaryOp.ADD);
        assertThat(add.right())
                .asInstanceOf(type(Binary.class))
                .extracting(Binary::op)
                .isEqualTo(BinaryOp.MULTIPLY);
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        Binary mul = (Binary) ((Binary) expr("x = -a * b")).right();
        assertThat(mul.op()).isEqualTo(BinaryOp.MULTIPLY);
        assertThat(mul.left()).isInstanceOf(Expr.Negate.class);
    }

    @Test
    void literalsAreDecoded() {
        Expr.In in = (Expr.In) expr("x NIN ['it\\'s', \"q\\\"\", 0x1F, -2, 1.5e2, true, null, undefined]");
        assertThat(in.negated()).isTrue();
        assertThat(in.list().elements())
                .satisfiesExactly(
                        e -> assertThat(e).isEqualTo(new Expr.StringLiteral("it's", false, e.span())),
                        e -> assertThat(e).isEqualTo(new Expr.StringLiteral("q\"", true, e.span())),
                        e -> assertThat(e).isEqualTo(new Expr.NumberLiteral("0x1F", 31, e.span())),
                        e -> assertThat(e).isEqualTo(new Expr.NumberLiteral("-2", -2, e.span())),
                        e -> assertThat(e).isEqualTo(new Expr.NumberLiteral("1.5e2", 150, e.span())),
                        e -> assertThat(e).isEqualTo(new Expr.BooleanLiteral(true, e.span())),
                        e -> assertThat(e).isInstanceOf(Expr.NullLiteral.class),
                        e -> assertThat(e).isInstanceOf(Expr.UndefinedLiteral.class));
    }

    @Test
    void unicodeEscapeInAQueryStringIsDecoded() {
        Binary eq = (Binary) expr("tags.name = 'it\\'s \\u00e9t\\u00e9'");
        assertThat(((Expr.StringLiteral) eq.right()).value()).isEqualTo("it's été");
    }

    @Test
    void pathsKeepCollectionPrefixQuotedSegmentsAndReservedWordsAfterADot() {
        Path modules = (Path) ((Binary) expr("devices.modules.properties.reported.x = 1")).left();
        assertThat(modules.collection()).isEqualTo(Expr.Collection.MODULES);
        assertThat(modules.dotted()).isEqualTo("properties.reported.x");

        Path jobs = (Path) ((Binary) expr("devices.jobs.status = 'completed'")).left();
        assertThat(jobs.collection()).isEqualTo(Expr.Collection.JOBS);
        assertThat(jobs.dotted()).isEqualTo("status");

        Path devices = (Path) ((Binary) expr("devices.deviceId = 'a'")).left();
        assertThat(devices.collection()).isEqualTo(Expr.Collection.DEVICES);

        Path quoted = (Path) ((Binary) expr("tags.[[group]].name = 'x'")).left();
        assertThat(quoted.segments())
                .extracting(Expr.Segment::name, Expr.Segment::quoted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tags", false),
                        org.assertj.core.groups.Tuple.tuple("group", true),
                        org.assertj.core.groups.Tuple.tuple("name", false));

        Path reserved = (Path) ((Binary) expr("tags.group.name = 'x'")).left();
        assertThat(reserved.segments())
                .extracting(Expr.Segment::name, Expr.Segment::quoted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("tags", false),
                        org.assertj.core.groups.Tuple.tuple("group", false),
                        org.assertj.core.groups.Tuple.tuple("name", false));

        Path single = (Path) ((Binary) expr("devices = 1")).left();
        assertThat(single.collection()).isEqualTo(Expr.Collection.NONE);
    }

    @Test
    void callsKeepNameAndArguments() {
        Expr.Call call = (Expr.Call) expr("STARTSWITH(devices.deviceId, 'test')");
        assertThat(call.name()).isEqualTo("STARTSWITH");
        assertThat(call.arguments()).hasSize(2);
    }

    @Test
    void conditionForms() {
        Condition all = QueryParser.parseCondition(" * ").get();
        assertThat(all.allDevices()).isTrue();
        assertThat(all.expression()).isEmpty();

        String text = "FROM devices.modules WHERE moduleId = '$edgeAgent'";
        Condition modules = QueryParser.parseCondition(text).get();
        assertThat(modules.source()).isEqualTo(Source.MODULES);
        assertThat(modules.sourceSpan()).map(s -> s.textOf(text)).contains("devices.modules");
        assertThat(modules.misplacedPrefix()).isEmpty();

        String prefixed = "SELECT * FROM devices WHERE a = 1 GROUP BY tags.x";
        Condition p = QueryParser.parseCondition(prefixed).get();
        assertThat(p.misplacedPrefix()).map(s -> s.textOf(prefixed)).contains("SELECT * FROM devices WHERE");
        assertThat(p.groupBy()).extracting(Path::dotted).containsExactly("tags.x");
        assertThat(p.groupBySpan()).map(s -> s.textOf(prefixed)).contains("GROUP BY tags.x");
    }

    @Test
    void queryClauses() {
        String text = "SELECT TOP 10 tags.floor AS f, COUNT() n FROM devices.jobs WHERE a = 1 GROUP BY tags.floor";
        Query q = QueryParser.parseQuery(text).get();
        assertThat(q.top()).isEqualTo(OptionalLong.of(10));
        assertThat(q.projections())
                .extracting(Projection::alias)
                .containsExactly(java.util.Optional.of("f"), java.util.Optional.of("n"));
        assertThat(q.projections().get(1).expr()).isInstanceOf(Expr.Call.class);
        assertThat(q.source()).isEqualTo(Source.JOBS);
        assertThat(q.sourceSpan().textOf(text)).isEqualTo("devices.jobs");
        assertThat(q.where()).isPresent();
        assertThat(q.groupBy()).extracting(Path::dotted).containsExactly("tags.floor");
        assertThat(q.span()).isEqualTo(Span.of(0, text.length()));
        assertThat(QueryParser.parseQuery("SELECT * FROM devices").get().selectsAll())
                .isTrue();
    }

    @Test
    void spansAreExactHalfOpenRanges() {
        String text = "tags.x = 'a' AND (b >= 2 OR NOT c)";
        And and = (And) expr(text);
        assertThat(and.span()).isEqualTo(Span.of(0, text.length()));
        Binary eq = (Binary) and.operands().get(0);
        assertThat(eq.span()).isEqualTo(Span.of(0, 12));
        assertThat(eq.opSpan()).isEqualTo(Span.of(7, 8));
        assertThat(eq.left().span().textOf(text)).isEqualTo("tags.x");
        assertThat(eq.right().span().textOf(text)).isEqualTo("'a'");
        Or or = (Or) and.operands().get(1);
        assertThat(or.span().textOf(text)).isEqualTo("b >= 2 OR NOT c");
        assertThat(((Binary) or.operands().get(0)).opSpan().textOf(text)).isEqualTo(">=");
        assertThat(or.operands().get(1).span().textOf(text)).isEqualTo("NOT c");
        Path path = (Path) eq.left();
        assertThat(path.segments()).extracting(s -> s.span().textOf(text)).containsExactly("tags", "x");
    }

    @Test
    void spansCountUtf16UnitsAfterNonAsciiAndSupplementaryCharacters() {
        // 'é' is one UTF-16 unit, '😀' two: ANTLR counts one code point for each, so a parser
        // that kept code-point offsets would be off by one after the emoji.
        String text = "tags.né = '😀é' AND tags.ü = \"x😀\" AND é = 1";
        And and = (And) expr(text);
        assertThat(and.operands())
                .extracting(e -> e.span().textOf(text))
                .containsExactly("tags.né = '😀é'", "tags.ü = \"x😀\"", "é = 1");
        Binary second = (Binary) and.operands().get(1);
        int start = text.indexOf("tags.ü");
        assertThat(second.span()).isEqualTo(Span.of(start, start + "tags.ü = \"x😀\"".length()));
        assertThat(second.opSpan()).isEqualTo(Span.at(start + 7).union(Span.at(start + 8)));
        assertThat(((Binary) and.operands().get(0)).right())
                .asInstanceOf(type(Expr.StringLiteral.class))
                .extracting(Expr.StringLiteral::value)
                .isEqualTo("😀é");
        Binary third = (Binary) and.operands().get(2);
        assertThat(third.right().span()).isEqualTo(Span.of(text.length() - 1, text.length()));
    }
}
