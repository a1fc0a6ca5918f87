package dev.hubjobs.lsp.services;

import dev.hubjobs.text.LineMap;
import org.eclipse.lsp4j.Position;

/** A test document with a {@code |} cursor marker, split into the text and the cursor's position. */
record Cursor(String text, Position position, int offset) {

    static Cursor of(String marked) {
        int offset = marked.indexOf('|');
        if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) {
            throw new IllegalArgumentException("mark the cursor with exactly one |: " + marked);
        }
        String text = marked.substring(0, offset) + marked.substring(offset + 1);
        return new Cursor(text, LspConverters.position(LineMap.of(text), offset), offset);
    }
}
