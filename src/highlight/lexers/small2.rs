//! More small languages: cmhg, escape, rego, jsl, prolog, dot, io.

use std::collections::HashMap;

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn cmhg() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r";[^\n]*", COMMENT),
            groups(
                r"^([ \t]*)(#[ \t]*(?:(?:define|elif|else|endif|error|if|ifdef|ifndef|include|line|pragma|undef|warning)(?:[ \t].*)?)?)(?=\n)",
                &[TEXT, COMMENT_PREPROC],
            ),
            rule("[-a-z]+:", KEYWORD_DECLARATION),
            rule(r"(?i)[a-z_]\w+", NAME_ENTITY),
            rule("\"[^\"]*\"", STR),
            rule(r"(?:&|0x)\h+", NUM_HEX),
            rule(r"\d+", NUM),
            rule("[,/()]", PUNCTUATION),
            rule(r"[ \t]+", TEXT),
            rule(r"\n+", TEXT),
        ],
    )])
}

/// `escape`: text between `?start=` and `?end=` markers (default `<!` `!>`) is an Escape
/// token; the rest is lexed by `?lang=` (plain text by default).
pub fn escape() -> LexerDef {
    LexerDef::custom(lex_escape)
}

fn lex_escape(st: &mut LexState, text: &str, out: &mut Tokens) {
    let start = st.opts.get("start").cloned().unwrap_or_else(|| "<!".into());
    let end = st.opts.get("end").cloned().unwrap_or_else(|| "!>".into());
    let lang = st
        .opts
        .get("lang")
        .cloned()
        .unwrap_or_else(|| "plaintext".into());
    let mut inner = crate::highlight::registry::meta(&lang)
        .map(|m| crate::highlight::new_state(m.0, HashMap::new()))
        .unwrap_or_else(|| crate::highlight::new_state("plaintext", HashMap::new()));
    let mut rest = text;
    loop {
        match (!start.is_empty()).then(|| rest.find(&start)).flatten() {
            Some(i) => {
                inner.continue_lex(&rest[..i], out);
                rest = &rest[i + start.len()..];
            }
            None => {
                inner.continue_lex(rest, out);
                return;
            }
        }
        match (!end.is_empty()).then(|| rest.find(&end)).flatten() {
            Some(i) => {
                if i > 0 {
                    out.push(ESCAPE, &rest[..i]);
                }
                rest = &rest[i + end.len()..];
            }
            None => {
                if !rest.is_empty() {
                    out.push(ESCAPE, rest);
                }
                return;
            }
        }
    }
}

fn rego_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if matches!(w, "true" | "false" | "null") {
        KEYWORD_CONSTANT
    } else if matches!(
        w,
        "as" | "default" | "else" | "import" | "not" | "package" | "some" | "with"
    ) {
        OPERATOR_WORD
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn rego() -> LexerDef {
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*", COMMENT_SINGLE),
                rule(r"[\[\](){}|.,;!]", PUNCTUATION),
                rule("\"[^\"]*\"", STR_DOUBLE),
                rule(r"-?\d+\.\d+([eE][+-]?\d+)?", NUM_FLOAT),
                rule(r"-?\d+([eE][+-]?\d+)?", NUM),
                rule(r"\\u[0-9a-fA-F]{4}", NUM_HEX),
                rule(r#"\\["/bfnrt]"#, STR_ESCAPE),
            ],
        ),
        (
            "operators",
            vec![
                rule(r"(=|!=|>=|<=|>|<|\+|-|\*|%|/|\||&|:=)", OPERATOR),
                rule("[/:?@^~]+", OPERATOR),
            ],
        ),
        (
            "root",
            vec![
                include("basic"),
                include("operators"),
                call("[[:word:]]+", rego_word),
            ],
        ),
    ])
}

pub fn jsl() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", WHITESPACE),
                rule("//.*?$", COMMENT_SINGLE),
                rule("/[*].*?", COMMENT_MULTILINE).push("comment"),
                rule("<<", OPERATOR).push("message"),
                groups(
                    r"(?i)(::|:)?([a-z_][\w\s'%.\\]*)(\()",
                    &[PUNCTUATION, KEYWORD, PUNCTUATION],
                ),
                rule(
                    r"(?i)\d{2}(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\d{2}(\d{2})?(:\d{2}:\d{2}(:\d{2}(\.\d*)?)?)?",
                    LITERAL_DATE,
                ),
                rule(
                    r"(?i)-?(?:[0-9]+(?:[.][0-9]+)?|[.][0-9]*)(?:e[+-]?[0-9]+)?i?",
                    NUM,
                ),
                groups(
                    r#"(?i)(::|:)?([a-z_][\w\s'%.\\]*|"(?:\\!"|[^"])*?"n)"#,
                    &[PUNCTUATION, NAME_VARIABLE],
                ),
                groups(
                    r#"(?s)(")(\\\[)(.*?)(\]\\)(")"#,
                    &[STR_DOUBLE, STR_ESCAPE, STR_DOUBLE, STR_ESCAPE, STR_DOUBLE],
                ),
                rule("\"", STR_DOUBLE).push("dq"),
                rule(r"[-+*/!%&<>\|=:`^]", OPERATOR),
                rule(r"[\[\](){},;]", PUNCTUATION),
            ],
        ),
        (
            "message",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"(?i)[a-z_][\w\s'%.\\]*", NAME_FUNCTION),
                rule("[(),;]", PUNCTUATION).pop(),
                rule("[&|!=<>]", OPERATOR).pop(),
            ],
        ),
        (
            "dq",
            vec![
                rule(r#"\\![btrnNf0\\"]"#, STR_ESCAPE),
                rule(r"\\", STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
                rule(r#"(?s)[^\\"]+"#, STR_DOUBLE),
            ],
        ),
        (
            "comment",
            vec![
                rule("/[*]", COMMENT_MULTILINE).push("comment"),
                rule("[*]/", COMMENT_MULTILINE).pop(),
                rule("[^/*]+", COMMENT_MULTILINE),
                rule("[/*]", COMMENT_MULTILINE),
            ],
        ),
    ])
}

