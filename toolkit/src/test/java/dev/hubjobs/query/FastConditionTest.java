package dev.hubjobs.query;

import static dev.hubjobs.testing.TestFiles.onSmallStack;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.testing.Mutations;
import dev.hubjobs.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written fast path for job conditions must never change what a parse gives: whatever
 * it accepts, the grammar accepts without a finding and builds the very same tree (every span
 * included); everything else it leaves to the grammar.
 */
class FastConditionTest {

    private static final String BENCHMARK_CONDITION = "tags.site = 'plant-7' AND tags.line IN ['A', 'B', 'C']"
            + " AND properties.reported.firmware.version != '3.2.0' AND NOT is_defined(tags.maintenanceHold)";

    private static final String MUTATION_ALPHABET = "()[]'\",.=<>!-+*/%\\ aN0xeE\t😀é";

    /** When the fast path gives a condition, it is the grammar's, and the grammar found nothing. */
    private static boolean assertAgrees(String text) {
        Optional<Condition> fast = FastCondition.tryParse(text);
        if (fast.isEmpty()) {
            return false;
        }
        ParseResult<Condition> grammar = QueryParser.parseConditionWithGrammar(text);
        assertThat(grammar.diagnostics())
                .as("grammar diagnostics for accepted %s", text)
                .isEmpty();
        assertThat(fast.get())
                .as("fast tree of %s", text)
                .isEqualTo(grammar.value().orElseThrow());
        return true;
    }

    /** The queryCondition of every job file, and every line of the query corpus. */
    static Stream<String> corpusConditions() throws IOException {
        List<String> result = new ArrayList<>();
        result.addAll(TestFiles.lines("corpus/queries/valid-conditions.txt"));
        result.addAll(TestFiles.lines("corpus/queries/valid-queries.txt"));
        for (String row : TestFiles.lines("corpus/queries/invalid-conditions.tsv")) {
            result.add(row.split("\t")[0]);
        }
        Pattern member = Pattern.compile("queryCondition\"?\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')");
        for (String name :
                List.of("charset", "firmware-desired", "reboot-building43", "seed-twin-sample", "wrong-type")) {
            Matcher m = member.matcher(TestFiles.text("corpus/jobs/" + name + ".job.json"));
            while (m.find()) {
                result.add(unescape(m.group(1)));
            }
        }
        return result.stream();
    }

    @ParameterizedTest
    @MethodSource("corpusConditions")
    void agreesWithTheGrammarOnTheCorpusAndItsMutants(String condition) {
        assertAgrees(condition);
        for (String mutant : Mutations.of(condition, MUTATION_ALPHABET, 200, 77)) {
            assertAgrees(mutant);
        }
    }

    @Test
    void corpusConditionsFindTheirWayIntoTheTest() throws IOException {
        assertThat(corpusConditions().filter(c -> c.contains("d1"))).isNotEmpty();
        assertThat(corpusConditions().filter(c -> c.equals("tags.building = '43' AND tags.floor = '3'")))
                .hasSize(2);
    }

