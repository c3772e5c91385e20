//! FreeFEM: the C++ lexer's structure with FreeFEM's statements, macros and word lists.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::{cpp, word_set};
use crate::highlight::engine::*;
use crate::highlight::token::*;

struct Lists {
    keywords: HashSet<&'static str>,
    types: HashSet<&'static str>,
    reserved: HashSet<&'static str>,
    builtins: HashSet<&'static str>,
    attributes: HashSet<&'static str>,
}

static LISTS: Lazy<Lists> = Lazy::new(|| Lists {
    keywords: word_set("freefem", "keywords"),
    types: word_set("freefem", "keywords_type"),
    reserved: word_set("freefem", "reserved"),
    builtins: word_set("freefem", "builtins"),
    attributes: word_set("freefem", "attributes"),
});

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let l = &*LISTS;
    let t = if l.keywords.contains(w) {
        KEYWORD
    } else if l.types.contains(w) {
        KEYWORD_TYPE
    } else if l.reserved.contains(w) {
        KEYWORD_RESERVED
    } else if l.builtins.contains(w) {
        NAME_BUILTIN
    } else if l.attributes.contains(w) {
        NAME_ATTRIBUTE
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    cpp::with_words(word)
        .with_state(
            "expr_bol",
            vec![
                include("inline_whitespace"),
                rule("include", COMMENT_PREPROC).push("macro"),
                rule("load", COMMENT_PREPROC).push("macro"),
                rule("ENDIFMACRO", COMMENT_PREPROC).push("macro"),
                rule("IFMACRO", COMMENT_PREPROC).push("macro"),
                jump("").pop(),
            ],
        )
        .with_state(
            "statements",
            vec![
                include("whitespace"),
                rule(r#"(u8|u|U|L)?""#, STR).push("string"),
                rule(
                    r"(?i)(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'",
                    STR_CHAR,
                ),
                rule(r"(?i)(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", NUM_FLOAT),
                rule(r"(?i)\d+e[+-]?\d+[lu]*", NUM_FLOAT),
                rule("(?i)0x[0-9a-f]+[lu]*", NUM_HEX),
                rule("(?i)0[0-7]+[lu]*", NUM_OCT),
                rule(r"(?i)\d+[lu]*", NUM_INTEGER),
                rule(r"\*/", ERROR),
                rule(r"[~!%^&*+=\|?:<>/-]", OPERATOR),
                rule("'", OPERATOR),
                rule(r"[()\[\],.;]", PUNCTUATION),
                rule(r"\bcase\b", KEYWORD).push("case"),
                rule(r"(?:true|false|NaN)\b", NAME_BUILTIN),
                call(r"(?i)[a-z_]\w*", word),
            ],
        )
}
