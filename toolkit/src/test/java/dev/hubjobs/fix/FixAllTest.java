package dev.hubjobs.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fix loop with made-up findings, so that passes, conflicts and the pass limit are visible. */
class FixAllTest {

    /** Every "aa" pair is a finding whose safe fix makes it "a". */
    static final Function<String, List<Diagnostic>> DOUBLE_A = text -> {
        List<Diagnostic> out = new ArrayList<>();
        for (int i = text.indexOf("aa"); i >= 0; i = text.indexOf("aa", i + 2)) {
            out.add(Diagnostic.error("HJ900", "double a", Span.of(i, i + 2))
                    .withFix(Fix.safe("one a", new TextEdit(Span.of(i, i + 2), "a"))));
        }
        return out;
    };

    @Test
    void repeatsUntilNothingIsLeftToFix() {
        FixAll.Outcome o = FixAll.apply("aaaa-b", DOUBLE_A);
        assertThat(o.text()).isEqualTo("a-b");
        assertThat(o.edits()).isEqualTo(3);
        assertThat(o.codes()).containsExactly("HJ900");
    }

    @Test
    void overlappingFixesWaitForTheNextPassAndSuggestionsAreNeverApplied() {
        Function<String, List<Diagnostic>> validate = text -> {
            List<Diagnostic> out = new ArrayList<>();
            int ab = text.indexOf("ab");
            if (ab >= 0) {
                out.add(Diagnostic.error("HJ901", "ab", Span.of(ab, ab + 2))
                        .withFix(Fix.safe("ab to A", new TextEdit(Span.of(ab, ab + 2), "A"))));
            }
            int bc = text.indexOf("bc");
            if (bc >= 0) {
                out.add(Diagnostic.error("HJ902", "bc", Span.of(bc, bc + 2))
                        .withFix(Fix.safe("bc to B", new TextEdit(Span.of(bc, bc + 2), "B"))));
            }
            int z = text.indexOf('z');
            if (z >= 0) {
                out.add(Diagnostic.error("HJ903", "z", Span.of(z, z + 1))
                        .withFix(Fix.suggestion("drop z", new TextEdit(Span.of(z, z + 1), ""))));
            }
            return out;
        };
        FixAll.Outcome o = FixAll.apply("abcz", validate);
        // "ab" wins the first pass; "bc" is gone once it is applied, so the second pass has nothing.
        assertThat(o.text()).isEqualTo("Acz");
        assertThat(o.edits()).isEqualTo(1);
        assertThat(o.codes()).containsExactly("HJ901");
    }

    @Test
    void stopsAfterTheLastAllowedPassWhenFixesNeverSettle() {
        Function<String, List<Diagnostic>> growing = text -> List.of(
                Diagnostic.error("HJ904", "grow", Span.at(0)).withFix(Fix.safe("grow", new TextEdit(Span.at(0), "x"))));
        FixAll.Outcome o = FixAll.apply("", growing);
        assertThat(o.text()).hasSize(FixAll.MAX_PASSES);
        assertThat(o.edits()).isEqualTo(FixAll.MAX_PASSES);
    }

    @Test
    void nothingToFixLeavesTheTextAlone() {
        FixAll.Outcome o = FixAll.apply("a-b", DOUBLE_A);
        assertThat(o.changed()).isFalse();
        assertThat(o.text()).isEqualTo("a-b");
    }

    @Test
    void aPassThatWouldAddAnErrorIsTriedWithoutTheSyntaxRecoveryGuessesAndElseDropped() {
        // Removing the '?' (an HJ001 fix) makes an error appear that was not there; 'x' to 'y' (HJ002) does not.
        Function<String, List<Diagnostic>> validate = text -> {
            List<Diagnostic> out = new ArrayList<>();
            int q = text.indexOf('?');
            out.add(q >= 0 ? fix("HJ001", Span.of(q, q + 1), "") : Diagnostic.error("HJ001", "lost", Span.at(0)));
            int x = text.indexOf('x');
            if (x >= 0) {
                out.add(fix("HJ002", Span.of(x, x + 1), "y"));
            }
            return out;
        };
        FixAll.Outcome o = FixAll.apply("a?x", validate);
        assertThat(o.text()).isEqualTo("a?y");
        assertThat(o.codes()).containsExactly("HJ002");
        // A wrong guess is dropped without a word.
        assertThat(o.stoppedBy()).isEmpty();
        assertThat(FixAll.apply("a?", validate).changed()).isFalse();
    }

