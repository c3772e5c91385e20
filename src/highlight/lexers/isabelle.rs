//! Isabelle theories.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn union(keys: &[&str]) -> HashSet<&'static str> {
    keys.iter().flat_map(|k| word_set("isabelle", k)).collect()
}

static PSEUDO: Lazy<HashSet<&str>> =
    Lazy::new(|| union(&["keyword_minor", "keyword_proof_script"]));
static DIAG: Lazy<HashSet<&str>> = Lazy::new(|| union(&["keyword_diag"]));
static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| {
    union(&[
        "keyword_thy",
        "keyword_theory_decl",
        "keyword_qed",
        "keyword_proof_goal",
        "keyword_proof_block",
        "keyword_proof_decl",
        "keyword_proof_chain",
        "keyword_proof_asm",
        "keyword_proof_asm_goal",
    ])
});
static SECTION: Lazy<HashSet<&str>> = Lazy::new(|| union(&["keyword_section"]));
static SUBSECTION: Lazy<HashSet<&str>> = Lazy::new(|| union(&["keyword_subsection"]));
static NAMESPACE: Lazy<HashSet<&str>> =
    Lazy::new(|| union(&["keyword_theory_goal", "keyword_theory_script"]));
static ABANDON: Lazy<HashSet<&str>> = Lazy::new(|| union(&["keyword_abandon_proof"]));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if PSEUDO.contains(w) {
        KEYWORD_PSEUDO
    } else if DIAG.contains(w) {
        KEYWORD_TYPE
    } else if KEYWORDS.contains(w) {
        KEYWORD
    } else if SECTION.contains(w) {
        GENERIC_HEADING
    } else if SUBSECTION.contains(w) {
        GENERIC_SUBHEADING
    } else if NAMESPACE.contains(w) {
        KEYWORD_NAMESPACE
    } else if ABANDON.contains(w) {
        GENERIC_ERROR
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"\(\*", COMMENT).push("comment"),
                rule(r"\{\*|‹", TEXT).push("text"),
                rule(r"::|\[|\]|-|[:()_=,|+!?]", OPERATOR),
                rule(r"[{}.]|\.\.", OPERATOR_WORD),
                call(r"[a-zA-Z]\w*", word),
                rule(r"\\<\w*>", STR_SYMBOL),
                rule(r"'[^\W\d][.\w']*", NAME_VARIABLE),
                rule(r"0[xX][\da-fA-F][\da-fA-F_]*", NUM_HEX),
                rule("0[oO][0-7][0-7_]*", NUM_OCT),
                rule("0[bB][01][01_]*", NUM_BIN),
                rule("\"", STR).push("string"),
                rule("`", STR_OTHER).push("fact"),
                rule(r"[^\s:|\[\]\-()=,+!?{}._][^\s:|\[\]\-()=,+!?{}]*", NAME),
            ],
        ),
        (
            "comment",
            vec![
                rule("[^(*)]+", COMMENT),
                rule(r"\(\*", COMMENT).push("comment"),
                rule(r"\*\)", COMMENT).pop(),
                rule("[(*)]", COMMENT),
            ],
        ),
        (
            "text",
            vec![
                rule("[^{*}‹›]+", TEXT),
                rule(r"\{\*|‹", TEXT).push("text"),
                rule(r"\*\}|›", TEXT).pop(),
                rule("[{*}]", TEXT),
            ],
        ),
        (
            "string",
            vec![
                rule(r#"[^"\\]+"#, STR),
                rule(r"\\<\w*>", STR_SYMBOL),
                rule(r#"\\""#, STR),
                rule(r"\\", STR),
                rule("\"", STR).pop(),
            ],
        ),
        (
            "fact",
            vec![
                rule(r"[^`\\]+", STR_OTHER),
                rule(r"\\<\w*>", STR_SYMBOL),
                rule(r"\\`", STR_OTHER),
                rule(r"\\", STR_OTHER),
                rule("`", STR_OTHER).pop(),
            ],
        ),
    ])
}
