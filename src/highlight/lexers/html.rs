//! HTML: tags and attributes; `<script>` bodies are JavaScript and `<style>` bodies CSS,
//! each lexed by one long-lived sub-lexer reset at every opening tag.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const TAG: &str = r"[\p{L}:_-][\p{Word}\p{Cf}:.·-]*";

fn script_open(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_TAG, m.all());
    cx.reset_sub("javascript");
    cx.push("script_content");
    cx.push("tag");
}

fn style_open(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_TAG, m.all());
    cx.reset_sub("css");
    cx.push("style_content");
    cx.push("tag");
}

fn js(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("javascript", m.all());
}

fn css(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("css", m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("[^<&]+", TEXT),
                rule(r"&\S*?;", NAME_ENTITY),
                rule(r"(?is)<!DOCTYPE .*?>", COMMENT_PREPROC),
                rule(r"(?s)<!\[CDATA\[.*?\]\]>", COMMENT_PREPROC),
                rule("<!--", COMMENT).push("comment"),
                rule(r"(?s)<\?.*?\?>", COMMENT_PREPROC),
                call(r"<\s*script\s*", script_open),
                call(r"<\s*style\s*", style_open),
                rule("</", NAME_TAG).push("tag_end"),
                rule("<", NAME_TAG).push("tag_start"),
                rule(format!(r"<\s*{TAG}"), NAME_TAG).push("tag"),
                rule(format!(r"<\s*/\s*{TAG}\s*>"), NAME_TAG),
            ],
        ),
        (
            "tag_end",
            vec![
                include("tag_end_end"),
                rule(TAG, NAME_TAG).goto("tag_end_end"),
            ],
        ),
        (
            "tag_end_end",
            vec![rule(r"\s+", TEXT), rule(">", NAME_TAG).pop()],
        ),
        (
            "tag_start",
            vec![
                rule(r"\s+", TEXT),
                rule(TAG, NAME_TAG).goto("tag"),
                jump("").goto("tag"),
            ],
        ),
        (
            "comment",
            vec![
                rule("[^-]+", COMMENT),
                rule("-->", COMMENT).pop(),
                rule("-", COMMENT),
            ],
        ),
        (
            "tag",
            vec![
                rule(r"\s+", TEXT),
                rule(
                    r"[\p{L}:_\[\]()*.-][\p{Word}\p{Cf}:.·\[\]()*-]*\s*=\s*",
                    NAME_ATTRIBUTE,
                )
                .push("attr"),
                rule(r"[\p{L}:_*#-][\p{Word}\p{Cf}:.·*#-]*", NAME_ATTRIBUTE),
                rule(r"/?\s*>", NAME_TAG).pop(),
            ],
        ),
        (
            "attr",
            vec![
                rule("\"", STR).goto("dq"),
                rule("'", STR).goto("sq"),
                rule(r"[^\s>]+", STR).pop(),
            ],
        ),
        ("dq", vec![rule("\"", STR).pop(), rule("[^\"]+", STR)]),
        ("sq", vec![rule("'", STR).pop(), rule("[^']+", STR)]),
        (
            "script_content",
            vec![
                call("[^<]+", js),
                rule(r"<\s*/\s*script\s*>", NAME_TAG).pop(),
                call("<", js),
            ],
        ),
        (
            "style_content",
            vec![
                call("[^<]+", css),
                rule(r"<\s*/\s*style\s*>", NAME_TAG).pop(),
                call("<", css),
            ],
        ),
    ])
}
