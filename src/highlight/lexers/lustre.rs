//! Lustre and Lutin (same structure, different word lists), and Slice (the C lexer with
//! Slice's keywords and types).

use once_cell::sync::Lazy;

use super::c::{self, Words};
use crate::highlight::engine::*;
use crate::highlight::token::*;

struct Lists {
    keywords: &'static str,
    word_operators: &'static str,
    primitives: &'static str,
}

const LUSTRE: Lists = Lists {
    keywords: "extern unsafe assert const current enum function let node operator returns \
        step struct tel type var model package needs provides uses is body end include merge",
    word_operators: "div and xor mod or not nor if then else fby pre when with",
    primitives: "int real bool",
};

const LUTIN: Lists = Lists {
    keywords: "let in node extern system returns weak strong assert raise try catch trap do \
        exist erun run type ref exception include false true",
    word_operators: "div and xor mod or not nor if then else pre",
    primitives: "int real bool trace loop fby",
};

fn classify(cx: &mut Ctx, w: &str, l: &Lists) {
    let has = |list: &str| list.split_whitespace().any(|x| x == w);
    let t = if has(l.keywords) {
        KEYWORD
    } else if has(l.word_operators) {
        OPERATOR_WORD
    } else if has(l.primitives) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

fn lustre_word(cx: &mut Ctx, m: &Caps) {
    classify(cx, m.all(), &LUSTRE);
}

fn lutin_word(cx: &mut Ctx, m: &Caps) {
    classify(cx, m.all(), &LUTIN);
}

fn states(word: Callback) -> LexerDef {
    let id = r"(?i:[a-z_][\w']*)";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("false|true", KEYWORD_CONSTANT),
                rule(r"\-\-.*", COMMENT_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
                rule(r"(?s)\(\*.*?\*\)", COMMENT_MULTILINE),
                call(id, word),
                rule(r"[(){}\[\];]+", PUNCTUATION),
                rule(r"[,!$%&*+./:<=>?@^|~#-]+", OPERATOR),
                rule(r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", NUM_FLOAT),
                rule(r"\d[\d_]*", NUM_INTEGER),
                rule(r#"'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'"#, STR_CHAR),
                rule("'[.]'", STR_CHAR),
                rule("\"", STR_DOUBLE).push("string"),
                rule(format!("[~?]{id}"), NAME_VARIABLE),
            ],
        ),
        (
            "string",
            vec![
                rule(r#"[^\\"]+"#, STR_DOUBLE),
                include("escape_sequence"),
                rule(r"\\\n", STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        (
            "escape_sequence",
            vec![
                rule(r#"\\[\\"'ntbr]"#, STR_ESCAPE),
                rule(r"\\\d{3}", STR_ESCAPE),
                rule(r"\\x\h{2}", STR_ESCAPE),
            ],
        ),
    ])
}

pub fn lustre() -> LexerDef {
    states(lustre_word)
}

pub fn lutin() -> LexerDef {
    states(lutin_word)
}

static SLICE_WORDS: Lazy<Words> = Lazy::new(|| {
    Words::new(
        &[
            "extends implements enum interface struct class module dictionary const optional \
           out throws exception local idempotent sequence Object LocalObject Value",
        ],
        &["bool string byte long float double int void short"],
        &[c::C_RESERVED],
    )
});

fn slice_word(cx: &mut Ctx, m: &Caps) {
    cx.token(SLICE_WORDS.classify(m.all()), m.all());
}

pub fn slice() -> LexerDef {
    LexerDef::new(c::states(
        slice_word,
        vec![],
        vec![],
        vec![rule(":", PUNCTUATION).pop(), include("statements")],
    ))
    .with_start(c::start_bol)
}
