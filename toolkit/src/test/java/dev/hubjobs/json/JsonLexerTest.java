package dev.hubjobs.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.grammar.JobJsonLexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.junit.jupiter.api.Test;

/** The hand-written lexer gives the generated one's tokens, field for field, on any text. */
class JsonLexerTest {

    /** Every token up to and with the end, as the parser sees them. */
    private static List<String> tokens(TokenSource source) {
        List<String> out = new ArrayList<>();
        while (true) {
            Token t = source.nextToken();
            out.add(t.getType() + "/" + t.getChannel() + " " + t.getStartIndex() + ".." + t.getStopIndex() + " @"
                    + t.getLine() + ":" + t.getCharPositionInLine() + " " + t.getText());
            if (t.getType() == Token.EOF) {
                return out;
            }
        }
    }

    static void assertSameTokens(String text) {
        JobJsonLexer generated = new JobJsonLexer(CharStreams.fromString(text));
        generated.removeErrorListeners();
        assertThat(tokens(new JsonLexer(text)))
                .as("tokens of %s", text.length() > 200 ? text.substring(0, 200) + "..." : text)
                .isEqualTo(tokens(generated));
    }

    private static final List<String> CASES = List.of(
            "",
            " ",
            "{\"jobId\": \"j1\", \"type\": 'scheduleUpdateTwin', n: -1.5e+3, t: true, f: false, z: null}",
            "[1, 0, -0, 01, 1., .5, 1e, 1e+, 1E-2, -, --1, 0x1F, 1.2.3, 12e3e4]",
            "true1 truex tru true-x null_ false$ $a _b a-b-",
            "\"unterminated\n\"a\\\"b\" \"\\\" \"a\\\n\"end\\",
            "'single' 'it\\'s' 'unterminated\n'tail\\",
            "<jobId> <a b> <a\n> <<x>> <a,b> <> <'q'> < x",
            "// line\n/* block */ /**/ /*/ /* a * b ** / */ /* unterminated * /",
            "/ /x /\n/",
            "\uFEFF{\r\n\t\"\u00e9\u20ac\": \"\uD83D\uDE00\"}\uD83D\uDE00 \u00e9",
            "\uD800 \uDC00 \"\uD800\" \uDBFF\uDFFF x\uD800",
            "\u0000\u0001 \"\u0001\u001f\" #@!?%^&*()=+|~`;.",
            "{a:1,,b:2,}",
            "\"\\u00e9\\q\\\\\" '\\u' \"\\");

    @Test
    void agreesOnHandPickedCases() {
        CASES.forEach(JsonLexerTest::assertSameTokens);
    }

    @Test
    void agreesOnEveryJsonFileOfTheTestResources() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
            List<Path> json = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(json).hasSizeGreaterThan(50);
            for (Path p : json) {
                assertSameTokens(read(p));
            }
        }
    }

    /** Characters that start or end some token, and a few that no rule knows. */
    private static final String ALPHABET =
            "{}[]:,\"'\\/*<>-+.eE0129aztrufalsn_$ \t\r\n\uFEFF\u00e9\u0001#\uD83D\uDE00\uD800\uDC00";

    @Test
    void agreesOnRandomText() {
        Random random = new Random(7);
        for (int round = 0; round < 30_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertSameTokens(text.toString());
        }
    }

    @Test
    void agreesOnMutationsOfTheCases() {
        Random random = new Random(11);
        for (String base : CASES) {
            for (int round = 0; round < 500 && !base.isEmpty(); round++) {
                StringBuilder text = new StringBuilder(base);
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    int at = random.nextInt(text.length() + 1);
                    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    if (random.nextBoolean() && at < text.length()) {
                        text.setCharAt(at, c);
                    } else {
                        text.insert(at, c);
                    }
                }
                assertSameTokens(text.toString());
            }
        }
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
