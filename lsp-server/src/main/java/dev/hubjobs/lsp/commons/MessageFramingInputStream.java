package dev.hubjobs.lsp.commons;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * Passes only well-framed messages ({@code Content-Length: n}, blank line, n bytes) on to lsp4j.
 *
 * <p>lsp4j's reader never finds its way back after one bad frame: a missing or unreadable
 * {@code Content-Length} makes it read the following body as headers, and every later message is
 * lost while the process stays alive. This stream drops what cannot be framed and resynchronises
 * at the next {@code Content-Length} header, wherever it starts, so broken input costs the broken
 * message and not the session. A frame whose body is not JSON still comes through; whoever parses
 * it reports it and reads on.
 *
 * <p>Read as a stream it passes the frames on re-serialised; {@link #nextBody()} gives one body at
 * a time, for a reader that parses each message on its own (the server's {@code MessageReader}).
 */
public final class MessageFramingInputStream extends InputStream {

    private static final Logger LOG = Logger.getLogger(MessageFramingInputStream.class.getName());
    private static final String HEADER = "content-length:";
    /** A header line longer than this is garbage; reading it whole could exhaust the heap. */
    private static final int MAX_LINE = 8192;
    /** Larger than any document the toolkit accepts (4 MB of text, escaped). */
    private static final int MAX_BODY = 128 * 1024 * 1024;

    private final InputStream in;
    private byte[] frame = new byte[0];
    private int position;

    public MessageFramingInputStream(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return frame[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, frame.length - position);
        System.arraycopy(frame, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return frame.length - position;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private boolean fill() throws IOException {
        while (position == frame.length) {
            byte[] body = nextBody();
            if (body == null) {
                return false;
            }
            byte[] head = ("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            frame = new byte[head.length + body.length];
            System.arraycopy(head, 0, frame, 0, head.length);
            System.arraycopy(body, 0, frame, head.length, body.length);
            position = 0;
        }
        return true;
    }

    /** The body of the next well-formed frame; null at the end of the input. */
    public byte[] nextBody() throws IOException {
        int length = -1;
        boolean sawHeader = false;
        while (true) {
            String line = readLine();
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (length >= 0) {
                    byte[] body = in.readNBytes(length);
                    return body.length < length ? null : body;
                }
                if (sawHeader) {
                    LOG.warning("dropped a message without a readable Content-Length");
                }
                sawHeader = false;
                continue;
            }
            int at = lastHeader(line);
            if (at > 0 || at < 0 && !sawHeader) {
                LOG.warning("skipped input that is not a message header: "
                        + abbreviate(at > 0 ? line.substring(0, at) : line));
            }
            if (at >= 0) {
                // A header, possibly after garbage on the same line: start a new frame here.
                sawHeader = true;
                length = parseLength(line.substring(at + HEADER.length()).trim());
            } else if (!sawHeader) {
                length = -1;
            }
        }
    }

    /**
     * Where the last {@code Content-Length:} of a line starts, in any case, or -1. Found in the line
     * itself: a lower-cased copy can be longer (U+0130 lower-cases to two characters), and its
     * offsets do not fit the line.
     */
    private static int lastHeader(String line) {
        for (int at = line.length() - HEADER.length(); at >= 0; at--) {
            if (line.regionMatches(true, at, HEADER, 0, HEADER.length())) {
                return at;
            }
        }
        return -1;
    }

    private static int parseLength(String value) {
        try {
            int n = Integer.parseInt(value);
            return n >= 0 && n <= MAX_BODY ? n : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A line without its terminator (LF or CRLF), cut at {@link #MAX_LINE}; null at the end. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (line.size() < MAX_LINE) {
                line.write(c);
            }
        }
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
