//! Nim: style-insensitive keywords (`_` allowed between letters), suffixed numbers,
//! raw and triple-quoted strings.

use crate::highlight::engine::*;
use crate::highlight::token::*;

/// Rouge matches each word letting `_` follow every character.
fn underscorize(words: &str) -> String {
    words
        .split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| format!("{}_?", fancy_regex::escape(&c.to_string())))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn float_start(cx: &mut Ctx, m: &Caps) {
    cx.push("floatsuffix");
    cx.push("floatnumber");
    cx.token(NUM_FLOAT, m.all());
}

pub fn def() -> LexerDef {
    let keywords = "addr as asm atomic bind block break case cast const continue converter \
        defer discard distinct do elif else end enum except export func finally for from \
        generic if import include interface iterator let macro method mixin nil object of out \
        proc ptr raise ref return static template try tuple type using var when while with \
        without yield";
    let opwords = "and or not xor shl shr div mod in notin is isnot";
    let types = "int int8 int16 int32 int64 float float32 float64 bool char range array seq \
        set string";
    LexerDef::new(vec![
        (
            "chars",
            vec![
                rule(
                    r#"\\([\\abcefnrtvl"']|x[a-fA-F0-9]{2}|[0-9]{1,3})"#,
                    STR_ESCAPE,
                ),
                rule("'", STR_CHAR).pop(),
                rule(".", STR_CHAR),
            ],
        ),
        (
            "strings",
            vec![
                rule(r"(?<!\$)\$(\d+|#|\w+)+", STR_INTERPOL),
                rule(r#"[^\\'"\$\n]+"#, STR),
                rule(r#"['"\\]"#, STR),
                rule(r"\$", STR),
            ],
        ),
        (
            "dqs",
            vec![
                rule(
                    r#"\\([\\abcefnrtvl"']|\n|x[a-fA-F0-9]{2}|[0-9]{1,3})"#,
                    STR_ESCAPE,
                ),
                rule("\"", STR).pop(),
                include("strings"),
            ],
        ),
        (
            "rdqs",
            vec![
                rule("\"(?!\")", STR).pop(),
                rule("\"", STR_ESCAPE).pop(),
                include("strings"),
            ],
        ),
        (
            "tdqs",
            vec![
                rule("\"\"\"(?!\")", STR).pop(),
                include("strings"),
                include("nl"),
            ],
        ),
        (
            "funcname",
            vec![
                rule(r"((?![\d_])\w)(((?!_)\w)|(_(?!_)\w))*", NAME_FUNCTION).pop(),
                rule("`.+`", NAME_FUNCTION).pop(),
            ],
        ),
        ("nl", vec![rule(r"\n", STR)]),
        (
            "floatnumber",
            vec![
                rule(r"\.(?!\.)[0-9_]*", NUM_FLOAT),
                rule("[eE][+-]?[0-9][0-9_]*", NUM_FLOAT),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "floatsuffix",
            vec![rule("'?[fF](32|64)", NUM_FLOAT), rule("", TEXT).pop()],
        ),
        (
            "intsuffix",
            vec![
                rule("'?[iI](32|64)", NUM_INTEGER_LONG),
                rule("'?[iI](8|16)", NUM_INTEGER),
                rule("'?[uU]", NUM_INTEGER),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "root",
            vec![
                rule("##.*$", STR_DOC),
                rule("#.*$", COMMENT),
                rule(r"\*|=|>|<|\+|-|/|@|\$|~|&|%|!|\?|\||\\|\[|\]", OPERATOR),
                rule(
                    r"\.\.|\.|,|\[\.|\.\]|\{\.|\.\}|\(\.|\.\)|\{|\}|\(|\)|:|\^|`|;",
                    PUNCTUATION,
                ),
                rule("(?:\\w+)\"", STR).push("rdqs"),
                rule("\"\"\"", STR).push("tdqs"),
                rule("\"", STR).push("dqs"),
                rule("'", STR_CHAR).push("chars"),
                rule(format!(r"({})\b", underscorize(opwords)), OPERATOR_WORD),
                rule(r"(p_?r_?o_?c_?\s)(?![\(\[\]])", KEYWORD).push("funcname"),
                rule(format!(r"({})\b", underscorize(keywords)), KEYWORD),
                rule(
                    format!(r"({})\b", underscorize("from import include")),
                    KEYWORD_NAMESPACE,
                ),
                rule(r"(v_?a_?r)\b", KEYWORD_DECLARATION),
                rule(format!(r"({})\b", underscorize(types)), KEYWORD_TYPE),
                rule(
                    format!(r"({})\b", underscorize("nil true false")),
                    KEYWORD_PSEUDO,
                ),
                rule(r"\b((?![_\d])\w)(((?!_)\w)|(_(?!_)\w))*", NAME),
                call(r"[0-9][0-9_]*(?=([eE.]|'?[fF](32|64)))", float_start),
                rule("0[xX][a-fA-F0-9][a-fA-F0-9_]*", NUM_HEX).push("intsuffix"),
                rule("0[bB][01][01_]*", NUM).push("intsuffix"),
                rule("0o[0-7][0-7_]*", NUM_OCT).push("intsuffix"),
                rule("[0-9][0-9_]*", NUM_INTEGER).push("intsuffix"),
                rule(r"\s+", TEXT),
                rule(".+$", ERROR),
            ],
        ),
    ])
}
