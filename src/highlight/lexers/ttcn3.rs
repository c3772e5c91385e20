//! TTCN-3 and SuperCollider.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static TT_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ttcn3", "keywords"));
static TT_RESERVED: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ttcn3", "reserved"));
static TT_TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ttcn3", "types"));

fn tt_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if TT_KEYWORDS.contains(w) {
        KEYWORD
    } else if TT_TYPES.contains(w) {
        KEYWORD_TYPE
    } else if TT_RESERVED.contains(w) {
        KEYWORD_RESERVED
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn ttcn3() -> LexerDef {
    let id = r"[a-zA-Z_]\w*";
    let digit = r"(?:\d_+\d|\d)";
    LexerDef::new(vec![
        (
            "statements",
            vec![
                rule(r"\n+", TEXT),
                rule(r"[ \t\r]+", TEXT),
                rule(r"\\\n", TEXT),
                rule(r"//(\\.|.)*?$", COMMENT_SINGLE),
                rule(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", COMMENT_MULTILINE),
                rule("\"", STR).push("string"),
                rule(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", STR_CHAR),
                rule(
                    format!(r"(?i){digit}+\.{digit}+([eE]{digit}+)?[fd]?"),
                    NUM_FLOAT,
                ),
                rule("(?i)'(?:[01]_+[01]|[01])+'B", NUM_BIN),
                rule(r"(?i)'(?:\h_+\h|\h)+'H", NUM_HEX),
                rule("(?i)'(?:[0-7]_+[0-7]|[0-7])+'O", NUM_OCT),
                rule(format!("{digit}+"), NUM_INTEGER),
                rule(r"[~!%^&*+:=\|?<>/-]", OPERATOR),
                rule(r"[()\[\]{},.;:]", PUNCTUATION),
                rule(r"(?:true|false|null)\b", NAME_BUILTIN),
                call(id, tt_word),
            ],
        ),
        (
            "root",
            vec![
                rule(r"module\b", KEYWORD_DECLARATION).push("module"),
                rule(r"import\b", KEYWORD_NAMESPACE).push("import"),
                include("statements"),
            ],
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
            "module",
            vec![rule(r"\s+", TEXT), rule(id, NAME_CLASS).pop()],
        ),
        (
            "import",
            vec![rule(r"\s+", TEXT), rule(r"[\w.]+\*?", NAME_NAMESPACE).pop()],
        ),
    ])
}

fn sc_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let has = |l: &str| l.split_whitespace().any(|x| x == w);
    let t = if has("var arg classvar const super this") {
        KEYWORD
    } else if has(
        "true false nil inf thisThread thisMethod thisFunction thisProcess thisFunctionDef \
         currentEnvironment topEnvironment",
    ) {
        KEYWORD_CONSTANT
    } else if has("case do for forBy loop if while new newCopyArgs") {
        KEYWORD_RESERVED
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn supercollider() -> LexerDef {
    LexerDef::new(vec![
        ("whitespace", vec![rule(r"\s+", TEXT)]),
        (
            "comments",
            vec![
                rule("//.*?$", COMMENT_SINGLE),
                rule("/[*]", COMMENT_MULTILINE).push("nested_comment"),
            ],
        ),
        (
            "nested_comment",
            vec![
                rule("/[*]", COMMENT_MULTILINE).push("nested_comment"),
                rule("[*]/", COMMENT_MULTILINE).pop(),
                rule("(?s)[^*/]+", COMMENT_MULTILINE),
                rule(".", COMMENT_MULTILINE),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                include("comments"),
                rule(r"[\-+]?0[xX]\h+", NUM_HEX),
                rule(r"[\-+]?\d+r[0-9a-zA-Z]*(\.[0-9A-Z]*)?", NUM_FLOAT),
                rule(r"[\-+]?((\d+(\.\d+)?([eE][\-+]?\d+)?(pi)?)|pi)", NUM_FLOAT),
                rule(r"[\-+]?\d+", NUM_INTEGER),
                rule(r"\$(\\.|.)", STR_CHAR),
                rule(r#""([^\\"]|\\.)*""#, STR),
                rule(r"'([^\\']|\\.)*'", STR_OTHER),
                rule(r"\\\w+", STR_OTHER),
                rule(r"[A-Za-z_]\w*:", NAME_LABEL),
                rule(r"[A-Z]\w*", NAME_CLASS),
                rule(r"_\w+", NAME_FUNCTION),
                call(r"[a-z]\w*", sc_word),
                rule(r"~\w+", NAME_VARIABLE_GLOBAL),
                rule(r"[\{\}()\[\];,\.]", PUNCTUATION),
                rule(r"[\+\-\*/&\|%<>=]+", OPERATOR),
                rule(r"[\^:#]", OPERATOR),
                rule(r"\b_\b", NAME_BUILTIN),
            ],
        ),
    ])
}
