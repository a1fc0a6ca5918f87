package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.JobValidator;
import dev.hubjobs.QueryValidator;
import dev.hubjobs.testing.EvidenceCorpus;
import dev.hubjobs.testing.EvidenceCorpus.Body;
import dev.hubjobs.testing.EvidenceCorpus.Item;
import dev.hubjobs.testing.EvidenceCorpus.Kind;
import dev.hubjobs.testing.EvidenceCorpus.Report;
import dev.hubjobs.testing.EvidenceCorpus.Text;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line gives every item of the evidence corpus the verdict its source shows, except
 * where docs/decisions.md lists the disagreement, and the same verdict as the library: {@code parse}
 * for query texts, {@code validate} for job bodies, by exit code.
 */
class EvidenceAgreementCliTest {

    private static final Map<String, String> LISTED = EvidenceCorpus.listedDisagreements(Path.of("../docs"));

    @TempDir
    Path dir;

    private static int exit(String... args) {
        return Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true));
    }

    private static boolean parseRejects(Text t) {
        int code = t.kind() == Kind.QUERY ? exit("parse", t.text()) : exit("parse", "--condition", t.text());
        assertThat(code).as("exit code of parse for %s", t.id()).isIn(Main.OK, Main.FINDINGS);
        return code == Main.FINDINGS;
    }

    private boolean validateRejects(Body b) {
        Path file = dir.resolve(b.id() + ".job.json");
        try {
            Files.writeString(file, b.json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int code = exit("validate", file.toString());
        assertThat(code).as("exit code of validate for %s", b.id()).isIn(Main.OK, Main.FINDINGS);
        return code == Main.FINDINGS;
    }

    @Test
    void parseGivesTheLibrarysVerdictAndTheSourcesOnEveryText() {
        List<Text> texts = EvidenceCorpus.texts();
        List<String> differentFromLibrary = new ArrayList<>();
        Report report = EvidenceCorpus.check(
                "cli parse, query texts",
                texts,
                t -> new Item(t.id(), t.verdict()),
                t -> {
                    boolean cli = parseRejects(t);
                    boolean library = (t.kind() == Kind.QUERY
                                    ? QueryValidator.standard().validateQuery(t.text())
                                    : QueryValidator.standard().validateCondition(t.text()))
                            .hasErrors();
                    if (cli != library) {
                        differentFromLibrary.add(t.id());
                    }
                    return cli;
                },
                LISTED);
        System.out.println(report.summary());
        assertThat(differentFromLibrary)
                .as("texts where parse and the library disagree")
                .isEmpty();
        assertThat(report.unlisted())
                .as("disagreements docs/decisions.md does not list")
                .isEmpty();
    }

    @Test
    void validateGivesTheLibrarysVerdictAndTheSourcesOnEveryBody() {
        JobValidator library = JobValidator.builder().build();
        List<String> differentFromLibrary = new ArrayList<>();
        Report report = EvidenceCorpus.check(
                "cli validate, job bodies",
                EvidenceCorpus.bodies(),
                b -> new Item(b.id(), b.verdict()),
                b -> {
                    boolean cli = validateRejects(b);
                    if (cli != library.validate(b.json()).hasErrors()) {
                        differentFromLibrary.add(b.id());
                    }
                    return cli;
                },
                LISTED);
        System.out.println(report.summary());
        assertThat(differentFromLibrary)
                .as("bodies where validate and the library disagree")
                .isEmpty();
        assertThat(report.unlisted())
                .as("disagreements docs/decisions.md does not list")
                .isEmpty();
    }
}
