package dev.hubjobs.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fleets as users have them, and inputs that are not fleets at all, read in bounded memory. */
class FleetReaderTest {

    @TempDir
    Path dir;

    private record Read(List<TwinObject> twins, FleetReader.Summary summary) {
        List<String> ids() {
            return twins.stream().map(Fleet::id).toList();
        }

        List<String> problems() {
            return summary.problems().stream()
                    .map(p -> p.line() + ": " + p.message())
                    .toList();
        }
    }

    private static Read read(byte[] bytes) throws IOException {
        return read(new ByteArrayInputStream(bytes), null);
    }

    private static Read read(InputStream in, FleetReader.Format format) throws IOException {
        List<TwinObject> twins = new ArrayList<>();
        FleetReader.Summary summary = FleetReader.read(in, "fleet", -1, format, ProgressListener.NONE, twins::add);
        return new Read(twins, summary);
    }

    private Read read(Path path) throws IOException {
        List<TwinObject> twins = new ArrayList<>();
        FleetReader.Summary summary = FleetReader.read(path, null, ProgressListener.NONE, twins::add);
        return new Read(twins, summary);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLineOfNulBytesIsOneProblemAndTheOtherLinesAreRead() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(utf8("{\"deviceId\":\"a\"}\n"));
        b.write(new byte[] {0, 0, 0x7B, 0});
        b.write(utf8("\n{\"deviceId\":\"b\"}\n"));
        Read r = read(b.toByteArray());
        assertThat(r.ids()).containsExactly("a", "b");
        assertThat(r.problems()).containsExactly("2: the line is not UTF-8 JSON text (it holds a NUL byte)");
        Read first = read(new byte[] {0, 0, 0x7B, 0, '\n', '{', '}'});
        assertThat(first.summary().problemCount()).isEqualTo(2);
    }

