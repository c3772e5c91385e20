//! Julia: keywords, builtins and types from Rouge's lists, Unicode operators, nested block
//! comments, string interpolation and escapes.

use super::word_re;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const OPERATORS: &str = r"\+|=|-|\*|/|\\|&|\||\$|~|\^|%|!|>>>|>>|<<|&&|\|\||\+=|-=|\*=|/=|\\=|÷=|%=|\^=|&=|\|=|\$=|>>>=|>>=|<<=|==|!=|≠|<=|≤|>=|≥|\.|::|<:|->|\?|\.\*|\.\^|\.\\|\./|\\|<|>|÷|>:|:|===|!==|=>";

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\n", TEXT),
                rule(r"[^\S\n]+", TEXT),
                rule("#=", COMMENT_MULTILINE).push("blockcomment"),
                rule("#.*$", COMMENT),
                rule(OPERATORS, OPERATOR),
                rule(r"\\\n", TEXT),
                rule(r"\\", TEXT),
                groups(r"(function|macro)((?:\s|\\\s)+)", &[KEYWORD, NAME_FUNCTION])
                    .push("funcname"),
                groups(
                    r"((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)",
                    &[KEYWORD, NAME_CLASS],
                )
                .push("typename"),
                rule(word_re("julia", "TYPES"), KEYWORD_TYPE),
                rule(r"(local|global|const)\b", KEYWORD_DECLARATION),
                rule(word_re("julia", "KEYWORDS"), KEYWORD),
                rule(word_re("julia", "BUILTINS"), NAME_BUILTIN),
                rule("`.*?`", STR_BACKTICK),
                rule(
                    r"'(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}|\\U[a-fA-F0-9]{1,6}|[^\\'\n])'",
                    STR_CHAR,
                ),
                rule(r"(?<=[.\w)\]])'+", OPERATOR),
                rule(r#"(?:[IL])""#, STR).push("string"),
                rule(r#"[E]?""#, STR).push("string"),
                rule(r"@[\w.]+", NAME_DECORATOR),
                rule(
                    r"(?:[a-zA-Z_\x{00A1}-\x{ffff}]|[\x{1000}-\x{10ff}])(?:[a-zA-Z_0-9\x{00A1}-\x{ffff}]|[\x{1000}-\x{10ff}])*!*",
                    NAME,
                ),
                rule(r"[\[\]{}\(\),;]", OTHER),
                rule(
                    r"(\d+(_\d+)+\.\d*|\d*\.\d+(_\d+)+)([eEf][+-]?[0-9]+)?",
                    NUM_FLOAT,
                ),
                rule(r"(\d+\.\d*|\d*\.\d+)([eEf][+-]?[0-9]+)?", NUM_FLOAT),
                rule(r"\d+(_\d+)+[eEf][+-]?[0-9]+", NUM_FLOAT),
                rule(r"\d+[eEf][+-]?[0-9]+", NUM_FLOAT),
                rule("0b[01]+(_[01]+)+", NUM_BIN),
                rule("0b[01]+", NUM_BIN),
                rule("0o[0-7]+(_[0-7]+)+", NUM_OCT),
                rule("0o[0-7]+", NUM_OCT),
                rule("0x[a-fA-F0-9]+(_[a-fA-F0-9]+)+", NUM_HEX),
                rule("0x[a-fA-F0-9]+", NUM_HEX),
                rule(r"\d+(_\d+)+", NUM_INTEGER),
                rule(r"\d+", NUM_INTEGER),
            ],
        ),
        (
            "funcname",
            vec![
                rule(r"[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*", NAME_FUNCTION).pop(),
                rule(r"\([^\s\w{]{1,2}\)", OPERATOR).pop(),
                rule(r"[^\s\w{]{1,2}", OPERATOR).pop(),
            ],
        ),
        (
            "typename",
            vec![rule(r"[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*", NAME_CLASS).pop()],
        ),
        (
            "stringescape",
            vec![rule(
                r#"\\([\\abfnrtv"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"#,
                STR_ESCAPE,
            )],
        ),
        (
            "blockcomment",
            vec![
                rule("[^=#]", COMMENT_MULTILINE),
                rule("#=", COMMENT_MULTILINE).push("blockcomment"),
                rule("=#", COMMENT_MULTILINE).pop(),
                rule("[=#]", COMMENT_MULTILINE),
            ],
        ),
        (
            "string",
            vec![
                include("stringescape"),
                rule("\"", STR).pop(),
                rule(r#"\\\\|\\"|\\\n"#, STR_ESCAPE),
                rule(
                    r"\$(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?",
                    STR_INTERPOL,
                ),
                rule(r#"[^\\"$]+"#, STR),
                rule(r#"["\\]"#, STR),
                rule(r"\$", STR),
            ],
        ),
    ])
}
