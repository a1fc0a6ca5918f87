package dev.hubjobs.diag;

/**
 * Every rule code, written once: the parsers report the HJ0xx codes themselves, each other code
 * belongs to one rule class in {@code dev.hubjobs.rules}, whose registry is
 * {@code dev.hubjobs.rules.Rules}. A published code never changes meaning.
 */
public final class Codes {
    public static final String JSON_SYNTAX = "HJ001";
    public static final String JSON_NON_STANDARD = "HJ002";
    public static final String CONFIG = "HJ003";
    public static final String DUPLICATE_KEY = "HJ004";
    public static final String INPUT_LIMIT = "HJ005";
    public static final String QUERY_SYNTAX = "HJ010";
    public static final String QUERY_TOO_DEEP = "HJ011";
    public static final String IN_PARENTHESES = "HJ012";
    public static final String UNTERMINATED_STRING = "HJ013";

    public static final String MISPLACED_SELECT_PREFIX = "HJ101";
    public static final String UNSUPPORTED_CONDITION_CLAUSE = "HJ102";
    public static final String UNKNOWN_PATH_ROOT = "HJ103";
    public static final String UNSUPPORTED_FUNCTION = "HJ104";
    public static final String UNDOCUMENTED_FUNCTION = "HJ105";
    public static final String WRONG_ARGUMENT_COUNT = "HJ106";
    public static final String IMPOSSIBLE_COMPARISON = "HJ107";
    public static final String RESERVED_WORD_SEGMENT = "HJ108";
    public static final String ENUM_VALUE_CASE = "HJ109";
    public static final String QUERY_TOO_LONG = "HJ110";
    public static final String MODULE_CONDITION_IN_TWIN_JOB = "HJ111";
    public static final String DOUBLE_QUOTED_STRING = "HJ112";
    public static final String AMBIGUOUS_HYPHEN = "HJ113";
    public static final String DOUBLED_QUOTE = "HJ114";
    public static final String LITERAL_CONDITION = "HJ115";
    public static final String JOB_TYPE_NAME = "HJ201";
    public static final String REQUIRED_FIELD = "HJ202";
    public static final String FIELD_TYPE = "HJ203";
    public static final String UNKNOWN_FIELD = "HJ204";
    public static final String FIELD_NOT_FOR_JOB_TYPE = "HJ205";
    public static final String JOB_ID_FORMAT = "HJ206";
    public static final String START_TIME_FORMAT = "HJ207";
    public static final String START_TIME_ZONE_OR_PAST = "HJ208";
    public static final String MAX_EXECUTION_TIME = "HJ209";
    public static final String METHOD_TIMEOUTS = "HJ210";
    public static final String PAYLOAD_SIZE = "HJ211";
    public static final String DOUBLE_ENCODED_PAYLOAD = "HJ212";
    public static final String EMPTY_METHOD_NAME = "HJ213";
    public static final String JOB_CHARACTER_SET = "HJ301";
    public static final String TWIN_PATCH_ETAG = "HJ302";
    public static final String TWIN_PATCH_SECTIONS = "HJ303";
    public static final String TWIN_KEY_FORMAT = "HJ304";
    public static final String TWIN_DEPTH = "HJ305";
    public static final String TWIN_SIZE = "HJ306";
    public static final String TWIN_INTEGER_RANGE = "HJ307";
    public static final String IGNORED_TWIN_KEYS = "HJ308";
    public static final String NO_MATCHING_DEVICES = "HJ401";
    public static final String THROTTLE_TIMEOUT = "HJ402";
    public static final String MATCHES_ALL_DEVICES = "HJ403";
    public static final String PATH_NOT_IN_FLEET = "HJ404";

    private Codes() {}

    /** Whether a code is about the query language: the query syntax codes (HJ010-HJ013) and HJ1xx. */
    public static boolean isQuery(String code) {
        return code.startsWith("HJ01") || code.startsWith("HJ1");
    }
}
