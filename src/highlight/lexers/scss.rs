//! SCSS: selectors vs attributes decided by lookahead, `$variables`, `@` directives,
//! `#{}` interpolation; CSS word lists for values and property names.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"[\w-]+";

static ATTRIBUTES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("css", "attributes"));
static CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("css", "constants"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("css", "builtins"));

fn value_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else if CONSTANTS.contains(w) {
        NAME_CONSTANT
    } else {
        NAME
    };
    cx.token(t, w);
}

fn attr_word(cx: &mut Ctx, m: &Caps) {
    let t = if ATTRIBUTES.contains(m.all()) {
        NAME_LABEL
    } else {
        NAME_ATTRIBUTE
    };
    cx.token(t, m.all());
}

fn end_section(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.st.reset_stack();
}

/// The states SCSS and Sass share (Rouge's SassCommon).
pub fn common_states() -> Vec<(&'static str, Vec<RuleDef>)> {
    vec![
        (
            "content_common",
            vec![
                rule(r"@for\b", KEYWORD).push("for"),
                rule(r"@(debug|warn|if|each|while|else|return|media)", KEYWORD).push("value"),
                groups(
                    format!(r"(@mixin)(\s+)({ID})"),
                    &[KEYWORD, TEXT, NAME_FUNCTION],
                )
                .push("value"),
                groups(
                    format!(r"(@function)(\s+)({ID})"),
                    &[KEYWORD, TEXT, NAME_FUNCTION],
                )
                .push("value"),
                rule(r"@extend\b", KEYWORD).push("selector"),
                groups(
                    format!(r"(@include)(\s+)({ID})"),
                    &[KEYWORD, TEXT, NAME_DECORATOR],
                )
                .push("value"),
                rule(format!("@{ID}"), KEYWORD).push("selector"),
                rule("&", KEYWORD).push("selector"),
                groups(
                    format!(r"([$]{ID})([ \t]*)(:)"),
                    &[NAME_VARIABLE, TEXT, PUNCTUATION],
                )
                .push("value"),
            ],
        ),
        (
            "value",
            vec![
                include("end_section"),
                rule(r"[ \t]+", TEXT),
                rule(format!("[$]{ID}"), NAME_VARIABLE),
                rule("url[(]", STR_OTHER).push("string_url"),
                rule(format!(r"{ID}(?=\s*[(])"), NAME_FUNCTION),
                rule(format!("%{ID}"), NAME_DECORATOR),
                rule(r"(true|false)\b", NAME_BUILTIN_PSEUDO),
                rule(r"(and|or|not)\b", OPERATOR_WORD),
                rule(r"(?i)#[a-z0-9]{1,6}", NUM_HEX),
                rule(r"-?\d+(%|[a-z]+)?", NUM),
                rule(r"-?\d*\.\d+(%|[a-z]+)?", NUM_INTEGER),
                include("has_strings"),
                include("has_interp"),
                rule(r"[~^*!&%<>\|+=@:,./?-]+", OPERATOR),
                rule(r"[\[\]()]+", PUNCTUATION),
                rule(r"/[*]", COMMENT_MULTILINE).push("inline_comment"),
                rule(r"//[^\n]*", COMMENT_SINGLE),
                call(ID, value_word),
            ],
        ),
        (
            "has_interp",
            vec![rule("[#][{]", STR_INTERPOL).push("interpolation")],
        ),
        (
            "has_strings",
            vec![
                rule("\"", STR_DOUBLE).push("dq"),
                rule("'", STR_SINGLE).push("sq"),
            ],
        ),
        (
            "interpolation",
            vec![rule(r"\}", STR_INTERPOL).pop(), include("value")],
        ),
        (
            "selector",
            vec![
                include("end_section"),
                include("has_strings"),
                include("has_interp"),
                rule(r"[ \t]+", TEXT),
                rule(":", NAME_DECORATOR).push("pseudo_class"),
                rule("[.]", NAME_CLASS).push("class"),
                rule("#", NAME_NAMESPACE).push("id"),
                rule("%", NAME_VARIABLE).push("placeholder"),
                rule(ID, NAME_TAG),
                rule("&", KEYWORD),
                rule(r"[~^*!&\[\]()<>\|+=@:;,./?-]", OPERATOR),
            ],
        ),
        (
            "dq",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                include("has_interp"),
                rule(r##"(\\.|#(?![{])|[^\n"#])+"##, STR_DOUBLE),
            ],
        ),
        (
            "sq",
            vec![
                rule("'", STR_SINGLE).pop(),
                include("has_interp"),
                rule(r"(\\.|#(?![{])|[^\n'#])+", STR_SINGLE),
            ],
        ),
        (
            "string_url",
            vec![
                rule("[)]", STR_OTHER).pop(),
                rule(r"(\\.|#(?![{])|[^\n)#])+", STR_OTHER),
                include("has_interp"),
            ],
        ),
        (
            "selector_piece",
            vec![include("has_interp"), jump("").pop()],
        ),
        (
            "pseudo_class",
            vec![rule(ID, NAME_DECORATOR), include("selector_piece")],
        ),
        (
            "class",
            vec![rule(ID, NAME_CLASS), include("selector_piece")],
        ),
        (
            "id",
            vec![rule(ID, NAME_NAMESPACE), include("selector_piece")],
        ),
        (
            "placeholder",
            vec![rule(ID, NAME_VARIABLE), include("selector_piece")],
        ),
        (
            "for",
            vec![rule("(from|to|through)", OPERATOR_WORD), include("value")],
        ),
        (
            "attr_common",
            vec![include("has_interp"), call(ID, attr_word)],
        ),
        (
            "attribute",
            vec![
                include("attr_common"),
                groups(r"([ \t]*)(:)", &[TEXT, PUNCTUATION]).push("value"),
            ],
        ),
        (
            "inline_comment",
            vec![
                rule(
                    r"(\\#|#(?=[^\n{])|\*(?=[^\n/])|[^\n#*])+",
                    COMMENT_MULTILINE,
                ),
                include("has_interp"),
                rule(r"[*]/", COMMENT_MULTILINE).pop(),
            ],
        ),
    ]
}

