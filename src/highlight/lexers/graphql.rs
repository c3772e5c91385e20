//! GraphQL: operations, fragments, type definitions, selections, arguments and values.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const NAME_RE: &str = "[_A-Za-z][_0-9A-Za-z]*";

fn brace_query(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("query_definition");
    cx.push("selection_set");
}

fn docstring(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_DOUBLE, m.get(1));
    cx.token(WHITESPACE, m.get(2));
    cx.delegate("markdown", m.get(3));
    cx.token(WHITESPACE, m.get(4));
    cx.token(STR_DOUBLE, m.get(5));
}

fn selection_end(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.pop(1);
    if cx.state_is("query_definition") || cx.state_is("fragment_definition") {
        cx.pop(1);
    }
}

fn value_end(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.pop(1);
    if cx.state_is("value") {
        cx.pop(1);
    }
}

fn value_token(cx: &mut Ctx, m: &Caps, t: Tok) {
    cx.token(t, m.all());
    if !cx.state_is("list") {
        cx.pop(1);
    }
}

fn value_var(cx: &mut Ctx, m: &Caps) {
    value_token(cx, m, NAME_VARIABLE)
}
fn value_const(cx: &mut Ctx, m: &Caps) {
    value_token(cx, m, KEYWORD_CONSTANT)
}
fn value_float(cx: &mut Ctx, m: &Caps) {
    value_token(cx, m, NUM_FLOAT)
}
fn value_int(cx: &mut Ctx, m: &Caps) {
    value_token(cx, m, NUM_INTEGER)
}
fn value_str(cx: &mut Ctx, m: &Caps) {
    value_token(cx, m, STR_DOUBLE)
}
fn value_name(cx: &mut Ctx, m: &Caps) {
    value_token(cx, m, NAME)
}

