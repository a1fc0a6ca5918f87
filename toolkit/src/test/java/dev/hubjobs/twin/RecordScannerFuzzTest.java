package dev.hubjobs.twin;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubjobs.testing.FuzzInput;

/** Fuzz target for the record scanner (docs/fuzzing.md): on any line it agrees with Jackson. */
class RecordScannerFuzzTest {

    @FuzzTest
    void scan(byte[] data) {
        RecordScannerTest.agrees(FuzzInput.bounded(data, 4096));
    }
}
