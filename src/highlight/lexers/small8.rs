//! prometheus (PromQL) and sieve.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static PROM_FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("prometheus", "functions"));

fn prom_word(cx: &mut Ctx, m: &Caps) {
    let t = if PROM_FUNCTIONS.contains(m.all()) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, m.all());
}

fn escaped_string(tok: Tok, fin: &str) -> Vec<RuleDef> {
    vec![
        rule(format!(r"\\[\\abfnrtv{fin}]"), STR_ESCAPE),
        rule(format!(r"(?s)[^\\{fin}]+"), tok),
        rule(fin.to_string(), tok).pop(),
    ]
}

pub fn prometheus() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                include("strings"),
                include("whitespace"),
                rule(r"-?\d+\.\d+", NUM_FLOAT),
                rule(r"-?\d+[smhdwy]?", NUM_INTEGER),
                include("operators"),
                groups(r"(ignoring|on)(\()", &[KEYWORD_PSEUDO, PUNCTUATION]).push("label_list"),
                groups(
                    r"(group_left|group_right)(\()",
                    &[KEYWORD_TYPE, PUNCTUATION],
                ),
                rule(r"(bool|offset)\b", KEYWORD),
                rule(r"(without|by)\b", KEYWORD).push("label_list"),
                call(r"[\w:]+", prom_word),
                include("metrics"),
            ],
        ),
        (
            "metrics",
            vec![
                rule("[a-zA-Z0-9_-]+", NAME),
                rule(r"[\(\)\]:.,]", PUNCTUATION),
                rule(r"\{", PUNCTUATION).push("filters"),
                rule(r"\[", PUNCTUATION),
            ],
        ),
        (
            "strings",
            vec![
                rule("\"", STR_DOUBLE).push("double_string_escaped"),
                rule("'", STR_SINGLE).push("single_string_escaped"),
                rule("`.*`", STR_BACKTICK),
            ],
        ),
        ("double_string_escaped", escaped_string(STR_DOUBLE, "\"")),
        ("single_string_escaped", escaped_string(STR_SINGLE, "'")),
        (
            "filters",
            vec![
                include("inline_whitespace"),
                rule(",", PUNCTUATION),
                include("labels"),
                include("filter_matching_operators"),
                include("strings"),
                rule(r"\}", PUNCTUATION).pop(),
            ],
        ),
        (
            "label_list",
            vec![
                rule(r"\(", PUNCTUATION),
                rule("[a-zA-Z0-9_:-]+", NAME_ATTRIBUTE),
                rule(",", PUNCTUATION),
                include("whitespace"),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        ("labels", vec![rule("[a-zA-Z0-9_:-]+", NAME_ATTRIBUTE)]),
        (
            "operators",
            vec![
                rule(r"[+\-\*/%\^]", OPERATOR),
                rule("=|==|!=|<|>|<=|>=", OPERATOR),
                rule("and|or|unless", OPERATOR),
                rule(
                    r"(sum|min|max|avg|stddev|stdvar|count|count_values|bottomk|topk)\b",
                    NAME_FUNCTION,
                ),
            ],
        ),
        (
            "filter_matching_operators",
            vec![rule("!(=|~)|=~?", OPERATOR)],
        ),
        ("inline_whitespace", vec![rule(r"[ \t\r]+", TEXT)]),
        (
            "whitespace",
            vec![
                include("inline_whitespace"),
                rule(r"\n\s*", TEXT),
                rule("#.*?$", COMMENT),
            ],
        ),
    ])
}

static SIEVE_ACTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sieve", "actions"));
static SIEVE_TESTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sieve", "tests"));

fn sieve_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if matches!(w, "if" | "elsif" | "else" | "require" | "stop") {
        KEYWORD
    } else if SIEVE_TESTS.contains(w) {
        NAME_VARIABLE
    } else if SIEVE_ACTIONS.contains(w) {
        NAME_FUNCTION
    } else if w.starts_with(':') {
        OPERATOR
    } else {
        NAME_OTHER
    };
    cx.token(t, w);
}

pub fn sieve() -> LexerDef {
    LexerDef::new(vec![
        (
            "comments_and_whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*", COMMENT_SINGLE),
                rule(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", COMMENT_MULTILINE),
            ],
        ),
        (
            "string",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule("\"", STR_DOUBLE).pop(),
                rule(
                    r"\$\{(?:[0-9][.0-9]*|[a-zA-Z_][.a-zA-Z0-9_]*)\}",
                    STR_INTERPOL,
                ),
                rule(".", STR_DOUBLE),
            ],
        ),
        (
            "root",
            vec![
                include("comments_and_whitespace"),
                rule(r"[\[\](),;{}]", PUNCTUATION),
                call(":?[a-zA-Z_][a-zA-Z0-9_]*", sieve_word),
                rule("\"", STR_DOUBLE).push("string"),
                rule("[0-9]+[KMG]", NUM_INTEGER),
            ],
        ),
    ])
}
