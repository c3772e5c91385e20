//! Vim script: commands, functions, options and autocommand events from Rouge's lists.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static COMMANDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("viml", "keywords.command"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| {
    let mut s = word_set("viml", "keywords.function");
    s.extend(word_set("viml", "keywords.option"));
    s.extend(word_set("viml", "keywords.auto"));
    s
});

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if COMMANDS.contains(w) {
        KEYWORD
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        TEXT
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            groups(r#"^(\s*)(".*?)$"#, &[TEXT, COMMENT]),
            rule(r"^\s*\\", STR_ESCAPE),
            rule(r"[ \t]+", TEXT),
            rule(r"/(\\\\|\\/|[^\n/])*/", STR_REGEX),
            rule(r#""(\\\\|\\"|[^\n"])*""#, STR_DOUBLE),
            rule(r"'(\\\\|\\'|[^\n'])*'", STR_SINGLE),
            rule(r#"(?<=\s)"[^-:.%#=*].*?$"#, COMMENT),
            rule(r"-?\d+", NUM),
            rule("(?i)#[0-9a-f]{6}", NUM_HEX),
            rule("^:", PUNCTUATION),
            rule(r"[():<>+=!\[\]{}\|,~.-]", PUNCTUATION),
            rule(
                r"\b(let|if|else|endif|elseif|fun|function|endfunction)\b",
                KEYWORD,
            ),
            rule(r"\b(NONE|bold|italic|underline|dark|light)\b", NAME_BUILTIN),
            rule(r"[absg]:\w+\b", NAME_VARIABLE),
            call(r"\b\w+\b", word),
            rule("(?s).", TEXT),
        ],
    )])
}
