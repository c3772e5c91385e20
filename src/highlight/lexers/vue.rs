//! Vue single-file components: HTML with `<template>` (with `{{ }}` JavaScript), `<script>`
//! and `<style>` blocks lexed by their `lang=` language.

use super::html;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn block(cx: &mut Ctx, m: &Caps, lang: &str, state: &str) {
    cx.token(NAME_TAG, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(KEYWORD, m.get(3));
    cx.st.vars.insert("lang", lang.to_string());
    cx.push(state);
    cx.push("lang_tag");
}

fn template(cx: &mut Ctx, m: &Caps) {
    block(cx, m, "html", "template");
}
fn style(cx: &mut Ctx, m: &Caps) {
    block(cx, m, "css", "style");
}
fn script(cx: &mut Ctx, m: &Caps) {
    block(cx, m, "javascript", "script");
}

fn lang_attr(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_ATTRIBUTE, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(STR, m.get(3));
    let lang = m.get(3).to_lowercase().replace(['"', '\''], "");
    let tag = match lang.as_str() {
        "html" => "html",
        "css" => "css",
        "javascript" => "javascript",
        "sass" => "sass",
        "scss" => "scss",
        "coffee" => "coffeescript",
        _ => "plaintext",
    };
    cx.st.vars.insert("lang", tag.to_string());
}

fn interpol_open(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_INTERPOL, m.all());
    cx.push("template_interpol");
    cx.reset_sub("javascript_vue");
}

fn js(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keyed("javascript_vue", "javascript", m.all());
}
fn js_push(cx: &mut Ctx, m: &Caps) {
    js(cx, m);
    cx.push_self();
}
fn js_pop(cx: &mut Ctx, m: &Caps) {
    js(cx, m);
    cx.pop(1);
}

fn embed(cx: &mut Ctx, m: &Caps) {
    let lang = cx
        .st
        .vars
        .get("lang")
        .cloned()
        .unwrap_or_else(|| "plaintext".into());
    cx.delegate(&lang, m.all());
}

fn close(name: &str) -> RuleDef {
    groups(
        format!(r"(<\s*/\s*)({name})(\s*>)"),
        &[NAME_TAG, KEYWORD, NAME_TAG],
    )
    .pop()
}

pub fn def() -> LexerDef {
    html::def()
        .prepend(
            "root",
            vec![
                call(r"(<)(\s*)(template)", template),
                call(r"(<)(\s*)(style)", style),
                call(r"(<)(\s*)(script)", script),
            ],
        )
        .prepend(
            "tag",
            vec![rule(r"[a-zA-Z0-9_:#\[\]()*.-]+\s*=\s*", NAME_ATTRIBUTE).push("attr")],
        )
        .with_state(
            "style",
            // HTML's style rules delegate to the current `lang`, fresh each time.
            vec![
                close("style"),
                call("[^<]+", embed),
                rule(r"<\s*/\s*style\s*>", NAME_TAG).pop(),
                call("<", embed),
                include("embed"),
            ],
        )
        .with_state(
            "script",
            vec![close("script"), include("script_content"), include("embed")],
        )
        .with_state(
            "lang_tag",
            vec![
                call(
                    r#"(lang\s*=)(\s*)("(?:\\.|[^\\])*?"|'(\\.|[^\\])*?'|[^\s>]+)"#,
                    lang_attr,
                ),
                include("tag"),
            ],
        )
        .with_state(
            "template",
            vec![
                close("template"),
                call(r"\{\{", interpol_open),
                include("embed"),
            ],
        )
        .with_state(
            "template_interpol",
            vec![
                rule(r"\}\}", STR_INTERPOL).pop(),
                rule(r"\}", ERROR),
                include("template_interpol_inner"),
            ],
        )
        .with_state(
            "template_interpol_inner",
            vec![
                call(r"\{", js_push),
                call(r"\}", js_pop),
                call(r"[^{}]+", js),
            ],
        )
        .with_state(
            "embed",
            vec![call("[^{<]+", embed), call("[<{][^<{]*", embed)],
        )
}
