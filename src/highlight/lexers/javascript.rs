//! JavaScript (and the base TypeScript extends): regex-vs-division by state (`expr_start`),
//! object keys, template strings, keyword categories.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub const ID: &str = r"(?i:[\p{L}\p{Nl}$_][\p{Word}]*)";

pub struct JsWords {
    keywords: HashSet<&'static str>,
    declarations: HashSet<&'static str>,
    reserved: HashSet<&'static str>,
    constants: HashSet<&'static str>,
    builtins: HashSet<&'static str>,
}

const KEYWORDS: &str = "as async await break case catch continue debugger default delete do \
    else export finally from for if import in instanceof new of return super switch this throw \
    try typeof void while yield";
const DECLARATIONS: &str = "var let const with function class extends constructor get set static";
const RESERVED: &str = "enum implements interface package private protected public";
const CONSTANTS: &str = "true false null NaN Infinity undefined";
const BUILTINS: &str = "Array Boolean Date Error Function Math netscape Number Object Packages \
    RegExp String sun decodeURI decodeURIComponent encodeURI encodeURIComponent Error eval \
    isFinite isNaN parseFloat parseInt document window navigator self global Promise Set Map \
    WeakSet WeakMap Symbol Proxy Reflect Int8Array Uint8Array Uint8ClampedArray Int16Array \
    Uint16Array Uint16ClampedArray Int32Array Uint32Array Uint32ClampedArray Float32Array \
    Float64Array DataView ArrayBuffer";

