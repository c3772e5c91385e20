//! CSS: selectors, at-rules, property names (known ones are labels), values.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

pub const IDENT: &str = r"[\p{L}_-][\p{Word}\p{Cf}-]*";
pub const NUMBER: &str = r"-?(?:[0-9]+(\.[0-9]+)?|\.[0-9]+)";

static ATTRIBUTES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("css", "attributes"));
static VENDOR: Lazy<HashSet<&str>> = Lazy::new(|| word_set("css", "vendor_prefixes"));
static CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("css", "constants"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("css", "builtins"));

pub fn property_token(name: &str) -> Tok {
    if ATTRIBUTES.contains(name) || VENDOR.iter().any(|p| name.starts_with(p)) {
        NAME_LABEL
    } else {
        NAME_PROPERTY
    }
}

pub fn value_word_token(w: &str) -> Tok {
    if CONSTANTS.contains(w) {
        NAME_CONSTANT
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME
    }
}

fn property(cx: &mut Ctx, m: &Caps) {
    cx.token(property_token(m.get(1)), m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    cx.push("stanza_value");
}

fn value_word(cx: &mut Ctx, m: &Caps) {
    cx.token(value_word_token(m.all()), m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                include("basics"),
                rule(r"\{", PUNCTUATION).push("stanza"),
                rule(format!(":[:]?{IDENT}"), NAME_DECORATOR),
                rule(format!(r"\.{IDENT}"), NAME_CLASS),
                rule(format!("#{IDENT}"), NAME_FUNCTION),
                rule(format!("@{IDENT}"), KEYWORD).push("at_rule"),
                rule(IDENT, NAME_TAG),
                rule(r"[~^*!%&\[\]()<>|+=@:;,./?-]", OPERATOR),
                rule(r#""(\\\\|\\"|[^"])*""#, STR_SINGLE),
                rule(r"'(\\\\|\\'|[^'])*'", STR_DOUBLE),
            ],
        ),
        (
            "value",
            vec![
                include("basics"),
                rule(r"url\(.*?\)", STR_OTHER),
                rule(r"(?i)#[0-9a-f]{1,6}", NUM),
                rule(
                    format!(
                        r"{NUMBER}(?:%|(?:em|px|pt|pc|in|mm|cm|ex|rem|ch|vw|vh|vmin|vmax|dpi|dpcm|dppx|deg|grad|rad|turn|s|ms|Hz|kHz)\b)?"
                    ),
                    NUM,
                ),
                rule(r"[\[\]():/.,]", PUNCTUATION),
                rule(r#""(\\\\|\\"|[^"])*""#, STR_SINGLE),
                rule(r"'(\\\\|\\'|[^'])*'", STR_DOUBLE),
                call(IDENT, value_word),
            ],
        ),
        (
            "at_rule",
            vec![
                rule(format!(r"(?s)\{{(?=\s*{IDENT}\s*:)"), PUNCTUATION).push("at_stanza"),
                rule(r"\{", PUNCTUATION).push("at_body"),
                rule(";", PUNCTUATION).pop(),
                include("value"),
            ],
        ),
        ("at_body", vec![include("at_content"), include("root")]),
        ("at_stanza", vec![include("at_content"), include("stanza")]),
        ("at_content", vec![rule(r"\}", PUNCTUATION).pop_n(2)]),
        (
            "basics",
            vec![rule(r"\s+", TEXT), rule(r"(?s)/\*(?:.*?)\*/", COMMENT)],
        ),
        (
            "stanza",
            vec![
                include("basics"),
                rule(r"\}", PUNCTUATION).pop(),
                call(format!(r"(?s)({IDENT})(\s*)(:)"), property),
            ],
        ),
        (
            "stanza_value",
            vec![
                rule(";", PUNCTUATION).pop(),
                jump(r"(?=\})").pop(),
                rule(r"!\s*important\b", COMMENT_PREPROC),
                rule(r"^@.*?$", COMMENT_PREPROC),
                include("value"),
            ],
        ),
    ])
}
