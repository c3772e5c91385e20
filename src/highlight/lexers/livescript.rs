//! LiveScript: CoffeeScript-like, with dashed identifiers, `<[ word lists ]>`, heregexes,
//! backslash words, and the regex-or-division decision tracked by states.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"(?i:[$a-z_]((-(?=[a-z]))?[a-z0-9_])*)";
const INT_NUMBER: &str = r"\d[\d_]*";

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("livescript", "keywords"));
static CONSTANTS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("livescript", "constants"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("livescript", "builtins"));
static DECLARATIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("livescript", "declarations"));

fn int() -> String {
    format!(r"{INT_NUMBER}(e[+-]?{INT_NUMBER})?[$\w]*")
}

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    if w == "break" || w == "continue" {
        cx.token(KEYWORD, w);
        cx.push("loop_control");
        return;
    }
    let tok = if KEYWORDS.contains(w) {
        KEYWORD
    } else if CONSTANTS.contains(w) {
        NAME_CONSTANT
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else if DECLARATIONS.contains(w) {
        KEYWORD_DECLARATION
    } else if w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.as_bytes()
            .windows(2)
            .any(|p| p[0] != b'-' && p[1].is_ascii_lowercase())
    {
        NAME_CLASS
    } else {
        NAME_VARIABLE
    };
    cx.token(tok, w);
    cx.push("id");
}

fn interpolated_name(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_INTERPOL, m.get(1));
    let tok = if BUILTINS.contains(m.get(2)) {
        NAME_BUILTIN
    } else {
        NAME_VARIABLE
    };
    cx.token(tok, m.get(2));
}

