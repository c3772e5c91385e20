//! Template languages over a parent language (`?parent=`, HTML by default): velocity,
//! handlebars; and qml (JavaScript with object blocks).

use super::javascript;
use crate::highlight::engine::*;
use crate::highlight::token::*;

/// Rouge's TemplateLexer start: a fresh parent lexer.
pub fn start_parent(st: &mut LexState) {
    let parent = st
        .opts
        .get("parent")
        .and_then(|p| crate::highlight::registry::meta(p).map(|m| m.0))
        .unwrap_or("html");
    let opts = st.opts.clone();
    st.set_sub("parent", crate::highlight::new_state(parent, opts));
}

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

const ID: &str = "(?i:[a-z_][a-zA-Z0-9_]*)";

pub fn velocity() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                call("[^{#$]+", parent),
                groups(
                    r"(?s)(#)(\*.*?\*)(#)",
                    &[COMMENT_MULTILINE, COMMENT_MULTILINE, COMMENT_MULTILINE],
                ),
                groups("(##)(.*?$)", &[COMMENT_SINGLE, COMMENT_SINGLE]),
                groups(
                    format!(r"(?s)(#\{{?)({ID})(\}}?)(\s?\()"),
                    &[PUNCTUATION, NAME_FUNCTION, PUNCTUATION, PUNCTUATION],
                )
                .push("directive_params"),
                groups(
                    format!(r"(?s)(#\{{?)({ID})(\}}|\b)"),
                    &[PUNCTUATION, NAME_FUNCTION, PUNCTUATION],
                ),
                rule(r"\$\{?", PUNCTUATION).push("variable"),
            ],
        ),
        (
            "variable",
            vec![
                rule(ID, NAME_VARIABLE),
                rule(r"\(", PUNCTUATION).push("func_params"),
                groups(format!(r"(\.)({ID})"), &[PUNCTUATION, NAME_VARIABLE]),
                rule(r"\}", PUNCTUATION).pop(),
                jump("").pop(),
            ],
        ),
        (
            "directive_params",
            vec![
                rule(
                    r"(&&|\|\||==?|!=?|[-<>+*%&|^/])|\b(eq|ne|gt|lt|ge|le|not|in)\b",
                    OPERATOR,
                ),
                rule(r"\[", OPERATOR).push("range_operator"),
                rule(format!(r"\b{ID}\b"), NAME_FUNCTION),
                include("func_params"),
            ],
        ),
        (
            "range_operator",
            vec![
                rule("[.]{2}", OPERATOR),
                include("func_params"),
                rule(r"\]", OPERATOR).pop(),
            ],
        ),
        (
            "func_params",
            vec![
                rule(r"\$\{?", PUNCTUATION).push("variable"),
                rule(r"\s+", TEXT),
                rule(",", PUNCTUATION),
                rule(r#""(\\\\|\\"|[^"])*""#, STR_DOUBLE),
                rule(r"'(\\\\|\\'|[^'])*'", STR_SINGLE),
                rule("0[xX][0-9a-fA-F]+[Ll]?", NUM_HEX),
                rule(r"\b[0-9]+\b", NUM_INTEGER),
                rule(r"(true|false|null)\b", KEYWORD_CONSTANT),
                rule(r"[(\[]", PUNCTUATION).push_self(),
                rule(r"[)\]}]", PUNCTUATION).pop(),
            ],
        ),
    ])
    .with_start(start_parent)
}

fn hbs_open(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.all());
    cx.push("stache");
    cx.push("open_sym");
}

fn hbs_text(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
    if let Some(p) = cx.sub("parent") {
        if p.state_is("attr") {
            p.pop(1);
        }
    }
}

