package dev.hubjobs.twin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a fleet from a JSON array of twins or from NDJSON (one twin per line), streaming: the
 * file is never held as a whole, only the compact twins are kept.
 *
 * <p>A record that is not a twin (not an object, no string {@code deviceId}, invalid JSON on its
 * NDJSON line) is skipped and reported with its line. In a JSON array a syntax error cannot be
 * stepped over, so loading stops there and says so; NDJSON resumes at the next line.
 */
public final class FleetLoader {

    private static final int PROGRESS_STEP = 1 << 20;

    private final Interner interner = new Interner();
    private final List<TwinObject> twins = new ArrayList<>();
    private final List<LoadProblem> problems = new ArrayList<>();
    private final ProgressListener progress;
    private final long totalBytes;
    private long lastReported;

    private FleetLoader(ProgressListener progress, long totalBytes) {
        this.progress = progress;
        this.totalBytes = totalBytes;
    }

    /** Loads a file; an unreadable file is an {@link IOException}, bad records are problems. */
    public static FleetLoad load(Path file, ProgressListener progress) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return load(in, size, progress);
        }
    }

    public static FleetLoad load(InputStream in, long totalBytes, ProgressListener progress) throws IOException {
        FleetLoader loader = new FleetLoader(progress, totalBytes);
        loader.read(new BufferedInputStream(in, 1 << 16));
        return new FleetLoad(Fleet.of(loader.twins), loader.problems);
    }

    public static FleetLoad parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return load(new ByteArrayInputStream(bytes), bytes.length, ProgressListener.NONE);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private void read(BufferedInputStream in) throws IOException {
        in.mark(8);
        int first = firstSignificantByte(in);
        in.reset();
        if (first == '[') {
            readArray(in);
        } else if (first >= 0) {
            readLines(in);
        }
        progress.progress(totalBytes < 0 ? lastReported : totalBytes, totalBytes);
    }

    /** The first byte that is not white space or a UTF-8 byte-order mark, or -1 at the end. */
    private static int firstSignificantByte(InputStream in) throws IOException {
        int b;
        int seen = 0;
        do {
            b = in.read();
            seen++;
        } while ((b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF)
                && seen < 8);
        return b;
    }

    private void readArray(InputStream in) throws IOException {
        long line = 1;
        try (JsonParser p = TwinJson.FACTORY.createParser(in)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    problems.add(new LoadProblem(p.currentLocation().getLineNr(), "the array of twins is not closed"));
                    return;
                }
                line = p.currentTokenLocation().getLineNr();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    problems.add(new LoadProblem(line, "a twin must be a JSON object, found " + describe(t)));
                    continue;
                }
                accept(TwinJson.read(p, interner), line);
                report(p.currentLocation().getByteOffset());
            }
            if (p.nextToken() != null) {
                problems.add(new LoadProblem(p.currentTokenLocation().getLineNr(),
                        "unexpected content after the array of twins (ignored)"));
            }
        } catch (JsonProcessingException e) {
            long at = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new LoadProblem(at,
                    "invalid JSON, stopped reading here (" + e.getOriginalMessage() + ")"));
        } catch (CharConversionException e) {
            problems.add(new LoadProblem(line, "invalid text, stopped reading here (" + e.getMessage() + ")"));
        }
    }

    private void readLines(InputStream in) throws IOException {
        byte[] buf = new byte[1 << 16];
        int start = 0;
        int end = 0;
        long line = 0;
        long consumed = 0;
        boolean eof = false;
        while (true) {
            int nl = indexOf(buf, start, end, (byte) '\n');
            if (nl < 0) {
                if (eof) {
                    if (start < end) {
                        readLine(buf, start, end, ++line);
                    }
                    return;
                }
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2); // a line longer than the buffer
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
                continue;
            }
            readLine(buf, start, nl, ++line);
            consumed += nl + 1 - start;
            start = nl + 1;
            report(consumed);
        }
    }

    private void readLine(byte[] buf, int start, int end, long line) throws IOException {
        while (end > start && isSpace(buf[end - 1])) {
            end--;
        }
        while (start < end && isSpace(buf[start])) {
            start++;
        }
        if (start == end) {
            return;
        }
        try (JsonParser p = TwinJson.FACTORY.createParser(buf, start, end - start)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                problems.add(new LoadProblem(line, "a twin must be a JSON object, found " + describe(t)));
                return;
            }
            Object twin = TwinJson.read(p, interner);
            if (p.nextToken() != null) {
                problems.add(new LoadProblem(line, "more than one JSON value on the line (one twin per line)"));
                return;
            }
            accept(twin, line);
        } catch (JsonProcessingException e) {
            problems.add(new LoadProblem(line, "invalid JSON (" + e.getOriginalMessage() + ")"));
        } catch (CharConversionException e) {
            problems.add(new LoadProblem(line, "invalid text (" + e.getMessage() + ")"));
        }
    }

    private void accept(Object value, long line) {
        TwinObject twin = (TwinObject) value;
        Object deviceId = twin.get("deviceId");
        if (!(deviceId instanceof String id) || id.isEmpty()) {
            problems.add(new LoadProblem(line, deviceId == null
                    ? "the twin has no \"deviceId\""
                    : "\"deviceId\" must be a non-empty string"));
            return;
        }
        Object moduleId = twin.get("moduleId");
        if (moduleId != null && !(moduleId instanceof String m && !m.isEmpty())) {
            problems.add(new LoadProblem(line, "\"moduleId\" must be a non-empty string"));
            return;
        }
        twins.add(twin);
    }

    private void report(long bytes) {
        if (bytes - lastReported >= PROGRESS_STEP) {
            lastReported = bytes;
            progress.progress(bytes, totalBytes);
        }
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static int indexOf(byte[] buf, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
