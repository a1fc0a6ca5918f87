package dev.hubjobs.lsp.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HoverServiceTest {

    private final JobLanguageService service = new JobLanguageService();

    private Hover hover(String uri, String marked) {
        Cursor c = Cursor.of(marked);
        return service.hover(uri, c.text(), c.position(), () -> {});
    }

    private String hoverText(String marked) {
        Hover h = hover(DiagnosticsAssert.URI, marked);
        return h == null ? null : h.getContents().getRight().getValue();
    }

    @Test
    void fieldKeyExplainsTheField() {
        Hover h = hover(DiagnosticsAssert.URI, "{\"maxExec|utionTimeInSeconds\": 60}");
        assertThat(h.getContents().getRight().getValue()).startsWith("`maxExecutionTimeInSeconds`: How long");
        assertThat(h.getRange()).isEqualTo(new Range(new Position(0, 1), new Position(0, 28)));
        assertThat(hoverText("{\"cloudToDeviceMethod\": {\"method|Name\": \"x\"}}"))
                .contains("direct method");
    }

    @Test
    void functionNameInTheQueryExplainsTheFunction() {
        Hover h = hover(DiagnosticsAssert.URI, "{\"queryCondition\": \"IS_DEF|INED(tags.floor)\"}");
        assertThat(h.getContents().getRight().getValue()).startsWith("`IS_DEFINED(path)`");
        assertThat(h.getRange()).isEqualTo(new Range(new Position(0, 20), new Position(0, 30)));
    }

    @Test
    void findingUnderTheCursorShowsItsRuleAndPage() {
        String text = hoverText("{\"queryCondition\": \"deviceId IN |('a')\"}");
        assertThat(text)
                .contains(
                        "**HJ012** InWithParentheses",
                        "IN (...) with parentheses instead of [...]",
                        "(https://github.com/hubjobs/hubjobs/blob/main/docs/rules/HJ012.md)");
    }

    @Test
    void functionsComeFromTheCatalogue() {
        assertThat(hoverText("{\"queryCondition\": \"array_con|tains(parentScopes, 'x')\"}"))
                .contains("`ARRAY_CONTAINS(path, value)`", "the service runs it");
        assertThat(hoverText("{\"queryCondition\": \"STARTS_W|ITH(deviceId, 'x')\"}"))
                .contains("**HJ104**", "twin queries spell it `STARTSWITH`");
    }

    @Test
    void unavailableFunctionSaysSoNextToItsFinding() {
        assertThat(hoverText("{\"queryCondition\": \"CONT|AINS(tags.x, 'a')\"}"))
                .contains("**HJ104**", "`CONTAINS` is not available in twin and job queries");
    }

    @Test
    void ruleCodeInTheConfigurationFileShowsTheRule() {
        Hover h = hover("file:///p/.hubjobs.json", "{\"rules\": {\"HJ1|03\": \"off\"}}");
        assertThat(h.getContents().getRight().getValue()).startsWith("**HJ103** UnknownPathRoot");
    }

    @Test
    void nothingToSayGivesNoHover() {
        assertThat(hoverText("{\"jobId\": \"a|b\"}")).isNull();
        assertThat(hoverText("{\"queryCondition\": \"tags.a| = 1\"}")).isNull();
    }

    @Test
    void queryConditionShowsHowManyFleetDevicesItMatches(@TempDir Path dir) throws Exception {
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, """
                [{"deviceId": "a", "tags": {"floor": 3}, "status": "enabled"},
                 {"deviceId": "b", "tags": {"floor": 4}},
                 {"deviceId": "c", "tags": {"floor": 3}, "status": "disabled"}]""");
        service.setFleet(
                new FleetSummary(FleetLoader.load(fleet, ProgressListener.NONE).fleet(), Throttle.UNTHROTTLED));
        assertThat(hoverText("{\"queryCondition\": \"tags.fl|oor = 3\"}"))
                .isEqualTo("Matches **2** of 3 devices in the fleet.");
        assertThat(hoverText("{\"queryCon|dition\": \"tags.floor = 3 AND status != 'disabled'\"}"))
                .endsWith("Matches **1** of 3 devices in the fleet.");
        // A device without the property matches neither = nor != (the query language's undefined);
        // the fleet rules run in the editor as on the command line.
        assertThat(hoverText("{\"queryCondition\": \"tags.floor = 4 AND stat|us != 'x'\"}"))
                .startsWith("**HJ401** NoMatchingDevices")
                .endsWith("Matches **0** of 3 devices in the fleet.");
    }
}
