//! CMake: commands (builtin vs user), bracket arguments and comments, `${}` references.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const SPACE: &str = r"[ \t]";
const BRACKET_OPEN: &str = r"\[=*\[";

static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("cmake", "BUILTIN_COMMANDS"));

/// The token for "anything else", which depends on the state (Rouge's STATES_MAP).
fn state_token(cx: &Ctx) -> Tok {
    if cx.state_is("bracket_string") || cx.state_is("quoted_argument") {
        STR_DOUBLE
    } else if cx.state_is("bracket_comment") {
        COMMENT_MULTILINE
    } else if cx.state_is("variable_reference") {
        NAME_VARIABLE
    } else {
        TEXT
    }
}

fn default(cx: &mut Ctx, m: &Caps) {
    let t = state_token(cx);
    cx.token(t, m.all());
}

fn bracket_close(cx: &mut Ctx, m: &Caps) {
    let t = state_token(cx);
    cx.token(t, m.all());
    if cx.st.nums.get("bracket_len").copied() == Some(m.all().len() as i64) {
        cx.goto("root");
    }
}

fn bracket_comment(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_MULTILINE, m.all());
    cx.st.nums.insert("bracket_len", m.all().len() as i64 - 1);
    cx.goto("bracket_comment");
}

fn bracket_string(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_DOUBLE, m.all());
    cx.st.nums.insert("bracket_len", m.all().len() as i64);
    cx.goto("bracket_string");
}

fn command(cx: &mut Ctx, m: &Caps) {
    let t = if BUILTINS.contains(m.get(1)) {
        NAME_BUILTIN
    } else {
        NAME_FUNCTION
    };
    cx.token(t, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "default",
            vec![call(r"\r\n?|\n", default), call(".", default)],
        ),
        (
            "variable_interpolation",
            vec![rule(r"\$\{", STR_INTERPOL).push("variable_reference")],
        ),
        ("bracket_close", vec![call(r"\]=*\]", bracket_close)]),
        (
            "root",
            vec![
                include("variable_interpolation"),
                rule(SPACE, TEXT),
                rule("[()]", PUNCTUATION),
                call(format!("#{BRACKET_OPEN}"), bracket_comment),
                call(BRACKET_OPEN, bracket_string),
                rule(r#"\\""#, TEXT),
                rule("\"", STR_DOUBLE).push("quoted_argument"),
                call(format!(r"([A-Za-z_][A-Za-z0-9_]*)({SPACE}*)(\()"), command),
                rule("#.*", COMMENT_SINGLE),
                include("default"),
            ],
        ),
        (
            "bracket_string",
            vec![
                include("bracket_close"),
                include("variable_interpolation"),
                include("default"),
            ],
        ),
        (
            "bracket_comment",
            vec![include("bracket_close"), include("default")],
        ),
        (
            "variable_reference",
            vec![
                include("variable_interpolation"),
                rule(r"\}", STR_INTERPOL).pop(),
                include("default"),
            ],
        ),
        (
            "quoted_argument",
            vec![
                include("variable_interpolation"),
                rule("\"", STR_DOUBLE).push("root"),
                rule(r#"\\[()#" \\$@^trn;]"#, STR_ESCAPE),
                include("default"),
            ],
        ),
    ])
}
