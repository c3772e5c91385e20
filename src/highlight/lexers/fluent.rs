//! Fluent (Project Fluent localization files).

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                groups("( *)(=)( *)", &[WHITESPACE, PUNCTUATION, WHITESPACE]).push("template"),
                rule(r"(?:\s*\n)+", WHITESPACE),
                rule(r"\#{1,3}(?: .*)?$", COMMENT_SINGLE),
                rule("[a-zA-Z][a-zA-Z0-9_-]*", NAME_CONSTANT),
                rule(r"\-[a-zA-Z][a-zA-Z0-9_-]*", NAME_ENTITY),
                rule(r"\s*\.[a-zA-Z][a-zA-Z0-9_-]*", NAME_ATTRIBUTE),
                rule(r"\s+(?=[^\s\.])", WHITESPACE).push("template"),
            ],
        ),
        (
            "template",
            vec![
                rule(r"\n", WHITESPACE).pop(),
                rule(r"[^\{\n\}\*]+", TEXT),
                rule(r"\{", PUNCTUATION).push("placeable"),
                rule(r"(?=\})", PUNCTUATION).pop(),
            ],
        ),
        (
            "placeable",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"\{", PUNCTUATION).push("placeable"),
                rule(r"\}", PUNCTUATION).pop(),
                rule(r"\$[a-zA-Z][a-zA-Z0-9_-]*", NAME_VARIABLE),
                rule(r"\-[a-zA-Z][a-zA-Z0-9_-]*", NAME_ENTITY),
                rule(r"\.[a-zA-Z][a-zA-Z0-9_-]*", NAME_ATTRIBUTE),
                rule("[A-Z]+", NAME_BUILTIN),
                rule("[a-zA-Z][a-zA-Z0-9_-]*", NAME_CONSTANT),
                rule(r"[\(\),\:]", PUNCTUATION),
                rule("->", PUNCTUATION),
                rule(r"\*", PUNCTUATION_INDICATOR),
                rule(r"\-?\d+\.\d+?", NUM_FLOAT),
                rule(r"\-?\d+", NUM_INTEGER),
                rule("\"", STR_DOUBLE).push("string"),
                groups(
                    r"(\[)(\-?\d+\.\d+)(\])",
                    &[PUNCTUATION, NUM_FLOAT, PUNCTUATION],
                )
                .push("template"),
                groups(
                    r"(\[)(\-?\d+)(\])",
                    &[PUNCTUATION, NUM_INTEGER, PUNCTUATION],
                )
                .push("template"),
                groups(
                    r"(\[)([a-zA-Z][a-zA-Z0-9_-]+)(\])",
                    &[PUNCTUATION, STR_SYMBOL, PUNCTUATION],
                )
                .push("template"),
            ],
        ),
        (
            "string",
            vec![
                rule(r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{6}", STR_ESCAPE),
                rule(r"\\.", STR_ESCAPE),
                rule(r#"[^"\\]"#, STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
    ])
}
