//! OpenType feature files and ISBL.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static OT_KEYWORDS: Lazy<HashSet<&str>> =
    Lazy::new(|| word_set("opentype_feature_file", "keywords"));

fn ot_word(cx: &mut Ctx, m: &Caps) {
    let t = if OT_KEYWORDS.contains(m.all()) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(t, m.all());
}

pub fn opentype() -> LexerDef {
    let id = r"(?i:[a-z_][a-z0-9/_.-]*)";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", WHITESPACE),
                rule("#.*$", COMMENT),
                groups(
                    r"(anonymous|anon|feature|lookup|table)((?:\s)+)",
                    &[KEYWORD, TEXT],
                )
                .push("featurename"),
                groups(r"(\})((?:\s))", &[PUNCTUATION, TEXT]).push("featurename"),
                rule(r"(?i)include\b", KEYWORD).push("includepath"),
                rule(r"[\-\[\]/(){},.:;=%*<>']", PUNCTUATION),
                rule("`.*?", STR_BACKTICK),
                rule("\"", STR).push("strings"),
                rule(r"(?i)\\[^.*\s]+", STR_ESCAPE),
                rule(format!("@{id}"), NAME_CLASS),
                call(format!(r"(?<!\.){id}"), ot_word),
                rule(id, NAME),
                rule(r"(?:0x|\\)[0-9A-Fa-f]+", NUM_HEX),
                rule(r"-?\d+", NUM_INTEGER),
            ],
        ),
        ("featurename", vec![rule(id, NAME_FUNCTION).pop()]),
        (
            "includepath",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"\)", PUNCTUATION).pop(),
                rule(r"\(", PUNCTUATION),
                rule(r"[^\s()]+", STR),
            ],
        ),
        (
            "strings",
            vec![rule("\"", STR).pop(), rule("[^\"%\n]+", STR)],
        ),
    ])
}

fn lowered(key: &str) -> HashSet<String> {
    word_set("isbl", key)
        .iter()
        .map(|w| w.to_lowercase())
        .collect()
}

static ISBL_CONSTANTS: Lazy<HashSet<String>> = Lazy::new(|| {
    let mut s = lowered("builtins.const");
    s.extend(lowered("builtins.enum"));
    s
});
static ISBL_INTERFACES: Lazy<HashSet<String>> = Lazy::new(|| lowered("builtins.interface"));
static ISBL_GLOBALS: Lazy<HashSet<String>> = Lazy::new(|| lowered("builtins.global"));
const ISBL_KEYWORDS: &str = "and и else иначе endexcept endfinally endforeach конецвсе endif \
    конецесли endwhile конецпока except exitfor finally foreach все if если in в not не or или \
    try while пока";

fn isbl_dotted(cx: &mut Ctx, m: &Caps) {
    let l = m.all().to_lowercase();
    let t = if ISBL_CONSTANTS.contains(&l) {
        NAME_BUILTIN
    } else if cx.st.in_state("type") {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, m.all());
    cx.pop(1);
}

fn isbl_type(cx: &mut Ctx, m: &Caps) {
    let t = if ISBL_INTERFACES.contains(&m.all().to_lowercase()) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, m.all());
    cx.pop(1);
}

fn isbl_word(cx: &mut Ctx, m: &Caps) {
    let l = m.all().to_lowercase();
    let t = if ISBL_KEYWORDS.split_whitespace().any(|k| k == l) {
        KEYWORD
    } else if ISBL_CONSTANTS.contains(&l) {
        NAME_BUILTIN
    } else if ISBL_GLOBALS.contains(&l) {
        NAME_VARIABLE_GLOBAL
    } else {
        NAME_VARIABLE
    };
    cx.token(t, m.all());
}

pub fn isbl() -> LexerDef {
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
            ],
        ),
        (
            "dotted",
            vec![
                include("whitespace"),
                call("(?i)[a-zа-яё_0-9]+", isbl_dotted),
            ],
        ),
        (
            "type",
            vec![
                include("whitespace"),
                call("(?i)[a-zа-яё_0-9]+", isbl_type),
                rule("[.]", PUNCTUATION).push("dotted"),
                jump("").pop(),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule("[:]", PUNCTUATION).push("type"),
                rule("[.]", PUNCTUATION).push("dotted"),
                rule(r"[\[\]();]", PUNCTUATION),
                rule("[&*+=<>/-]", OPERATOR),
                rule(r"(?i)\b[a-zа-яё_][a-zа-яё_0-9]*(?=[(])", NAME_FUNCTION),
                call("(?i)[a-zа-яё_!][a-zа-яё_0-9]*", isbl_word),
                rule(r"\b(\d+(\.\d+)?)\b", NUM),
                rule(r#"(?s)["].*?["]"#, STR_DOUBLE),
                rule("(?s)['].*?[']", STR_SINGLE),
            ],
        ),
    ])
}