    /**
     * Every string literal in the query tests' sources (most are conditions; the rest are just
     * more input). Read from the source tree, where the build runs the tests.
     */
    @Test
    void agreesWithTheGrammarOnEveryStringLiteralOfTheQueryTests() throws IOException {
        Path dir = Path.of("src/test/java/dev/hubjobs/query");
        assertThat(dir).isDirectory();
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
        int accepted = 0;
        int seen = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                Matcher m = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    seen++;
                    accepted += assertAgrees(unescape("\"" + m.group(1) + "\"")) ? 1 : 0;
                }
            }
        }
        assertThat(accepted).as("accepted of %s literals", seen).isGreaterThan(20);
    }

    @Test
    void agreesWithTheGrammarOnRandomConditionsAndAcceptsNearlyAllValidOnes() {
        Random random = new Random(20261123);
        int valid = 0;
        int accepted = 0;
        List<String> missed = new ArrayList<>();
        for (int n = 0; n < 4000; n++) {
            String text = new Generator(random).condition();
            boolean fast = assertAgrees(text);
            ParseResult<Condition> grammar = QueryParser.parseConditionWithGrammar(text);
            if (grammar.diagnostics().isEmpty()) {
                valid++;
                if (fast) {
                    accepted++;
                } else if (missed.size() < 10) {
                    missed.add(text);
                }
            }
            if (n % 8 == 0) {
                for (String mutant : Mutations.of(text, MUTATION_ALPHABET, 4, n)) {
                    assertAgrees(mutant);
                }
            }
        }
        double ratio = (double) accepted / valid;
        assertThat(valid).as("valid generated conditions").isGreaterThan(3000);
        assertThat(ratio)
                .as(
                        "fast path accepted %d of %d valid conditions (%.4f); missed e.g. %s",
                        accepted, valid, ratio, missed)
                .isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void acceptsTheBenchmarkConditionAndCommonShapes() {
        for (String text : List.of(
                BENCHMARK_CONDITION,
                "*",
                "  *\t\n",
                "deviceId = 'd-01'",
                "FROM_x = 1",
                "devices.modules.tags.a.[[b c]].select = 'x'",
                "x NIN [-1, - 0x1F, .5, 'a', null]",
                "a = 1 + 2 * 3 - 4 % 5 / 6",
                "NOT (a < 1 OR b >= 2) AND c <> 3",
                "f() = g(1, h(2))",
                "tags.name = 'it\\'s \\u00e9t\\u00e9 😀'",
                "\u00a0a = 1\u00a0")) {
            assertThat(FastCondition.tryParse(text)).as(text).isPresent();
            assertThat(assertAgrees(text)).isTrue();
        }
    }

    @Test
    void precedenceAndSpansMatchTheGrammarOnTrickyShapes() {
        for (String text : List.of(
                "NOT a = b",
                "-a * b",
                "a IN [1] + 1",
                "a = b IN [1]",
                "a IN [1] IN [2]",
                "a = NOT b = c",
                "a * NOT b AND c",
                "- NOT a = 1",
                "(a) AND b",
                "(a AND b) AND c",
                "a AND (b AND c)",
                "a OR b AND c OR d",
                "((a)) = ((1))",
                "a - -1",
                "a--1",
                "x = .5e+3",
                "x = 1.",
                "x = 1E5",
                "x = 0Xab",
                "(a OR b) OR (c)",
                "f ( ( a ) , b ) = 1",
                "a.b . c = 1",
                "[[a]].b = 1",
                "devices.x = 1",
                "devices.modules = 1",
                "DEVICES.JOBS.x = 1",
                "devices = 1",
                "a = [[b]]",
                "a.[[]] = 1",
                "a=-1",
                "a IN[1,-2]",
                "(a = 1) OR (b = 2) AND (c = 3)")) {
            assertThat(assertAgrees(text)).as(text).isTrue();
        }
    }

    @Test
    void agreesWithTheGrammarOnLexicalCornerCases() {
        List<String> accepted = new ArrayList<>();
        for (String text : List.of(
                "a = 1and b = 2",
                "a = 0x1Fand b",
                "a=1e5and b",
                "x = 1.e5",
                "x = 1.5.6",
                "[[a\uD800]] = 1",
                "[[a\uDC00b]] = 1",
                "[[😀]] = '😀'",
                "a = ']]' AND [[b]] = 1",
                "a = [[b] AND c = ']]'",
                "not(a)",
                "NOT(a)AND(b)",
                "devices(1) = 2",
                "a\u000b= 1",
                "a = 1\u0000",
                "[[x]](1)",
                "f(a)(b)",
                "- - - 1 = a",
                "a = 1e+",
                "a = 1e-5",
                "a = 0x",
                "a = 0xg",
                "a <=> b",
                "a =< b",
                "a >= b",
                "a<>b",
                "a!=b",
                "a = '\\\\'",
                "a = \"\\'\"",
                "a = ''''",
                "a = \"\"\"\"",
                "a.b.c.d.e.f.g.h.i.j.k = 1",
                "a = $",
                "a = _",
                "a = [1,]",
                "a IN [1] NIN [2]",
                "a = 1 -- comment",
                "a = 1 // x",
                "\u00a0*\u00a0",
                "* *",
                "a.[[b]]c = 1",
                "a = .5.5")) {
            if (assertAgrees(text)) {
                accepted.add(text);
            }
        }
        assertThat(accepted)
                .contains(
                        "a = 1and b = 2",
                        "x = 1.e5",
                        "NOT(a)AND(b)",
                        "devices(1) = 2",
                        "a.b.c.d.e.f.g.h.i.j.k = 1",
                        "a IN [1] NIN [2]",
                        "\u00a0*\u00a0",
                        "[[😀]] = '😀'");
    }

    @Test
    void leavesEverythingItIsNotSureAboutToTheGrammar() {
        List<String> bails = new ArrayList<>(List.of(
                "",
                "   ",
                "a =",
                "a = = 1",
                "a = 1)",
                "(a = 1",
                "a = 1 b",
                "deviceId IN ('a')",
                "x NIN ('a', 'b')",
                "a = 'unterminated",
                "a = \"unterminated\\\"",
                "/* c */ a = 1",
                "a = 1 /* c */",
                "a = '\\q'",
                "a = '\\u12'",
                "a = '\\u00g1'",
                "WHERE a = 1",
                "SELECT * FROM devices WHERE a = 1",
                "FROM devices.modules WHERE a = 1",
                "a = 1 GROUP BY tags.x",
                "select.a = 1",
                "a IN []",
                "a = 0x" + "F".repeat(20),
                "é = 1",
                "aé = 1",
                "a.é = 1",
                "a = 1 é",
                "* = 1",
                "**",
                "a ! b",
                "a = #",
                "a = 1;",
                "a.1 = 2",
                "a = 1e",
                "a = [[b]",
                "a.[[x]]] = 1",
                "a = 'x' 'y'",
                "a = f(1,)",
                "a = TOP",
                "a = b AS c",
                "a = \uD800",
                "a = '\uD800'",
                "a.b.",
                "a = --",
                "(".repeat(300) + "a = 1" + ")".repeat(300),
                "(".repeat(FastCondition.MAX_DEPTH + 1) + "a" + ")".repeat(FastCondition.MAX_DEPTH + 1),
                "NOT ".repeat(100) + "a",
                "a = " + "-".repeat(100) + "1",
                "a" + " + a".repeat(100),
                "f(".repeat(100) + "1" + ")".repeat(100)));
        for (String text : bails) {
            assertThat(FastCondition.tryParse(text)).as(text).isEmpty();
        }
    }

    @Test
    void leavesDeepInputToTheGrammarWhichReportsHj011() {
        // A '-' after devices counts as unary in the parser's nesting scan: the tree is shallow
        // but the grammar path reports HJ011, so the fast path must not accept it either.
        String text = "a = " + "devices - ".repeat(QueryParser.MAX_DEPTH + 5) + "1";
        assertThat(FastCondition.tryParse(text)).isEmpty();
        assertThat(QueryParser.parseCondition(text).diagnostics())
                .extracting(Diagnostic::code)
                .containsExactly(Codes.QUERY_TOO_DEEP);
        // A left-deep chain of '+' is as deep to the AST builder as it is long.
        String sum = "a = 1" + " + 1".repeat(QueryParser.MAX_DEPTH + 5);
        assertThat(FastCondition.tryParse(sum)).isEmpty();
        assertThat(QueryParser.parseCondition(sum).diagnostics())
                .extracting(Diagnostic::code)
                .containsExactly(Codes.QUERY_TOO_DEEP);
    }

    @Test
    void depthWithinTheBoundIsAccepted() {
        int depth = FastCondition.MAX_DEPTH - 2;
        assertThat(assertAgrees("(".repeat(depth) + "a" + ")".repeat(depth))).isTrue();
        assertThat(assertAgrees("a" + " + a".repeat(depth))).isTrue();
    }

    @Test
    void tenThousandsOfTermsInAnOrAreOneOrBuiltByTheFastPath() {
        int wide = 15_000; // as many as the parser reads: QueryParser.MAX_LENGTH
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < wide; i++) {
            if (i > 0) {
                sb.append(" OR ");
            }
            sb.append("a = ").append(i);
        }
        String text = sb.toString();
        Optional<Condition> fast = onSmallStack(() -> FastCondition.tryParse(text));
        assertThat(fast).isPresent();
        ParseResult<Condition> r = onSmallStack(() -> QueryParser.parseCondition(text));
        assertThat(r.diagnostics()).isEmpty();
        Expr.Or or = (Expr.Or) r.get().expression().orElseThrow();
        assertThat(or.operands()).hasSize(wide);
        assertThat(or.span()).isEqualTo(new dev.hubjobs.text.Span(0, text.length()));
        assertThat(r.get()).isEqualTo(fast.get());
    }

    @Test
    void parseConditionUsesTheFastPathAndFallsBackWithDiagnostics() {
        ParseResult<Condition> ok = QueryParser.parseCondition(BENCHMARK_CONDITION);
        assertThat(ok.diagnostics()).isEmpty();
        assertThat(ok.get())
                .isEqualTo(FastCondition.tryParse(BENCHMARK_CONDITION).orElseThrow());
        ParseResult<Condition> bad = QueryParser.parseCondition("deviceId IN ('a')");
        assertThat(bad.diagnostics()).extracting(Diagnostic::code).containsExactly(Codes.IN_PARENTHESES);
    }

    /** Java/JSON-style escapes of a quoted literal, enough for the test sources and job files. */
    private static String unescape(String quoted) {
        String s = quoted.substring(1, quoted.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'u' -> {
                    if (i + 4 < s.length()
                            && s.substring(i + 1, i + 5).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        sb.append('\\').append(e);
                    }
                }
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    /** Random conditions over the whole grammar the fast path covers, plus some it does not. */
    private static final class Generator {
        private static final String[] NAMES = {
            "a", "b", "deviceId", "tags", "properties", "$x", "_y1", "devices", "modules", "jobs", "Z9"
        };
        private static final String[] RESERVED = {
            "select",
            "top",
            "from",
            "where",
            "group",
            "by",
            "as",
            "and",
            "or",
            "not",
            "in",
            "nin",
            "true",
            "false",
            "null",
            "undefined",
            "devices",
            "modules",
            "jobs"
        };
        private static final String[] QUOTED = {"[[group]]", "[[a b]]", "[[é😀]]", "[[x.y]]", "[[]]", "[[/* c ]]"};
        private static final String[] FUNCTIONS = {"is_defined", "STARTSWITH", "f", "IS_STRING", "devices"};
        private static final String[] NUMBERS = {
            "0", "42", "3.14", "1.", ".5", "1e5", "2.5E-3", "7e+2", "0x1F", "0XaB", "00", "1234567890123"
        };
        private static final String[] STRINGS = {
            "'a'",
            "\"b\"",
            "'it\\'s'",
            "\"q\\\"\"",
            "'\\\\'",
            "'\\n\\t\\/'",
            "'\\u00e9t\\u00E9'",
            "'été'",
            "\"😀\"",
            "''",
            "'a\"b'",
            "\"a'b\"",
            "'\\b\\f\\r'",
            "' x '"
        };
        private static final String[] COMPARISONS = {"=", "!=", "<>", "<", "<=", ">", ">="};
        private static final String[] ARITHMETIC = {"*", "/", "%", "+", "-"};
        private static final String[] SPACES = {" ", " ", " ", " ", "  ", "\t", "\n", "\r\n", " \u00a0"};

        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        String condition() {
            return random.nextInt(60) == 0 ? pad() + "*" + pad() : pad() + expression(0) + pad();
        }

        private String expression(int depth) {
            int choice = depth > 4 ? random.nextInt(3) : random.nextInt(14);
            return switch (choice) {
                case 0, 1 -> comparison(depth);
                case 2 -> primary(depth);
                case 3 -> "(" + pad() + expression(depth + 1) + pad() + ")";
                case 4 -> kw("not") + sp() + expression(depth + 1);
                case 5 -> "-" + pad() + primary(depth);
                case 6 -> operand(depth) + sp() + kw(random.nextBoolean() ? "in" : "nin") + pad() + array();
                case 7, 8 -> chain(depth, "and");
                case 9, 10 -> chain(depth, "or");
                case 11 -> operand(depth) + pad() + pick(ARITHMETIC) + pad() + operand(depth);
                case 12 ->
                    expression(depth + 1)
                            + sp()
                            + kw(random.nextBoolean() ? "and" : "or")
                            + sp()
                            + expression(depth + 1);
                default -> operand(depth) + pad() + pick(COMPARISONS) + pad() + kw("not") + sp() + operand(depth);
            };
        }

        private String chain(int depth, String op) {
            StringBuilder sb = new StringBuilder(expression(depth + 1));
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                sb.append(sp()).append(kw(op)).append(sp()).append(expression(depth + 1));
            }
            return sb.toString();
        }

        private String comparison(int depth) {
            return operand(depth) + pad() + pick(COMPARISONS) + pad() + operand(depth);
        }

        private String operand(int depth) {
            return switch (random.nextInt(6)) {
                case 0 -> primary(depth) + pad() + pick(ARITHMETIC) + pad() + primary(depth);
                case 1 -> "-" + pad() + primary(depth);
                case 2 -> "(" + pad() + (depth > 3 ? primary(depth) : expression(depth + 1)) + pad() + ")";
                default -> primary(depth);
            };
        }

        private String primary(int depth) {
            return switch (random.nextInt(8)) {
                case 0 -> literal();
                case 1 -> call(depth);
                case 2 -> array();
                default -> path();
            };
        }

        private String call(int depth) {
            int n = random.nextInt(3);
            StringBuilder sb = new StringBuilder(pick(FUNCTIONS))
                    .append(random.nextInt(4) == 0 ? pad() : "")
                    .append('(');
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? "," + pad() : pad()).append(depth > 3 ? primary(depth + 1) : expression(depth + 1));
            }
            return sb.append(pad()).append(')').toString();
        }

        private String path() {
            StringBuilder sb = new StringBuilder();
            switch (random.nextInt(8)) {
                case 0 -> sb.append(kw("devices")).append('.');
                case 1 ->
                    sb.append(kw("devices")).append('.').append(kw("modules")).append('.');
                case 2 ->
                    sb.append(kw("devices"))
                            .append(pad())
                            .append('.')
                            .append(pad())
                            .append(kw("jobs"))
                            .append('.');
                default -> {}
            }
            sb.append(random.nextInt(6) == 0 ? pick(QUOTED) : pick(NAMES));
            int n = random.nextInt(4);
            for (int i = 0; i < n; i++) {
                sb.append(random.nextInt(8) == 0 ? pad() + "." + pad() : ".");
                sb.append(
                        switch (random.nextInt(5)) {
                            case 0 -> kw(pick(RESERVED));
                            case 1 -> pick(QUOTED);
                            default -> pick(NAMES);
                        });
            }
            return sb.toString();
        }

        private String literal() {
            return switch (random.nextInt(6)) {
                case 0, 1 -> pick(STRINGS);
                case 2, 3 -> pick(NUMBERS);
                default -> kw(pick(new String[] {"true", "false", "null", "undefined"}));
            };
        }

        private String array() {
            int n = 1 + random.nextInt(4);
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < n; i++) {
                sb.append(i > 0 ? "," + pad() : pad());
                sb.append(random.nextInt(4) == 0 ? "-" + pad() + pick(NUMBERS) : literal());
            }
            return sb.append(pad()).append(']').toString();
        }

        private String kw(String word) {
            StringBuilder sb = new StringBuilder(word.length());
            int style = random.nextInt(3);
            for (char c : word.toCharArray()) {
                boolean upper = style == 0 || (style == 2 && random.nextBoolean());
                sb.append(upper ? Character.toUpperCase(c) : c);
            }
            return sb.toString();
        }

        private String sp() {
            return pick(SPACES);
        }

        private String pad() {
            return random.nextInt(3) == 0 ? pick(SPACES) : "";
        }

        private String pick(String[] options) {
            return options[random.nextInt(options.length)];
        }
    }
}
