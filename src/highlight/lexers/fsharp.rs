//! F#: OCaml-like structure with F# keywords and punctuation-vs-operator symbols.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"(?i:([a-z][\w']*)|(``[^`\n\r\t]+``))";
const UPPER_ID: &str = r"[A-Z][\w']*";

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("fsharp", "keywords"));
static KEYOPTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("fsharp", "keyopts"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if matches!(
        w,
        "and" | "asr" | "land" | "lor" | "lsl" | "lxor" | "mod" | "or"
    ) {
        OPERATOR_WORD
    } else if matches!(
        w,
        "unit" | "int" | "float" | "bool" | "string" | "char" | "list" | "array"
    ) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

fn operator(cx: &mut Ctx, m: &Caps) {
    let t = if KEYOPTS.contains(m.all()) {
        PUNCTUATION
    } else {
        OPERATOR
    };
    cx.token(t, m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(r"false|true|[(][)]|\[\]", NAME_BUILTIN_PSEUDO),
                rule(format!(r"{UPPER_ID}(?=\s*[.])"), NAME_NAMESPACE).push("dotted"),
                rule(UPPER_ID, NAME_CLASS),
                rule("[(][*](?![)])", COMMENT).push("comment"),
                rule("//.*?$", COMMENT_SINGLE),
                call(ID, word),
                call(r"[\[\];,{}_()!$%&*+./:<=>?@^|~#-]+", operator),
                rule(r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", NUM_FLOAT),
                rule(r"(?i)0x\h[\h_]*", NUM_HEX),
                rule("(?i)0o[0-7][0-7_]*", NUM_OCT),
                rule("(?i)0b[01][01_]*", NUM_BIN),
                rule(r"\d[\d_]*", NUM_INTEGER),
                rule(r#"'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'"#, STR_CHAR),
                rule("'[.]'", STR_CHAR),
                rule("'", KEYWORD),
                rule("\"", STR_DOUBLE).push("string"),
                rule(format!("[~?]{ID}"), NAME_VARIABLE),
            ],
        ),
        (
            "comment",
            vec![
                rule("[^(*)]+", COMMENT),
                rule("[(][*]", COMMENT).push_self(),
                rule("[*][)]", COMMENT).pop(),
                rule("[(*)]", COMMENT),
            ],
        ),
        (
            "string",
            vec![
                rule(r#"[^\\"]+"#, STR_DOUBLE),
                include("escape_sequence"),
                rule(r"\\\n", STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        (
            "escape_sequence",
            vec![
                rule(r#"\\[\\"'ntbr]"#, STR_ESCAPE),
                rule(r"\\\d{3}", STR_ESCAPE),
                rule(r"\\x\h{2}", STR_ESCAPE),
            ],
        ),
        (
            "dotted",
            vec![
                rule(r"\s+", TEXT),
                rule("[.]", PUNCTUATION),
                rule(format!(r"{UPPER_ID}(?=\s*[.])"), NAME_NAMESPACE),
                rule(UPPER_ID, NAME_CLASS).pop(),
                rule(ID, NAME).pop(),
                rule(r"\[", PUNCTUATION).pop(),
            ],
        ),
    ])
}
