package dev.hubjobs.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubjobs.testing.FuzzInput;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fuzz targets for reading fleet files (docs/fuzzing.md): any bytes give a fleet and a list of
 * problems, never an exception; only an {@link IOException} of the stream itself comes out.
 */
class FleetLoaderFuzzTest {

    static final int MAX_BYTES = 16 * 1024;

    @FuzzTest
    void parse(byte[] data) {
        String text = FuzzInput.text(data, MAX_BYTES);
        assertLoaded(FleetLoader.parse(text));
    }

    @FuzzTest
    void load(byte[] data) throws IOException {
        byte[] bytes = FuzzInput.bounded(data, MAX_BYTES);
        assertLoaded(FleetLoader.load(new ByteArrayInputStream(bytes), bytes.length, ProgressListener.NONE));

        // A stream that fails half-way: its IOException is the only exception that may come out.
        IOException broken = new IOException("the disk went away");
        InputStream failing = new FailingStream(bytes, bytes.length / 2, broken);
        try {
            assertLoaded(FleetLoader.load(failing, bytes.length, ProgressListener.NONE));
        } catch (IOException e) {
            assertThat(e).isSameAs(broken);
        }
        assertThatThrownBy(() -> FleetLoader.load(new FailingStream(bytes, 0, broken), -1, ProgressListener.NONE))
                .as("a stream that fails at once")
                .isSameAs(broken);
    }

    private static void assertLoaded(FleetLoad load) {
        for (TwinObject twin : load.fleet().devices()) {
            assertThat(Fleet.deviceId(twin)).isNotEmpty();
        }
        for (TwinObject twin : load.fleet().modules()) {
            assertThat(Fleet.moduleId(twin)).isNotEmpty();
        }
        for (LoadProblem problem : load.problems()) {
            assertThat(problem.line()).isNotNegative();
            assertThat(problem.message()).isNotBlank();
        }
    }

    /** The bytes, then an IOException once {@code failAt} bytes have been read. */
    private static final class FailingStream extends FilterInputStream {
        private final IOException failure;
        private int left;

        FailingStream(byte[] bytes, int failAt, IOException failure) {
            super(new ByteArrayInputStream(bytes));
            this.left = failAt;
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                throw failure;
            }
            left--;
            return super.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw failure;
            }
            int n = super.read(b, off, Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
