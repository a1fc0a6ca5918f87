package dev.hubjobs.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Line and column in UTF-16 units, 0-based for LSP and 1-based for people, with every line end. */
class LineMapTest {

    private static String pos(LineMap map, int offset) {
        return map.position(offset).toString();
    }

    @Test
    void lfCrlfAndLoneCrEachEndOneLine() {
        String text = "a\nbb\r\nccc\rd";
        LineMap map = LineMap.of(text);
        assertThat(map.lineCount()).isEqualTo(4);
        assertThat(pos(map, text.indexOf('b'))).isEqualTo("1:0");
        assertThat(pos(map, text.indexOf('c'))).isEqualTo("2:0");
        assertThat(pos(map, text.indexOf('d'))).isEqualTo("3:0");
        // The \r of a CRLF belongs to the line it ends.
        assertThat(pos(map, text.indexOf('\r'))).isEqualTo("1:2");
        assertThat(map.lineStart(2)).isEqualTo(text.indexOf('c'));
    }

    @Test
    void tabIsOneColumn() {
        LineMap map = LineMap.of("\t\tx");
        assertThat(map.humanPosition(2).toString()).isEqualTo("1:3");
    }

    @Test
    void emojiIsTwoColumnsAndNonAsciiLetterIsOne() {
        String text = "é😀x\n😀y";
        LineMap map = LineMap.of(text);
        assertThat(pos(map, text.indexOf('x'))).isEqualTo("0:3");
        assertThat(map.humanPosition(text.indexOf('x')).toString()).isEqualTo("1:4");
        assertThat(pos(map, text.indexOf('y'))).isEqualTo("1:2");
    }

    @Test
    void everyOffsetRoundTripsThroughItsPosition() {
        String text = "{\r\n\t\"é\": \"😀\",\r  x\n\n}\n";
        LineMap map = LineMap.of(text);
        for (int offset = 0; offset <= text.length(); offset++) {
            LineMap.Position p = map.position(offset);
            assertThat(map.offset(p.line(), p.column()))
                    .as("offset %d at %s", offset, p)
                    .isEqualTo(offset);
            LineMap.Position human = map.humanPosition(offset);
            assertThat(human).isEqualTo(new LineMap.Position(p.line() + 1, p.column() + 1));
        }
    }

    @Test
    void outOfRangeOffsetsAndPositionsAreClamped() {
        String text = "ab\ncd";
        LineMap map = LineMap.of(text);
        assertThat(pos(map, -5)).isEqualTo("0:0");
        assertThat(pos(map, 99)).isEqualTo("1:2");
        assertThat(map.offset(0, 99)).isEqualTo(3);
        assertThat(map.offset(7, 0)).isEqualTo(text.length());
        assertThat(map.offset(-1, 4)).isZero();
    }

    @Test
    void emptyTextHasOneLine() {
        LineMap map = LineMap.of("");
        assertThat(map.lineCount()).isEqualTo(1);
        assertThat(pos(map, 0)).isEqualTo("0:0");
    }

    @Test
    void textEndingWithANewlineHasAnEmptyLastLine() {
        LineMap map = LineMap.of("a\n");
        assertThat(map.lineCount()).isEqualTo(2);
        assertThat(pos(map, 2)).isEqualTo("1:0");
    }

    @Test
    void codePointOffsetsConvertAntlrIndexesToUtf16() {
        String text = "a😀b😀c";
        CodePointOffsets offsets = CodePointOffsets.of(text);
        assertThat(offsets.toUtf16(2)).isEqualTo(text.indexOf('b'));
        assertThat(offsets.toUtf16(4)).isEqualTo(text.indexOf('c'));
        assertThat(offsets.span(1, 1)).isEqualTo(Span.of(1, 3));
        assertThat(offsets.span(5, 4)).isEqualTo(Span.at(text.length()));
        assertThat(CodePointOffsets.of("abc").span(1, 2)).isEqualTo(Span.of(1, 3));
    }
}
