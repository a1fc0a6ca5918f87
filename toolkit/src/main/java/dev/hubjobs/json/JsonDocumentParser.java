package dev.hubjobs.json;

import dev.hubjobs.diag.Codes;
import dev.hubjobs.diag.Diagnostic;
import dev.hubjobs.diag.Fix;
import dev.hubjobs.diag.TextEdit;
import dev.hubjobs.grammar.JobJsonLexer;
import dev.hubjobs.grammar.JobJsonParser;
import dev.hubjobs.grammar.JobJsonParser.*;
import dev.hubjobs.json.JsonValue.*;
import dev.hubjobs.syntax.BoundedTokenSource;
import dev.hubjobs.syntax.Escapes;
import dev.hubjobs.syntax.ExpectedTokens;
import dev.hubjobs.syntax.SyntaxErrorStrategy;
import dev.hubjobs.syntax.TokenSpans;
import dev.hubjobs.text.CodePointOffsets;
import dev.hubjobs.text.LineMap;
import dev.hubjobs.text.SharedStrings;
import dev.hubjobs.text.Span;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ErrorNodeImpl;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.antlr.v4.runtime.tree.TerminalNodeImpl;

/**
 * Parses job documents (JSON with comments) into a {@link JsonValue} tree with spans, reporting
 * every problem at its position and recovering so that one pass finds them all. Never throws for
 * user input; limits are checked before they can exhaust the stack or the heap.
 */
public final class JsonDocumentParser {

    /** Largest document accepted, in bytes (and in characters for text input). */
    public static final int MAX_SIZE = 4 * 1024 * 1024;

    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 128;

    /**
     * How many tokens the grammar path reads of a document that is not strict JSON. Far more than a
     * real job file with comments holds; past it the rest is not checked (HJ005), so that garbage
     * costs bounded memory and time.
     */
    public static final int MAX_TOKENS = 500_000;

    /**
     * How many findings the grammar path reports of one document; past them, one HJ005 says where
     * reporting stopped. A finding costs far more memory than the characters it is about: without
     * a cap, 4 MB of short strings of raw control characters would take a gigabyte and seconds.
     * Far more than anyone reads, and more than the quarter of a million of the densest 4 MB of
     * JavaScript-style jobs, so that {@code --fix} applies their fixes in one pass (past the cap it
     * cannot tell what a pass changes, and applies none).
     */
    public static final int MAX_FINDINGS = 500_000;

    /**
     * How many raw control characters and bad escapes of one string are listed; one more finding
     * says how many more there are.
     */
    static final int MAX_PER_STRING = 10;

    /**
     * How expected tokens are named in messages. In a holder of its own because it loads the
     * generated lexer, whose start-up cost a valid document (read by the fast path) never pays.
     */
    private static final class Expected {
        static final ExpectedTokens EXPECTED = new ExpectedTokens(
                JobJsonLexer.VOCABULARY,
                List.of(
                        ExpectedTokens.Group.of(
                                "<value>",
                                new int[] {JobJsonLexer.LBRACE, JobJsonLexer.LBRACKET, JobJsonLexer.NUMBER},
                                new int[] {
                                    JobJsonLexer.STRING,
                                    JobJsonLexer.SINGLE_QUOTED_STRING,
                                    JobJsonLexer.UNTERMINATED_STRING,
                                    JobJsonLexer.UNTERMINATED_SINGLE_QUOTED_STRING,
                                    JobJsonLexer.TRUE,
                                    JobJsonLexer.FALSE,
                                    JobJsonLexer.NULL,
                                    JobJsonLexer.PLACEHOLDER,
                                    JobJsonLexer.BAREWORD
                                }),
                        ExpectedTokens.Group.of(
                                "<key>", new int[] {JobJsonLexer.STRING, JobJsonLexer.BAREWORD}, new int[] {
                                    JobJsonLexer.SINGLE_QUOTED_STRING,
                                    JobJsonLexer.UNTERMINATED_STRING,
                                    JobJsonLexer.UNTERMINATED_SINGLE_QUOTED_STRING,
                                    JobJsonLexer.TRUE,
                                    JobJsonLexer.FALSE,
                                    JobJsonLexer.NULL,
                                    JobJsonLexer.PLACEHOLDER
                                })),
                Map.of(
                        JobJsonLexer.STRING,
                        "<string>",
                        JobJsonLexer.NUMBER,
                        "<number>",
                        JobJsonLexer.UNEXPECTED_CHARACTER,
                        "<character>"));
    }

