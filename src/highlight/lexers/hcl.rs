//! HCL and Terraform: blocks, hashes, arrays, heredocs; Terraform adds `${}` interpolation
//! and its block keywords.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const TF_KEYWORDS: &[&str] = &[
    "terraform",
    "module",
    "provider",
    "variable",
    "resource",
    "data",
    "provisioner",
    "output",
];
const TF_DECLARATIONS: &[&str] = &["var", "local"];

fn heredoc_start(cx: &mut Ctx, m: &Caps) {
    let toks = [
        OPERATOR,
        TEXT,
        STR_HEREDOC,
        STR_HEREDOC,
        NAME_CONSTANT,
        STR_HEREDOC,
    ];
    for (i, t) in toks.iter().enumerate() {
        cx.token(t, m.get(i + 1));
    }
    cx.st.vars.insert("heredoc", m.get(5).to_string());
    cx.push("heredoc");
}

fn heredoc_line(cx: &mut Ctx, m: &Caps) {
    if cx.st.vars.get("heredoc").map(String::as_str) == Some(m.get(1)) {
        cx.token(NAME_CONSTANT, m.all());
        cx.pop(2);
    } else {
        cx.token(STR_HEREDOC, m.all());
    }
}

fn root_word(cx: &mut Ctx, w: &str, keywords: &[&str], decls: &[&str]) {
    if keywords.contains(&w) {
        cx.token(KEYWORD, w);
        cx.push("composite");
    } else if decls.contains(&w) {
        cx.token(KEYWORD_DECLARATION, w);
        cx.push("composite");
    } else if matches!(w, "true" | "false" | "null") {
        cx.token(KEYWORD_CONSTANT, w);
    } else {
        cx.token(NAME_OTHER, w);
        cx.push("composite");
    }
}

fn hcl_word(cx: &mut Ctx, m: &Caps) {
    root_word(cx, m.all(), &[], &[]);
}

fn tf_word(cx: &mut Ctx, m: &Caps) {
    root_word(cx, m.all(), TF_KEYWORDS, TF_DECLARATIONS);
}

fn tf_expr_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if TF_KEYWORDS.contains(&w) {
        KEYWORD
    } else if TF_DECLARATIONS.contains(&w) {
        KEYWORD_DECLARATION
    } else if matches!(w, "true" | "false" | "null") {
        KEYWORD_CONSTANT
    } else {
        NAME_OTHER
    };
    cx.token(t, w);
}

fn base(word: Callback) -> LexerDef {
    LexerDef::new(vec![
        (
            "multiline_comment",
            vec![
                rule("[*]/", COMMENT_MULTILINE).pop(),
                rule("[^*/]+", COMMENT_MULTILINE),
                rule("[*/]", COMMENT_MULTILINE),
            ],
        ),
        (
            "comments_and_whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule("#.*?$", COMMENT_SINGLE),
                rule("/[*]", COMMENT_MULTILINE).push("multiline_comment"),
            ],
        ),
        (
            "primitives",
            vec![
                rule(
                    r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?([kKmMgG]b?)?",
                    NUM_FLOAT,
                ),
                rule("[0-9]+([kKmMgG]b?)?", NUM_INTEGER),
                rule("\"", STR_DOUBLE).push("dq"),
                rule("'", STR_SINGLE).push("sq"),
                call(r"(<<-?)(\s*)('?)(\\?)(\w+)(\3)", heredoc_start),
            ],
        ),
        (
            "root",
            vec![
                include("comments_and_whitespace"),
                include("primitives"),
                rule(r"\{", PUNCTUATION).push("hash"),
                rule(r"\[", PUNCTUATION).push("array"),
                call("(?i)[$a-z_][a-z0-9_]*", word),
            ],
        ),
        (
            "composite",
            vec![
                include("comments_and_whitespace"),
                rule("[{]", PUNCTUATION).goto("hash"),
                rule(r"[\[]", PUNCTUATION).goto("array"),
                include("root"),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "hash",
            vec![
                include("comments_and_whitespace"),
                rule("=", PUNCTUATION),
                rule(r"\}", PUNCTUATION).pop(),
                include("root"),
            ],
        ),
        (
            "array",
            vec![
                include("comments_and_whitespace"),
                rule(",", PUNCTUATION),
                rule(r"\]", PUNCTUATION).pop(),
                include("root"),
            ],
        ),
        (
            "dq",
            vec![
                rule(r#"[^\\"]+"#, STR_DOUBLE),
                rule(r#"\\""#, STR_ESCAPE),
                rule("\"", STR_DOUBLE).pop(),
            ],
        ),
        (
            "sq",
            vec![
                rule(r"[^\\']+", STR_SINGLE),
                rule(r"\\'", STR_ESCAPE),
                rule("'", STR_SINGLE).pop(),
            ],
        ),
        (
            "heredoc",
            vec![
                rule(r"\n", STR_HEREDOC).push("heredoc_nl"),
                rule(r"[^$\n]+", STR_HEREDOC),
                rule("[$]", STR_HEREDOC),
            ],
        ),
        (
            "heredoc_nl",
            vec![call(r"\s*(\w+)\s*\n", heredoc_line), jump("").pop()],
        ),
    ])
}

pub fn hcl() -> LexerDef {
    base(hcl_word)
}

pub fn terraform() -> LexerDef {
    base(tf_word)
        .prepend("hash", vec![rule("[.,()*]", PUNCTUATION)])
        .prepend("array", vec![rule("[.,()*]", PUNCTUATION)])
        .with_state(
            "strings",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule(r"\$\{", KEYWORD).push("interpolation"),
            ],
        )
        .with_state(
            "dq",
            vec![
                rule(r#"[^\\"\$]+"#, STR_DOUBLE),
                include("strings"),
                rule("\"", STR_DOUBLE).pop(),
            ],
        )
        .with_state(
            "sq",
            vec![
                rule(r"[^\\'\$]+", STR_SINGLE),
                include("strings"),
                rule("'", STR_SINGLE).pop(),
            ],
        )
        .with_state(
            "heredoc",
            vec![
                rule(r"\n", STR_HEREDOC).push("heredoc_nl"),
                rule(r"[^$\n]+", STR_HEREDOC),
                rule("[$]", STR_HEREDOC),
                include("strings"),
            ],
        )
        .with_state(
            "interpolation",
            vec![rule(r"\}", KEYWORD).pop(), include("expression")],
        )
        .with_state(
            "regexps",
            vec![rule("\"/", STR_DELIMITER).goto("regexp_inner")],
        )
        .with_state(
            "regexp_inner",
            vec![
                rule(r#"[^"/\\]+"#, STR_REGEX),
                rule(r"\\.", STR_REGEX),
                rule("/\"", STR_DELIMITER).pop(),
                rule("[\"/]", STR_REGEX),
            ],
        )
        .with_state(
            "expression",
            vec![
                include("regexps"),
                include("primitives"),
                rule(r"\s+", TEXT),
                rule(r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|==|!=", OPERATOR),
                rule(r"[-<>+*%&|\^/!=?:]=?", OPERATOR),
                rule(r"[(\[,]", PUNCTUATION),
                rule(r"[)\].]", PUNCTUATION),
                call(r"(?i)[$a-z_\-][a-z0-9_\-]*", tf_expr_word),
            ],
        )
}
