//! JSON with comments and bare keys (`json-doc`, `jsonc`).

use super::json;
use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    json::def()
        .prepend(
            "key",
            vec![groups(
                r"([$\w]+)(\s*)(:)",
                &[NAME_ATTRIBUTE, TEXT, PUNCTUATION],
            )],
        )
        .prepend(
            "value",
            vec![
                rule(r"/[*].*?[*]/", COMMENT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(\.\.\.)", COMMENT_SINGLE),
            ],
        )
}
