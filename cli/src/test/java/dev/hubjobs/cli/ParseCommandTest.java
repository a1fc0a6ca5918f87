package dev.hubjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The parse command, run in-process through {@link Main#run}. */
class ParseCommandTest {

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void inWithParenthesesPrintsItsPositionAndCodeAndExitsWithFindings() {
        Run r = run("parse", "--condition", "deviceId IN ('a','b')");
        assertThat(r.exitCode()).isEqualTo(Main.FINDINGS).isEqualTo(1);
        assertThat(r.out().lines())
                .anySatisfy(line ->
                        assertThat(line).startsWith("<query>:1:13: error:").contains("[HJ012]"));
    }

    @Test
    void parseGivesValidatesVerdict() {
        Run prefix = run("parse", "--condition", "select * from devices where deviceId = 'x'");
        assertThat(prefix.exitCode()).isEqualTo(Main.FINDINGS);
        assertThat(prefix.out()).contains("[HJ101]");
        Run routing = run("parse", "--condition", "STARTS_WITH(deviceId, 'x')");
        assertThat(routing.exitCode()).isEqualTo(Main.FINDINGS);
        assertThat(routing.out()).contains("[HJ104]");
        Run keyword = run("parse", "SELECT * FROM devices WHERE tags.group = 'a'");
        assertThat(keyword.exitCode()).isEqualTo(Main.FINDINGS);
        assertThat(keyword.out()).contains("[HJ108]");
    }

    @Test
    void aHyphenatedNameKeepsItsReadingInTheCanonicalForm() {
        Run r = run("parse", "--condition", "tags.deploy-ring='canary' and tags.a -1 = 0");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("tags.deploy-ring = 'canary' AND tags.a - 1 = 0" + System.lineSeparator());
    }

    @Test
    void validConditionPrintsItsCanonicalFormAndExitsZero() {
        Run r = run("parse", "--condition", "tags.building = '43'  and not tags.floor = 3");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("tags.building = '43' AND NOT tags.floor = 3" + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void validQueryPrintsItsCanonicalForm() {
        Run r = run("parse", "select count() as n from devices group by tags.floor");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).isEqualTo("SELECT count() AS n FROM devices GROUP BY tags.floor");
    }

    @Test
    void everySyntaxErrorIsPrintedOnItsOwnLine() {
        Run r = run("parse", "--condition", "(a = ) OR (b = ) OR c =");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out().lines())
                .containsExactly(
                        "<query>:1:6: error: mismatched input ')'. Expecting: <expression> [HJ010]",
                        "<query>:1:16: error: mismatched input ')'. Expecting: <expression> [HJ010]",
                        "<query>:1:24: error: unexpected end of query. Expecting: <expression> [HJ010]");
    }

    @Test
    void missingArgumentIsAUsageError() {
        Run r = run("parse");
        assertThat(r.exitCode()).isEqualTo(Main.USAGE);
        assertThat(r.err()).contains("TEXT");
    }
}
