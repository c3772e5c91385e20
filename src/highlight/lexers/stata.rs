//! Stata: commands at line start, functions, macros, comments of three kinds.

use super::word_vec;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let has = |l: &str| l.split_whitespace().any(|x| x == w);
    let t = if has(
        "if else foreach forv forva forval forvalu forvalue forvalues to while in of continue \
         break nobreak",
    ) {
        KEYWORD_RESERVED
    } else if has(
        "byte int long float double str strL numeric string integer scalar matrix local global \
         numlist varlist newlist",
    ) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn def() -> LexerDef {
    let alt_of = |key: &str| {
        word_vec("stata", key)
            .iter()
            .map(|w| fancy_regex::escape(w).into_owned())
            .collect::<Vec<_>>()
            .join("|")
    };
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"^\s*#.*$", COMMENT_PREPROC),
            rule(r"^\*!.*$", COMMENT_HASHBANG),
            rule(r"^\s*\*.*$", COMMENT_SINGLE),
            rule(format!(r"^\s*({})\b", alt_of("KEYWORDS")), KEYWORD),
            rule(r"[ \t]+", WHITESPACE),
            rule(r"[\n\r]+", TEXT),
            rule("//.*?$", COMMENT_SINGLE),
            rule(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", COMMENT_MULTILINE),
            rule(r#"`"(\\.|.)*?"'"#, STR_DOUBLE),
            rule(r#""(\\.|.)*?""#, STR_DOUBLE),
            rule(r"`(\\.|.)*?'", STR_DOUBLE),
            rule(r"(?<!\w)\$\w+", STR_DOUBLE),
            rule(r"\%\S+", NAME_PROPERTY),
            rule(
                r"\bstr(204[0-5]|20[0-3][0-9]|[01][0-9][0-9][0-9]|[0-9][0-9][0-9]|[0-9][0-9]|[1-9])\b",
                KEYWORD_TYPE,
            ),
            rule(
                format!(r"\b({})(?=\()", alt_of("PRIMITIVE_FUNCTIONS")),
                NAME_FUNCTION,
            ),
            rule(r"\.\.(?=.*\])", OPERATOR),
            rule(r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?", NUM),
            rule(r"\b[ICOicoLFDSlfds]\w*\.", OPERATOR),
            rule(r"\b[ICOicoLFDSlfds]\w*(?=\(.*\)\.)", OPERATOR),
            call(r"\w+", word),
            rule(r"[\[\]{}();,]", PUNCTUATION),
            rule(r"[-<>?*+'^/\\!#.=~:&|]", OPERATOR),
        ],
    )])
}
