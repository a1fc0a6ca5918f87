package dev.hubjobs.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * ANTLR's recovering error strategy with messages people can read:
 * {@code mismatched input 'AND'. Expecting: <expression>}. Recovery (single-token insertion and
 * deletion, then resynchronisation) is ANTLR's, so one pass reports every independent error.
 *
 * <p>Errors are collected here rather than through error listeners so that each comes with its
 * offending token and nothing is ever printed to the console.
 */
public final class SyntaxErrorStrategy extends DefaultErrorStrategy {

    /** One syntax error: the token it was found at, and the message. */
    public record SyntaxError(Token token, String message) {}

    /** How many errors one parse collects before it stops: past them, recovery is mostly noise. */
    public static final int MAX_ERRORS = 1000;

    /** Thrown when {@link #MAX_ERRORS} is reached; the parse ends there. */
    public static final class TooManyErrors extends ParseCancellationException {
        private static final long serialVersionUID = 1L;

        TooManyErrors() {
            super("more than " + MAX_ERRORS + " syntax errors");
        }
    }

    private final Function<IntervalSet, String> expecting;
    private final String endOfInput;
    private final List<SyntaxError> errors = new ArrayList<>();

    /**
     * @param expecting turns the set of token types the parser could accept into words, e.g.
     *     {@code <expression>, ')'}
     * @param endOfInput how to name the end of the text ("end of query")
     */
    public SyntaxErrorStrategy(Function<IntervalSet, String> expecting, String endOfInput) {
        this.expecting = expecting;
        this.endOfInput = endOfInput;
    }

    public List<SyntaxError> errors() {
        return errors;
    }

    private String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return endOfInput;
        }
        return "input '" + abbreviate(token.getText()) + "'";
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
    }

    private void add(Token token, String message) {
        errors.add(new SyntaxError(token, message));
        if (errors.size() >= MAX_ERRORS) {
            throw new TooManyErrors();
        }
    }

    private String expectingPart(IntervalSet set) {
        String words = set == null ? "" : expecting.apply(set);
        return words.isEmpty() ? "" : ". Expecting: " + words;
    }

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        Token token = e.getOffendingToken();
        String what = token.getType() == Token.EOF ? "unexpected " + endOfInput : "mismatched " + describe(token);
        add(token, what + expectingPart(e.getExpectedTokens()));
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        Token token = e.getOffendingToken();
        String what = token.getType() == Token.EOF ? "unexpected " + endOfInput : "mismatched " + describe(token);
        add(token, what + expectingPart(e.getExpectedTokens()));
    }

    @Override
    protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
        add(e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()));
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token token = recognizer.getCurrentToken();
        add(token, "extraneous " + describe(token) + expectingPart(getExpectedTokens(recognizer)));
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        Token token = recognizer.getCurrentToken();
        String missing = expecting.apply(getExpectedTokens(recognizer));
        add(token, "missing " + missing + " before " + describe(token));
    }

    @Override
    public void reportError(Parser recognizer, RecognitionException e) {
        if (inErrorRecoveryMode(recognizer)) {
            return;
        }
        beginErrorCondition(recognizer);
        if (e instanceof NoViableAltException nva) {
            reportNoViableAlternative(recognizer, nva);
        } else if (e instanceof InputMismatchException ime) {
            reportInputMismatch(recognizer, ime);
        } else if (e instanceof FailedPredicateException fpe) {
            reportFailedPredicate(recognizer, fpe);
        } else {
            add(e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()));
        }
    }
}
