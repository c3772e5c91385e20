//! VHDL: case-insensitive keywords, types and word operators from Rouge's lists.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vhdl", "keywords"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vhdl", "keywords_type"));
static OPERATORS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vhdl", "operator_words"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all().to_lowercase();
    let t = if KEYWORDS.contains(w.as_str()) {
        KEYWORD
    } else if TYPES.contains(w.as_str()) {
        KEYWORD_TYPE
    } else if OPERATORS.contains(w.as_str()) {
        OPERATOR_WORD
    } else {
        NAME
    };
    cx.token(t, m.all());
}

pub fn def() -> LexerDef {
    let id = "[a-zA-Z][a-zA-Z0-9_]*";
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\n", TEXT),
                rule("--.*$", COMMENT_SINGLE),
            ],
        ),
        (
            "statements",
            vec![
                rule(r"-?\d+", NUM_INTEGER),
                rule(r"-?\d+[.]\d+", NUM_FLOAT),
                rule("(?i)[box]?\"[^\"]*\"", STR_SINGLE),
                rule("'[^']?'", STR_CHAR),
                rule(format!("'{id}"), NAME_ATTRIBUTE),
                rule("[(),:;]", PUNCTUATION),
                rule(r"(?i)(?:true|false|null)\b", NAME_BUILTIN),
                call(id, word),
                rule(
                    r"=>|[*][*]|:=|/=|>=|<=|<>|\?\?|\?=|\?/=|\?>|\?<|\?>=|\?<=|<<|>>|[#&'*+-./:<=>\?@^]",
                    OPERATOR,
                ),
            ],
        ),
        ("root", vec![include("whitespace"), include("statements")]),
    ])
}