pub fn def() -> LexerDef {
    let int = int();
    let give_way = || jump("").pop();
    LexerDef::new(vec![
        (
            "root",
            vec![
                jump(r"^(?=\s|/)").push("slash_starts_regex"),
                include("comments"),
                include("whitespace"),
                groups(r"(?s)(<\[)(.*?)(\]>)", &[PUNCTUATION, STR, PUNCTUATION]),
                rule(r"!\s*function\b", KEYWORD_DECLARATION),
                rule(r"!?[-~]>|<[-~]!?", KEYWORD_DECLARATION),
                rule(r"(=>)", KEYWORD),
                groups(format!(r"(::)({ID})"), &[PUNCTUATION, NAME_ATTRIBUTE]).push("id"),
                groups(format!(r"(::)({int})"), &[PUNCTUATION, NUM_INTEGER]).push("id"),
                groups(format!(r"(@)({ID})"), &[NAME_VARIABLE_INSTANCE, NAME_ATTRIBUTE])
                    .push("id"),
                groups(format!(r"([.])({ID})"), &[PUNCTUATION, NAME_ATTRIBUTE]).push("id"),
                groups(r"([.])(\d+)", &[PUNCTUATION, NUM_INTEGER]).push("id"),
                rule(format!(r"{ID}(?=\s*:[^:=])"), NAME_ATTRIBUTE),
                rule(
                    r"[+][+]|--|&&|\b(and|x?or|is(nt)?|not)\b(?!-[a-zA-Z]|_)|[|][|]|[.]([|&^]|<<|>>>?)[.]|\\(?=\n)|[.:]=|<<<<?|<[|]|[|]>|(<<|>>|==?|!=?|[-<>+*%^/~?])=?",
                    OPERATOR,
                )
                .push("slash_starts_regex"),
                groups(format!(r"(&)({ID})?"), &[NAME_BUILTIN, NAME_ATTRIBUTE]),
                rule(r"[|]|\bcase(?=\s)", KEYWORD).push("switch_underscore"),
                rule(r"@", NAME_VARIABLE_INSTANCE),
                rule(r"[.]{3}", PUNCTUATION),
                rule(r":", PUNCTUATION),
                call(ID, word),
                rule(format!(r"\](?=[!?.]|{ID})"), PUNCTUATION).push("id"),
                rule(r"[{(\[;,]", PUNCTUATION).push("slash_starts_regex"),
                rule(r"[})\].]", PUNCTUATION),
                rule(format!(r"{INT_NUMBER}[.]{int}"), NUM_FLOAT),
                rule(r"0x[0-9A-Fa-f]+", NUM_HEX),
                rule(int.clone(), NUM_INTEGER),
                rule(r#"""""#, STR).push("triple_dq"),
                rule(r"'''", STR).push("triple_sq"),
                rule("\"", STR).push("dq"),
                rule("'", STR).push("sq"),
                rule(r"\\\S[^\s,;\])}]*", STR),
            ],
        ),
        (
            "triple_dq",
            vec![
                rule(r#"""""#, STR).pop(),
                rule("\"", STR),
                include("double_strings"),
            ],
        ),
        (
            "triple_sq",
            vec![rule(r"'''", STR).pop(), rule("'", STR), include("single_strings")],
        ),
        ("dq", vec![rule("\"", STR).pop(), include("double_strings")]),
        ("sq", vec![rule("'", STR).pop(), include("single_strings")]),
        (
            "code_escape",
            vec![rule(
                r"\\(c[A-Z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{4}\})",
                STR_ESCAPE,
            )],
        ),
        (
            "interpolated_expression",
            vec![rule(r"\}", STR_INTERPOL).pop(), include("root")],
        ),
        (
            "interpolation",
            vec![
                rule(r"[#][{]", STR_INTERPOL).push("interpolated_expression"),
                call(format!(r"(#)({ID})"), interpolated_name),
            ],
        ),
        (
            "whitespace",
            vec![groups(
                format!(r"(?s)(\s+?)(?:^([^\S\n]*)(:{ID}))?"),
                &[TEXT, TEXT, NAME_LABEL],
            )],
        ),
        ("whitespace_single_line", vec![rule(r"[^\S\n]+", TEXT)]),
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
                give_way(),
            ],
        ),
        (
            "multiline_regex_begin",
            vec![rule(r"//", STR_REGEX).goto("multiline_regex")],
        ),
        (
            "multiline_regex_end",
            vec![rule(r"//([gimy]+\b|\B)", STR_REGEX).pop()],
        ),
        (
            "multiline_regex",
            vec![
                include("multiline_regex_end"),
                include("regex_comment"),
                include("interpolation"),
                include("code_escape"),
                rule(r"\\\D", STR_ESCAPE),
                rule(r"\\\d+", NAME_VARIABLE),
                rule(r"(?s).", STR_REGEX),
            ],
        ),
        (
            "regex_comment",
            vec![
                rule(r"^#(\s+.*)?$", COMMENT_SINGLE),
                groups(r"(\s+)(#)(\s+.*)?$", &[TEXT, COMMENT_SINGLE, COMMENT_SINGLE]),
            ],
        ),
        (
            "comments",
            vec![
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
                rule(r"#.*$", COMMENT_SINGLE),
            ],
        ),
        (
            "switch_underscore",
            vec![
                include("whitespace_single_line"),
                rule(r"_(?=\s*=>|\s+then\b)", KEYWORD),
                give_way(),
            ],
        ),
        (
            "loop_control",
            vec![
                include("whitespace_single_line"),
                rule(format!(r"{ID}(?=[);\n])"), NAME_LABEL),
                give_way(),
            ],
        ),
        (
            "id",
            vec![
                rule(r"[!?]|[.](?!=)", PUNCTUATION),
                rule(r"[{]", PUNCTUATION).push("destructure"),
                rule(ID, NAME_ATTRIBUTE),
                rule(int.clone(), NUM_INTEGER),
                jump("").goto("slash_starts_regex"),
            ],
        ),
        (
            "destructure",
            vec![
                rule(r"[,;]", PUNCTUATION),
                rule(ID, NAME_ATTRIBUTE),
                rule(int, NUM_INTEGER),
                include("whitespace"),
                rule(r"[}]", PUNCTUATION).pop(),
            ],
        ),
        (
            "strings",
            vec![
                rule(r#"[^#\\'"]+"#, STR),
                include("code_escape"),
                rule(r"\\.", STR_ESCAPE),
                rule(r"#", STR),
            ],
        ),
        (
            "double_strings",
            vec![rule("'", STR), include("interpolation"), include("strings")],
        ),
        (
            "single_strings",
            vec![rule("\"", STR), include("strings")],
        ),
    ])
}
