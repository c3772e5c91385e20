//! Igor Pro procedures: builtin functions/operations (operations take `/flag` lists),
//! declarations with variable lists, `#pragma`-style preprocessor lines, doxygen comments.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("igorpro", "keywords"));
static PREPROCESSOR: Lazy<HashSet<&str>> = Lazy::new(|| word_set("igorpro", "preprocessor"));
static DECLARATIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("igorpro", "igorDeclarations"));
static CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("igorpro", "igorConstants"));
static FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("igorpro", "igorFunction"));
static OPERATIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("igorpro", "igorOperation"));

const OBJECT: &str = r"(?i:\b[a-z][a-z0-9_\.]*?\b)";
const NO_LINE_BREAK: &str = r"(?:[ \t]|(?:\\\s*[\r\n]))+";
const NUMBER_FLOAT: &str = r"(?i:0x[a-f0-9]+)";
const NUMBER_HEX: &str = r"\d+\.\d+(e[\+\-]?\d+)?";
const NUMBER_INT: &str = r"[\d]+(?:_\d+)*";

/// `\b(v|s|w)_[a-z]+` anywhere in the (lowercased) word.
fn special_variable(w: &str) -> bool {
    let b = w.as_bytes();
    (0..b.len()).any(|i| {
        let boundary = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
        boundary
            && matches!(b[i], b'v' | b's' | b'w')
            && b.get(i + 1) == Some(&b'_')
            && b.get(i + 2).is_some_and(u8::is_ascii_lowercase)
    })
}

fn object(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let lower = w.to_lowercase();
    let l = lower.as_str();
    if l.contains("function") {
        cx.token(KEYWORD_DECLARATION, w);
        cx.push("parse_function");
    } else if DECLARATIONS.contains(l) {
        cx.token(KEYWORD_DECLARATION, w);
        cx.push("parse_variables");
    } else if KEYWORDS.contains(l) {
        cx.token(KEYWORD, w);
    } else if CONSTANTS.contains(l) {
        cx.token(KEYWORD_CONSTANT, w);
    } else if FUNCTIONS.contains(l) {
        cx.token(NAME_BUILTIN, w);
    } else if OPERATIONS.contains(l) {
        cx.token(KEYWORD_RESERVED, w);
        cx.push("operationFlags");
    } else if special_variable(l) {
        cx.token(NAME_CONSTANT, w);
    } else {
        cx.token(NAME, w);
    }
}

fn preprocessor(cx: &mut Ctx, m: &Caps) {
    if PREPROCESSOR.contains(m.get(2).to_lowercase().as_str()) {
        cx.token(COMMENT_PREPROC, m.all());
    } else {
        cx.token(PUNCTUATION, m.get(1));
        cx.token(NAME, m.get(2));
    }
}

pub fn def() -> LexerDef {
    let give_way = || jump("").pop();
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"//", COMMENT).push("comments"),
                call(OBJECT, object),
                include("preprocessor"),
                include("waveFlag"),
                include("characters"),
                include("numbers"),
                include("whitespace"),
            ],
        ),
        (
            "preprocessor",
            vec![call(format!(r"(\#)({OBJECT})"), preprocessor)],
        ),
        (
            "assignment",
            vec![
                include("whitespace"),
                rule("\"", STR_DOUBLE).push("string1"),
                include("string2"),
                rule(NUMBER_FLOAT, NUM_FLOAT).pop(),
                rule(NUMBER_INT, NUM_INTEGER).pop(),
                rule(r"[\(\[\{][^\)\]\}]+[\)\]\}]", GENERIC).pop(),
                rule(r"[^\s\/\(]+", GENERIC).pop(),
                give_way(),
            ],
        ),
        (
            "parse_variables",
            vec![
                include("whitespace"),
                rule(r"[=]", PUNCTUATION).push("assignment"),
                rule(OBJECT, NAME_VARIABLE),
                rule(r"[\[\]]", PUNCTUATION),
                rule(r"[,]", PUNCTUATION).push("parse_variables"),
                rule(r"\)", PUNCTUATION).pop(),
                rule(r"(?i)[/][a-z]+", KEYWORD_PSEUDO).push("parse_variables"),
                give_way(),
            ],
        ),
        (
            "parse_function",
            vec![
                rule(r"(?i)[/][a-z]+", KEYWORD_PSEUDO),
                include("whitespace"),
                rule(OBJECT, NAME_FUNCTION),
                rule(r"[\(]", PUNCTUATION).push("parse_variables"),
                give_way(),
            ],
        ),
        (
            "operationFlags",
            vec![
                rule(NO_LINE_BREAK, TEXT),
                rule(r"[=]", PUNCTUATION).push("assignment"),
                rule(r"(?i)[/][a-z]+", KEYWORD_PSEUDO).push("operationFlags"),
                groups(
                    format!(r"(?i)(as)(\s*)({OBJECT})"),
                    &[KEYWORD_TYPE, TEXT, NAME_LABEL],
                ),
                give_way(),
            ],
        ),
        (
            "waveFlag",
            vec![groups(
                format!(r"(?i)(/(?:wave|X|Y))(\s*)(=)(\s*)({OBJECT})"),
                &[KEYWORD_PSEUDO, TEXT, PUNCTUATION, TEXT, NAME_VARIABLE],
            )],
        ),
        (
            "characters",
            vec![
                rule(r"\s", TEXT),
                rule(r"[\#$~!%^&*+=\|?:<>/-]", OPERATOR),
                rule(r"[{}()\[\],.;]", PUNCTUATION),
                rule("\"", STR_DOUBLE).push("string1"),
                include("string2"),
            ],
        ),
        (
            "numbers",
            vec![
                rule(NUMBER_FLOAT, NUM_FLOAT),
                rule(NUMBER_HEX, NUM_HEX),
                rule(NUMBER_INT, NUM_INTEGER),
            ],
        ),
        ("whitespace", vec![rule(NO_LINE_BREAK, TEXT)]),
        (
            "string1",
            vec![
                rule(r"%\w\b", STR_OTHER),
                rule(r"\\\\", STR_ESCAPE),
                rule(r#"\\""#, STR_ESCAPE),
                rule(r"\\", STR_ESCAPE),
                rule(r#"[^"]"#, STR),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        ("string2", vec![rule(r"'[^']*'", STR_SINGLE)]),
        (
            "comments",
            vec![
                groups(r"(?i)([/]\s*)([@]\w+\b)", &[COMMENT, COMMENT_SPECIAL]),
                rule(r"[^\r\n]", COMMENT),
                give_way(),
            ],
        ),
    ])
}
