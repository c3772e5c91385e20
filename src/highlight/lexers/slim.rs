//! Slim templates: indentation-structured lines of tags (`tag.class#id attr=value`), Ruby
//! lines (`-`, `=`), text blocks (`|`), filters (`ruby:`, `javascript:`, ...), comments.
//! Ruby and HTML pieces go to long-lived sub-lexers, as in Rouge.

use crate::highlight::engine::*;
use crate::highlight::token::*;

use super::scss::{indentation, starts_block};

const RUBY_CHARS: &str = r"[\w\!\?\@\$]";
const DOT: &str = r"(\\\n|.)";

fn start(st: &mut LexState) {
    let opts = st.opts.clone();
    st.set_sub("ruby", crate::highlight::new_state("ruby", opts.clone()));
    st.set_sub("html", crate::highlight::new_state("html", opts));
}

fn ruby(cx: &mut Ctx, text: &str) {
    cx.delegate_sub("ruby", text);
}

fn html(cx: &mut Ctx, text: &str) {
    cx.delegate_sub("html", text);
}

fn line_start(cx: &mut Ctx, m: &Caps) {
    indentation(cx, m);
}

fn filter_start(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_DECORATOR, m.all());
    cx.pop(1);
    starts_block(cx, "filter_block");
    let name = m.get(1).trim();
    let lang = match name {
        "ruby" => Some("ruby"),
        "erb" => Some("erb"),
        "javascript" => Some("javascript"),
        "css" => Some("css"),
        "coffee" => Some("coffeescript"),
        "markdown" => Some("markdown"),
        "scss" => Some("scss"),
        "sass" => Some("sass"),
        _ => None,
    };
    match lang {
        Some(lang) => {
            let key = if lang == "ruby" {
                "ruby".to_string()
            } else {
                format!("filter:{lang}")
            };
            let opts = cx.st.opts.clone();
            cx.set_sub(&key, crate::highlight::new_state(lang, opts));
            cx.st.vars.insert("filter", key);
        }
        None => {
            cx.st.vars.remove("filter");
        }
    }
}

fn text_start(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.pop(1);
    starts_block(cx, "plain_block");
    cx.goto("plain_block");
}

fn dynamic_tag(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.get(1));
    ruby(cx, m.get(2));
    cx.push("tag");
}

fn splat(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.get(1));
    ruby(cx, m.get(2));
}

fn dirty_html_pop(cx: &mut Ctx, m: &Caps) {
    html(cx, m.get(1));
    cx.pop(1);
}

fn dirty_html(cx: &mut Ctx, m: &Caps) {
    html(cx, m.get(1));
}

fn attribute(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_ATTRIBUTE, m.get(1));
    cx.token(WHITESPACE, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    cx.push("html_attr");
}

fn ruby_value(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.get(1));
    ruby(cx, m.get(2));
}

fn attr_ruby(cx: &mut Ctx, m: &Caps) {
    ruby(cx, m.get(1));
    cx.pop(1);
}

fn ruby_all(cx: &mut Ctx, m: &Caps) {
    ruby(cx, m.all());
}

fn filter_text(cx: &mut Ctx, m: &Caps) {
    match cx.st.vars.get("filter").cloned() {
        Some(key) => cx.delegate_sub(&key, m.all()),
        None => cx.token(NAME_DECORATOR, m.all()),
    }
}

fn interp_open(cx: &mut Ctx, m: &Caps) {
    ruby(cx, m.all());
    cx.push("ruby_interp_inner");
}

fn interp_close(cx: &mut Ctx, m: &Caps) {
    ruby(cx, m.all());
    cx.pop(1);
}

fn block_end(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    cx.st.reset_stack();
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        ("root", vec![rule(r"\s*\n", TEXT), call(r"\s*", line_start)]),
        (
            "content",
            vec![
                include("css"),
                rule(format!(r"\/{DOT}*"), COMMENT).push("indented_block"),
                groups(r"(doctype)(\s+)(.*)", &[NAME_NAMESPACE, WHITESPACE, TEXT]).pop(),
                call(r"(\w*):\s*\n", filter_start),
                call(r"[\|'](?=\s)", text_start),
                rule(r"-|==|=", PUNCTUATION).push("ruby_line"),
                call(format!(r"(\*)({RUBY_CHARS}+\(.*?\))"), dynamic_tag),
                call(format!(r"(\*)({RUBY_CHARS}+)"), dynamic_tag),
                call(r#"(</?[\w\s\=\'\"]+?/?>)"#, dirty_html_pop),
                rule(r"\w+", NAME_TAG).push("tag"),
            ],
        ),
        (
            "tag",
            vec![
                include("css"),
                include("indented_block"),
                include("interpolation"),
                rule(r"[<>]", PUNCTUATION),
                rule(r"\s+?", WHITESPACE),
                call(format!(r"(\*)({RUBY_CHARS}+)"), splat),
                call(format!(r"(\*)(\{{{DOT}+?\}})"), splat),
                call(r"([\w\-]+)(\s*)(\=)", attribute),
                call(format!(r"(\=)({DOT}+)"), ruby_value),
                rule(r"&\S*?;", NAME_ENTITY),
                rule(format!(r"{DOT}+?"), TEXT),
                rule(r"\s*\n", WHITESPACE).pop(),
            ],
        ),
        (
            "css",
            vec![
                rule(r"\.[\w-]*", NAME_CLASS).goto("tag"),
                rule(r"#[a-zA-Z][\w:-]*", NAME_FUNCTION).goto("tag"),
            ],
        ),
        (
            "html_attr",
            vec![
                rule(format!(r#"\s*(['"]){DOT}*?\1"#), STR).pop(),
                call(format!(r"({RUBY_CHARS}+\(.*?\))"), attr_ruby),
                call(format!(r"({RUBY_CHARS}+)"), attr_ruby),
                rule(r"\s+", WHITESPACE),
            ],
        ),
        (
            "ruby_line",
            vec![
                include("indented_block"),
                call(r"[,\\]\s*\n", ruby_all),
                rule(r"[ ]\|[ \t]*\n", STR_ESCAPE),
                call(r".*?(?=([,\\]$| \|)?[ \t]*$)", ruby_all),
            ],
        ),
        (
            "filter_block",
            vec![
                call(r"([^#\n]|#[^{\n]|(\\\\)*\\#\{)+", filter_text),
                include("interpolation"),
                include("indented_block"),
            ],
        ),
        (
            "plain_block",
            vec![
                include("interpolation"),
                call(r#"(</?[\w\s\=\'\"]+?/?>)"#, dirty_html),
                rule(r"&\S*?;", NAME_ENTITY),
                rule(format!(r"{DOT}+?"), TEXT),
                include("indented_block"),
            ],
        ),
        (
            "interpolation",
            vec![rule(r"#[{]", STR_INTERPOL).push("ruby_interp")],
        ),
        (
            "ruby_interp",
            vec![
                rule(r"[}]", STR_INTERPOL).pop(),
                include("ruby_interp_inner"),
            ],
        ),
        (
            "ruby_interp_inner",
            vec![
                call(r"[{]", interp_open),
                call(r"[}]", interp_close),
                call(r"[^{}]+", ruby_all),
            ],
        ),
        ("indented_block", vec![call(r"(?<!\\)\n", block_end)]),
    ])
    .with_start(start)
}
