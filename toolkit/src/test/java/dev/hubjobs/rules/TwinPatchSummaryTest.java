package dev.hubjobs.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.job.JobFields;
import dev.hubjobs.json.JsonDocumentParser;
import dev.hubjobs.json.JsonValue;
import dev.hubjobs.json.JsonValue.JsonArray;
import dev.hubjobs.json.JsonValue.JsonObject;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The twin rules skip a section when its summary says no node can be wrong, so the summary must
 * say exactly what the nodes say: checked on every job file of the tests (rule fixtures, corpus).
 */
class TwinPatchSummaryTest {

    @Test
    void summaryAgreesWithTheNodesOfEverySection() throws IOException, URISyntaxException {
        Path resources = Path.of(
                        TwinPatchSummaryTest.class.getResource("/rules").toURI())
                .getParent();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(resources)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".job.json"))
                    .sorted()
                    .toList();
        }
        int sections = 0;
        for (Path file : files) {
            JsonValue root =
                    JsonDocumentParser.parse(Files.readAllBytes(file)).root().orElse(null);
            List<JsonValue> jobs =
                    root instanceof JsonArray a ? a.elements() : root == null ? List.of() : List.of(root);
            for (JsonValue job : jobs) {
                if (!(job instanceof JsonObject o)) {
                    continue;
                }
                for (TwinPatch.Section section :
                        TwinPatch.of(o, JobFields.intendedType(o)).sections()) {
                    assertThat(section.summary())
                            .as("%s %s", file.getFileName(), section.path())
                            .isEqualTo(fromNodes(section.nodes()));
                    sections++;
                }
            }
        }
        assertThat(sections).as("sections seen").isGreaterThan(40);
    }

    /** The summary by its definition, one node at a time. */
    private static TwinPatchSummary fromNodes(List<TwinPatch.Node> nodes) {
        long bytes = 0;
        int longestKey = 0;
        int longestString = 0;
        boolean allToken = true;
        boolean forbiddenInKey = false;
        int deepestObject = -1;
        int longestNumber = 0;
        for (TwinPatch.Node node : nodes) {
            bytes += node.bytes();
            if (node.keyText() != null) {
                longestKey = Math.max(longestKey, node.keyText().utf8Bytes());
                allToken &= node.keyText().allToken();
                forbiddenInKey |= node.keyText().forbiddenInKey();
            }
            if (node.valueText() != null) {
                longestString = Math.max(longestString, node.valueText().utf8Bytes());
                allToken &= node.valueText().allToken();
            }
            if (node.value() instanceof JsonObject) {
                deepestObject = Math.max(deepestObject, node.depth());
            }
            if (node.value() instanceof JsonValue.JsonNumber n) {
                longestNumber = Math.max(longestNumber, n.text().length());
            }
        }
        return new TwinPatchSummary(
                bytes, longestKey, longestString, allToken, forbiddenInKey, deepestObject, longestNumber);
    }
}
