package dev.hubjobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.QueryValidator;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.eval.QueryEngine;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A '-' between name characters is part of the name, as the service reads it
 * (docs/decisions.md, "Names with hyphens"): in the grammar, the fast path, the formatter and the
 * evaluator alike, and HJ113 says so where a subtraction was likelier meant.
 */
class HyphenatedNamesTest {

    private static Expr.Path path(String condition) {
        Expr.Binary comparison = (Expr.Binary) QueryTesting.expr(condition);
        return (Expr.Path) comparison.left();
    }

    private static List<String> names(Expr.Path p) {
        return p.segments().stream().map(Expr.Segment::name).toList();
    }

    @Test
    void aHyphenBetweenNameCharactersIsPartOfTheName() {
        assertThat(names(path("tags.deploy-ring = 'canary'"))).containsExactly("tags", "deploy-ring");
        assertThat(names(path("properties.desired.KeyQuery1b4e28ba-2fa1-11d2-883f-0016d3cca427 = 'v'")))
                .containsExactly("properties", "desired", "KeyQuery1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        assertThat(names(path("properties.reported.SupportedMethods.ChangeDeviceState--DeviceState-string = 1")))
                .containsExactly("properties", "reported", "SupportedMethods", "ChangeDeviceState--DeviceState-string");
        assertThat(names(path("tags.x-1 = 2"))).containsExactly("tags", "x-1");
        assertThat(names(path("tags.ökö-ä = 2"))).containsExactly("tags", "ökö-ä");
    }

    @Test
    void subtractionNeedsASpaceOrATokenThatCannotContinueAName() {
        for (String text : List.of(
                "tags.a - tags.b = 1",
                "tags.a -1 = 1",
                "tags.a- 1 = 1",
                "tags.a-(1) = 1",
                "tags.a-'x' = 1",
                "tags.a-[[b]] = 1",
                "tags.a--[[b]] = 1")) {
            Expr.Binary comparison = (Expr.Binary) QueryTesting.expr(text);
            assertThat(comparison.left()).as(text).isInstanceOf(Expr.Binary.class);
            assertThat(((Expr.Binary) comparison.left()).op()).as(text).isIn(Expr.BinaryOp.SUBTRACT);
        }
        assertThat(QueryTesting.expr("1-2 = -1")).isInstanceOf(Expr.Binary.class);
    }

    @Test
    void theFastPathAndTheGrammarBuildTheSameTree() {
        for (String text : List.of(
                "tags.deploy-ring = 'canary'",
                "tags.a--b-c = 1",
                "tags.a-1-b = 1",
                "tags.a - b = 1",
                "tags.a -b = 1",
                "tags.a- b = 1",
                "x-y-z = 1",
                "and-x = 1",
                "tags.a-é = 1",
                "tags.a---",
                "is_defined(properties.reported.SupportedMethods.ChangeDeviceState--DeviceState-string)")) {
            Optional<Condition> fast = FastCondition.tryParse(text);
            ParseResult<Condition> grammar = QueryParser.parseConditionWithGrammar(text);
            if (fast.isPresent()) {
                assertThat(grammar.diagnostics()).as(text).isEmpty();
                assertThat(fast.get()).as(text).isEqualTo(grammar.value().orElseThrow());
            }
        }
        assertThat(FastCondition.tryParse("tags.deploy-ring = 'canary'")).isPresent();
    }

    @Test
    void theCanonicalFormKeepsTheReadingAndRoundTrips() {
        for (String text : List.of(
                "tags.deploy-ring = 'canary'",
                "tags.a - b = 1",
                "tags.a -1 = 1",
                "tags.a--b = 1",
                "tags.a - -1 = 1",
                "tags.x-1 = 2")) {
            Condition first = QueryParser.parseCondition(text).get();
            String canonical = QueryFormatter.format(first);
            Condition again = QueryParser.parseCondition(canonical).get();
            QueryTesting.assertSameTreeIgnoringSpans(again, first);
        }
        assertThat(QueryFormatter.format(
                        QueryParser.parseCondition("tags.deploy-ring='canary'").get()))
                .isEqualTo("tags.deploy-ring = 'canary'");
        assertThat(QueryFormatter.format(
                        QueryParser.parseCondition("tags.a -1=0").get()))
                .isEqualTo("tags.a - 1 = 0");
    }

    @Test
    void theEvaluatorMatchesTwinsByTheHyphenatedKey() {
        Fleet fleet = FleetLoader.parse(String.join(
                        "\n",
                        "{\"deviceId\":\"d1\",\"tags\":{\"deploy-ring\":\"canary\",\"deploy\":5,\"ring\":1}}",
                        "{\"deviceId\":\"d2\",\"tags\":{\"deploy-ring\":\"broad\",\"deploy\":5,\"ring\":4}}"))
                .fleet();
        QueryEngine engine = new QueryEngine(fleet);
        assertThat(engine.match(QueryParser.parseCondition("tags.deploy-ring = 'canary'")
                        .get()))
                .extracting(Fleet::id)
                .containsExactly("d1");
        assertThat(engine.match(QueryParser.parseCondition("tags.deploy - tags.ring = 4")
                        .get()))
                .extracting(Fleet::id)
                .containsExactly("d1");
    }

    @Test
    void hj113NamesTheReadingWhereASubtractionWasLikelierMeant() {
        assertThat(codes("tags.x-1 = 2")).containsExactly("HJ113");
        assertThat(codes("tags.a-tags.b = 2")).containsExactly("HJ113");
        assertThat(codes("tags.a-properties.reported.b = 2")).containsExactly("HJ113");
        assertThat(codes("tags.deploy-ring = 'x'")).isEmpty();
        assertThat(codes("tags.fw-version = 'x'")).isEmpty();
        assertThat(codes("tags.a-tags = 'x'")).isEmpty();
        assertThat(codes("properties.desired.KeyQuery1b4e28ba-2fa1-11d2-883f-0016d3cca427 = 'v'"))
                .isEmpty();
        assertThat(codes("tags.[[x-1]] = 2")).isEmpty();
        List<Diagnostic> found =
                QueryValidator.standard().validateCondition("tags.slots-1 > 0").diagnostics();
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.span().start()).isEqualTo(5);
            assertThat(d.span().end()).isEqualTo(12);
            assertThat(d.fixes()).hasSize(2);
        });
    }

    private static List<String> codes(String condition) {
        return QueryValidator.standard().validateCondition(condition).diagnostics().stream()
                .map(Diagnostic::code)
                .toList();
    }
}
