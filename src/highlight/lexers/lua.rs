//! Lua: long brackets, builtins from Rouge's module lists, `gsub` patterns.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("lua", "builtins"));

fn name(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    if w == "gsub" {
        cx.token(NAME_BUILTIN, w);
        cx.push("gsub");
    } else if BUILTINS.contains(w) {
        cx.token(NAME_BUILTIN, w);
    } else if let Some((a, b)) = w.split_once('.') {
        cx.token(NAME, a);
        cx.token(PUNCTUATION, ".");
        cx.token(NAME, b);
    } else {
        cx.token(NAME, w);
    }
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("#!(.*?)$", COMMENT_PREPROC),
                rule("", TEXT).push("base"),
            ],
        ),
        (
            "base",
            vec![
                rule(r"(?s)--\[(=*)\[.*?\]\1\]", COMMENT_MULTILINE),
                rule("--.*$", COMMENT_SINGLE),
                rule(r"(?i)(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'", NUM_FLOAT),
                rule(r"(?i)\d+e[+-]?\d+", NUM_FLOAT),
                rule("(?i)0x[0-9a-f]*", NUM_HEX),
                rule(r"\d+", NUM_INTEGER),
                rule(r"\n", TEXT),
                rule(r"[^\S\n]", TEXT),
                rule(r"(?s)\[(=*)\[.*?\]\1\]", STR),
                rule(r"(==|~=|<=|>=|\.\.\.|\.\.|[=+\-*/%^<>#])", OPERATOR),
                rule(r"[\[\]\{\}\(\)\.,:;]", PUNCTUATION),
                rule(r"(and|or|not)\b", OPERATOR_WORD),
                rule(
                    r"(break|do|else|elseif|end|for|if|in|repeat|return|then|until|while)\b",
                    KEYWORD,
                ),
                rule(r"(local)\b", KEYWORD_DECLARATION),
                rule(r"(true|false|nil)\b", KEYWORD_CONSTANT),
                rule(r"(function)\b", KEYWORD).push("function_name"),
                call(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?", name),
                rule("'", STR_SINGLE).push("escape_sqs"),
                rule("\"", STR_DOUBLE).push("escape_dqs"),
            ],
        ),
        (
            "function_name",
            vec![
                rule(r"\s+", TEXT),
                groups(
                    r"(?:([A-Za-z_][A-Za-z0-9_]*)(\.))?([A-Za-z_][A-Za-z0-9_]*)",
                    &[NAME_CLASS, PUNCTUATION, NAME_FUNCTION],
                )
                .pop(),
                rule(r"\(", PUNCTUATION).pop(),
            ],
        ),
        (
            "gsub",
            vec![
                rule(r"\)", PUNCTUATION).pop(),
                rule("[(,]", PUNCTUATION),
                rule(r"\s+", TEXT),
                rule("\"", STR_REGEX).push("regex"),
            ],
        ),
        (
            "regex",
            vec![
                rule("\"", STR_REGEX).goto("regex_end"),
                rule(r"\[\^?", STR_ESCAPE).push("regex_group"),
                rule(r"\\.", STR_ESCAPE),
                rule("[(][?][:=<!]", STR_ESCAPE),
                rule(r"[{][\d,]+[}]", STR_ESCAPE),
                rule("[()?]", STR_ESCAPE),
                rule(".", STR_REGEX),
            ],
        ),
        (
            "regex_end",
            vec![rule("[$]+", STR_REGEX).pop(), jump("").pop()],
        ),
        (
            "regex_group",
            vec![
                rule("/", STR_ESCAPE),
                rule(r"\]", STR_ESCAPE).pop(),
                groups(r"(\\)(.)", &[STR_ESCAPE, STR_REGEX]),
                rule(".", STR_REGEX),
            ],
        ),
        ("escape_sqs", vec![include("string_escape"), include("sqs")]),
        ("escape_dqs", vec![include("string_escape"), include("dqs")]),
        (
            "string_escape",
            vec![rule(r#"\\([abfnrtv\\"']|\d{1,3})"#, STR_ESCAPE)],
        ),
        (
            "sqs",
            vec![rule("'", STR_SINGLE).pop(), rule("[^']+", STR_SINGLE)],
        ),
        (
            "dqs",
            vec![rule("\"", STR_DOUBLE).pop(), rule("[^\"]+", STR_DOUBLE)],
        ),
    ])
}
