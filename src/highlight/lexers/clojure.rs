//! Clojure (and Hy, which shares its structure): forms whose head is a special form (keyword), a core function (builtin) or
//! a user function; keywords, symbols, characters.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("clojure", "keywords"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("clojure", "builtins"));
static HY_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("hylang", "keywords"));
static HY_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("hylang", "builtins"));

fn name_token(cx: &Ctx, w: &str) -> Option<Tok> {
    let (k, b) = if cx.st.lexer.tag == "hylang" {
        (&*HY_KEYWORDS, &*HY_BUILTINS)
    } else {
        (&*KEYWORDS, &*BUILTINS)
    };
    if k.contains(w) {
        Some(KEYWORD)
    } else if b.contains(w) {
        Some(NAME_BUILTIN)
    } else {
        None
    }
}

fn head(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.get(1));
    cx.token(WHITESPACE, m.get(2));
    let t = name_token(cx, m.get(3)).unwrap_or(NAME_FUNCTION);
    cx.token(t, m.get(3));
}

fn ident(cx: &mut Ctx, m: &Caps) {
    let t = name_token(cx, m.all()).unwrap_or(NAME);
    cx.token(t, m.all());
}

pub fn def() -> LexerDef {
    let identifier = r"[\w!$%*+,<=>?/.-]+";
    let keyword = r"[\w!\#$%*+,<=>?/.-]+";
    LexerDef::new(vec![(
        "root",
        vec![
            rule(";.*?$", COMMENT_SINGLE),
            rule(r"\s+", WHITESPACE),
            rule(r"-?\d+\.\d+", NUM_FLOAT),
            rule(r"-?\d+", NUM_INTEGER),
            rule("0x-?[0-9a-fA-F]+", NUM_HEX),
            rule(r#""(\\.|[^"])*""#, STR),
            rule(format!("'{keyword}"), STR_SYMBOL),
            rule(format!("::?{keyword}"), NAME_CONSTANT),
            rule(r"(?i)\\(.|[a-z]+)", STR_CHAR),
            rule(r"~@|[`'#^~&@]", OPERATOR),
            call(format!(r"(?s)(\()(\s*)({identifier})"), head),
            call(identifier, ident),
            rule(r"[\[\]]", PUNCTUATION),
            rule("[{}]", PUNCTUATION),
            rule("[()]", PUNCTUATION),
        ],
    )])
}
