package dev.hubjobs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.TwinObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shared test vectors: each condition of matches.tsv selects exactly the listed twins, in order. */
class CorpusMatchTest {

    static Fleet fleet;

    static String resource(String name) throws IOException {
        try (InputStream in = CorpusMatchTest.class.getResourceAsStream("/twins/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<Arguments> vectors() throws IOException {
        return resource("matches.tsv").lines().filter(l -> !l.isBlank()).map(l -> {
            String[] parts = l.split("\t", -1);
            List<String> ids = parts.length < 2 || parts[1].isEmpty() ? List.of() : Arrays.asList(parts[1].split(","));
            return Arguments.of(parts[0], ids);
        });
    }

    @Test
    void corpusHasVectors() throws IOException {
        assertThat(vectors().count()).isEqualTo(16);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matches(String condition, List<String> expected) throws IOException {
        FleetLoad load = FleetLoader.parse(resource("fleet-small.json"));
        assertThat(load.problems()).isEmpty();
        ParseResult<Condition> parsed = QueryParser.parseCondition(condition);
        assertThat(parsed.hasErrors()).as(parsed.diagnostics().toString()).isFalse();
        List<TwinObject> matched = new QueryEngine(load.fleet()).match(parsed.get());
        assertThat(matched.stream().map(Fleet::id).collect(Collectors.toList())).isEqualTo(expected);
    }
}
