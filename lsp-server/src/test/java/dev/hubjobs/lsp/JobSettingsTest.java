package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    private static JobSettings read(String json) {
        return JobSettings.from(JobSettings.section(JsonParser.parseString(json)));
    }

    @Test
    void nestedDottedAndWrappedFormsAreRead() {
        JobSettings onSave = new JobSettings(JobSettings.Trigger.ON_SAVE, "fleet.json", null, 1);
        assertThat(read("{\"validate\": {\"trigger\": \"onSave\"}, \"fleet\": \"fleet.json\"}"))
                .isEqualTo(onSave);
        assertThat(read("{\"validate.trigger\": \"onSave\", \"fleet\": \"fleet.json\"}"))
                .isEqualTo(onSave);
        assertThat(read("{\"hubjobs\": {\"validate\": {\"trigger\": \"onSave\"}, \"fleet\": \"fleet.json\"}}"))
                .isEqualTo(onSave);
    }

    @Test
    void tierAndUnitsAreRead() {
        assertThat(read("{\"fleet\": \"f.json\", \"tier\": \"S2\", \"units\": 3}"))
                .isEqualTo(new JobSettings(JobSettings.Trigger.ON_TYPE, "f.json", "S2", 3));
        assertThat(read("{\"tier\": \"\", \"units\": 0}")).isEqualTo(JobSettings.DEFAULT);
    }

    @Test
    void anythingUnreadableKeepsTheDefault() {
        assertThat(read("null")).isEqualTo(JobSettings.DEFAULT);
        assertThat(read("[]")).isEqualTo(JobSettings.DEFAULT);
        assertThat(read("{\"validate\": {\"trigger\": 3}, \"fleet\": \"  \"}")).isEqualTo(JobSettings.DEFAULT);
        assertThat(read("{\"validate\": {\"trigger\": \"sometimes\"}}").trigger())
                .isEqualTo(JobSettings.Trigger.ON_TYPE);
    }
}
