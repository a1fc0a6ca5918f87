package dev.hubjobs.query;

import java.util.List;

/**
 * Prints an AST as canonical text: keywords in upper case, single spaces around operators, only
 * the parentheses that precedence needs. String quotes, number spelling and name case are kept
 * as written, so that {@code parse(format(ast))} gives back {@code ast}.
 */
public final class QueryFormatter {

    // Precedence levels in the grammar's order of alternatives; higher binds tighter.
    private static final int OR = 20;
    private static final int AND = 30;
    private static final int NOT = 40;
    private static final int COMPARISON = 60;
    // IN and NIN share the comparisons' level and associate to the left with them, as the grammar
    // parses them: "a IN [1] = true" is "(a IN [1]) = true".
    private static final int IN = COMPARISON;
    private static final int ADDITIVE = 70;
    private static final int MULTIPLICATIVE = 80;
    private static final int NEGATE = 90;
    private static final int PRIMARY = 100;

    private QueryFormatter() {}

    public static String format(Query q) {
        StringBuilder sb = new StringBuilder("SELECT ");
        q.top().ifPresent(n -> sb.append("TOP ").append(n).append(' '));
        if (q.selectsAll()) {
            sb.append('*');
        } else {
            for (int i = 0; i < q.projections().size(); i++) {
                Projection p = q.projections().get(i);
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(format(p.expr()));
                p.alias().ifPresent(a -> sb.append(" AS ").append(a));
            }
        }
        sb.append(" FROM ").append(q.source().text());
        q.where().ifPresent(w -> sb.append(" WHERE ").append(format(w)));
        appendGroupBy(sb, q.groupBy());
        return sb.toString();
    }

    public static String format(Condition c) {
        if (c.allDevices()) {
            return "*";
        }
        StringBuilder sb = new StringBuilder();
        if (c.sourceSpan().isPresent()) {
            sb.append("FROM ").append(c.source().text()).append(" WHERE ");
        }
        c.expression().ifPresent(e -> sb.append(format(e)));
        appendGroupBy(sb, c.groupBy());
        return sb.toString();
    }

    public static String format(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(sb, e);
        return sb.toString();
    }

    private static void appendGroupBy(StringBuilder sb, List<Expr.Path> groupBy) {
        if (groupBy.isEmpty()) {
            return;
        }
        sb.append(" GROUP BY ");
        for (int i = 0; i < groupBy.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            write(sb, groupBy.get(i));
        }
    }

    static int precedence(Expr e) {
        if (e instanceof Expr.Or) {
            return OR;
        } else if (e instanceof Expr.And) {
            return AND;
        } else if (e instanceof Expr.Not) {
            return NOT;
        } else if (e instanceof Expr.In) {
            return IN;
        } else if (e instanceof Expr.Negate) {
            return NEGATE;
        } else if (e instanceof Expr.Binary b) {
            return switch (b.op().precedence()) {
                case 5 -> MULTIPLICATIVE;
                case 4 -> ADDITIVE;
                default -> COMPARISON;
            };
        }
        return PRIMARY;
    }

    private static void write(StringBuilder sb, Expr e, int minimum) {
        if (precedence(e) < minimum) {
            sb.append('(');
            write(sb, e);
            sb.append(')');
        } else {
            write(sb, e);
        }
    }

    private static void write(StringBuilder sb, Expr e) {
        if (e instanceof Expr.Path p) {
            sb.append(p.collection().prefix());
            for (int i = 0; i < p.segments().size(); i++) {
                Expr.Segment s = p.segments().get(i);
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(s.quoted() ? "[[" + s.name() + "]]" : s.name());
            }
        } else if (e instanceof Expr.StringLiteral s) {
            writeString(sb, s.value(), s.doubleQuoted() ? '"' : '\'');
        } else if (e instanceof Expr.NumberLiteral n) {
            sb.append(n.text());
        } else if (e instanceof Expr.BooleanLiteral b) {
            sb.append(b.value());
        } else if (e instanceof Expr.NullLiteral) {
            sb.append("null");
        } else if (e instanceof Expr.UndefinedLiteral) {
            sb.append("undefined");
        } else if (e instanceof Expr.ArrayLiteral a) {
            sb.append('[');
            writeList(sb, a.elements());
            sb.append(']');
        } else if (e instanceof Expr.Call c) {
            sb.append(c.name()).append('(');
            writeList(sb, c.arguments());
            sb.append(')');
        } else if (e instanceof Expr.Negate n) {
            sb.append('-');
            write(sb, n.operand(), NEGATE);
        } else if (e instanceof Expr.Not n) {
            sb.append("NOT ");
            write(sb, n.operand(), NOT);
        } else if (e instanceof Expr.Binary b) {
            int level = precedence(b);
            write(sb, b.left(), level);
            sb.append(' ').append(b.op().symbol()).append(' ');
            write(sb, b.right(), level + 1);
        } else if (e instanceof Expr.In in) {
            write(sb, in.value(), IN);
            sb.append(in.negated() ? " NIN " : " IN ");
            write(sb, in.list());
        } else if (e instanceof Expr.And a) {
            writeChain(sb, a.operands(), " AND ", AND);
        } else if (e instanceof Expr.Or o) {
            writeChain(sb, o.operands(), " OR ", OR);
        }
    }

    private static void writeChain(StringBuilder sb, List<Expr> operands, String separator, int level) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            // A nested chain of the same operator came from explicit parentheses; keep them.
            write(sb, operands.get(i), level + 1);
        }
    }

    private static void writeList(StringBuilder sb, List<Expr> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            write(sb, items.get(i));
        }
    }

    /** Writes a string literal in the given quote style, escaping only what must be escaped. */
    public static void writeString(StringBuilder sb, String value, char quote) {
        sb.append(quote);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append(quote);
    }
}
