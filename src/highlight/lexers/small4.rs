//! More small languages: llvm, tap, elm, hocon.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::{json, word_set};
use crate::highlight::engine::*;
use crate::highlight::token::*;

static LLVM_TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("llvm", "types"));
static LLVM_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| {
    let mut s = word_set("llvm", "instructions");
    s.extend(word_set("llvm", "keywords"));
    s
});

fn llvm_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if LLVM_TYPES.contains(w) {
        KEYWORD_TYPE
    } else if LLVM_KEYWORDS.contains(w) {
        KEYWORD
    } else {
        ERROR
    };
    cx.token(t, w);
}

pub fn llvm() -> LexerDef {
    let string = r#""[^"]*?""#;
    let ident = format!(r"([-a-zA-Z$._][-a-zA-Z$._0-9]*|{string})");
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(";.*?$", COMMENT_SINGLE),
                rule(r"\s+", TEXT),
                rule(format!(r"{ident}\s*:"), NAME_LABEL),
                rule(format!(r"@({ident}|\d+)"), NAME_VARIABLE_GLOBAL),
                rule(r"#\d+", NAME_VARIABLE_GLOBAL),
                rule(format!("(%|!){ident}"), NAME_VARIABLE),
                rule(r"(%|!)\d+", NAME_VARIABLE),
                rule(format!("c?{string}"), STR),
                rule("0[xX][a-fA-F0-9]+", NUM),
                rule(r"-?\d+(?:[.]\d+)?(?:[eE][-+]?\d+(?:[.]\d+)?)?", NUM),
                rule(r"[=<>{}\[\]()*.,!]|x", PUNCTUATION),
            ],
        ),
        (
            "root",
            vec![
                include("basic"),
                rule(r"i[1-9]\d*", KEYWORD_TYPE),
                call(r"\w+", llvm_word),
            ],
        ),
    ])
}

pub fn tap() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"^TAP version \d+\n", NAME_NAMESPACE),
                rule(r"^1\.\.\d+", KEYWORD_DECLARATION).push("plan"),
                groups(
                    r"^(not ok)([^\S\n]*)(\d*)",
                    &[GENERIC_ERROR, TEXT, NUM_INTEGER],
                )
                .push("test"),
                groups(
                    r"^(ok)([^\S\n]*)(\d*)",
                    &[KEYWORD_RESERVED, TEXT, NUM_INTEGER],
                )
                .push("test"),
                rule(r"^#.*\n", COMMENT),
                rule(r"^Bail out!.*\n", GENERIC_ERROR),
                rule(r"^.*\n", TEXT),
            ],
        ),
        (
            "plan",
            vec![
                rule(r"[^\S\n]+", TEXT),
                rule("#", COMMENT).push("directive"),
                rule(r"\n", COMMENT).pop(),
                rule(r".*\n", GENERIC_ERROR).pop(),
            ],
        ),
        (
            "test",
            vec![
                rule(r"[^\S\n]+", TEXT),
                rule("#", COMMENT).push("directive"),
                rule(r"\S+", TEXT),
                rule(r"\n", TEXT).pop(),
            ],
        ),
        (
            "directive",
            vec![
                rule(r"[^\S\n]+", COMMENT),
                rule(r"(?i)\bTODO\b", COMMENT_PREPROC),
                rule(r"(?i)\bSKIP\S*", COMMENT_PREPROC),
                rule(r"\S+", COMMENT),
                rule(r"\n", COMMENT).pop_n(2),
            ],
        ),
    ])
}

