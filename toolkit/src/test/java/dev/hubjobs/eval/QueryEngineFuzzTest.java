package dev.hubjobs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.Query;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.testing.FuzzInput;
import dev.hubjobs.testing.TestFiles;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.TwinObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz targets for evaluation (docs/fuzzing.md): a condition or query that parses without errors
 * runs over a small fleet, or is refused with the documented {@link CompileException}; no other
 * exception, and every row comes from the fleet.
 */
class QueryEngineFuzzTest {

    static final int MAX_BYTES = 4 * 1024;

    /** The twins of the evaluator tests, and modules with the same paths, numbers, nulls and arrays. */
    static final Fleet FLEET = fleet();

    private static Fleet fleet() {
        List<TwinObject> twins = new ArrayList<>(FleetLoader.parse(TestFiles.text("twins/fleet-small.json"))
                .fleet()
                .devices());
        twins.addAll(FleetLoader.parse("""
                {"deviceId":"d1","moduleId":"m1","tags":{"building":"43","floor":3,"list":[1,"a",null]},"properties":{"desired":{"$version":2},"reported":{"fw":"1.0","battery":-1.5e3}}}
                {"deviceId":"d2","moduleId":"m-2","status":"disabled","tags":{"building":null},"properties":{"desired":{},"reported":{"battery":9007199254740993}}}
                """).fleet().modules());
        return Fleet.of(twins);
    }

    @FuzzTest
    void match(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        ParseResult<Condition> parsed = QueryParser.parseCondition(text);
        if (parsed.hasErrors() || parsed.value().isEmpty()) {
            return;
        }
        List<TwinObject> rows;
        try {
            rows = new QueryEngine(FLEET).match(parsed.get());
        } catch (CompileException refused) {
            assertThat(refused.diagnostics()).isNotEmpty();
            return;
        }
        List<TwinObject> all = new ArrayList<>(FLEET.devices());
        all.addAll(FLEET.modules());
        assertThat(all).as("the fleet, after matching %s", text).containsAll(rows);
    }

    @FuzzTest
    void run(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        ParseResult<Query> parsed = QueryParser.parseQuery(text);
        if (parsed.hasErrors() || parsed.value().isEmpty()) {
            return;
        }
        try {
            QueryResult result = new QueryEngine(FLEET).run(parsed.get());
            assertThat(result.rows()).as("rows of %s", text).doesNotContainNull();
            result.toJackson();
        } catch (CompileException refused) {
            assertThat(refused.diagnostics()).isNotEmpty();
        }
    }
}
