package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.ValidationResult;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fix offered on a fixture resolves its finding and breaks nothing in the JSON. */
class FixesTest {

    static Stream<Path> fixtures() throws Exception {
        return RuleFixturesTest.fixtures()
                .filter(p -> p.getFileName().toString().startsWith("bad"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void eachFixResolvesItsFindingWithoutNewSyntaxErrors(Path fixture) {
        ValidationResult before = Expectations.VALIDATOR.validate(fixture);
        for (Diagnostic d : before.diagnostics()) {
            for (Fix fix : d.fixes()) {
                String fixed = apply(before.text(), fix);
                ValidationResult after = Expectations.VALIDATOR.validate(fixed);
                String what = fixture.getFileName() + ": fix '" + fix.title() + "' of " + Expectations.range(before, d);
                assertThat(count(after, "HJ001"))
                        .as(what + " adds no syntax error:" + Expectations.describe(after))
                        .isLessThanOrEqualTo(count(before, "HJ001"));
                assertThat(count(after, d.code()))
                        .as(what + " resolves it:" + Expectations.describe(after))
                        .isLessThan(count(before, d.code()));
            }
        }
    }

    @Test
    void safeFixesAreOnlyWhereTheCatalogueAllowsUnattendedEdits() throws Exception {
        List<String> safe = new ArrayList<>();
        for (Path fixture : fixtures().toList()) {
            ValidationResult result = Expectations.VALIDATOR.validate(fixture);
            for (Diagnostic d : result.diagnostics()) {
                if (d.fixes().stream().anyMatch(Fix::safe) && d.code().matches("HJ[23]\\d\\d")) {
                    safe.add(d.code());
                }
            }
        }
        assertThat(safe).isNotEmpty().allMatch(code -> code.equals("HJ201") || code.equals("HJ302"));
    }

    static String apply(String text, Fix fix) {
        StringBuilder sb = new StringBuilder(text);
        List<TextEdit> edits = new ArrayList<>(fix.edits());
        edits.sort(Comparator.comparing((TextEdit e) -> e.span().start()).reversed());
        for (TextEdit e : edits) {
            sb.replace(e.span().start(), e.span().end(), e.newText());
        }
        return sb.toString();
    }

    private static long count(ValidationResult result, String code) {
        return result.diagnostics().stream().filter(d -> d.code().equals(code)).count();
    }
}
