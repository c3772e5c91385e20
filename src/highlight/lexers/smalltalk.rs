//! Smalltalk and SPARQL.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const OPS: &str = r"[-+*/\\~<>=|&!?,@%]";

pub fn smalltalk() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                groups(
                    r"(<)(\w+:)(.*?)(>)",
                    &[PUNCTUATION, KEYWORD, TEXT, PUNCTUATION],
                ),
                include("whitespaces"),
                include("method_definition"),
                groups(
                    r"([|])([\w\s]*)([|])",
                    &[PUNCTUATION, NAME_VARIABLE, PUNCTUATION],
                ),
                include("objects"),
                rule(r"\^|:=|_", OPERATOR),
                rule(r"[)}\]]", PUNCTUATION).push("after_object"),
                rule(r"[({\[!]", PUNCTUATION),
            ],
        ),
        (
            "method_definition",
            vec![
                groups(
                    r"(?i)([a-z]\w*:)(\s*)(\w+)",
                    &[NAME_FUNCTION, TEXT, NAME_VARIABLE],
                ),
                groups(
                    r"(?i)^(\s*)(\b[a-z]\w*\b)(\s*)$",
                    &[TEXT, NAME_FUNCTION, TEXT],
                ),
                groups(
                    format!(r"^(\s*)({OPS}+)(\s*)(\w+)(\s*)$"),
                    &[TEXT, NAME_FUNCTION, TEXT, NAME_VARIABLE, TEXT],
                ),
            ],
        ),
        (
            "block_variables",
            vec![
                include("whitespaces"),
                groups(r"(:)(\s*)(\w+)", &[OPERATOR, TEXT, NAME_VARIABLE]),
                rule("[|]", PUNCTUATION).pop(),
                jump("").pop(),
            ],
        ),
        (
            "literals",
            vec![
                rule(r"(?s)'(''|.)*?'", STR).push("after_object"),
                rule("[$].", STR_CHAR).push("after_object"),
                rule("#[(]", STR_SYMBOL).push("parenth"),
                rule(r"(\d+r)?-?\d+(\.\d+)?(e-?\d+)?", NUM).push("after_object"),
                rule(format!(r#"#("[^"]*"|{OPS}+|[\w:]+)"#), STR_SYMBOL).push("after_object"),
            ],
        ),
        (
            "parenth",
            vec![
                rule("[)]", STR_SYMBOL).goto("after_object"),
                include("inner_parenth"),
            ],
        ),
        (
            "inner_parenth",
            vec![
                rule("#[(]", STR_SYMBOL).push("inner_parenth"),
                rule("[)]", STR_SYMBOL).pop(),
                include("whitespaces"),
                include("literals"),
                rule(format!(r"({OPS}|[\w:])+"), STR_SYMBOL),
            ],
        ),
        (
            "whitespaces",
            vec![
                rule("! !$", KEYWORD),
                rule(r"\s+", TEXT),
                rule("(?s)\".*?\"", COMMENT),
            ],
        ),
        (
            "objects",
            vec![
                rule(r"\[", PUNCTUATION).push("block_variables"),
                rule(
                    r"(self|super|true|false|nil|thisContext)\b",
                    NAME_BUILTIN_PSEUDO,
                )
                .push("after_object"),
                rule(r"[A-Z]\w*(?!:)\b", NAME_CLASS).push("after_object"),
                rule(r"[a-z]\w*(?!:)\b", NAME_VARIABLE).push("after_object"),
                include("literals"),
            ],
        ),
        (
            "after_object",
            vec![
                include("whitespaces"),
                rule(
                    "(ifTrue|ifFalse|whileTrue|whileFalse|timesRepeat):",
                    NAME_BUILTIN,
                )
                .pop(),
                rule(r"new(?!:)\b", NAME_BUILTIN),
                rule(":=|_", OPERATOR).pop(),
                rule(r"(?i)[a-z]+\w*:", NAME_FUNCTION).pop(),
                rule(r"(?i)[a-z]+\w*", NAME_FUNCTION),
                rule(format!("{OPS}+"), NAME_FUNCTION).pop(),
                rule("[.]", PUNCTUATION).pop(),
                rule(";", PUNCTUATION),
                jump("").pop(),
            ],
        ),
    ])
}

