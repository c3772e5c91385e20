//! scheme and vb (Visual Basic .NET).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static SCHEME_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("scheme", "keywords"));
static SCHEME_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("scheme", "builtins"));

fn scheme_head(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if SCHEME_KEYWORDS.contains(w) {
        KEYWORD
    } else if SCHEME_BUILTINS.contains(w) {
        NAME_BUILTIN
    } else {
        NAME_FUNCTION
    };
    cx.token(t, w);
    cx.pop(1);
}

pub fn scheme() -> LexerDef {
    let id = r"(?i:[a-z0-9!$\%&*+,/:<=>?@^_~|-]+)";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(";.*$", COMMENT_SINGLE),
                rule(r"\s+", TEXT),
                rule(r"-?\d+\.\d+", NUM_FLOAT),
                rule(r"-?\d+", NUM_INTEGER),
                rule("[+-]inf[.][f0]", NUM),
                rule("#b[01]+", NUM_BIN),
                rule("#o[0-7]+", NUM_OCT),
                rule("#d[0-9]+", NUM_INTEGER),
                rule("(?i)#x[0-9a-f]+", NUM_HEX),
                rule(r"#[ei][\d.]+", NUM_OTHER),
                rule(r#""(\\\\|\\"|[^"])*""#, STR),
                rule(format!("'{id}"), STR_SYMBOL),
                rule(r#"(?i)#\\([()/'"._!\$%& ?=+-]{1}|[a-z0-9]+)"#, STR_CHAR),
                rule("#t|#f", NAME_CONSTANT),
                rule("(?:'|#|`|,@|,|\\.)", OPERATOR),
                groups(r"(?s)(['#])(\s*)(\()", &[STR_SYMBOL, TEXT, PUNCTUATION]),
                rule(r"\(|\[", PUNCTUATION).push("command"),
                rule(r"\)|\]", PUNCTUATION),
                rule(id, NAME_VARIABLE),
            ],
        ),
        ("command", vec![call(id, scheme_head), jump("").pop()]),
    ])
}

static VB_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vb", "keywords"));
static VB_TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vb", "keywords_type"));
static VB_OPERATORS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vb", "operator_words"));

fn vb_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if VB_KEYWORDS.contains(w) {
        KEYWORD
    } else if VB_TYPES.contains(w) {
        KEYWORD_TYPE
    } else if VB_OPERATORS.contains(w) {
        OPERATOR_WORD
    } else if matches!(w, "Console" | "ConsoleColor") {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn vb() -> LexerDef {
    let id = r"(?i:[a-z_]\w*)";
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\n", TEXT).push("bol"),
                rule(r"(?i)rem\b.*?$", COMMENT_SINGLE),
                rule(r"(?s)%\{.*?%\}", COMMENT_MULTILINE),
                rule("'.*$", COMMENT_SINGLE),
            ],
        ),
        (
            "bol",
            // Rouge's empty rule here returns `:pop!` instead of calling it: it never pops.
            vec![rule(r"\s+", TEXT), rule("<.*?>", NAME_ATTRIBUTE), jump("")],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule(
                    r"[#]If\b.*?\bThen|[#]ElseIf\b.*?\bThen|[#]End\s+If|[#]Const|[#]ExternalSource.*?\n|[#]End\s+ExternalSource|[#]Region.*?\n|[#]End\s+Region|[#]ExternalChecksum",
                    COMMENT_PREPROC,
                ),
                rule("[.]", PUNCTUATION).push("dotted"),
                rule("[(){}!#,:]", PUNCTUATION),
                rule(
                    r"Option\s+(Strict|Explicit|Compare)\s+(On|Off|Binary|Text)",
                    KEYWORD_DECLARATION,
                ),
                rule(r"End\b", KEYWORD).push("end"),
                rule(r"(Dim|Const)\b", KEYWORD).push("dim"),
                rule(r"(Function|Sub|Property)\b", KEYWORD).push("funcname"),
                rule(r"(Class|Structure|Enum)\b", KEYWORD).push("classname"),
                rule(r"(Module|Namespace|Imports)\b", KEYWORD).push("namespace"),
                call(r"[A-Z]\w*", vb_word),
                rule(
                    r"&=|[*]=|/=|\\=|\^=|\+=|-=|<<=|>>=|<<|>>|:=|<=|>=|<>|[-&*/\\^+=<>.]",
                    OPERATOR,
                ),
                rule("\"", STR).push("string"),
                rule(format!(r"{id}[%&@!#\$]?"), NAME),
                rule("#.*?#", LITERAL_DATE),
                rule(r"(?i)(\d+\.\d*|\d*\.\d+)(f[+-]?\d+)?", NUM_FLOAT),
                rule(r"\d+([SILDFR]|US|UI|UL)?", NUM_INTEGER),
                rule("&H[0-9a-f]+([SILDFR]|US|UI|UL)?", NUM_INTEGER),
                rule("&O[0-7]+([SILDFR]|US|UI|UL)?", NUM_INTEGER),
                rule(r"_\n", KEYWORD),
            ],
        ),
        ("dotted", vec![include("whitespace"), rule(id, NAME).pop()]),
        (
            "string",
            vec![
                rule("\"\"", STR_ESCAPE),
                rule("\"C?", STR).pop(),
                rule("[^\"]+", STR),
            ],
        ),
        (
            "dim",
            vec![
                include("whitespace"),
                rule(id, NAME_VARIABLE).pop(),
                jump("").pop(),
            ],
        ),
        (
            "funcname",
            vec![include("whitespace"), rule(id, NAME_FUNCTION).pop()],
        ),
        (
            "classname",
            vec![include("whitespace"), rule(id, NAME_CLASS).pop()],
        ),
        (
            "namespace",
            vec![
                include("whitespace"),
                rule(format!("{id}([.]{id})*"), NAME_NAMESPACE).pop(),
            ],
        ),
        (
            "end",
            vec![
                include("whitespace"),
                rule(
                    r"(Function|Sub|Property|Class|Structure|Enum|Module|Namespace)\b",
                    KEYWORD,
                )
                .pop(),
                jump("").pop(),
            ],
        ),
    ])
}
