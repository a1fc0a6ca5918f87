package dev.hubjobs.cli;

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
class FixerTest {

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
        Fixer.Outcome o = Fixer.fix("aaaa-b", DOUBLE_A);
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
        Fixer.Outcome o = Fixer.fix("abcz", validate);
        // "ab" wins the first pass; "bc" is gone once it is applied, so the second pass has nothing.
        assertThat(o.text()).isEqualTo("Acz");
        assertThat(o.edits()).isEqualTo(1);
        assertThat(o.codes()).containsExactly("HJ901");
    }

    @Test
    void stopsAfterTheLastAllowedPassWhenFixesNeverSettle() {
        Function<String, List<Diagnostic>> growing = text -> List.of(Diagnostic.error("HJ904", "grow", Span.at(0))
                .withFix(Fix.safe("grow", new TextEdit(Span.at(0), "x"))));
        Fixer.Outcome o = Fixer.fix("", growing);
        assertThat(o.text()).hasSize(Fixer.MAX_PASSES);
        assertThat(o.edits()).isEqualTo(Fixer.MAX_PASSES);
    }

    @Test
    void nothingToFixLeavesTheTextAlone() {
        Fixer.Outcome o = Fixer.fix("a-b", DOUBLE_A);
        assertThat(o.changed()).isFalse();
        assertThat(o.text()).isEqualTo("a-b");
    }
}
