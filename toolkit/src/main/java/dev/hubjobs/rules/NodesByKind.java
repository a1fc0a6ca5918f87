package dev.hubjobs.rules;

import dev.hubjobs.query.Expr;
import dev.hubjobs.syntax.Lists;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * A condition's nodes grouped by record class in one walk, each group in text order. A condition
 * holds few kinds of node (Expr has sixteen), so a kind is found by a short scan, not a hash.
 */
final class NodesByKind implements Consumer<Expr> {

    private Class<?>[] kinds = new Class<?>[16];
    private Object[][] nodes = new Object[16][];
    private int[] counts = new int[16];
    private List<?>[] lists = new List<?>[16];
    private int size;

    @Override
    public void accept(Expr node) {
        Class<?> kind = node.getClass();
        int i = 0;
        while (i < size && kinds[i] != kind) {
            i++;
        }
        if (i == size) {
            if (size == kinds.length) {
                kinds = Arrays.copyOf(kinds, size * 2);
                nodes = Arrays.copyOf(nodes, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
                lists = Arrays.copyOf(lists, size * 2);
            }
            kinds[size] = kind;
            nodes[size++] = new Object[4];
        }
        if (counts[i] == nodes[i].length) {
            nodes[i] = Arrays.copyOf(nodes[i], counts[i] * 2);
        }
        nodes[i][counts[i]++] = node;
    }

    /** The nodes of {@code kind}, as an immutable list made once. */
    @SuppressWarnings("unchecked")
    <T extends Expr> List<T> of(Class<T> kind) {
        for (int i = 0; i < size; i++) {
            if (kinds[i] == kind) {
                if (lists[i] == null) {
                    lists[i] = Lists.copyOf(nodes[i], 0, counts[i]);
                }
                return (List<T>) lists[i];
            }
        }
        return List.of();
    }
}
