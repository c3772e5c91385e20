//! Lean (theorem prover).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::{word_set, word_vec};
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("lean", "keywords"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("lean", "types"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if TYPES.contains(w) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    // Rouge joins its operator list as raw regex fragments.
    let operators = word_vec("lean", "operators").join("|");
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s*--+\s+.*?$", COMMENT_DOC),
                rule("\"", STR).push("string"),
                rule(r"\d+", NUM_INTEGER),
                call(r"#?\w+", word),
                rule("[λ]", KEYWORD),
                rule(r"\:=?", TEXT),
                rule(r"\.[0-9]*", OPERATOR),
                rule(operators, OPERATOR),
                rule(r"[\s\(\),\[\]αβ‹›]+", TEXT),
                rule(".", ERROR),
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
                rule(r#"[nrt"'\\]"#, STR_ESCAPE).pop(),
                rule(r"(?i)x[\da-f]+", STR_ESCAPE).pop(),
            ],
        ),
    ])
}
