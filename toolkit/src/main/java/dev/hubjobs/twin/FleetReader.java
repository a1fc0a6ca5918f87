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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
     * Turns a twin into what the caller keeps of it (a row, an id, a group's contribution), or
     * null to keep nothing. Runs on the thread that parsed the twin, several at once when the
     * read is parallel, so it must be thread-safe; it may see a twin that turns out to be a
     * duplicate, whose result is then dropped.
     */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(TwinObject twin);
    }

    /** Takes the mapped twins in file order, on the calling thread; false stops reading. */
    @FunctionalInterface
    public interface OrderedSink<T> {
        boolean accept(T value);
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

    /** The bytes of NDJSON (or export records) handed to one parsing task. */
    static final int CHUNK_BYTES = 1 << 20;

    private final Format forced;
    private final ProgressListener progress;
    private final Mapper<?> mapper;

    @SuppressWarnings("rawtypes")
    private final OrderedSink sink;

    private final int threads;
    private final int chunkBytes;
    private final KeyFilter filter;
    /** {@link #filter} for export records ({@link KeyFilter#forExport}), made once. */
    private final KeyFilter exportFilter;

    private final Interner interner;
    private final IdSet ids = new IdSet();
    private final List<LoadProblem> problems = new ArrayList<>();
    private long problemCount;
    private long twins;
    private boolean gaveUp;
    private String file;
    private long totalBytes;
    private long doneBytes;
    private long lastReported;
    private boolean stopped;
    private ExecutorService pool;
    private ThreadLocal<Interner> workerInterners;

    private FleetReader(
            Format forced,
            ProgressListener progress,
            int threads,
            int chunkBytes,
            KeyFilter filter,
            Mapper<?> mapper,
            OrderedSink<?> sink) {
        this.forced = forced;
        this.progress = progress;
        this.threads = Math.max(1, threads);
        this.chunkBytes = chunkBytes;
        this.filter = filter;
        this.exportFilter = filter == null ? null : filter.forExport();
        this.mapper = mapper;
        this.sink = sink;
        // Twins handed to a mapper are dropped after it: sharing their values would only fill tables.
        this.interner = mapper == IDENTITY ? new Interner() : Interner.forStreaming();
    }

    private static final Mapper<TwinObject> IDENTITY = t -> t;

    private static Mapper<TwinObject> identity() {
        return IDENTITY;
    }

    private static OrderedSink<TwinObject> all(Sink sink) {
        return t -> {
            sink.accept(t);
            return true;
        };
    }

    /** The number of threads a parallel read uses: one per processor. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Reads a file, a pipe or a directory of fleet files (its regular files, in name order; hidden
     * files and links leading out of it are skipped). {@code format} null: detected per file.
     *
     * @throws IOException when the path cannot be opened or read at all
     */
    public static Summary read(Path path, Format format, ProgressListener progress, Sink sink) throws IOException {
        return new FleetReader(format, progress, 1, CHUNK_BYTES, null, identity(), all(sink)).readPath(path);
    }

    /**
     * Reads a file, a pipe or a directory as {@link #read(Path, Format, ProgressListener, Sink)}
     * does, keeping only what {@code mapper} makes of each twin: records of one twin per line are
     * cut into chunks at line breaks and parsed and mapped on {@code threads} threads; the
     * results reach {@code sink} in file order all the same, with the same problems at the same
     * lines. A JSON array is read on the calling thread. When {@code sink} returns false reading
     * stops, and the records after that point are not reported on.
     */
    public static <T> Summary scan(
            Path path,
            Format format,
            ProgressListener progress,
            int threads,
            Mapper<? extends T> mapper,
            OrderedSink<? super T> sink)
            throws IOException {
        return scan(path, format, progress, threads, (List<List<String>>) null, mapper, sink);
    }

    /** {@link #scan(Path, Format, ProgressListener, int, Mapper, OrderedSink)} of a stream. */
    public static <T> Summary scan(
            InputStream in,
            String name,
            long totalBytes,
            Format format,
            ProgressListener progress,
            int threads,
            Mapper<? extends T> mapper,
            OrderedSink<? super T> sink)
            throws IOException {
        return scan(in, name, totalBytes, format, progress, threads, CHUNK_BYTES, null, mapper, sink);
    }

    /**
     * {@link #scan(Path, Format, ProgressListener, int, Mapper, OrderedSink)} for a mapper that reads
     * only these {@code paths} of a twin (each a list of names, matched as a query matches them);
     * the parser skips the rest of each record without building it, so the twins the mapper sees
     * hold only those paths and the ids. {@code paths} null: whole twins.
     */
    public static <T> Summary scan(
            Path path,
            Format format,
            ProgressListener progress,
            int threads,
            List<List<String>> paths,
            Mapper<? extends T> mapper,
            OrderedSink<? super T> sink)
            throws IOException {
        return new FleetReader(format, progress, threads, CHUNK_BYTES, filter(paths), mapper, sink).readPath(path);
    }

    /** {@link #scan(Path, Format, ProgressListener, int, List, Mapper, OrderedSink)} of a stream. */
    public static <T> Summary scan(
            InputStream in,
            String name,
            long totalBytes,
            Format format,
            ProgressListener progress,
            int threads,
            List<List<String>> paths,
            Mapper<? extends T> mapper,
            OrderedSink<? super T> sink)
            throws IOException {
        return scan(in, name, totalBytes, format, progress, threads, CHUNK_BYTES, filter(paths), mapper, sink);
    }

    private static KeyFilter filter(List<List<String>> paths) {
        return paths == null ? null : KeyFilter.of(paths);
    }

    static <T> Summary scan(
            InputStream in,
            String name,
            long totalBytes,
            Format format,
            ProgressListener progress,
            int threads,
            int chunkBytes,
            KeyFilter filter,
            Mapper<? extends T> mapper,
            OrderedSink<? super T> sink)
            throws IOException {
        FleetReader reader = new FleetReader(format, progress, threads, chunkBytes, filter, mapper, sink);
        reader.totalBytes = totalBytes;
        try {
            reader.readStream(in, name);
        } finally {
            reader.close();
        }
        return reader.summary();
    }

    private Summary readPath(Path path) throws IOException {
        try {
            if (Files.isDirectory(path)) {
                List<Path> files = filesOf(path);
                for (Path f : files) {
                    totalBytes += Files.size(f);
                }
                for (Path f : files) {
                    if (gaveUp || stopped) {
                        break;
                    }
                    readFile(f);
                }
            } else {
                totalBytes = Files.isRegularFile(path) ? Files.size(path) : -1;
                readFile(path);
            }
        } finally {
            close();
        }
        return summary();
    }

    private void close() {
        if (pool != null) {
            pool.shutdownNow();
            pool = null;
        }
    }

    /** Reads one stream; {@code name} names it in problems, {@code totalBytes} is -1 when unknown. */
    public static Summary read(
            InputStream in, String name, long totalBytes, Format format, ProgressListener progress, Sink sink)
            throws IOException {
        return scan(in, name, totalBytes, format, progress, 1, CHUNK_BYTES, null, identity(), all(sink));
    }

    private Summary summary() {
        progress.progress(totalBytes < 0 ? doneBytes : totalBytes, totalBytes, twins);
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
            problem(
                    0,
                    gzip
                            ? "the gzip data is cut off; the twins read before the cut are kept"
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
        } while ((b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) && seen < 8);
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
                    problem(
                            p.currentLocation().getLineNr(),
                            "the array of twins is cut off: " + read + " twins read, anything after this line is lost");
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
                    value = filter == null
                            ? TwinJson.read(p, interner, start + MAX_RECORD_BYTES)
                            : TwinJson.read(p, interner, filter, start + MAX_RECORD_BYTES);
                } catch (TwinJson.RecordTooLarge e) {
                    skipToTheArray(p);
                    problem(line, "the record is longer than " + (MAX_RECORD_BYTES >> 20) + " MB (skipped)");
                    continue;
                }
                List<Object> events = new ArrayList<>(1);
                check((TwinObject) value, line, false, events);
                if (events.get(0) instanceof Rec r) {
                    if (accept(r, line)) {
                        read++;
                    }
                } else {
                    problem(line, ((Prob) events.get(0)).message);
                }
                report(p.currentLocation().getByteOffset());
                if (gaveUp || stopped) {
                    return;
                }
            }
            if (p.nextToken() != null) {
                problem(p.currentTokenLocation().getLineNr(), "unexpected content after the array of twins (ignored)");
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problem(
                    line,
                    "invalid JSON, stopped reading here (" + e.getOriginalMessage() + "); " + read
                            + " twins read before it");
        }
    }

    /** Reads on, keeping nothing, to the end of the element the parser is inside of the top-level array. */
    private static void skipToTheArray(JsonParser p) throws IOException {
        while (!(p.getParsingContext().inArray()
                && p.getParsingContext().getParent().inRoot())) {
            if (p.nextToken() == null) {
                return;
            }
        }
    }

    // -- one record per line ------------------------------------------------------------------

    /** A line past this length is skipped; without a line break in this many bytes, the input is no fleet. */
    private static final long GIVE_UP_LINE_BYTES = 64L << 20;

    /**
     * What parsing a chunk of lines found, in file order: {@link Rec}s and {@link Prob}s with
     * lines counted from the chunk's first line (1), and how many lines the chunk holds.
     */
    private static final class Chunk {
        final List<Object> events = new ArrayList<>();
        long lines;
        byte[] buffer;
    }

    /** A twin read: the hash of its ids, the ids themselves for a duplicate's message, the mapped value. */
    private record Rec(long hash, long line, String deviceId, String moduleId, Object mapped) {}

    private record Prob(long line, String message) {}

    /**
     * Cuts the input into chunks that end at a line break and hands them to the parsing threads
     * (or parses them here, with one thread); merges their results in file order. A line never
     * spans two chunks: a chunk without a line break grows until it holds one, up to the record
     * limit. CR before LF is white space at the end of the line, and a line break byte is never
     * inside a JSON string (a string cannot hold a raw line break), so cutting at one is safe.
     */
    private void readLines(InputStream in, boolean export) throws IOException {
        Boolean exportRecords = export ? Boolean.TRUE : forced == Format.NDJSON ? Boolean.FALSE : null;
        ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
        ArrayDeque<byte[]> spare = new ArrayDeque<>();
        int inFlight = 2 * threads;
        byte[] buf = new byte[chunkBytes];
        int end = 0;
        long line = 0;
        boolean eof = false;
        try {
            while (!gaveUp && !stopped) {
                try {
                    while (end < buf.length && !eof) {
                        // Small reads: what one read call decompressed is lost when it fails.
                        int n = in.read(buf, end, Math.min(buf.length - end, 1 << 16));
                        if (n < 0) {
                            eof = true;
                        } else {
                            end += n;
                        }
                    }
                } catch (IOException e) {
                    // Cut off or damaged (gzip): the whole lines read before still count.
                    int cut = lastIndexOf(buf, end, (byte) '\n') + 1;
                    if (cut > 0) {
                        if (exportRecords == null) {
                            exportRecords = decide(buf, 0, cut);
                        }
                        line = submit(buf, cut, exportRecords == Boolean.TRUE, line, pending, spare, inFlight);
                    }
                    line = drain(line, pending, spare);
                    throw e;
                }
                if (end == 0) {
                    break;
                }
                int cut = eof ? end : lastIndexOf(buf, end, (byte) '\n') + 1;
                if (cut == 0) {
                    if (end <= MAX_RECORD_BYTES) {
                        // A line longer than the buffer: room for it, up to one byte past the limit.
                        buf = Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_RECORD_BYTES + 1));
                        continue;
                    }
                    line = drain(line, pending, spare);
                    Chunk skipped = new Chunk();
                    skipped.lines = 1;
                    skipped.events.add(
                            new Prob(1, "the line is longer than " + (MAX_RECORD_BYTES >> 20) + " MB (skipped)"));
                    line = merge(skipped, line, spare);
                    if (!skipLine(in)) {
                        giveUp(
                                line,
                                "no line break in " + (GIVE_UP_LINE_BYTES >> 20) + " MB: this is not a"
                                        + " fleet of one twin per line");
                        return;
                    }
                    end = 0;
                    continue;
                }
                if (exportRecords == null) {
                    exportRecords = decide(buf, 0, cut);
                }
                byte[] next = end - cut <= chunkBytes && !spare.isEmpty()
                        ? spare.pop()
                        : new byte[Math.max(chunkBytes, end - cut)];
                System.arraycopy(buf, cut, next, 0, end - cut);
                line = submit(buf, cut, exportRecords == Boolean.TRUE, line, pending, spare, inFlight);
                buf = next;
                end -= cut;
            }
            drain(line, pending, spare);
        } finally {
            pending.forEach(f -> f.cancel(true));
        }
    }

    /** Merges every chunk under way, in order (unless reading stops). */
    private long drain(long line, ArrayDeque<Future<Chunk>> pending, ArrayDeque<byte[]> spare) throws IOException {
        while (!pending.isEmpty() && !gaveUp && !stopped) {
            line = merge(take(pending.poll()), line, spare);
        }
        return line;
    }

    /** Parses a chunk here or on the pool; merges the oldest results once enough are under way. */
    private long submit(
            byte[] buf,
            int to,
            boolean export,
            long line,
            ArrayDeque<Future<Chunk>> pending,
            ArrayDeque<byte[]> spare,
            int inFlight)
            throws IOException {
        if (threads == 1) {
            return merge(parseChunk(buf, to, export, interner), line, spare);
        }
        if (pool == null) {
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "fleet-reader");
                t.setDaemon(true);
                return t;
            });
            workerInterners = ThreadLocal.withInitial(mapper == IDENTITY ? Interner::new : Interner::forStreaming);
        }
        pending.add(pool.submit(() -> parseChunk(buf, to, export, workerInterners.get())));
        while (pending.size() >= inFlight && !gaveUp && !stopped) {
            line = merge(take(pending.poll()), line, spare);
        }
        return line;
    }

    private static Chunk take(Future<Chunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the fleet");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Hands a chunk's twins and problems on in order; returns the line count after it. */
    private long merge(Chunk chunk, long line, ArrayDeque<byte[]> spare) {
        for (Object e : chunk.events) {
            if (gaveUp || stopped) {
                break;
            }
            if (e instanceof Rec r) {
                accept(r, line + r.line);
            } else {
                Prob p = (Prob) e;
                problem(line + p.line, p.message);
            }
        }
        if (chunk.buffer != null && chunk.buffer.length == chunkBytes && spare.size() < 2 * threads + 2) {
            spare.push(chunk.buffer);
        }
        report(doneBytes);
        return line + chunk.lines;
    }

    /** Parses the lines of {@code buf[0, to)}; on whichever thread, touching nothing of the reader's. */
    private Chunk parseChunk(byte[] buf, int to, boolean export, Interner interner) {
        Chunk chunk = new Chunk();
        int start = 0;
        long line = 0;
        while (start < to) {
            int nl = LineBreaks.next(buf, start, to);
            int lineEnd = nl < 0 ? to : nl;
            line++;
            parseLine(buf, start, lineEnd, line, export, interner, chunk.events);
            start = lineEnd + 1;
        }
        chunk.lines = line;
        chunk.buffer = buf;
        return chunk;
    }

    /** Whether the records are export records, by the first line that is a JSON object; null if none is. */
    private Boolean decide(byte[] buf, int from, int to) {
        int start = from;
        while (start < to) {
            int nl = LineBreaks.next(buf, start, to);
            int lineEnd = nl < 0 ? to : nl;
            TwinObject record = parseObject(buf, start, lineEnd, interner, null, null, 0);
            if (record != null) {
                return ExportDevices.isExportRecord(record);
            }
            start = lineEnd + 1;
        }
        return null;
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

    /** Reads one line into an event: a twin, a problem, or nothing for a blank line. */
    private void parseLine(
            byte[] buf, int start, int end, long line, boolean export, Interner interner, List<Object> events) {
        TwinObject record = parseObject(buf, start, end, interner, export ? exportFilter : filter, events, line);
        if (record != null) {
            check(export ? ExportDevices.toTwin(record, interner) : record, line, export, events);
        }
    }

    /** The line's JSON object, or null after adding a problem (none for a blank line) to {@code events}. */
    private static TwinObject parseObject(
            byte[] buf, int start, int end, Interner interner, KeyFilter filter, List<Object> events, long line) {
        while (end > start && isSpace(buf[end - 1])) {
            end--;
        }
        while (start < end && isSpace(buf[start])) {
            start++;
        }
        if (start == end) {
            return null;
        }
        // Jackson guesses the encoding from the first four bytes, where a NUL means UTF-16 or
        // UTF-32; further on, a NUL is a control character that Jackson reports itself.
        if (indexOf(buf, start, Math.min(end, start + 4), (byte) 0) >= 0) {
            add(events, line, "the line is not UTF-8 JSON text (it holds a NUL byte)");
            return null;
        }
        // Most lines are plain JSON that the scanner reads faster than Jackson; it leaves the rest,
        // and every error message, to Jackson.
        TwinObject scanned = RecordScanner.read(buf, start, end, interner, filter == null ? KeyFilter.ALL : filter);
        if (scanned != null) {
            return scanned;
        }
        try (JsonParser p = TwinJson.FACTORY.createParser(buf, start, end - start)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                add(events, line, "a twin must be a JSON object, found " + describe(t));
                return null;
            }
            TwinObject record = (TwinObject)
                    (filter == null ? TwinJson.read(p, interner, Long.MAX_VALUE) : TwinJson.read(p, interner, filter));
            if (p.nextToken() != null) {
                add(events, line, "more than one JSON value on the line (one twin per line)");
                return null;
            }
            return record;
        } catch (IOException e) {
            // JsonProcessingException, and CharConversionException for bytes that are no UTF-8.
            add(
                    events,
                    line,
                    "invalid JSON ("
                            + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()) + ")");
            return null;
        }
    }

    private static void add(List<Object> events, long line, String message) {
        if (events != null) {
            events.add(new Prob(line, message));
        }
    }

    // -- records ------------------------------------------------------------------------------

    /** Checks a twin's ids and maps it, adding a {@link Rec} or a {@link Prob} to {@code events}. */
    private void check(TwinObject twin, long line, boolean export, List<Object> events) {
        Object deviceId = twin.get("deviceId");
        if (!(deviceId instanceof String id) || id.isEmpty()) {
            events.add(new Prob(
                    line,
                    deviceId == null
                            ? (export ? "the export record has no \"id\"" : "the twin has no \"deviceId\"")
                            : "\"deviceId\" must be a non-empty string"));
            return;
        }
        Object moduleId = twin.get("moduleId");
        if (moduleId != null && !(moduleId instanceof String m && !m.isEmpty())) {
            events.add(new Prob(line, "\"moduleId\" must be a non-empty string"));
            return;
        }
        events.add(new Rec(IdSet.hash(id, (String) moduleId), line, id, (String) moduleId, mapper.map(twin)));
    }

    /** Hands a twin on unless its ids came earlier; true when it was handed on. */
    @SuppressWarnings("unchecked")
    private boolean accept(Rec r, long line) {
        if (!ids.addHash(r.hash)) {
            problem(
                    line,
                    "another twin with deviceId '" + r.deviceId + "'"
                            + (r.moduleId == null ? "" : " and moduleId '" + r.moduleId + "'")
                            + " came earlier; a hub holds one (this one is skipped)");
            return false;
        }
        twins++;
        if (r.mapped != null && !sink.accept(r.mapped)) {
            stopped = true;
        }
        return true;
    }

    private void problem(long line, String message) {
        problemCount++;
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new LoadProblem(file, line, message));
        }
        if (problemCount > GIVE_UP_AFTER && problemCount > twins && !gaveUp) {
            giveUp(
                    line,
                    "more than " + GIVE_UP_AFTER + " records could not be read and fewer twins could:"
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
            progress.progress(bytes, totalBytes, twins);
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
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : "'" + t.asString() + "'";
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static int lastIndexOf(byte[] buf, int to, byte b) {
        for (int i = to - 1; i >= 0; i--) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
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
