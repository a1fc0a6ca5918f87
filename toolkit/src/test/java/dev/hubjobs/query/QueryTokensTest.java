package dev.hubjobs.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.query.QueryTokens.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTokensTest {

    /** Each token as "text:KIND". */
    private static List<String> tokens(String query) {
        return QueryTokens.classify(query).stream()
                .map(t -> query.substring(t.span().start(), t.span().end()) + ":" + t.kind())
                .toList();
    }

    @Test
    void classifiesAsTheGrammarReads() {
        assertThat(tokens("tags.group.deploy-ring = 'a' AND STARTSWITH(deviceId, 'x') /* c */"))
                .containsExactly(
                        "tags:PROPERTY",
                        "group:PROPERTY",
                        "deploy-ring:PROPERTY",
                        "=:OPERATOR",
                        "'a':STRING",
                        "AND:KEYWORD",
                        "STARTSWITH:FUNCTION",
                        "deviceId:PROPERTY",
                        "'x':STRING",
                        "/* c */:COMMENT");
        assertThat(tokens("SELECT * FROM devices.modules WHERE devices > 1"))
                .containsExactly(
                        "SELECT:KEYWORD",
                        "*:OPERATOR",
                        "FROM:KEYWORD",
                        "devices:KEYWORD",
                        "modules:KEYWORD",
                        "WHERE:KEYWORD",
                        "devices:PROPERTY",
                        ">:OPERATOR",
                        "1:NUMBER");
    }

    @Test
    void spansCountUtf16UnitsAndHalfTypedTextIsClassified() {
        String q = "tags.'𝔘' = 'Köln' AND [[a b";
        assertThat(tokens(q)).contains("'Köln':STRING", "[[a b:PROPERTY");
        assertThat(QueryTokens.classify("tags.x = 'unclosed"))
                .extracting(QueryTokens.QueryToken::kind)
                .containsExactly(Kind.PROPERTY, Kind.PROPERTY, Kind.OPERATOR, Kind.STRING);
    }

    private static String valueOf(String textWithCursor) {
        int cursor = textWithCursor.indexOf('|');
        String text = textWithCursor.replace("|", "");
        return QueryTokens.valueAt(text, cursor)
                .map(v -> v.path() + "@" + v.valueStart())
                .orElse("none");
    }

    @Test
    void aValueBelongsAfterAComparisonOrInAnInList() {
        assertThat(valueOf("tags.floor = |")).isEqualTo("tags.floor@13");
        assertThat(valueOf("tags.floor >= 3|")).isEqualTo("tags.floor@14");
        assertThat(valueOf("tags.site = 'Bo|")).isEqualTo("tags.site@12");
        assertThat(valueOf("tags.site = 'Bonn Süd|")).isEqualTo("tags.site@12");
        assertThat(valueOf("tags.deploy-ring != |")).isEqualTo("tags.deploy-ring@20");
        assertThat(valueOf("tags.group.name = |")).isEqualTo("tags.group.name@18");
        assertThat(valueOf("[[a b]] = |")).isEqualTo("[[a b]]@10");
        assertThat(valueOf("tags.site IN ['Bonn', |")).isEqualTo("tags.site@22");
        assertThat(valueOf("tags.site nin [1, -2, 'x|")).isEqualTo("tags.site@22");
        assertThat(valueOf("tags.floor /* = */ = |")).isEqualTo("tags.floor@21");
    }

    @Test
    void noValueWhereThePathOrAnOperatorIsTyped() {
        assertThat(valueOf("tags.flo|")).isEqualTo("none");
        assertThat(valueOf("tags.site = 'Bonn'|")).isEqualTo("none");
        assertThat(valueOf("tags.site = 'Bonn' AND |")).isEqualTo("none");
        assertThat(valueOf("tags.site = 'a = |")).isEqualTo("tags.site@12");
        assertThat(valueOf("tags.site IN ['Bonn'] AND x|")).isEqualTo("none");
        assertThat(valueOf("= |")).isEqualTo("none");
        assertThat(valueOf("|")).isEqualTo("none");
        assertThat(valueOf("/* tags.x = */ |")).isEqualTo("none");
    }
}
