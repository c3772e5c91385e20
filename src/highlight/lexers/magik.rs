//! Magik and Data Studio (SQL dialect).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::{word_set, word_vec};
use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn magik() -> LexerDef {
    let keywords = word_vec("magik", "keywords").join("|");
    let digits = "[0-9]+";
    let radix = "(?i:r[0-9a-z])";
    let exponent = format!("(?i:(e|&)[+-]?{digits})");
    let decimal = format!(r"\.{digits}");
    let number = format!("{digits}({radix}|{exponent}|{decimal})*");
    let simple = r"(?i:(?>(?:[a-z0-9_!?]|\\.)+))";
    let piped = r"\|[^\|\n]*\|";
    let identifier = format!("(?i:(?:{simple}|{piped})+)");
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("##(.*)?", COMMENT_DOC),
                rule("#(.*)?", COMMENT_SINGLE),
                groups(r"(_method)(\s+)", &[KEYWORD, WHITESPACE]).push("method_name"),
                rule(format!(r"(?:{keywords})\b"), KEYWORD),
                rule("\"[^\"\n]*?\"", STR),
                rule("'[^'\n]*?'", STR),
                rule(format!("(?i::{identifier})"), STR_SYMBOL),
                rule(format!(r"@[\s]*{identifier}:{identifier}"), NAME_LABEL),
                rule(format!(r"@[\s]*{identifier}"), NAME_LABEL),
                rule(r"(?i:%u[0-9a-z]{4}|%[^\s]+)", STR_CHAR),
                rule(number, NUM),
                rule(format!("{identifier}:{identifier}"), NAME),
                rule(identifier.clone(), NAME),
                rule(r"[\[\]{}()\.,;]", PUNCTUATION),
                rule(r"\$", PUNCTUATION),
                rule("(<<|^<<)", OPERATOR),
                rule("(>>)", OPERATOR),
                rule(r"[-~+/*%=&^<>]|!=", OPERATOR),
                rule(r"[\s]+", WHITESPACE),
            ],
        ),
        (
            "method_name",
            vec![groups(
                format!(r"({identifier})(\.)({identifier})"),
                &[NAME_CLASS, PUNCTUATION, NAME_FUNCTION],
            )
            .pop()],
        ),
    ])
}

static DS_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("datastudio", "sql_keywords"));

fn ds_word(cx: &mut Ctx, m: &Caps) {
    let t = if DS_KEYWORDS.contains(m.all().to_uppercase().as_str()) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(t, m.all());
}

pub fn datastudio() -> LexerDef {
    let id = r"(?i:@?[_a-z]\w*)";
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
            ],
        ),
        (
            "string",
            vec![
                rule(r"%(\\.|.)+?%", STR_ESCAPE),
                rule(r#"\\""#, STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
                rule("(?s).", STR_DOUBLE),
            ],
        ),
        (
            "string_s",
            vec![
                rule(r"%(\\.|.)+?%", STR_ESCAPE),
                rule(r"\\'", STR_SINGLE),
                rule("'", STR_SINGLE).pop(),
                rule("(?s).", STR_SINGLE),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule(format!("^:{id}"), NAME_LABEL),
                rule(format!(r"(?s)@{id}(\.{id})?"), NAME_ENTITY),
                rule(r"%(\\.|.)+?%", NAME_VARIABLE),
                rule(r"[~!%^&*()+=|\[\]{}:;,.<>/?-]", PUNCTUATION),
                rule("\"", STR_DOUBLE).push("string"),
                rule("'", STR_SINGLE).push("string_s"),
                rule(r"(?i)\d(\.\d*)?", NUM),
                rule(format!(r"{id}(?=\s*[(])"), NAME_FUNCTION),
                call(id, ds_word),
            ],
        ),
    ])
}
