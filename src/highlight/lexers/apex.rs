//! Apex (Salesforce) and MoonScript.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("apex", "keywords"));
static DECLARATIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("apex", "declarations"));
static SOQL: Lazy<HashSet<&str>> = Lazy::new(|| word_set("apex", "soql"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("apex", "types"));

/// Rouge tests the whole match (prefix and suffix included) against the word lists.
fn apex_word(cx: &mut Ctx, m: &Caps) {
    let lower = m.all().to_lowercase();
    let upper = m.all().to_uppercase();
    let whole = if KEYWORDS.contains(lower.as_str()) || SOQL.contains(upper.as_str()) {
        Some(KEYWORD)
    } else if DECLARATIONS.contains(lower.as_str()) {
        Some(KEYWORD_DECLARATION)
    } else if TYPES.contains(lower.as_str()) {
        Some(KEYWORD_TYPE)
    } else if matches!(lower.as_str(), "true" | "false" | "null") {
        Some(KEYWORD_CONSTANT)
    } else if lower == "package" {
        Some(KEYWORD_NAMESPACE)
    } else if m.get(1) == "@" {
        Some(NAME_DECORATOR)
    } else {
        None
    };
    if let Some(t) = whole {
        return cx.token(t, m.all());
    }
    let middle = match (m.get(3), m.get(1)) {
        (":", _) => NAME_LABEL,
        ("(", _) => NAME_FUNCTION,
        (_, ".") => NAME_PROPERTY,
        _ => return cx.token(NAME, m.all()),
    };
    cx.token(OPERATOR, m.get(1));
    cx.token(middle, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
}

pub fn apex() -> LexerDef {
    let id = "(?i:[a-z_][a-z0-9_]*)";
    let digit = "(?:[0-9]_+[0-9]|[0-9])";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
                rule(r"(?:class|interface)\b", KEYWORD_DECLARATION).push("class"),
                rule(r"import\b", KEYWORD_NAMESPACE).push("import"),
                call(format!("(?i)([@$.]?)({id})([:(]?)"), apex_word),
                rule("\"", STR_DOUBLE).push("dq"),
                rule("'", STR_SINGLE).push("sq"),
                rule(
                    format!(r"{digit}+\.{digit}+([eE]{digit}+)?[fd]?"),
                    NUM_FLOAT,
                ),
                rule("(?i)0b(?:[01]_+[01]|[01])+", NUM_BIN),
                rule(r"(?i)0x(?:\h_+\h|\h)+", NUM_HEX),
                rule("0(?:[0-7]_+[0-7]|[0-7])+", NUM_OCT),
                rule(format!("{digit}+L?"), NUM_INTEGER),
                rule(r"[-+/*~^!%&<>|=.?]", OPERATOR),
                rule(r"[\[\](){},:;]", PUNCTUATION),
            ],
        ),
        (
            "class",
            vec![rule(r"\s+", TEXT), rule(id, NAME_CLASS).pop()],
        ),
        (
            "import",
            vec![
                rule(r"\s+", TEXT),
                rule(r"(?i)[a-z0-9_.]+\*?", NAME_NAMESPACE).pop(),
            ],
        ),
        ("escape", vec![rule(r#"\\[btnfr\\"']"#, STR_ESCAPE)]),
        (
            "dq",
            vec![
                include("escape"),
                rule(r#"[^\\"]+"#, STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        (
            "sq",
            vec![
                include("escape"),
                rule(r"[^\\']+", STR_DOUBLE),
                rule("'", STR_DOUBLE).pop(),
            ],
        ),
    ])
}

static LUA_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("lua", "builtins"));

fn moon_name(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    if LUA_BUILTINS.contains(w) {
        cx.token(NAME_BUILTIN, w);
    } else if let Some((a, b)) = w.split_once('.') {
        cx.token(NAME, a);
        cx.token(PUNCTUATION, ".");
        cx.token(NAME, b);
    } else {
        cx.token(NAME, w);
    }
}

pub fn moonscript() -> LexerDef {
    let ident = r"(?:\w\w*)";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("#!(.*?)$", COMMENT_PREPROC),
                rule("", TEXT).push("main"),
            ],
        ),
        (
            "base",
            vec![
                rule(r"(?i)(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'", NUM_FLOAT),
                rule(r"(?i)\d+e[+-]?\d+", NUM_FLOAT),
                rule("(?i)0x[0-9a-f]*", NUM_HEX),
                rule(r"\d+", NUM_INTEGER),
                rule(format!("@{ident}*"), NAME_VARIABLE_INSTANCE),
                rule(r"[A-Z]\w*", NAME_CLASS),
                rule("\"?[^\"]+\":", STR_SYMBOL),
                rule(format!("{ident}:"), STR_SYMBOL),
                rule(format!(":{ident}"), STR_SYMBOL),
                rule(r"\s+", WHITESPACE),
                rule(
                    r"(==|~=|!=|<=|>=|\.\.\.|\.\.|->|=>|[=+\-*/%^<>#!\\])",
                    OPERATOR,
                ),
                rule(r"[\[\]\{\}\(\)\.,:;]", PUNCTUATION),
                rule(r"(and|or|not)\b", OPERATOR_WORD),
                rule(
                    r"(break|class|continue|do|else|elseif|end|extends|for|if|import|in|repeat|return|switch|super|then|unless|until|using|when|with|while)\b",
                    KEYWORD,
                ),
                rule(r"(local|export)\b", KEYWORD_DECLARATION),
                rule(r"(true|false|nil)\b", KEYWORD_CONSTANT),
                call(
                    r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?",
                    moon_name,
                ),
            ],
        ),
        (
            "main",
            vec![
                rule("--.*$", COMMENT_SINGLE),
                rule(r"(?s)\[(=*)\[.*?\]\1\]", STR_HEREDOC),
                include("base"),
                rule("'", STR_SINGLE).push("sqs"),
                rule("\"", STR_DOUBLE).push("dqs"),
            ],
        ),
        (
            "sqs",
            vec![rule("'", STR_SINGLE).pop(), rule("[^']+", STR_SINGLE)],
        ),
        (
            "interpolation",
            vec![rule(r"\}", STR_INTERPOL).pop(), include("base")],
        ),
        (
            "dqs",
            vec![
                rule(r"#\{", STR_INTERPOL).push("interpolation"),
                rule("\"", STR_DOUBLE).pop(),
                rule("#[^{]", STR_DOUBLE),
                rule("[^\"#]+", STR_DOUBLE),
            ],
        ),
    ])
}
