package dev.hubjobs.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.grammar.IotHubQueryLexer;
import dev.hubjobs.grammar.IotHubQueryParser;
import dev.hubjobs.grammar.JobJsonLexer;
import dev.hubjobs.grammar.JobJsonParser;
import dev.hubjobs.testing.TestFiles;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the generated parsers in exact ambiguity detection mode over every valid corpus input: an
 * ambiguity means two parse trees for the same text, i.e. a grammar that only works by the
 * accident of which alternative ANTLR tries first.
 */
class GrammarAmbiguityTest {

    /** Records ambiguities and syntax errors instead of printing them. */
    static final class Strict extends BaseErrorListener {
        final List<String> problems = new ArrayList<>();

        @Override
        public void reportAmbiguity(
                Parser parser,
                DFA dfa,
                int startIndex,
                int stopIndex,
                boolean exact,
                BitSet ambigAlts,
                ATNConfigSet configs) {
            String rule = parser.getRuleNames()[dfa.atnStartState.ruleIndex];
            String text = parser.getTokenStream().getText(Interval.of(startIndex, stopIndex));
            problems.add("ambiguity in rule " + rule + " between alternatives " + ambigAlts + " at '" + text + "'");
        }

        @Override
        public void syntaxError(
                Recognizer<?, ?> recognizer,
                Object offendingSymbol,
                int line,
                int column,
                String message,
                RecognitionException e) {
            problems.add("syntax error at " + line + ":" + column + ": " + message);
        }
    }

    private static IotHubQueryParser queryParser(String text, Strict listener) {
        IotHubQueryLexer lexer = new IotHubQueryLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        IotHubQueryParser parser = new IotHubQueryParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
        return parser;
    }

    static Stream<String> validQueries() {
        return TestFiles.lines("corpus/queries/valid-queries.txt").stream();
    }

    static Stream<String> validConditions() {
        return Stream.concat(
                TestFiles.lines("corpus/queries/valid-conditions.txt").stream(),
                Stream.of(
                        "a - (b - c) * -d % 0x1F",
                        "NOT a = 1 AND b IN [-1, 'x'] OR c NIN [true]",
                        "tags.group.name = 'x' AND tags.[[a b]].c != null",
                        "devices.jobs.status = 'completed'",
                        "SELECT * FROM devices WHERE a = 1 GROUP BY tags.x",
                        "WHERE a = 1",
                        "a IN ('x', 'y')",
                        "f(g(1), -2) >= 3",
                        "x IN [1, 0x1F, 2.5] AND y NIN (3)"));
    }

    @ParameterizedTest
    @MethodSource("validQueries")
    void queryRuleIsUnambiguousOnEveryValidQuery(String text) {
        Strict listener = new Strict();
        queryParser(text, listener).query();
        assertThat(listener.problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("validConditions")
    void jobConditionRuleIsUnambiguousOnEveryValidCondition(String text) {
        Strict listener = new Strict();
        queryParser(text, listener).jobCondition();
        assertThat(listener.problems).isEmpty();
    }

    @Test
    void listenerIsAttachedSoThatAProblemWouldBeSeen() {
        Strict listener = new Strict();
        queryParser("a = = 1", listener).jobCondition();
        assertThat(listener.problems).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("jobFiles")
    void jobJsonGrammarIsUnambiguousOnTheCorpusJobs(String name) {
        Strict listener = new Strict();
        JobJsonLexer lexer = new JobJsonLexer(CharStreams.fromString(TestFiles.text("corpus/jobs/" + name)));
        lexer.removeErrorListeners();
        JobJsonParser parser = new JobJsonParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL_EXACT_AMBIG_DETECTION);
        parser.document();
        assertThat(listener.problems).isEmpty();
    }

    static Stream<String> jobFiles() {
        return Stream.of(
                "charset.job.json",
                "firmware-desired.job.json",
                "reboot-building43.job.json",
                "seed-twin-sample.job.json",
                "wrong-type.job.json");
    }
}
