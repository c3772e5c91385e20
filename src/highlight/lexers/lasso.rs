//! Lasso: a template language (HTML around `[...]` / `<?lasso ... ?>` blocks, or a whole
//! Lasso file), with typed definitions and member access chains.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"(?i:[a-z_][\w.]*)";

static WORDS: Lazy<Vec<(HashSet<&'static str>, Tok)>> = Lazy::new(|| {
    [
        ("keywords.exceptions", NAME_EXCEPTION),
        ("keywords.types", KEYWORD_TYPE),
        ("keywords.traits", NAME_DECORATOR),
        ("keywords.keywords", KEYWORD),
        ("keywords.builtins", NAME_BUILTIN),
    ]
    .iter()
    .map(|&(k, t)| (word_set("lasso", k), t))
    .collect()
});

fn start(st: &mut LexState) {
    let parent = st
        .opts
        .get("parent")
        .and_then(|p| crate::highlight::registry::meta(p).map(|m| m.0))
        .unwrap_or("html");
    let opts = st.opts.clone();
    st.set_sub("parent", crate::highlight::new_state(parent, opts));
    if let Some(v) = st.opts.get("start_inline") {
        if !matches!(v.as_str(), "0" | "false" | "off") {
            st.push("lasso");
        }
    }
}

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

fn start_file(cx: &mut Ctx, _m: &Caps) {
    cx.push("delimiters");
    cx.push("lassofile");
}

