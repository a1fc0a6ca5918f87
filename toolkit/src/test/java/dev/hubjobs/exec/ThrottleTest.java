package dev.hubjobs.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThrottleTest {

    @Test
    void tierRates() {
        assertThat(Tier.F1.operationsPerSecond(1)).isEqualTo(10);
        assertThat(Tier.S1.operationsPerSecond(1)).isEqualTo(10);
        assertThat(Tier.S1.operationsPerSecond(200)).isEqualTo(10);
        assertThat(Tier.S2.operationsPerSecond(1)).isEqualTo(10);
        assertThat(Tier.S2.operationsPerSecond(10)).isEqualTo(10);
        assertThat(Tier.S2.operationsPerSecond(25)).isEqualTo(25);
        assertThat(Tier.S3.operationsPerSecond(1)).isEqualTo(50);
        assertThat(Tier.S3.operationsPerSecond(4)).isEqualTo(200);
        assertThatThrownBy(() -> Tier.S3.operationsPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Tier.parse("s2")).contains(Tier.S2);
        assertThat(Tier.parse("free")).contains(Tier.F1);
        assertThat(Tier.parse("B1")).isEmpty();
    }

    @Test
    void startOffsetsAndWindow() {
        Throttle s1 = Throttle.of(Tier.S1, 1);
        assertThat(s1.startOffsetMillis(0)).isZero();
        assertThat(s1.startOffsetMillis(1)).isEqualTo(100);
        assertThat(s1.startOffsetMillis(36_000)).isEqualTo(3_600_000);
        assertThat(s1.devicesStartedWithin(3_600_000)).isEqualTo(36_000);
        assertThat(s1.devicesStartedWithin(1)).isEqualTo(1);
        assertThat(s1.devicesStartedWithin(0)).isZero();
        assertThat(s1.estimatedSeconds(50_000)).isEqualTo(5_000.0);

        Throttle s3 = Throttle.of(Tier.S3, 3); // 150/s: offsets 6.67 ms floor
        assertThat(s3.startOffsetMillis(1)).isEqualTo(6);
        assertThat(s3.startOffsetMillis(2)).isEqualTo(13);
        assertThat(s3.startOffsetMillis(150)).isEqualTo(1000);
        assertThat(s3.devicesStartedWithin(1000)).isEqualTo(150);
        assertThat(s3.describe()).isEqualTo("S3 x3 (150 device operations/s)");
        assertThat(Throttle.of(Tier.S2, 1).describe()).isEqualTo("S2 (10 device operations/s)");

        assertThat(Throttle.UNTHROTTLED.startOffsetMillis(999_999)).isZero();
        assertThat(Throttle.UNTHROTTLED.devicesStartedWithin(1)).isEqualTo(Long.MAX_VALUE);
        assertThat(s1.devicesStartedWithin(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void windowCountMatchesTheExecutorToTheDevice() {
        for (long rate : new long[] {7, 10, 50, 150, 333}) {
            Throttle t = Throttle.perSecond(rate);
            for (long window : new long[] {1, 999, 1000, 1001, 12_345}) {
                long started = 0;
                while (t.startOffsetMillis(started) < window) {
                    started++;
                }
                assertThat(t.devicesStartedWithin(window))
                        .as("rate %d window %d", rate, window)
                        .isEqualTo(started);
            }
        }
    }
}