    @Test
    void fixingThatStopsBecauseAPassWouldAddAnErrorSaysWhichError() {
        // Each 'x' to 'yy' is safe, but past four characters the text is "too long".
        Function<String, List<Diagnostic>> validate = text -> {
            List<Diagnostic> out = new ArrayList<>();
            if (text.length() > 4) {
                out.add(Diagnostic.error("HJ005", "too long", Span.at(0)));
            }
            int x = text.indexOf('x');
            if (x >= 0) {
                out.add(fix("HJ002", Span.of(x, x + 1), "yy"));
            }
            return out;
        };
        FixAll.Outcome o = FixAll.apply("axx", validate);
        assertThat(o.text()).isEqualTo("ayyx");
        assertThat(o.stoppedBy())
                .hasValueSatisfying(d -> assertThat(d.message()).isEqualTo("too long"));
        assertThat(FixAll.apply("ax", validate).stoppedBy()).isEmpty();
    }

    @Test
    void aPassThatTradesOneErrorForAnotherIsNotKept() {
        Function<String, List<Diagnostic>> validate = text -> List.of(
                text.equals("a") ? fix("HJ918", Span.of(0, 1), "b") : Diagnostic.error("HJ919", "worse", Span.at(0)));
        assertThat(FixAll.apply("a", validate).text()).isEqualTo("a");
    }

    @Test
    void overlappingEditsAndInsertionsInsideAnotherEditConflict() {
        assertThat(FixAll.conflict(Span.of(0, 5), Span.of(4, 6))).isTrue();
        assertThat(FixAll.conflict(Span.of(0, 5), Span.of(5, 6))).isFalse();
        assertThat(FixAll.conflict(Span.at(5), Span.of(5, 6))).isTrue();
        assertThat(FixAll.conflict(Span.at(3), Span.at(3))).isTrue();
        assertThat(FixAll.conflict(Span.at(2), Span.of(3, 4))).isFalse();
    }

    @Test
    void aFixThatConflictsWithAnyChosenEditWaitsWhateverItsNeighbours() {
        // Fixes in this order: [4,6), [0,2), [2,4) touch but do not conflict; [1,5) conflicts with all
        // three, an insertion at 6 with [4,6), an insertion at 8 with nothing.
        Function<String, List<Diagnostic>> validate = text -> text.startsWith("0123456789")
                ? List.of(
                        fix("HJ911", Span.of(4, 6), "x"),
                        fix("HJ912", Span.of(0, 2), "y"),
                        fix("HJ913", Span.of(2, 4), "z"),
                        fix("HJ914", Span.of(1, 5), "!"),
                        fix("HJ915", Span.at(6), "!"),
                        fix("HJ916", Span.at(8), "w"))
                : List.of();
        FixAll.Outcome o = FixAll.apply("0123456789", validate);
        assertThat(o.text()).isEqualTo("yzx67w89");
        assertThat(o.codes()).containsExactly("HJ911", "HJ912", "HJ913", "HJ916");
    }

    @Test
    void manyFixesTakeTimeLinearInTheirNumber() {
        // 200,000 findings of one character each; choosing and applying them used to take quadratic time.
        String text = "a".repeat(200_000);
        Function<String, List<Diagnostic>> validate = t -> {
            List<Diagnostic> out = new ArrayList<>();
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) == 'a') {
                    out.add(fix("HJ917", Span.of(i, i + 1), "b"));
                }
            }
            return out;
        };
        long start = System.nanoTime();
        FixAll.Outcome o = FixAll.apply(text, validate);
        assertThat(o.text()).isEqualTo("b".repeat(200_000));
        assertThat(o.edits()).isEqualTo(200_000);
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }

    static Diagnostic fix(String code, Span span, String newText) {
        return Diagnostic.error(code, code, span).withFix(Fix.safe(code, new TextEdit(span, newText)));
    }
}
