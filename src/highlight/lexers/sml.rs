//! Standard ML: `let`/`local`/`if` … `end`/`in`/`then` nesting tracked on the stack, binding
//! forms (`val`, `fun`, `type`, `datatype`, `exception`, structures) with their own states.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sml", "keywords"));
static SYMBOLIC: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sml", "symbolic_reserved"));

const ID: &str = r"[\w']+";
const SYMBOL: &str = r"[!%&$#/:<=>?@\\~`^|*+-]+";
const KEYWORD_LIST: &str = "abstype|and|andalso|as|case|datatype|do|else|end|exception|fn|fun|\
    handle|if|in|infix|infixr|let|local|nonfix|of|op|open|orelse|raise|rec|then|type|val|with|\
    withtype|while|eqtype|functor|include|sharing|sig|signature|struct|structure|where";

fn id_token(id: &str) -> Tok {
    if KEYWORDS.contains(id) {
        KEYWORD_RESERVED
    } else if SYMBOLIC.contains(id) {
        PUNCTUATION
    } else {
        NAME
    }
}

fn dotted_start(cx: &mut Ctx, m: &Caps) {
    let tok = if KEYWORDS.contains(m.get(1)) {
        ERROR
    } else {
        NAME_NAMESPACE
    };
    cx.token(tok, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
    cx.push("dotted");
}

fn dotted_part(cx: &mut Ctx, m: &Caps) {
    let tok = if KEYWORDS.contains(m.get(1)) {
        ERROR
    } else {
        NAME_NAMESPACE
    };
    cx.token(tok, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
}

fn word(cx: &mut Ctx, m: &Caps) {
    cx.token(id_token(m.all()), m.all());
}

fn word_pop(cx: &mut Ctx, m: &Caps) {
    cx.token(id_token(m.all()), m.all());
    cx.pop(1);
}

fn open_twice(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_RESERVED, m.all());
    cx.push_self();
    cx.push_self();
}

fn open_once(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_RESERVED, m.all());
    cx.push_self();
}

fn comment_open(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_MULTILINE, m.all());
    cx.push_self();
}

fn fun_kw(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_RESERVED, m.all());
    cx.goto("main_fun");
    cx.push("fname");
}

fn fun_val(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_RESERVED, m.all());
    cx.goto("main");
    cx.push("vname");
}

fn datbind(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.goto("datbind");
    cx.push("datcon");
}

