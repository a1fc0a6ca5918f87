package dev.hubjobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.Span;
import java.util.Optional;

/** Assertions shared by the query tests. */
final class QueryTesting {

    private QueryTesting() {}

    /** Parses a condition that must be valid and returns its expression. */
    static Expr expr(String condition) {
        ParseResult<Condition> r = QueryParser.parseCondition(condition);
        assertThat(r.diagnostics()).as("diagnostics of %s", condition).isEmpty();
        return r.get().expression().orElseThrow();
    }

    /**
     * Asserts that two trees are equal apart from their spans. Spans are also held in
     * {@code Optional<Span>} fields, which a comparison ignoring fields of type Span alone would
     * still compare, so Optionals are compared by their content.
     */
    static void assertSameTreeIgnoringSpans(Object actual, Object expected) {
        assertThat(actual)
                .usingRecursiveComparison()
                .withStrictTypeChecking()
                .ignoringFieldsOfTypes(Span.class)
                .withEqualsForType(QueryTesting::sameIgnoringSpans, optionalType())
                .isEqualTo(expected);
    }

    static boolean sameIgnoringSpans(Optional<?> a, Optional<?> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        if (a.get() instanceof Span && b.get() instanceof Span) {
            return true;
        }
        try {
            assertSameTreeIgnoringSpans(a.get(), b.get());
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Optional<?>> optionalType() {
        return (Class) Optional.class;
    }

    /** "code@line:col" (1-based) of a diagnostic in {@code text}, for compact assertions. */
    static String at(String text, Diagnostic d) {
        LineMap.Position p = LineMap.of(text).humanPosition(d.span().start());
        return d.code() + "@" + p.line() + ":" + p.column();
    }
}
