//! ABAP.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("abap", "keywords"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("abap", "builtins"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("abap", "types"));
static NEW_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("abap", "new_keywords"));

fn call_name(cx: &mut Ctx, m: &Caps) {
    cx.token(OPERATOR, m.get(1));
    let name = m.get(2);
    let plain = !m.matched(1);
    let t = if plain && NEW_KEYWORDS.contains(name.to_uppercase().as_str()) {
        KEYWORD
    } else if plain && BUILTINS.contains(name.to_lowercase().as_str()) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, name);
    cx.token(PUNCTUATION, m.get(3));
}

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w.to_uppercase().as_str()) {
        KEYWORD
    } else if TYPES.contains(w.to_lowercase().as_str()) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("\".*", COMMENT_SINGLE),
                rule(r"^\*.*", COMMENT_MULTILINE),
                rule(r"\d+", NUM_INTEGER),
                rule("('|`)", STR_SINGLE).push("single_string"),
                rule(r"[\[\]\(\)\{\}\.,:\|]", PUNCTUATION),
                call(r"(->|=>)?([A-Za-z][A-Za-z0-9_\-]*)(\()", call_name),
                call(r"\w\w*", word),
                rule("(->|->>|=>)", OPERATOR),
                rule(r"[-\*\+%/~=&\?<>!#\@\^]+", OPERATOR),
            ],
        ),
        (
            "single_string",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule("(''|``)", STR_ESCAPE),
                rule("['`]", STR_SINGLE).pop(),
                rule(r"[^\\'`]+", STR_SINGLE),
            ],
        ),
    ])
}
