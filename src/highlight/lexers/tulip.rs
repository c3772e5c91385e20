//! Tulip and ReScript.

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn tulip() -> LexerDef {
    let id = r"(?i:[a-z][\w-]*)";
    LexerDef::new(vec![
        (
            "comments_and_whitespace",
            vec![rule(r"\s+", TEXT), rule("#.*?$", COMMENT)],
        ),
        (
            "root",
            vec![
                include("comments_and_whitespace"),
                rule(format!("@{id}"), KEYWORD),
                groups(format!(r"(\\{id})([{{])"), &[NAME_FUNCTION, STR]).push("nested_string"),
                groups(format!("([+]{id})([{{])"), &[NAME_DECORATOR, STR]).push("nested_string"),
                rule(format!(r"\\{id}"), NAME_FUNCTION),
                rule(format!("[+]{id}"), NAME_DECORATOR),
                rule("\"[{]", STR).push("dqi"),
                rule("\"", STR).push("dq"),
                rule("'\\{", STR).push("nested_string"),
                rule(format!("'{id}"), STR),
                rule(format!("[.]{id}"), NAME_TAG),
                rule(format!("[$](?:{id})?"), NAME_VARIABLE),
                rule(format!("-{id}:?"), NAME_LABEL),
                rule(format!("%{id}"), NAME_FUNCTION),
                rule(format!("`{id}"), OPERATOR_WORD),
                rule(r"[?~%._>,!\[\]:{}()=;/-]", PUNCTUATION),
                rule("[0-9]+([.][0-9]+)?", NUM),
                rule(id, NAME),
                rule("<", COMMENT_PREPROC).push("angle_brackets"),
            ],
        ),
        (
            "dq",
            vec![
                rule(r#"[^\\"]+"#, STR),
                rule("\"", STR).pop(),
                rule(r"\\.", STR_ESCAPE),
            ],
        ),
        (
            "dqi",
            vec![
                rule("[$][(]", STR_INTERPOL).push("interp_root"),
                rule("[{]", STR).push("dqi"),
                rule("[}]", STR).pop(),
                rule("[^{}$]+", STR),
                rule(".", STR),
            ],
        ),
        (
            "interp_root",
            vec![rule("[)]", STR_INTERPOL).pop(), include("interp")],
        ),
        (
            "interp",
            vec![
                rule("[(]", PUNCTUATION).push("interp"),
                rule("[)]", PUNCTUATION).pop(),
                include("root"),
            ],
        ),
        (
            "nested_string",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule(r"\{", STR).push("nested_string"),
                rule(r"\}", STR).pop(),
                rule(r"[^{}\\]+", STR),
            ],
        ),
        (
            "angle_brackets",
            vec![
                include("comments_and_whitespace"),
                rule(">", COMMENT_PREPROC).pop(),
                rule("[*:]", PUNCTUATION),
                rule(r"[A-Z][\w-]*", KEYWORD_TYPE),
                rule(id, NAME_VARIABLE),
            ],
        ),
    ])
}

fn rescript_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let has = |l: &str| l.split_whitespace().any(|x| x == w);
    let t = if has(
        "open let rec and as exception assert lazy if else for in to downto while switch when \
         external type private mutable constraint include module of with try import export",
    ) {
        KEYWORD
    } else if has("mod land lor lxor lsl lsr asr or") {
        OPERATOR_WORD
    } else if has("bool int float char string unit list array option ref exn format") {
        KEYWORD_TYPE
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn rescript() -> LexerDef {
    let id = r"(?i:[a-z_][\w']*)";
    let upper = r"[A-Z][\w']*";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(r"[,.:?~\\]", TEXT),
                rule(r"\btrue|false\b", KEYWORD_CONSTANT),
                rule(format!(r"{upper}(?=\s*[.])"), NAME_NAMESPACE).push("dotted"),
                rule(format!(r"@{id}(\.{id})*"), NAME_DECORATOR),
                rule(format!(r"\#{id}"), NAME_CLASS),
                rule(upper, NAME_CLASS),
                rule("//.*", COMMENT_SINGLE),
                rule(r"/\*", COMMENT_MULTILINE).push("comment"),
                call(id, rescript_word),
                rule(r"[(){}\[\];]+", PUNCTUATION),
                rule(r"[;_!$%&*+/<=>@^|-]+", OPERATOR),
                rule(r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", NUM_FLOAT),
                rule(r"(?i)0x\h[\h_]*", NUM_HEX),
                rule("(?i)0o[0-7][0-7_]*", NUM_OCT),
                rule("(?i)0b[01][01_]*", NUM_BIN),
                rule(r"\d[\d_]*", NUM_INTEGER),
                rule(r#"'(?:(\\[\\"'ntbr ])|(\\[0-9]{3})|(\\x\h{2}))'"#, STR_CHAR),
                rule("'[^'/]'", STR_CHAR),
                rule("'", KEYWORD),
                rule("\"", STR_DOUBLE).push("string"),
                rule("`", STR_DOUBLE).push("interpolated_string"),
            ],
        ),
        (
            "comment",
            vec![
                rule(r"[^/\*]+", COMMENT_MULTILINE),
                rule(r"/\*", COMMENT_MULTILINE).push("comment"),
                rule(r"\*/", COMMENT_MULTILINE).pop(),
                rule("[*/]", COMMENT_MULTILINE),
            ],
        ),
        (
            "interpolated_string",
            vec![
                rule(r"[$]\{", PUNCTUATION).push("interpolated_expression"),
                rule("`", STR_DOUBLE).pop(),
                rule(r"\\[$`]", STR_ESCAPE),
                rule(r"[^$`\\]+", STR_DOUBLE),
                rule(r"[\\$]", STR_DOUBLE),
            ],
        ),
        (
            "interpolated_expression",
            vec![rule(r"\}", PUNCTUATION).pop(), include("root")],
        ),
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
                rule(format!(r"{upper}(?=\s*[.])"), NAME_NAMESPACE),
                rule(upper, NAME_CLASS).pop(),
                rule(id, NAME).pop(),
                rule(r"[({\[]", PUNCTUATION).pop(),
            ],
        ),
    ])
}
