package dev.hubjobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Reading lines in chunks, on one thread or several, gives the twins and the problems of reading
 * them one by one: chunk boundaries fall inside strings, escapes and CRLF pairs, records are
 * longer than a chunk, and problems keep their lines.
 */
class FleetChunkTest {

    private record Read(List<String> twins, List<String> problems, long problemCount) {}

    private static Read scan(byte[] bytes, int threads, int chunkBytes, KeyFilter filter) throws IOException {
        List<String> twins = new ArrayList<>();
        FleetReader.Summary s = FleetReader.scan(
                new ByteArrayInputStream(bytes),
                "f",
                bytes.length,
                null,
                ProgressListener.NONE,
                threads,
                chunkBytes,
                filter,
                TwinJson::toJson,
                t -> {
                    twins.add(t);
                    return true;
                });
        return new Read(twins, s.problems().stream().map(LoadProblem::toString).toList(), s.problemCount());
    }

    /** Read record by record, the reference: one line per chunk is what reading a line at a time does. */
    private static Read oneByOne(byte[] bytes) throws IOException {
        List<String> twins = new ArrayList<>();
        FleetReader.Summary s = FleetReader.read(
                new ByteArrayInputStream(bytes),
                "f",
                bytes.length,
                null,
                ProgressListener.NONE,
                t -> twins.add(TwinJson.toJson(t)));
        return new Read(twins, s.problems().stream().map(LoadProblem::toString).toList(), s.problemCount());
    }

    /** Lines with escaped line breaks, quotes, non-ASCII text, CRLF endings, blank lines and a few bad records. */
    private static byte[] untidy(int lines, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            switch (r.nextInt(20)) {
                case 0 -> sb.append("{\"deviceId\": \"broken").append(i);
                case 1 -> sb.append("   ");
                case 2 -> sb.append("{\"deviceId\":\"dup\"}");
                case 3 -> sb.append("[1,2]");
                default -> {
                    sb.append("{\"deviceId\":\"d").append(i).append("\",\"tags\":{\"note\":\"");
                    int n = r.nextInt(200);
                    for (int k = 0; k < n; k++) {
                        int c = r.nextInt(8);
                        sb.append(c == 0 ? "\\n" : c == 1 ? "\\r\\n" : c == 2 ? "\\\"" : c == 3 ? "é€" : "x");
                    }
                    sb.append("\",\"n\":").append(r.nextInt(1000)).append("}}");
                }
            }
            sb.append(r.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void chunksOfAnySizeOnAnyThreadsReadWhatLineByLineReadingReads() throws IOException {
        byte[] bytes = untidy(3_000, 5);
        Read expected = oneByOne(bytes);
        assertThat(expected.twins()).hasSizeGreaterThan(2_000);
        assertThat(expected.problems())
                .anyMatch(p -> p.contains("another twin with deviceId 'dup'"))
                .anyMatch(p -> p.contains("invalid JSON"))
                .anyMatch(p -> p.contains("must be a JSON object"));
        for (int chunk : new int[] {17, 64, 333, 4096, 1 << 20}) {
            for (int threads : new int[] {1, 2, 5}) {
                Read r = scan(bytes, threads, chunk, null);
                assertThat(r).as("chunk %d, %d threads", chunk, threads).isEqualTo(expected);
            }
        }
    }

    @Test
    void problemsKeepTheirLinesAcrossChunks() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            sb.append(i % 100 == 0 ? "not json" : "{\"deviceId\":\"d" + i + "\"}")
                    .append("\r\n");
        }
        Read r = scan(sb.toString().getBytes(StandardCharsets.UTF_8), 3, 50, null);
        assertThat(r.twins()).hasSize(495);
        assertThat(r.problems())
                .extracting(p -> p.substring(0, p.indexOf(": ")))
                .containsExactly("f:line 100", "f:line 200", "f:line 300", "f:line 400", "f:line 500");
    }

