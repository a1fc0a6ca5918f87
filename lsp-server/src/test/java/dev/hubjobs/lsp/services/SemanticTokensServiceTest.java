package dev.hubjobs.lsp.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SemanticTokensServiceTest {

    /** Decodes the relative LSP encoding into "line:column+length type" strings. */
    private static List<String> tokens(String text) {
        List<Integer> data = new JobLanguageService()
                .semanticTokens(DiagnosticsAssert.URI, text, () -> {})
                .getData();
        List<String> legend = JobLanguageService.semanticTokensLegend().getTokenTypes();
        List<String> out = new ArrayList<>();
        int line = 0;
        int column = 0;
        for (int i = 0; i < data.size(); i += 5) {
            line += data.get(i);
            column = data.get(i) == 0 ? column + data.get(i + 1) : data.get(i + 1);
            out.add(line + ":" + column + "+" + data.get(i + 2) + " " + legend.get(data.get(i + 3)));
        }
        return out;
    }

    @Test
    void queryTokensAreClassified() {
        assertThat(tokens("{\"queryCondition\": \"tags.floor >= 3 AND IS_DEFINED(tags.x) OR deviceId IN ['a']\"}"))
                .containsExactly(
                        "0:20+4 property",
                        "0:25+5 property",
                        "0:31+2 operator",
                        "0:34+1 number",
                        "0:36+3 keyword",
                        "0:40+10 function",
                        "0:51+4 property",
                        "0:56+1 property",
                        "0:59+2 keyword",
                        "0:62+8 property",
                        "0:71+2 keyword",
                        "0:75+3 string");
    }

    @Test
    void tokensAreMappedThroughEscapesAndAcrossJobs() {
        // \"x\" is 5 characters in the file for a 3-character query string.
        assertThat(tokens("[{\"queryCondition\": \"a = \\\"x\\\" AND b\"},\n {\"queryCondition\": \"NOT c\"}]"))
                .containsExactly(
                        "0:21+1 property",
                        "0:23+1 operator",
                        "0:25+5 string",
                        "0:31+3 keyword",
                        "0:35+1 property",
                        "1:21+3 keyword",
                        "1:25+1 property");
    }

    @Test
    void reservedWordAfterADotIsAPathSegment() {
        assertThat(tokens("{\"queryCondition\": \"tags.group.name = 1\"}"))
                .startsWith("0:20+4 property", "0:25+5 property", "0:31+4 property");
    }

    @Test
    void aHyphenatedNameIsOnePropertyAndASpacedMinusAnOperator() {
        assertThat(tokens("{\"queryCondition\": \"tags.deploy-ring = 'x' AND tags.a - 1 = 0\"}"))
                .startsWith(
                        "0:20+4 property",
                        "0:25+11 property",
                        "0:37+1 operator",
                        "0:39+3 string",
                        "0:43+3 keyword",
                        "0:47+4 property",
                        "0:52+1 property",
                        "0:54+1 operator");
    }

    @Test
    void documentWithoutQueryHasNoTokens() {
        assertThat(tokens("{\"jobId\": \"a\"}")).isEmpty();
    }
}
