//! Robot Framework: sections, then cells separated by two spaces / tabs / pipes; the column
//! and the last setting decide whether a cell is a keyword or arguments.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static WITH_KEYWORDS: Lazy<HashSet<&str>> =
    Lazy::new(|| word_set("robot_framework", "settings_with_keywords"));
static WITH_ARGS: Lazy<HashSet<&str>> =
    Lazy::new(|| word_set("robot_framework", "settings_with_args"));

const ID: &str = r"(?:\\|[^|$@&% \t\n])+(?: (?:\\.|[^|$@&% \t\n])+)*";

fn next_of(cx: &Ctx) -> Option<String> {
    cx.st.vars.get("next").cloned()
}

fn set_next(cx: &mut Ctx, next: Option<&str>) {
    match next {
        Some(n) => {
            cx.st.vars.insert("next", n.to_string());
        }
        None => {
            cx.st.vars.remove("next");
        }
    }
}

fn next_for_setting(name: &str) -> Option<&'static str> {
    if WITH_KEYWORDS.contains(name) {
        Some("keyword")
    } else if WITH_ARGS.contains(name) {
        Some("args")
    } else {
        None
    }
}

fn separator(cx: &mut Ctx, m: &Caps) {
    cx.token(WHITESPACE, m.all());
    let col = cx.st.nums.entry("col").or_insert(0);
    *col += 1;
    let col = *col;
    if let Some(next) = next_of(cx) {
        cx.push(&next);
    } else if cx.st.vars.contains_key("template") {
        cx.push("args");
    } else if col == 1 {
        set_next(cx, Some("keyword"));
        cx.push("keyword");
    } else {
        cx.push("args");
    }
    cx.push("cell_start");
}

fn continuation(cx: &mut Ctx, m: &Caps) {
    cx.token(WHITESPACE, m.all());
    *cx.st.nums.entry("col").or_insert(0) += 1;
    cx.push("args");
}

fn newline(cx: &mut Ctx, m: &Caps) {
    cx.token(WHITESPACE, m.all());
    cx.st.nums.insert("col", 0);
    set_next(cx, None);
    cx.push("cell_start");
}

fn heading(cx: &mut Ctx, m: &Caps) {
    cx.token(GENERIC_HEADING, m.all());
    let name = m.get(1);
    let name = name.strip_suffix('s').unwrap_or(name).to_lowercase();
    let section = match name.as_str() {
        "setting" => "section_settings",
        "test case" => "section_tests",
        "task" => "section_tasks",
        "keyword" => "section_keywords",
        "variable" => "section_variables",
        _ => return,
    };
    cx.push(section);
}

fn setting(cx: &mut Ctx, m: &Caps) {
    let next = next_for_setting(&m.get(1).to_lowercase());
    set_next(cx, next);
    cx.token(NAME_BUILTIN_PSEUDO, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
}

fn test_name(cx: &mut Ctx, m: &Caps) {
    cx.st.vars.remove("template");
    cx.token(NAME_LABEL, m.all());
}

fn variable_definition(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_VARIABLE, m.all());
    set_next(cx, Some("args"));
    cx.push("var");
}

fn keyword_setting(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.get(1));
    cx.token(NAME_BUILTIN_PSEUDO, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    let name = m.get(2).to_lowercase();
    if name == "template" {
        cx.st.vars.insert("template", String::new());
    }
    if let Some(next) = next_for_setting(&name) {
        set_next(cx, Some(next));
    }
    cx.pop(1);
}

fn variable(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_VARIABLE, m.all());
    if next_of(cx).is_some() {
        set_next(cx, Some("keyword"));
    }
    cx.push("var");
}

fn keyword_for(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_FUNCTION, m.all());
    if next_of(cx).is_some() {
        set_next(cx, Some("keyword"));
    }
}

fn keyword_name(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_FUNCTION, m.all());
    set_next(cx, None);
}

fn start(st: &mut LexState) {
    st.push("prior_text");
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        ("prior_text", vec![rule(r"^[^*].*", TEXT), jump("").pop()]),
        ("whitespace", vec![rule(r"\s+", WHITESPACE)]),
        (
            "section_include",
            vec![include("end_section"), include("sep"), include("newline")],
        ),
        ("end_section", vec![jump(r"(?=^(?:\| )?\*)").pop()]),
        ("return", vec![jump("").pop()]),
        (
            "sep",
            vec![
                rule(r"\| ", WHITESPACE),
                call(r" +\| +|[ ]{2,}|\t+", separator),
                call(r"\.\.\. *", continuation),
                rule(r" ?\|", WHITESPACE),
            ],
        ),
        ("newline", vec![call(r"\n", newline)]),
        (
            "root",
            vec![
                include("whitespace"),
                call(r"(?i)^(?:\| )?\*[* ]*([A-Z]+(?: [A-Z]+)?).*", heading),
            ],
        ),
        (
            "section_settings",
            vec![
                include("section_include"),
                call(r"(?i)([A-Z]+(?: [A-Z]+)?)(:?)", setting),
            ],
        ),
        (
            "section_tests",
            vec![
                include("section_include"),
                rule(r"[$@&%{}]+", NAME_LABEL),
                rule(r"( )(?![ |])", NAME_LABEL),
                call(ID, test_name),
            ],
        ),
        ("section_tasks", vec![include("section_tests")]),
        (
            "section_keywords",
            vec![
                include("section_include"),
                rule(r"[$@&%]\{", NAME_VARIABLE).push("var"),
                rule(r"[$@&%{}]+", NAME_LABEL),
                rule(r"( )(?![ |])", NAME_LABEL),
                rule(ID, NAME_LABEL),
            ],
        ),
        (
            "section_variables",
            vec![
                include("section_include"),
                call(r"[$@&%]\{", variable_definition),
            ],
        ),
        ("cell_start", vec![rule(r"#.*", COMMENT), include("return")]),
        (
            "keyword",
            vec![
                call(r"(?i)(\[)([A-Z]+(?: [A-Z]+)?)(\])", keyword_setting),
                call(r"[$@&%]\{", variable),
                call(r"(?i)FOR", keyword_for),
                rule(r"( )(?![ |])", NAME_FUNCTION),
                rule(r"(?i)(?:Given|When|Then|And|But) ", NAME_BUILTIN),
                call(ID, keyword_name),
                include("return"),
            ],
        ),
        (
            "args",
            vec![
                call(r"[$@&%]\{", variable),
                rule(r"[$@&%]+", STR),
                rule(r"( )(?![ |])", STR),
                rule(ID, STR),
                include("return"),
            ],
        ),
        (
            "var",
            vec![
                groups(r"(\})( )(=)", &[NAME_VARIABLE, WHITESPACE, PUNCTUATION]).pop(),
                rule(r"[$@&%]\{", NAME_VARIABLE).push("var"),
                rule(r"[{\[]", NAME_VARIABLE).push("var"),
                rule(r"[}\]]", NAME_VARIABLE).pop(),
                rule(r"[^$@&%{}\[\]]+", NAME_VARIABLE),
                rule(r"\}\[", NAME_VARIABLE),
            ],
        ),
    ])
    .with_start(start)
}
