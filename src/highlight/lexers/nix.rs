//! Nix expressions: attribute sets, lists, paths and URLs, strings with `${}`.

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    let word = "[a-zA-Z0-9._-]+";
    let section = format!("(/{word})");
    let root = format!("{section}+");
    let tilde = format!("~{section}+");
    let basic = format!("{word}(/{word})+");
    let url = format!("[a-z+]+://(/?{basic})");
    LexerDef::new(vec![
        (
            "whitespaces",
            vec![rule(r"(?s)^\s*\n\s*$", TEXT), rule(r"\s+", TEXT)],
        ),
        (
            "comment",
            vec![
                rule("#.*$", COMMENT),
                rule(r"/\*", COMMENT).push("multiline_comment"),
            ],
        ),
        (
            "multiline_comment",
            vec![rule(r"\*/", COMMENT).pop(), rule(".", COMMENT)],
        ),
        ("number", vec![rule("[0-9]", NUM_INTEGER)]),
        ("null", vec![rule("(null)", KEYWORD_CONSTANT)]),
        ("boolean", vec![rule("(true|false)", KEYWORD_CONSTANT)]),
        (
            "binding",
            vec![rule("[a-zA-Z_][a-zA-Z0-9-]*", NAME_VARIABLE)],
        ),
        (
            "path",
            vec![rule(format!("({root}|{tilde}|{basic}|{url})"), STR_OTHER)],
        ),
        (
            "string",
            vec![
                rule("\"", STR_DOUBLE).push("double_quoted_string"),
                rule("''", STR_DOUBLE).push("indented_string"),
            ],
        ),
        (
            "string_content",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule(r"\$\$", STR_ESCAPE),
                rule(r"\$\{", STR_INTERPOL).push("string_interpolated_arg"),
            ],
        ),
        (
            "indented_string_content",
            vec![
                rule("'''", STR_ESCAPE),
                rule(r"''\$", STR_ESCAPE),
                rule(r"\$\$", STR_ESCAPE),
                rule(r"''\\.", STR_ESCAPE),
                rule(r"\$\{", STR_INTERPOL).push("string_interpolated_arg"),
            ],
        ),
        (
            "string_interpolated_arg",
            vec![include("expression"), rule(r"\}", STR_INTERPOL).pop()],
        ),
        (
            "indented_string",
            vec![
                include("indented_string_content"),
                rule("''", STR_DOUBLE).pop(),
                rule(".", STR_DOUBLE),
            ],
        ),
        (
            "double_quoted_string",
            vec![
                include("string_content"),
                rule("\"", STR_DOUBLE).pop(),
                rule(".", STR_DOUBLE),
            ],
        ),
        (
            "operator",
            vec![rule(
                r"(\.|\?|\+\+|\+|!=|!|//|==|&&|\|\||->|/|\*|-|<|>|<=|=>)",
                OPERATOR,
            )],
        ),
        (
            "assignment",
            vec![rule("(=)", OPERATOR), rule("(@)", OPERATOR)],
        ),
        ("accessor", vec![rule(r"(\$)", PUNCTUATION)]),
        ("delimiter", vec![rule("(;|,|:)", PUNCTUATION)]),
        (
            "atom_content",
            vec![include("expression"), rule(r"\)", PUNCTUATION).pop()],
        ),
        ("atom", vec![rule(r"\(", PUNCTUATION).push("atom_content")]),
        ("list", vec![rule(r"\[", PUNCTUATION).push("list_content")]),
        (
            "list_content",
            vec![rule(r"\]", PUNCTUATION).pop(), include("expression")],
        ),
        ("set", vec![rule(r"\{", PUNCTUATION).push("set_content")]),
        (
            "set_content",
            vec![rule(r"\}", PUNCTUATION).pop(), include("expression")],
        ),
        (
            "expression",
            vec![
                include("whitespaces"),
                include("comment"),
                include("boolean"),
                include("null"),
                include("number"),
                include("path"),
                include("string"),
                include("keywords"),
                include("operator"),
                include("accessor"),
                include("assignment"),
                include("delimiter"),
                include("binding"),
                include("atom"),
                include("set"),
                include("list"),
            ],
        ),
        (
            "keywords",
            vec![
                rule(r"(?:with|in|inherit)\b", KEYWORD_NAMESPACE),
                rule(r"(?:let)\b", KEYWORD_DECLARATION),
                rule(r"(?:if|then|else)\b", KEYWORD),
                rule(r"(?:rec|assert|map)\b", KEYWORD_RESERVED),
                rule(
                    r"(?:abort|baseNameOf|builtins|derivation|fetchTarball|import|isNull|removeAttrs|throw|toString)\b",
                    KEYWORD_RESERVED,
                ),
            ],
        ),
        ("root", vec![include("whitespaces"), include("expression")]),
    ])
}
