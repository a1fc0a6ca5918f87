package dev.hubjobs.emulator.http;

/** One REST operation of the service. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request) throws Exception;
}
