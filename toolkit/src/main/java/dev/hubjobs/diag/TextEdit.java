package dev.hubjobs.diag;

import dev.hubjobs.text.Span;

/** Replace the text of {@code span} with {@code newText}; an empty span inserts. */
public record TextEdit(Span span, String newText) {}
