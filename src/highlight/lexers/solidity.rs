//! Solidity: contracts, types with sizes, globals such as `msg.sender`, strings.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("solidity", "keywords"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("solidity", "builtins"));
static CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("solidity", "constants"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("solidity", "keywords_type"));
static RESERVED: Lazy<HashSet<&str>> = Lazy::new(|| word_set("solidity", "reserved"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else if CONSTANTS.contains(w) {
        KEYWORD_CONSTANT
    } else if TYPES.contains(w) {
        KEYWORD_TYPE
    } else if RESERVED.contains(w) {
        KEYWORD_RESERVED
    } else {
        NAME
    };
    cx.token(t, w);
}

fn push_bol(st: &mut LexState) {
    st.push("bol");
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "expr_bol",
            vec![include("inline_whitespace"), jump("").pop()],
        ),
        ("bol", vec![include("expr_bol")]),
        (
            "inline_whitespace",
            vec![
                rule(r"[ \t\r]+", TEXT),
                rule(r"\\\n", TEXT),
                rule(r"/\*", COMMENT_MULTILINE).push("comment_multi"),
            ],
        ),
        (
            "whitespace",
            vec![
                rule(r"\n+", TEXT).push("bol"),
                rule(r"//(\\.|.)*?\n", COMMENT_SINGLE).push("bol"),
                include("inline_whitespace"),
            ],
        ),
        (
            "expr_whitespace",
            vec![rule(r"\n+", TEXT).push("expr_bol"), include("whitespace")],
        ),
        (
            "statements",
            vec![
                include("whitespace"),
                rule("(hex)?\"", STR).push("string_double"),
                rule("(hex)?'", STR).push("string_single"),
                rule(
                    r"(?i)'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'",
                    STR_CHAR,
                ),
                rule(r"(?i)\d\d*\.\d+([eE]\d+)?", NUM_FLOAT),
                rule("(?i)0x[0-9a-f]+", NUM_HEX),
                rule(r"(?i)\d+([eE]\d+)?", NUM_INTEGER),
                rule(r"\*/", ERROR),
                rule(r"[~!%^&*+=\|?:<>/-]", OPERATOR),
                rule(r"[()\[\],.]", PUNCTUATION),
                rule(r"u?fixed\d+x\d+", KEYWORD_RESERVED),
                rule(r"bytes\d+", KEYWORD_TYPE),
                rule(r"u?int\d+", KEYWORD_TYPE),
                call(r"[a-zA-Z$_][\w$_]*", word),
            ],
        ),
        (
            "root",
            vec![include("expr_whitespace"), jump("").push("statement")],
        ),
        (
            "statement",
            vec![
                rule(";", PUNCTUATION).pop(),
                include("expr_whitespace"),
                include("statements"),
                rule("[{}]", PUNCTUATION),
            ],
        ),
        (
            "string_common",
            vec![
                rule(r"\\(u[a-fA-F0-9]{4}|x..|[^x])", STR_ESCAPE),
                rule(r#"[^\\"'\n]+"#, STR),
                rule(r"\\\n", STR),
                rule(r"\\", STR),
            ],
        ),
        (
            "string_double",
            vec![
                include("string_common"),
                rule("\"", STR).pop(),
                rule("'", STR),
            ],
        ),
        (
            "string_single",
            vec![
                include("string_common"),
                rule("'", STR).pop(),
                rule("\"", STR),
            ],
        ),
        (
            "comment_multi",
            vec![
                rule(r"\*/", COMMENT_MULTILINE).pop(),
                rule("[^*/]+", COMMENT_MULTILINE),
                rule("[*/]", COMMENT_MULTILINE),
            ],
        ),
    ])
    .with_start(push_bol)
}
