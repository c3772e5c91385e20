//! Literate Haskell (`>` code lines) and literate CoffeeScript (indented code in Markdown),
//! and EEx / BIML, which embed one language in another.

use std::collections::HashMap;

use super::template::start_parent;
use super::xml;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn lhs_code(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_LABEL, m.get(1));
    cx.delegate_keep("haskell", m.get(2));
}

pub fn literate_haskell() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s*?\n(?=>)", TEXT).push("code"),
                rule(r".*?\n", TEXT),
                rule(r".+\z", TEXT),
            ],
        ),
        (
            "code",
            vec![
                call(r"(>)( .*?(\n|\z))", lhs_code),
                rule(r"\s*\n(?=\s*[^>])", TEXT).pop(),
            ],
        ),
    ])
}

fn coffee(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("coffeescript", m.all());
}

fn markdown(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("markdown", m.all());
}

pub fn literate_coffeescript() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            call(r"(?s)^(    .*?\n)+", coffee),
            call(r"(?s)^([ ]{0,3}(\S.*?|)\n)*", markdown),
        ],
    )])
}

fn eex_start(st: &mut LexState) {
    start_parent(st);
    st.set_sub(
        "elixir",
        crate::highlight::new_state("elixir", HashMap::new()),
    );
}

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

fn elixir(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("elixir", m.all());
}

pub fn eex() -> LexerDef {
    let open = "<%%|<%=|<%#|<%";
    let close = "%%>|%>";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("<%#", COMMENT).push("comment"),
                rule(open, COMMENT_PREPROC).push("elixir"),
                call(format!("(?s).+?(?={open})|.+"), parent),
            ],
        ),
        (
            "comment",
            vec![
                rule(close, COMMENT).pop(),
                rule(format!("(?s).+?(?={close})|.+"), COMMENT),
            ],
        ),
        (
            "elixir",
            vec![
                rule(close, COMMENT_PREPROC).pop(),
                call(format!("(?s).+?(?={close})|.+"), elixir),
            ],
        ),
    ])
    .with_start(eex_start)
}

fn csharp(cx: &mut Ctx, m: &Caps) {
    cx.delegate("csharp", m.all());
}

pub fn biml() -> LexerDef {
    xml::def()
        .prepend(
            "root",
            vec![
                rule(r"(?s)<#@\s*", NAME_TAG).push("directive_tag"),
                rule(r"(?s)<#[=]?\s*", NAME_TAG).push("directive_as_csharp"),
            ],
        )
        .with_state(
            "directive_as_csharp",
            vec![
                rule(r"\s*#>\s*", NAME_TAG).pop(),
                call(r"(?s).*?(?=\s*#>\s*)", csharp),
            ],
        )
        .with_state(
            "directive_tag",
            vec![
                rule(r"\s+", TEXT),
                rule(r"[\w.:-]+\s*=", NAME_ATTRIBUTE).push("attr"),
                rule(r"\w+\s*", NAME_ATTRIBUTE),
                rule(r"/?\s*#>", NAME_TAG).pop(),
            ],
        )
}
