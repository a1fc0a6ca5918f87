package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.testing.GeneratedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules/README.md}, the catalogue of rules, is generated from the registry and every
 * rule has its page. Regenerate the catalogue after adding or changing a rule with
 * {@code mvn -q -o -pl toolkit -am test -Dtest=RuleCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhubjobs.regenerateDocs=true}.
 */
class RuleCatalogueTest {

    private static final Path DOCS = Path.of("..", "docs", "rules");

    static String catalogue() {
        StringBuilder out = new StringBuilder("""
                # Rules

                Every finding of hubjobs carries one of these codes. `HJ0xx` are syntax, `HJ1xx` the query,
                `HJ2xx` the job's fields, `HJ3xx` the twin patch and character set, `HJ4xx` the fleet and
                timing (these run with a fleet: `--fleet`, or `hubjobs.fleet` in an editor). A code never
                changes meaning. Severities are the defaults; `.hubjobs.json` can change them or turn a rule
                off: `{"rules": {"HJ301": "error", "HJ112": "off"}}`. The evidence behind each severity is in
                [decisions.md](../decisions.md). This page is generated from the rule registry
                (`dev.hubjobs.rules.Rules`).

                | Code | Name | Severity | Fix | What it finds |
                |---|---|---|---|---|
                """);
        for (Rule r : Rules.all()) {
            out.append("| [")
                    .append(r.code())
                    .append("](")
                    .append(r.code())
                    .append(".md) | ")
                    .append(r.name())
                    .append(" | ")
                    .append(r.defaultSeverity().name().toLowerCase(Locale.ROOT))
                    .append(" | ")
                    .append(r.hasFix() ? "yes" : "")
                    .append(" | ")
                    .append(r.summary().replace("|", "\\|").replace("<", "&lt;"))
                    .append(" |\n");
        }
        return out.toString();
    }

    @Test
    void committedCatalogueIsTheGeneratedOne() throws IOException {
        GeneratedFiles.assertCommitted(
                DOCS.resolve("README.md"), catalogue(), "hubjobs.regenerateDocs", "RuleCatalogueTest");
    }

    @Test
    void everyRuleHasItsPageNamedAfterIt() throws IOException {
        for (Rule r : Rules.all()) {
            Path page = DOCS.resolve(r.code() + ".md");
            assertThat(page).as("page of %s", r.code()).exists();
            assertThat(Files.readString(page).lines().findFirst().orElse(""))
                    .as("title of %s", page)
                    .startsWith("# " + r.code() + " " + r.name());
        }
    }
}
