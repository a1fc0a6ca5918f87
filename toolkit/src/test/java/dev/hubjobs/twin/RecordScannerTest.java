package dev.hubjobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The record scanner against Jackson, its reference: whatever the scanner reads, Jackson reads to
 * the same value with the keys in the same order; whatever Jackson rejects, the scanner leaves to
 * it. Generated twins must take the fast path. {@code RecordScannerFuzzTest} fuzzes the same check.
 */
class RecordScannerTest {

    /** The filters a query makes: the benchmark's condition, everything, and names that are not ASCII. */
    static final List<KeyFilter> FILTERS = List.of(
            KeyFilter.of(List.of(
                    List.of("tags", "building"),
                    List.of("properties", "reported", "battery"),
                    List.of("properties", "reported", "firmware", "version"))),
            KeyFilter.of(List.of(List.of())),
            KeyFilter.of(List.of(List.of("tags"))),
            KeyFilter.of(List.of(List.of("tägs", "stätus"), List.of("tıme"), List.of("properties", "K"))));

    /** Jackson's reading of the line as FleetReader does it, or null where it reports a problem. */
    static TwinObject reference(byte[] line, KeyFilter filter) {
        try (JsonParser p = TwinJson.FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            TwinObject record = (TwinObject) TwinJson.read(p, new Interner(), filter);
            return p.nextToken() == null ? record : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Checks the scanner on one line with every filter; returns whether it read the line. */
    static boolean agrees(byte[] line) {
        boolean read = false;
        for (KeyFilter filter : FILTERS) {
            TwinObject scanned = RecordScanner.read(line, 0, line.length, new Interner(), filter);
            if (scanned != null) {
                TwinObject expected = reference(line, filter);
                assertThat(expected)
                        .as("Jackson reads what the scanner read: %s", new String(line, StandardCharsets.UTF_8))
                        .isNotNull();
                assertThat(TwinJson.toJson(scanned)).isEqualTo(TwinJson.toJson(expected));
                assertThat(scanned).isEqualTo(expected);
                read = true;
            }
        }
        return read;
    }

    static List<byte[]> generatedLines(int count) {
        String text = new String(FleetGenerator.ndjson(count, 7), StandardCharsets.UTF_8);
        List<byte[]> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }

    @Test
    void generatedTwinsTakeTheFastPath() {
        for (byte[] line : generatedLines(500)) {
            assertThat(agrees(line)).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                " \t{ } \r",
                "{\"deviceId\":\"d\",\"tags\":{\"Building\":\"43\",\"building\":\"44\"}}",
                "{\"deviceId\":\"d\",\"deviceId\":\"e\"}",
                "{\"deviceId\":\"dé\",\"tags\":{\"tägs\":1,\"TÄGS\":2},\"tıme\":3,\"TIME\":4,\"time\":5}",
                "{\"properties\":{\"\u212A\":1,\"k\":2}}",
                "{\"deviceId\":\"d\",\"x\":[1,-2.5e3,true,false,null,{\"a\":[]},\"\\u00e9\\n\"]}",
                "{\"deviceId\":\"d\",\"tags\":{\"building\":[1,{\"a\":\"b\"}],\"n\":-0,\"f\":0.5E-2}}",
                "{\"deviceId\":\"😀\",\"tags\":{\"building\":\"ü€😀\"}}",
                "{\"properties\":{\"reported\":{\"battery\":123456789012345678}}}",
            })
    void unusualButValidLinesAgree(String line) {
        agrees(line.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "[]",
                "{",
                "{\"a\":1,}",
                "{\"a\":1}{}",
                "{\"a\":1} x",
                "{\"a\" 1}",
                "{'a':1}",
                "{\"a\":01}",
                "{\"a\":1.}",
                "{\"a\":.5}",
                "{\"a\":-}",
                "{\"a\":1e}",
                "{\"a\":+1}",
                "{\"a\":1x}",
                "{\"a\":tru}",
                "{\"a\":truex}",
                "{\"a\":nul}",
                "{\"a\":NaN}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"\\u12G4\"}",
                "{\"a\":\"tab\there\"}",
                "{\"a\":[1,]}",
                "{\"a\":[1 2]}",
                "{\"a\":{\"b\"}}",
                "{\"properties\":{\"reported\":{\"battery\":[1,}}}",
                "{\"tags\":{\"building\":\"43\"",
            })
    void invalidLinesAreLeftToJackson(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        for (KeyFilter filter : FILTERS) {
            assertThat(reference(bytes, filter)).as("Jackson rejects %s", line).isNull();
            assertThat(RecordScanner.read(bytes, 0, bytes.length, new Interner(), filter))
                    .as(line)
                    .isNull();
        }
    }

    @Test
    void malformedUtf8AndControlBytesAreLeftToJackson() {
        byte[][] lines = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'},
            {'{', '"', 'a', '"', ':', '"', 0x01, '"', '}'},
            {'{', '"', (byte) 0xFF, '"', ':', '1', '}'},
        };
        for (byte[] line : lines) {
            for (KeyFilter filter : FILTERS) {
                assertThat(RecordScanner.read(line, 0, line.length, new Interner(), filter))
                        .isNull();
            }
        }
    }

    @Test
    void deepNestingIsLeftToJacksonWithinItsLimit() {
        String deep = "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}";
        byte[] bytes = deep.getBytes(StandardCharsets.UTF_8);
        for (KeyFilter filter : FILTERS) {
            assertThat(RecordScanner.read(bytes, 0, bytes.length, new Interner(), filter))
                    .isNull();
        }
    }

    /** Strings scanned eight bytes at a time: a byte that matters at every position of every length. */
    @Test
    void aSpecialByteAtAnyPositionOfAStringIsSeen() {
        String[] specials = {"\\\"", "\\n", "é", "\"", "\u0001", "\u007f", "\\u00e9"};
        for (int length = 0; length < 40; length++) {
            for (int at = 0; at <= length; at++) {
                for (String special : specials) {
                    String text = "a".repeat(at) + special + "b".repeat(length - at);
                    for (String line : new String[] {
                        "{\"tags\":{\"building\":\"" + text + "\"},\"x\":\"" + text + "\"}",
                        "{\"" + text + "\":1,\"tags\":\"" + text + "\"}"
                    }) {
                        agrees(line.getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            String plain =
                    "{\"tags\":{\"building\":\"" + "c".repeat(length) + "\"},\"x\":\"" + "d".repeat(length) + "\"}";
            assertThat(agrees(plain.getBytes(StandardCharsets.UTF_8))).isTrue();
        }
    }

    /** Random edits of generated twins with the bytes that matter to JSON: the two must agree on each. */
    @Test
    void mutatedTwinsAgree() {
        byte[] alphabet = "{}[]\":,\\ \t-+.eE0123456789tfnrlu\u00e9x".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(42);
        List<byte[]> lines = generatedLines(50);
        int read = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] line = lines.get(random.nextInt(lines.size()));
            byte[] mutated = mutate(line, random, alphabet);
            if (agrees(mutated)) {
                read++;
            }
        }
        assertThat(read).as("some mutations stay valid JSON").isPositive();
    }

    private static byte[] mutate(byte[] line, Random random, byte[] alphabet) {
        byte[] out = line.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(out.length);
            byte with = alphabet[random.nextInt(alphabet.length)];
            switch (random.nextInt(3)) {
                case 0 -> out[at] = with;
                case 1 -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = with;
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
                default -> {
                    if (out.length > 1) {
                        byte[] shorter = new byte[out.length - 1];
                        System.arraycopy(out, 0, shorter, 0, at);
                        System.arraycopy(out, at + 1, shorter, at, out.length - at - 1);
                        out = shorter;
                    }
                }
            }
        }
        return out;
    }
}
