//! Pony: capabilities, keywords and types; docstrings.

use crate::highlight::engine::*;
use crate::highlight::token::*;

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let has = |l: &str| l.split_whitespace().any(|x| x == w);
    let t = if has("box iso ref tag trn val") {
        KEYWORD_DECLARATION
    } else if has(
        "actor addressof and as be break class compiler_intrinsic consume continue do else \
         elseif embed end error for fun if ifdef in interface is isnt lambda let match new not \
         object primitive recover repeat return struct then this trait try type until use var \
         where while with",
    ) {
        KEYWORD_RESERVED
    } else if has(
        "Number Signed Unsigned Float I8 I16 I32 I64 I128 U8 U32 U64 U128 F32 F64 EventID \
         Align IntFormat NumberPrefix FloatFormat Type",
    ) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        ("whitespace", vec![rule(r"\s+", TEXT)]),
        (
            "root",
            vec![
                include("whitespace"),
                rule("\"\"\"", STR_DOC).push("docstring"),
                rule("//.*", COMMENT_SINGLE),
                rule(r"/(\\\n)?[*](.|\n)*?[*](\\\n)?/", COMMENT_MULTILINE),
                rule("\"", STR).push("string"),
                rule(r"[~!%^&*+=\|?:<>/-]", OPERATOR),
                rule(r"(true|false|NULL)\b", NAME_CONSTANT),
                rule("(?:[A-Z_][a-zA-Z0-9_]*)", NAME_CLASS),
                rule(r"[()\[\],.';]", PUNCTUATION),
                rule(
                    r"0[xX]([0-9a-fA-F_]*\.[0-9a-fA-F_]+|[0-9a-fA-F_]+)[pP][+\-]?[0-9_]+[fFL]?[i]?",
                    NUM_FLOAT,
                ),
                rule(
                    r"[0-9_]+(\.[0-9_]+[eE][+\-]?[0-9_]+|\.[0-9_]*|[eE][+\-]?[0-9_]+)[fFL]?[i]?",
                    NUM_FLOAT,
                ),
                rule(
                    r"\.(0|[1-9][0-9_]*)([eE][+\-]?[0-9_]+)?[fFL]?[i]?",
                    NUM_FLOAT,
                ),
                rule("0[xX][0-9a-fA-F_]+", NUM_HEX),
                rule("(0|[1-9][0-9_]*)([LUu]|Lu|LU|uL|UL)?", NUM_INTEGER),
                call("(?i)[a-z_][a-z0-9_]*", word),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(
                    r#"\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"#,
                    STR_ESCAPE,
                ),
                rule(r#"[^\\"\n]+"#, STR),
                rule(r"\\\n", STR),
                rule(r"\\", STR),
            ],
        ),
        (
            "docstring",
            vec![
                rule("\"\"\"", STR_DOC).pop(),
                rule(r"\n", STR_DOC),
                rule(".", STR_DOC),
            ],
        ),
    ])
}
