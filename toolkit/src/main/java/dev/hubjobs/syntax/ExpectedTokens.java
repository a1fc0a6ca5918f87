package dev.hubjobs.syntax;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Words a set of expected token types the way Trino does: whole groups of tokens that start one
 * construct collapse into a label ({@code <expression>}, {@code <string>}), the rest are listed.
 *
 * <p>A group collapses when the set holds all of its {@code trigger} tokens; then every token of
 * its {@code members} is consumed by the label.
 */
public final class ExpectedTokens {

    /** A label such as {@code <expression>} and the tokens it stands for. */
    public record Group(String label, BitSet trigger, BitSet members) {
        public static Group of(String label, int[] trigger, int[] members) {
            BitSet t = new BitSet();
            for (int i : trigger) {
                t.set(i);
            }
            BitSet m = new BitSet();
            for (int i : members) {
                m.set(i);
            }
            m.or(t);
            return new Group(label, t, m);
        }
    }

    private final Vocabulary vocabulary;
    private final List<Group> groups;
    private final Map<Integer, String> names;

    public ExpectedTokens(Vocabulary vocabulary, List<Group> groups, Map<Integer, String> names) {
        this.vocabulary = vocabulary;
        this.groups = List.copyOf(groups);
        this.names = Map.copyOf(names);
    }

    public String describe(IntervalSet set) {
        BitSet remaining = new BitSet();
        for (int t : set.toArray()) {
            if (t >= 0) {
                remaining.set(t);
            }
        }
        List<String> words = new ArrayList<>();
        for (Group g : groups) {
            BitSet probe = (BitSet) g.trigger().clone();
            probe.andNot(remaining);
            if (probe.isEmpty() && !g.trigger().isEmpty()) {
                words.add(g.label());
                remaining.andNot(g.members());
            }
        }
        for (int t = remaining.nextSetBit(0); t >= 0; t = remaining.nextSetBit(t + 1)) {
            words.add(names.getOrDefault(t, vocabulary.getDisplayName(t)));
        }
        if (set.contains(Token.EOF)) {
            words.add("<end of input>");
        }
        return String.join(", ", words);
    }
}
