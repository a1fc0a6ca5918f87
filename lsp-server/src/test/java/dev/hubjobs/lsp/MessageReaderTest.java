package dev.hubjobs.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.lsp.commons.MessageFramingInputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;

/** Whatever handling one message throws, the reader goes on with the next. */
class MessageReaderTest {

    @Test
    void errorsAndExceptionsFromAHandlerCostOnlyTheirMessage() {
        StringBuilder input = new StringBuilder();
        for (String method : List.of("overflow", "oom", "runtime", "last")) {
            input.append(RawWire.frame("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":{}}"));
        }
        MessageReader reader = new MessageReader(
                new MessageFramingInputStream(
                        new ByteArrayInputStream(input.toString().getBytes(StandardCharsets.UTF_8))),
                new MessageJsonHandler(ServiceEndpoints.getSupportedMethods(LanguageServer.class)),
                (message, issues) -> {});
        List<String> seen = new ArrayList<>();
        reader.listen((Message message) -> {
            String method = ((NotificationMessage) message).getMethod();
            seen.add(method);
            switch (method) {
                case "overflow" -> throw new StackOverflowError();
                case "oom" -> throw new OutOfMemoryError("Java heap space");
                case "runtime" -> throw new IllegalStateException("a bug");
                default -> {}
            }
        });
        assertThat(seen).containsExactly("overflow", "oom", "runtime", "last");
    }
}
