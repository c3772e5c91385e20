//! BrightScript (Roku).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("brightscript", "builtins"));
static RESERVED: Lazy<HashSet<&str>> = Lazy::new(|| {
    let mut s = word_set("brightscript", "keyword_reserved");
    s.extend(word_set("brightscript", "keyword_reserved_unsupported"));
    s
});
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("brightscript", "keyword_type"));
static NAME_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("brightscript", "name_builtin"));
static OPERATORS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("brightscript", "operator_word"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let up = w.to_uppercase();
    let up = up.as_str();
    let t = if BUILTINS.contains(w) || RESERVED.contains(up) {
        KEYWORD_RESERVED
    } else if TYPES.contains(up) {
        KEYWORD_TYPE
    } else if NAME_BUILTINS.contains(up) {
        NAME_BUILTIN
    } else if OPERATORS.contains(up) {
        OPERATOR_WORD
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    let id = "(?i:[$a-z_][a-z0-9_]*)";
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"\s+", WHITESPACE),
            rule("'.*", COMMENT_SINGLE),
            rule("(?i)REM.*", COMMENT_SINGLE),
            rule(r"[~!%^&*+=\|?:<>/-]", OPERATOR),
            rule(r"(?i)\d*\.\d+(e-?\d+)?", NUM_FLOAT),
            rule(r"(?i)\d+[lu]*", NUM_INTEGER),
            rule("\".*?\"", STR_DOUBLE),
            rule(format!(r"{id}(?=\s*[(])"), NAME_FUNCTION),
            rule(r"[()\[\],.;{}]", PUNCTUATION),
            call(id, word),
        ],
    )])
}
