//! Common Lisp.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn set(key: &str) -> HashSet<&'static str> {
    word_set("common_lisp", key)
}

static FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| set("BUILTIN_FUNCTIONS"));
static SPECIAL: Lazy<HashSet<&str>> = Lazy::new(|| set("SPECIAL_FORMS"));
static MACROS: Lazy<HashSet<&str>> = Lazy::new(|| set("MACROS"));
static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| {
    let mut s = set("LAMBDA_LIST_KEYWORDS");
    s.extend(set("DECLARATIONS"));
    s
});
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| set("BUILTIN_TYPES"));
static CLASSES: Lazy<HashSet<&str>> = Lazy::new(|| set("BUILTIN_CLASSES"));

/// Rouge's order: functions, special forms, macros, lambda-list words and declarations,
/// types, classes.
fn symbol(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if FUNCTIONS.contains(w) {
        NAME_BUILTIN
    } else if SPECIAL.contains(w) {
        KEYWORD
    } else if MACROS.contains(w) {
        NAME_BUILTIN
    } else if KEYWORDS.contains(w) {
        KEYWORD
    } else if TYPES.contains(w) {
        KEYWORD_TYPE
    } else if CLASSES.contains(w) {
        NAME_CLASS
    } else {
        NAME_VARIABLE
    };
    cx.token(t, w);
}

fn close(cx: &mut Ctx, m: &Caps) {
    if cx.st.stack.len() == 1 {
        cx.token(ERROR, m.all());
    } else {
        cx.token(PUNCTUATION, m.all());
        cx.pop(1);
    }
}

pub fn def() -> LexerDef {
    let nonmacro = r"(?:\\.|[a-zA-Z0-9!$%&*+-/<=>?@\[\]^_{}~])";
    let constituent = format!("(?:{nonmacro}|[#.:])");
    let terminated = "(?=[ \"'()\n,;`])";
    let symbol_re = format!(r"(\|[^\|]+\||{nonmacro}{constituent}*)");
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(";.*$", COMMENT_SINGLE),
                rule(r"#\|", COMMENT_MULTILINE).push("multiline_comment"),
                rule(r"#\d*Y.*$", COMMENT_SPECIAL),
                rule(r#""(\\.|[^"\\])*""#, STR),
                rule(format!("[:']{symbol_re}"), STR_SYMBOL),
                rule("['`]", OPERATOR),
                rule(format!(r"[-+]?\d+\.?{terminated}"), NUM_INTEGER),
                rule(format!(r"[-+]?\d+/\d+{terminated}"), NUM_INTEGER),
                rule(
                    format!(
                        r"[-+]?(\d*\.\d+([defls][-+]?\d+)?|\d+(\.\d*)?[defls][-+]?\d+){terminated}"
                    ),
                    NUM_FLOAT,
                ),
                rule(format!(r"#\\.{terminated}"), STR_CHAR),
                rule(format!(r"#\\{symbol_re}"), STR_CHAR),
                rule(r"#\(", OPERATOR).push("root"),
                rule(r"#\d*\*[01]*", OTHER),
                rule(format!("#:{symbol_re}"), STR_SYMBOL),
                rule("#[.,]", OPERATOR),
                rule("#'", NAME_FUNCTION),
                rule("(?i)#b[+-]?[01]+(/[01]+)?", NUM),
                rule("(?i)#o[+-]?[0-7]+(/[0-7]+)?", NUM_OCT),
                rule("(?i)#x[+-]?[0-9a-f]+(/[0-9a-f]+)?", NUM),
                groups(r"(?i)(#c)(\()", &[NUM, PUNCTUATION]).push("root"),
                groups(r"(?i)(#(?:\d+a|s))(\()", &[STR_OTHER, PUNCTUATION]).push("root"),
                rule(r#"(?i)#p?"(\\.|[^"])*""#, STR_SYMBOL),
                rule(r"#\d+[=#]", OPERATOR),
                rule(format!(r"#+nil{terminated}\s*\("), COMMENT).push("commented_form"),
                rule("#[+-]", OPERATOR),
                rule(r"(,@|,|\.)", OPERATOR),
                rule(format!("(t|nil){terminated}"), NAME_CONSTANT),
                rule(format!(r"\*{symbol_re}\*"), NAME_VARIABLE_GLOBAL),
                call(symbol_re.clone(), symbol),
                rule(r"\(", PUNCTUATION).push("root"),
                call(r"\)", close),
            ],
        ),
        (
            "multiline_comment",
            vec![
                rule(r"#\|", COMMENT_MULTILINE).push("multiline_comment"),
                rule(r"\|#", COMMENT_MULTILINE).pop(),
                rule(r"[^\|#]+", COMMENT_MULTILINE),
                rule(r"[\|#]", COMMENT_MULTILINE),
            ],
        ),
        (
            "commented_form",
            vec![
                rule(r"\(", COMMENT).push("commented_form"),
                rule(r"\)", COMMENT).pop(),
                rule("[^()]+", COMMENT),
            ],
        ),
    ])
}
