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
}
