package dev.hubjobs.fix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bit sets answer as {@link FixAll#conflict} does against every span taken so far. */
class TakenSpansTest {

    @Test
    void agreesWithThePairwiseConflictOnRandomSpans() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            TakenSpans taken = new TakenSpans();
            List<Span> spans = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                int start = random.nextInt(40);
                // Empty spans (insertions) often, and ranges of every length up to 4.
                Span span = Span.of(start, start + random.nextInt(5));
                boolean expected = spans.stream().anyMatch(t -> FixAll.conflict(span, t));
                assertThat(taken.conflicts(span))
                        .as("%s against %s", span, spans)
                        .isEqualTo(expected);
                if (!expected) {
                    taken.take(span);
                    spans.add(span);
                }
            }
        }
    }
}
