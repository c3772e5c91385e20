//! TOML: keys are properties, tables are namespaces, values by literal type.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const IDENT: &str = r#"(?:\S+|"[^"]+"|'[^']+')"#;

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(r"\s+", TEXT),
                rule(r"#.*?$", COMMENT),
                rule(r"(?:true|false)", KEYWORD_CONSTANT),
                groups(
                    format!(r"({IDENT})(\s*)(=)(\s*)(\{{)"),
                    &[NAME_NAMESPACE, TEXT, OPERATOR, TEXT, PUNCTUATION],
                )
                .push("inline"),
                rule(r"(?<!=)\s*\[[\S]+\]", NAME_NAMESPACE),
                rule(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", LITERAL_DATE),
                rule(
                    r"[+-]?\d+(?:_\d+)*\.\d+(?:_\d+)*(?:[eE][+-]?\d+(?:_\d+)*)?",
                    NUM_FLOAT,
                ),
                rule(r"[+-]?\d+(?:_\d+)*[eE][+-]?\d+(?:_\d+)*", NUM_FLOAT),
                rule(r"[+-]?(?:nan|inf)", NUM_FLOAT),
                rule(r"0x\h+(?:_\h+)*", NUM_HEX),
                rule(r"0o[0-7]+(?:_[0-7]+)*", NUM_OCT),
                rule(r"0b[01]+(?:_[01]+)*", NUM_BIN),
                rule(r"[+-]?\d+(?:_\d+)*", NUM_INTEGER),
            ],
        ),
        (
            "root",
            vec![
                include("basic"),
                groups(
                    format!(r"({IDENT})(\s*)(=)"),
                    &[NAME_PROPERTY, TEXT, PUNCTUATION],
                )
                .push("value"),
            ],
        ),
        ("value", vec![rule(r"\n", TEXT).pop(), include("content")]),
        (
            "content",
            vec![
                include("basic"),
                groups(
                    format!(r"({IDENT})(\s*)(=)"),
                    &[NAME_PROPERTY, TEXT, PUNCTUATION],
                ),
                rule(r#"""""#, STR).push("mdq"),
                rule("\"", STR).push("dq"),
                rule("'''", STR).push("msq"),
                rule("'", STR).push("sq"),
                include("esc"),
                rule(",", PUNCTUATION),
                rule(r"\[", PUNCTUATION).push("array"),
            ],
        ),
        (
            "dq",
            vec![
                rule("\"", STR).pop(),
                rule(r"\n", ERROR).pop(),
                include("esc"),
                rule(r#"[^\\"\n]+"#, STR),
            ],
        ),
        (
            "mdq",
            vec![
                rule(r#"""""#, STR).pop(),
                include("esc"),
                rule(r#"[^\\"]+"#, STR),
                rule("\"+", STR),
            ],
        ),
        (
            "sq",
            vec![
                rule("'", STR).pop(),
                rule(r"\n", ERROR).pop(),
                rule(r"[^'\n]+", STR),
            ],
        ),
        (
            "msq",
            vec![rule("'''", STR).pop(), rule("[^']+", STR), rule("'+", STR)],
        ),
        ("esc", vec![rule(r#"\\[0t\tn\n "\\r]"#, STR_ESCAPE)]),
        (
            "array",
            vec![include("content"), rule(r"\]", PUNCTUATION).pop()],
        ),
        (
            "inline",
            vec![include("content"), rule(r"\}", PUNCTUATION).pop()],
        ),
    ])
}