impl JsWords {
    /// JavaScript's word sets, each extended by the given extra words.
    pub fn with(extra: [&'static str; 4]) -> JsWords {
        let set = |a: &'static str, b: &'static str| {
            a.split_whitespace().chain(b.split_whitespace()).collect()
        };
        JsWords {
            keywords: set(KEYWORDS, extra[0]),
            declarations: set(DECLARATIONS, extra[1]),
            reserved: set(RESERVED, extra[2]),
            constants: set(CONSTANTS, ""),
            builtins: set(BUILTINS, extra[3]),
        }
    }

    pub fn emit(&self, cx: &mut Ctx, w: &str) {
        if self.keywords.contains(w) {
            cx.token(KEYWORD, w);
            cx.push("expr_start");
        } else if self.declarations.contains(w) {
            cx.token(KEYWORD_DECLARATION, w);
            cx.push("expr_start");
        } else if self.reserved.contains(w) {
            cx.token(KEYWORD_RESERVED, w);
        } else if self.constants.contains(w) {
            cx.token(KEYWORD_CONSTANT, w);
        } else if self.builtins.contains(w) {
            cx.token(NAME_BUILTIN, w);
        } else {
            cx.token(NAME_OTHER, w);
        }
    }
}

static WORDS: Lazy<JsWords> = Lazy::new(|| JsWords::with(["", "", "", ""]));

fn word(cx: &mut Ctx, m: &Caps) {
    WORDS.emit(cx, m.all());
}

fn ternary(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("ternary");
    cx.push("expr_start");
}

/// JavaScript's states; `root_pre` and `stmt_pre` are tried first (TypeScript's additions).
pub fn states(
    word: Callback,
    root_pre: Vec<RuleDef>,
    stmt_pre: Vec<RuleDef>,
) -> Vec<(&'static str, Vec<RuleDef>)> {
    let mut root = root_pre;
    root.extend([
        rule(r"(?s)\A\s*#!.*?\n", COMMENT_PREPROC).push("statement"),
        rule(r"(?<=\n)(?=\s|/|<!--)", TEXT).push("expr_start"),
        include("comments_and_whitespace"),
        rule(
            r"\+\+|--|~|\?\?=?|&&|\|\||\\(?=\n)|<<|>>>?|===|!==",
            OPERATOR,
        )
        .push("expr_start"),
        rule(r"[-<>+*%&|\^/!=]=?", OPERATOR).push("expr_start"),
        rule(r"[(\[,]", PUNCTUATION).push("expr_start"),
        rule(";", PUNCTUATION).push("statement"),
        rule(r"[)\].]", PUNCTUATION),
        rule("`", STR_DOUBLE).push("template_string"),
        rule("[?][.]", PUNCTUATION),
        call("[?]", ternary),
        groups(r"(@)(\w+)?", &[PUNCTUATION, NAME_DECORATOR]).push("expr_start"),
        rule("[{}]", PUNCTUATION).push("statement"),
        call(ID, word),
        rule(r"[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", NUM_FLOAT),
        rule(r"(?i)0x[0-9a-fA-F]+", NUM_HEX),
        rule(r"(?i)0o[0-7][0-7_]*", NUM_OCT),
        rule(r"(?i)0b[01][01_]*", NUM_BIN),
        rule("[0-9]+", NUM_INTEGER),
        rule("\"", STR_DELIMITER).push("dq"),
        rule("'", STR_DELIMITER).push("sq"),
        rule(":", PUNCTUATION),
    ]);
    let mut statement = stmt_pre;
    statement.extend([
        rule(r"case\b", KEYWORD).goto("expr_start"),
        groups(format!(r"({ID})(\s*)(:)"), &[NAME_LABEL, TEXT, PUNCTUATION]),
        include("expr_start"),
    ]);
    vec![
        (
            "multiline_comment",
            vec![
                rule(r"[*]/", COMMENT_MULTILINE).pop(),
                rule(r"[^*/]+", COMMENT_MULTILINE),
                rule(r"[*/]", COMMENT_MULTILINE),
            ],
        ),
        (
            "comments_and_whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("<!--", COMMENT),
                rule(r"//.*?$", COMMENT_SINGLE),
                rule(r"/[*]", COMMENT_MULTILINE).push("multiline_comment"),
            ],
        ),
        (
            "expr_start",
            vec![
                include("comments_and_whitespace"),
                rule("/", STR_REGEX).goto("regex"),
                rule("[{]", PUNCTUATION).goto("object"),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "regex",
            vec![
                rule("/", STR_REGEX).goto("regex_end"),
                rule(r"[^/]\n", ERROR).pop(),
                rule(r"\n", ERROR).pop(),
                rule(r"\[\^", STR_ESCAPE).push("regex_group"),
                rule(r"\[", STR_ESCAPE).push("regex_group"),
                rule(r"\\.", STR_ESCAPE),
                rule(r"[(][?][:=<!]", STR_ESCAPE),
                rule(r"[{][\d,]+[}]", STR_ESCAPE),
                rule("[()?]", STR_ESCAPE),
                rule(".", STR_REGEX),
            ],
        ),
        (
            "regex_end",
            vec![rule("[gimuy]+", STR_REGEX).pop(), jump("").pop()],
        ),
        (
            "regex_group",
            vec![
                rule("/", STR_ESCAPE),
                rule(r"[^/]\n", ERROR).pop_n(2),
                rule(r"\]", STR_ESCAPE).pop(),
                rule(r"\\.", STR_ESCAPE),
                rule(".", STR_REGEX),
            ],
        ),
        ("root", root),
        (
            "dq",
            vec![
                rule(r#"\\[\\nrt"]?"#, STR_ESCAPE),
                rule(r#"[^\\"]+"#, STR_DOUBLE),
                rule("\"", STR_DELIMITER).pop(),
            ],
        ),
        (
            "sq",
            vec![
                rule(r"\\[\\nrt']?", STR_ESCAPE),
                rule(r"[^\\']+", STR_SINGLE),
                rule("'", STR_DELIMITER).pop(),
            ],
        ),
        ("statement", statement),
        (
            "object",
            vec![
                include("comments_and_whitespace"),
                rule("[{]", PUNCTUATION).push_self(),
                rule("[}]", PUNCTUATION).goto("statement"),
                groups(
                    format!(r"({ID})(\s*)(:)"),
                    &[NAME_ATTRIBUTE, TEXT, PUNCTUATION],
                )
                .push("expr_start"),
                rule(":", PUNCTUATION),
                include("root"),
            ],
        ),
        (
            "ternary",
            vec![rule(":", PUNCTUATION).goto("expr_start"), include("root")],
        ),
        (
            "template_string",
            vec![
                rule("[$][{]", PUNCTUATION).push("template_string_expr"),
                rule("`", STR_DOUBLE).pop(),
                rule(r"\\[$`]", STR_ESCAPE),
                rule(r"[^$`\\]+", STR_DOUBLE),
                rule(r"[\\$]", STR_DOUBLE),
            ],
        ),
        (
            "template_string_expr",
            vec![rule("[}]", PUNCTUATION).pop(), include("root")],
        ),
    ]
}

pub fn def() -> LexerDef {
    LexerDef::new(states(word, vec![], vec![]))
}
