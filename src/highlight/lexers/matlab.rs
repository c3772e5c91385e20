//! MATLAB: keywords, builtins, `%{ %}` block comments, `!` shell escapes, char arrays vs
//! the transpose operator.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("matlab", "keywords"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("matlab", "builtins"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, w);
}

fn shell_escape(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    cx.delegate("shell", m.get(2));
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(r"(?s)[{]%.*?%[}]", COMMENT_MULTILINE),
                rule("%.*$", COMMENT_SINGLE),
                groups(r"([.][.][.])(.*?)$", &[KEYWORD, COMMENT]),
                call(r"^(!)(.*?)(?=%|$)", shell_escape),
                call("[a-zA-Z][_a-zA-Z0-9]*", word),
                rule(r"[(){};:,/\\\]\[]", PUNCTUATION),
                rule(r"~=|==|<<|>>|[-~+/*%=<>&^|.@]", OPERATOR),
                rule(r"(?i)(\d+\.\d*|\d*\.\d+)(e[+-]?[0-9]+)?", NUM_FLOAT),
                rule(r"(?i)\d+e[+-]?[0-9]+", NUM_FLOAT),
                rule(r"\d+L", NUM_INTEGER_LONG),
                rule(r"\d+", NUM_INTEGER),
                rule("'(?=(.*'))", STR_SINGLE).push("chararray"),
                rule("\"(?=(.*\"))", STR_DOUBLE).push("string"),
                rule("'", OPERATOR),
            ],
        ),
        (
            "chararray",
            vec![
                rule("[^']+", STR_SINGLE),
                rule("''", STR_ESCAPE),
                rule("'", STR_SINGLE).pop(),
            ],
        ),
        (
            "string",
            vec![
                rule("[^\"]+", STR_DOUBLE),
                rule("\"\"", STR_ESCAPE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
    ])
}
