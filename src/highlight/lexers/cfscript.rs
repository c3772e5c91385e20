//! CFScript (ColdFusion script).

use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str = "if else var xml default break switch do try catch throw in continue \
    for return while required";
const DECLARATIONS: &str = "component property function remote public package private";
const TYPES: &str = "any array binary boolean component date guid numeric query string struct \
    uuid void xml";
const DOTTED: &str = "[$a-zA-Z_][a-zA-Z0-9_.]*";

fn has(list: &str, w: &str) -> bool {
    list.split_whitespace().any(|x| x == w)
}

fn call_name(cx: &mut Ctx, m: &Caps) {
    let t = if has(KEYWORDS, m.get(1)) {
        KEYWORD
    } else {
        NAME_FUNCTION
    };
    cx.token(t, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
}

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if has(DECLARATIONS, w) {
        KEYWORD_DECLARATION
    } else if has(KEYWORDS, w) {
        KEYWORD
    } else if has(TYPES, w) {
        KEYWORD_TYPE
    } else {
        return cx.token(NAME_OTHER, w);
    };
    cx.token(t, w);
    cx.push("expr_start");
}

fn ternary(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("ternary");
    cx.push("expr_start");
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                include("comments_and_whitespace"),
                rule(
                    r"(?i)(?:\+\+|--|&&|\|\||<=|>=|<|>|==|!=|mod|eq|lt|gt|lte|gte|not|is|and|or|xor|eqv|imp|equal|contains|\?|does not contain|greater than(?: or equal to)?|less than(?: or equal to)?)\b",
                    OPERATOR,
                )
                .push("expr_start"),
                rule(r"[-<>+*%&|\^/!=]=?", OPERATOR).push("expr_start"),
                rule(r"[(\[,]", PUNCTUATION).push("expr_start"),
                rule(";", PUNCTUATION).push("statement"),
                rule(r"[)\].]", PUNCTUATION),
                call("[?]", ternary),
                rule("[{}]", PUNCTUATION).push("statement"),
                rule(
                    r"(?:application|session|client|cookie|super|this|variables|arguments|cgi)\b",
                    NAME_CONSTANT,
                ),
                rule(r"(?:true|false|null)\b", KEYWORD_CONSTANT),
                rule(r"import\b", KEYWORD_NAMESPACE).push("import"),
                groups(format!(r"({DOTTED})(\s*)(:)(\s*)"), &[NAME, TEXT, PUNCTUATION, TEXT])
                    .push("expr_start"),
                call(r"([A-Za-z_$][\w.]*)(\s*)(\()", call_name),
                call(DOTTED, word),
                rule(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", NUM_FLOAT),
                rule("0x[0-9a-fA-F]+", NUM_HEX),
                rule("[0-9]+", NUM_INTEGER),
                rule(r#""(\\\\|\\"|[^"])*""#, STR_DOUBLE),
                rule(r"'(\\\\|\\'|[^'])*'", STR_SINGLE),
            ],
        ),
        (
            "comments_and_whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
            ],
        ),
        (
            "expr_start",
            vec![
                include("comments_and_whitespace"),
                rule("[{]", PUNCTUATION).push("object"),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "statement",
            vec![rule("[{}]", PUNCTUATION), include("expr_start")],
        ),
        (
            "object",
            vec![
                include("comments_and_whitespace"),
                rule("[}]", PUNCTUATION).push("expr_start"),
                groups(format!(r"({DOTTED})(\s*)(:)"), &[NAME_OTHER, TEXT, PUNCTUATION])
                    .push("expr_start"),
                rule(":", PUNCTUATION),
                include("root"),
            ],
        ),
        (
            "ternary",
            vec![rule(":", PUNCTUATION).goto("expr_start"), include("root")],
        ),
        (
            "import",
            vec![
                rule(r"\s+", TEXT),
                rule(r"(?i)[a-z0-9_.]+\*?", NAME_NAMESPACE).pop(),
            ],
        ),
    ])
}
