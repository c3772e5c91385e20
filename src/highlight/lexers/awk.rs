//! AWK: patterns and actions, regex literals at expression start, builtin variables.

use crate::highlight::engine::*;
use crate::highlight::token::*;

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    if matches!(
        w,
        "if" | "else"
            | "while"
            | "for"
            | "do"
            | "break"
            | "continue"
            | "return"
            | "next"
            | "nextfile"
            | "delete"
            | "exit"
            | "print"
            | "printf"
            | "getline"
    ) {
        cx.token(KEYWORD, w);
        cx.push("expr_start");
    } else if w == "function" {
        cx.token(KEYWORD_DECLARATION, w);
        cx.push("expr_start");
    } else {
        let t = if matches!(w, "BEGIN" | "END") {
            KEYWORD_RESERVED
        } else if matches!(
            w,
            "CONVFMT"
                | "FS"
                | "NF"
                | "NR"
                | "FNR"
                | "FILENAME"
                | "RS"
                | "OFS"
                | "ORS"
                | "OFMT"
                | "SUBSEP"
                | "ARGC"
                | "ARGV"
                | "ENVIRON"
        ) {
            KEYWORD_CONSTANT
        } else if matches!(
            w,
            "exp"
                | "log"
                | "sqrt"
                | "sin"
                | "cos"
                | "atan2"
                | "length"
                | "rand"
                | "srand"
                | "int"
                | "substr"
                | "index"
                | "match"
                | "split"
                | "sub"
                | "gsub"
                | "sprintf"
                | "system"
                | "tolower"
                | "toupper"
        ) {
            NAME_BUILTIN
        } else if w.starts_with('$') {
            NAME_VARIABLE
        } else {
            NAME_OTHER
        };
        cx.token(t, w);
    }
}

fn ternary(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("ternary");
    cx.push("expr_start");
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "comments_and_whitespace",
            vec![rule(r"\s+", TEXT), rule("#.*?$", COMMENT_SINGLE)],
        ),
        (
            "expr_start",
            vec![
                include("comments_and_whitespace"),
                rule("/", STR_REGEX).goto("regex"),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "regex",
            vec![
                rule("/", STR_REGEX).goto("regex_end"),
                rule(r"[^/]\n", ERROR).pop(),
                rule(r"\n", ERROR).pop(),
                rule(r"\[\^", STR_ESCAPE).push("regex_group"),
                rule(r"\[", STR_ESCAPE).push("regex_group"),
                rule(r"\\.", STR_ESCAPE),
                rule("[(][?][:=<!]", STR_ESCAPE),
                rule(r"[{][\d,]+[}]", STR_ESCAPE),
                rule("[()?]", STR_ESCAPE),
                rule(".", STR_REGEX),
            ],
        ),
        ("regex_end", vec![jump("").pop()]),
        (
            "regex_group",
            vec![
                rule("/", STR_ESCAPE),
                rule(r"[^/]\n", ERROR).pop_n(2),
                rule(r"\]", STR_ESCAPE).pop(),
                rule(r"\\.", STR_ESCAPE),
                rule(".", STR_REGEX),
            ],
        ),
        (
            "root",
            vec![
                include("comments_and_whitespace"),
                rule(r"(?<=\n)(?=\s|/)", TEXT).push("expr_start"),
                rule(r"[-<>+*/%\^!=]=?|in\b|\+\+|--|\|", OPERATOR).push("expr_start"),
                rule(r"&&|\|\||~!?", OPERATOR).push("expr_start"),
                rule(r"[(\[,]", PUNCTUATION).push("expr_start"),
                rule(";", PUNCTUATION).push("statement"),
                rule(r"[)\].]", PUNCTUATION),
                call("[?]", ternary),
                rule("[{}]", PUNCTUATION).push("statement"),
                call("[$a-zA-Z_][a-zA-Z0-9_]*", word),
                rule(r"[0-9]+\.[0-9]+", NUM_FLOAT),
                rule("[0-9]+", NUM_INTEGER),
                rule(r#""(\\[\\"]|[^"])*""#, STR_DOUBLE),
                rule(":", PUNCTUATION),
            ],
        ),
        (
            "statement",
            vec![rule("[{}]", PUNCTUATION), include("expr_start")],
        ),
        (
            "ternary",
            vec![rule(":", PUNCTUATION).goto("expr_start"), include("root")],
        ),
    ])
}
