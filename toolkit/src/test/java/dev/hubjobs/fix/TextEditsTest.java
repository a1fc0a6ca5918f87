package dev.hubjobs.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextEditsTest {

    @Test
    void editsApplyAsIfAllAtOnceWhateverTheirOrder() {
        List<TextEdit> edits = List.of(
                new TextEdit(Span.of(8, 9), "\""),
                new TextEdit(Span.of(0, 0), "["),
                new TextEdit(Span.of(1, 2), "\""),
                new TextEdit(Span.of(10, 10), "]"),
                new TextEdit(Span.of(6, 7), "\""),
                new TextEdit(Span.of(3, 4), "\""));
        assertThat(TextEdits.apply("{'a': 'b'}", edits)).isEqualTo("[{\"a\": \"b\"}]");
    }

    @Test
    void insertionsAtOneOffsetKeepTheirOrderAndComeBeforeAReplacementThere() {
        List<TextEdit> edits =
                List.of(new TextEdit(Span.of(1, 2), "B"), new TextEdit(Span.at(1), "1"), new TextEdit(Span.at(1), "2"));
        assertThat(TextEdits.apply("abc", edits)).isEqualTo("a12Bc");
    }

    @Test
    void overlappingEditsAndEditsPastTheEndAreRefused() {
        assertThatThrownBy(() -> TextEdits.apply(
                        "abcdef", List.of(new TextEdit(Span.of(0, 3), "x"), new TextEdit(Span.of(2, 4), "y"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TextEdits.apply("abc", List.of(new TextEdit(Span.of(2, 4), "y"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionEditsOnAMillionCharactersTakeLinearTime() {
        String text = "ab".repeat(500_000);
        List<TextEdit> edits = new ArrayList<>();
        for (int i = text.length() - 2; i >= 0; i -= 2) { // back to front: the order given does not matter
            edits.add(new TextEdit(Span.of(i, i + 1), "A"));
            edits.add(new TextEdit(Span.at(i + 2), "-"));
        }
        long start = System.nanoTime();
        String out = TextEdits.apply(text, edits);
        assertThat(out).hasSize(1_500_000).startsWith("Ab-Ab-").endsWith("Ab-");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}
