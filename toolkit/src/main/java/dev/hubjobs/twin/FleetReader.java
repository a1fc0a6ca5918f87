package dev.hubjobs.twin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads fleets as users have them, one twin at a time, in file order: a JSON array of twins (what
 * {@code az iot hub query} prints), NDJSON (one twin per line), the export-devices format of
 * {@code az iot hub device-identity export} ({@link ExportDevices}), any of them gzip-compressed,
 * a pipe, or a directory of such files. The format is detected per file, or given.
 *
 * <p>Any input costs bounded memory: a record is at most {@link #MAX_RECORD_BYTES}, at most
 * {@link #MAX_LISTED_PROBLEMS} problems are kept (the rest are counted), and reading gives up when
 * more than {@link #GIVE_UP_AFTER} records could not be read and fewer twins could: that input is
 * not a fleet. Text is UTF-8, whatever its first bytes suggest. A record that is not a twin is
 * reported with its file and line and skipped, and so is a second twin with the same deviceId
 * (and moduleId); the good records are read all the same. Not thread-safe: one reader per read.
 */
public final class FleetReader {

    /** How a file holds its twins. */
    public enum Format {
        /** A JSON array of twins. */
        ARRAY,
        /** One twin per line. */
        NDJSON,
        /** One {@code ExportImportDevice} per line, as the export-devices job writes them. */
        EXPORT
    }

    /** Takes each twin as it is read. */
    @FunctionalInterface
    public interface Sink {
        void accept(TwinObject twin);
    }

    /**
     * What a read found besides the twins.
     *
     * @param problems the first {@link #MAX_LISTED_PROBLEMS} problems, in file order
     * @param problemCount every problem, listed or not
     * @param gaveUp whether reading stopped because the input is not a fleet
     */
    public record Summary(long twins, List<LoadProblem> problems, long problemCount, boolean gaveUp) {
        public Summary {
            problems = List.copyOf(problems);
        }
    }

    /** The largest record read: far more than a twin can hold (the service keeps each section under 32 KB). */
    public static final int MAX_RECORD_BYTES = 4 << 20;
    public static final int MAX_LISTED_PROBLEMS = 100;
    /** Problems past which, with fewer twins read, the input is taken not to be a fleet. */
    public static final int GIVE_UP_AFTER = 1000;

    private static final int PROGRESS_STEP = 1 << 20;

    private final Format forced;
    private final ProgressListener progress;
    private final Sink sink;
    private final Interner interner = new Interner();
    private final IdSet ids = new IdSet();
    private final List<LoadProblem> problems = new ArrayList<>();
    private long problemCount;
    private long twins;
    private boolean gaveUp;
    private String file;
    private long totalBytes;
    private long doneBytes;
    private long lastReported;

    private FleetReader(Format forced, ProgressListener progress, Sink sink) {
        this.forced = forced;
        this.progress = progress;
        this.sink = sink;
    }

    /**
     * Reads a file, a pipe or a directory of fleet files (its regular files, in name order; hidden
     * files and links leading out of it are skipped). {@code format} null: detected per file.
     *
     * @throws IOException when the path cannot be opened or read at all
     */
    public static Summary read(Path path, Format format, ProgressListener progress, Sink sink) throws IOException {
        FleetReader reader = new FleetReader(format, progress, sink);
        if (Files.isDirectory(path)) {
            List<Path> files = reader.filesOf(path);
            for (Path f : files) {
                reader.totalBytes += Files.size(f);
            }
            for (Path f : files) {
                if (reader.gaveUp) {
                    break;
                }
                reader.readFile(f);
            }
        } else {
            reader.totalBytes = Files.isRegularFile(path) ? Files.size(path) : -1;
            reader.readFile(path);
        }
        return reader.summary();
    }

    /** Reads one stream; {@code name} names it in problems, {@code totalBytes} is -1 when unknown. */
    public static Summary read(InputStream in, String name, long totalBytes, Format format, ProgressListener progress,
            Sink sink) throws IOException {
        FleetReader reader = new FleetReader(format, progress, sink);
        reader.totalBytes = totalBytes;
        reader.readStream(in, name);
        return reader.summary();
    }

    private Summary summary() {
        progress.progress(totalBytes < 0 ? doneBytes : totalBytes, totalBytes);
        return new Summary(twins, problems, problemCount, gaveUp);
    }

    private List<Path> filesOf(Path dir) throws IOException {
        Path realDir = dir.toRealPath();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".") || !Files.isRegularFile(p)) {
                    continue;
                }
                if (Files.isSymbolicLink(p) && !p.toRealPath().startsWith(realDir)) {
                    file = p.toString();
                    problem(0, "a link to a file outside " + dir + " (skipped)");
                    continue;
                }
                files.add(p);
            }
        }
        return files;
    }

    private void readFile(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        if (!Files.isReadable(path)) {
            throw new java.nio.file.AccessDeniedException(path.toString());
        }
        // FileInputStream reads pipes (/dev/stdin, <(zcat f.gz)), which a channel cannot.
        try (InputStream in = new FileInputStream(path.toFile())) {
            readStream(in, path.toString());
        }
    }

    private void readStream(InputStream raw, String name) throws IOException {
        file = name;
        BufferedInputStream in = new BufferedInputStream(new Counted(raw, this), 1 << 16);
        in.mark(2);
        boolean gzip = in.read() == 0x1F && in.read() == 0x8B;
        in.reset();
        InputStream text = in;
        if (gzip) {
            text = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        try {
            read(text);
        } catch (EOFException e) {
            problem(0, gzip ? "the gzip data is cut off; the twins read before the cut are kept"
                    : "the file ends early: " + e.getMessage());
        } catch (java.util.zip.ZipException e) {
            problem(0, "the gzip data is damaged (" + e.getMessage() + "); the twins read before are kept");
        }
    }

    private void read(InputStream in) throws IOException {
        in.mark(8);
        int first = firstSignificantByte(in);
        in.reset();
        Format format = forced != null ? forced : first == '[' ? Format.ARRAY : Format.NDJSON;
        if (format == Format.ARRAY) {
            readArray(in);
        } else if (first >= 0) {
            readLines(in, format == Format.EXPORT);
        }
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

    // -- a JSON array ---------------------------------------------------------------------------

    private void readArray(InputStream in) throws IOException {
        in.mark(4);
        byte[] head = in.readNBytes(4);
        in.reset();
        for (byte b : head) {
            if (b == 0) {
                // Jackson would take the zero bytes for UTF-16 or UTF-32; fleets are UTF-8.
                problem(1, "the file is not UTF-8 JSON text (it holds NUL bytes); nothing read");
                return;
            }
        }
        long read = 0;
        try (JsonParser p = TwinJson.FACTORY.createParser(in)) {
            p.nextToken();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    problem(p.currentLocation().getLineNr(), "the array of twins is cut off: " + read
                            + " twins read, anything after this line is lost");
                    return;
                }
                long line = p.currentTokenLocation().getLineNr();
                long start = p.currentTokenLocation().getByteOffset();
                if (t != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    problem(line, "a twin must be a JSON object, found " + describe(t));
                    continue;
                }
                Object value;
                try {
                    value = TwinJson.read(p, interner, start + MAX_RECORD_BYTES);
                } catch (TwinJson.RecordTooLarge e) {
                    skipToTheArray(p);
                    problem(line, "the record is longer than " + (MAX_RECORD_BYTES >> 20) + " MB (skipped)");
                    continue;
                }
                if (accept((TwinObject) value, line, false)) {
                    read++;
                }
                report(p.currentLocation().getByteOffset());
                if (gaveUp) {
                    return;
                }
            }
            if (p.nextToken() != null) {
                problem(p.currentTokenLocation().getLineNr(), "unexpected content after the array of twins (ignored)");
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problem(line, "invalid JSON, stopped reading here (" + e.getOriginalMessage() + "); " + read
                    + " twins read before it");
        }
    }

    /** Reads on, keeping nothing, to the end of the element the parser is inside of the top-level array. */
    private static void skipToTheArray(JsonParser p) throws IOException {
        while (!(p.getParsingContext().inArray() && p.getParsingContext().getParent().inRoot())) {
            if (p.nextToken() == null) {
                return;
            }
        }
    }

    // -- one record per line ------------------------------------------------------------------

    /** A line past this length is skipped; without a line break in this many bytes, the input is no fleet. */
    private static final long GIVE_UP_LINE_BYTES = 64L << 20;

    private void readLines(InputStream in, boolean export) throws IOException {
        byte[] buf = new byte[1 << 16];
        int start = 0;
        int end = 0;
        long line = 0;
        boolean eof = false;
        Boolean exportRecords = export ? Boolean.TRUE : forced == Format.NDJSON ? Boolean.FALSE : null;
        while (!gaveUp) {
            int nl = indexOf(buf, start, end, (byte) '\n');
            if (nl < 0) {
                if (eof) {
                    if (start < end) {
                        exportRecords = readLine(buf, start, end, ++line, exportRecords);
                    }
                    return;
                }
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                if (end > MAX_RECORD_BYTES) {
                    line++;
                    problem(line, "the line is longer than " + (MAX_RECORD_BYTES >> 20) + " MB (skipped)");
                    if (!skipLine(in)) {
                        giveUp(line, "no line break in " + (GIVE_UP_LINE_BYTES >> 20) + " MB: this is not a"
                                + " fleet of one twin per line");
                        return;
                    }
                    start = 0;
                    end = 0;
                    continue;
                }
                if (end == buf.length) {
                    // A line longer than the buffer: room for it, up to one byte past the limit.
                    buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD_BYTES + 1));
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    eof = true;
                } else {
                    end += n;
                }
                continue;
            }
            exportRecords = readLine(buf, start, nl, ++line, exportRecords);
            start = nl + 1;
            report(doneBytes);
        }
    }

    /** Reads on past the next line break; false when there is none within {@link #GIVE_UP_LINE_BYTES}. */
    private static boolean skipLine(InputStream in) throws IOException {
        long skipped = 0;
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return true;
            }
            if (++skipped > GIVE_UP_LINE_BYTES) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads one line; {@code exportRecords} says whether records are export-devices records (null:
     * not known yet, decided by the first object). Returns what is known after the line.
     */
    private Boolean readLine(byte[] buf, int start, int end, long line, Boolean exportRecords) {
        while (end > start && isSpace(buf[end - 1])) {
            end--;
        }
        while (start < end && isSpace(buf[start])) {
            start++;
        }
        if (start == end) {
            return exportRecords;
        }
        if (indexOf(buf, start, end, (byte) 0) >= 0) {
            problem(line, "the line is not UTF-8 JSON text (it holds a NUL byte)");
            return exportRecords;
        }
        try (JsonParser p = TwinJson.FACTORY.createParser(buf, start, end - start)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                problem(line, "a twin must be a JSON object, found " + describe(t));
                return exportRecords;
            }
            TwinObject record = (TwinObject) TwinJson.read(p, interner, Long.MAX_VALUE);
            if (p.nextToken() != null) {
                problem(line, "more than one JSON value on the line (one twin per line)");
                return exportRecords;
            }
            if (exportRecords == null) {
                exportRecords = ExportDevices.isExportRecord(record);
            }
            accept(exportRecords ? ExportDevices.toTwin(record, interner) : record, line, exportRecords);
        } catch (IOException e) {
            // JsonProcessingException, and CharConversionException for bytes that are no UTF-8.
            problem(line, "invalid JSON (" + (e instanceof JsonProcessingException j ? j.getOriginalMessage()
                    : e.getMessage()) + ")");
        }
        return exportRecords;
    }

    // -- records ------------------------------------------------------------------------------

    /** Hands a twin to the sink, or reports why not; true when it was handed on. */
    private boolean accept(TwinObject twin, long line, boolean export) {
        Object deviceId = twin.get("deviceId");
        if (!(deviceId instanceof String id) || id.isEmpty()) {
            problem(line, deviceId == null
                    ? (export ? "the export record has no \"id\"" : "the twin has no \"deviceId\"")
                    : "\"deviceId\" must be a non-empty string");
            return false;
        }
        Object moduleId = twin.get("moduleId");
        if (moduleId != null && !(moduleId instanceof String m && !m.isEmpty())) {
            problem(line, "\"moduleId\" must be a non-empty string");
            return false;
        }
        if (!ids.add(id, (String) moduleId)) {
            problem(line, "another twin with deviceId '" + id + "'" + (moduleId == null ? "" : " and moduleId '"
                    + moduleId + "'") + " came earlier; a hub holds one (this one is skipped)");
            return false;
        }
        twins++;
        sink.accept(twin);
        return true;
    }

    private void problem(long line, String message) {
        problemCount++;
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new LoadProblem(file, line, message));
        }
        if (problemCount > GIVE_UP_AFTER && problemCount > twins && !gaveUp) {
            giveUp(line, "more than " + GIVE_UP_AFTER + " records could not be read and fewer twins could:"
                    + " this does not look like a fleet");
        }
    }

    private void giveUp(long line, String message) {
        gaveUp = true;
        problemCount++;
        problems.add(new LoadProblem(file, line, message + "; stopped reading"));
    }

    private void report(long bytes) {
        if (bytes - lastReported >= PROGRESS_STEP) {
            lastReported = bytes;
            progress.progress(bytes, totalBytes);
        }
    }

    /** Counts the bytes read from the file (of a gzip file, the compressed bytes), for progress. */
    private static final class Counted extends java.io.FilterInputStream {
        private final FleetReader reader;

        Counted(InputStream in, FleetReader reader) {
            super(in);
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                reader.doneBytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                reader.doneBytes += n;
            }
            return n;
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
