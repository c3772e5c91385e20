//! Janet (Lisp dialect).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static SPECIALS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("janet", "specials"));
static BUNDLED: Lazy<HashSet<&str>> = Lazy::new(|| word_set("janet", "bundled"));

fn head(cx: &mut Ctx, m: &Caps) {
    match m.all() {
        "quote" => {
            cx.token(KEYWORD, m.all());
            cx.goto("quote");
        }
        "quasiquote" => {
            cx.token(KEYWORD, m.all());
            cx.goto("quasiquote");
        }
        w => {
            let t = if SPECIALS.contains(w) {
                KEYWORD
            } else if BUNDLED.contains(w) {
                KEYWORD_RESERVED
            } else {
                NAME_FUNCTION
            };
            cx.token(t, w);
            cx.goto("root");
        }
    }
}

pub fn def() -> LexerDef {
    let punct = r"[_!$%^&*+=~<>.?/-]";
    let symbol = format!("(?:([[:alpha:]]|{punct})([[:word:]]|{punct}|:)*)");
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("#.*?$", COMMENT_SINGLE),
                rule(r"\s+", WHITESPACE),
                rule(r"(true|false|nil)\b", NAME_CONSTANT),
                groups(format!("(['~])({symbol})"), &[OPERATOR, STR_SYMBOL]),
                rule(format!(":([[:word:]]|{punct}|:)*"), KEYWORD_CONSTANT),
                rule(r"[+-]?\d{1,2}r[\w.]+(&[+-]?\w+)?", NUM_FLOAT),
                rule(r"[+-]?0x\h[\h_]*(\.\h[\h_]*)?", NUM_HEX),
                rule(r"[+-]?0x\.\h[\h_]*", NUM_HEX),
                rule(r"(?i)[+-]?\d[\d_]*(\.\d[\d_]*)?([e][+-]?\d+)?", NUM_FLOAT),
                rule(r"(?i)[+-]?\.\d[\d_]*([e][+-]?\d+)?", NUM_FLOAT),
                rule("@?\"", STR_DOUBLE).push("string"),
                rule(r"(?s)@?(`+).*?\1", STR_HEREDOC),
                rule(r"\(", PUNCTUATION).push("function"),
                groups(r"(')(@?[(\[{])", &[OPERATOR, PUNCTUATION]).push("quote"),
                groups(r"(~)(@?[(\[{])", &[OPERATOR, PUNCTUATION]).push("quasiquote"),
                rule(r"[\#~,';\|]", OPERATOR),
                rule(r"@?[(){}\[\]]", PUNCTUATION),
                rule(symbol.clone(), NAME),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                rule(r"\\(u\h{4}|U\h{6})", STR_ESCAPE),
                rule(r"\\.", STR_ESCAPE),
                rule(r#"[^"\\]+"#, STR_DOUBLE),
            ],
        ),
        (
            "function",
            vec![
                rule(r"[\)]", PUNCTUATION).pop(),
                call(symbol.clone(), head),
                include("root"),
            ],
        ),
        (
            "quote",
            vec![
                rule(r"[(\[{]", PUNCTUATION).push_self(),
                rule(r"[)\]}]", PUNCTUATION).pop(),
                rule(symbol.clone(), STR_ESCAPE),
                include("root"),
            ],
        ),
        (
            "quasiquote",
            vec![
                groups(r"(,)(\()", &[OPERATOR, PUNCTUATION]).push("function"),
                groups(
                    r"(\()(\s*)(unquote)(\s+)(\()",
                    &[PUNCTUATION, TEXT, KEYWORD, TEXT, PUNCTUATION],
                )
                .push("function"),
                groups(format!("(,)({symbol})"), &[OPERATOR, NAME]),
                groups(
                    format!(r"(\()(\s*)(unquote)(\s+)({symbol})"),
                    &[PUNCTUATION, TEXT, KEYWORD, TEXT, NAME],
                ),
                include("quote"),
            ],
        ),
    ])
}
