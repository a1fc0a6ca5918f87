package dev.hubjobs.emulator.store;

/** The store could not read or write; the request that needed it fails with 500 and changes nothing. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
