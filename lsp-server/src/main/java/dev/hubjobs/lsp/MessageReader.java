package dev.hubjobs.lsp;

import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.hubjobs.lsp.commons.MessageFramingInputStream;
import dev.hubjobs.lsp.commons.MessageOutline;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageIssueException;
import org.eclipse.lsp4j.jsonrpc.MessageIssueHandler;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Message;
import org.eclipse.lsp4j.jsonrpc.messages.MessageIssue;
import org.eclipse.lsp4j.jsonrpc.messages.RequestMessage;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Reads the client's messages one frame at a time and hands them on; no message, however broken,
 * ends the session.
 *
 * <p>lsp4j's own reader parses straight from the stream: a message that fails half-way leaves the
 * rest of its body to be read as headers, which costs the messages after it too, and an Error
 * (a StackOverflowError from JSON nested thousands deep, an OutOfMemoryError) ends the reader and
 * leaves a process that is alive but answers nothing. Here each body is read whole before it is
 * parsed, a body nested deeper than {@link #MAX_DEPTH} never reaches Gson, and whatever a message
 * throws costs that message only. A request that cannot be read is answered with a parse error
 * when its id can be found.
 */
final class MessageReader implements MessageProducer, Closeable {

    /** Deeper than any real message, and less than Gson itself reads (255 levels). */
    static final int MAX_DEPTH = 200;

    private static final Logger LOG = Logger.getLogger(MessageReader.class.getName());

    private final MessageFramingInputStream frames;
    private final MessageJsonHandler json;
    private final MessageIssueHandler issues;
    private volatile boolean running;

    /** @param issues answers requests that cannot be read (lsp4j's remote endpoint) */
    MessageReader(MessageFramingInputStream frames, MessageJsonHandler json, MessageIssueHandler issues) {
        this.frames = frames;
        this.json = json;
        this.issues = issues;
    }

    @Override
    public void listen(MessageConsumer consumer) {
        running = true;
        try {
            while (running) {
                byte[] body;
                try {
                    body = frames.nextBody();
                } catch (OutOfMemoryError e) {
                    LOG.warning("dropped a message too large for the heap");
                    continue;
                }
                if (body == null) {
                    return;
                }
                try {
                    handle(body, consumer);
                } catch (Throwable e) {
                    LOG.log(Level.SEVERE, "a message could not be handled", e);
                }
            }
        } catch (IOException e) {
            if (running) {
                LOG.info("the input failed: " + e.getMessage());
            }
        } finally {
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
    }

    private void handle(byte[] body, MessageConsumer consumer) {
        MessageOutline outline = MessageOutline.of(body);
        if (outline.depth() > MAX_DEPTH) {
            LOG.warning(
                    "dropped a message nested " + outline.depth() + " levels deep (the limit is " + MAX_DEPTH + ")");
            answer(outline, "The message is nested deeper than " + MAX_DEPTH + " levels.");
            return;
        }
        Message message;
        try {
            message = json.parseMessage(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        } catch (MessageIssueException e) {
            // lsp4j found the message's id or method: it answers the request or logs the issue.
            issues.handle(e.getRpcMessage(), e.getIssues());
            return;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            LOG.warning("dropped a message that cannot be read: " + e);
            answer(outline, "Message could not be parsed.");
            return;
        }
        consumer.consume(message);
    }

    /** Answers a request that could not be read with a parse error, if it has an id to answer. */
    private void answer(MessageOutline outline, String text) {
        Either<String, Number> id = requestId(outline);
        if (id != null) {
            RequestMessage request = new RequestMessage();
            request.setRawId(id);
            issues.handle(request, List.of(new MessageIssue(text, ResponseErrorCode.ParseError.getValue())));
        }
    }

    private static Either<String, Number> requestId(MessageOutline outline) {
        if (outline.id() == null || !outline.hasMethod()) {
            return null; // a notification, or a response to one of our requests
        }
        try {
            JsonPrimitive id = JsonParser.parseString(outline.id()).getAsJsonPrimitive();
            return id.isString() ? Either.forLeft(id.getAsString()) : Either.forRight(id.getAsNumber());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
