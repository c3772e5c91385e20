//! OCaml and ReasonML (shared OCaml word lists and states).

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"(?i:[a-z_][\w']*)";
const UPPER_ID: &str = r"[A-Z][\w']*";
const OPERATOR_RE: &str = r"[;,_!$%&*+./:<=>?@^|~#-]+";
const KEYWORDS: &[&str] = &[
    "as",
    "assert",
    "begin",
    "class",
    "constraint",
    "do",
    "done",
    "downto",
    "else",
    "end",
    "exception",
    "external",
    "false",
    "for",
    "fun",
    "function",
    "functor",
    "if",
    "in",
    "include",
    "inherit",
    "initializer",
    "lazy",
    "let",
    "module",
    "mutable",
    "new",
    "nonrec",
    "object",
    "of",
    "open",
    "rec",
    "sig",
    "struct",
    "then",
    "to",
    "true",
    "try",
    "type",
    "val",
    "virtual",
    "when",
    "while",
    "with",
];

fn classify(cx: &mut Ctx, w: &str, extra: &[&str]) {
    let t = if KEYWORDS.contains(&w) || extra.contains(&w) {
        KEYWORD
    } else if matches!(
        w,
        "and" | "asr" | "land" | "lor" | "lsl" | "lxor" | "mod" | "or"
    ) {
        OPERATOR_WORD
    } else if matches!(
        w,
        "unit" | "int" | "float" | "bool" | "string" | "char" | "list" | "array"
    ) {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

fn ocaml_word(cx: &mut Ctx, m: &Caps) {
    classify(cx, m.all(), &["match", "raise"]);
}

fn reason_word(cx: &mut Ctx, m: &Caps) {
    classify(cx, m.all(), &["switch"]);
}

fn common(word: Callback, comments: Vec<RuleDef>, char_rule: &str) -> Vec<RuleDef> {
    let mut v = vec![
        rule(r"\s+", TEXT),
        rule(r"false|true|[(][)]|\[\]", NAME_BUILTIN_PSEUDO),
        rule(format!(r"{UPPER_ID}(?=\s*[.])"), NAME_NAMESPACE).push("dotted"),
        rule(format!("`{ID}"), NAME_TAG),
        rule(UPPER_ID, NAME_CLASS),
    ];
    v.extend(comments);
    v.extend([
        call(ID, word),
        rule(r"[(){}\[\];]+", PUNCTUATION),
        rule(OPERATOR_RE, OPERATOR),
        rule(r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", NUM_FLOAT),
        rule(r"(?i)0x\h[\h_]*", NUM_HEX),
        rule("(?i)0o[0-7][0-7_]*", NUM_OCT),
        rule("(?i)0b[01][01_]*", NUM_BIN),
        rule(r"\d[\d_]*", NUM_INTEGER),
        rule(r#"'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'"#, STR_CHAR),
        rule(char_rule.to_string(), STR_CHAR),
        rule("'", KEYWORD),
        rule("\"", STR_DOUBLE).push("string"),
        rule(format!("[~?]{ID}"), NAME_VARIABLE),
    ]);
    v
}

fn shared() -> Vec<(&'static str, Vec<RuleDef>)> {
    vec![
        (
            "string",
            vec![
                rule(r#"[^\\"]+"#, STR_DOUBLE),
                include("escape_sequence"),
                rule(r"\\\n", STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        (
            "escape_sequence",
            vec![
                rule(r#"\\[\\"'ntbr]"#, STR_ESCAPE),
                rule(r"\\\d{3}", STR_ESCAPE),
                rule(r"\\x\h{2}", STR_ESCAPE),
            ],
        ),
        (
            "dotted",
            vec![
                rule(r"\s+", TEXT),
                rule("[.]", PUNCTUATION),
                rule(format!(r"{UPPER_ID}(?=\s*[.])"), NAME_NAMESPACE),
                rule(UPPER_ID, NAME_CLASS).pop(),
                rule(ID, NAME).pop(),
                rule(r"[({\[]", PUNCTUATION).pop(),
            ],
        ),
    ]
}

pub fn ocaml() -> LexerDef {
    let mut states = shared();
    states.push((
        "root",
        common(
            ocaml_word,
            vec![rule("[(][*](?![)])", COMMENT).push("comment")],
            "'[.]'",
        ),
    ));
    states.push((
        "comment",
        vec![
            rule("[^(*)]+", COMMENT),
            rule("[(][*]", COMMENT).push_self(),
            rule("[*][)]", COMMENT).pop(),
            rule("[(*)]", COMMENT),
        ],
    ));
    LexerDef::new(states)
}

pub fn reasonml() -> LexerDef {
    let mut states = shared();
    states.push((
        "root",
        common(
            reason_word,
            vec![
                rule("//.*", COMMENT_SINGLE),
                rule(r"/\*", COMMENT_MULTILINE).push("comment"),
            ],
            "'[^'/]'",
        ),
    ));
    states.push((
        "comment",
        vec![
            rule("[^/*]+", COMMENT_MULTILINE),
            rule(r"/\*", COMMENT_MULTILINE).push("comment"),
            rule(r"\*/", COMMENT_MULTILINE).pop(),
            rule("[*/]", COMMENT_MULTILINE),
        ],
    ));
    LexerDef::new(states)
}