fn push_bol(st: &mut LexState) {
    st.push("bol");
}

pub fn prolog() -> LexerDef {
    LexerDef::new(vec![
        ("bol", vec![rule("#.*", COMMENT_SINGLE), jump("").pop()]),
        (
            "basic",
            vec![
                rule(r"\s+", TEXT),
                rule("%.*", COMMENT_SINGLE),
                rule(r"/\*", COMMENT_MULTILINE).push("nested_comment"),
                rule(r"[\[\](){}|.,;!]", PUNCTUATION),
                rule(":-|-->", PUNCTUATION),
                rule("\"[^\"]*\"", STR_DOUBLE),
                rule(r"\d+\.\d+", NUM_FLOAT),
                rule(r"\d+", NUM),
            ],
        ),
        (
            "atoms",
            vec![
                rule("[[:lower:]]([[:word:]])*", STR_SYMBOL),
                rule("'[^']*'", STR_SYMBOL),
            ],
        ),
        (
            "operators",
            vec![
                rule(
                    r"(<|>|=<|>=|==|=:=|=|/|//|\*|\+|-)(?=\s|[a-zA-Z0-9\[])",
                    OPERATOR,
                ),
                rule("is", OPERATOR),
                rule("(mod|div|not)", OPERATOR),
                rule(r"[#&*+-./:<=>?@^~]+", OPERATOR),
            ],
        ),
        (
            "variables",
            vec![
                rule(r"[A-Z]+\w*", NAME_VARIABLE),
                rule("_[[:word:]]*", NAME_VARIABLE),
            ],
        ),
        (
            "root",
            vec![
                include("basic"),
                include("atoms"),
                include("variables"),
                include("operators"),
            ],
        ),
        (
            "nested_comment",
            vec![
                rule(r"/\*", COMMENT_MULTILINE).push_self(),
                rule(r"\s*\*[^*/]+", COMMENT_MULTILINE),
                rule(r"\*/", COMMENT_MULTILINE).pop(),
            ],
        ),
    ])
    .with_start(push_bol)
}

fn dot_html(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("html", m.all());
}

fn dot_html_open(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.reset_sub("html");
    cx.push("html");
}

pub fn dot() -> LexerDef {
    LexerDef::new(vec![
        (
            "comments_and_whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*", COMMENT_SINGLE),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", COMMENT_MULTILINE),
            ],
        ),
        (
            "html",
            vec![
                call("[^<>]+", dot_html),
                call("(?s)<.+?>", dot_html),
                rule(">", PUNCTUATION).pop(),
            ],
        ),
        (
            "ID",
            vec![
                groups(
                    r"([a-zA-Z][a-zA-Z_0-9]*)(\s*)(=)",
                    &[NAME, TEXT, PUNCTUATION],
                ),
                rule("[a-zA-Z][a-zA-Z_0-9]*", NAME_VARIABLE),
                rule(r"([0-9]+)?\.[0-9]+", NUM_FLOAT),
                rule("[0-9]+", NUM_INTEGER),
                rule(r#""(\\"|[^"])*""#, STR_DOUBLE),
                call("<", dot_html_open),
            ],
        ),
        (
            "a_list",
            vec![
                include("comments_and_whitespace"),
                include("ID"),
                rule("[=;,]", PUNCTUATION),
                rule(r"\]", OPERATOR).pop(),
            ],
        ),
        (
            "root",
            vec![
                include("comments_and_whitespace"),
                rule(
                    r"(?i)\b(strict|graph|digraph|subgraph|node|edge)\b",
                    KEYWORD,
                ),
                rule("[{};:=]", PUNCTUATION),
                rule("-[->]", OPERATOR),
                rule(r"\[", OPERATOR).push("a_list"),
                include("ID"),
            ],
        ),
    ])
}

fn io_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if matches!(w, "nil" | "false" | "true") {
        KEYWORD_CONSTANT
    } else if matches!(
        w,
        "args"
            | "call"
            | "clone"
            | "do"
            | "doFile"
            | "doString"
            | "else"
            | "elseif"
            | "for"
            | "if"
            | "list"
            | "method"
            | "return"
            | "super"
            | "then"
    ) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn io() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*", COMMENT_SINGLE),
                rule("#.*", COMMENT_SINGLE),
                rule(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", COMMENT_MULTILINE),
                rule("/[+]", COMMENT_MULTILINE).push("nested_comment"),
                rule(r#""(\\\\|\\"|[^"])*""#, STR),
                rule(":?:=", KEYWORD),
                rule("[()]", PUNCTUATION),
                rule(r"[-=;,*+><!/|^.%&\[\]{}]", OPERATOR),
                rule(r"[A-Z]\w*", NAME_CLASS),
                call(r"[a-z_]\w*", io_word),
                rule(r"(?i)(\d+[.]?\d*|\d*[.]\d+)(e[+-]?[0-9]+)?", NUM_FLOAT),
                rule(r"\d+", NUM_INTEGER),
                rule("@@?", KEYWORD),
            ],
        ),
        (
            "nested_comment",
            vec![
                rule("(?s)[^/+]+", COMMENT_MULTILINE),
                rule("/[+]", COMMENT_MULTILINE).push("nested_comment"),
                rule("[+]/", COMMENT_MULTILINE).pop(),
            ],
        ),
    ])
}
