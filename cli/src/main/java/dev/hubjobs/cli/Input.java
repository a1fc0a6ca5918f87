package dev.hubjobs.cli;

import java.nio.file.Path;

/** One thing to validate: a file, or the standard input ({@code -}). */
sealed interface Input {

    /** The path as reports show it. */
    String display();

    record File(Path path, String display) implements Input {}

    record Stdin() implements Input {
        @Override
        public String display() {
            return "<stdin>";
        }
    }
}
