package dev.hubjobs.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic small edits of valid inputs, for robustness tests: deletions, duplications, insertions. */
public final class Mutations {

    private Mutations() {}

    /** {@code count} mutants of {@code text}, each with one to three edits; the same every run. */
    public static List<String> of(String text, String alphabet, int count, long seed) {
        Random random = new Random(seed ^ text.hashCode());
        List<String> result = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder sb = new StringBuilder(text);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(sb.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        if (at < sb.length()) {
                            sb.deleteCharAt(at);
                        }
                    }
                    case 1 -> {
                        if (at < sb.length()) {
                            sb.insert(at, sb.charAt(at));
                        }
                    }
                    default -> sb.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            result.add(sb.toString());
        }
        return result;
    }
}
