//! Puppet manifests, and EPP templates (Puppet inside `<% %>`, plain text by default).

use std::collections::HashMap;

use crate::highlight::engine::*;
use crate::highlight::token::*;

const QUALNAME: &str = r"(::)?([a-z]\w*::)*\w+";

fn property(cx: &mut Ctx, m: &Caps) {
    let t = if matches!(m.all(), "before" | "require" | "notify" | "subscribe") {
        KEYWORD_PSEUDO
    } else {
        NAME_PROPERTY
    };
    cx.token(t, m.all());
}

fn qualname(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if matches!(
        w,
        "and"
            | "case"
            | "class"
            | "default"
            | "define"
            | "else"
            | "elsif"
            | "if"
            | "in"
            | "import"
            | "inherits"
            | "node"
            | "unless"
    ) {
        KEYWORD
    } else if matches!(w, "false" | "true" | "undef") {
        KEYWORD_CONSTANT
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "whitespace",
            vec![rule(r"\s+", TEXT), rule(r"#.*?\n", COMMENT)],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule(format!("[$]{QUALNAME}"), NAME_VARIABLE),
                call(r"(?s)([a-z]\w*)(?=\s*[=+]>)", property),
                rule(format!(r"(?s)({QUALNAME})(?=\s*[(])"), NAME_FUNCTION),
                rule(r"[A-Z]\w*", NAME_CLASS),
                rule("[+=|~-]>|<[|~-]", PUNCTUATION),
                rule(r"[|:}();\[\]]", PUNCTUATION),
                rule(r"\{", PUNCTUATION).push("regex_allowed"),
                rule(",", PUNCTUATION).push("regex_allowed"),
                rule(r"(in|and|or)\b", OPERATOR_WORD),
                rule("[=!<>]=", OPERATOR),
                rule("[=!]~", OPERATOR).push("regex_allowed"),
                rule("[.=<>!+*/-]", OPERATOR),
                groups(
                    format!(r"(class|include)(\s*)({QUALNAME})"),
                    &[KEYWORD, TEXT, NAME_CLASS],
                ),
                rule(r"node\b", KEYWORD).push("regex_allowed"),
                rule(r"(?s)'(\\[\\']|[^'])*'", STR_SINGLE),
                rule("\"", STR_DOUBLE).push("dquotes"),
                rule(r"\d+([.]\d+)?(e[+-]\d+)?", NUM),
                call(QUALNAME, qualname),
            ],
        ),
        (
            "regex_allowed",
            vec![
                include("whitespace"),
                rule("/", STR_REGEX).push("regex"),
                jump("").pop(),
            ],
        ),
        (
            "regex",
            vec![
                rule("/", STR_REGEX).pop(),
                rule(r"\\.", STR_ESCAPE),
                rule("[(){}]", STR_INTERPOL),
                rule(r"\[", STR_INTERPOL).push("regex_class"),
                rule(".", STR_REGEX),
            ],
        ),
        (
            "regex_class",
            vec![
                rule(r"\]", STR_INTERPOL).pop(),
                rule(r"(?<!\[)-(?=\])", STR_REGEX),
                rule("-", STR_INTERPOL),
                rule(r"\\.", STR_ESCAPE),
                rule(r"[^\\\]-]+", STR_REGEX),
            ],
        ),
        (
            "dquotes",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                rule(r#"(?s)[^$\\"]+"#, STR_DOUBLE),
                rule(r"(?s)\\.", STR_ESCAPE),
                rule(format!("[$]{QUALNAME}"), NAME_VARIABLE),
                rule(format!("[$][{{]{QUALNAME}[}}]"), NAME_VARIABLE),
            ],
        ),
    ])
}

fn epp_start(st: &mut LexState) {
    let parent = st
        .opts
        .get("parent")
        .and_then(|p| crate::highlight::registry::meta(p).map(|m| m.0))
        .unwrap_or("plaintext");
    let opts = st.opts.clone();
    st.set_sub("parent", crate::highlight::new_state(parent, opts));
    st.set_sub(
        "puppet",
        crate::highlight::new_state("puppet", HashMap::new()),
    );
}

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

fn puppet(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("puppet", m.all());
}

pub fn epp() -> LexerDef {
    let open = r"<%%|<%=|<%#|(<%-|<%)(\s*\|)?";
    let close = r"%%>|(\|\s*)?(-%>|%>)";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("<%#", COMMENT).push("comment"),
                rule(open, COMMENT_PREPROC).push("puppet"),
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
            "puppet",
            vec![
                rule(close, COMMENT_PREPROC).pop(),
                call(format!("(?s).+?(?={close})|.+"), puppet),
            ],
        ),
    ])
    .with_start(epp_start)
}
