//! TypeScript: JavaScript plus TypeScript's keywords, optional-chaining and typed labels.

use once_cell::sync::Lazy;

use super::javascript::{self, JsWords, ID};
use crate::highlight::engine::*;
use crate::highlight::token::*;

static WORDS: Lazy<JsWords> = Lazy::new(|| {
    JsWords::with([
        "is namespace static private protected public implements readonly",
        "type abstract",
        "string any void number namespace module declare default interface keyof",
        "Pick Partial Readonly Record",
    ])
});

fn word(cx: &mut Ctx, m: &Caps) {
    WORDS.emit(cx, m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(javascript::states(
        word,
        vec![rule("[?][.]", PUNCTUATION), rule("[?]{2}", OPERATOR)],
        vec![groups(
            format!(r"({ID})(\??)(\s*)(:)"),
            &[NAME_LABEL, PUNCTUATION, TEXT, PUNCTUATION],
        )
        .push("expr_start")],
    ))
}