    private JsonDocumentParser() {}

    /** Decodes UTF-8 (reporting invalid bytes as HJ005, then reading on with U+FFFD) and parses. */
    public static JsonDocument parse(byte[] bytes) {
        if (bytes.length > MAX_SIZE) {
            // readBounded stops one byte past the limit: the true size is not known then.
            return tooLarge("", (bytes.length == MAX_SIZE + 1 ? "over " + MAX_SIZE : bytes.length) + " bytes");
        }
        // Valid UTF-8 decodes without a replacement character; only a file with one (invalid, or
        // holding a real U+FFFD) needs the strict decoder to tell which.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            return parse(text);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return parse(strict.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return parseInvalidUtf8(bytes);
        }
    }

    private static JsonDocument parseInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        List<int[]> bad = new ArrayList<>(); // {char offset, byte offset}
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                bad.add(new int[] {out.position(), in.position()});
                in.position(in.position() + r.length());
                out.put('\uFFFD');
            } else {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        JsonDocument parsed = parse(out.toString());
        List<Diagnostic> diagnostics = new ArrayList<>(parsed.diagnostics());
        for (int[] b : bad) {
            diagnostics.add(Diagnostic.error(
                    Codes.INPUT_LIMIT,
                    "invalid UTF-8 at byte " + b[1] + "; job files must be UTF-8",
                    Span.of(b[0], b[0] + 1)));
        }
        diagnostics.sort(Comparator.comparing(Diagnostic::span));
        return new JsonDocument(parsed.text(), parsed.root(), diagnostics, parsed.lines());
    }

    private static JsonDocument tooLarge(String text, String size) {
        return new JsonDocument(text, Optional.empty(), List.of(tooLarge(size)), LineMap.of(text));
    }

    /** The HJ005 finding for a document over {@link #MAX_SIZE}; {@code size} says how large, with its unit. */
    public static Diagnostic tooLarge(String size) {
        return Diagnostic.error(
                Codes.INPUT_LIMIT,
                "the document is " + size + "; the limit is " + MAX_SIZE + " bytes (4 MB)",
                Span.at(0));
    }

    /**
     * Reads at most one byte more than {@link #MAX_SIZE}: enough for {@link #parse(byte[])} to
     * tell that a document is too large, without holding an endless stream in memory.
     */
    public static byte[] readBounded(java.io.InputStream in) throws java.io.IOException {
        return in.readNBytes(MAX_SIZE + 1);
    }

    public static JsonDocument parse(String text) {
        if (text.length() > MAX_SIZE) {
            return tooLarge("", text.length() + " characters");
        }
        LineMap lines = LineMap.of(text);
        Optional<JsonValue> strict = StrictJson.tryParse(text);
        if (strict.isPresent()) {
            return new JsonDocument(text, strict, List.of(), lines);
        }
        return parseTolerant(text, lines);
    }

    /** The grammar-based path: reads anything, reports every problem where it stands. */
    static JsonDocument parseTolerant(String text, LineMap lines) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        CodePointOffsets offsets = CodePointOffsets.of(text);
        TokenSpans spans = new TokenSpans(offsets);
        BoundedTokenSource source = new BoundedTokenSource(new JsonLexer(text), MAX_TOKENS);
        CommonTokenStream tokens = new CommonTokenStream(source);
        tokens.fill();
        Token cut = source.cut();
        if (cut != null) {
            diagnostics.add(Diagnostic.error(
                    Codes.INPUT_LIMIT,
                    "the document is not strict JSON and has more than " + MAX_TOKENS
                            + " tokens; it was checked up to here only",
                    Span.at(spans.of(cut).start())));
        }

        int depth = 0;
        for (Token t : tokens.getTokens()) {
            int type = t.getType();
            if (type == JobJsonLexer.UNTERMINATED_COMMENT) {
                Span at = spans.of(t);
                diagnostics.add(Diagnostic.error(
                        Codes.JSON_SYNTAX, "'/*' without a closing '*/'", Span.of(at.start(), at.start() + 2)));
            } else if (type == JobJsonLexer.LBRACE || type == JobJsonLexer.LBRACKET) {
                if (++depth > MAX_DEPTH) {
                    diagnostics.add(Diagnostic.error(
                            Codes.INPUT_LIMIT,
                            "objects and arrays nest deeper than " + MAX_DEPTH + " levels",
                            spans.of(t)));
                    return new JsonDocument(text, Optional.empty(), diagnostics, lines);
                }
            } else if (type == JobJsonLexer.RBRACE || type == JobJsonLexer.RBRACKET) {
                depth = Math.max(0, depth - 1);
            }
        }

        // A document cut short is only parsed for its syntax errors: neither a tree nor values.
        BuildingParser parser = new BuildingParser(tokens, cut == null ? new Builder(text, spans) : null);
        parser.setBuildParseTree(cut == null);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        DocumentContext tree;
        try {
            tree = parser.document();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.builder = cut == null ? new Builder(text, spans) : null;
            SyntaxErrorStrategy errors = new SyntaxErrorStrategy(Expected.EXPECTED::describe, "end of document");
            parser.setErrorHandler(errors);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                tree = parser.document();
            } catch (SyntaxErrorStrategy.TooManyErrors e) {
                tree = null;
            }
            for (SyntaxErrorStrategy.SyntaxError e : errors.errors()) {
                // At the cut the parser sees an end of document that the user did not write.
                if (cut == null || e.token().getStartIndex() < cut.getStartIndex()) {
                    diagnostics.add(Diagnostic.error(Codes.JSON_SYNTAX, e.message(), spans.of(e.token())));
                }
            }
            if (tree == null) {
                Span last = diagnostics.get(diagnostics.size() - 1).span();
                diagnostics.add(Diagnostic.error(
                        Codes.JSON_SYNTAX,
                        "more than " + SyntaxErrorStrategy.MAX_ERRORS
                                + " syntax errors; the rest of the document was not checked",
                        Span.at(last.end())));
            }
        }
        if (tree == null || cut != null) {
            // A partial document: its jobs would get findings of a text the user did not write.
            diagnostics.sort(Comparator.comparing(Diagnostic::span));
            return new JsonDocument(text, Optional.empty(), diagnostics, lines);
        }
        Builder builder = parser.builder;
        ValueContext top = Builder.child(tree, ValueContext.class);
        Optional<JsonValue> root = top == null ? Optional.empty() : Optional.ofNullable(builder.value(top));
        diagnostics.addAll(builder.diagnostics);
        if (builder.diagnostics.firstDropped != null) {
            diagnostics.add(Diagnostic.error(
                    Codes.INPUT_LIMIT,
                    "more than " + MAX_FINDINGS + " findings in this document; reporting stopped here",
                    Span.at(builder.diagnostics.firstDropped.start())));
        }
        if (root.isEmpty() && diagnostics.isEmpty()) {
            diagnostics.add(Diagnostic.error(Codes.JSON_SYNTAX, "the document is empty", Span.at(0)));
        }
        diagnostics.sort(Comparator.comparing(Diagnostic::span));
        return new JsonDocument(text, root, diagnostics, lines);
    }

    /**
     * The generated parser, handing each value to the {@link Builder} as it leaves it. (Overriding
     * the exit is the cheap way to hear of it: a parse listener would cost an iterator for every
     * token and rule.)
     */
    private static final class BuildingParser extends JobJsonParser {
        /** Null when the values are not wanted. */
        Builder builder;

        BuildingParser(CommonTokenStream tokens, Builder builder) {
            super(tokens);
            this.builder = builder;
        }

        @Override
        public void exitRule() {
            ParserRuleContext leaving = _ctx;
            super.exitRule(); // sets where the context stops
            if (builder != null && leaving instanceof ValueContext value) {
                builder.finish(value);
            }
        }

        // Most contexts get one to three children: room for three, not the ten of ANTLR's default list.

        @Override
        protected void addContextToParseTree() {
            if (_ctx.parent instanceof ParserRuleContext parent) {
                roomFor(parent);
            }
            super.addContextToParseTree();
        }

        @Override
        public TerminalNode createTerminalNode(ParserRuleContext parent, Token t) {
            roomFor(parent);
            return super.createTerminalNode(parent, t);
        }

        @Override
        public ErrorNode createErrorNode(ParserRuleContext parent, Token t) {
            roomFor(parent);
            return super.createErrorNode(parent, t);
        }

        private static void roomFor(ParserRuleContext ctx) {
            if (ctx != null && ctx.children == null) {
                ctx.children = new ArrayList<>(3);
            }
        }
    }

    /**
     * Builds the tree and reports what the tolerant grammar let through. Each value is built when
     * the parser leaves it, and its part of the parse tree is then replaced by what was built
     * ({@link Built}). The parse tree so holds only the values still open, not the whole document:
     * a document of half a million tokens would otherwise keep some hundred bytes of tree per
     * token alive to the end of the parse, and its memory and the collector's copying of it would
     * cost more than the parse.
     */
    private static final class Builder {
        private final String text;
        private final TokenSpans spans;
        private final Capped diagnostics = new Capped(MAX_FINDINGS);
        /** The findings about characters of the string being read. */
        private final Capped inString = new Capped(MAX_PER_STRING);
        /**
         * One copy of each message and replacement text of the findings a document repeats: a
         * JavaScript-style document has a hundred thousand of them with a dozen different texts.
         */
        private final SharedStrings shared = new SharedStrings(4096);

        Builder(String text, TokenSpans spans) {
            this.text = text;
            this.spans = spans;
        }

        /**
         * Findings, the first {@code limit} of them; and how many were left out, and where the first
         * of those was. (A list, as {@link Escapes#decode} reports into one.)
         */
        private static final class Capped extends ArrayList<Diagnostic> {
            private static final long serialVersionUID = 1L;
            private final int limit;
            Span firstDropped;
            int dropped;

            Capped(int limit) {
                this.limit = limit;
            }

            @Override
            public boolean add(Diagnostic d) {
                if (size() < limit) {
                    return super.add(d);
                }
                if (dropped++ == 0) {
                    firstDropped = d.span();
                }
                return false;
            }

            /** Empty again, for the next string. */
            void reset() {
                clear();
                firstDropped = null;
                dropped = 0;
            }
        }

        /** A finished value in place of its subtree: what it was built into, and whether it parsed without recovery. */
        private static final class Built extends TerminalNodeImpl {
            final JsonValue value;
            final boolean wellFormed;

            Built(Token start, JsonValue value, boolean wellFormed) {
                super(start);
                this.value = value;
                this.wellFormed = wellFormed;
            }
        }

        /** The finding's message for each control character, made once. */
        private static final String[] CONTROL_CHARACTER = new String[0x20];

        static {
            for (int c = 0; c < CONTROL_CHARACTER.length; c++) {
                String hex = Integer.toHexString(0x10000 | c).substring(1).toUpperCase(java.util.Locale.ROOT);
                CONTROL_CHARACTER[c] = "control character U+" + hex + " must be escaped inside a string";
            }
        }

        /** Builds a value the parser has left; the values within it are built already. */
        void finish(ValueContext v) {
            Built built = new Built(v.getStart(), build(v), wellFormed(v));
            // The parser adds nothing to a context it has left.
            if (v.children == null) {
                v.children = new ArrayList<>(1);
            }
            v.children.clear();
            v.children.add(built);
        }

        JsonValue value(ValueContext ctx) {
            if (ctx == null) {
                return null;
            }
            if (ctx.getChildCount() == 1 && ctx.getChild(0) instanceof Built built) {
                return built.value;
            }
            return build(ctx);
        }

        private JsonValue build(ValueContext ctx) {
            ObjectContext object = child(ctx, ObjectContext.class);
            if (object != null) {
                return object(object);
            }
            ArrayContext array = child(ctx, ArrayContext.class);
            if (array != null) {
                return array(array);
            }
            ScalarContext scalar = child(ctx, ScalarContext.class);
            return scalar != null && scalar.getStart() != null ? scalar(scalar.getStart()) : null;
        }

        /**
         * The first child of a kind, as the generated accessors ({@code ctx.object()}) find it but
         * without their iterator: the builder asks this of every node of a document that may hold
         * half a million tokens.
         */
        static <T extends ParserRuleContext> T child(ParserRuleContext ctx, Class<T> kind) {
            for (int i = 0; i < ctx.getChildCount(); i++) {
                if (kind.isInstance(ctx.getChild(i))) {
                    return kind.cast(ctx.getChild(i));
                }
            }
            return null;
        }

        private JsonObject object(ObjectContext ctx) {
            List<Member> members = new ArrayList<>();
            Map<String, JsonString> seen = new HashMap<>();
            walkList(ctx, child -> {
                if (!(child instanceof MemberContext m)) {
                    return false;
                }
                KeyContext keyContext = child(m, KeyContext.class);
                ValueContext valueContext = child(m, ValueContext.class);
                if (keyContext == null || valueContext == null) {
                    return false;
                }
                JsonString key = key(keyContext.getStart());
                JsonValue value = value(valueContext);
                if (key == null || value == null) {
                    return false;
                }
                JsonString first = seen.putIfAbsent(key.value(), key);
                if (first != null) {
                    diagnostics.add(Diagnostic.error(
                                    Codes.DUPLICATE_KEY,
                                    "duplicate key '" + key.value() + "'; the service silently keeps only one of them",
                                    key.span())
                            .withData("firstDefinedAt", first.span().start()));
                }
                members.add(new Member(key, value));
                return true;
            });
            return new JsonObject(members, span(ctx));
        }

        private JsonArray array(ArrayContext ctx) {
            List<JsonValue> elements = new ArrayList<>();
            walkList(ctx, child -> {
                if (!(child instanceof ValueContext v)) {
                    return false;
                }
                JsonValue value = value(v);
                if (value != null) {
                    elements.add(value);
                }
                return value != null;
            });
            return new JsonArray(elements, span(ctx));
        }

        /**
         * Visits the items of an object or array in order and reports what is wrong with the commas
         * between them: missing between two items, doubled or leading (HJ001), or trailing before
         * the closing bracket (HJ002).
         */
        private void walkList(ParserRuleContext ctx, java.util.function.Predicate<ParseTree> item) {
            boolean afterItem = false;
            boolean afterComma = false;
            boolean commaReported = false;
            for (int i = 0; i < ctx.getChildCount(); i++) {
                ParseTree child = ctx.getChild(i);
                // Class, not interface, checks: HotSpot's one-entry cache of interface checks thrashes
                // when TerminalNode and ErrorNode are tested in turn on the same class.
                if (child instanceof TerminalNodeImpl node) {
                    int type = node.getSymbol().getType();
                    boolean recovered = node instanceof ErrorNodeImpl;
                    if (type == JobJsonLexer.COMMA && !recovered) {
                        if (!afterItem) {
                            Span comma = span(node.getSymbol());
                            diagnostics.add(Diagnostic.error(
                                            Codes.JSON_SYNTAX,
                                            afterComma ? "extra ','" : "unexpected ',' before the first item",
                                            comma)
                                    .withFix(Fix.safe("Remove the comma", new TextEdit(comma, ""))));
                        }
                        commaReported = !afterItem;
                        afterComma = true;
                        afterItem = false;
                    } else if ((type == JobJsonLexer.RBRACE || type == JobJsonLexer.RBRACKET)
                            && !recovered
                            && afterComma
                            && !commaReported
                            && i > 0
                            && ctx.getChild(i - 1) instanceof TerminalNodeImpl previous
                            && !(previous instanceof ErrorNodeImpl)
                            && previous.getSymbol().getType() == JobJsonLexer.COMMA) {
                        Span comma = span(previous.getSymbol());
                        diagnostics.add(Diagnostic.error(
                                        Codes.JSON_NON_STANDARD,
                                        "trailing comma; JSON does not allow a comma before '" + node.getText() + "'",
                                        comma)
                                .withFix(Fix.safe("Remove the trailing comma", new TextEdit(comma, ""))));
                    } else if (recovered) {
                        afterComma = false;
                    }
                    continue;
                }
                if (afterItem && child instanceof ParserRuleContext rule && rule.getStart() != null) {
                    Token next = rule.getStart();
                    Diagnostic missing = Diagnostic.error(
                            Codes.JSON_SYNTAX, "missing ',' before '" + abbreviate(next.getText()) + "'", span(next));
                    // Two items one after the other: the comma goes right after the first.
                    if (ctx.getChild(i - 1) instanceof ParserRuleContext previous && wellFormed(previous)) {
                        missing = missing.withFix(Fix.safe(
                                "Insert ','",
                                new TextEdit(Span.at(span(previous.getStop()).end()), ",")));
                    }
                    diagnostics.add(missing);
                }
                afterItem = item.test(child);
                afterComma = false;
            }
        }

        private JsonString key(Token t) {
            return switch (t.getType()) {
                case JobJsonLexer.STRING,
                        JobJsonLexer.SINGLE_QUOTED_STRING,
                        JobJsonLexer.UNTERMINATED_STRING,
                        JobJsonLexer.UNTERMINATED_SINGLE_QUOTED_STRING -> string(t);
                case JobJsonLexer.BAREWORD, JobJsonLexer.TRUE, JobJsonLexer.FALSE, JobJsonLexer.NULL -> {
                    Span span = span(t);
                    String word = text(span);
                    diagnostics.add(Diagnostic.error(
                                    Codes.JSON_NON_STANDARD,
                                    shared.share("unquoted key '" + word + "'; JSON keys must be in double quotes"),
                                    span)
                            .withFix(
                                    Fix.safe("Quote the key", new TextEdit(span, shared.share(JsonText.quote(word))))));
                    yield new JsonString(word, Style.BARE, span, null);
                }
                case JobJsonLexer.PLACEHOLDER -> {
                    Span span = span(t);
                    String placeholder = text(span);
                    placeholder(placeholder, span);
                    yield new JsonString(placeholder, Style.BARE, span, null);
                }
                default -> null;
            };
        }

        private JsonValue scalar(Token t) {
            Span span = span(t);
            if (t.getType() == JobJsonLexer.SINGLE_QUOTED_STRING && isQuotedPlaceholder(text, span)) {
                // '<jobId>' in a JavaScript-style sample: one placeholder, like <payload>; the quotes
                // go with the value the user writes in its place.
                placeholder(text.substring(span.start() + 1, span.end() - 1), span);
                return new JsonInvalid(text(span), span);
            }
            return switch (t.getType()) {
                case JobJsonLexer.STRING,
                        JobJsonLexer.SINGLE_QUOTED_STRING,
                        JobJsonLexer.UNTERMINATED_STRING,
                        JobJsonLexer.UNTERMINATED_SINGLE_QUOTED_STRING -> string(t);
                case JobJsonLexer.NUMBER -> new JsonNumber(text(span), span);
                case JobJsonLexer.TRUE -> new JsonBoolean(true, span);
                case JobJsonLexer.FALSE -> new JsonBoolean(false, span);
                case JobJsonLexer.NULL -> new JsonNull(span);
                case JobJsonLexer.PLACEHOLDER -> {
                    String placeholder = text(span);
                    placeholder(placeholder, span);
                    yield new JsonInvalid(placeholder, span);
                }
                case JobJsonLexer.BAREWORD -> {
                    String word = text(span);
                    diagnostics.add(Diagnostic.error(
                                    Codes.JSON_NON_STANDARD,
                                    shared.share(
                                            "unquoted string '" + word + "'; JSON strings must be in double quotes"),
                                    span)
                            .withFix(Fix.safe(
                                    "Quote the string", new TextEdit(span, shared.share(JsonText.quote(word))))));
                    yield new JsonString(word, Style.BARE, span, null);
                }
                default -> null;
            };
        }

        /** A token's text, from the document rather than the token stream, which makes a string per call. */
        private String text(Span span) {
            return text.substring(span.start(), span.end());
        }

        private void placeholder(String text, Span span) {
            diagnostics.add(Diagnostic.error(
                    Codes.JSON_NON_STANDARD,
                    shared.share(
                            "placeholder " + text + " copied from the documentation; replace it with a real value"),
                    span));
        }

        /**
         * A single-quoted string that holds nothing but a placeholder, {@code '<jobId>'}: the text
         * between the angle brackets as a bare {@code <placeholder>} may hold it.
         */
        static boolean isQuotedPlaceholder(String text, Span token) {
            int start = token.start();
            int end = token.end();
            if (end - start < 4
                    || !text.startsWith("'<", start)
                    || text.charAt(end - 2) != '>'
                    || text.charAt(end - 1) != '\'') {
                return false;
            }
            for (int i = start + 2; i < end - 2; i++) {
                if ("<>\r\n\"',{}[]\\".indexOf(text.charAt(i)) >= 0) {
                    return false;
                }
            }
            return true;
        }

        /** Decodes a quoted string, reporting bad escapes and raw control characters where they stand. */
        private JsonString string(Token t) {
            Span span = span(t);
            String raw = text(span);
            inString.reset();
            boolean single = t.getType() == JobJsonLexer.SINGLE_QUOTED_STRING
                    || t.getType() == JobJsonLexer.UNTERMINATED_SINGLE_QUOTED_STRING;
            boolean terminated = t.getType() != JobJsonLexer.UNTERMINATED_STRING
                    && t.getType() != JobJsonLexer.UNTERMINATED_SINGLE_QUOTED_STRING;
            int end = terminated ? raw.length() - 1 : raw.length();
            StringBuilder value = new StringBuilder(Math.max(0, end - 1));
            int[] rawOffsets = null;
            for (int i = 1; i < end; i++) {
                char c = raw.charAt(i);
                if (c == '\\' && rawOffsets == null) {
                    rawOffsets = new int[end + 1];
                    for (int k = 0; k < value.length(); k++) {
                        rawOffsets[k] = k + 1;
                    }
                }
                if (rawOffsets != null) {
                    rawOffsets[value.length()] = i;
                }
                if (c != '\\') {
                    if (c < 0x20) {
                        inString.add(Diagnostic.error(
                                Codes.JSON_SYNTAX,
                                CONTROL_CHARACTER[c],
                                Span.of(span.start() + i, span.start() + i + 1)));
                    }
                    value.append(c);
                    continue;
                }
                if (i + 1 >= end) {
                    break;
                }
                i = Escapes.decode(
                        raw, i, end, single ? '\'' : -1, true, value, Codes.JSON_SYNTAX, span.start(), inString);
            }
            for (Diagnostic d : inString) {
                diagnostics.add(d);
            }
            if (inString.dropped > 0) {
                diagnostics.add(Diagnostic.error(
                        Codes.JSON_SYNTAX,
                        "and " + inString.dropped + " more control characters or escapes to correct in this string,"
                                + " not listed",
                        inString.firstDropped));
            }
            if (rawOffsets != null) {
                rawOffsets[value.length()] = end;
                rawOffsets = java.util.Arrays.copyOf(rawOffsets, value.length() + 1);
            }
            String decoded = value.toString();
            if (!terminated) {
                diagnostics.add(Diagnostic.error(
                        Codes.JSON_SYNTAX, "unterminated string: missing closing " + (single ? "'" : "\""), span));
            } else if (single) {
                diagnostics.add(Diagnostic.error(
                                Codes.JSON_NON_STANDARD,
                                "single-quoted string; JSON strings must be in double quotes",
                                span)
                        .withFix(Fix.safe(
                                "Use double quotes", new TextEdit(span, shared.share(JsonText.quote(decoded))))));
            }
            return new JsonString(decoded, single ? Style.SINGLE_QUOTED : Style.DOUBLE_QUOTED, span, rawOffsets);
        }

        /**
         * Whether an item parsed without recovery, ending in a complete token: only then is a comma
         * right after it what was meant. After a recovered item (an unterminated string that ran
         * to the end of the line) a comma would be a guess that fixing again would repeat.
         */
        private static boolean wellFormed(ParserRuleContext item) {
            if (item.exception != null
                    || item.getStop() == null
                    || item.getStart() == null
                    || item.getStop().getTokenIndex() < item.getStart().getTokenIndex()) {
                return false;
            }
            int stopType = item.getStop().getType();
            if (stopType == JobJsonLexer.UNTERMINATED_STRING
                    || stopType == JobJsonLexer.UNTERMINATED_SINGLE_QUOTED_STRING) {
                return false;
            }
            for (int i = 0; i < item.getChildCount(); i++) {
                ParseTree child = item.getChild(i);
                if (child instanceof ErrorNodeImpl
                        || (child instanceof Built built && !built.wellFormed)
                        || (child instanceof ParserRuleContext rule && !wellFormed(rule))) {
                    return false;
                }
            }
            return true;
        }

        private static String abbreviate(String s) {
            return s.length() > 30 ? s.substring(0, 27) + "..." : s;
        }

        private Span span(Token t) {
            return spans.of(t);
        }

        private Span span(ParserRuleContext ctx) {
            return spans.of(ctx);
        }
    }
}
