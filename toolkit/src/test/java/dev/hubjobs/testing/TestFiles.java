package dev.hubjobs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/** Small helpers shared by the tests: test resources and running code on a thread with a small stack. */
public final class TestFiles {

    private TestFiles() {}

    /** The bytes of a classpath resource, e.g. {@code corpus/jobs/charset.job.json}. */
    public static byte[] bytes(String resource) {
        try (InputStream in = TestFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    /** The non-blank lines of a resource. */
    public static List<String> lines(String resource) {
        return text(resource).lines().filter(l -> !l.isBlank()).toList();
    }

    /**
     * Runs {@code work} on a thread with a deliberately small stack, so that a test of a depth
     * guard proves the guard rather than relying on a large default stack. Rethrows whatever the
     * work threw, including {@link StackOverflowError}.
     */
    public static <T> T onSmallStack(Supplier<T> work) {
        return onStack(work, 256 * 1024);
    }

    /**
     * Runs {@code work} on a thread with the JVM's default stack for new threads on 64-bit Linux
     * (1 MB): the stack every caller of the library has unless it asks for less.
     */
    public static <T> T onDefaultStack(Supplier<T> work) {
        return onStack(work, 1024 * 1024);
    }

    private static <T> T onStack(Supplier<T> work, long stackSize) {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        result[0] = work.get();
                    } catch (Throwable e) {
                        failure[0] = e;
                    }
                },
                "stack-" + stackSize,
                stackSize);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        } else if (failure[0] instanceof Error err) {
            throw err;
        } else if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
