package dev.hubjobs.fix;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
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

    /**
     * The fixed text, how many edits were applied and for which codes; and, when fixing stopped
     * because the next pass would have made things worse, the first new error it would have made
     * (a document that its fixes would take past the size limit, say).
     */
    public record Outcome(String text, int edits, SortedSet<String> codes, Optional<Diagnostic> stoppedBy) {
        public boolean changed() {
            return edits > 0;
        }
    }

    private FixAll() {}

    /** The outcome, and the validation of the text it ends with: what {@code validate} made of it. */
    public record Validated<R>(Outcome outcome, R validation) {}

    /**
     * Applies the safe fixes of the findings {@code validate} gives for {@code text}, in passes.
     * {@code validate} must give the same findings for the same text.
     */
    public static Outcome apply(String text, Function<String, List<Diagnostic>> validate) {
        return apply(text, validate, Function.identity()).outcome();
    }

    /**
     * As {@link #apply(String, Function)}, with {@code validate} giving a validation of which
     * {@code findings} are the findings; returns the validation of the fixed text too, so that a
     * caller reporting on it need not validate it again.
     */
    public static <R> Validated<R> apply(
            String text, Function<String, R> validate, Function<R, List<Diagnostic>> findingsOf) {
        String current = text;
        R validation = validate.apply(current);
        List<Diagnostic> findings = findingsOf.apply(validation);
        int edits = 0;
        SortedSet<String> codes = new TreeSet<>();
        Diagnostic stoppedBy = null;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            List<Chosen> chosen = choose(findings, current.length(), d -> true);
            if (chosen.isEmpty()) {
                break;
            }
            Pass<R> done = tryPass(current, findings, chosen, validate, findingsOf);
            if (done != null && done.worse != null) {
                List<Chosen> withoutGuesses =
                        choose(findings, current.length(), d -> !d.code().equals(Codes.JSON_SYNTAX));
                if (withoutGuesses.isEmpty()) {
                    done = null; // only guesses, and wrong ones: nothing to say about them
                } else if (withoutGuesses.size() < chosen.size()) {
                    chosen = withoutGuesses;
                    done = tryPass(current, findings, chosen, validate, findingsOf);
                }
            }
            if (done == null || done.worse != null) {
                stoppedBy = done == null ? null : done.worse;
                break;
            }
            current = done.text;
            validation = done.validation;
            findings = done.findings;
            for (Chosen c : chosen) {
                edits += c.fix.edits().size();
                codes.add(c.code);
            }
        }
        return new Validated<>(new Outcome(current, edits, codes, Optional.ofNullable(stoppedBy)), validation);
    }

    private record Chosen(String code, Fix fix) {}

    /** A pass tried: the text and its findings after it, or the new error that makes it worse. */
    private record Pass<R>(String text, R validation, List<Diagnostic> findings, Diagnostic worse) {}

    /** The chosen fixes applied and the text validated; null if that changes nothing. */
    private static <R> Pass<R> tryPass(
            String text,
            List<Diagnostic> findings,
            List<Chosen> chosen,
            Function<String, R> validate,
            Function<R, List<Diagnostic>> findingsOf) {
        List<TextEdit> edits = new ArrayList<>();
        for (Chosen c : chosen) {
            edits.addAll(c.fix.edits());
        }
        String next = TextEdits.apply(text, edits);
        if (next.equals(text)) {
            return null;
        }
        R validation = validate.apply(next);
        List<Diagnostic> after = findingsOf.apply(validation);
        return new Pass<>(next, validation, after, newError(findings, after));
    }

    /** The first error finding (by code and message) of {@code after} that {@code before} had not, as often; or null. */
    private static Diagnostic newError(List<Diagnostic> before, List<Diagnostic> after) {
        Map<Said, Integer> had = new HashMap<>();
        for (Diagnostic d : before) {
            if (d.isError()) {
                had.merge(new Said(d.code(), d.message()), 1, Integer::sum);
            }
        }
        for (Diagnostic d : after) {
            if (d.isError() && had.merge(new Said(d.code(), d.message()), -1, Integer::sum) < 0) {
                return d;
            }
        }
        return null;
    }

    /** What a finding says, wherever it stands. */
    private record Said(String code, String message) {}

    /**
     * The first safe fix of each finding, skipping any that would conflict with an edit already
     * chosen (the same fix offered by two findings among them), and any with an edit past the end
     * of the text.
     */
    private static List<Chosen> choose(List<Diagnostic> diagnostics, int textLength, Predicate<Diagnostic> which) {
        List<Chosen> chosen = new ArrayList<>();
        TakenSpans taken = new TakenSpans();
        for (Diagnostic d : diagnostics) {
            Fix fix = which.test(d) ? firstSafe(d.fixes()) : null;
            if (fix == null || !withinText(fix, textLength) || !fits(fix.edits(), taken)) {
                continue;
            }
            for (TextEdit e : fix.edits()) {
                taken.take(e.span());
            }
            chosen.add(new Chosen(d.code(), fix));
        }
        return chosen;
    }

    /** Whether the edits of one fix conflict neither with those taken nor with each other. */
    private static boolean fits(List<TextEdit> edits, TakenSpans taken) {
        for (int i = 0; i < edits.size(); i++) {
            Span span = edits.get(i).span();
            if (taken.conflicts(span)) {
                return false;
            }
            for (int k = 0; k < i; k++) {
                if (conflict(span, edits.get(k).span())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static Fix firstSafe(List<Fix> fixes) {
        for (int i = 0; i < fixes.size(); i++) {
            if (fixes.get(i).safe()) {
                return fixes.get(i);
            }
        }
        return null;
    }

    /** Whether a fix has edits, all of them inside a text of {@code length} characters. */
    private static boolean withinText(Fix fix, int length) {
        for (TextEdit e : fix.edits()) {
            if (e.span().end() > length) {
                return false;
            }
        }
        return !fix.edits().isEmpty();
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
