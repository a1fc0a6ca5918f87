package dev.hubjobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.testing.EvidenceCorpus;
import dev.hubjobs.testing.EvidenceCorpus.Kind;
import dev.hubjobs.testing.EvidenceCorpus.Text;
import org.junit.jupiter.api.Test;

/**
 * Every real-world text of the evidence corpus that parses keeps its meaning in its canonical form:
 * the canonical form parses to the same tree, and formatting it again changes nothing.
 */
class EvidenceRoundTripTest {

    @Test
    void theCanonicalFormOfEveryCorpusTextKeepsItsTree() {
        int checked = 0;
        for (Text t : EvidenceCorpus.texts()) {
            if (t.kind() == Kind.QUERY) {
                ParseResult<Query> first = QueryParser.parseQuery(t.text());
                if (first.value().isEmpty() || first.hasErrors()) {
                    continue;
                }
                String canonical = QueryFormatter.format(first.get());
                ParseResult<Query> again = QueryParser.parseQuery(canonical);
                assertThat(again.diagnostics()).as("%s: %s", t.id(), canonical).isEmpty();
                QueryTesting.assertSameTreeIgnoringSpans(again.get(), first.get());
                assertThat(QueryFormatter.format(again.get())).as(t.id()).isEqualTo(canonical);
            } else {
                ParseResult<Condition> first = QueryParser.parseCondition(t.text());
                if (first.value().isEmpty() || first.hasErrors()) {
                    continue;
                }
                String canonical = QueryFormatter.format(first.get());
                ParseResult<Condition> again = QueryParser.parseCondition(canonical);
                assertThat(again.diagnostics()).as("%s: %s", t.id(), canonical).isEmpty();
                QueryTesting.assertSameTreeIgnoringSpans(again.get(), first.get());
                assertThat(QueryFormatter.format(again.get())).as(t.id()).isEqualTo(canonical);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(200);
    }
}
