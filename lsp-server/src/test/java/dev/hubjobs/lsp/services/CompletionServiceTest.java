package dev.hubjobs.lsp.services;

import static dev.hubjobs.lsp.services.CompletionAssert.apply;
import static dev.hubjobs.lsp.services.CompletionAssert.complete;
import static dev.hubjobs.lsp.services.CompletionAssert.labels;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.exec.FleetSummary;
import dev.hubjobs.exec.Throttle;
import dev.hubjobs.twin.FleetLoader;
import dev.hubjobs.twin.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionServiceTest {

    @Test
    void topLevelKeysOfferOnlyFieldsNotYetPresent() {
        assertThat(labels("""
                {
                  "jobId": "a",
                  |
                }"""))
                .contains("type", "queryCondition", "cloudToDeviceMethod", "updateTwin", "startTime")
                .doesNotContain("jobId", "methodName");
    }

    @Test
    void keyBetweenMembersInsertsTheWholeMember() {
        assertThat(apply("{\n  |\n}", "jobId")).isEqualTo("{\n  \"jobId\": \"$1\"\n}");
    }

    @Test
    void aClientWithoutSnippetsGetsPlainTextWithDefaults() {
        JobLanguageService plain = new JobLanguageService();
        assertThat(apply(plain, "{\n  |\n}", "jobId")).isEqualTo("{\n  \"jobId\": \"\"\n}");
        assertThat(apply(plain, "{\n  |\n}", "type")).isEqualTo("{\n  \"type\": \"scheduleDeviceMethod\"\n}");
        assertThat(apply(plain, "{\n  |\n}", "maxExecutionTimeInSeconds"))
                .isEqualTo("{\n  \"maxExecutionTimeInSeconds\": 3600\n}");
        assertThat(apply(plain, "{\"queryCondition\": \"STARTS|\"}", "STARTSWITH"))
                .isEqualTo("{\"queryCondition\": \"STARTSWITH()\"}");
        assertThat(complete(plain, "{\n  |\n}")).allSatisfy(i -> {
            assertThat(i.getInsertTextFormat()).isNotEqualTo(org.eclipse.lsp4j.InsertTextFormat.Snippet);
            assertThat(i.getTextEdit().getLeft().getNewText()).doesNotContain("$");
        });
    }

    @Test
    void insideAQuotedKeyOnlyTheKeyTextIsReplaced() {
        assertThat(apply("{\"quer|\": \"*\"}", "queryCondition")).isEqualTo("{\"queryCondition\": \"*\"}");
    }

    @Test
    void methodObjectOffersMethodFields() {
        assertThat(labels("{\"cloudToDeviceMethod\": {|}}"))
                .containsExactly("methodName", "payload", "responseTimeoutInSeconds", "connectTimeoutInSeconds");
    }

    @Test
    void twinPatchOffersEtagTagsAndProperties() {
        assertThat(labels("{\"updateTwin\": {\"etag\": \"*\", |}}")).containsExactly("tags", "properties");
        assertThat(labels("{\"updateTwin\": {\"properties\": {|}}}")).containsExactly("desired");
    }

    @Test
    void freeFormObjectsOfferNothing() {
        assertThat(labels("{\"updateTwin\": {\"tags\": {|}}}")).isEmpty();
    }

    @Test
    void typeValueOffersTheTwoJobTypes() {
        assertThat(labels("{\"type\": \"sch|\"}")).containsExactly("scheduleDeviceMethod", "scheduleUpdateTwin");
        assertThat(apply("{\"type\": \"sch|\"}", "scheduleUpdateTwin")).isEqualTo("{\"type\": \"scheduleUpdateTwin\"}");
    }

    @Test
    void typeWithoutAValueYetOffersQuotedTypes() {
        assertThat(apply("{\"jobId\": \"a\", \"type\": |}", "scheduleDeviceMethod"))
                .isEqualTo("{\"jobId\": \"a\", \"type\": \"scheduleDeviceMethod\"}");
        assertThat(labels("{\"startTime\": |}"))
                .as("no key names in value position")
                .isEmpty();
    }

    @Test
    void emptyQueryOffersPathRoots() {
        assertThat(labels("{\"queryCondition\": \"|\"}")).contains("tags.", "deviceId", "IS_DEFINED");
    }

    @Test
    void queryOffersKeywordsFunctionsAndPathRoots() {
        assertThat(labels("{\"queryCondition\": \"tags.a = 1 |\"}"))
                .contains(
                        "AND",
                        "OR",
                        "NOT",
                        "IN",
                        "NIN",
                        "IS_DEFINED",
                        "STARTSWITH",
                        "ENDSWITH",
                        "tags.",
                        "properties.desired.",
                        "properties.reported.",
                        "deviceId");
    }

    @Test
    void queryCompletionReplacesTheWordBeforeTheCursor() {
        assertThat(apply("{\"queryCondition\": \"tags.a = 1 AND IS_D|\"}", "IS_DEFINED"))
                .isEqualTo("{\"queryCondition\": \"tags.a = 1 AND IS_DEFINED($1)\"}");
        assertThat(apply("{\"queryCondition\": \"prop|\"}", "properties.reported."))
                .isEqualTo("{\"queryCondition\": \"properties.reported.\"}");
    }

    @Test
    void afterADotOnlyPathsAreOffered() {
        assertThat(labels("{\"queryCondition\": \"properties.|\"}"))
                .contains("properties.desired.", "properties.reported.")
                .doesNotContain("AND", "IS_DEFINED", "tags.");
    }

    @Test
    void queryCompletionWorksAfterEscapesInTheString() {
        // The cursor is after \" and \u00e9 in the file; the replaced word must be found in the decoded query.
        assertThat(apply("{\"queryCondition\": \"tags.a = \\\"\\u00e9\\\" AND IS_|\"}", "IS_DEFINED"))
                .isEqualTo("{\"queryCondition\": \"tags.a = \\\"\\u00e9\\\" AND IS_DEFINED($1)\"}");
    }

    @Test
    void nothingOutsideJobs() {
        assertThat(labels("[1, |]")).isEmpty();
        assertThat(labels("{\"jobId\": \"a|\"}")).isEmpty();
    }

    @Test
    void fleetPathsAndValuesAreOfferedAndEncodedForTheJsonString(@TempDir Path dir) throws Exception {
        Path fleet = dir.resolve("fleet.ndjson");
        Files.writeString(fleet, """
                {"deviceId": "d1", "tags": {"floor": 3, "site": "Köln \\"Süd\\""}}
                {"deviceId": "d2", "tags": {"floor": 3, "site": "Bonn", "deploy-ring": "canary"}, "properties": {"reported": {"fw": "1.2"}}}
                """);
        JobLanguageService service = new JobLanguageService();
        service.setFleet(
                new FleetSummary(FleetLoader.load(fleet, ProgressListener.NONE).fleet(), Throttle.UNTHROTTLED));

        assertThat(CompletionAssert.complete(service, "{\"queryCondition\": \"tags.|\"}"))
                .extracting(i -> i.getLabel())
                .contains("tags.floor", "tags.site");
        assertThat(CompletionAssert.complete(service, "{\"queryCondition\": \"properties.reported.|\"}"))
                .extracting(i -> i.getLabel())
                .contains("properties.reported.fw");
        assertThat(CompletionAssert.complete(service, "{\"queryCondition\": \"tags.floor = |\"}"))
                .extracting(i -> i.getLabel())
                .containsExactly("3");
        // The query literal 'Köln "Süd"' needs its double quotes escaped inside the JSON string.
        assertThat(apply(service, "{\"queryCondition\": \"tags.site = '|\"}", "'Köln \"Süd\"'"))
                .isEqualTo("{\"queryCondition\": \"tags.site = 'Köln \\\"Süd\\\"'\"}");
        // A name with '-' is one prefix, and its values are those of the hyphenated key.
        assertThat(CompletionAssert.complete(service, "{\"queryCondition\": \"tags.deploy-r|\"}"))
                .extracting(i -> i.getLabel())
                .contains("tags.deploy-ring");
        assertThat(CompletionAssert.complete(service, "{\"queryCondition\": \"tags.deploy-ring = |\"}"))
                .extracting(i -> i.getLabel())
                .containsExactly("'canary'");
        assertThat(CompletionAssert.complete(service, "{\"queryCondition\": \"tags.site IN ['Bonn', |\"}"))
                .extracting(i -> i.getLabel())
                .contains("'Bonn'");
        // Read as the grammar reads it: a comment between path and operator, an operator inside a string.
        assertThat(CompletionAssert.complete(service, "{\"queryCondition\": \"tags.floor /* = */ = |\"}"))
                .extracting(i -> i.getLabel())
                .containsExactly("3");
        assertThat(CompletionAssert.complete(service, "{\"queryCondition\": \"tags.site = 'a = |\"}"))
                .extracting(i -> i.getLabel())
                .contains("'Bonn'")
                .doesNotContain("3");
    }
}
