package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of the rule pages tell the truth: a complete bad example shows the page's code,
 * a complete good example does not. Examples abbreviated with "..." are shapes, not documents,
 * and are left out.
 */
class DocsExamplesTest {

    private static final Pattern BLOCK = Pattern.compile("## (Bad|Good)\\n\\n```json\\n(.*?)\\n```", Pattern.DOTALL);

    static Stream<Rule> rules() {
        return Rules.all().stream()
                .filter(r -> !(r instanceof ParserRule) || r.code().compareTo("HJ010") >= 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void examplesShowTheirCode(Rule rule) throws IOException {
        String page = Files.readString(Path.of("..", "docs", "rules", rule.code() + ".md"));
        Matcher m = BLOCK.matcher(page);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            String example = m.group(2);
            if (example.contains("...")) {
                continue;
            }
            ValidationResult result = Expectations.VALIDATOR.validate(example);
            boolean shows = result.diagnostics().stream().anyMatch(d -> d.code().equals(rule.code()));
            assertThat(shows)
                    .as("%s example of %s:\n%s\n%s", m.group(1), rule, example, Expectations.describe(result))
                    .isEqualTo(m.group(1).equals("Bad"));
        }
        assertThat(blocks).isEqualTo(2);
    }
}
