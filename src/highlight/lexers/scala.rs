//! Scala: definitions, symbolic operators, type annotations and parameters, symbols.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const WS: &str = r"\p{White_Space}";
const LETTER: &str = r"[\p{L}$_]";
const UPPER: &str = r"[\p{Lu}$_]";
const KEYWORDS: &str = "abstract|case|catch|def|do|else|extends|final|finally|for|forSome|if|implicit|lazy|match|new|override|private|protected|requires|return|sealed|super|this|throw|try|val|var|while|with|yield";

pub fn def() -> LexerDef {
    let op = format!(
        r#"(?:(?!{WS}|{LETTER}|[0-9]|[(){{}}\[\]]|[‘’".;,])[\x{{20}}-\x{{7F}}\p{{Sm}}\p{{So}}])"#
    );
    let idrest = format!(r"(?:{LETTER}(?:{LETTER}|[0-9])*(?:(?<=_){op}+)?)");
    let name = format!("(?:{idrest}|{op}+|`[^`]+`)");
    let typechunk = format!(r"(?:{idrest}|{op}+\`[^`]+`)");
    LexerDef::new(vec![
        (
            "root",
            vec![
                groups(r"(class|trait|object)(\s+)", &[KEYWORD, TEXT]).push("class"),
                rule(format!("'{idrest}(?!')"), STR_SYMBOL),
                rule(r"[^\S\n]+", TEXT),
                rule("//.*", COMMENT_SINGLE),
                rule(r"/\*", COMMENT_MULTILINE).push("comment"),
                rule(format!("@{idrest}"), NAME_DECORATOR),
                groups(
                    format!(r"(def)(\s+)({name})(\s*)"),
                    &[KEYWORD, TEXT, NAME_FUNCTION, TEXT],
                ),
                groups(
                    format!(r"(val)(\s+)({name})(\s*)"),
                    &[KEYWORD, TEXT, NAME_VARIABLE, TEXT],
                ),
                groups(
                    format!(r"(this)(\n*)(\.)({idrest})"),
                    &[KEYWORD, TEXT, OPERATOR, NAME_PROPERTY],
                ),
                groups(
                    format!(r"({idrest}|_)(\n*)(\.)({idrest})"),
                    &[NAME_VARIABLE, TEXT, OPERATOR, NAME_PROPERTY],
                ),
                rule(format!(r"{UPPER}{idrest}\b"), NAME_CLASS),
                groups(
                    format!(r"({idrest})({WS}*)(\()"),
                    &[NAME_FUNCTION, TEXT, OPERATOR],
                ),
                groups(format!(r"(\.)({idrest})"), &[OPERATOR, NAME_PROPERTY]),
                rule(
                    format!(
                        r"({KEYWORDS})\b|(<[%:-]|=>|>:|[#=@_\x{{21D2}}\x{{2190}}])(\b|(?=\s)|$)"
                    ),
                    KEYWORD,
                ),
                rule(format!(":(?!{op})"), KEYWORD).push("type"),
                rule(r"(true|false|null)\b", KEYWORD_CONSTANT),
                groups(r"(import|package)(\s+)", &[KEYWORD, TEXT]).push("import"),
                groups(r"(type)(\s+)", &[KEYWORD, TEXT]).push("type"),
                rule(r#"(?s)""".*?"""(?!")"#, STR),
                rule(r#""(\\\\|\\"|[^"])*""#, STR),
                rule(r"'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'", STR_CHAR),
                rule(idrest.clone(), NAME),
                rule("`[^`]+`", NAME),
                rule(r"\[", OPERATOR).push("typeparam"),
                rule(r"[\(\)\{\};,.#]", OPERATOR),
                rule(format!("{op}+"), OPERATOR),
                rule(
                    r"([0-9][0-9]*\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?",
                    NUM_FLOAT,
                ),
                rule("([0-9][0-9]*[fFdD])", NUM_FLOAT),
                rule("0x[0-9a-fA-F]+", NUM_HEX),
                rule("[0-9]+L?", NUM_INTEGER),
                rule(r"\n", TEXT),
            ],
        ),
        (
            "class",
            vec![
                groups(format!(r"({name})(\s*)(\[)"), &[NAME_CLASS, TEXT, OPERATOR])
                    .push("typeparam"),
                rule(r"\s+", TEXT),
                rule(r"\{", OPERATOR).pop(),
                rule(r"\(", OPERATOR).pop(),
                rule("//.*", COMMENT_SINGLE).pop(),
                rule(name.clone(), NAME_CLASS).pop(),
            ],
        ),
        (
            "type",
            vec![
                rule(r"\s+", TEXT),
                rule(r"<[%:]|>:|[#_\x{21D2}]|forSome|type", KEYWORD),
                groups(r"([,\);}]|=>|=)(\s*)", &[OPERATOR, TEXT]).pop(),
                rule(r"[\(\{]", OPERATOR).push("type"),
                groups(
                    format!(r"({typechunk}(?:\.{typechunk})*)(\s*)(\[)"),
                    &[KEYWORD_TYPE, TEXT, OPERATOR],
                )
                .goto("typeparam"),
                groups(
                    format!(r"({typechunk}(?:\.{typechunk})*)(\s*)$"),
                    &[KEYWORD_TYPE, TEXT],
                )
                .pop(),
                rule("//.*", COMMENT_SINGLE).pop(),
                rule(format!(r"\.|{idrest}|{op}+|`[^`]+`"), KEYWORD_TYPE),
            ],
        ),
        (
            "typeparam",
            vec![
                rule(r"[\s,]+", TEXT),
                rule(r"<[%:]|=>|>:|[#_\x{21D2}]|forSome|type", KEYWORD),
                rule(r"([\]\)\}])", OPERATOR).pop(),
                rule(r"[\(\[\{]", OPERATOR).push("typeparam"),
                rule(format!(r"\.|{idrest}|{op}+|`[^`]+`"), KEYWORD_TYPE),
            ],
        ),
        (
            "comment",
            vec![
                rule(r"[^/\*]+", COMMENT_MULTILINE),
                rule(r"/\*", COMMENT_MULTILINE).push("comment"),
                rule(r"\*/", COMMENT_MULTILINE).pop(),
                rule("[*/]", COMMENT_MULTILINE),
            ],
        ),
        (
            "import",
            vec![rule(format!(r"({idrest}|\.)+"), NAME_NAMESPACE).pop()],
        ),
    ])
}
