package dev.hubjobs.lsp;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A logging configuration ({@code -Djava.util.logging.config.class}) that prints every log record
 * with {@code System.out.println}, as a careless library would: what the server logs then stands
 * for any stray print in the process.
 */
public final class StdoutLogging {

    public StdoutLogging() {
        Logger.getLogger("").addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                System.out.println("stray print: " + record.getMessage());
            }

            @Override
            public void flush() {
                System.out.flush();
            }

            @Override
            public void close() {}
        });
    }
}
