/*
 * The Azure IoT Hub query language: full SELECT queries over devices, devices.modules and
 * devices.jobs, and the bare condition used as a job's queryCondition.
 *
 * The grammar is deliberately a little wider than the service in a few places (IN with
 * parentheses, an unterminated string, a SELECT/WHERE prefix or GROUP BY inside a job condition)
 * so that the toolkit can name those mistakes precisely instead of reporting a generic syntax
 * error. No actions: the toolkit's AST builder gives the tree its meaning.
 */
grammar IotHubQuery;

options { caseInsensitive = true; }

// ---------------------------------------------------------------------------------------------
// Entry rules

query
    : SELECT (TOP top=(NUMBER | HEX_NUMBER))? selectList FROM source (WHERE expression)? groupBy? EOF
    ;

jobCondition
    : STAR EOF
    | misplacedPrefix? (FROM source WHERE)? expression groupBy? EOF
    ;

// "SELECT * FROM devices WHERE" or "WHERE" written in front of a job condition.
misplacedPrefix
    : SELECT (TOP (NUMBER | HEX_NUMBER))? selectList FROM source WHERE
    | WHERE
    ;

// ---------------------------------------------------------------------------------------------
// Clauses

selectList
    : STAR
    | projection (COMMA projection)*
    ;

projection
    : (functionCall | path) (AS? alias=identifier)?
    ;

source
    : DEVICES (DOT (MODULES | JOBS))?
    ;

groupBy
    : GROUP BY path (COMMA path)*
    ;

// ---------------------------------------------------------------------------------------------
// Expressions, tightest first (ANTLR takes precedence from the order of alternatives).

expression
    : LPAREN expression RPAREN                                            # parenthesized
    | functionCall                                                        # call
    | path                                                                # reference
    | literal                                                             # constant
    | arrayLiteral                                                        # array
    | MINUS expression                                                    # negate
    | expression op=(STAR | SLASH | PERCENT) expression                   # multiplicative
    | expression op=(PLUS | MINUS) expression                             # additive
    | expression op=(EQ | NEQ | LT | LTE | GT | GTE) expression           # comparison
    | expression op=(IN | NIN) arrayLiteral                               # inArray
    | expression op=(IN | NIN) LPAREN arrayElement (COMMA arrayElement)* RPAREN # inParentheses
    | NOT expression                                                      # not
    | expression AND expression                                           # and
    | expression OR expression                                            # or
    ;

functionCall
    : identifier LPAREN (expression (COMMA expression)*)? RPAREN
    ;

arrayLiteral
    : LBRACKET arrayElement (COMMA arrayElement)* RBRACKET
    ;

// An unsigned number is a literal; only a signed one needs its own alternative (one parse each).
arrayElement
    : MINUS (NUMBER | HEX_NUMBER)
    | literal
    ;

literal
    : STRING
    | UNTERMINATED_STRING
    | NUMBER
    | HEX_NUMBER
    | TRUE
    | FALSE
    | NULL
    | UNDEFINED
    ;

// A path's first segment cannot be a reserved word; later segments can (the validator warns,
// because the service wants [[group]] there).
path
    : (identifier | QUOTED_IDENTIFIER | UNTERMINATED_QUOTED_IDENTIFIER) (DOT segment)*
    ;

segment
    : identifier
    | QUOTED_IDENTIFIER
    | UNTERMINATED_QUOTED_IDENTIFIER
    | reservedWord
    ;

identifier
    : IDENTIFIER
    | DEVICES
    | MODULES
    | JOBS
    ;

reservedWord
    : SELECT | TOP | FROM | WHERE | GROUP | BY | AS | AND | OR | NOT | IN | NIN
    | TRUE | FALSE | NULL | UNDEFINED
    ;

// ---------------------------------------------------------------------------------------------
// Lexer

SELECT    : 'SELECT';
TOP       : 'TOP';
FROM      : 'FROM';
WHERE     : 'WHERE';
GROUP     : 'GROUP';
BY        : 'BY';
AS        : 'AS';
AND       : 'AND';
OR        : 'OR';
NOT       : 'NOT';
IN        : 'IN';
NIN       : 'NIN';
TRUE      : 'TRUE';
FALSE     : 'FALSE';
NULL      : 'NULL';
UNDEFINED : 'UNDEFINED';
DEVICES   : 'DEVICES';
MODULES   : 'MODULES';
JOBS      : 'JOBS';

LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
COMMA    : ',';
DOT      : '.';
STAR     : '*';
SLASH    : '/';
PERCENT  : '%';
PLUS     : '+';
MINUS    : '-';
EQ       : '=';
NEQ      : '!=' | '<>';
LTE      : '<=';
GTE      : '>=';
LT       : '<';
GT       : '>';

// Escapes are checked by the AST builder so that a bad one is reported where it stands. A quote
// written twice inside a string of that quote is one quote ('operator''sDevice'), as the IoT Edge
// documentation writes it; the query language page writes \' (docs/decisions.md, HJ114).
STRING
    : '\'' (ESCAPE | '\'\'' | ~['\\])* '\''
    | '"' (ESCAPE | '""' | ~["\\])* '"'
    ;

// Longest match: only a string that never closes lexes as this.
UNTERMINATED_STRING
    : '\'' (ESCAPE | '\'\'' | ~['\\])* '\\'?
    | '"' (ESCAPE | '""' | ~["\\])* '\\'?
    ;

HEX_NUMBER : '0X' HEX_DIGIT+;

NUMBER
    : DIGIT+ ('.' DIGIT*)? EXPONENT?
    | '.' DIGIT+ EXPONENT?
    ;

QUOTED_IDENTIFIER : '[[' .*? ']]';

// A "[[" that never closes: one token to the end, so that the lexer does not scan ahead again from
// every '[' after it (time linear in the input). It cannot hold "]]".
UNTERMINATED_QUOTED_IDENTIFIER : '[[' (~']' | ']' ~']')* ']'?;

// A name may hold '-' between name characters, as the service reads it: a desired property named
// KeyQuery1b4e28ba-2fa1-11d2-883f-0016d3cca427 is queried and grouped as written, and
// SupportedMethods.ChangeDeviceState--DeviceState-string is one name (docs/decisions.md).
// Subtraction needs spaces or a token that cannot continue a name: 'a - b', 'a -1'.
IDENTIFIER : ID_START ID_PART* ('-'+ ID_PART+)*;

BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN);

// Reported by the parser's token scan (HJ010); it cannot hold "*/".
UNTERMINATED_COMMENT : '/*' (~'*' | '*'+ ~[*/])* '*'* -> channel(HIDDEN);

WS : [ \t\r\n\u000C\u00A0]+ -> skip;

// Anything else becomes a token of its own so the lexer never fails; the parser words the error.
UNEXPECTED_CHARACTER : .;

fragment ESCAPE    : '\\' .;
fragment DIGIT     : [0-9];
fragment HEX_DIGIT : [0-9A-F];
fragment EXPONENT  : 'E' [+-]? DIGIT+;
fragment ID_START  : [A-Z_$] | [\p{L}];
fragment ID_PART   : [A-Z0-9_$] | [\p{L}\p{N}];
