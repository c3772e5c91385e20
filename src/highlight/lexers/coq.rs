//! Coq.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn set(key: &str) -> HashSet<&'static str> {
    word_set("coq", key)
}

static COQ: Lazy<HashSet<&str>> = Lazy::new(|| set("coq"));
static GALLINA: Lazy<HashSet<&str>> = Lazy::new(|| set("gallina"));
static LTAC: Lazy<HashSet<&str>> = Lazy::new(|| set("ltac"));
static TERMINATORS: Lazy<HashSet<&str>> = Lazy::new(|| set("terminators"));
static TACTICALS: Lazy<HashSet<&str>> = Lazy::new(|| set("tacticals"));
static KEYOPTS: Lazy<HashSet<&str>> = Lazy::new(|| set("keyopts"));

fn classify(x: &str) -> Tok {
    if COQ.contains(x) {
        KEYWORD
    } else if GALLINA.contains(x) {
        KEYWORD_RESERVED
    } else if LTAC.contains(x) {
        KEYWORD_PSEUDO
    } else if TERMINATORS.contains(x) {
        NAME_EXCEPTION
    } else if TACTICALS.contains(x) {
        KEYWORD_PSEUDO
    } else {
        NAME_CONSTANT
    }
}

fn module_type(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, "Module");
    cx.token(WHITESPACE, m.get(1));
    cx.token(KEYWORD, "Type");
    cx.token(WHITESPACE, m.get(2));
}

fn set_options(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    let mut i = 2;
    while i < 6 && !m.get(i).is_empty() {
        cx.token(WHITESPACE, m.get(i));
        cx.token(KEYWORD, m.get(i + 1));
        i += 2;
    }
    // Rouge loops forever when spaces precede the dot; keep them as whitespace instead.
    cx.token(WHITESPACE, m.get(6));
    cx.token(PUNCTUATION_INDICATOR, ".");
}

fn start_id(cx: &mut Ctx, m: &Caps) {
    cx.st.vars.insert("name", m.all().to_string());
    cx.st.vars.remove("continue");
    cx.push("continue_id");
}

fn name_token(cx: &Ctx, name: &str) -> Tok {
    if cx.st.vars.contains_key("continue") {
        NAME_CONSTANT
    } else {
        classify(name)
    }
}

fn dot_id(cx: &mut Ctx, m: &Caps) {
    let name = cx.st.vars.get("name").cloned().unwrap_or_default();
    cx.token(NAME_NAMESPACE, &name);
    cx.token(PUNCTUATION, ".");
    cx.st.vars.insert("continue", String::new());
    cx.st.vars.insert("name", m.get(1).to_string());
}

fn dot_space(cx: &mut Ctx, m: &Caps) {
    let name = cx.st.vars.get("name").cloned().unwrap_or_default();
    let t = name_token(cx, &name);
    cx.token(t, &name);
    cx.token(PUNCTUATION_INDICATOR, ".");
    cx.token(WHITESPACE, m.get(1));
    cx.st.vars.remove("name");
    cx.st.vars.remove("continue");
    cx.pop(1);
}

fn end_id(cx: &mut Ctx, _m: &Caps) {
    let name = cx.st.vars.get("name").cloned().unwrap_or_default();
    let t = name_token(cx, &name);
    cx.token(t, &name);
    cx.st.vars.remove("name");
    cx.st.vars.remove("continue");
    cx.pop(1);
}

fn other(cx: &mut Ctx, m: &Caps) {
    let c = m.all();
    let t = if KEYOPTS.contains(c) {
        PUNCTUATION
    } else if c
        .chars()
        .all(|ch| "[];,{}_()!$%&*+./:<=>?@^|~#-".contains(ch))
    {
        OPERATOR
    } else {
        ERROR
    };
    cx.token(t, c);
}

pub fn def() -> LexerDef {
    let id = r"(?i:(?:[a-z][\w']*)|(?:[_a-z][\w']+))";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("[(][*](?![)])", COMMENT).push("comment"),
                rule(r"\s+", WHITESPACE),
                call(r"Module(\s+)Type(\s+)", module_type),
                call(
                    r"(?s)(Set|Unset)(\s+)(Universe|Printing|Implicit|Strict)(\s+)(Polymorphism|All|Notations|Arguments|Universes|Implicit)(\s*)\.",
                    set_options,
                ),
                call(id, start_id),
                rule(r"/\\", OPERATOR),
                rule(r"\\/", OPERATOR),
                rule(r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", NUM_FLOAT),
                rule(r"\d[\d_]*", NUM_INTEGER),
                rule(r#"'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'"#, STR_CHAR),
                rule("'", KEYWORD),
                rule("\"", STR_DOUBLE).push("string"),
                rule(format!("[~?]{id}"), NAME_VARIABLE),
                call(".", other),
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
                rule(r#"(?:\\")+|[^"]"#, STR_DOUBLE),
                include("escape_sequence"),
                rule(r"\\\n", STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        ("escape_sequence", vec![rule(r#"\\[\\"'ntbr]"#, STR_ESCAPE)]),
        (
            "continue_id",
            vec![
                call(r"(?i)\.((?:[a-z][\w']*)|(?:[_a-z][\w']+))", dot_id),
                call(r"\.(\s+)", dot_space),
                call("", end_id),
            ],
        ),
    ])
}
