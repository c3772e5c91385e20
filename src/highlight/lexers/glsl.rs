//! GLSL: the C lexer with GLSL's qualifiers, types, reserved words and built-in variables.

use once_cell::sync::Lazy;

use super::c::{self, Words};
use super::word_vec;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static WORDS: Lazy<Words> = Lazy::new(|| {
    let list = |k: &str| word_vec("glsl", k);
    Words::new(&[], &[], &[]).with_lists(
        list("keywords"),
        list("keywords_type"),
        list("reserved"),
        list("builtins"),
    )
});

fn word(cx: &mut Ctx, m: &Caps) {
    cx.token(WORDS.classify(m.all()), m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(c::states(
        word,
        vec![],
        vec![],
        vec![rule(":", PUNCTUATION).pop(), include("statements")],
    ))
    .with_start(c::start_bol)
}
