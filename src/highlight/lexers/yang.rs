//! YANG data models and Jsonnet.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static YANG_DECL: Lazy<HashSet<&str>> = Lazy::new(|| {
    [
        "top_stmts_keywords",
        "module_header_stmts_keywords",
        "meta_stmts_keywords",
        "linkage_stmts_keywords",
        "body_stmts_keywords",
        "data_def_stmts_keywords",
        "type_stmts_keywords",
        "list_stmts_keywords",
    ]
    .iter()
    .flat_map(|k| word_set("yang", k))
    .collect()
});
static YANG_TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("yang", "types"));
static YANG_CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("yang", "constants_keywords"));

fn yang_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all().to_lowercase();
    let t = if YANG_DECL.contains(w.as_str()) {
        KEYWORD_DECLARATION
    } else if YANG_TYPES.contains(w.as_str()) {
        KEYWORD_TYPE
    } else if YANG_CONSTANTS.contains(w.as_str()) {
        NAME_CONSTANT
    } else {
        NAME
    };
    cx.token(t, m.all());
}

pub fn yang() -> LexerDef {
    LexerDef::new(vec![
        (
            "comment",
            vec![
                rule(r"[^*/]", COMMENT),
                rule(r"/\*", COMMENT).push("comment"),
                rule(r"\*/", COMMENT).pop(),
                rule("[*/]", COMMENT),
            ],
        ),
        (
            "root",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"[\{\}\;]+", PUNCTUATION),
                rule(r"(?<![\-\w])(and|or|not|\+|\.)(?![\-\w])", OPERATOR),
                rule(r#""(?:\\"|[^"])*?""#, STR_DOUBLE),
                rule(r"'(?:\\'|[^'])*?'", STR_SINGLE),
                rule(r"/\*", COMMENT).push("comment"),
                rule("//.*?$", COMMENT),
                groups(
                    r"(?:^|(?<=[\s{};]))([\w.-]+)(:)([\w.-]+)(?=[\s{};])",
                    &[NAME_NAMESPACE, PUNCTUATION, NAME],
                ),
                rule(r"([0-9]{4}\-[0-9]{2}\-[0-9]{2})(?=[\s\{\}\;])", NAME_LABEL),
                rule(r"([0-9]+\.[0-9]+)(?=[\s\{\}\;])", NUM_FLOAT),
                rule(r"([0-9]+)(?=[\s\{\}\;])", NUM_INTEGER),
                call(r"[\w_-]+(?=[^\w\-\:])\b", yang_word),
                rule(r#"[^;{}\s'"]+"#, NAME),
            ],
        ),
    ])
}

static JN_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("jsonnet", "builtins"));

fn jn_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let has = |l: &str| l.split_whitespace().any(|x| x == w);
    let t = if has("self super local for in if then else import importstr error tailstrict assert")
    {
        KEYWORD
    } else if w == "function" {
        KEYWORD_DECLARATION
    } else if has("null true false") {
        KEYWORD_CONSTANT
    } else if JN_BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME_OTHER
    };
    cx.token(t, w);
}

pub fn jsonnet() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule("#.*?$", COMMENT_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
                rule(r"(?i)-?(?:0|[1-9]\d*)\.\d+(?:e[+-]\d+)?", NUM_FLOAT),
                rule(r"(?i)-?(?:0|[1-9]\d*)(?:e[+-]\d+)?", NUM_INTEGER),
                rule(r"[{}:\.,;+\[\]=%\(\)]", PUNCTUATION),
                rule("\"", STR).push("string_double"),
                rule("'", STR).push("string_single"),
                rule(r"\|\|\|", STR).push("string_block"),
                rule(r"\$", KEYWORD),
                call("[a-zA-Z_][a-zA-Z0-9_]*", jn_word),
            ],
        ),
        (
            "string",
            vec![
                rule(r"\\([\\/bfnrt]|(u[0-9a-fA-F]{4}))", STR_ESCAPE),
                rule(r"\\.", STR_ESCAPE),
            ],
        ),
        (
            "string_double",
            vec![
                include("string"),
                rule(r#"\\""#, STR_ESCAPE),
                rule("\"", STR).pop(),
                rule(r#"[^\\"]+"#, STR),
            ],
        ),
        (
            "string_single",
            vec![
                include("string"),
                rule("'", STR).pop(),
                rule(r"[^\\']+", STR),
            ],
        ),
        (
            "string_block",
            vec![
                include("string"),
                rule("[|][|][|]", STR).pop(),
                rule(r"[^|\\]+", STR),
                rule("[|]", STR),
            ],
        ),
    ])
}
