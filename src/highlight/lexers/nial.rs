//! Nial and ECL.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static N_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("nial", "keywords"));
static N_OPERATORS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("nial", "operators"));
static N_PUNCT: Lazy<HashSet<&str>> = Lazy::new(|| word_set("nial", "punctuations"));
static N_TRANSFORMERS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("nial", "transformers"));
static N_FUNCS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("nial", "funcs"));

fn n_punct(cx: &mut Ctx, m: &Caps) {
    let t = if N_PUNCT.contains(m.all()) {
        PUNCTUATION
    } else {
        TEXT
    };
    cx.token(t, m.all());
}

fn n_op(cx: &mut Ctx, m: &Caps) {
    let t = if N_OPERATORS.contains(m.all()) {
        OPERATOR
    } else {
        TEXT
    };
    cx.token(t, m.all());
}

fn n_word(cx: &mut Ctx, m: &Caps) {
    let l = m.all().to_lowercase();
    let l = l.as_str();
    let t = if N_KEYWORDS.contains(l) {
        KEYWORD
    } else if N_FUNCS.contains(l) {
        KEYWORD_PSEUDO
    } else if N_TRANSFORMERS.contains(l) {
        NAME_BUILTIN
    } else if matches!(l, "false" | "null" | "pi" | "true") {
        KEYWORD_CONSTANT
    } else {
        NAME_VARIABLE
    };
    cx.token(t, m.all());
}

pub fn nial() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("'", STR_SINGLE).push("str"),
                rule(r"\b[lo]+\b", NUM_BIN),
                rule(r"-?\d+((\.\d*)?[eE][+-]?\d|\.)\d*", NUM_FLOAT),
                rule(r"\-?\d+", NUM_INTEGER),
                rule("`.", STR_CHAR),
                rule(r#""[^\s()\[\]{}#,;]*"#, STR_SYMBOL),
                rule(r"\?[^\s()\[\]{}#,;]*", GENERIC_ERROR),
                rule("%[^;]+;", COMMENT_MULTILINE),
                rule(r"^#(.+\n)+\n", COMMENT_MULTILINE),
                call(r":=|[\{\}\[\]\(\),:;]", n_punct),
                call(r">>|>=|<=|~=|[\.!#+*\-=></|@]", n_op),
                call(r"\b[_A-Za-z]\w*\b", n_word),
                rule(r"\s+", TEXT),
            ],
        ),
        (
            "str",
            vec![
                rule("''", STR_ESCAPE),
                rule("[^']+", STR_SINGLE),
                rule("'|$", STR_SINGLE).pop(),
            ],
        ),
    ])
}

static E_FIRST: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ecl", "class_first"));
static E_SECOND: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ecl", "class_second"));
static E_FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ecl", "functions"));
static E_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ecl", "keywords"));
static E_TEMPLATE: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ecl", "template"));
static E_TYPE: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ecl", "type"));
static E_TYPED: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ecl", "typed"));

fn e_dotted(cx: &mut Ctx, m: &Caps) {
    let t = if m.get(1) == "std" && E_FIRST.contains(m.get(2)) && E_SECOND.contains(m.get(3)) {
        NAME_CLASS
    } else {
        NAME_VARIABLE
    };
    cx.token(t, m.all());
}

fn e_id(cx: &mut Ctx, m: &Caps) {
    let name_only = m.get(2).to_lowercase();
    let name = format!("{name_only}{}", m.get(3));
    let number: Option<u64> = if m.get(3).is_empty() {
        None
    } else {
        Some(m.get(3).parse().unwrap_or(u64::MAX))
    };
    let t = if m.get(1) == "#" {
        if E_TEMPLATE.contains(name.as_str()) {
            KEYWORD_TYPE
        } else {
            ERROR
        }
    } else if E_TYPED.contains(name_only.as_str()) && number.is_some()
        || E_TYPE.contains(name.as_str())
    {
        KEYWORD_TYPE
    } else if E_KEYWORDS.contains(name.as_str()) {
        KEYWORD
    } else if E_FUNCTIONS.contains(name.as_str()) {
        NAME_FUNCTION
    } else if matches!(name_only.as_str(), "integer" | "unsigned")
        && number.is_some_and(|n| (1..=8).contains(&n))
        || name_only == "real" && matches!(number, Some(4 | 8))
    {
        KEYWORD_TYPE
    } else if matches!(name.as_str(), "true" | "false") {
        KEYWORD_CONSTANT
    } else {
        NAME_OTHER
    };
    cx.token(t, m.all());
}

pub fn ecl() -> LexerDef {
    LexerDef::new(vec![
        (
            "single_quote",
            vec![
                rule(r"[xDQUV]?'([^'\\]*(?:\\.[^'\\]*)*)'", STR_SINGLE),
                rule(
                    r"\\(x\\h{2}|[0-2][0-7]{0,2}|3[0-6][0-7]?|37[0-7]?|[4-7][0-7]?|.|$)",
                    TEXT,
                ),
            ],
        ),
        (
            "inline_whitespace",
            vec![
                rule(r"[ \t\r]+", TEXT),
                rule(r"\\\n", TEXT),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
            ],
        ),
        (
            "whitespace",
            vec![
                rule(r"\n+", TEXT),
                rule("//.*", COMMENT_SINGLE),
                include("inline_whitespace"),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                include("single_quote"),
                rule(r"\b(?i:(and|not|or|in))\b", OPERATOR_WORD),
                rule(r"[:=|>|<|<>|/|\\|\+|-|=]", OPERATOR),
                rule(r"[\[\]{}();,\&,\.,\%]", PUNCTUATION),
                rule(r"(?s)\b(?i:(beginc\+\+.*?endc\+\+))", STR_SINGLE),
                rule(r"(?s)\b(?i:(embed.*?endembed))", STR_SINGLE),
                call(r"\b(\w+)\.(\w+)\.(\w+)", e_dotted),
                rule(r"\b(?i:(u)?decimal)(\d+(_\d+)?)\b", KEYWORD_TYPE),
                rule(r"(?i)\d+\.\d+(e[\+\-]?\d+)?", NUM_FLOAT),
                rule("(?i)x[0-9a-f]+", NUM_HEX),
                rule("(?i)0x[0-9a-f]+", NUM_HEX),
                rule("(?i)0[0-9a-f]+x", NUM_HEX),
                rule("0[bB][01]+", NUM_BIN),
                rule("[01]+[bB]", NUM_BIN),
                rule(r"\d+", NUM_INTEGER),
                call(r"(?i)(#?)\b([a-z_][\w]*?)(\d*)\b", e_id),
            ],
        ),
    ])
}