    @Test
    void aRecordLongerThanAChunkIsRead() throws IOException {
        String big = "{\"deviceId\":\"big\",\"tags\":{\"s\":\"" + "y\\n".repeat(50_000) + "\"}}";
        byte[] bytes = ("{\"deviceId\":\"a\"}\n" + big + "\r\n{\"deviceId\":\"b\"}").getBytes(StandardCharsets.UTF_8);
        Read r = scan(bytes, 2, 1024, null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.twins()).hasSize(3);
        assertThat(r.twins().get(1)).startsWith("{\"deviceId\":\"big\"").contains("y\\ny\\n");
        assertThat(r).isEqualTo(oneByOne(bytes));
    }

    @Test
    void aLineOverTheRecordLimitIsSkippedInOrder() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            b.write(("{\"deviceId\":\"a" + i + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] huge = new byte[FleetReader.MAX_RECORD_BYTES + 10];
        Arrays.fill(huge, (byte) 'x');
        b.write(huge);
        b.write("\n{\"deviceId\":\"z\"}\n".getBytes(StandardCharsets.UTF_8));
        Read r = scan(b.toByteArray(), 3, 256, null);
        assertThat(r.twins()).hasSize(101);
        assertThat(r.twins().get(100)).isEqualTo("{\"deviceId\":\"z\"}");
        assertThat(r.problems()).containsExactly("f:line 101: the line is longer than 4 MB (skipped)");
    }

    @Test
    void aTruncatedGzipFileKeepsTheWholeLinesBeforeTheCutAndSaysSo() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(b)) {
            out.write(FleetGenerator.ndjson(20_000, 1));
        }
        byte[] cut = Arrays.copyOf(b.toByteArray(), b.size() / 2);
        for (int threads : new int[] {1, 3}) {
            Read r = scan(cut, threads, 4096, null);
            assertThat(r.twins()).hasSizeGreaterThan(1_000).hasSizeLessThan(20_000);
            assertThat(r.twins().get(r.twins().size() - 1))
                    .contains("\"deviceId\":\"dev-"
                            + String.format("%07d", r.twins().size() - 1) + "\"");
            assertThat(r.problems())
                    .containsExactly("f:line 0: the gzip data is cut off; the twins read before the cut are kept");
        }
    }

    @Test
    void aFilterKeepsThePathsEverySpellingAndTheIds() throws IOException {
        String line = "{\"deviceId\":\"d\",\"moduleId\":\"m\",\"etag\":\"e\",\"tags\":{\"Building\":\"43\","
                + "\"building\":\"44\",\"floor\":3,\"deep\":{\"a\":[1,{\"b\":2}]}},\"properties\":{\"reported\":{\"x\":1}}}\n";
        KeyFilter filter = KeyFilter.of(List.of(List.of("TAGS", "building"), List.of("tags", "deep")));
        Read r = scan(line.getBytes(StandardCharsets.UTF_8), 1, 1 << 20, filter);
        assertThat(r.twins())
                .containsExactly("{\"deviceId\":\"d\",\"moduleId\":\"m\",\"tags\":{\"Building\":\"43\","
                        + "\"building\":\"44\",\"deep\":{\"a\":[1,{\"b\":2}]}}}");
        String record =
                "{\"id\":\"d\",\"eTag\":\"x\",\"authentication\":{\"type\":\"sas\"},\"tags\":{\"building\":\"43\","
                        + "\"floor\":3},\"properties\":{\"reported\":{\"x\":1}}}\n";
        Read exported = scan(record.getBytes(StandardCharsets.UTF_8), 1, 1 << 20, filter);
        assertThat(exported.twins()).containsExactly("{\"deviceId\":\"d\",\"tags\":{\"building\":\"43\"}}");
        KeyFilter auth = KeyFilter.of(List.of(List.of("authenticationType"), List.of("etag")));
        String withEtag = record.replace("\"eTag\":\"x\"", "\"eTag\":\"x\",\"twinETag\":\"t\"");
        assertThat(scan(withEtag.getBytes(StandardCharsets.UTF_8), 1, 1 << 20, auth)
                        .twins())
                .containsExactly("{\"deviceId\":\"d\",\"etag\":\"t\",\"authenticationType\":\"sas\"}");
    }
}
