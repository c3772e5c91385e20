//! Verilog/SystemVerilog: keywords, types and system tasks from Rouge's lists, sized
//! literals, `define macros, labels at line start.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = "[a-zA-Z_][a-zA-Z0-9_]*";

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("verilog", "keywords"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("verilog", "keywords_type"));
static TASKS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("verilog", "keywords_system_task"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if TYPES.contains(w) {
        KEYWORD_TYPE
    } else if TASKS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "expr_bol",
            vec![
                include("inline_whitespace"),
                rule("`define", COMMENT_PREPROC).push("macro"),
                jump("").pop(),
            ],
        ),
        (
            "bol",
            vec![rule(format!("{ID}:(?!:)"), NAME_LABEL), include("expr_bol")],
        ),
        (
            "inline_whitespace",
            vec![
                rule(r"[ \t\r]+", TEXT),
                rule(r"\\\n", TEXT),
                rule(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", COMMENT_MULTILINE),
            ],
        ),
        (
            "whitespace",
            vec![
                rule(r"\n+", TEXT).push("bol"),
                rule(r"//(\\.|.)*?$", COMMENT_SINGLE).push("bol"),
                include("inline_whitespace"),
            ],
        ),
        (
            "expr_whitespace",
            vec![rule(r"\n+", TEXT).push("expr_bol"), include("whitespace")],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(
                    r#"\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"#,
                    STR_ESCAPE,
                ),
                rule(r#"[^\\"\n]+"#, STR),
                rule(r"\\\n", STR),
                rule(r"\\", STR),
            ],
        ),
        (
            "statement",
            vec![
                include("whitespace"),
                rule("L?\"", STR).push("string"),
                rule(
                    r"(?i)([0-9_]+\.[0-9_]*|[0-9_]*\.[0-9_]+)(e[+-]?[0-9_]+)?",
                    NUM_FLOAT,
                ),
                rule(r"(?i)[0-9_]+e[+-]?[0-9_]+", NUM_FLOAT),
                rule(r"[0-9]*'h[0-9a-fA-F_?]+", NUM_HEX),
                rule(r"[0-9]*'b?[01xz_?]+", NUM_BIN),
                rule(r"[0-9]*'d[0-9_?]+", NUM_INTEGER),
                rule(r"(?i)[0-9_]+[lu]*", NUM_INTEGER),
                rule(r"[-~!%^&*+=\|?:<>/@{}]", OPERATOR),
                rule(r"[()\[\],.$\#;]", PUNCTUATION),
                rule(r"`(\w+)", COMMENT_PREPROC),
                call(ID, word),
            ],
        ),
        (
            "root",
            vec![include("expr_whitespace"), jump("").push("statement")],
        ),
        (
            "macro",
            vec![
                rule(r"\n", COMMENT_PREPROC).pop(),
                include("inline_whitespace"),
                rule(";", PUNCTUATION),
                rule("=", OPERATOR),
                rule(r"(\w+)", TEXT),
            ],
        ),
    ])
}
