//! Racket.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("racket", "keywords"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("racket", "builtins"));

fn head(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.contains(w) {
        KEYWORD
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME_FUNCTION
    };
    cx.token(t, w);
    cx.pop(1);
}

pub fn def() -> LexerDef {
    let id = r"[^\s\(\)\[\]\{\}'`,.]+";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(";.*$", COMMENT_SINGLE),
                rule("#!.*", COMMENT_SINGLE),
                rule(r"#\|", COMMENT_MULTILINE).push("block_comment"),
                rule("#;", COMMENT_MULTILINE).push("sexp_comment"),
                rule(r"\s+", TEXT),
                rule("[+-]inf[.][f0]", NUM_FLOAT),
                rule("[+-]nan[.]0", NUM_FLOAT),
                rule("[-]min[.]0", NUM_FLOAT),
                rule("[+]max[.]0", NUM_FLOAT),
                rule(r"-?\d+\.\d+", NUM_FLOAT),
                rule(r"-?\d+", NUM_INTEGER),
                rule(format!("#:(?:{id})+"), NAME_TAG),
                rule("#b[01]+", NUM_BIN),
                rule("#o[0-7]+", NUM_OCT),
                rule("#d[0-9]+", NUM_INTEGER),
                rule("(?i)#x[0-9a-f]+", NUM_HEX),
                rule(r"#[ei][\d.]+", NUM_OTHER),
                rule(r#""(\\\\|\\"|[^"])*""#, STR),
                rule(format!("['`]{id}"), STR_SYMBOL),
                rule(r#"(?i)#\\([()/'"._!\$%& ?=+-]{1}|[a-z0-9]+)"#, STR_CHAR),
                rule("(?i)#t(rue)?|#f(alse)?", NAME_CONSTANT),
                rule(r"(?:'|#|`|,@|,|\.)", OPERATOR),
                groups(r"(?s)(['#])(\s*)(\()", &[STR_SYMBOL, TEXT, PUNCTUATION]),
                rule(r"\(|\[|\{", PUNCTUATION).push("command"),
                rule(r"\)|\]|\}", PUNCTUATION),
                rule(id, NAME_VARIABLE),
            ],
        ),
        (
            "block_comment",
            vec![
                rule("[^|#]+", COMMENT_MULTILINE),
                rule(r"\|#", COMMENT_MULTILINE).pop(),
                rule(r"#\|", COMMENT_MULTILINE).push("block_comment"),
                rule("[|#]", COMMENT_MULTILINE),
            ],
        ),
        (
            "sexp_comment",
            vec![
                rule(r"[({\[]", COMMENT_MULTILINE).push("sexp_comment_inner"),
                rule(r#""(?:\\"|[^"])*?""#, COMMENT_MULTILINE).pop(),
                rule(r"[^\s]+", COMMENT_MULTILINE).pop(),
                jump("").pop(),
            ],
        ),
        (
            "sexp_comment_inner",
            vec![
                rule(r"[^(){}\[\]]+", COMMENT_MULTILINE),
                rule(r"[)}\]]", COMMENT_MULTILINE).pop(),
                rule(r"[({\[]", COMMENT_MULTILINE).push("sexp_comment_inner"),
            ],
        ),
        ("command", vec![call(id, head), jump("").pop()]),
    ])
}
