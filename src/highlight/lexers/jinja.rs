//! Jinja/Django and Twig templates over a parent language (HTML by default).
//!
//! Rouge keeps the word lists in class variables shared by both lexers, so whichever is used
//! first in a process decides them; Rouge's own sample run uses Jinja's lists for both.

use super::template::start_parent;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &[&str] = &[
    "as",
    "context",
    "do",
    "else",
    "extends",
    "from",
    "ignore",
    "missing",
    "import",
    "include",
    "reversed",
    "recursive",
    "scoped",
    "autoescape",
    "endautoescape",
    "block",
    "endblock",
    "call",
    "endcall",
    "filter",
    "endfilter",
    "for",
    "endfor",
    "if",
    "endif",
    "macro",
    "endmacro",
    "set",
    "endset",
    "trans",
    "endtrans",
    "with",
    "endwith",
    "without",
];
const TESTS: &[&str] = &[
    "callable",
    "defined",
    "divisibleby",
    "equalto",
    "escaped",
    "even",
    "iterable",
    "lower",
    "mapping",
    "none",
    "number",
    "odd",
    "sameas",
    "sequence",
    "string",
    "undefined",
    "upper",
];

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

fn raw_open(cx: &mut Ctx, m: &Caps) {
    let toks = [COMMENT_PREPROC, TEXT, KEYWORD, TEXT, COMMENT_PREPROC];
    for (i, t) in toks.iter().enumerate() {
        cx.token(t, m.get(i + 1));
    }
    cx.push(if m.get(3) == "raw" { "raw" } else { "verbatim" });
}

fn statement_word(cx: &mut Ctx, m: &Caps) {
    let w = m.get(1);
    let t = if KEYWORDS.contains(&w) {
        KEYWORD
    } else if matches!(w, "true" | "false" | "none" | "True" | "False" | "None") {
        KEYWORD_PSEUDO
    } else if matches!(w, "is" | "in" | "and" | "or" | "not") {
        OPERATOR_WORD
    } else if TESTS.contains(&w) {
        NAME_BUILTIN
    } else {
        NAME_VARIABLE
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    let end_raw = |word: &str| {
        groups(
            format!(r"(\{{%-?)(\s*)({word})(\s*)(-?%\}})"),
            &[COMMENT_PREPROC, TEXT, KEYWORD, TEXT, COMMENT_PREPROC],
        )
        .pop()
    };
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\{#", COMMENT).push("comment"),
                rule("##.*", COMMENT),
                call(r"(\{%-?)(\s*)(raw|verbatim)(\s*)(-?%\})", raw_open),
                rule(r"\{%", COMMENT_PREPROC).push("statement"),
                rule(r"\{\{", COMMENT_PREPROC).push("expression"),
                call(r"(?s)(.+?)(?=\\|\{\{|\{%|\{#|##)", parent),
                call("(?s).+", parent),
            ],
        ),
        (
            "filter",
            vec![groups(r"(\|\s*)(\w+)", &[OPERATOR, NAME_FUNCTION])],
        ),
        (
            "function",
            vec![groups(r"(\w+)(\()", &[NAME_FUNCTION, PUNCTUATION])],
        ),
        ("text", vec![rule(r"\s+", TEXT)]),
        (
            "literal",
            vec![
                rule(r#""(\\.|.)*?""#, STR_DOUBLE),
                rule(r"'(\\.|.)*?'", STR_SINGLE),
                rule(r"\d+(?=}\s)", NUM),
                rule(r"(\+|\-|\*|//?|\*\*?|=)", OPERATOR),
                rule("(<=?|>=?|===?|!=)", OPERATOR),
                rule(",", PUNCTUATION),
                rule(r"\[", PUNCTUATION),
                rule(r"\]", PUNCTUATION),
                rule(r"\(", PUNCTUATION),
                rule(r"\)", PUNCTUATION),
            ],
        ),
        (
            "comment",
            vec![
                rule("(?s)[^#]+", COMMENT),
                rule("#}", COMMENT).pop(),
                rule("#", COMMENT),
            ],
        ),
        (
            "expression",
            vec![
                rule(r"\w+\.?", NAME_VARIABLE),
                include("filter"),
                include("function"),
                include("literal"),
                include("text"),
                rule(r"%}|}}", COMMENT_PREPROC).pop(),
            ],
        ),
        (
            "statement",
            vec![
                call(r"(\w+\.?)", statement_word),
                include("filter"),
                include("function"),
                include("literal"),
                include("text"),
                rule(r"%\}", COMMENT_PREPROC).pop(),
            ],
        ),
        (
            "raw",
            vec![end_raw("endraw"), rule(r"[^{]+", TEXT), rule(r"\{", TEXT)],
        ),
        (
            "verbatim",
            vec![
                end_raw("endverbatim"),
                rule(r"[^{]+", TEXT),
                rule(r"\{", TEXT),
            ],
        ),
    ])
    .with_start(start_parent)
}
