package dev.hubjobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evidence corpus under {@code evidence/}: real query texts and job bodies gathered from public
 * sources, each with the verdict its source shows (what the service did with it), and the
 * disagreements {@code docs/decisions.md} lists with their reasons. Every entry point's test
 * (library, CLI, language server) checks its verdicts against it with {@link #check}.
 */
public final class EvidenceCorpus {

    /** What the source shows the service did. */
    public enum Verdict {
        ACCEPTED,
        REJECTED,
        UNKNOWN;

        static Verdict of(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * How the text reaches the service: a job's {@code queryCondition}, a configuration's or
     * deployment's {@code targetCondition} (checked as a condition), or a full query.
     */
    public enum Kind {
        CONDITION,
        TARGET,
        QUERY
    }

    /** One query text. */
    public record Text(String id, Kind kind, Verdict verdict, String text, String source, String evidence) {}

    /** One job body, exactly as it travelled. */
    public record Body(String id, Verdict verdict, String source, String serializer, String evidence, String json) {}

    /** One item of either kind, for the agreement count. */
    public record Item(String id, Verdict verdict) {}

    private EvidenceCorpus() {}

    public static List<Text> texts() {
        List<Text> out = new ArrayList<>();
        for (String line : TestFiles.text("evidence/queries.tsv").split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 6) {
                throw new IllegalStateException("evidence/queries.tsv: 6 columns expected: " + line);
            }
            out.add(new Text(
                    f[0], Kind.valueOf(f[1].toUpperCase(Locale.ROOT)), Verdict.of(f[2]), unescape(f[3]), f[4], f[5]));
        }
        return out;
    }

    public static List<Body> bodies() {
        List<Body> out = new ArrayList<>();
        for (String line : TestFiles.lines("evidence/jobs.tsv")) {
            String[] f = line.split("\t", -1);
            if (f.length != 5) {
                throw new IllegalStateException("evidence/jobs.tsv: 5 columns expected: " + line);
            }
            out.add(new Body(
                    f[0], Verdict.of(f[1]), f[2], f[3], f[4], TestFiles.text("evidence/jobs/" + f[0] + ".json")));
        }
        return out;
    }

    /** {@code \\}, {@code \t} and {@code \n} as the corpus writes them. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final Pattern LISTED = Pattern.compile("^\\| `([a-z0-9-]+)` \\|");

    /**
     * The items docs/decisions.md lists under "Where hubjobs and the evidence disagree", by id, with
     * the rest of their row. {@code docs} is the repository's docs directory.
     */
    public static Map<String, String> listedDisagreements(Path docs) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean inSection = false;
        try {
            for (String line : Files.readAllLines(docs.resolve("decisions.md"), StandardCharsets.UTF_8)) {
                if (line.startsWith("## ")) {
                    inSection = line.startsWith("## Where hubjobs and the evidence disagree");
                }
                Matcher m = LISTED.matcher(line);
                if (inSection && m.find()) {
                    out.put(m.group(1), line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** What one entry point made of the corpus. */
    public record Report(String entryPoint, int decided, int agreeing, List<String> unlisted, List<String> stale) {

        public double agreement() {
            return decided == 0 ? 1 : (double) agreeing / decided;
        }

        public String summary() {
            return String.format(
                    Locale.ROOT, "%s: %d of %d agree (%.1f %%)", entryPoint, agreeing, decided, 100 * agreement());
        }
    }

    /**
     * Compares what {@code rejects} says of each item (true: the entry point reports an error) with
     * its source's verdict. A disagreement docs/decisions.md does not list is {@code unlisted}; a
     * listed item that now agrees is {@code stale}. Items whose verdict is unknown are only run.
     */
    public static <T> Report check(
            String entryPoint,
            List<T> items,
            java.util.function.Function<T, Item> item,
            Predicate<T> rejects,
            Map<String, String> listed) {
        int decided = 0;
        int agreeing = 0;
        List<String> unlisted = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (T t : items) {
            Item i = item.apply(t);
            boolean rejected = rejects.test(t);
            if (i.verdict() == Verdict.UNKNOWN) {
                continue;
            }
            decided++;
            boolean agrees = rejected == (i.verdict() == Verdict.REJECTED);
            if (agrees) {
                agreeing++;
                if (listed.containsKey(i.id())) {
                    stale.add(i.id());
                }
            } else if (!listed.containsKey(i.id())) {
                unlisted.add(i.id() + " (source: " + i.verdict() + ", " + entryPoint + ": "
                        + (rejected ? "rejected" : "accepted") + ")");
            }
        }
        return new Report(entryPoint, decided, agreeing, unlisted, stale);
    }
}
