package dev.hubjobs.emulator.store;

/**
 * The store could not read or write; the request that needed it fails with 500. After a failed
 * commit every write fails (see {@link GroupCommit}).
 */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
