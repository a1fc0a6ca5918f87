package dev.hubjobs.testing;

import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import java.util.Collection;
import java.util.Comparator;

/** Applies fix edits to a text, as an editor would. */
public final class Fixes {

    private Fixes() {}

    /** Applies every edit of every fix; the edits must not overlap. */
    public static String apply(String text, Collection<Fix> fixes) {
        StringBuilder sb = new StringBuilder(text);
        fixes.stream()
                .flatMap(f -> f.edits().stream())
                .sorted(Comparator.comparing(TextEdit::span).reversed())
                .forEach(e -> sb.replace(e.span().start(), e.span().end(), e.newText()));
        return sb.toString();
    }
}
