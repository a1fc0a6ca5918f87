package dev.hubjobs.cli;

/** A mistake in how the command was called (a missing path, an unreadable file): one line, exit 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message, null, false, false);
    }
}
