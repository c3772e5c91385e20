//! Haxe.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = "[$a-zA-Z_][a-zA-Z0-9_]*";

fn set(key: &str) -> HashSet<&'static str> {
    word_set("haxe", key)
}

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| set("keywords"));
static IMPORTS: Lazy<HashSet<&str>> = Lazy::new(|| set("imports"));
static DECLARATIONS: Lazy<HashSet<&str>> = Lazy::new(|| set("declarations"));
static RESERVED: Lazy<HashSet<&str>> = Lazy::new(|| set("reserved"));
static CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| set("constants"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| set("builtins"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    if KEYWORDS.contains(w) {
        cx.token(KEYWORD, w);
        cx.push("expr_start");
    } else if IMPORTS.contains(w) {
        // Rouge pushes a `namespace` state it never defines (and fails); stay in place.
        cx.token(KEYWORD, w);
    } else if DECLARATIONS.contains(w) {
        cx.token(KEYWORD_DECLARATION, w);
        cx.push("expr_start");
    } else {
        let t = if RESERVED.contains(w) {
            KEYWORD_RESERVED
        } else if CONSTANTS.contains(w) {
            KEYWORD_CONSTANT
        } else if BUILTINS.contains(w) {
            NAME_BUILTIN
        } else {
            NAME_OTHER
        };
        cx.token(t, w);
    }
}

fn ternary(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("ternary");
    cx.push("expr_start");
}

fn metadata(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_DECORATOR, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
    if !m.matched(2) {
        cx.pop(1);
    }
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "comments_and_whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
            ],
        ),
        (
            "expr_start",
            vec![
                include("comments_and_whitespace"),
                rule("#(?:if|elseif|else|end).*", COMMENT_PREPROC),
                rule("~", STR_REGEX).goto("regex"),
                rule("[{]", PUNCTUATION).push("object"),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "regex",
            vec![
                rule("/", STR_REGEX).goto("regex_end"),
                rule(r"[^/]\n", ERROR).pop(),
                rule(r"\n", ERROR).pop(),
                rule(r"\[\^", STR_ESCAPE).push("regex_group"),
                rule(r"\[", STR_ESCAPE).push("regex_group"),
                rule(r"\\.", STR_ESCAPE),
                rule("[(][?][:=<!]", STR_ESCAPE),
                rule(r"[{][\d,]+[}]", STR_ESCAPE),
                rule("[()?]", STR_ESCAPE),
                rule(".", STR_REGEX),
            ],
        ),
        (
            "regex_end",
            vec![rule("[gim]+", STR_REGEX).pop(), jump("").pop()],
        ),
        (
            "regex_group",
            vec![
                rule("/", STR_ESCAPE),
                rule(r"[^/]\n", ERROR).pop_n(2),
                rule(r"\]", STR_ESCAPE).pop(),
                rule(r"\\.", STR_ESCAPE),
                rule(".", STR_REGEX),
            ],
        ),
        (
            "root",
            vec![
                rule(r"\n", TEXT).push("statement"),
                rule(r"\{", PUNCTUATION).push("expr_start"),
                include("comments_and_whitespace"),
                rule("@", NAME_DECORATOR).push("metadata"),
                rule(r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>|==|!=", OPERATOR).push("expr_start"),
                rule(r"[-:<>+*%&|\^/!=]=?", OPERATOR).push("expr_start"),
                rule(r"[(\[,]", PUNCTUATION).push("expr_start"),
                rule(";", PUNCTUATION).push("statement"),
                rule(r"[)\]}.]", PUNCTUATION),
                call("[?]", ternary),
                call(ID, word),
                rule(r"\-?\d+\.\d+(?:[eE]\d+)?[fd]?", NUM_FLOAT),
                rule(r"0x\h+", NUM_HEX),
                rule(r"\-?[0-9]+", NUM_INTEGER),
                rule("\"", STR_DOUBLE).push("str_double"),
                rule("'", STR_SINGLE).push("str_single"),
            ],
        ),
        (
            "statement",
            vec![
                groups(format!(r"({ID})(\s*)(:)"), &[NAME_LABEL, TEXT, PUNCTUATION]),
                include("expr_start"),
            ],
        ),
        (
            "object",
            vec![
                include("comments_and_whitespace"),
                rule("[}]", PUNCTUATION).goto("statement"),
                groups(
                    format!(r"({ID})(\s*)(:)"),
                    &[NAME_ATTRIBUTE, TEXT, PUNCTUATION],
                )
                .push("expr_start"),
                rule(":", PUNCTUATION),
                include("root"),
            ],
        ),
        (
            "metadata",
            vec![
                call(format!(r"({ID})(\()?"), metadata),
                rule(format!(r":{ID}(?:\.{ID})*"), NAME_DECORATOR).pop(),
                rule(r"\)", NAME_DECORATOR).pop(),
                include("root"),
            ],
        ),
        (
            "ternary",
            vec![rule(":", PUNCTUATION).goto("expr_start"), include("root")],
        ),
        (
            "str_double",
            vec![
                include("str_escape"),
                rule("\"", STR_DOUBLE).pop(),
                rule(r#"[^\\"]+"#, STR_DOUBLE),
            ],
        ),
        (
            "str_single",
            vec![
                include("str_escape"),
                rule("'", STR_SINGLE).pop(),
                rule(r"\$\$", STR_SINGLE),
                rule(format!(r"\${ID}"), STR_INTERPOL),
                rule(r"\$\{", STR_INTERPOL).push("str_interpol"),
                rule(r"[^\\$']+", STR_SINGLE),
            ],
        ),
        (
            "str_escape",
            vec![
                rule(r#"\\[\\tnr'"]"#, STR_ESCAPE),
                rule(r"\\[0-7]{3}", STR_ESCAPE),
                rule(r"\\x\h{2}", STR_ESCAPE),
                rule(r"\\u\h{4}", STR_ESCAPE),
                rule(r"\\u\{\h{1,6}\}", STR_ESCAPE),
            ],
        ),
        (
            "str_interpol",
            vec![rule(r"\}", STR_INTERPOL).pop(), include("root")],
        ),
    ])
}
