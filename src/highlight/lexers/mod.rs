//! One module per language. Each exposes `def()`, built from the language's syntax and Rouge
//! 3.30's observed token choices.

use super::engine::LexerDef;

mod diff;
mod json;
mod python;
mod plaintext;

/// The lexer definition for a Rouge tag, if hyde implements that language.
pub fn definition(tag: &str) -> Option<LexerDef> {
    Some(match tag {
        "plaintext" => plaintext::def(),
        "json" => json::def(),
        "diff" => diff::def(),
        "python" => python::def(),
        _ => return None,
    })
}