static SQ_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sparql", "builtins"));
static SQ_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sparql", "keywords"));

fn sq_word(cx: &mut Ctx, m: &Caps) {
    let up = m.all().to_uppercase();
    let t = if SQ_BUILTINS.contains(up.as_str()) {
        NAME_BUILTIN
    } else if SQ_KEYWORDS.contains(up.as_str()) {
        KEYWORD
    } else {
        ERROR
    };
    cx.token(t, m.all());
}

fn sq_prefixed(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_NAMESPACE, m.get(1));
    cx.token(OPERATOR, m.get(2));
    cx.token(STR_SYMBOL, m.get(3));
}

fn quote_end(tok: Tok, q: &str) -> RuleDef {
    rule(q.to_string(), tok).goto("string_end")
}

pub fn sparql() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", WHITESPACE),
                rule("#.*", COMMENT_SINGLE),
                rule("\"\"\"", STR_DOUBLE).push("string_double_literal"),
                rule("\"", STR_DOUBLE).push("string_double"),
                rule("'''", STR_SINGLE).push("string_single_literal"),
                rule("'", STR_SINGLE).push("string_single"),
                rule("[$?][[:word:]]+", NAME_VARIABLE),
                call("([[:word:]-]*)(:)([[:word:]-]+)?", sq_prefixed),
                rule("<[^>]*>", NAME_NAMESPACE),
                rule("(?i)true|false", KEYWORD_CONSTANT),
                rule(r"a\b", KEYWORD),
                call(r"(?i)[A-Z][[:word:]]+\b", sq_word),
                rule(
                    r"(?i)[+\-]?(?:\d+\.\d*|\.\d+)(?:[e][+\-]?[0-9]+)?",
                    NUM_FLOAT,
                ),
                rule(r"[+\-]?\d+", NUM_INTEGER),
                rule(r"[\]\[(){}.,;=]", PUNCTUATION),
                rule(r"[/?*+=!<>]|&&|\|\||\^\^", OPERATOR),
            ],
        ),
        (
            "string_double_common",
            vec![
                include("string_escapes"),
                rule(r"\\", STR_DOUBLE),
                rule(r#"[^"\\]+"#, STR_DOUBLE),
            ],
        ),
        (
            "string_double",
            vec![quote_end(STR_DOUBLE, "\""), include("string_double_common")],
        ),
        (
            "string_double_literal",
            vec![
                quote_end(STR_DOUBLE, "\"\"\""),
                rule("\"", STR_DOUBLE),
                include("string_double_common"),
            ],
        ),
        (
            "string_single_common",
            vec![
                include("string_escapes"),
                rule(r"\\", STR_SINGLE),
                rule(r"[^'\\]+", STR_SINGLE),
            ],
        ),
        (
            "string_single",
            vec![quote_end(STR_SINGLE, "'"), include("string_single_common")],
        ),
        (
            "string_single_literal",
            vec![
                quote_end(STR_SINGLE, "'''"),
                rule("'", STR_SINGLE),
                include("string_single_common"),
            ],
        ),
        (
            "string_escapes",
            vec![
                rule(r#"\\[tbnrf"'\\]"#, STR_ESCAPE),
                rule(r"\\u\h{4}", STR_ESCAPE),
                rule(r"\\U\h{8}", STR_ESCAPE),
            ],
        ),
        (
            "string_end",
            vec![
                groups(
                    r"(@)([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)",
                    &[OPERATOR, NAME_PROPERTY],
                ),
                rule(r"\^\^", OPERATOR),
                jump("").pop(),
            ],
        ),
    ])
}
