//! Gherkin (Cucumber): localized keywords from Rouge's lists, steps, tables, tags.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::{word_set, word_vec};
use crate::highlight::engine::*;
use crate::highlight::token::*;

static ELEMENT: Lazy<HashSet<&str>> = Lazy::new(|| word_set("gherkin", "keywords.element"));
static FEATURE: Lazy<HashSet<&str>> = Lazy::new(|| word_set("gherkin", "keywords.feature"));
static EXAMPLES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("gherkin", "keywords.examples"));

fn step_regex() -> String {
    word_vec("gherkin", "keywords.step")
        .iter()
        .map(|w| {
            if let Some(stem) = w.strip_suffix('<') {
                fancy_regex::escape(stem).into_owned()
            } else if w.ends_with(' ') {
                fancy_regex::escape(w).into_owned()
            } else {
                format!(r"{}\b", fancy_regex::escape(w))
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn scenario(cx: &mut Ctx, m: &Caps) {
    cx.st.reset_stack();
    let k = m.get(1);
    let t = if ELEMENT.contains(k) {
        cx.push("description");
        KEYWORD_NAMESPACE
    } else if FEATURE.contains(k) {
        cx.push("feature_description");
        KEYWORD_DECLARATION
    } else if EXAMPLES.contains(k) {
        cx.push("example_description");
        NAME_NAMESPACE
    } else {
        ERROR
    };
    cx.token(t, k);
    cx.token(PUNCTUATION, m.get(2));
}

fn step(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_FUNCTION, m.all());
    cx.st.reset_stack();
    cx.push("step");
}

fn table_bol(cx: &mut Ctx, _m: &Caps) {
    cx.st.reset_stack();
}

pub fn def() -> LexerDef {
    let rest = r".*?(?=[#\n])";
    LexerDef::new(vec![
        (
            "basic",
            vec![rule("#.*$", COMMENT), rule(r"[ \r\t]+", TEXT)],
        ),
        (
            "root",
            vec![
                include("basic"),
                rule(r"\n", TEXT),
                rule(r#"(?s)""".*?""""#, STR),
                rule(r"@[^\s@]+", NAME_TAG),
                include("has_table"),
                include("has_examples"),
            ],
        ),
        ("has_scenarios", vec![call("(.*?)(:)", scenario)]),
        (
            "has_examples",
            vec![include("has_scenarios"), call(step_regex(), step)],
        ),
        ("has_table", vec![jump("(?=[|])").push("table_header")]),
        (
            "table_header",
            vec![
                rule(r"[^|\s]+", NAME_VARIABLE),
                rule(r"\n", TEXT).goto("table"),
                include("table"),
            ],
        ),
        (
            "table",
            vec![
                include("basic"),
                rule(r"\n", TEXT).push("table_bol"),
                rule("[|]", PUNCTUATION),
                rule(r"[^|\s]+", NAME),
            ],
        ),
        (
            "table_bol",
            vec![call(r"(?=\s*[^\s|])", table_bol), jump("").pop()],
        ),
        (
            "description",
            vec![
                include("basic"),
                include("has_examples"),
                rule(r"\n", TEXT),
                rule(rest, TEXT),
            ],
        ),
        (
            "feature_description",
            vec![
                include("basic"),
                include("has_scenarios"),
                rule(r"\n", TEXT),
                rule(rest, TEXT),
            ],
        ),
        (
            "example_description",
            vec![
                include("basic"),
                include("has_table"),
                rule(r"\n", TEXT),
                rule(rest, TEXT),
            ],
        ),
        (
            "step",
            vec![
                include("basic"),
                rule("<.*?>", NAME_VARIABLE),
                rule("\".*?\"", STR),
                rule(r"\S[^\s<]*", TEXT),
                rule(rest, TEXT).pop(),
            ],
        ),
    ])
}
