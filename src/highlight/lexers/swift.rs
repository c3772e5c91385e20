//! Swift: declarations and keywords, attributes, access-control modifiers, string
//! interpolation `\( )`, nested comments, `#` directives at line start.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str =
    r"(?:(?:_|(?!\p{Mc})\p{Alpha}|[^\x{0}-\x{FFFF}])(?:[\p{Alnum}_]|[^\x{0}-\x{FFFF}])*)";

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| {
    "await break case continue default do else fallthrough if in for return switch where while \
     try catch throw guard defer repeat as dynamicType is new super self Self Type __COLUMN__ \
     __FILE__ __FUNCTION__ __LINE__ associativity async didSet get infix inout isolated mutating \
     none nonmutating operator override postfix precedence prefix set unowned weak willSet \
     throws rethrows precedencegroup"
        .split_whitespace()
        .collect()
});
static DECLARATIONS: Lazy<HashSet<&str>> = Lazy::new(|| {
    "actor class deinit enum convenience extension final func import init internal lazy let \
     nonisolated optional private protocol public required static struct subscript typealias \
     var dynamic indirect associatedtype open fileprivate some"
        .split_whitespace()
        .collect()
});

fn upper_first(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

fn access(cx: &mut Ctx, m: &Caps) {
    if m.get(3) == "set" {
        cx.token(KEYWORD_DECLARATION, m.all());
    } else {
        cx.token(KEYWORD_DECLARATION, m.get(1));
        cx.token(KEYWORD_DECLARATION, m.get(2));
        cx.token(ERROR, m.get(3));
        cx.token(KEYWORD_DECLARATION, m.get(4));
    }
}

fn unowned(cx: &mut Ctx, m: &Caps) {
    if matches!(m.get(2), "safe" | "unsafe") {
        cx.token(KEYWORD_DECLARATION, m.all());
    } else {
        cx.token(KEYWORD_DECLARATION, m.get(1));
        cx.token(ERROR, m.get(2));
        cx.token(KEYWORD_DECLARATION, m.get(3));
    }
}

fn call_name(cx: &mut Ctx, m: &Caps) {
    let t = if upper_first(m.all()) {
        KEYWORD_TYPE
    } else {
        NAME_FUNCTION
    };
    cx.token(t, m.all());
}

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if DECLARATIONS.contains(w) {
        KEYWORD_DECLARATION
    } else if matches!(w, "true" | "false" | "nil") {
        KEYWORD_CONSTANT
    } else if upper_first(w) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

fn start(st: &mut LexState) {
    st.push("bol");
}

pub fn def() -> LexerDef {
    let mut d = LexerDef::new(vec![
        (
            "bol",
            vec![
                rule("#.*", COMMENT_PREPROC),
                include("inline_whitespace"),
                jump("").pop(),
            ],
        ),
        (
            "inline_whitespace",
            vec![rule(r"\s+", TEXT), include("has_comments")],
        ),
        (
            "whitespace",
            vec![
                rule(r"\n+", TEXT).push("bol"),
                rule("//.*?$", COMMENT_SINGLE).push("bol"),
                include("inline_whitespace"),
            ],
        ),
        (
            "has_comments",
            vec![rule("/[*]", COMMENT_MULTILINE).push("nested_comment")],
        ),
        (
            "nested_comment",
            vec![
                include("has_comments"),
                rule("[*]/", COMMENT_MULTILINE).pop(),
                rule("[^*/]+", COMMENT_MULTILINE),
                rule(".", COMMENT_MULTILINE),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule(r"\$(([1-9]\d*)?\d)", NAME_VARIABLE),
                rule(r"[()\[\]{}:;,?\\]", PUNCTUATION),
                rule("[-/=+*%<>!&|^.~]+", OPERATOR),
                rule("@?\"", STR).push("dq"),
                rule(r"'(\\.|.)'", STR_CHAR),
                rule(
                    r"(?i)(\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)*\.\d+(?:_\d)*)(e[+-]?\d+(?:_\d)*)?",
                    NUM_FLOAT,
                ),
                rule(r"(?i)\d+e[+-]?[0-9]+", NUM_FLOAT),
                rule("0o?[0-7]+(?:_[0-7]+)*", NUM_OCT),
                rule(
                    r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*((\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?",
                    NUM_HEX,
                ),
                rule("0b[01]+(?:_[01]+)*", NUM_BIN),
                rule(r"[\d]+(?:_\d+)*", NUM_INTEGER),
                rule(format!("@{ID}"), KEYWORD_DECLARATION),
                call(r"(private|internal)(\([ ]*)(\w+)([ ]*\))", access),
                call(r"(unowned\([ ]*)(\w+)([ ]*\))", unowned),
                rule(r"#available\([^)]+\)", KEYWORD_DECLARATION),
                groups(
                    r"(#(?:selector|keyPath)\()([^)]+?(?:[(].*?[)])?)(\))",
                    &[KEYWORD_DECLARATION, NAME_FUNCTION, KEYWORD_DECLARATION],
                ),
                rule(
                    "#(line|file|column|function|dsohandle)",
                    KEYWORD_DECLARATION,
                ),
                groups(
                    format!(r"(let|var)\b(\s*)({ID})"),
                    &[KEYWORD, TEXT, NAME_VARIABLE],
                ),
                groups(r"(let|var)\b(\s*)([(])", &[KEYWORD, TEXT, PUNCTUATION]).push("tuple"),
                call(
                    format!(
                        r"(?!\b(if|while|for|private|internal|unowned|switch|case)\b)\b{ID}(?=(\?|!)?\s*[(])"
                    ),
                    call_name,
                ),
                rule(r"as[?!]?(?=\s)", KEYWORD),
                rule(r"try[!]?(?=\s)", KEYWORD),
                groups(
                    format!(r"(#?(?!default)(?![[:upper:]]){ID})(\s*)(:)"),
                    &[NAME_VARIABLE, TEXT, PUNCTUATION],
                ),
                call(ID, word),
                groups(
                    format!("(`)({ID})(`)"),
                    &[PUNCTUATION, NAME_VARIABLE, PUNCTUATION],
                ),
            ],
        ),
        (
            "tuple",
            vec![
                rule(format!("({ID})"), NAME_VARIABLE),
                groups(
                    format!("(`)({ID})(`)"),
                    &[PUNCTUATION, NAME_VARIABLE, PUNCTUATION],
                ),
                rule(",", PUNCTUATION),
                rule("[(]", PUNCTUATION).push_self(),
                rule("[)]", PUNCTUATION).pop(),
                include("inline_whitespace"),
            ],
        ),
        (
            "dq",
            vec![
                rule(r#"\\[\\0tnr'"]"#, STR_ESCAPE),
                rule(r"\\[(]", STR_ESCAPE).push("interp"),
                rule(r"\\u\{\h{1,8}\}", STR_ESCAPE),
                rule(r#"[^\\"]+"#, STR),
                rule("\"\"\"", STR).pop(),
                rule("\"", STR).pop(),
            ],
        ),
        (
            "interp",
            vec![
                rule("[(]", PUNCTUATION).push("interp_inner"),
                rule("[)]", STR_ESCAPE).pop(),
                include("root"),
            ],
        ),
        (
            "interp_inner",
            vec![
                rule("[(]", PUNCTUATION).push_self(),
                rule("[)]", PUNCTUATION).pop(),
                include("root"),
            ],
        ),
    ]);
    d.start = Some(start);
    d
}