pub fn def() -> LexerDef {
    let word = format!(r"\b{NAME_RE}\b");
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\b(?:query|mutation|subscription)\b", KEYWORD).push("query_definition"),
                call(r"\{", brace_query),
                rule(r"\bfragment\b", KEYWORD).push("fragment_definition"),
                rule(r"\bscalar\b", KEYWORD).push("value"),
                rule(r"\b(?:type|interface|enum)\b", KEYWORD).push("type_definition"),
                rule(r"\b(?:input|schema)\b", KEYWORD).push("type_definition"),
                rule(r"\bunion\b", KEYWORD).push("union_definition"),
                rule(r"\bextend\b", KEYWORD),
                include("basic"),
                call(r#"(?s)(""")(\n)(.*?)(\n)(""")"#, docstring),
            ],
        ),
        (
            "basic",
            vec![
                rule(r"\s+", WHITESPACE),
                rule("#.*$", COMMENT),
                rule("[!,]", PUNCTUATION),
            ],
        ),
        (
            "has_directives",
            vec![
                groups(
                    format!(r"(@{NAME_RE})(\s*)(\()"),
                    &[KEYWORD, WHITESPACE, PUNCTUATION],
                )
                .push("arguments"),
                rule(format!(r"@{NAME_RE}\b"), KEYWORD),
            ],
        ),
        (
            "fragment_definition",
            vec![rule(r"\bon\b", KEYWORD), include("query_definition")],
        ),
        (
            "query_definition",
            vec![
                include("has_directives"),
                rule(word.clone(), NAME),
                rule(r"\(", PUNCTUATION).push("variable_definitions"),
                rule(r"\{", PUNCTUATION).push("selection_set"),
                include("basic"),
            ],
        ),
        (
            "type_definition",
            vec![
                rule(r"\bimplements\b", KEYWORD),
                rule(word.clone(), NAME),
                rule(r"\(", PUNCTUATION).push("variable_definitions"),
                rule(r"\{", PUNCTUATION).push("type_definition_set"),
                include("basic"),
            ],
        ),
        (
            "union_definition",
            vec![
                rule(word.clone(), NAME),
                rule("=", PUNCTUATION).push("union_definition_variant"),
                include("basic"),
            ],
        ),
        (
            "union_definition_variant",
            vec![
                rule(word.clone(), NAME).goto("union_definition_pipe"),
                include("basic"),
            ],
        ),
        (
            "union_definition_pipe",
            vec![
                rule(r"\|", PUNCTUATION).goto("union_definition_variant"),
                jump(r"(?!\||\s+|#[^\n]*)").pop_n(2),
                include("basic"),
            ],
        ),
        (
            "type_definition_set",
            vec![
                rule(r"\}", PUNCTUATION).pop_n(2),
                groups(
                    format!(r"\b({NAME_RE})(\s*)(\()"),
                    &[NAME, WHITESPACE, PUNCTUATION],
                )
                .push("variable_definitions"),
                rule(word.clone(), NAME),
                rule(":", PUNCTUATION).push("type_names"),
                include("basic"),
            ],
        ),
        (
            "arguments",
            vec![
                rule(r"\)", PUNCTUATION).pop(),
                rule(word.clone(), NAME),
                rule(":", PUNCTUATION).push("value"),
                include("basic"),
            ],
        ),
        (
            "variable_definitions",
            vec![
                rule(r"\)", PUNCTUATION).pop(),
                rule(format!(r"\${NAME_RE}\b"), NAME_VARIABLE),
                rule(word.clone(), NAME),
                rule(":", PUNCTUATION).push("type_names"),
                rule("=", PUNCTUATION).push("value"),
                include("basic"),
            ],
        ),
        (
            "type_names",
            vec![
                rule(r"\b(?:Int|Float|String|Boolean|ID)\b", NAME_BUILTIN).pop(),
                rule(word.clone(), NAME).pop(),
                rule(r"\[", PUNCTUATION).push("type_name_list"),
                include("basic"),
            ],
        ),
        (
            "type_name_list",
            vec![
                rule(r"\b(?:Int|Float|String|Boolean|ID)\b", NAME_BUILTIN),
                rule(word.clone(), NAME),
                rule(r"\]", PUNCTUATION).pop_n(2),
                include("basic"),
            ],
        ),
        (
            "selection_set",
            vec![
                include("has_directives"),
                call(r"\}", selection_end),
                groups(
                    format!(r"\b({NAME_RE})(\s*)(\()"),
                    &[NAME, WHITESPACE, PUNCTUATION],
                )
                .push("arguments"),
                groups(
                    format!(r"\b({NAME_RE})(\s*)(:)"),
                    &[NAME, WHITESPACE, PUNCTUATION],
                ),
                rule(word.clone(), NAME),
                groups(r"(\.\.\.)(\s+)(on)\b", &[PUNCTUATION, WHITESPACE, KEYWORD]),
                rule(r"\.\.\.", PUNCTUATION),
                rule(r"\{", PUNCTUATION).push("selection_set"),
                include("basic"),
            ],
        ),
        ("list", vec![call(r"\]", value_end), include("value")]),
        (
            "object",
            vec![
                call(r"\}", value_end),
                groups(
                    format!(r"\b({NAME_RE})(\s*)(:)"),
                    &[NAME, WHITESPACE, PUNCTUATION],
                )
                .push("value"),
                include("basic"),
            ],
        ),
        (
            "value",
            vec![
                rule(r#"(?s)""".*?""""#, STR_DOUBLE),
                call(format!(r"\${NAME_RE}\b"), value_var),
                call(r"\b(?:true|false|null)\b", value_const),
                call(r"[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?", value_float),
                call(r"[+-]?[1-9][0-9]*(?:[eE][+-]?[0-9]+)?", value_int),
                call(r#""(\\[\\"]|[^"])*""#, value_str),
                call(word, value_name),
                rule(r"\{", PUNCTUATION).push("object"),
                rule(r"\[", PUNCTUATION).push("list"),
                include("basic"),
            ],
        ),
    ])
}
