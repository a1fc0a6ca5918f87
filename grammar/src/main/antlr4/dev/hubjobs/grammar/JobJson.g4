/*
 * Job request documents: JSON with line and block comments (JSONC).
 *
 * The grammar also accepts what people paste from JavaScript and from the documentation
 * (single-quoted strings, unquoted keys, trailing commas, missing commas between members,
 * <placeholder> text) as tokens and alternatives of their own, so that the toolkit reports each
 * of them at its position and carries on, instead of stopping at the first one.
 */
grammar JobJson;

document
    : value? EOF
    ;

value
    : object
    | array
    | scalar
    ;

// Commas are checked by the tree builder (missing, doubled, leading, trailing), so that a stray
// one is reported where it stands and the members after it are still read.
object
    : LBRACE (member | COMMA)* RBRACE
    ;

member
    : key COLON value
    ;

key
    : STRING
    | SINGLE_QUOTED_STRING
    | UNTERMINATED_STRING
    | UNTERMINATED_SINGLE_QUOTED_STRING
    | BAREWORD
    | TRUE
    | FALSE
    | NULL
    | PLACEHOLDER
    ;

array
    : LBRACKET (value | COMMA)* RBRACKET
    ;

scalar
    : STRING
    | SINGLE_QUOTED_STRING
    | UNTERMINATED_STRING
    | UNTERMINATED_SINGLE_QUOTED_STRING
    | NUMBER
    | TRUE
    | FALSE
    | NULL
    | PLACEHOLDER
    | BAREWORD
    ;

LBRACE   : '{';
RBRACE   : '}';
LBRACKET : '[';
RBRACKET : ']';
COLON    : ':';
COMMA    : ',';

TRUE  : 'true';
FALSE : 'false';
NULL  : 'null';

// Escapes and control characters are checked by the tree builder, which reports each one where
// it stands; the lexer only finds where a string ends.
STRING : '"' (ESCAPE | ~["\\\r\n])* '"';

UNTERMINATED_STRING : '"' (ESCAPE | ~["\\\r\n])* '\\'?;

SINGLE_QUOTED_STRING : '\'' (ESCAPE | ~['\\\r\n])* '\'';

// Every opener that may not close has a twin that ends where the line (or the input) does, so the
// lexer never scans ahead from one opener and then again from the next: time stays linear.
UNTERMINATED_SINGLE_QUOTED_STRING : '\'' (ESCAPE | ~['\\\r\n])* '\\'?;

NUMBER : '-'? INTEGER FRACTION? EXPONENT?;

// "<jobId>", "<patch>": placeholders copied from the documentation.
PLACEHOLDER : '<' ~[<>\r\n"',{}[\]]* '>';

BAREWORD : [a-zA-Z_$] [a-zA-Z0-9_$\-]*;

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);

// Reported by the parser's token scan (HJ001); it cannot hold "*/".
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* -> channel(HIDDEN);

WS : [ \t\r\n\uFEFF]+ -> skip;

UNEXPECTED_CHARACTER : .;

fragment ESCAPE   : '\\' ~[\r\n];
fragment INTEGER  : '0' | [1-9] [0-9]*;
fragment FRACTION : '.' [0-9]+;
fragment EXPONENT : [eE] [+-]? [0-9]+;
