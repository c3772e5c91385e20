//! Apache configuration: sections, directives and known values from Rouge's lists.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KNOWN: Lazy<HashSet<&str>> = Lazy::new(|| {
    let mut s = word_set("apache", "sections");
    s.extend(word_set("apache", "directives"));
    s.extend(word_set("apache", "values"));
    s
});

fn known_or_text(word: &str, tok: Tok) -> Tok {
    if KNOWN.contains(word.to_lowercase().as_str()) {
        tok
    } else {
        TEXT
    }
}

fn section(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.get(1));
    cx.token(known_or_text(m.get(2), NAME_LABEL), m.get(2));
    cx.push("section");
}

fn directive(cx: &mut Ctx, m: &Caps) {
    cx.token(known_or_text(m.all(), NAME_CLASS), m.all());
    cx.push("directive");
}

fn value(cx: &mut Ctx, m: &Caps) {
    cx.token(known_or_text(m.all(), STR_SYMBOL), m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        ("whitespace", vec![rule("#.*", COMMENT), rule(r"\s+", TEXT)]),
        (
            "root",
            vec![
                include("whitespace"),
                call(r"(</?)(\w+)", section),
                call(r"\w+", directive),
            ],
        ),
        (
            "section",
            vec![
                groups(r"([^>]+)?(>(?:\r\n?|\n)?)", &[STR_REGEX, PUNCTUATION]).pop(),
                include("whitespace"),
            ],
        ),
        (
            "directive",
            vec![
                rule(r"\r\n?|\n", TEXT).pop(),
                include("whitespace"),
                call(r"\S+", value),
            ],
        ),
    ])
}
