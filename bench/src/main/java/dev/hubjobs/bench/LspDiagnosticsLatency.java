package dev.hubjobs.bench;

import dev.hubjobs.lsp.commons.TextDocument;
import dev.hubjobs.lsp.services.JobLanguageService;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * Latency from a {@code didChange} to its diagnostics being computed, without the debounce: the
 * work the server does once the debounce fires (apply the incremental edit, validate, convert to
 * LSP diagnostics). Each run edits the query (alternately breaking and fixing a path root), so
 * no two consecutive runs see the same text.
 *
 * <pre>java -cp bench/target/classes:$(cat cp.txt) dev.hubjobs.bench.LspDiagnosticsLatency [runs2k] [runs5m]</pre>
 */
public final class LspDiagnosticsLatency {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LspDiagnosticsLatency() {}

    public static void main(String[] args) {
        int runsSmall = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runsLarge = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String small = smallJob();
        String large = jobArray(4_000_000);
        System.out.printf(
                Locale.ROOT,
                "java %s, %d cores%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        if (runsSmall > 0) {
            report("2 KB job (" + small.length() + " chars)", measure(small, runsSmall / 5, runsSmall));
        }
        if (runsLarge > 0) {
            report("4 MB job array (" + large.length() + " chars)", measure(large, 3, runsLarge));
            requests(large, Math.max(3, runsLarge / 3));
        }
    }

    /**
     * The requests an editor sends after an edit of a large file: the first parses the new text,
     * the others reuse that parse.
     */
    private static void requests(String text, int runs) {
        JobLanguageService service = new JobLanguageService();
        String uri = "untitled:bench.job.json";
        Position inQuery = position(text, text.indexOf("tags.floor") + 4).getStart();
        long[] completion = new long[runs];
        long[] tokens = new long[runs];
        long[] symbols = new long[runs];
        for (int i = -2; i < runs; i++) {
            String edited = text + " ".repeat(i + 3);
            long t0 = System.nanoTime();
            service.completion(uri, edited, inQuery, () -> {});
            long t1 = System.nanoTime();
            service.semanticTokens(uri, edited, () -> {});
            long t2 = System.nanoTime();
            service.documentSymbols(uri, edited, () -> {});
            long t3 = System.nanoTime();
            if (i >= 0) {
                completion[i] = t1 - t0;
                tokens[i] = t2 - t1;
                symbols[i] = t3 - t2;
            }
        }
        System.out.printf(Locale.ROOT, "requests on the 4 MB array after an edit, %d runs (wall)%n", runs);
        line("  completion, parses the new text", completion);
        line("  semantic tokens, same text", tokens);
        line("  document symbols, same text", symbols);
    }

    private static long[][] measure(String text, int warmup, int runs) {
        JobLanguageService service = new JobLanguageService();
        String uri = "untitled:bench.job.json";
        TextDocument doc = new TextDocument(uri, 1, text);
        int at = text.indexOf("tags.floor");
        Range insertAt = position(text, at + 3);
        long[] nanos = new long[runs];
        long[] cpu = new long[runs];
        int[] findings = new int[2];
        for (int i = 0; i < warmup + runs; i++) {
            // Odd runs turn "tags" into "tag" (an HJ103 finding), even runs put the "s" back.
            boolean broken = i % 2 == 0;
            TextDocumentContentChangeEvent change = broken
                    ? new TextDocumentContentChangeEvent(
                            new Range(
                                    insertAt.getStart(),
                                    new Position(
                                            insertAt.getStart().getLine(),
                                            insertAt.getStart().getCharacter() + 1)),
                            "")
                    : new TextDocumentContentChangeEvent(insertAt, "s");
            long start = System.nanoTime();
            long startCpu = THREADS.getCurrentThreadCpuTime();
            doc = doc.apply(doc.version() + 1, List.of(change));
            List<Diagnostic> found = service.diagnostics(uri, doc.text(), () -> {});
            long elapsed = System.nanoTime() - start;
            long elapsedCpu = THREADS.getCurrentThreadCpuTime() - startCpu;
            findings[i % 2] = found.size();
            if (i >= warmup) {
                nanos[i - warmup] = elapsed;
                cpu[i - warmup] = elapsedCpu;
            }
        }
        // Shows the work is real: the broken text has one finding more than the fixed one.
        System.out.printf(Locale.ROOT, "findings: broken %d, fixed %d%n", findings[0], findings[1]);
        return new long[][] {nanos, cpu};
    }

    /** Wall-clock time is what the user waits; CPU time of the thread shows the cost without contention. */
    private static void report(String what, long[][] measured) {
        System.out.printf(Locale.ROOT, "%s, %d runs%n", what, measured[0].length);
        line("  wall", measured[0]);
        line("  cpu", measured[1]);
    }

    private static void line(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                Locale.ROOT,
                "%-34s p50 %9.3f ms  p99 %9.3f ms  max %9.3f ms%n",
                label,
                ms(percentile(sorted, 0.50)),
                ms(percentile(sorted, 0.99)),
                ms(sorted[sorted.length - 1]));
    }

    private static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static Range position(String text, int offset) {
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        Position p = new Position(line, offset - lineStart);
        return new Range(p, p);
    }

    /** A twin-update job of about 2 KB with a query of a dozen terms. */
    static String smallJob() {
        StringBuilder desired = new StringBuilder();
        for (int i = 0; desired.length() < 1500; i++) {
            desired.append(i == 0 ? "" : ",\n")
                    .append("        \"setting")
                    .append(i)
                    .append("\": {\"mode\": \"eco\", ")
                    .append("\"level\": ")
                    .append(i)
                    .append(", \"label\": \"Floor ")
                    .append(i)
                    .append("\"}");
        }
        return """
                {
                  "jobId": "update-floor-3-firmware-settings",
                  "type": "scheduleUpdateTwin",
                  "queryCondition": "tags.floor = 3 AND tags.site IN ['Bonn', 'Köln', 'Düsseldorf'] AND properties.reported.fw != '2.1.0' AND NOT (status = 'disabled') AND IS_DEFINED(properties.reported.battery) AND properties.reported.battery > 20 AND STARTSWITH(deviceId, 'sensor-') AND connectionState = 'Connected'",
                  "startTime": "2030-01-01T00:00:00Z",
                  "maxExecutionTimeInSeconds": 3600,
                  "updateTwin": {
                    "etag": "*",
                    "properties": {
                      "desired": {
                %s
                      }
                    }
                  }
                }
                """.formatted(desired);
    }

    /** A job array of about {@code size} characters. */
    static String jobArray(int size) {
        StringBuilder big = new StringBuilder("[\n");
        for (int i = 0; big.length() < size; i++) {
            big.append(i == 0 ? "" : ",\n")
                    .append("  {\"jobId\": \"job-")
                    .append(i)
                    .append("\", \"type\": \"scheduleDeviceMethod\", \"queryCondition\": \"tags.floor = ")
                    .append(i % 7)
                    .append(" AND deviceId IN ['a', 'b']\", \"cloudToDeviceMethod\": {\"methodName\": \"reboot\"}}");
        }
        return big.append("\n]\n").toString();
    }
}