pub fn def() -> LexerDef {
    let annotations = || include("has_annotations");
    LexerDef::new(vec![
        (
            "whitespace",
            vec![rule(r"\s+", TEXT), rule(r"[(][*]", COMMENT).push("comment")],
        ),
        (
            "delimiters",
            vec![
                rule(r"[(\[{]", PUNCTUATION).push("main"),
                rule(r"[)\]}]", PUNCTUATION).pop(),
                call(r"\b(let|if|local)\b(?!')", open_twice),
                call(r"\b(struct|sig|while)\b(?!')", open_once),
                rule(r"\b(do|else|end|in|then)\b(?!')", KEYWORD_RESERVED).pop(),
            ],
        ),
        (
            "core",
            vec![
                rule(r"[()\[\]{},;_]|[.][.][.]", PUNCTUATION),
                rule("#\"", STR_CHAR).push("char"),
                rule("\"", STR_DOUBLE).push("string"),
                rule(r"~?0x[0-9a-fA-F]+", NUM_HEX),
                rule(r"0wx[0-9a-fA-F]+", NUM_HEX),
                rule(r"0w\d+", NUM_INTEGER),
                rule(r"~?\d+([.]\d+)?[eE]~?\d+", NUM_FLOAT),
                rule(r"~?\d+[.]\d+", NUM_FLOAT),
                rule(r"~?\d+", NUM_INTEGER),
                rule(r"#\s*[1-9][0-9]*", NAME_LABEL),
                rule(format!(r"#\s*{ID}"), NAME_LABEL),
                rule(format!(r"#\s+{SYMBOL}"), NAME_LABEL),
                rule(r"\b(datatype|abstype)\b(?!')", KEYWORD_RESERVED).push("dname"),
                jump(r"(?=\bexception\b(?!'))").push("ename"),
                rule(
                    r"\b(functor|include|open|signature|structure)\b(?!')",
                    KEYWORD_RESERVED,
                )
                .push("sname"),
                rule(r"\b(type|eqtype)\b(?!')", KEYWORD_RESERVED).push("tname"),
                rule(format!(r"'{ID}"), NAME_DECORATOR),
                call(format!(r"({ID})([.])"), dotted_start),
                call(ID, word),
                call(SYMBOL, word),
            ],
        ),
        (
            "dotted",
            vec![
                call(format!(r"({ID})([.])"), dotted_part),
                call(ID, word_pop),
                call(SYMBOL, word_pop),
            ],
        ),
        (
            "root",
            vec![rule(r"#!.*?\n", COMMENT_PREPROC), jump("").push("main")],
        ),
        (
            "main",
            vec![
                include("whitespace"),
                rule(r"\b(val|and)\b(?!')", KEYWORD_RESERVED).push("vname"),
                call(r"\b(fun)\b(?!')", fun_kw),
                include("delimiters"),
                include("core"),
            ],
        ),
        (
            "main_fun",
            vec![
                include("whitespace"),
                rule(r"\b(fun|and)\b(?!')", KEYWORD_RESERVED).push("fname"),
                call(r"\bval\b(?!')", fun_val),
                rule(r"[|]", PUNCTUATION).push("fname"),
                rule(r"\b(case|handle)\b(?!')", KEYWORD_RESERVED).goto("main"),
                include("delimiters"),
                include("core"),
            ],
        ),
        (
            "has_escapes",
            vec![
                rule(r#"\\[\\"abtnvfr]"#, STR_ESCAPE),
                rule(r"\\\^[\x40-\x5e]", STR_ESCAPE),
                rule(r"\\[0-9]{3}", STR_ESCAPE),
                rule(r"\\u\h{4}", STR_ESCAPE),
                rule(r"\\\s+\\", STR_INTERPOL),
            ],
        ),
        (
            "string",
            vec![
                rule(r#"[^"\\]+"#, STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
                include("has_escapes"),
            ],
        ),
        (
            "char",
            vec![
                rule(r#"[^"\\]+"#, STR_CHAR),
                rule("\"", STR_CHAR).pop(),
                include("has_escapes"),
            ],
        ),
        (
            "breakout",
            vec![jump(format!(r"(?=\b({KEYWORD_LIST})\b(?!'))")).pop()],
        ),
        (
            "sname",
            vec![
                include("whitespace"),
                include("breakout"),
                rule(ID, NAME_NAMESPACE),
                jump("").pop(),
            ],
        ),
        (
            "has_annotations",
            vec![
                rule(r"'[\w']*", NAME_DECORATOR),
                rule(r"[(]", PUNCTUATION).push("tyvarseq"),
            ],
        ),
        (
            "fname",
            vec![
                include("whitespace"),
                annotations(),
                rule(ID, NAME_FUNCTION).pop(),
                rule(SYMBOL, NAME_FUNCTION).pop(),
            ],
        ),
        (
            "vname",
            vec![
                include("whitespace"),
                annotations(),
                groups(
                    format!(r"({ID})(\s*)(=(?!{SYMBOL}))"),
                    &[NAME_VARIABLE, TEXT, PUNCTUATION],
                )
                .pop(),
                groups(
                    format!(r"({SYMBOL})(\s*)(=(?!{SYMBOL}))"),
                    &[NAME_VARIABLE, TEXT, PUNCTUATION],
                ),
                rule(ID, NAME_VARIABLE).pop(),
                rule(SYMBOL, NAME_VARIABLE).pop(),
                jump("").pop(),
            ],
        ),
        (
            "tname",
            vec![
                include("whitespace"),
                include("breakout"),
                annotations(),
                rule(r"'[\w']*", NAME_DECORATOR),
                rule(r"[(]", PUNCTUATION).push("tyvarseq"),
                rule(format!(r"=(?!{SYMBOL})"), PUNCTUATION).goto("typbind"),
                rule(ID, KEYWORD_TYPE),
                rule(SYMBOL, KEYWORD_TYPE),
            ],
        ),
        (
            "typbind",
            vec![
                include("whitespace"),
                rule(r"\b(and)\b(?!')", KEYWORD_RESERVED).goto("tname"),
                include("breakout"),
                include("core"),
            ],
        ),
        (
            "dname",
            vec![
                include("whitespace"),
                include("breakout"),
                annotations(),
                groups(
                    r"(=)(\s*)(datatype)\b",
                    &[PUNCTUATION, TEXT, KEYWORD_RESERVED],
                )
                .pop(),
                call(format!(r"=(?!{SYMBOL})"), datbind),
                rule(ID, KEYWORD_TYPE),
                rule(SYMBOL, KEYWORD_TYPE),
            ],
        ),
        (
            "datbind",
            vec![
                include("whitespace"),
                rule(r"\b(and)\b(?!')", KEYWORD_RESERVED).goto("dname"),
                rule(r"\b(withtype)\b(?!')", KEYWORD_RESERVED).goto("tname"),
                rule(r"\bof\b(?!')", KEYWORD_RESERVED),
                groups(
                    format!(r"([|])(\s*)({ID})"),
                    &[PUNCTUATION, TEXT, NAME_CLASS],
                ),
                groups(
                    format!(r"([|])(\s+)({SYMBOL})"),
                    &[PUNCTUATION, TEXT, NAME_CLASS],
                ),
                include("breakout"),
                include("core"),
            ],
        ),
        (
            "ename",
            vec![
                include("whitespace"),
                groups(
                    format!(r"(exception|and)(\s+)({ID})"),
                    &[KEYWORD_RESERVED, TEXT, NAME_CLASS],
                ),
                groups(
                    format!(r"(exception|and)(\s*)({SYMBOL})"),
                    &[KEYWORD_RESERVED, TEXT, NAME_CLASS],
                ),
                rule(r"\b(of)\b(?!')", KEYWORD_RESERVED),
                include("breakout"),
                include("core"),
            ],
        ),
        (
            "datcon",
            vec![
                include("whitespace"),
                rule(ID, NAME_CLASS).pop(),
                rule(SYMBOL, NAME_CLASS).pop(),
            ],
        ),
        (
            "tyvarseq",
            vec![
                include("whitespace"),
                rule(r"'[\w']*", NAME_DECORATOR),
                rule(ID, NAME),
                rule(r",", PUNCTUATION),
                rule(r"[)]", PUNCTUATION).pop(),
                rule(SYMBOL, NAME),
            ],
        ),
        (
            "comment",
            vec![
                rule(r"[^(*)]+", COMMENT_MULTILINE),
                call(r"[(][*]", comment_open),
                rule(r"[*][)]", COMMENT_MULTILINE).pop(),
                rule(r"[(*)]", COMMENT_MULTILINE),
            ],
        ),
    ])
}
