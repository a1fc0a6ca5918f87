package dev.hubjobs.syntax;

import dev.hubjobs.text.CodePointOffsets;
import dev.hubjobs.text.Span;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/** Spans (UTF-16) of ANTLR tokens and rule contexts, whose indexes count code points. */
public final class TokenSpans {

    private final CodePointOffsets offsets;

    public TokenSpans(CodePointOffsets offsets) {
        this.offsets = offsets;
    }

    public Span of(Token t) {
        return offsets.span(t.getStartIndex(), t.getStopIndex());
    }

    /** The span of a context; an empty one at its start when it matched no token (error recovery). */
    public Span of(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        if (stop == null || stop.getStopIndex() < start.getStartIndex()) {
            return Span.at(offsets.toUtf16(start.getStartIndex()));
        }
        return offsets.span(start.getStartIndex(), stop.getStopIndex());
    }
}
