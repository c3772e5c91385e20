//! Haskell: reserved words, types by capitalisation, nested comments and pragmas, imports,
//! character and string escapes, quasi-quotes.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const RESERVED: &[&str] = &[
    "_", "case", "class", "data", "default", "deriving", "do", "else", "if", "in", "infix",
    "infixl", "infixr", "instance", "let", "newtype", "of", "then", "type", "where",
];
const SYM: &str = r"[:!#\$\%&*+.\\/<=>?@^\|~-]";

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    match w {
        "import" => {
            cx.token(KEYWORD_RESERVED, w);
            cx.push("import");
        }
        "module" => {
            cx.token(KEYWORD_RESERVED, w);
            cx.push("module");
        }
        _ if RESERVED.contains(&w) => cx.token(KEYWORD_RESERVED, w),
        _ if w
            .strip_prefix('\'')
            .unwrap_or(w)
            .starts_with(|c: char| c.is_ascii_uppercase()) =>
        {
            cx.token(KEYWORD_TYPE, w)
        }
        _ => cx.token(NAME, w),
    }
}

fn char_escape(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_ESCAPE, m.all());
    cx.goto("character_end");
    cx.push("escape");
}

pub fn def() -> LexerDef {
    // Both comment kinds nest into a plain multiline comment state, as in Rouge.
    let comment = |tok: Tok| {
        vec![
            rule("-}", tok).pop(),
            rule("\\{-", tok).push("comment"),
            rule("[^-{}]+", tok),
            rule("[-{}]", tok),
        ]
    };
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\{-#", COMMENT_PREPROC).push("comment_preproc"),
                rule(r"\{-", COMMENT_MULTILINE).push("comment"),
                rule(r"^--\s+\|.*?$", COMMENT_DOC),
                rule(r"--(?![!#\$\%&*+./<=>?@\^\|_~]).*?$", COMMENT_SINGLE),
            ],
        ),
        ("comment", comment(COMMENT_MULTILINE)),
        ("comment_preproc", comment(COMMENT_PREPROC)),
        (
            "root",
            vec![
                include("basic"),
                rule(r"'(?=(?:.|\\\S+)')", STR_CHAR).push("character"),
                rule("\"", STR).push("string"),
                rule(r"(?i)\d+e[+-]?\d+", NUM_FLOAT),
                rule(r"(?i)\d+\.\d+(e[+-]?\d+)?", NUM_FLOAT),
                rule(r"(?i)0o[0-7]+", NUM_OCT),
                rule(r"(?i)0x[\da-f]+", NUM_HEX),
                rule(r"\d+", NUM_INTEGER),
                call(r"[\w']+", word),
                rule(format!(r"\\(?!{SYM}+)"), NAME_FUNCTION),
                rule(format!(r"(<-|::|->|=>|=)(?!{SYM}+)"), OPERATOR),
                rule(format!(r":{SYM}*"), OPERATOR),
                rule(format!(r"{SYM}+"), OPERATOR),
                rule(r"\[\s*\]", KEYWORD_TYPE),
                rule(r"\(\s*\)", NAME_BUILTIN),
                groups(r"(\[)([_a-z][\w']*)(\|)", &[OPERATOR, NAME, OPERATOR])
                    .push("quasiquotation"),
                rule(r"[\[\](),;`{}]", PUNCTUATION),
            ],
        ),
        (
            "import",
            vec![
                rule(r"\s+", TEXT),
                rule("\"", STR).push("string"),
                rule(r"\bqualified\b", KEYWORD),
                groups(
                    r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)",
                    &[NAME_NAMESPACE, TEXT, KEYWORD, TEXT, NAME],
                )
                .pop(),
                groups(
                    r"([A-Z][\w.]*)(\s+)(hiding)(\s+)(\()",
                    &[NAME_NAMESPACE, TEXT, KEYWORD, TEXT, PUNCTUATION],
                )
                .goto("funclist"),
                groups(
                    r"([A-Z][\w.]*)(\s+)(\()",
                    &[NAME_NAMESPACE, TEXT, PUNCTUATION],
                )
                .goto("funclist"),
                rule(r"[\w.]+", NAME_NAMESPACE).pop(),
            ],
        ),
        (
            "module",
            vec![
                rule(r"\s+", TEXT),
                groups(
                    r"([A-Z][\w.]*)(\s+)(\()",
                    &[NAME_NAMESPACE, TEXT, PUNCTUATION],
                )
                .push("funclist"),
                rule(r"\bwhere\b", KEYWORD_RESERVED).pop(),
                rule(r"[A-Z][a-zA-Z0-9_.]*", NAME_NAMESPACE).pop(),
            ],
        ),
        (
            "funclist",
            vec![
                include("basic"),
                rule(r"[A-Z]\w*", KEYWORD_TYPE),
                rule(r"(_[\w']+|[a-z][\w']*)", NAME_FUNCTION),
                rule(",", PUNCTUATION),
                rule(format!("{SYM}+"), OPERATOR),
                rule(r"\(", PUNCTUATION).push("funclist"),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        (
            "character",
            vec![
                call(r"\\", char_escape),
                rule(".", STR_CHAR).goto("character_end"),
            ],
        ),
        (
            "character_end",
            vec![rule("'", STR_CHAR).pop(), rule(".", ERROR).pop()],
        ),
        (
            "quasiquotation",
            vec![
                rule(r"\|\]", OPERATOR).pop(),
                rule(r"[^\|]+", TEXT),
                rule(r"\|", TEXT),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(r"\\", STR_ESCAPE).push("escape"),
                rule(r#"[^\\"]+"#, STR),
            ],
        ),
        (
            "escape",
            vec![
                rule(r#"[abfnrtv"'&\\]"#, STR_ESCAPE).pop(),
                rule(r"\^[\]\[A-Z@\^_]", STR_ESCAPE).pop(),
                rule(
                    "NUL|SOH|[SE]TX|EOT|ENQ|ACK|BEL|BS|HT|LF|VT|FF|CR|S[OI]|DLE|DC[1-4]|NAK|SYN|ETB|CAN|EM|SUB|ESC|[FGRU]S|SP|DEL",
                    STR_ESCAPE,
                )
                .pop(),
                rule(r"(?i)o[0-7]+", STR_ESCAPE).pop(),
                rule(r"(?i)x[\da-f]+", STR_ESCAPE).pop(),
                rule(r"\d+", STR_ESCAPE).pop(),
                rule(r"\s+\\", STR_ESCAPE).pop(),
            ],
        ),
    ])
}
