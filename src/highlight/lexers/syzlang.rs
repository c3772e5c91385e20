//! Syzlang (syzkaller's syscall descriptions): each declaration pushes the chain of states
//! for its parts, which give way (empty match, pop) when their part is absent.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("syzlang", "keywords"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("syzlang", "keywords_type"));

const ID: &str = r"[a-zA-Z_][a-zA-Z0-9_]*";
const NUM_ID: &str = r"[a-zA-Z0-9_]+";
const COMMENT_RE: &str = r"#.*$";

fn term_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let tok = if KEYWORDS.contains(w) {
        KEYWORD
    } else if TYPES.contains(w) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(tok, w);
}

fn push_all(cx: &mut Ctx, states: &[&str]) {
    for s in states {
        cx.push(s);
    }
}

fn values_colon(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    push_all(cx, &["resource_values_list", "space_break"]);
}

fn syscall_arg(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME, m.all());
    push_all(cx, &["arg_type", "space_break"]);
}

fn struct_field(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME, m.all());
    push_all(
        cx,
        &[
            "space_break",
            "struct_field_mods",
            "inline_break",
            "arg_type",
            "space_break",
        ],
    );
}

fn type_body_open(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.pop(1);
    push_all(
        cx,
        &[
            "space_break",
            "struct_mods",
            "inline_break",
            "struct_fields",
            "space_break",
        ],
    );
}

fn include_kw(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.all());
    push_all(cx, &["include", "space_break"]);
}

fn define_kw(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.all());
    push_all(
        cx,
        &["define_exp", "space_break", "define_name", "space_break"],
    );
}

fn resource_kw(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.all());
    push_all(
        cx,
        &[
            "resource_values",
            "inline_break",
            "resource_type",
            "inline_break",
            "resource_name",
            "space_break",
        ],
    );
}

fn flags(cx: &mut Ctx, m: &Caps) {
    cx.token(if m.get(1) == "_" { KEYWORD } else { NAME }, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    push_all(cx, &["flags_list", "space_break"]);
}

fn syscall(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_FUNCTION, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
    cx.token(NAME_FUNCTION_MAGIC, m.get(3));
    cx.token(TEXT, m.get(4));
    cx.token(PUNCTUATION, m.get(5));
    push_all(
        cx,
        &[
            "syscall_mods",
            "inline_break",
            "syscall_retval",
            "inline_break",
            "syscall_args",
            "space_break",
        ],
    );
}

fn structure(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    push_all(
        cx,
        &[
            "inline_break",
            "struct_mods",
            "inline_break",
            "struct_fields",
            "space_break",
        ],
    );
}

fn type_kw(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.all());
    push_all(
        cx,
        &[
            "type_body",
            "space_break",
            "type_args",
            "type_name",
            "space_break",
        ],
    );
}

