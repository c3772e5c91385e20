//! One module per language. Each exposes `def()`, built from the language's syntax and Rouge
//! 3.30's observed token choices.

use super::engine::LexerDef;

mod plaintext;

/// The lexer definition for a Rouge tag, if hyde implements that language.
pub fn definition(tag: &str) -> Option<LexerDef> {
    Some(match tag {
        "plaintext" => plaintext::def(),
        _ => return None,
    })
}
