//! JSON: keys are labels, values strings/numbers/constants; whitespace is `w`.

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        ("ws", vec![rule(r"\s+", WHITESPACE)]),
        (
            "root",
            vec![
                include("ws"),
                rule(r"\{", PUNCTUATION).push("object"),
                rule(r"\[", PUNCTUATION).push("array"),
                include("key"),
                include("value"),
                rule(r"[\]}]", PUNCTUATION),
            ],
        ),
        (
            "object",
            vec![
                include("ws"),
                include("key"),
                include("value"),
                rule(r"\}", PUNCTUATION).pop(),
                rule(",", PUNCTUATION),
            ],
        ),
        (
            "key",
            vec![groups(
                r#"("(?:\\.|[^"\\\n])*?")(\s*)(:)"#,
                &[NAME_LABEL, WHITESPACE, PUNCTUATION],
            )],
        ),
        (
            "value",
            vec![
                include("ws"),
                include("literals"),
                rule("\"", STR_DOUBLE).push("string"),
                rule(r"\[", PUNCTUATION).push("array"),
                rule(r"\{", PUNCTUATION).push("object"),
            ],
        ),
        (
            "string",
            vec![
                rule(r#"[^\\"]+"#, STR_DOUBLE),
                rule(r"\\.", STR_ESCAPE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        (
            "array",
            vec![
                include("value"),
                rule(r"\]", PUNCTUATION).pop(),
                rule(",", PUNCTUATION),
            ],
        ),
        (
            "literals",
            vec![
                rule("true|false|null", KEYWORD_CONSTANT),
                rule(r"(?i)-?(?:0|[1-9]\d*)\.\d+(?:e[+-]?\d+)?", NUM_FLOAT),
                rule(r"(?i)-?(?:0|[1-9]\d*)(?:e[+-]?\d+)?", NUM_INTEGER),
            ],
        ),
    ])
}
