//! Rust: attributes, nested comments, macros with delimiter tracking, literal suffixes.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"[\p{XID_Start}_]\p{XID_Continue}*";
const KEYWORDS: &str = "as async await break const continue crate dyn else enum extern false fn \
    for if impl in let log loop match mod move mut pub ref return self Self static struct super \
    trait true type unsafe use where while abstract become box do final macro override priv \
    typeof unsized virtual yield try union";

static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| {
    "Add BitAnd BitOr BitXor bool c_char c_double c_float char c_int clock_t c_long c_longlong \
     Cons Const Copy c_schar c_short c_uchar c_uint c_ulong c_ulonglong c_ushort c_void dev_t \
     DIR dirent Div Either Eq Err f32 f64 Failure FILE float fpos_t i16 i32 i64 i8 isize Index \
     ino_t int intptr_t Left mode_t Modulo Mul Neg Nil None Num off_t Ok Option Ord Owned pid_t \
     Ptr ptrdiff_t Right Send Shl Shr size_t Some ssize_t str Sub Success time_t u16 u32 u64 u8 \
     usize uint uintptr_t Box Vec String Gc Rc Arc u128 i128 Result Sync Pin Unpin Sized Drop \
     drop Fn FnMut FnOnce Clone PartialEq PartialOrd AsMut AsRef From Into Default \
     DoubleEndedIterator ExactSizeIterator Extend IntoIterator Iterator"
        .split_whitespace()
        .collect()
});

fn word(cx: &mut Ctx, m: &Caps) {
    let t = if BUILTINS.contains(m.all()) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, m.all());
}

fn delim_count(cx: &Ctx, close: &'static str) -> i64 {
    cx.st
        .vars
        .get(close)
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn bump(cx: &mut Ctx, close: &'static str, by: i64) {
    let n = delim_count(cx, close) + by;
    cx.st.vars.insert(close, n.to_string());
}

fn macro_open(cx: &mut Ctx, m: &Caps) {
    let close = match m.all() {
        "[" => "]",
        "(" => ")",
        _ => "}",
    };
    bump(cx, close, 1);
    cx.token(PUNCTUATION, m.all());
}

fn macro_close(cx: &mut Ctx, m: &Caps) {
    let close = match m.all() {
        "]" => "]",
        ")" => ")",
        _ => "}",
    };
    bump(cx, close, -1);
    if ["]", ")", "}"].iter().all(|c| delim_count(cx, c) == 0) {
        cx.pop(1);
    }
    cx.token(PUNCTUATION, m.all());
}

fn start(st: &mut LexState) {
    st.push("bol");
}

pub fn def() -> LexerDef {
    let hex = "[0-9a-fA-F]";
    let escapes = format!(r#"\\(?:[nrt'"\\0]|x{hex}{{2}}|u\{{(?:{hex}_*){{1,6}}\}})"#);
    let size = "(?:8|16|32|64|128|size)";
    let dot = "[.][0-9][0-9_]*";
    let exp = "[eE][-+]?[0-9_]+";
    let flt = "(?:f32|f64)";
    let keywords = KEYWORDS.split_whitespace().collect::<Vec<_>>().join("|");
    let mut d = LexerDef::new(vec![
        (
            "bol",
            vec![
                include("whitespace"),
                rule(r"#\s[^\n]*", COMMENT_SPECIAL),
                jump("").pop(),
            ],
        ),
        (
            "attribute",
            vec![
                include("whitespace"),
                include("literals"),
                rule("[(,)=:]", NAME_DECORATOR),
                rule(r"\]", NAME_DECORATOR).pop(),
                rule(ID, NAME_DECORATOR),
            ],
        ),
        ("whitespace", vec![rule(r"\s+", TEXT), include("comments")]),
        (
            "comments",
            vec![
                rule(r"////+[^\n]*", COMMENT_SINGLE),
                rule(r"//[/!][^\n]*", COMMENT_DOC),
                rule(r"//[^\n]*", COMMENT_SINGLE),
                rule(r"/\*\*\*?/", COMMENT_MULTILINE),
                rule(r"/\*\*\*+", COMMENT_MULTILINE).push("plain_block"),
                rule(r"/[*][*!]", COMMENT_DOC).push("doc_block"),
                rule(r"/[*]", COMMENT_MULTILINE).push("plain_block"),
            ],
        ),
        (
            "plain_block",
            vec![
                rule(r"\*/", COMMENT_MULTILINE).pop(),
                rule(r"/\*", COMMENT_MULTILINE).push("plain_block"),
                rule(r"[^*/]+|[*/]", COMMENT_MULTILINE),
            ],
        ),
        (
            "doc_block",
            vec![
                rule(r"\*/", COMMENT_DOC).pop(),
                rule(r"/\*", COMMENT_DOC).push("doc_block"),
                rule(r"[^*/]+|[*/]", COMMENT_DOC),
            ],
        ),
        (
            "root",
            vec![
                rule(r"\n", TEXT).push("bol"),
                include("whitespace"),
                rule(r"#!?\[", NAME_DECORATOR).push("attribute"),
                rule(format!(r"\b(?:{keywords})\b"), KEYWORD),
                include("literals"),
                rule("[=-]>", KEYWORD),
                rule("<->", KEYWORD),
                rule(r"[()\[\]{}|,:;]", PUNCTUATION),
                rule(r"[*/!@~&+%^<>=\?-]|\.{2,3}", OPERATOR),
                rule(format!(r"(?s)(?:[.]\s*)?{ID}(?=\s*[(])"), NAME_FUNCTION),
                rule(r"[.]\s*await\b", KEYWORD),
                rule(format!(r"[.]\s*{ID}"), NAME_PROPERTY),
                rule(r"[.]\s*\d+", NAME_ATTRIBUTE),
                groups(format!("({ID})(::)"), &[NAME_NAMESPACE, PUNCTUATION]),
                rule(r"\bmacro_rules!", NAME_DECORATOR).push("macro_rules"),
                rule(format!("{ID}!"), NAME_DECORATOR).push("macro"),
                rule(r"'static\b", KEYWORD),
                rule(format!("'{ID}"), NAME_VARIABLE),
                call(ID, word),
            ],
        ),
        (
            "macro",
            vec![
                include("literals"),
                call(r"[\[{(]", macro_open),
                call(r"[\]})]", macro_close),
                rule(format!("{ID}!"), NAME_DECORATOR),
                include("root"),
                rule(".", TEXT),
            ],
        ),
        (
            "macro_rules",
            vec![
                rule(format!("[$]{ID}(?::{ID})?"), NAME_VARIABLE),
                rule("[$]", NAME_VARIABLE),
                include("macro"),
            ],
        ),
        (
            "literals",
            vec![
                rule(r"\b(?:true|false)\b", KEYWORD_CONSTANT),
                rule(format!(r"b?'(?:{escapes}|[^\\])'"), STR_CHAR),
                rule("b?\"", STR).push("string"),
                rule(r#"(?s)b?r(#*)".*?"\1"#, STR),
                rule(
                    format!(
                        r"[0-9][0-9_]*(?:{dot}(?:{exp})?{flt}?|(?:{dot})?{exp}{flt}?|(?:{dot})?(?:{exp})?{flt}|[.](?![._\p{{XID_Start}}]))"
                    ),
                    NUM_FLOAT,
                ),
                rule(
                    format!(
                        r"(?:0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(?:u{size}?|i{size})?"
                    ),
                    NUM_INTEGER,
                ),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(escapes, STR_ESCAPE),
                rule(r#"[^"\\]+"#, STR),
            ],
        ),
    ]);
    d.start = Some(start);
    d
}
