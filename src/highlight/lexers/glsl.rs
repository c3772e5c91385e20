//! GLSL and HLSL: the C lexer with each language's qualifiers, types, reserved words and
//! built-in names (HLSL also allows `: SEMANTIC` after a function signature).

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

static HLSL_WORDS: Lazy<Words> = Lazy::new(|| {
    let list = |k: &str| word_vec("hlsl", k);
    Words::new(&[], &[], &[]).with_lists(
        list("keywords"),
        list("keywords_type"),
        list("reserved"),
        list("builtins"),
    )
});

fn hlsl_word(cx: &mut Ctx, m: &Caps) {
    cx.token(HLSL_WORDS.classify(m.all()), m.all());
}

pub fn hlsl() -> LexerDef {
    let ws = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)";
    let id = c::ID;
    LexerDef::new(c::states(
        hlsl_word,
        vec![],
        vec![],
        vec![rule(":", PUNCTUATION).pop(), include("statements")],
    ))
    .with_state(
        "root",
        vec![
            include("expr_whitespace"),
            call(
                format!(
                    r"(?sx)([\w*\s]+?[\s*])({id})(\s*\([^;]*?\)(?:\s*:\s+{id})?)({ws}?)(\{{|;)"
                ),
                c::function_def,
            ),
            rule(r"\{", PUNCTUATION).push("function"),
            include("statements"),
        ],
    )
    .with_start(c::start_bol)
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
