//! Rouge's `plaintext`: the whole input is one `Text` token.

use crate::highlight::engine::{LexState, LexerDef};
use crate::highlight::token::{self, Tok, Tokens};

pub fn def() -> LexerDef {
    LexerDef::custom(lex)
}

/// Rouge's `?token=` option names the token by its qualified name (`Generic.Output`).
pub fn token_by_name(name: &str) -> Tok {
    match name {
        "Str.Backtick" | "Literal.String.Backtick" => token::STR_BACKTICK,
        "Generic.Output" => token::GENERIC_OUTPUT,
        "Comment" => token::COMMENT,
        "Name" => token::NAME,
        "Keyword" => token::KEYWORD,
        "Literal.String" | "Str" => token::STR,
        "Generic.Error" => token::GENERIC_ERROR,
        _ => token::TEXT,
    }
}

fn lex(st: &mut LexState, text: &str, out: &mut Tokens) {
    let tok = st
        .opts
        .get("token")
        .map_or(token::TEXT, |t| token_by_name(t));
    out.push(tok, text);
}
