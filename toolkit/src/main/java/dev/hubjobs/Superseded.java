package dev.hubjobs;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One root cause, one finding. HJ002 says how a value is written (single quotes, no quotes); when a
 * rule's finding on the very same value says what the value should be, that finding is the one a
 * user acts on, and HJ002's is dropped if
 * <ul>
 *   <li>the rule's finding has a safe fix that rewrites the whole value, which settles both
 *       ({@code 'scheduleTwinUpdate'} becomes {@code "scheduleUpdateTwin"} in one edit), or
 *   <li>the rule's finding is HJ203, a value of the wrong type: quoting a bare word where a number
 *       belongs would only turn it into a string that HJ203 then asks to unquote.
 * </ul>
 * Only findings at least as severe as HJ002's replace it, so that switching a rule off or down in a
 * configuration file brings HJ002's finding back.
 */
final class Superseded {

    private Superseded() {}

    static List<Diagnostic> remove(List<Diagnostic> sorted) {
        Map<Span, List<Diagnostic>> bySpan = null;
        for (Diagnostic d : sorted) {
            if (d.code().equals(Codes.JSON_NON_STANDARD)) {
                bySpan = new HashMap<>();
                break;
            }
        }
        if (bySpan == null) {
            return sorted; // the usual case: nothing written in a non-standard way
        }
        for (Diagnostic d : sorted) {
            if (!d.code().equals(Codes.JSON_NON_STANDARD)) {
                bySpan.computeIfAbsent(d.span(), s -> new ArrayList<>()).add(d);
            }
        }
        List<Diagnostic> out = new ArrayList<>(sorted.size());
        for (Diagnostic d : sorted) {
            if (!(d.code().equals(Codes.JSON_NON_STANDARD) && replacedBy(d, bySpan.get(d.span())))) {
                out.add(d);
            }
        }
        return out;
    }

    private static boolean replacedBy(Diagnostic spelling, List<Diagnostic> others) {
        if (others == null) {
            return false;
        }
        for (Diagnostic other : others) {
            if (!atLeastAsSevere(other, spelling)) {
                continue;
            }
            if (other.code().equals(Codes.FIELD_TYPE) || rewritesWhole(other, spelling.span())) {
                return true;
            }
        }
        return false;
    }

    private static boolean atLeastAsSevere(Diagnostic a, Diagnostic b) {
        return a.severity().ordinal() <= b.severity().ordinal(); // ERROR first
    }

    private static boolean rewritesWhole(Diagnostic d, Span span) {
        for (Fix fix : d.fixes()) {
            if (fix.safe()) {
                for (TextEdit e : fix.edits()) {
                    if (e.span().start() <= span.start()
                            && span.end() <= e.span().end()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
