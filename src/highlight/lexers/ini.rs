//! INI files and Java properties: `key = value` lines, sections, escapes.

use crate::highlight::engine::*;
use crate::highlight::token::*;

/// `ini` (sections, `;`/`#` comments, `=`) and `properties` (`!`/`#` comments, `=` or `:`,
/// `\uXXXX` escapes) share this shape.
fn states(comment: &str, ident: &str, sep: &str, unicode: bool) -> LexerDef {
    let mut esc = Vec::new();
    if unicode {
        esc.push(rule(r"\\u[0-9]{4}", STR_ESCAPE));
    }
    esc.push(rule(r"(?s)\\.", STR_ESCAPE));
    let mut root = vec![
        include("basic"),
        groups(
            format!(r"({ident})(\s*)({sep})"),
            &[NAME_PROPERTY, TEXT, PUNCTUATION],
        )
        .push("value"),
    ];
    if !unicode {
        root.push(rule(r"\[.*?\]", NAME_NAMESPACE));
    }
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(format!(r"{comment}.*?\n"), COMMENT),
                rule(r"\s+", TEXT),
                rule(r"\\\n", STR_ESCAPE),
            ],
        ),
        ("root", root),
        (
            "value",
            vec![
                rule(r"\n", TEXT).pop(),
                include("basic"),
                rule("\"", STR).push("dq"),
                rule("'.*?'", STR),
                include("esc_str"),
                rule(r"[^\\\n]+", STR),
            ],
        ),
        (
            "dq",
            vec![
                rule("\"", STR).pop(),
                include("esc_str"),
                rule(r#"[^\\"]+"#, STR),
            ],
        ),
        ("esc_str", esc),
    ])
}

pub fn def() -> LexerDef {
    states("[;#]", r"[\w\-.]+", "=", false)
}

pub fn properties() -> LexerDef {
    states("[!#]", r"[\w.-]+", "[=:]", true)
}