pub fn def() -> LexerDef {
    let mut states = vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(r"//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
                rule(r"@import\b", KEYWORD).push("value"),
                include("content_common"),
                jump(r"(?=[^;{}][;}])").push("attribute"),
                jump(r"(?=[^;{}:\[]+:[^a-z])").push("attribute"),
                jump("").push("selector"),
            ],
        ),
        (
            "end_section",
            vec![rule(r"\n", TEXT), call("[;{}]", end_section)],
        ),
    ];
    states.extend(common_states());
    LexerDef::new(states)
}

/// Rouge's `Indentation` mixin: a line's indentation either continues an open block
/// (single- or multi-line comment) or starts ordinary content.
pub(super) fn indentation(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    let indent = m.all().to_string();
    cx.st.vars.insert("last_indentation", indent.clone());
    let block = cx.st.vars.get("block_state").cloned();
    let block_indent = cx.st.vars.get("block_indentation").cloned();
    match (block, block_indent) {
        (Some(state), Some(bi)) if indent.starts_with(&bi) && indent != bi => cx.push(&state),
        _ => {
            cx.st.vars.remove("block_state");
            cx.st.vars.remove("block_indentation");
            cx.push("content");
        }
    }
}

pub(super) fn starts_block(cx: &mut Ctx, state: &str) {
    let last = cx
        .st
        .vars
        .get("last_indentation")
        .cloned()
        .unwrap_or_default();
    cx.st.vars.insert("block_state", state.to_string());
    cx.st.vars.insert("block_indentation", last);
}

fn single_comment(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_SINGLE, m.all());
    cx.pop(1);
    starts_block(cx, "single_comment");
}

fn multi_comment(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_MULTILINE, m.all());
    cx.pop(1);
    starts_block(cx, "multi_comment");
}

fn sass_end_section(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    cx.st.reset_stack();
}

/// Sass (indented syntax).
pub fn sass() -> LexerDef {
    let mut states = vec![
        (
            "root",
            vec![rule(r"[ \t]*\n", TEXT), call(r"[ \t]*", indentation)],
        ),
        (
            "content",
            vec![
                call("//.*?$", single_comment),
                call(r"/[*].*?\n", multi_comment),
                rule(r"@import\b", KEYWORD).push("import"),
                include("content_common"),
                rule(format!("={ID}"), NAME_FUNCTION).push("value"),
                rule(format!("[+]{ID}"), NAME_DECORATOR).push("value"),
                rule(":", NAME_ATTRIBUTE).push("old_style_attr"),
                jump(r"(?=[^\[\n]+?:([^a-z]|$))").push("attribute"),
                jump("").push("selector"),
            ],
        ),
        ("single_comment", vec![rule(".*?$", COMMENT_SINGLE).pop()]),
        (
            "multi_comment",
            vec![rule(r".*?\n", COMMENT_MULTILINE).pop()],
        ),
        (
            "import",
            vec![
                rule(r"[ \t]+", TEXT),
                rule(r"\S+", STR),
                rule(r"\n", TEXT).pop(),
            ],
        ),
        (
            "old_style_attr",
            vec![include("attr_common"), jump("").goto("value")],
        ),
        ("end_section", vec![call(r"\n", sass_end_section)]),
    ];
    states.extend(common_states());
    LexerDef::new(states)
}
