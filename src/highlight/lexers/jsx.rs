//! JSX and TSX: JavaScript/TypeScript with embedded XML-like elements and `{}` expressions.

use super::{javascript, typescript};
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn start(st: &mut LexState) {
    st.push("expr_start");
}

fn open_tag(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("tag_opening");
    cx.push("element");
    cx.push("element_name");
}

fn close_tag(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.goto("element");
    cx.push("element_name");
}

fn interpol(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_INTERPOL, m.all());
    cx.push("interpol");
    cx.push("expr_start");
}

fn inner(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("interpol_inner");
    cx.push("statement");
}

fn html(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("html", m.all());
}

/// Adds JSX's element states to a JavaScript-family lexer.
fn extend(base: LexerDef) -> LexerDef {
    base.prepend("expr_start", vec![include("tag")])
        .with_state("tag", vec![call("<", open_tag)])
        .with_state(
            "tag_opening",
            vec![
                call("</", close_tag),
                include("tag"),
                call(r"\{", interpol),
                call("[^<{]+", html),
            ],
        )
        .with_state(
            "element",
            vec![
                include("comments_and_whitespace"),
                rule("/>", PUNCTUATION).pop_n(2),
                rule(">", PUNCTUATION).pop(),
                call(r"\{", interpol),
                rule(r"\w[\w-]*", NAME_ATTRIBUTE),
                rule("=", PUNCTUATION),
                rule(r#"(["']).*?(\1)"#, STR),
            ],
        )
        .with_state(
            "element_name",
            vec![
                rule(r"[A-Z]\w*", NAME_CLASS),
                rule(r"\w+", NAME_TAG),
                rule(r"\.", PUNCTUATION),
                jump("").pop(),
            ],
        )
        .with_state(
            "interpol",
            vec![
                rule(r"\}", STR_INTERPOL).pop(),
                call(r"\{", inner),
                include("root"),
            ],
        )
        .with_state(
            "interpol_inner",
            vec![rule(r"\}", PUNCTUATION).goto("statement"), include("root")],
        )
        .with_start(start)
}

pub fn def() -> LexerDef {
    extend(javascript::def())
}

pub fn tsx() -> LexerDef {
    extend(typescript::def()).prepend(
        "element_name",
        vec![groups(r"(\w+)(,)", &[NAME_OTHER, PUNCTUATION]).pop_n(3)],
    )
}
