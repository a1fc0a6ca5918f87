package dev.hubjobs.lsp.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.junit.jupiter.api.Test;

class TextDocumentTest {

    private static TextDocumentContentChangeEvent edit(int l1, int c1, int l2, int c2, String text) {
        return new TextDocumentContentChangeEvent(new Range(new Position(l1, c1), new Position(l2, c2)), text);
    }

    @Test
    void rangedChangesCountUtf16UnitsAndApplyInOrder() {
        TextDocument doc = new TextDocument("u", 1, "{\"a\": \"😀é\",\n \"b\": 1}");
        // 😀 takes columns 7-8, é column 9.
        TextDocument next = doc.apply(2, List.of(edit(0, 9, 0, 10, "e"), edit(1, 6, 1, 7, "22")));
        assertThat(next.text()).isEqualTo("{\"a\": \"😀e\",\n \"b\": 22}");
        assertThat(next.version()).isEqualTo(2);
        assertThat(doc.text()).as("snapshots are immutable").isEqualTo("{\"a\": \"😀é\",\n \"b\": 1}");
    }

    @Test
    void fullChangeReplacesEverything() {
        TextDocument doc = new TextDocument("u", 1, "old");
        assertThat(doc.apply(2, List.of(new TextDocumentContentChangeEvent("new")))
                        .text())
                .isEqualTo("new");
    }

    @Test
    void positionsPastALineEndStopBeforeItsLineBreak() {
        TextDocument doc = new TextDocument("u", 1, "ab\r\ncd\nef");
        assertThat(doc.apply(2, List.of(edit(0, 99, 0, 99, "!"))).text()).isEqualTo("ab!\r\ncd\nef");
        assertThat(doc.apply(2, List.of(edit(1, 1, 9, 0, "X"))).text()).isEqualTo("ab\r\ncX");
        assertThat(doc.apply(2, List.of(edit(0, 1, 2, 1, ""))).text()).isEqualTo("af");
    }
}
