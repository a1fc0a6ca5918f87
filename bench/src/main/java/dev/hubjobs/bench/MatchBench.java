package dev.hubjobs.bench;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JsonProvider;
import dev.hubjobs.eval.CompiledCondition;
import dev.hubjobs.eval.QueryEngine;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.TwinObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full scan of a generated fleet with one condition: the compiled predicate row at a time, the
 * engine's column-at-a-time scan, the same condition hand-written in Java over the same twins, and a Jayway JsonPath filter over the same twins
 * parsed by JsonPath's default provider. Each returns the number of matches.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchBench {

    @State(Scope.Benchmark)
    public static class Compact {
        @Param({"1000000"})
        int size;

        List<TwinObject> twins;
        CompiledCondition compiled;

        @Setup(Level.Trial)
        public void setUp() {
            twins = Workload.fleet(Workload.ndjson(size)).devices();
            compiled = Workload.compiled();
        }
    }

    /** The engine's column-at-a-time scan, columns already resolved by a first query. */
    @State(Scope.Benchmark)
    public static class Engine {
        @Param({"1000000"})
        int size;

        QueryEngine engine;
        Condition condition;

        @Setup(Level.Trial)
        public void setUp() {
            engine = new QueryEngine(Workload.fleet(Workload.ndjson(size)));
            condition = QueryParser.parseCondition(Workload.CONDITION).get();
            engine.match(condition);
        }
    }

    @State(Scope.Benchmark)
    public static class Documents {
        @Param({"1000000"})
        int size;

        List<Object> documents;
        JsonPath filter;
        Configuration configuration;

        @Setup(Level.Trial)
        public void setUp() {
            configuration = Configuration.defaultConfiguration();
            JsonProvider provider = configuration.jsonProvider();
            String text = new String(Workload.ndjson(size), StandardCharsets.UTF_8);
            documents = new ArrayList<>(size);
            text.lines().forEach(line -> documents.add(provider.parse(line)));
            filter = JsonPath.compile(Workload.JSON_PATH);
        }
    }

    @Benchmark
    public int compiledPredicate(Compact s) {
        CompiledCondition c = s.compiled;
        int n = 0;
        for (TwinObject t : s.twins) {
            if (c.test(t)) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public int engineColumns(Engine s) {
        return s.engine.match(s.condition).size();
    }

    @Benchmark
    public int handWrittenLambda(Compact s) {
        int n = 0;
        for (TwinObject t : s.twins) {
            if (Workload.handWritten(t)) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public int jsonPathFilter(Documents s) {
        List<?> matched = s.filter.read(s.documents, s.configuration);
        return matched.size();
    }
}