fn word(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.get(1));
    let name = m.get(2).to_lowercase();
    let tok = if name == "namespace_using" {
        KEYWORD_NAMESPACE
    } else {
        WORDS
            .iter()
            .find(|(set, _)| set.contains(name.as_str()))
            .map_or(NAME_OTHER, |&(_, t)| t)
    };
    cx.token(tok, m.get(2));
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"^#![ \S]+lasso9\b", COMMENT_PREPROC).push("lasso"),
                jump(r"(?=\[|<)").push("delimiters"),
                rule(r"\s+", WHITESPACE),
                call("", start_file),
            ],
        ),
        (
            "delimiters",
            vec![
                rule(r"\[no_square_brackets\]", COMMENT_PREPROC).push("nosquarebrackets"),
                rule(r"\[noprocess\]", COMMENT_PREPROC).push("noprocess"),
                rule(r"\[", COMMENT_PREPROC).push("squarebrackets"),
                rule(r"(?i)<\?(lasso(script)?|=)", COMMENT_PREPROC).push("anglebrackets"),
                call(
                    r"(?is)([^\[<]|<!--.*?-->|<(script|style).*?\2>|<(?!\?(lasso(script)?|=)))+",
                    parent,
                ),
            ],
        ),
        (
            "nosquarebrackets",
            vec![
                rule(r"\[noprocess\]", COMMENT_PREPROC).push("noprocess"),
                rule(r"(?i)<\?(lasso(script)?|=)", COMMENT_PREPROC).push("anglebrackets"),
                call(
                    r"(?is)([^\[<]|<!--.*?-->|<(script|style).*?\2>|<(?!\?(lasso(script)?|=))|\[(?!noprocess))+",
                    parent,
                ),
            ],
        ),
        (
            "noprocess",
            vec![
                rule(r"\[/noprocess\]", COMMENT_PREPROC).pop(),
                call(r"(?i)([^\[]|\[(?!/noprocess))+", parent),
            ],
        ),
        (
            "squarebrackets",
            vec![rule(r"\]", COMMENT_PREPROC).pop(), include("lasso")],
        ),
        (
            "anglebrackets",
            vec![rule(r"\?>", COMMENT_PREPROC).pop(), include("lasso")],
        ),
        (
            "lassofile",
            vec![rule(r"\]|\?>", COMMENT_PREPROC).pop(), include("lasso")],
        ),
        (
            "whitespacecomments",
            vec![
                rule(r"\s+", TEXT),
                rule(r"//.*?\n", COMMENT_SINGLE),
                rule(r"(?s)/\*\*!.*?\*/", COMMENT_DOC),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
            ],
        ),
        (
            "lasso",
            vec![
                include("whitespacecomments"),
                rule(r"(?i)\d*\.\d+(e[+-]?\d+)?", NUM_FLOAT),
                rule(r"(?i)0x[\da-f]+", NUM_HEX),
                rule(r"\d+", NUM_INTEGER),
                rule(r"(?i)(infinity|NaN)\b", NUM),
                rule(r"(?s)'[^'\\]*(\\.[^'\\]*)*'", STR_SINGLE),
                rule(r#"(?s)"[^"\\]*(\\.[^"\\]*)*""#, STR_DOUBLE),
                rule(r"(?s)`[^`]*`", STR_BACKTICK),
                rule(format!(r"\${ID}"), NAME_VARIABLE),
                rule(format!(r"#({ID}|\d+\b)"), NAME_VARIABLE_INSTANCE),
                groups(format!(r"(\.\s*)('{ID}')"), &[NAME_BUILTIN_PSEUDO, NAME_VARIABLE_CLASS]),
                groups(
                    format!(r"(?i)(self)(\s*->\s*)('{ID}')"),
                    &[NAME_BUILTIN_PSEUDO, OPERATOR, NAME_VARIABLE_CLASS],
                ),
                groups(format!(r"(\.\.?\s*)({ID}(=(?!=))?)"), &[NAME_BUILTIN_PSEUDO, NAME_OTHER]),
                groups(format!(r"(->\\?\s*|&\s*)({ID}(=(?!=))?)"), &[OPERATOR, NAME_OTHER]),
                rule(
                    r"(?i)(?<!->)(self|inherited|currentcapture|givenblock)\b",
                    NAME_BUILTIN_PSEUDO,
                ),
                rule(format!(r"(?i)-(?!infinity){ID}"), NAME_ATTRIBUTE),
                rule(format!(r"::\s*{ID}"), NAME_LABEL),
                groups(
                    format!(r"(?i)(define)(\s+)({ID})(\s*=>\s*)(type|trait|thread)\b"),
                    &[KEYWORD_DECLARATION, TEXT, NAME_CLASS, OPERATOR, KEYWORD],
                ),
                groups(
                    format!(r"(?i)(define)(\s+)({ID})(\s*->\s*)({ID}=?|[-+*/%])"),
                    &[KEYWORD_DECLARATION, TEXT, NAME_CLASS, OPERATOR, NAME_FUNCTION],
                )
                .push("signature"),
                groups(
                    format!(r"(?i)(define)(\s+)({ID})"),
                    &[KEYWORD_DECLARATION, TEXT, NAME_FUNCTION],
                )
                .push("signature"),
                groups(
                    format!(
                        r"(?i)(public|protected|private|provide)(\s+)(({ID}=?|[-+*/%])(?=\s*\())"
                    ),
                    &[KEYWORD, TEXT, NAME_FUNCTION],
                )
                .push("signature"),
                groups(
                    format!(r"(?i)(public|protected|private|provide)(\s+)({ID})"),
                    &[KEYWORD, TEXT, NAME_FUNCTION],
                ),
                rule(r"(?i)(true|false|none|minimal|full|all|void)\b", KEYWORD_CONSTANT),
                rule(r"(?i)(local|var|variable|global|data(?=\s))\b", KEYWORD_DECLARATION),
                groups(format!(r"(?i)({ID})(\s+)(in)\b"), &[NAME, TEXT, KEYWORD]),
                groups(format!(r"(?i)(let|into)(\s+)({ID})"), &[KEYWORD, TEXT, NAME]),
                rule(r",", PUNCTUATION).push("commamember"),
                rule(r"(?i)(and|or|not)\b", OPERATOR_WORD),
                groups(
                    format!(r"({ID})(\s*::\s*{ID})?(\s*=(?!=|>))"),
                    &[NAME, NAME_LABEL, OPERATOR],
                ),
                call(r"(/?)([\w.]+)", word),
                groups(
                    r"(?i)(=)(n?bw|n?ew|n?cn|lte?|gte?|n?eq|n?rx|ft)\b",
                    &[OPERATOR, OPERATOR_WORD],
                ),
                rule(r":=|[-+*/%=<>&|!?\\]+", OPERATOR),
                rule(r"[{}():;,@^]", PUNCTUATION),
            ],
        ),
        (
            "signature",
            vec![
                rule(r"\=>", OPERATOR).pop(),
                rule(r"\)", PUNCTUATION).pop(),
                rule(r"[(,]", PUNCTUATION).push("parameter"),
                include("lasso"),
            ],
        ),
        (
            "parameter",
            vec![
                rule(r"\)", PUNCTUATION).pop(),
                rule(format!(r"-?{ID}"), NAME_ATTRIBUTE).pop(),
                rule(r"\.\.\.", NAME_BUILTIN_PSEUDO),
                include("lasso"),
            ],
        ),
        (
            "commamember",
            vec![
                rule(
                    format!(
                        r"({ID}=?|[-+*/%])(?=\s*(\(([^()]*\([^()]*\))*[^\)]*\)\s*)?(::[\w.\s]+)?=>)"
                    ),
                    NAME_FUNCTION,
                )
                .push("signature"),
                include("whitespacecomments"),
                jump("").pop(),
            ],
        ),
    ])
    .with_start(start)
}
