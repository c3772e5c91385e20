//! ocl and augeas.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static OCL_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ocl", "keywords"));
static OCL_TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ocl", "keywords_type"));
static OCL_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ocl", "builtins"));
static OCL_OPERATORS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ocl", "operators"));
static OCL_FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("ocl", "functions"));

fn ocl_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if OCL_OPERATORS.contains(w) {
        OPERATOR
    } else if OCL_TYPES.contains(w) {
        KEYWORD_DECLARATION
    } else if OCL_KEYWORDS.contains(w) {
        KEYWORD
    } else if OCL_BUILTINS.contains(w) {
        NAME_BUILTIN
    } else if OCL_FUNCTIONS.contains(w) {
        NAME_FUNCTION
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn ocl() -> LexerDef {
    LexerDef::new(vec![
        (
            "single_string",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule("'", STR_SINGLE).pop(),
                rule(r"[^\\']+", STR_SINGLE),
            ],
        ),
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("--.*", COMMENT_SINGLE),
                rule(r"\d+", NUM_INTEGER),
                rule("'", STR_SINGLE).push("single_string"),
                rule(r"[->|+*/<>=~!@#%&|?^-]", OPERATOR),
                rule(r"[;:()\[\],.]", PUNCTUATION),
                call(r"\w[\w\d]*", ocl_word),
            ],
        ),
    ])
}

static AUG_RESERVED: Lazy<HashSet<&str>> = Lazy::new(|| word_set("augeas", "reserved"));

fn aug_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    if w == "module" {
        cx.token(KEYWORD_RESERVED, w);
        cx.push("module");
    } else if AUG_RESERVED.contains(w) {
        cx.token(KEYWORD_RESERVED, w);
    } else if w.starts_with(|c: char| c.is_ascii_uppercase()) {
        cx.token(KEYWORD_NAMESPACE, w);
    } else {
        cx.token(NAME, w);
    }
}

pub fn augeas() -> LexerDef {
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\(\*", COMMENT_MULTILINE).push("comment"),
            ],
        ),
        (
            "comment",
            vec![
                rule(r"\*\)", COMMENT_MULTILINE).pop(),
                rule(r"\(\*", COMMENT_MULTILINE).push("comment"),
                rule("[^*)]+", COMMENT_MULTILINE),
                rule("[*)]", COMMENT_MULTILINE),
            ],
        ),
        (
            "root",
            vec![
                include("basic"),
                groups(r"(:)(\w\w*)", &[PUNCTUATION, KEYWORD_TYPE]),
                call(r"\w[\w']*", aug_word),
                rule("\"", STR).push("string"),
                rule("/", STR).push("regexp"),
                rule(r"[-*+.=?\|]+", OPERATOR),
                rule(r"[\[\](){}:;]", PUNCTUATION),
            ],
        ),
        (
            "module",
            vec![
                rule(r"\s+", TEXT),
                rule("[A-Z][a-zA-Z0-9_.]*", NAME_NAMESPACE).pop(),
            ],
        ),
        (
            "regexp",
            vec![
                rule("/", STR_REGEX).pop(),
                rule(r"[^\\/]+", STR_REGEX),
                rule(r"\\[\\/]", STR_REGEX),
                rule(r"\\", STR_REGEX),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(r"\\", STR_ESCAPE).push("escape"),
                rule(r#"[^\\"]+"#, STR),
            ],
        ),
        (
            "escape",
            vec![
                rule(r#"[abfnrtv"'&\\]"#, STR_ESCAPE).pop(),
                rule(r"\^[\]\[A-Z@\^_]", STR_ESCAPE).pop(),
                rule("(?i)o[0-7]+", STR_ESCAPE).pop(),
                rule(r"(?i)x[\da-f]+", STR_ESCAPE).pop(),
                rule(r"\d+", STR_ESCAPE).pop(),
                rule(r"\s+", STR_ESCAPE).pop(),
                rule(".", STR).pop(),
            ],
        ),
    ])
}
