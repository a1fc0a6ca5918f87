package dev.hubjobs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.query.Condition;
import dev.hubjobs.query.ParseResult;
import dev.hubjobs.query.QueryParser;
import dev.hubjobs.twin.Fleet;
import dev.hubjobs.twin.FleetLoad;
import dev.hubjobs.twin.FleetLoader;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per semantic rule of the language: condition, then the twins it must match. */
class SemanticsTest {

    private static final String FLEET = String.join(
            "\n",
            "{\"deviceId\":\"a\",\"status\":\"enabled\",\"tags\":{\"floor\":3,\"name\":\"North\",\"ring\":\"x\",\"Ring\":\"X\"},"
                    + "\"properties\":{\"reported\":{\"battery\":50,\"temp\":20.5,\"mode\":null,\"cfg\":{\"k\":1},\"list\":[1,2],"
                    + "\"on\":true,\"$version\":4},\"desired\":{\"$version\":4}}}",
            "{\"deviceId\":\"b\",\"status\":\"disabled\",\"tags\":{\"floor\":\"3\",\"name\":\"north\",\"Ring\":\"Y\"},"
                    + "\"properties\":{\"reported\":{\"battery\":\"50\",\"mode\":\"eco\",\"on\":false,\"$version\":2},"
                    + "\"desired\":{\"$version\":3}}}",
            "{\"deviceId\":\"c\",\"status\":\"enabled\",\"tags\":{},\"properties\":{\"reported\":{\"battery\":5}}}");

    private static final Fleet fleet = load();

    private static Fleet load() {
        FleetLoad load = FleetLoader.parse(FLEET);
        assertThat(load.problems()).isEmpty();
        return load.fleet();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // undefined: a missing property matches nothing, not even with != or NOT
                "tags.floor = 3                                  | a",
                "tags.floor != 3                                 | ''",
                "NOT (tags.nothing = 1)                          | ''",
                "tags.nothing != 1                               | ''",
                "tags.floor = undefined                          | ''",
                // cross-type comparison is undefined, never coerced
                "tags.floor = '3'                                | b",
                "properties.reported.battery > 10                | a",
                "properties.reported.battery < '60'              | b",
                "properties.reported.battery > 'a' OR properties.reported.battery < 100 | a,c",
                "NOT (properties.reported.battery > 10)          | c",
                // null
                "properties.reported.mode = null                 | a",
                "properties.reported.mode != null                | ''",
                "null = null                                     | a,b,c",
                "properties.reported.mode = 'eco'                | b",
                // objects and arrays do not compare
                "properties.reported.cfg = properties.reported.cfg | ''",
                "properties.reported.list = properties.reported.list | ''",
                // names case-insensitive, values case-sensitive
                "TAGS.NAME = 'north'                             | b",
                "tags.name = 'North'                             | a",
                "DeviceID = 'A'                                  | ''",
                "Properties.Reported.Battery = 5                 | c",
                // exact case wins when keys differ only in case; otherwise the case-insensitive match
                "tags.ring = 'x'                                 | a",
                "tags.Ring = 'X'                                 | a",
                "tags.RING = 'x'                                 | a",
                "tags.ring = 'Y'                                 | b",
                // IN is an OR of =, NIN its negation; undefined stays undefined
                "tags.floor IN [3, 4]                            | a",
                "tags.floor IN ['3', 3]                          | a,b",
                "tags.floor NIN [4, 5]                           | a",
                "tags.floor NIN ['3', 3]                         | ''",
                "tags.nothing NIN [1]                            | ''",
                "NOT (tags.nothing IN [1])                       | ''",
                // three-valued AND / OR
                "status = 'enabled' AND tags.nothing = 1         | ''",
                "status = 'disabled' OR tags.nothing = 1         | b",
                "NOT (status = 'disabled' AND tags.nothing = 1)  | a,c",
                "NOT (status = 'enabled' OR tags.nothing = 1)    | ''",
                // only true passes: a bare boolean property works, a string does not
                "properties.reported.on                          | a",
                "status                                          | ''",
                // IS_DEFINED is true for null; IS_NULL only for null
                "IS_DEFINED(properties.reported.mode)            | a,b",
                "is_defined(properties.reported.$version)        | a,b",
                "IS_NULL(properties.reported.mode)               | a",
                "NOT IS_DEFINED(tags.floor)                      | c",
                // arithmetic on numbers only
                "properties.reported.battery + 1 = 51            | a",
                "properties.reported.battery * 2 > 20            | a",
                "properties.reported.battery % 2 = 1             | c",
                "-properties.reported.battery < -20              | a",
                "properties.reported.battery / 0 > 0             | ''",
                "properties.reported.temp - 0.5 = 20             | a",
                // $version and $metadata-style names
                "properties.desired.$version = properties.reported.$version | a",
                "properties.desired.$version > properties.reported.$version | b",
                // functions, names in any case
                "startswith(deviceId, 'a')                       | a",
                "STARTSWITH(tags.name, 'n')                      | b",
                "ARRAY_CONTAINS(properties.reported.list, 2)     | a",
                "ARRAY_CONTAINS(properties.reported.list, 3)     | ''",
                "NOT ARRAY_CONTAINS(properties.reported.list, 3) | a",
                "ARRAY_CONTAINS(tags.name, 'North')              | ''",
                "ENDSWITH(tags.name, 'th')                       | a,b",
                "CONTAINS(status, 'able')                        | a,b,c",
                "LOWER(tags.name) = 'north'                      | a,b",
                "UPPER(status) = 'DISABLED'                      | b",
                "LENGTH(status) = 7                              | a,c",
                "CONCAT(deviceId, '-', status) = 'b-disabled'    | b",
                "SUBSTRING(status, 0, 2) = 'di'                  | b",
                "INDEX_OF(status, 'abled') = 2                   | a,c",
                "ABS(-properties.reported.battery) = 5           | c",
                "POWER(properties.reported.battery, 2) = 25      | c",
                "SQRT(properties.reported.battery) > 7           | a",
                "FLOOR(properties.reported.temp) = 20 AND CEILING(properties.reported.temp) = 21 | a",
                "SIGN(properties.reported.battery) = 1 AND SQUARE(3) = 9 AND EXP(0) = 1 | a,c",
                "AS_NUMBER(properties.reported.battery) = 50     | a,b",
                "IS_NUMBER(tags.floor)                           | a",
                "IS_STRING(tags.floor)                           | b",
                "IS_OBJECT(properties.reported.cfg) AND IS_ARRAY(properties.reported.list) | a",
                "IS_BOOL(properties.reported.on)                 | a,b",
                "IS_PRIMITIVE(properties.reported.mode)          | a,b",
                "STARTSWITH(tags.floor, '3')                     | b",
                // dates are strings and compare as strings, ordinally
                "'2016-09-02' > '2016-09-01'                     | a,b,c",
                "'a' < 'B'                                       | ''",
            })
    void condition(String condition, String expected) {
        ParseResult<Condition> parsed = QueryParser.parseCondition(condition);
        assertThat(parsed.hasErrors()).as(parsed.diagnostics().toString()).isFalse();
        List<String> ids = new QueryEngine(fleet)
                .match(parsed.get()).stream().map(Fleet::id).collect(Collectors.toList());
        List<String> want = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(","));
        assertThat(ids).isEqualTo(want);
    }
}
