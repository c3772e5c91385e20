//! Fortran (free form): keywords, types and intrinsics from Rouge's lists, kind parameters,
//! FORMAT specifications, labels.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("fortran", "keywords"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("fortran", "types"));
static INTRINSICS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("fortran", "intrinsics"));

fn name(cx: &mut Ctx, m: &Caps) {
    let w = m.all().to_lowercase();
    let t = if KEYWORDS.contains(w.as_str()) {
        KEYWORD
    } else if TYPES.contains(w.as_str()) {
        KEYWORD_TYPE
    } else if INTRINSICS.contains(w.as_str()) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, m.all());
}

pub fn def() -> LexerDef {
    let name_re = "(?i:[A-Z][_A-Z0-9]*)";
    let kind = format!(r"(\d+|{name_re})");
    let exponent = "(?i:[ED][+-]?\\d+)";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"[\s]+", WHITESPACE),
                rule("!.*$", COMMENT_SINGLE),
                rule("^#.*$", COMMENT_PREPROC),
                rule(r"::|[()/;,:&\[\]]", PUNCTUATION),
                groups(r"(?s)^(\s*)([0-9]+)\b", &[WHITESPACE, NAME_LABEL]),
                groups(
                    r"(?si)\b(FORMAT)(\s*)(\()",
                    &[KEYWORD, WHITESPACE, PUNCTUATION],
                )
                .push("format_spec"),
                rule(
                    format!(r"(?i)[+-]?((\d+[.]\d*|[.]\d+)({exponent})?|\d+{exponent})(_{kind})?"),
                    NUM_FLOAT,
                ),
                rule(format!(r"(?i)[+-]?\d+(_{kind})?"), NUM_INTEGER),
                rule(r#"(?i)B'[01]+'|B"[01]+""#, NUM_BIN),
                rule(r#"(?i)O'[0-7]+'|O"[0-7]+""#, NUM_OCT),
                rule(r#"(?i)Z'[0-9A-F]+'|Z"[0-9A-F]+""#, NUM_HEX),
                rule(format!("({kind}_)?'"), STR_SINGLE).push("string_single"),
                rule(format!("({kind}_)?\""), STR_DOUBLE).push("string_double"),
                rule(
                    format!(r"(?i)[.](TRUE|FALSE)[.](_{kind})?"),
                    KEYWORD_CONSTANT,
                ),
                rule(r"\*\*|//|==|/=|<=|>=|=>|[-+*/<>=%]", OPERATOR),
                rule(
                    r"(?i)\.(?:EQ|NE|LT|LE|GT|GE|NOT|AND|OR|EQV|NEQV|[A-Z]+)\.",
                    OPERATOR_WORD,
                ),
                rule(r"(?i)double\s+precision\b", KEYWORD_TYPE),
                rule(r"(?i)go\s+to\b", KEYWORD),
                rule(r"(?i)sync\s+(all|images|memory)\b", KEYWORD),
                rule(r"(?i)error\s+stop\b", KEYWORD),
                call(name_re, name),
            ],
        ),
        (
            "string_single",
            vec![
                rule("[^']+", STR_SINGLE),
                rule("''", STR_ESCAPE),
                rule("'", STR_SINGLE).pop(),
            ],
        ),
        (
            "string_double",
            vec![
                rule("[^\"]+", STR_DOUBLE),
                rule("\"\"", STR_ESCAPE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        (
            "format_spec",
            vec![
                rule("'", STR_SINGLE).push("string_single"),
                rule("\"", STR_DOUBLE).push("string_double"),
                rule(r"\(", PUNCTUATION).push("format_spec"),
                rule(r"\)", PUNCTUATION).pop(),
                rule(",", PUNCTUATION),
                rule(r"[\s]+", WHITESPACE),
                rule(r#"[^\s'"(),]+"#, LITERAL),
            ],
        ),
    ])
}
