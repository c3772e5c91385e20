//! Windows batch files: commands, labels, `%var%` expansions, quoting.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

struct Words {
    devices: HashSet<&'static str>,
    keywords: HashSet<&'static str>,
    operators: HashSet<&'static str>,
    builtins: HashSet<&'static str>,
    others: HashSet<&'static str>,
    attributes: HashSet<&'static str>,
}

static WORDS: Lazy<Words> = Lazy::new(|| Words {
    devices: word_set("batchfile", "devices"),
    keywords: word_set("batchfile", "keywords"),
    operators: word_set("batchfile", "operator_words"),
    builtins: word_set("batchfile", "builtin_commands"),
    others: word_set("batchfile", "other_commands"),
    attributes: word_set("batchfile", "attributes"),
});

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.get(1);
    let first = if WORDS.devices.contains(w) {
        KEYWORD_RESERVED
    } else if WORDS.keywords.contains(w) {
        KEYWORD
    } else if WORDS.operators.contains(w) {
        OPERATOR_WORD
    } else if WORDS.builtins.contains(w) || WORDS.others.contains(w) {
        return cx.token(NAME_BUILTIN, m.all());
    } else if WORDS.attributes.contains(w) {
        NAME_ATTRIBUTE
    } else {
        // Rouge tests `"set".casecmp(word)`, which is always truthy.
        KEYWORD_DECLARATION
    };
    cx.token(first, w);
    cx.token(ERROR, m.get(2));
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(r"(?i)@?\brem\b.*$", COMMENT),
                rule("^::.*$", COMMENT),
                rule("(?i):[a-z]+", NAME_LABEL),
                call(r"(?i)([a-z]\w*)(\.exe|com|bat|cmd|msi)?", word),
                rule(r"(?i)((?:[/\+]|--?)[a-z]+)\s*", NAME_ATTRIBUTE),
                include("expansions"),
                rule(r"[<>&|(){}\[\]\-+=;,~?*]", OPERATOR),
            ],
        ),
        ("escape", vec![rule(r"(?s)\^.", STR_ESCAPE)]),
        (
            "expansions",
            vec![
                rule(r"(?i)[%!]+([a-z_$@#]+)[%!]+", NAME_VARIABLE),
                rule(r"(?i)(\%+~?[a-z]+\d?)", NAME_VARIABLE_MAGIC),
            ],
        ),
        (
            "double_quotes",
            vec![
                include("escape"),
                rule("[\"]", STR_DOUBLE).pop(),
                include("expansions"),
                rule("[^\\^\"%!]+", STR_DOUBLE),
            ],
        ),
        (
            "single_quotes",
            vec![
                include("escape"),
                rule("[']", STR_SINGLE).pop(),
                include("expansions"),
                rule("[^\\^'%!]+", STR_SINGLE),
            ],
        ),
        (
            "backtick",
            vec![
                include("escape"),
                rule("[`]", STR_BACKTICK).pop(),
                include("expansions"),
                rule("[^\\^`%!]+", STR_BACKTICK),
            ],
        ),
        (
            "data",
            vec![
                rule(r"\s+", TEXT),
                rule("(?i)0x[0-9a-f]+", NUM_HEX),
                rule("[0-9]", NUM),
                rule("[\"]", STR_DOUBLE).push("double_quotes"),
                rule("[']", STR_SINGLE).push("single_quotes"),
                rule("[`]", STR_BACKTICK).push("backtick"),
                rule(r#"[^\s&|()\[\]{}\^=;!%+\-,"'`~?*]+"#, TEXT),
                include("escape"),
            ],
        ),
        ("root", vec![include("basic"), include("data")]),
    ])
}
