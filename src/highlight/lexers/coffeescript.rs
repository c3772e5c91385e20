//! CoffeeScript: regex vs division by state, block regexes, interpolated strings.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = "[$a-zA-Z_][a-zA-Z0-9_]*";

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("coffeescript", "keywords"));
static CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("coffeescript", "constants"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("coffeescript", "builtins"));

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if CONSTANTS.contains(w) {
        NAME_CONSTANT
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME_OTHER
    };
    cx.token(t, w);
    cx.push("slash_starts_regex");
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "comments",
            vec![
                rule("(?s)###[^#].*?###", COMMENT_MULTILINE),
                rule("#.*$", COMMENT_SINGLE),
            ],
        ),
        ("whitespace", vec![rule(r"\s+", TEXT)]),
        (
            "regex_comment",
            vec![
                rule(r"^#(?!\{).*$", COMMENT_SINGLE),
                groups(r"(\s+)(#(?!\{).*)$", &[TEXT, COMMENT_SINGLE]),
            ],
        ),
        (
            "multiline_regex_begin",
            vec![rule("///", STR_REGEX).goto("multiline_regex")],
        ),
        (
            "multiline_regex_end",
            vec![rule(r"///([gimy]+\b|\B)", STR_REGEX).pop()],
        ),
        (
            "multiline_regex",
            vec![
                include("multiline_regex_end"),
                include("regex_comment"),
                include("has_interpolation"),
                include("comments"),
                include("whitespace"),
                include("code_escape"),
                rule(r"\\\D", STR_ESCAPE),
                rule(r"\\\d+", NAME_VARIABLE),
                rule("(?s).", STR_REGEX),
            ],
        ),
        (
            "slash_starts_regex",
            vec![
                include("comments"),
                include("whitespace"),
                include("multiline_regex_begin"),
                rule(
                    r"/(\\.|[^\[/\\\n]|\[(\\.|[^\]\\\n])*\])+/([gimy]+\b|\B)",
                    STR_REGEX,
                )
                .pop(),
                jump("").pop(),
            ],
        ),
        (
            "root",
            vec![
                jump(r"^(?=\s|/|<!--)").push("slash_starts_regex"),
                include("comments"),
                include("whitespace"),
                rule(
                    r"[+][+]|--|~|&&|\band\b|\bor\b|\bis\b|\bisnt\b|\bnot\b|\bin\b|\bof\b|[?]|:|=|[|][|]|\\(?=\n)|(<<|>>>?|==?|!=?|[-<>+*`%&|^/])=?",
                    OPERATOR,
                )
                .push("slash_starts_regex"),
                rule("[-=]>", NAME_FUNCTION),
                groups(
                    format!(r"(@)([ \t]*)({ID})"),
                    &[NAME_VARIABLE_INSTANCE, TEXT, NAME_ATTRIBUTE],
                )
                .push("slash_starts_regex"),
                groups(
                    format!(r"([.])([ \t]*)({ID})"),
                    &[PUNCTUATION, TEXT, NAME_ATTRIBUTE],
                )
                .push("slash_starts_regex"),
                rule(format!(r"{ID}(?=\s*:)"), NAME_ATTRIBUTE).push("slash_starts_regex"),
                call(ID, word),
                rule(r"[{(\[;,]", PUNCTUATION).push("slash_starts_regex"),
                rule(r"[})\].]", PUNCTUATION),
                rule(r"\d+[.]\d+([eE]\d+)?[fd]?", NUM_FLOAT),
                rule("0x[0-9a-fA-F]+", NUM_HEX),
                rule(r"\d+", NUM_INTEGER),
                rule("\"\"\"", STR).push("tdqs"),
                rule("'''", STR).push("tsqs"),
                rule("\"", STR).push("dqs"),
                rule("'", STR).push("sqs"),
            ],
        ),
        (
            "code_escape",
            vec![rule(
                r"\\(c[A-Z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{4}\})",
                STR_ESCAPE,
            )],
        ),
        (
            "strings",
            vec![
                rule(r#"(?s)[^#\\'"]+"#, STR),
                include("code_escape"),
                rule(r"\\.", STR_ESCAPE),
                rule("#", STR),
            ],
        ),
        (
            "double_strings",
            vec![
                rule("'", STR),
                include("has_interpolation"),
                include("strings"),
            ],
        ),
        ("single_strings", vec![rule("\"", STR), include("strings")]),
        (
            "interpolation",
            vec![rule(r"\}", STR_INTERPOL).pop(), include("root")],
        ),
        (
            "has_interpolation",
            vec![rule("[#][{]", STR_INTERPOL).push("interpolation")],
        ),
        ("dqs", vec![rule("\"", STR).pop(), include("double_strings")]),
        (
            "tdqs",
            vec![
                rule("\"\"\"", STR).pop(),
                rule("\"", STR),
                include("double_strings"),
            ],
        ),
        ("sqs", vec![rule("'", STR).pop(), include("single_strings")]),
        (
            "tsqs",
            vec![
                rule("'''", STR).pop(),
                rule("'", STR),
                include("single_strings"),
            ],
        ),
    ])
}
