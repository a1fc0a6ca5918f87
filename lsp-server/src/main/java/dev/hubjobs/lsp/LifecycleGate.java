package dev.hubjobs.lsp;

import java.util.List;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.NotificationMessage;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The protocol's lifecycle, which lsp4j leaves to the server: before {@code initialize} a request
 * is answered with ServerNotInitialized and a notification is dropped; after {@code shutdown} (and
 * for a second {@code initialize}) a request is answered with InvalidRequest and a notification is
 * dropped. {@code exit} always passes, and so do responses to the server's own requests.
 */
final class LifecycleGate implements MessageConsumer {

    private static final Logger LOG = Logger.getLogger(LifecycleGate.class.getName());

    private final JobLanguageServer server;
    private final MessageIssueHandler answer;
    private final MessageConsumer next;

    /** @param answer answers a refused request (lsp4j's remote endpoint) */
    LifecycleGate(JobLanguageServer server, MessageIssueHandler answer, MessageConsumer next) {
        this.server = server;
        this.answer = answer;
        this.next = next;
    }

    @Override
    public void consume(Message message) {
        if (message instanceof RequestMessage request) {
            MessageIssue refusal = refusal(request.getMethod());
            if (refusal != null) {
                answer.handle(request, List.of(refusal));
                return;
            }
        } else if (message instanceof NotificationMessage notification
                && !"exit".equals(notification.getMethod())
                && (!server.isInitialized() || server.isShutDown())) {
            LOG.fine(() -> "dropped " + notification.getMethod()
                    + (server.isShutDown() ? " after shutdown" : " before initialize"));
            return;
        }
        next.consume(message);
    }

    private MessageIssue refusal(String method) {
        if (server.isShutDown()) {
            return new MessageIssue(
                    "The server is shutting down; only exit is accepted.", ResponseErrorCode.InvalidRequest.getValue());
        }
        boolean initialize = "initialize".equals(method);
        if (initialize && server.isInitialized()) {
            return new MessageIssue("The server is already initialized.", ResponseErrorCode.InvalidRequest.getValue());
        }
        if (!initialize && !server.isInitialized()) {
            return new MessageIssue(
                    "The server is not initialized yet: initialize comes first.",
                    ResponseErrorCode.ServerNotInitialized.getValue());
        }
        return null;
    }
}
