package dev.hubjobs.lsp;

import dev.hubjobs.lsp.commons.MessageFramingInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Starts the language server on standard input and output. The protocol owns stdout: the real
 * stream is taken first and {@code System.out} then points at stderr, so a stray print anywhere
 * in the process lands in the log instead of corrupting a message. {@code --help} and
 * {@code --version} answer and exit instead; an argument it does not know is a usage error (2).
 */
public final class JobServerLauncher {

    private static final Logger LOG = Logger.getLogger(JobServerLauncher.class.getName());

    static final String USAGE = """
            Usage: java -jar hubjobs-lsp.jar [--stdio]
            The hubjobs language server for Azure IoT Hub job files (*.job.json). An editor starts it
            and talks to it over standard input and output (the Language Server Protocol).
              --stdio        talk over standard input and output (the default and only channel)
              -h, --help     print this help and exit
              -V, --version  print the version and exit
            """;

    private JobServerLauncher() {}

    public static void main(String[] args) throws InterruptedException {
        Integer status = options(args, System.out, System.err);
        if (status != null) {
            System.out.flush();
            System.exit(status);
        }
        InputStream in = System.in;
        PrintStream out = System.out;
        System.setOut(System.err);
        JobLanguageServer server = new JobLanguageServer(System::exit);
        Launcher<LanguageClient> launcher = launcher(server, in, out);
        try {
            launcher.startListening().get();
        } catch (ExecutionException e) {
            LOG.log(Level.SEVERE, "the message loop failed", e);
        }
        // The client closed our input without "exit": nobody is left to talk to.
        System.exit(server.exitCode());
    }

    /**
     * The answer to a request that failed. lsp4j's own puts the stack trace in the answer, which
     * the editor shows to the user; here it goes to the log and the answer says what failed.
     */
    static ResponseError responseError(Throwable failure) {
        Throwable cause = failure instanceof CompletionException || failure instanceof InvocationTargetException
                ? Objects.requireNonNullElse(failure.getCause(), failure)
                : failure;
        if (cause instanceof ResponseErrorException e) {
            return e.getResponseError();
        }
        LOG.log(Level.WARNING, "a request failed", cause);
        return new ResponseError(ResponseErrorCode.InternalError, "Internal error: " + cause, null);
    }

    /**
     * What the command line asks for: null to serve, or the exit status once the help, the version
     * or what is wrong with the arguments has been printed (0, or 2 for a usage error).
     */
    static Integer options(String[] args, PrintStream out, PrintStream err) {
        for (String arg : args) {
            switch (arg) {
                case "--stdio" -> {}
                case "-h", "--help" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "-V", "--version" -> {
                    out.println("hubjobs-lsp " + JobLanguageServer.version());
                    return 0;
                }
                default -> {
                    err.println("hubjobs-lsp: unknown argument: " + arg);
                    err.print(USAGE);
                    return 2;
                }
            }
        }
        return null;
    }

    /** The server connected to a pair of streams; what {@code main} runs, and what tests drive over pipes. */
    static Launcher<LanguageClient> launcher(JobLanguageServer server, InputStream in, OutputStream out) {
        MessageFramingInputStream frames = new MessageFramingInputStream(in);
        Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>() {
            private MessageJsonHandler json;
            private RemoteEndpoint endpoint;

            @Override
            protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler handler) {
                json = handler;
                endpoint = super.createRemoteEndpoint(handler);
                return endpoint;
            }

            @Override
            protected ConcurrentMessageProcessor createMessageProcessor(
                    MessageProducer lsp4jReader, MessageConsumer consumer, LanguageClient client) {
                // Our reader instead of lsp4j's, which one bad message can leave deaf (see MessageReader).
                return new ConcurrentMessageProcessor(
                        new MessageReader(frames, json, endpoint), new LifecycleGate(server, endpoint, consumer));
            }
        }.setLocalService(server)
                .setRemoteInterface(LanguageClient.class)
                .setInput(frames)
                .setOutput(out)
                .setExceptionHandler(JobServerLauncher::responseError)
                .create();
        server.connect(launcher.getRemoteProxy());
        return launcher;
    }
}