pub fn elm() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("--.*", COMMENT_SINGLE),
                rule(r"\{-", COMMENT_MULTILINE).push("multiline_comment"),
                rule(
                    r"\b(module|exposing|port|import|as|type|alias|if|then|else|case|of|let|in)\b",
                    KEYWORD,
                ),
                rule(r"[a-z]\w*", NAME),
                rule("_", NAME),
                rule(r"[A-Z]\w*", KEYWORD_TYPE),
                rule(
                    r"(->|::|//|\.\.|&&|\|\||\+\+|\|>|<\||>>|<<|==|/=|<=|>=)",
                    OPERATOR,
                ),
                rule(r"[+-/*%=<>^\|!]", OPERATOR),
                rule(r"\\", OPERATOR),
                rule(r"[@\#$&~?]", OPERATOR),
                rule("\"\"\"", STR).push("multiline_string"),
                rule(r"'(\\.|.)'", STR_CHAR),
                rule("\"", STR).push("double_quote"),
                rule(r"(?i)0x[\da-f]+", NUM_HEX),
                rule(r"(?i)\d+e[+-]?\d+", NUM_FLOAT),
                rule(r"(?i)\d+\.\d+(e[+-]?\d+)?", NUM_FLOAT),
                rule(r"\d+", NUM_INTEGER),
                rule(r"[\[\](),;`{}:]", PUNCTUATION),
            ],
        ),
        (
            "multiline_comment",
            vec![
                rule("-}", COMMENT_MULTILINE).pop(),
                rule(r"\{-", COMMENT_MULTILINE).push("multiline_comment"),
                rule("[^-{}]+", COMMENT_MULTILINE),
                rule("[-{}]", COMMENT_MULTILINE),
            ],
        ),
        (
            "double_quote",
            vec![
                rule(r#"[^\\"]+"#, STR_DOUBLE),
                rule(r#"\\""#, STR_ESCAPE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        (
            "multiline_string",
            vec![
                rule(r#"\\""#, STR_ESCAPE),
                rule("\"\"\"", STR).pop(),
                rule("[^\"]+", STR),
                rule("\"", STR),
            ],
        ),
    ])
}

pub fn hocon() -> LexerDef {
    json::def()
        .with_state(
            "comments",
            vec![
                rule("//.*?$", COMMENT_SINGLE),
                rule("#.*?$", COMMENT_SINGLE),
            ],
        )
        .prepend("root", vec![include("comments")])
        .prepend(
            "object",
            vec![rule(r"\b(?:include|url|file|classpath)\b", KEYWORD)],
        )
        .with_state(
            "key",
            vec![
                groups(
                    r#"("(?:\"|[^"\n])*?")(\s*)([:=]|(?=\{))"#,
                    &[NAME_LABEL, WHITESPACE, PUNCTUATION],
                ),
                groups(
                    r"([-\w.]+)(\s*)([:=]|(?=\{))",
                    &[NAME_LABEL, WHITESPACE, PUNCTUATION],
                ),
            ],
        )
        .with_state(
            "value",
            vec![
                include("comments"),
                rule(r"\n", WHITESPACE),
                rule(r"\s+", WHITESPACE),
                include("literals"),
                rule("[$][{][?]?", STR_INTERPOL).push("interpolation"),
                rule("\"\"\"", STR_DOUBLE).push("multiline_string"),
                rule("\"", STR_DOUBLE).push("string"),
                rule(r"\[", PUNCTUATION).push("array"),
                rule(r"\{", PUNCTUATION).push("object"),
                rule("[()=]", PUNCTUATION),
                rule(r#"[^$"{}\[\]:=,\+#`^?!@*&]+?"#, LITERAL),
            ],
        )
        .with_state(
            "interpolation",
            vec![
                rule(r"[\w\-\.]+?", NAME_VARIABLE),
                rule(r"\}", STR_INTERPOL).pop(),
            ],
        )
        .prepend(
            "string",
            vec![
                rule("[$][{][?]?", STR_INTERPOL).push("interpolation"),
                rule(r#"[^\\"\${]+"#, STR_DOUBLE),
            ],
        )
        .with_state(
            "multiline_string",
            vec![
                rule("\"[^\"]{1,2}", STR_DOUBLE),
                include("string"),
                rule("\"\"\"", STR_DOUBLE).pop(),
            ],
        )
        .prepend("literals", vec![rule(r"\d+\.(\d+\.?){3,}", LITERAL)])
}
