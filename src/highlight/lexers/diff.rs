//! Unified diffs: whole lines classified by their first character.

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"^ .*$\n?", TEXT),
            rule(r"^---$\n?", PUNCTUATION),
            rule(r"^[+>]+.*$\n?", GENERIC_INSERTED),
            rule(r"^[-<]+.*$\n?", GENERIC_DELETED),
            rule(r"^!.*$\n?", GENERIC_STRONG),
            rule(r"^(?:[Ii]ndex|diff).*$\n?", GENERIC_HEADING),
            groups(r"^(@@[^@]*@@)([^\n]*\n)", &[PUNCTUATION, TEXT]),
            rule(r"^\w.*$\n?", PUNCTUATION),
            rule(r"^=.*$\n?", GENERIC_HEADING),
            rule(r"\s.*$\n?", TEXT),
        ],
    )])
}
