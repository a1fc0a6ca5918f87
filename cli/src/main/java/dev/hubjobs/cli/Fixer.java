package dev.hubjobs.cli;

import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Applies the safe fixes of a text's findings until none is left. One pass applies every safe fix
 * whose edits overlap no other chosen edit, back to front so that offsets stay valid; the text is
 * then validated again, because one fix can make another finding appear or disappear.
 */
final class Fixer {

    static final int MAX_PASSES = 10;

    /** The fixed text, how many edits were applied and for which codes. */
    record Outcome(String text, int edits, SortedSet<String> codes) {
        boolean changed() {
            return edits > 0;
        }
    }

    private Fixer() {}

    static Outcome fix(String text, Function<String, List<Diagnostic>> validate) {
        String current = text;
        int edits = 0;
        SortedSet<String> codes = new TreeSet<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Chosen> chosen = choose(validate.apply(current));
            if (chosen.isEmpty()) {
                break;
            }
            String next = apply(current, chosen);
            if (next.equals(current)) {
                break;
            }
            current = next;
            for (Chosen c : chosen) {
                edits += c.fix.edits().size();
                codes.add(c.code);
            }
        }
        return new Outcome(current, edits, codes);
    }

    private record Chosen(String code, Fix fix) {}

    /** The first safe fix of each finding, skipping any that would touch an edit already chosen. */
    private static List<Chosen> choose(List<Diagnostic> diagnostics) {
        List<Chosen> chosen = new ArrayList<>();
        List<Span> taken = new ArrayList<>();
        Set<Fix> seen = new java.util.HashSet<>();
        for (Diagnostic d : diagnostics) {
            Fix fix = d.fixes().stream().filter(Fix::safe).findFirst().orElse(null);
            if (fix == null || fix.edits().isEmpty() || !seen.add(fix)) {
                continue;
            }
            List<Span> spans = fix.edits().stream().map(TextEdit::span).toList();
            if (!conflictsWithin(spans) && spans.stream().noneMatch(s -> taken.stream().anyMatch(t -> conflict(s, t)))) {
                taken.addAll(spans);
                chosen.add(new Chosen(d.code(), fix));
            }
        }
        return chosen;
    }

    private static boolean conflictsWithin(List<Span> spans) {
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                if (conflict(spans.get(i), spans.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Overlapping ranges conflict; so does an insertion at or inside another edit's range, because
     * the order of the two would decide the result.
     */
    static boolean conflict(Span a, Span b) {
        if (a.isEmpty() || b.isEmpty()) {
            Span point = a.isEmpty() ? a : b;
            Span other = a.isEmpty() ? b : a;
            return other.start() <= point.start() && point.start() <= other.end();
        }
        return a.start() < b.end() && b.start() < a.end();
    }

    private static String apply(String text, List<Chosen> chosen) {
        List<TextEdit> edits = new ArrayList<>();
        for (Chosen c : chosen) {
            edits.addAll(c.fix.edits());
        }
        edits.sort(Comparator.comparing(TextEdit::span).reversed());
        StringBuilder out = new StringBuilder(text);
        for (TextEdit e : edits) {
            int end = Math.min(e.span().end(), out.length());
            int start = Math.min(e.span().start(), end);
            out.replace(start, end, e.newText());
        }
        return out.toString();
    }
}
