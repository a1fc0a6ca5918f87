package dev.hubjobs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubjobs.diag.Codes;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Fleet FLEET = FleetLoader.parse(String.join(
                    "\n",
                    "{\"deviceId\":\"d1\",\"status\":\"enabled\",\"tags\":{\"floor\":\"1\"},\"properties\":{\"reported\":{\"battery\":10,\"s\":\"Success\"}}}",
                    "{\"deviceId\":\"d2\",\"status\":\"enabled\",\"tags\":{\"floor\":\"2\"},\"properties\":{\"reported\":{\"battery\":20,\"s\":\"Failed\"}}}",
                    "{\"deviceId\":\"d3\",\"status\":\"disabled\",\"tags\":{\"floor\":\"1\"},\"properties\":{\"reported\":{\"battery\":60,\"s\":\"Success\"}}}",
                    "{\"deviceId\":\"d4\",\"status\":\"enabled\",\"tags\":{},\"properties\":{\"reported\":{\"battery\":\"low\",\"s\":\"Success\"}}}",
                    "{\"deviceId\":\"d1\",\"moduleId\":\"$edgeAgent\",\"properties\":{\"reported\":{\"lastDesiredStatus\":{\"code\":200}}}}",
                    "{\"deviceId\":\"d2\",\"moduleId\":\"sensor\",\"properties\":{\"reported\":{}}}"))
            .fleet();

    private static String run(String query) {
        return run(new QueryEngine(FLEET), query);
    }

    private static String run(QueryEngine engine, String query) {
        var parsed = QueryParser.parseQuery(query);
        assertThat(parsed.hasErrors()).as(parsed.diagnostics().toString()).isFalse();
        return JSON.createArrayNode()
                .addAll(engine.run(parsed.get()).toJackson())
                .toString();
    }

    @Test
    void selectStarReturnsTwinDocumentsInFleetOrder() throws Exception {
        String rows = run("SELECT * FROM devices WHERE status = 'enabled'");
        JsonNode tree = JSON.readTree(rows);
        assertThat(tree).hasSize(3);
        assertThat(tree.get(0))
                .isEqualTo(
                        JSON.readTree(
                                "{\"deviceId\":\"d1\",\"status\":\"enabled\",\"tags\":{\"floor\":\"1\"},\"properties\":{\"reported\":{\"battery\":10,\"s\":\"Success\"}}}"));
        assertThat(tree.get(2).get("deviceId").asText()).isEqualTo("d4");
    }

    @Test
    void projectionsUseLastSegmentAsTwinSpellsItOrAlias() {
        assertThat(run("SELECT DeviceId, properties.reported.battery AS level FROM devices WHERE tags.floor = '1'"))
                .isEqualTo("[{\"deviceId\":\"d1\",\"level\":10},{\"deviceId\":\"d3\",\"level\":60}]");
        // an undefined property is left out of the row
        assertThat(run("SELECT deviceId, tags.floor FROM devices WHERE deviceId = 'd4'"))
                .isEqualTo("[{\"deviceId\":\"d4\"}]");
    }

    @Test
    void topKeepsFirstRowsInFleetOrder() {
        assertThat(run("SELECT TOP 2 deviceId FROM devices"))
                .isEqualTo("[{\"deviceId\":\"d1\"},{\"deviceId\":\"d2\"}]");
        assertThat(run("SELECT TOP 0 * FROM devices")).isEqualTo("[]");
    }

    @Test
    void countWithoutGroupByIsOneRowEvenWhenNothingMatches() {
        assertThat(run("SELECT COUNT() AS totalNumberOfDevices FROM devices"))
                .isEqualTo("[{\"totalNumberOfDevices\":4}]");
        assertThat(run("SELECT COUNT() AS n FROM devices WHERE status = 'nope'"))
                .isEqualTo("[{\"n\":0}]");
        assertThat(run("SELECT COUNT() FROM devices")).isEqualTo("[{\"$1\":4}]");
    }

    @Test
    void groupByGivesOneRowPerDistinctValueInFirstSeenOrder() {
        assertThat(run("SELECT properties.reported.s AS status, COUNT() AS numberOfDevices FROM devices "
                        + "GROUP BY properties.reported.s"))
                .isEqualTo(
                        "[{\"status\":\"Success\",\"numberOfDevices\":3},{\"status\":\"Failed\",\"numberOfDevices\":1}]");
    }

    @Test
    void rowsWithUndefinedGroupValueFormNoGroup() {
        assertThat(run("SELECT tags.floor, COUNT() AS n FROM devices GROUP BY tags.floor"))
                .isEqualTo("[{\"floor\":\"1\",\"n\":2},{\"floor\":\"2\",\"n\":1}]");
    }

    @Test
    void numericAggregates() {
        assertThat(run("SELECT SUM(properties.reported.battery) AS s, AVG(properties.reported.battery) AS a, "
                        + "MIN(properties.reported.battery) AS lo, MAX(properties.reported.battery) AS hi FROM devices "
                        + "WHERE IS_NUMBER(properties.reported.battery)"))
                .isEqualTo("[{\"s\":90,\"a\":30,\"lo\":10,\"hi\":60}]");
        assertThat(run("SELECT tags.floor AS f, AVG(properties.reported.battery) AS a FROM devices "
                        + "WHERE IS_DEFINED(tags.floor) GROUP BY tags.floor"))
                .isEqualTo("[{\"f\":\"1\",\"a\":35},{\"f\":\"2\",\"a\":20}]");
    }

    @Test
    void sumAndAvgOfNonNumbersAreUndefinedButMinMaxOrderAcrossTypes() {
        assertThat(
                        run(
                                "SELECT SUM(properties.reported.battery) AS s, MAX(properties.reported.battery) AS hi, "
                                        + "MIN(properties.reported.battery) AS lo, AVG(tags.nothing) AS none, COUNT() AS n FROM devices"))
                .isEqualTo("[{\"hi\":\"low\",\"lo\":10,\"n\":4}]");
    }

    @Test
    void modulesAreTheirOwnCollection() {
        assertThat(run("SELECT deviceId, moduleId FROM devices.modules WHERE moduleId = '$edgeAgent' "
                        + "AND properties.reported.lastDesiredStatus.code = 200"))
                .isEqualTo("[{\"deviceId\":\"d1\",\"moduleId\":\"$edgeAgent\"}]");
        assertThat(run("SELECT COUNT() AS n FROM devices.modules")).isEqualTo("[{\"n\":2}]");
        assertThat(new QueryEngine(FLEET)
                        .match(QueryParser.parseCondition("FROM devices.modules WHERE ModuleId = 'sensor'")
                                .get()))
                .extracting(Fleet::id)
                .containsExactly("d2/sensor");
    }

    @Test
    void deviceJobsComeFromTheJobSource() throws Exception {
        List<JsonNode> rows = List.of(
                JSON.readTree(
                        "{\"deviceId\":\"d1\",\"jobId\":\"j1\",\"jobType\":\"scheduleUpdateTwin\",\"status\":\"completed\",\"createdDateTimeUtc\":\"2016-09-02T00:00:00Z\"}"),
                JSON.readTree(
                        "{\"deviceId\":\"d2\",\"jobId\":\"j1\",\"jobType\":\"scheduleUpdateTwin\",\"status\":\"failed\",\"createdDateTimeUtc\":\"2016-08-30T00:00:00Z\"}"));
        QueryEngine engine = new QueryEngine(FLEET, DeviceJobSource.of(rows));
        assertThat(run(
                        engine,
                        "SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'j1' "
                                + "AND devices.jobs.createdDateTimeUtc > '2016-09-01'"))
                .isEqualTo("[" + rows.get(0) + "]");
        assertThat(run("SELECT * FROM devices.jobs")).isEqualTo("[]");
    }

    @Test
    void unknownFunctionsAndMisplacedAggregatesAreCompileErrors() {
        QueryEngine engine = new QueryEngine(FLEET);
        assertThatThrownBy(() -> engine.match(
                        QueryParser.parseCondition("FROBNICATE(deviceId)").get()))
                .isInstanceOfSatisfying(CompileException.class, e -> {
                    assertThat(e.diagnostics().get(0).code()).isEqualTo(Codes.UNSUPPORTED_FUNCTION);
                    assertThat(e.diagnostics().get(0).span().start()).isZero();
                });
        assertThatThrownBy(() -> engine.match(
                        QueryParser.parseCondition("STARTSWITH(deviceId)").get()))
                .isInstanceOfSatisfying(
                        CompileException.class,
                        e -> assertThat(e.diagnostics().get(0).code()).isEqualTo(Codes.WRONG_ARGUMENT_COUNT));
        assertThatThrownBy(() -> engine.run(QueryParser.parseQuery("SELECT * FROM devices WHERE COUNT() > 1")
                        .get()))
                .isInstanceOfSatisfying(
                        CompileException.class,
                        e -> assertThat(e.diagnostics().get(0).code()).isEqualTo(Codes.UNSUPPORTED_CONDITION_CLAUSE));
    }
}
