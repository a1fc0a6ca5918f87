package dev.hubjobs.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;

/** The one Jackson mapper the reports share, and how they print a document. */
final class JsonOutput {

    static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    static {
        MAPPER.getFactory().setCharacterEscapes(new Escapes());
    }

    /**
     * JSON escapes the C0 controls anyway; DEL, the C1 controls, the bidirectional overrides and
     * isolates, U+FFFE and U+FFFF are valid in JSON strings too, but a report that ends up in a
     * terminal or a web page must not carry them raw. They are written as {@code \}{@code uXXXX},
     * which every reader decodes to the same text.
     */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean escaped = (c >= 0x80 && c <= 0x9f)
                    || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069)
                    || c == 0xfffe
                    || c == 0xffff;
            return escaped ? new SerializedString(String.format("\\u%04X", c)) : null;
        }
    }

    private JsonOutput() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Pretty-printed with two-space indentation and {@code \n} line ends on every platform. */
    static void print(JsonNode document, PrintWriter out) throws IOException {
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        MAPPER.writer(pretty).writeValue(out, document);
        out.println();
        out.flush();
    }
}