pub fn def() -> LexerDef {
    let give_way = || jump("").pop();
    LexerDef::new(vec![
        ("inline_break", vec![rule(r"[ \t]+", TEXT), give_way()]),
        (
            "space_break",
            vec![rule(r"\s+", TEXT), rule(COMMENT_RE, COMMENT), give_way()],
        ),
        ("mixin_name", vec![rule(ID, NAME)]),
        (
            "mixin_number",
            vec![
                rule(r"(?i)-?0x[\da-f]+", NUM_HEX),
                rule(r"-?\d+", NUM_INTEGER),
                rule(r"'[^']?'", STR_CHAR),
            ],
        ),
        (
            "mixin_string",
            vec![
                rule("\"[^\"]*\"", STR_DOUBLE),
                rule(r"`[^`]*`", STR_BACKTICK),
            ],
        ),
        (
            "mixin_term",
            vec![
                include("mixin_number"),
                include("mixin_string"),
                call(ID, term_word),
                rule(r":", PUNCTUATION),
                rule(r"\$", NAME),
            ],
        ),
        (
            "term_list",
            vec![
                rule(r"\s+", TEXT),
                rule(COMMENT_RE, COMMENT),
                include("mixin_term"),
                rule(r"\[", PUNCTUATION).push("term_list"),
                rule(r",", PUNCTUATION),
                rule(r"[\]\)]", PUNCTUATION).pop(),
            ],
        ),
        (
            "arg_type",
            vec![
                include("mixin_term"),
                rule(r"\[", PUNCTUATION).push("term_list"),
                give_way(),
            ],
        ),
        (
            "include",
            vec![
                groups(r"(<)([^>]+)(>)", &[PUNCTUATION, STR, PUNCTUATION]),
                give_way(),
            ],
        ),
        ("define_name", vec![include("mixin_name"), give_way()]),
        (
            "define_exp",
            vec![
                include("mixin_name"),
                include("mixin_number"),
                include("mixin_string"),
                rule(r"[~!%\^&\*\-\+\/\|<>\?:]", OPERATOR),
                rule(r"[\(\){}\[\];,]", PUNCTUATION),
                rule(r"[ \t]+", TEXT),
                give_way(),
            ],
        ),
        ("resource_name", vec![include("mixin_name"), give_way()]),
        (
            "resource_type",
            vec![
                rule(r"\[", PUNCTUATION).push("arg_type"),
                rule(r"\]", PUNCTUATION).pop(),
            ],
        ),
        (
            "resource_values",
            vec![call(r":", values_colon), give_way()],
        ),
        (
            "resource_values_list",
            vec![
                rule(r"[ \t]+", TEXT),
                include("mixin_name"),
                include("mixin_number"),
                include("mixin_string"),
                rule(r",", PUNCTUATION).push("space_break"),
                give_way(),
            ],
        ),
        (
            "flags_list",
            vec![
                rule(r"[ \t]+", TEXT),
                rule(r"\.", PUNCTUATION),
                include("mixin_name"),
                include("mixin_number"),
                include("mixin_string"),
                rule(r",", PUNCTUATION).push("space_break"),
                give_way(),
            ],
        ),
        (
            "syscall_args",
            vec![
                rule(r"\s+", TEXT),
                rule(COMMENT_RE, COMMENT),
                rule(r"\.", PUNCTUATION),
                call(ID, syscall_arg),
                rule(r",", PUNCTUATION),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        ("syscall_retval", vec![include("mixin_name"), give_way()]),
        (
            "syscall_mods",
            vec![rule(r"\(", PUNCTUATION).push("term_list"), give_way()],
        ),
        (
            "struct_fields",
            vec![call(ID, struct_field), rule(r"[}\]]", PUNCTUATION).pop()],
        ),
        (
            "struct_field_mods",
            vec![rule(r"\(", PUNCTUATION).push("term_list"), give_way()],
        ),
        (
            "struct_mods",
            vec![rule(r"\[", PUNCTUATION).push("term_list"), give_way()],
        ),
        ("type_name", vec![include("mixin_name"), give_way()]),
        (
            "type_args",
            vec![rule(r"\[", PUNCTUATION).push("type_args_list"), give_way()],
        ),
        (
            "type_args_list",
            vec![
                rule(r"\s+", TEXT),
                rule(COMMENT_RE, COMMENT),
                include("mixin_name"),
                rule(r",", PUNCTUATION),
                rule(r"\]", PUNCTUATION).pop(),
            ],
        ),
        (
            "type_body",
            vec![call(r"[{\[]", type_body_open), jump("").goto("arg_type")],
        ),
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(COMMENT_RE, COMMENT),
                call(r"(include|incdir)", include_kw),
                call(r"define", define_kw),
                call(r"resource", resource_kw),
                call(format!(r"({ID}|_)(\s+)(=)"), flags),
                call(format!(r"({ID})(\$)?({NUM_ID})?(\s+)?(\()"), syscall),
                call(format!(r"({ID}|{ID}\${NUM_ID})(\s+)?([{{\[])"), structure),
                call(r"type", type_kw),
            ],
        ),
    ])
}
