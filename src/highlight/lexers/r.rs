//! R: keywords, constants, primitive function calls, backquoted names, `%op%` operators.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("r", "KEYWORDS"));
static CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("r", "KEYWORD_CONSTANTS"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("r", "BUILTIN_CONSTANTS"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if CONSTANTS.contains(w) {
        KEYWORD_CONSTANT
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    let mut prims: Vec<&str> = word_set("r", "PRIMITIVE_FUNCTIONS").into_iter().collect();
    // Longest first keeps alternation order irrelevant to the `(?=\()` outcome.
    prims.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"#'.*?$", COMMENT_DOC),
            rule(r"#.*?$", COMMENT_SINGLE),
            rule(r"\s+", WHITESPACE),
            rule(r"`[^`]+?`", NAME),
            rule(r"(?s)'(\\.|.)*?'", STR_SINGLE),
            rule(r#"(?s)"(\\.|.)*?""#, STR_DOUBLE),
            rule(r"%[^%]*?%", OPERATOR),
            rule(r"0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?", NUM_HEX),
            rule(r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?", NUM),
            rule(format!(r"\b(?<!.){}(?=\()", alt(&prims)), NAME_FUNCTION),
            call(
                r"(?:(?:[[:alpha:]]|[.][._[:alpha:]])[._[:alnum:]]*)|[.]",
                word,
            ),
            rule(r"[\[\]{}();,]", PUNCTUATION),
            rule(r"[-<>?*+^/!=~$@:%&|]", OPERATOR),
        ],
    )])
}
