package dev.hubjobs.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.json.JsonDocument;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Openers that never close get one finding where they stand; the work any text costs is capped, and said so. */
class BoundedWorkTest {

    @Test
    void unclosedOpenersInAQueryAreOneFindingAtTheOpener() {
        ParseResult<?> comment = QueryParser.parseCondition("a = 1 /* b = 2");
        assertThat(comment.diagnostics())
                .extracting(
                        Diagnostic::code, d -> d.span().start(), d -> d.span().end())
                .contains(org.assertj.core.groups.Tuple.tuple("HJ010", 6, 8));
        ParseResult<?> quoted = QueryParser.parseCondition("tags.[[group = 'a'");
        assertThat(quoted.diagnostics()).anySatisfy(d -> {
            assertThat(d.message()).contains("'[[' without a closing ']]'");
            assertThat(d.span().start()).isEqualTo(5);
        });
    }

    @Test
    void unclosedOpenersInADocumentAreOneFindingAtTheOpener() {
        JsonDocument comment = JsonDocumentParser.parse("{\"a\": 1} /* note");
        assertThat(comment.diagnostics()).extracting(Diagnostic::message).contains("'/*' without a closing '*/'");
        JsonDocument single = JsonDocumentParser.parse("{'a': 'b\\'c}\n");
        assertThat(single.diagnostics())
                .extracting(Diagnostic::message)
                .contains("unterminated string: missing closing '");
    }

    @Test
    void oneRuleListsAtMostAHundredFindingsPerJobAndCountsTheRest() {
        String condition = String.join(" OR ", java.util.Collections.nCopies(250, "tag.x = 1"));
        List<Diagnostic> found =
                QueryValidator.standard().validateCondition(condition).diagnostics();
        List<Diagnostic> hj103 =
                found.stream().filter(d -> d.code().equals("HJ103")).toList();
        assertThat(hj103).hasSize(101);
        assertThat(hj103).anySatisfy(d -> assertThat(d.message()).startsWith("and 150 more HJ103 findings"));
    }

    @Test
    void aThousandSyntaxErrorsEndTheParseWithOneFindingSayingSo() {
        ParseResult<?> query = QueryParser.parseCondition("a = = ".repeat(3_000));
        assertThat(query.diagnostics())
                .hasSizeLessThanOrEqualTo(SyntaxErrorStrategy.MAX_ERRORS + 1)
                .last()
                .satisfies(d -> assertThat(d.message()).startsWith("more than 1000 syntax errors"));
        JsonDocument document = JsonDocumentParser.parse("[" + "{:},".repeat(3_000) + "]");
        assertThat(document.root()).isEmpty();
        assertThat(document.diagnostics())
                .anySatisfy(d -> assertThat(d.message()).startsWith("more than 1000 syntax"));
    }

    @Test
    void aDocumentThatIsNotStrictJsonIsReadUpToATokenLimit() {
        // Single quotes keep it off the strict fast path.
        String document = "[" + "'a',".repeat(JsonDocumentParser.MAX_TOKENS) + "'a']";
        var result = JobValidator.builder().build().validate(document);
        // Only the limit: no "unexpected end of document" where the reading stopped.
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("HJ005");
            assertThat(d.message()).contains("more than " + JsonDocumentParser.MAX_TOKENS + " tokens");
        });
    }

    @Test
    void anArrayOfNonJobsIsAHundredFindingsAndOneCountingTheRest() {
        var result = JobValidator.builder().build().validate("[" + "1,".repeat(500) + "1]");
        assertThat(result.diagnostics())
                .hasSize(101)
                .last()
                .satisfies(d -> assertThat(d.message()).startsWith("and 401 more elements that are not job objects"));
    }
}
