//! Rouge's `plaintext`: the whole input is one `Text` token.

use crate::highlight::engine::{LexState, LexerDef};
use crate::highlight::token::{self, Tok};

pub fn def() -> LexerDef {
    LexerDef::custom(lex)
}

fn lex(_st: &mut LexState, text: &str, out: &mut Vec<(Tok, String)>) {
    out.push((token::TEXT, text.to_string()));
}