    @Test
    void aNulByteFurtherOnInALineIsThatLinesProblem() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(utf8("{\"deviceId\":\"a\", \"tags\": {\"x\": \"1"));
        b.write(0);
        b.write(utf8("\"}}\n{\"deviceId\":\"b\"}\n"));
        Read r = read(b.toByteArray());
        assertThat(r.ids()).containsExactly("b");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p).startsWith("1: invalid JSON ("));
    }

    @Test
    void endlessZerosAreGivenUpOnAfterBoundedReading() throws IOException {
        long[] served = {0};
        InputStream zeros = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served[0] += len;
                java.util.Arrays.fill(b, off, off + len, (byte) 0);
                return len;
            }
        };
        Read r = read(zeros, null);
        assertThat(r.summary().gaveUp()).isTrue();
        assertThat(r.twins()).isEmpty();
        assertThat(served[0]).isLessThan(100L << 20);
        assertThat(r.problems()).last().asString().contains("no line break");
    }

    @Test
    void garbageIsGivenUpOnWithAHundredProblemsListed() throws IOException {
        Random random = new Random(7);
        byte[] garbage = new byte[20 << 20];
        random.nextBytes(garbage);
        Read r = read(garbage);
        assertThat(r.summary().gaveUp()).isTrue();
        assertThat(r.summary().problems()).hasSizeLessThanOrEqualTo(FleetReader.MAX_LISTED_PROBLEMS + 1);
        assertThat(r.summary().problemCount()).isGreaterThan(FleetReader.GIVE_UP_AFTER);
    }

    @Test
    void aSecondTwinWithTheSameIdsIsReportedAndSkipped() throws IOException {
        Read r = read(utf8("{\"deviceId\":\"a\"}\n{\"deviceId\":\"a\",\"moduleId\":\"m\"}\n{\"deviceId\":\"a\"}\n"
                + "{\"deviceId\":\"a\",\"moduleId\":\"m\"}\n"));
        assertThat(r.twins()).hasSize(2);
        assertThat(r.problems())
                .containsExactly(
                        "3: another twin with deviceId 'a' came earlier; a hub holds one (this one is skipped)",
                        "4: another twin with deviceId 'a' and moduleId 'm' came earlier; a hub holds one (this one is skipped)");
    }

    @Test
    void aCutOffArraySaysHowManyTwinsWereRead() throws IOException {
        Read r = read(utf8("[{\"deviceId\":\"a\"},\n{\"deviceId\":\"b\"},\n{\"deviceId\":\"c\""));
        assertThat(r.ids()).containsExactly("a", "b");
        assertThat(r.problems()).singleElement().asString().contains("2 twins read");
    }

    @Test
    void anArrayThatStartsWithNulBytesIsNotTakenForUtf16() throws IOException {
        Read r = read(new byte[] {'[', 0, '{', 0, '}', 0, ']', 0});
        assertThat(r.twins()).isEmpty();
        assertThat(r.problems()).singleElement().asString().contains("not UTF-8");
    }

    @Test
    void anOverLongRecordIsSkippedWithoutBeingKept() throws IOException {
        String huge =
                "{\"deviceId\":\"big\",\"tags\":{" + "\"k\":1,".repeat(FleetReader.MAX_RECORD_BYTES / 5) + "\"z\":1}}";
        Read array = read(utf8("[{\"deviceId\":\"a\"}," + huge + ",{\"deviceId\":\"b\"}]"));
        assertThat(array.ids()).containsExactly("a", "b");
        assertThat(array.problems()).singleElement().asString().contains("longer than 4 MB");
        Read lines = read(utf8("{\"deviceId\":\"a\"}\n" + huge + "\n{\"deviceId\":\"b\"}\n"));
        assertThat(lines.ids()).containsExactly("a", "b");
        assertThat(lines.problems()).singleElement().asString().contains("longer than 4 MB");
    }

    @Test
    void exportRecordsBecomeTwinsAndKeepNoKeys() throws IOException {
        String record =
                "{\"id\":\"dev-1\",\"eTag\":\"MTIz\",\"status\":\"enabled\",\"authentication\":{\"symmetricKey\":"
                        + "{\"primaryKey\":\"c2VjcmV0\",\"secondaryKey\":\"c2VjcmV0Mg==\"},\"x509Thumbprint\":{\"primaryThumbprint\":null,"
                        + "\"secondaryThumbprint\":null},\"type\":\"sas\"},\"twinETag\":\"AAAAAAAAAAE=\",\"tags\":{\"ring\":\"canary\"},"
                        + "\"properties\":{\"desired\":{\"fw\":\"1.0\"},\"reported\":{\"fw\":\"0.9\"}},\"capabilities\":{\"iotEdge\":false},"
                        + "\"importMode\":\"createOrUpdate\"}";
        Read r = read(utf8(record + "\n"));
        assertThat(r.twins()).hasSize(1);
        TwinObject twin = r.twins().get(0);
        assertThat(TwinJson.toJson(twin))
                .isEqualTo(
                        "{\"deviceId\":\"dev-1\",\"etag\":\"AAAAAAAAAAE=\","
                                + "\"deviceEtag\":\"MTIz\",\"status\":\"enabled\",\"authenticationType\":\"sas\",\"x509Thumbprint\":"
                                + "{\"primaryThumbprint\":null,\"secondaryThumbprint\":null},\"capabilities\":{\"iotEdge\":false},"
                                + "\"tags\":{\"ring\":\"canary\"},\"properties\":{\"desired\":{\"fw\":\"1.0\"},\"reported\":{\"fw\":\"0.9\"}}}");
        assertThat(TwinJson.toJson(twin)).doesNotContain("c2VjcmV0").doesNotContain("symmetricKey");
    }

    @Test
    void gzipAndDirectoriesAreRead() throws IOException {
        Path fleets = Files.createDirectories(dir.resolve("fleets"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(fleets.resolve("b.ndjson.gz")))) {
            out.write(utf8("{\"deviceId\":\"b\"}\n"));
        }
        Files.writeString(fleets.resolve("a.json"), "[{\"deviceId\":\"a\"}]");
        Files.writeString(fleets.resolve(".hidden"), "{\"deviceId\":\"h\"}");
        Read r = read(fleets);
        assertThat(r.ids()).containsExactly("a", "b");
        assertThat(r.summary().problemCount()).isZero();
    }

    @Test
    void aCutOffGzipFileKeepsWhatWasReadAndSaysSo() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            for (int i = 0; i < 20_000; i++) {
                out.write(utf8("{\"deviceId\":\"d" + i + "\",\"tags\":{\"n\":" + (i * 7919 % 10007) + "}}\n"));
            }
        }
        byte[] whole = b.toByteArray();
        Read r = read(java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(r.twins()).isNotEmpty().hasSizeLessThan(20_000);
        assertThat(r.problems()).last().asString().contains("gzip data is cut off");
    }

    @Test
    void aPipeIsRead() throws Exception {
        Path fifo = dir.resolve("fleet.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(utf8("{\"deviceId\":\"p1\"}\n{\"deviceId\":\"p2\"}\n"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        Read r = read(fifo);
        writer.join();
        assertThat(r.ids()).containsExactly("p1", "p2");
    }
}
