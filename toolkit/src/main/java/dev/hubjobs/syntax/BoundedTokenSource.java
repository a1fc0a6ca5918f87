package dev.hubjobs.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenFactory;
import org.antlr.v4.runtime.TokenSource;

/**
 * A lexer's tokens up to a limit: past it the stream ends, so that a hostile document costs the
 * grammar path bounded memory and time. {@link #cut()} says where, if it did.
 */
public final class BoundedTokenSource implements TokenSource {

    private final TokenSource lexer;
    private final int maxTokens;
    private int count;
    private Token cut;

    public BoundedTokenSource(TokenSource lexer, int maxTokens) {
        this.lexer = lexer;
        this.maxTokens = maxTokens;
    }

    @Override
    public Token nextToken() {
        if (cut != null) {
            return endAt(cut);
        }
        Token t = lexer.nextToken();
        if (t.getType() != Token.EOF && ++count > maxTokens) {
            cut = t;
            return endAt(t);
        }
        return t;
    }

    /** The first token left out, or null when every token was read. */
    public Token cut() {
        return cut;
    }

    private static Token endAt(Token t) {
        CommonToken eof = new CommonToken(Token.EOF, "<EOF>");
        eof.setStartIndex(t.getStartIndex());
        eof.setStopIndex(t.getStartIndex() - 1);
        eof.setLine(t.getLine());
        eof.setCharPositionInLine(t.getCharPositionInLine());
        return eof;
    }

    @Override
    public int getLine() {
        return lexer.getLine();
    }

    @Override
    public int getCharPositionInLine() {
        return lexer.getCharPositionInLine();
    }

    @Override
    public CharStream getInputStream() {
        return lexer.getInputStream();
    }

    @Override
    public String getSourceName() {
        return lexer.getSourceName();
    }

    @Override
    public void setTokenFactory(TokenFactory<?> factory) {
        lexer.setTokenFactory(factory);
    }

    @Override
    public TokenFactory<?> getTokenFactory() {
        return lexer.getTokenFactory();
    }
}
