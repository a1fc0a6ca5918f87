package dev.hubjobs.json;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubjobs.testing.FuzzInput;

/** Fuzz target for the hand-written lexer (docs/fuzzing.md): on any text it gives the generated lexer's tokens. */
class JsonLexerFuzzTest {

    @FuzzTest
    void tokens(byte[] data) {
        JsonLexerTest.assertSameTokens(FuzzInput.text(data, 8192));
    }
}
