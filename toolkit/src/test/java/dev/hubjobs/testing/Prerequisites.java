package dev.hubjobs.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A tool a test drives (git, pre-commit, Neovim, kill). On a developer's machine a missing tool
 * skips the test with the reason; where {@code HUBJOBS_REQUIRE_TOOLS=1} is set, as {@code .ci/run}
 * sets it after installing them, a missing tool fails the test, so that CI never passes by skipping.
 */
public final class Prerequisites {

    public static final String REQUIRE = "HUBJOBS_REQUIRE_TOOLS";

    private Prerequisites() {}

    public static void require(boolean present, String missing) {
        if (present) {
            return;
        }
        if ("1".equals(System.getenv(REQUIRE))) {
            Assertions.fail(missing + " (" + REQUIRE + "=1: tests may not skip here)");
        }
        Assumptions.abort(missing);
    }
}
