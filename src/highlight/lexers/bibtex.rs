//! BibTeX: entry types, keys, fields and (nested) brace or quoted values.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const NAME: &str = r"(?i:[a-z_@!$&.\\:;<>?\[\]^`|~*/+-][\w@!$&.\\:;<>?\[\]^`|~*/+-]*)";

fn entry(cx: &mut Ctx, m: &Caps) {
    match m.get(1).to_lowercase().as_str() {
        "comment" => cx.token(COMMENT, m.all()),
        kind => {
            cx.token(NAME_CLASS, m.all());
            cx.push("closing_brace");
            cx.push(match kind {
                "preamble" => "value",
                "string" => "field",
                _ => "command_body",
            });
            cx.push("opening_brace");
        }
    }
}

fn key(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_LABEL, m.all());
    cx.pop(1);
    cx.push("fields");
}

fn field_name(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_ATTRIBUTE, m.all());
    cx.push("value");
    cx.push("equal_sign");
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                include("whitespace"),
                call(format!("@({NAME})"), entry),
                rule(".+", COMMENT),
            ],
        ),
        (
            "opening_brace",
            vec![include("whitespace"), rule("[{(]", PUNCTUATION).pop()],
        ),
        (
            "closing_brace",
            vec![include("whitespace"), rule("[})]", PUNCTUATION).pop()],
        ),
        (
            "command_body",
            vec![include("whitespace"), call(r"[^\s\,\}]+", key)],
        ),
        (
            "fields",
            vec![
                include("whitespace"),
                rule(",", PUNCTUATION).push("field"),
                jump("").pop(),
            ],
        ),
        (
            "field",
            vec![
                include("whitespace"),
                call(NAME, field_name),
                jump("").pop(),
            ],
        ),
        (
            "equal_sign",
            vec![include("whitespace"), rule("=", PUNCTUATION).pop()],
        ),
        (
            "value",
            vec![
                include("whitespace"),
                rule(NAME, NAME_VARIABLE),
                rule("\"", STR).push("quoted_string"),
                rule(r"\{", STR).push("braced_string"),
                rule(r"\d+", NUM),
                rule("#", PUNCTUATION),
                jump("").pop(),
            ],
        ),
        (
            "quoted_string",
            vec![
                rule(r"\{", STR).push("braced_string"),
                rule("\"", STR).pop(),
                rule(r#"[^\{"]+"#, STR),
            ],
        ),
        (
            "braced_string",
            vec![
                rule(r"\{", STR).push("braced_string"),
                rule(r"\}", STR).pop(),
                rule(r"[^\{\}]+", STR),
            ],
        ),
        ("whitespace", vec![rule(r"\s+", TEXT)]),
    ])
}
