//! Java: keywords by category, method declarations, annotations, constants vs classes.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = "[[:alpha:]_][[:word:]]*";

fn method(cx: &mut Ctx, m: &Caps) {
    cx.delegate("java", m.get(1));
    cx.token(NAME_FUNCTION, m.get(2));
    cx.token(TEXT, m.get(3));
    cx.token(OPERATOR, m.get(4));
}

pub fn def() -> LexerDef {
    let digit = "(?:[0-9]_+[0-9]|[0-9])";
    let bin = "(?:[01]_+[01]|[01])";
    let oct = "(?:[0-7]_+[0-7]|[0-7])";
    let hex = "(?i:[0-9a-f]_+[0-9a-f]|[0-9a-f])";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"[^\S\n]+", TEXT),
                rule(r"//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
                rule(
                    r"(?:assert|break|case|catch|continue|default|do|else|finally|for|if|goto|instanceof|new|return|switch|this|throw|try|while)\b",
                    KEYWORD,
                ),
                call(
                    r"(?s)(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()",
                    method,
                ),
                rule(format!("@{ID}"), NAME_DECORATOR),
                rule(
                    r"(?:abstract|const|enum|extends|final|implements|native|private|protected|public|static|strictfp|super|synchronized|throws|transient|volatile)\b",
                    KEYWORD_DECLARATION,
                ),
                rule(
                    r"(?:boolean|byte|char|double|float|int|long|short|var|void)\b",
                    KEYWORD_TYPE,
                ),
                rule(r"(?:true|false|null)\b", KEYWORD_CONSTANT),
                rule(r"(?:class|interface)\b", KEYWORD_DECLARATION).push("class"),
                rule(r"(?:import|package)\b", KEYWORD_NAMESPACE).push("import"),
                rule(r#""(\\\\|\\"|[^"])*""#, STR),
                rule(r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", STR_CHAR),
                groups(format!(r"(\.)({ID})"), &[OPERATOR, NAME_ATTRIBUTE]),
                rule(format!("{ID}:"), NAME_LABEL),
                rule(r"[[:upper:]][[:upper:][:digit:]_]*\b", NAME_CONSTANT),
                rule(r"[[:upper:]][[:alnum:]]*\b", NAME_CLASS),
                rule(format!(r"\$?{ID}"), NAME),
                rule(r"[~^*!%&\[\](){}<>\|+=:;,./?-]", OPERATOR),
                rule(
                    format!(r"{digit}+\.{digit}+([eE]{digit}+)?[fd]?"),
                    NUM_FLOAT,
                ),
                rule(format!("(?i:0b){bin}+"), NUM_BIN),
                rule(format!("(?i:0x){hex}+"), NUM_HEX),
                rule(format!("0{oct}+"), NUM_OCT),
                rule(format!("{digit}+L?"), NUM_INTEGER),
                rule(r"\n", TEXT),
            ],
        ),
        (
            "class",
            vec![rule(r"\s+", TEXT), rule(ID, NAME_CLASS).pop()],
        ),
        (
            "import",
            vec![
                rule(r"\s+", TEXT),
                rule(r"(?i)[a-z0-9_.]+\*?", NAME_NAMESPACE).pop(),
            ],
        ),
    ])
}
