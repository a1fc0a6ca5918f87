package dev.hubjobs.eval;

/**
 * Catalogue codes the evaluator reports when a query cannot be compiled. They are the validator's
 * codes for the same mistakes, so a user sees one code per mistake whichever tool found it.
 */
public final class EvalCodes {
    /** No such function (the validator's "function not available"). */
    public static final String UNKNOWN_FUNCTION = "HJ104";
    public static final String ARGUMENT_COUNT = "HJ106";
    /** An aggregate outside the SELECT list. */
    public static final String AGGREGATE_MISPLACED = "HJ102";

    private EvalCodes() {}
}