pub fn handlebars() -> LexerDef {
    let id = r"[\w$-]+";
    LexerDef::new(vec![
        (
            "root",
            vec![
                call(r"\\\{+", parent),
                rule(r"\{\{!--", COMMENT).push("comment"),
                rule(r"\{\{!.*?\}\}", COMMENT),
                call(r"\{\{\{?", hbs_open),
                call(r"(?s)(.+?)(?=\\|\{\{)", hbs_text),
                call("(?s).+", parent),
            ],
        ),
        (
            "comment",
            vec![
                rule(r"\{\{", COMMENT).push_self(),
                rule(r"\}\}", COMMENT).pop(),
                rule(r"(?s)[^{}]+", COMMENT),
                rule("[{}]", COMMENT),
            ],
        ),
        (
            "stache",
            vec![
                rule(r"\}\}\}?", KEYWORD).pop(),
                rule(r"\|", PUNCTUATION),
                rule("~", KEYWORD),
                rule(r"\s+", TEXT),
                rule("[=]", OPERATOR),
                rule(r"[\[\]]", PUNCTUATION),
                rule(r"[\(\)]", PUNCTUATION),
                rule(r"[.](?=[}\s])", NAME_VARIABLE),
                rule("[.][.]", NAME_VARIABLE),
                rule("[/.]", PUNCTUATION),
                rule(r#""(\\.|.)*?""#, STR_DOUBLE),
                rule(r"'(\\.|.)*?'", STR_SINGLE),
                rule(r"\d+(?=}\s)", NUM),
                rule(r"(true|false)(?=[}\s])", KEYWORD_CONSTANT),
                rule(r"else(?=[}\s])", KEYWORD),
                rule(r"this(?=[}\s])", NAME_BUILTIN_PSEUDO),
                rule(format!("@{id}"), NAME_ATTRIBUTE),
                rule(id, NAME_VARIABLE),
            ],
        ),
        (
            "open_sym",
            vec![
                rule("[#/]", KEYWORD).goto("block_name"),
                rule("[>^&~]", KEYWORD),
                jump("").pop(),
            ],
        ),
        (
            "block_name",
            vec![
                rule(r"if(?=[}\s])", KEYWORD),
                rule(id, NAME_NAMESPACE).pop(),
                jump("").pop(),
            ],
        ),
    ])
    .with_start(start_parent)
}

pub fn qml() -> LexerDef {
    let idd = "[$a-zA-Z_][a-zA-Z0-9_.]*";
    javascript::def()
        .prepend(
            "root",
            vec![
                groups(
                    format!(r"({idd})(\s*)(\{{)"),
                    &[KEYWORD_TYPE, TEXT, PUNCTUATION],
                )
                .push("type_block"),
                groups(
                    format!(r"({idd})(\s+)(on)(\s+)({idd})(\s*)(\{{)"),
                    &[
                        KEYWORD_TYPE,
                        TEXT,
                        KEYWORD,
                        TEXT,
                        NAME_LABEL,
                        TEXT,
                        PUNCTUATION,
                    ],
                )
                .push("type_block"),
                rule("[{]", PUNCTUATION).push_self(),
            ],
        )
        .with_state(
            "type_block",
            vec![
                groups(
                    format!(r"(id)(\s*)(:)(\s*)({idd})"),
                    &[NAME_LABEL, TEXT, PUNCTUATION, TEXT, KEYWORD_DECLARATION],
                ),
                groups(
                    format!(r"({idd})(\s*)(:)"),
                    &[NAME_LABEL, TEXT, PUNCTUATION],
                )
                .push("expr_start"),
                groups(
                    format!(r"(signal)(\s+)({idd})"),
                    &[KEYWORD_DECLARATION, TEXT, NAME_LABEL],
                )
                .push("signal"),
                groups(
                    format!(r"(property)(\s+)({idd})(\s+)({idd})(\s*)(:?)"),
                    &[
                        KEYWORD_DECLARATION,
                        TEXT,
                        KEYWORD_TYPE,
                        TEXT,
                        NAME_LABEL,
                        TEXT,
                        PUNCTUATION,
                    ],
                )
                .push("expr_start"),
                rule("[}]", PUNCTUATION).pop(),
                include("root"),
            ],
        )
        .with_state(
            "signal",
            vec![
                include("comments_and_whitespace"),
                rule(r"\(", PUNCTUATION).goto("signal_args"),
                rule("", TEXT).pop(),
            ],
        )
        .with_state(
            "signal_args",
            vec![
                include("comments_and_whitespace"),
                groups(
                    format!(r"({idd})(\s+)({idd})(\s*)(,?)"),
                    &[KEYWORD_TYPE, TEXT, NAME, TEXT, PUNCTUATION],
                ),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        )
}
