package dev.hubjobs.fix;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Applies the safe fixes of a text's findings until none is left, as {@code hubjobs validate --fix}
 * does. One pass applies every safe fix whose edits conflict with no other chosen edit; the text
 * is then validated again, because one fix can make another finding appear or disappear.
 *
 * <p>A pass is kept only if it makes nothing worse: every error finding after it must have been
 * there before (the same code and message; positions move with the edits). In a document the
 * parser cannot read, a fix it offers while recovering from a syntax error (HJ001) is a guess at
 * what was meant, and can be wrong; a pass that makes things worse is tried once more without
 * those, and if it still does, fixing stops with the text as it is. So the fixed text never has
 * more errors than the original, and fixing it again changes nothing (unless the pass limit cut
 * the passes short).
 *
 * <p>Each pass takes time linear in the text and the edits, plus sorting the edits, and one
 * validation.
 */
public final class FixAll {

    /** Fixes can make fixes of their own; this many passes at most. */
    public static final int MAX_PASSES = 10;

    /** The fixed text, how many edits were applied and for which codes. */
    public record Outcome(String text, int edits, SortedSet<String> codes) {
        public boolean changed() {
            return edits > 0;
        }
    }

    private FixAll() {}

    /**
     * Applies the safe fixes of the findings {@code validate} gives for {@code text}, in passes.
     * {@code validate} must give the same findings for the same text.
     */
    public static Outcome apply(String text, Function<String, List<Diagnostic>> validate) {
        String current = text;
        List<Diagnostic> findings = validate.apply(current);
        int edits = 0;
        SortedSet<String> codes = new TreeSet<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Chosen> chosen = choose(findings, current.length(), d -> true);
            if (chosen.isEmpty()) {
                break;
            }
            Pass done = tryPass(current, findings, chosen, validate);
            if (done == null) {
                List<Chosen> withoutGuesses =
                        choose(findings, current.length(), d -> !d.code().equals(Codes.JSON_SYNTAX));
                if (!withoutGuesses.isEmpty() && withoutGuesses.size() < chosen.size()) {
                    chosen = withoutGuesses;
                    done = tryPass(current, findings, chosen, validate);
                }
            }
            if (done == null) {
                break;
            }
            current = done.text;
            findings = done.findings;
            for (Chosen c : chosen) {
                edits += c.fix.edits().size();
                codes.add(c.code);
            }
        }
        return new Outcome(current, edits, codes);
    }

    private record Chosen(String code, Fix fix) {}

    private record Pass(String text, List<Diagnostic> findings) {}

    /** The text and its findings after the chosen fixes, or null if that changes nothing or makes things worse. */
    private static Pass tryPass(
            String text, List<Diagnostic> findings, List<Chosen> chosen, Function<String, List<Diagnostic>> validate) {
        List<TextEdit> edits = new ArrayList<>();
        for (Chosen c : chosen) {
            edits.addAll(c.fix.edits());
        }
        String next = TextEdits.apply(text, edits);
        if (next.equals(text)) {
            return null;
        }
        List<Diagnostic> after = validate.apply(next);
        return newErrors(findings, after) ? null : new Pass(next, after);
    }

    /** Whether {@code after} has an error finding (by code and message) that {@code before} had not, as often. */
    private static boolean newErrors(List<Diagnostic> before, List<Diagnostic> after) {
        Map<String, Integer> had = new HashMap<>();
        for (Diagnostic d : before) {
            if (d.isError()) {
                had.merge(d.code() + "\n" + d.message(), 1, Integer::sum);
            }
        }
        for (Diagnostic d : after) {
            if (d.isError() && had.merge(d.code() + "\n" + d.message(), -1, Integer::sum) < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first safe fix of each finding, skipping any that would conflict with an edit already
     * chosen, and any with an edit past the end of the text.
     */
    private static List<Chosen> choose(List<Diagnostic> diagnostics, int textLength, Predicate<Diagnostic> which) {
        List<Chosen> chosen = new ArrayList<>();
        // Chosen edits by start: no two conflict, so no two share a start.
        NavigableMap<Integer, Span> taken = new TreeMap<>();
        Set<Fix> seen = new HashSet<>();
        for (Diagnostic d : diagnostics) {
            Fix fix = which.test(d)
                    ? d.fixes().stream().filter(Fix::safe).findFirst().orElse(null)
                    : null;
            if (fix == null
                    || fix.edits().isEmpty()
                    || fix.edits().stream().anyMatch(e -> e.span().end() > textLength)
                    || !seen.add(fix)) {
                continue;
            }
            NavigableMap<Integer, Span> own = new TreeMap<>();
            boolean fits = true;
            for (TextEdit e : fix.edits()) {
                if (conflictsWithAny(e.span(), taken) || conflictsWithAny(e.span(), own)) {
                    fits = false;
                    break;
                }
                own.put(e.span().start(), e.span());
            }
            if (fits) {
                taken.putAll(own);
                chosen.add(new Chosen(d.code(), fix));
            }
        }
        return chosen;
    }

    /**
     * Whether {@code span} conflicts with one of {@code spans}, which conflict with none of each
     * other: ordered by start they are ordered by end too, so going down from the last one that
     * starts at or before {@code span}'s end, the first that ends before {@code span}'s start
     * ends the search. Spans passed on the way without a conflict only touch {@code span}, and
     * there are at most two of those.
     */
    private static boolean conflictsWithAny(Span span, NavigableMap<Integer, Span> spans) {
        for (Span other : spans.headMap(span.end(), true).descendingMap().values()) {
            if (other.end() < span.start()) {
                return false;
            }
            if (conflict(span, other)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Overlapping ranges conflict; so does an insertion at or inside another edit's range, because
     * the order of the two would decide the result.
     */
    public static boolean conflict(Span a, Span b) {
        if (a.isEmpty() || b.isEmpty()) {
            Span point = a.isEmpty() ? a : b;
            Span other = a.isEmpty() ? b : a;
            return other.start() <= point.start() && point.start() <= other.end();
        }
        return a.start() < b.end() && b.start() < a.end();
    }
}
