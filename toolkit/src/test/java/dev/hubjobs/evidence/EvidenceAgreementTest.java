package dev.hubjobs.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.testing.EvidenceCorpus;
import dev.hubjobs.testing.EvidenceCorpus.Body;
import dev.hubjobs.testing.EvidenceCorpus.Item;
import dev.hubjobs.testing.EvidenceCorpus.Kind;
import dev.hubjobs.testing.EvidenceCorpus.Report;
import dev.hubjobs.testing.EvidenceCorpus.Text;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The library's verdict on every item of the evidence corpus agrees with what its source shows the
 * service did, except where docs/decisions.md lists the disagreement with its reason. Prints the
 * agreement figure that the README quotes.
 */
class EvidenceAgreementTest {

    static final Map<String, String> LISTED = EvidenceCorpus.listedDisagreements(Path.of("../docs"));
    private static final JobValidator JOBS = JobValidator.builder()
            .clock(Clock.fixed(Instant.parse("2016-01-01T00:00:00Z"), ZoneOffset.UTC))
            .build();

    /** The library's verdict on a text: true when the service would refuse it. */
    static boolean rejects(Text t) {
        return (t.kind() == Kind.QUERY
                        ? QueryValidator.standard().validateQuery(t.text())
                        : QueryValidator.standard().validateCondition(t.text()))
                .hasErrors();
    }

    static boolean rejects(Body b) {
        return JOBS.validate(b.json()).hasErrors();
    }

    @Test
    void queryTextsGetTheVerdictTheirSourcesShow() {
        List<Text> texts = EvidenceCorpus.texts();
        assertThat(texts).hasSizeGreaterThanOrEqualTo(150);
        Report report = EvidenceCorpus.check(
                "library, query texts",
                texts,
                t -> new Item(t.id(), t.verdict()),
                EvidenceAgreementTest::rejects,
                LISTED);
        System.out.println(report.summary());
        assertThat(report.unlisted())
                .as("disagreements docs/decisions.md does not list")
                .isEmpty();
        assertThat(report.stale())
                .as("listed in docs/decisions.md but agreeing now")
                .isEmpty();
    }

    @Test
    void jobBodiesGetTheVerdictTheirSourcesShow() {
        List<Body> bodies = EvidenceCorpus.bodies();
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(30);
        Report report = EvidenceCorpus.check(
                "library, job bodies",
                bodies,
                b -> new Item(b.id(), b.verdict()),
                EvidenceAgreementTest::rejects,
                LISTED);
        System.out.println(report.summary());
        assertThat(report.unlisted())
                .as("disagreements docs/decisions.md does not list")
                .isEmpty();
        assertThat(report.stale())
                .as("listed in docs/decisions.md but agreeing now")
                .isEmpty();
    }

    @Test
    void everyItemHasAUniqueIdASourceAndEvidence() {
        List<String> ids = new java.util.ArrayList<>();
        EvidenceCorpus.texts().forEach(t -> {
            ids.add(t.id());
            assertThat(t.source()).as(t.id()).isNotBlank();
            assertThat(t.evidence()).as(t.id()).isNotBlank();
        });
        EvidenceCorpus.bodies().forEach(b -> {
            ids.add(b.id());
            assertThat(b.source()).as(b.id()).isNotBlank();
        });
        assertThat(ids).doesNotHaveDuplicates();
        Set<String> known = Set.copyOf(ids);
        assertThat(LISTED.keySet()).as("listed ids that are not in the corpus").allMatch(known::contains);
    }

    /** The findings per item, for reading disagreements: {@code -Dtest=EvidenceAgreementTest#explain}. */
    static String explain(List<Diagnostic> found) {
        return found.stream()
                .filter(Diagnostic::isError)
                .map(d -> d.code() + " " + d.message())
                .collect(Collectors.joining("; "));
    }
}
