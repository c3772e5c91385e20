//! Generic config files: `#` comments, quoted strings, words, numbers.

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"#.*?\n", COMMENT),
            rule("\".*?\"", STR_DOUBLE),
            rule("'.*?'", STR_SINGLE),
            rule(r"(?i)[a-z]\w*", NAME),
            rule(r"\d+", NUM),
            rule(r#"[^\w#"']+"#, TEXT),
        ],
    )])
}
