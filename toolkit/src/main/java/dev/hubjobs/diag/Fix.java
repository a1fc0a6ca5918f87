package dev.hubjobs.diag;

import java.util.List;

/** A named set of edits that resolves a diagnostic; {@code safe} fixes may be applied unattended. */
public record Fix(String title, List<TextEdit> edits, boolean safe) {

    public Fix {
        edits = List.copyOf(edits);
    }

    public static Fix safe(String title, TextEdit... edits) {
        return new Fix(title, List.of(edits), true);
    }

    public static Fix suggestion(String title, TextEdit... edits) {
        return new Fix(title, List.of(edits), false);
    }
}
