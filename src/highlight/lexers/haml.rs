//! Haml templates: indentation-structured `%tag.class#id{ruby}(html attrs)` lines, Ruby lines
//! (`-`, `=`), comments, `:filters`, plain text with `#{}` interpolation. Ruby and HTML go to
//! long-lived sub-lexers (Ruby's is reset where Rouge resets it).

use crate::highlight::engine::*;
use crate::highlight::token::*;

use super::scss::{indentation, starts_block};

const IDENTIFIER: &str = r"[\w:-]+";
const RUBY_VAR: &str = r"[a-z]\w*";
const DOT: &str = r"(?:[ ]\|\n(?=.*[ ]\|)|.)";

fn fresh_ruby(st: &mut LexState) {
    let opts = st.opts.clone();
    st.set_sub("ruby", crate::highlight::new_state("ruby", opts));
}

fn start(st: &mut LexState) {
    fresh_ruby(st);
    let opts = st.opts.clone();
    st.set_sub("html", crate::highlight::new_state("html", opts));
}

/// Rouge's `ruby!`: a fresh Ruby sub-lexer, then `state`.
fn ruby_bang(cx: &mut Ctx, state: &str) {
    fresh_ruby(cx.st);
    cx.push(state);
}

fn ruby_all(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("ruby", m.all());
}

fn html_all(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("html", m.all());
}

fn line_start(cx: &mut Ctx, m: &Caps) {
    indentation(cx, m);
}

fn html_comment(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT, m.all());
    cx.pop(1);
    starts_block(cx, "html_comment_block");
}

fn haml_comment(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT, m.all());
    cx.pop(1);
    starts_block(cx, "haml_comment_block");
}

fn ruby_line(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.st.reset_stack();
    ruby_bang(cx, "ruby_line");
}

fn filter_start(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_DECORATOR, m.all());
    cx.pop(1);
    starts_block(cx, "filter_block");
    let name = m.get(1).trim();
    let custom = cx.st.opts.get(&format!("filters[{name}]")).cloned();
    let lang = match custom {
        Some(l) => Some(
            crate::highlight::registry::meta(&l)
                .map(|m| m.0)
                .unwrap_or("plaintext"),
        ),
        None => match name {
            "javascript" => Some("javascript"),
            "css" => Some("css"),
            "ruby" => Some("ruby"),
            "erb" => Some("erb"),
            "markdown" => Some("markdown"),
            "sass" => Some("sass"),
            _ => None,
        },
    };
    match lang {
        Some(lang) => {
            let key = if lang == "ruby" && name == "ruby" {
                "ruby".to_string()
            } else {
                format!("filter:{name}")
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

fn filter_text(cx: &mut Ctx, m: &Caps) {
    match cx.st.vars.get("filter").cloned() {
        Some(key) => cx.delegate_sub(&key, m.all()),
        None => cx.token(NAME_DECORATOR, m.all()),
    }
}

fn ruby_tag(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    ruby_bang(cx, "ruby_tag");
}

fn plain_newline(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    cx.st.reset_stack();
}

fn inner_open(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("ruby", m.all());
    cx.push("ruby_inner");
}

fn inner_close(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("ruby", m.all());
    cx.pop(1);
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        ("root", vec![rule(r"\s*\n", TEXT), call(r"\s*", line_start)]),
        (
            "content",
            vec![
                include("css"),
                rule(format!("%{IDENTIFIER}"), NAME_TAG).goto("tag"),
                rule(format!(r"!!!{DOT}*\n"), NAME_NAMESPACE).pop(),
                groups(
                    format!(r"(/)(\[{DOT}*?\])({DOT}*\n)"),
                    &[COMMENT, COMMENT_SPECIAL, COMMENT],
                )
                .pop(),
                call(format!(r"/{DOT}*\n"), html_comment),
                call(format!(r"-#{DOT}*\n"), haml_comment),
                call(r"-", ruby_line),
                call(format!(r":({DOT}*)\n"), filter_start),
                include("eval_or_plain"),
            ],
        ),
        (
            "css",
            vec![
                rule(format!(r"\.{IDENTIFIER}"), NAME_CLASS).goto("tag"),
                rule(format!(r"#{IDENTIFIER}"), NAME_FUNCTION).goto("tag"),
            ],
        ),
        (
            "tag",
            vec![
                include("css"),
                call(r"[{]", ruby_tag),
                call(format!(r"\[{DOT}*?\]"), ruby_all),
                rule(r"\(", PUNCTUATION).push("html_attributes"),
                rule(r"\s*\n", TEXT).pop(),
                rule(r"[<>]{1,2}(?=[ \t=])", PUNCTUATION),
                include("eval_or_plain"),
            ],
        ),
        (
            "plain",
            vec![
                call(r"([^#\n]|#[^{\n]|(\\\\)*\\#\{)+", html_all),
                include("interpolation"),
                call(r"\n", plain_newline),
            ],
        ),
        (
            "eval_or_plain",
            vec![
                rule(r"[&!]?==", PUNCTUATION).push("plain"),
                call(r"[&!]?[=!]", ruby_line),
                jump("").push("plain"),
            ],
        ),
        (
            "ruby_line",
            vec![
                rule(r"\n", TEXT).pop(),
                call(r",[ \t]*\n", ruby_all),
                rule(r"[ ]\|[ \t]*\n", STR_ESCAPE),
                call(r".*?(?=(,$| \|)?[ \t]*$)", ruby_all),
            ],
        ),
        ("ruby_tag", vec![include("ruby_inner")]),
        (
            "html_attributes",
            vec![
                rule(r"\s+", TEXT),
                rule(format!(r"{IDENTIFIER}\s*="), NAME_ATTRIBUTE).push("html_attribute_value"),
                rule(IDENTIFIER, NAME_ATTRIBUTE),
                rule(r"\)", TEXT).pop(),
            ],
        ),
        (
            "html_attribute_value",
            vec![
                rule(r"\s+", TEXT),
                rule(RUBY_VAR, NAME_VARIABLE).pop(),
                rule(format!("@{RUBY_VAR}"), NAME_VARIABLE_INSTANCE).pop(),
                rule(format!(r"\${RUBY_VAR}"), NAME_VARIABLE_GLOBAL).pop(),
                rule(r"'(\\\\|\\'|[^'\n])*'", STR).pop(),
                rule(r#""(\\\\|\\"|[^"\n])*""#, STR).pop(),
            ],
        ),
        (
            "html_comment_block",
            vec![rule(format!("{DOT}+"), COMMENT), include("indented_block")],
        ),
        (
            "haml_comment_block",
            vec![
                rule(format!("{DOT}+"), COMMENT_PREPROC),
                include("indented_block"),
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
            "interpolation",
            vec![rule(r"#[{]", STR_INTERPOL).push("ruby")],
        ),
        (
            "ruby",
            vec![rule(r"[}]", STR_INTERPOL).pop(), include("ruby_inner")],
        ),
        (
            "ruby_inner",
            vec![
                call(r"[{]", inner_open),
                call(r"[}]", inner_close),
                call(r"[^{}]+", ruby_all),
            ],
        ),
        ("indented_block", vec![call(r"\n", plain_newline)]),
    ])
    .with_start(start)
}
