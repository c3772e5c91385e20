//! mathematica (Wolfram Language) and minizinc.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static MMA_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("mathematica", "builtins"));

fn mma_symbol(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if matches!(w, "Module" | "With" | "Block") {
        NAME_BUILTIN_PSEUDO
    } else if MMA_BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME_VARIABLE
    };
    cx.token(t, w);
}

pub fn mathematica() -> LexerDef {
    let number = r"(?:\.\d+|\d+\.\d*|\d+)";
    let number_base = r"(?:\.\w+|\w+\.\w*|\w+)";
    let precision = format!("(?:`(`?{number})?)");
    let string = r#""(\\\\|\\"|[^"])*""#;
    let ident = "[a-zA-Z$][$a-zA-Z0-9]*";
    let named = format!(r"\\\[{ident}\]");
    let symbol = format!("(?:({ident}|{named})+)");
    let context_symbol = format!("`?{symbol}(`{symbol})*`?");
    let slot = format!("(?:#({ident}|\"{ident}\"))|#[0-9]*");
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"\(\*", COMMENT).push("comment"),
                rule(
                    format!(r"(?:\d+)\^\^{number_base}{precision}?(\*\^[+-]?\d+)?"),
                    NUM,
                ),
                rule(format!(r"(?:{number}{precision}?(?:\*\^[+-]?\d+)?)"), NUM),
                rule(format!("::({ident}|{string})"), NAME_TAG),
                rule(r"(In|Out)\[[0-9]+\]:?=", GENERIC_PROMPT),
                call(format!("(?s){context_symbol}"), mma_symbol),
                rule(slot, NAME_FUNCTION),
                rule(r"[+\-*/|,;.:@~=><&`'^?!_%]", OPERATOR),
                rule(r"[\[\](){}]", PUNCTUATION),
                rule(string, STR),
            ],
        ),
        (
            "comment",
            vec![
                rule(r"\(\*", COMMENT).push("comment"),
                rule(r"\*\)", COMMENT).pop(),
                rule(format!("::{ident}::"), COMMENT_PREPROC),
                rule(format!(r"[ ]:({ident}|[^\S])+:[ ]"), COMMENT_PREPROC),
                rule(".", COMMENT),
            ],
        ),
    ])
}

static MZN_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("minizinc", "builtins"));
static MZN_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("minizinc", "keywords"));
static MZN_TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("minizinc", "keywords_type"));
static MZN_OPERATORS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("minizinc", "operators"));

fn mzn_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if MZN_KEYWORDS.contains(w) {
        KEYWORD
    } else if MZN_TYPES.contains(w) {
        KEYWORD_TYPE
    } else if MZN_BUILTINS.contains(w) {
        NAME_BUILTIN
    } else if MZN_OPERATORS.contains(w) {
        OPERATOR
    } else {
        NAME_OTHER
    };
    cx.token(t, w);
}

pub fn minizinc() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"\s+", WHITESPACE),
            rule(r"\\\n", WHITESPACE),
            rule("%.*", COMMENT_SINGLE),
            rule(r"/(\\\n)?[*](.|\n)*?[*](\\\n)?/", COMMENT_MULTILINE),
            rule(r#""(\\\\|\\"|[^"])*""#, STR),
            rule(r"not|<->|->|<-|\\/|xor|/\\", OPERATOR),
            rule("<|>|<=|>=|==|=|!=", OPERATOR),
            rule(r"\+|-|\*|/|div|mod", OPERATOR),
            rule(r"\\|\.\.|\+\+", OPERATOR),
            rule(r"[|()\[\]{},:;]", PUNCTUATION),
            rule(r"(true|false)\b", KEYWORD_CONSTANT),
            rule(r"([+-]?)\d+(\.(?!\.)\d*)?([eE][-+]?\d+)?", NUM),
            call(r"[$a-zA-Z_]\w*", mzn_word),
            rule(r"::\s*([^\W\d]\w*)(\s*\([^\)]*\))?", NAME_DECORATOR),
            groups(r"\b([^\W\d]\w*)\b(\()", &[NAME_FUNCTION, PUNCTUATION]),
            rule(r"[^\W\d]\w*", NAME_OTHER),
        ],
    )])
}
