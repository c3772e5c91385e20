//! Ceylon and Cypher.
//!
//! Rouge's Ceylon annotation and keyword patterns span source lines without extended mode,
//! so the words after each line break only match with that newline and indentation in
//! front; the patterns below keep that.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const NL: &str = "\n          ";

pub fn ceylon() -> LexerDef {
    let decorators = format!(
        r"(shared|abstract|formal|default|actual|variable|deprecated|small|{NL}late|literal|doc|by|see|throws|optional|license|tagged|final|native|{NL}annotation|sealed)\b"
    );
    let keywords = format!(
        r"(break|case|catch|continue|else|finally|for|in|{NL}if|return|switch|this|throw|try|while|is|exists|dynamic|{NL}nonempty|then|outer|assert|let)\b"
    );
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"[^\S\n]+", TEXT),
                rule(r"//.*?\n", COMMENT_SINGLE),
                rule(r"/\*", COMMENT_MULTILINE),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule(decorators, NAME_DECORATOR),
                rule(keywords, KEYWORD),
                rule(
                    r"(abstracts|extends|satisfies|super|given|of|out|assign)\b",
                    KEYWORD_DECLARATION,
                ),
                rule(r"(function|value|void|new)\b", KEYWORD_TYPE),
                groups(
                    r"(assembly|module|package)(\s+)",
                    &[KEYWORD_NAMESPACE, TEXT],
                )
                .push("import"),
                rule(r"(true|false|null)\b", KEYWORD_CONSTANT),
                groups(
                    r"(class|interface|object|alias)(\s+)",
                    &[KEYWORD_DECLARATION, TEXT],
                )
                .push("class"),
                groups(r"(import)(\s+)", &[KEYWORD_NAMESPACE, TEXT]).push("import"),
                rule(r#""(\\\\|\\"|[^"])*""#, STR),
                rule(r"'\\.'|'[^\\]'|'\\\{#[0-9a-fA-F]{4}\}'", STR_CHAR),
                rule(r#""[^`]*``[^`]*``[^`]*""#, STR_INTERPOL),
                groups(r"(\.)([a-z_]\w*)", &[OPERATOR, NAME_ATTRIBUTE]),
                rule(r"[a-zA-Z_]\w*:", NAME_LABEL),
                rule(r"(\\I[a-z]|[A-Z])\w*", NAME_DECORATOR),
                rule(r"[a-zA-Z_]\w*", NAME),
                rule(r"[~^*!%&\[\](){}<>|+=:;,./?`-]", OPERATOR),
                rule(
                    r"\d{1,3}(_\d{3})+\.\d{1,3}(_\d{3})+[kMGTPmunpf]?",
                    NUM_FLOAT,
                ),
                rule(
                    r"\d{1,3}(_\d{3})+\.[0-9]+([eE][+-]?[0-9]+)?[kMGTPmunpf]?",
                    NUM_FLOAT,
                ),
                rule(r"[0-9][0-9]*\.\d{1,3}(_\d{3})+[kMGTPmunpf]?", NUM_FLOAT),
                rule(
                    r"[0-9][0-9]*\.[0-9]+([eE][+-]?[0-9]+)?[kMGTPmunpf]?",
                    NUM_FLOAT,
                ),
                rule("#([0-9a-fA-F]{4})(_[0-9a-fA-F]{4})+", NUM_HEX),
                rule("#[0-9a-fA-F]+", NUM_HEX),
                rule(r"\$([01]{4})(_[01]{4})+", NUM_BIN),
                rule(r"\$[01]+", NUM_BIN),
                rule(r"\d{1,3}(_\d{3})+[kMGTP]?", NUM_INTEGER),
                rule("[0-9]+[kMGTP]?", NUM_INTEGER),
                rule(r"\n", TEXT),
            ],
        ),
        (
            "class",
            vec![
                include("whitespace"),
                rule(r"[A-Za-z_]\w*", NAME_CLASS).pop(),
            ],
        ),
        (
            "import",
            vec![
                rule(r"[a-z][\w.]*", NAME_NAMESPACE).pop(),
                rule(r#""(\\\\|\\"|[^"])*""#, STR).pop(),
            ],
        ),
    ])
}

static CY_FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("cypher", "functions"));
static CY_PREDICATES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("cypher", "predicates"));
static CY_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("cypher", "keywords"));

fn cy_call(cx: &mut Ctx, m: &Caps) {
    let name = m.get(1).to_uppercase();
    let t = if CY_FUNCTIONS.contains(name.as_str()) {
        NAME_FUNCTION
    } else if CY_KEYWORDS.contains(name.as_str()) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(t, m.get(1));
    cx.token(WHITESPACE, m.get(2));
    cx.token(STR_SYMBOL, m.get(3));
}

fn cy_word(cx: &mut Ctx, m: &Caps) {
    let name = m.all().to_uppercase();
    let t = if CY_PREDICATES.contains(name.as_str()) {
        OPERATOR_WORD
    } else if CY_KEYWORDS.contains(name.as_str()) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(t, m.all());
}

pub fn cypher() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"[\s]+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"/\*", COMMENT_MULTILINE).push("multiline_comments"),
                rule(r"[*+\-<>=&|~%^]", OPERATOR),
                rule(r"[{}),;\[\]]", STR_SYMBOL),
                groups(
                    r"(\w+)(:)(\s*)(-?[._\d]+)",
                    &[NAME_LABEL, STR_DELIMITER, WHITESPACE, NUM],
                ),
                call(r"(\w+)(\s*)(\()", cy_call),
                rule(r":\w+", NAME_CLASS),
                groups(r"(-?\d+)(\.\.)(-?\d+)", &[NUM, OPERATOR, NUM]),
                rule(r"(?i)(\d+\.\d*|\d*\.\d+)(e[+-]?\d+)?", NUM_FLOAT),
                rule(r"(?i)\d+e[+-]?\d+", NUM_FLOAT),
                rule("0[0-7]+", NUM_OCT),
                rule("(?i)0x[a-f0-9]+", NUM_HEX),
                rule(r"\d+", NUM_INTEGER),
                rule(r"[.\w]+:", NAME_PROPERTY),
                rule(r"\(", STR_SYMBOL),
                call(r"[.\w$]+", cy_word),
                rule(r#""(\\\\|\\"|[^"])*""#, STR_DOUBLE),
                rule(r"'(\\\\|\\'|[^'])*'", STR_SINGLE),
                rule(r"`(\\\\|\\`|[^`])*`", STR_BACKTICK),
            ],
        ),
        (
            "multiline_comments",
            vec![
                rule("/[*]", COMMENT_MULTILINE).push("multiline_comments"),
                rule("[*]/", COMMENT_MULTILINE).pop(),
                rule("[^/*]+", COMMENT_MULTILINE),
                rule("[/*]", COMMENT_MULTILINE),
            ],
        ),
    ])
}
