package dev.hubjobs.rules;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean": the closest candidate by edit distance, if it is close enough to be a typo. */
public final class Suggestions {

    private Suggestions() {}

    public static Optional<String> closest(String input, Collection<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestPrefix = -1;
        int allowed = Math.max(2, needle.length() / 3);
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - needle.length()) > allowed) {
                continue; // the distance is at least the difference in length: too far to be a typo
            }
            String lower = candidate.toLowerCase(Locale.ROOT);
            int d = distance(needle, lower);
            // On a tie the candidate that starts like the input wins: 'tag' is 'tags', not 'etag'.
            int prefix = commonPrefix(needle, lower);
            if (d < bestDistance || d == bestDistance && prefix > bestPrefix) {
                best = candidate;
                bestDistance = d;
                bestPrefix = prefix;
            }
        }
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /**
     * Optimal string alignment distance (Levenshtein plus adjacent transpositions), in three rows
     * of the table rather than the whole of it.
     */
    static int distance(String a, String b) {
        int[] beforeLast = new int[b.length() + 1];
        int[] last = new int[b.length() + 1];
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            last[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(last[j] + 1, row[j - 1] + 1), last[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    row[j] = Math.min(row[j], beforeLast[j - 2] + 1);
                }
            }
            int[] spare = beforeLast;
            beforeLast = last;
            last = row;
            row = spare;
        }
        return last[b.length()];
    }
}
