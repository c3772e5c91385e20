//! ActionScript (JavaScript-like expression/regex handling), and MXML (XML with
//! ActionScript in CDATA sections and `{}` attribute bindings).

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = "[$a-zA-Z_][a-zA-Z0-9_]*";

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let has = |list: &str| list.split_whitespace().any(|x| x == w);
    if has(
        "for in while do break return continue switch case default if else throw try \
            catch finally new delete typeof is this with",
    ) {
        cx.token(KEYWORD, w);
        cx.push("expr_start");
    } else if has("var with function") {
        cx.token(KEYWORD_DECLARATION, w);
        cx.push("expr_start");
    } else {
        let t = if has(
            "dynamic final internal native public protected private class const \
                        override static package interface extends implements namespace set \
                        get import include super flash_proxy object_proxy trace",
        ) {
            KEYWORD_RESERVED
        } else if has("true false null NaN Infinity undefined") {
            KEYWORD_CONSTANT
        } else if has(
            "void Function Math Class Object RegExp decodeURI decodeURIComponent \
                       encodeURI encodeURIComponent eval isFinite isNaN parseFloat parseInt \
                       this",
        ) {
            NAME_BUILTIN
        } else {
            NAME_OTHER
        };
        cx.token(t, w);
    }
}

fn ternary(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("ternary");
    cx.push("expr_start");
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "comments_and_whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
            ],
        ),
        (
            "expr_start",
            vec![
                include("comments_and_whitespace"),
                rule("/", STR_REGEX).goto("regex"),
                rule("[{]", PUNCTUATION).push("object"),
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
                rule("[(][?][:=<!]", STR_ESCAPE),
                rule(r"[{][\d,]+[}]", STR_ESCAPE),
                rule("[()?]", STR_ESCAPE),
                rule(".", STR_REGEX),
            ],
        ),
        (
            "regex_end",
            vec![rule("[gim]+", STR_REGEX).pop(), jump("").pop()],
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
        (
            "root",
            vec![
                rule(r"(?s)\A\s*#!.*?\n", COMMENT_PREPROC).push("statement"),
                rule(r"\n", TEXT).push("statement"),
                rule(r"(?<=\n)(?=\s|/|<!--)", TEXT).push("expr_start"),
                include("comments_and_whitespace"),
                rule(r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|===|!==", OPERATOR).push("expr_start"),
                rule(r"[:-<>+*%&|\^/!=]=?", OPERATOR).push("expr_start"),
                rule(r"[(\[,]", PUNCTUATION).push("expr_start"),
                rule(";", PUNCTUATION).push("statement"),
                rule(r"[)\].]", PUNCTUATION),
                call("[?]", ternary),
                rule("[{}]", PUNCTUATION).push("statement"),
                call(ID, word),
                rule(r"\-?[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", NUM_FLOAT),
                rule("0x[0-9a-fA-F]+", NUM_HEX),
                rule(r"\-?[0-9]+", NUM_INTEGER),
                rule(r#""(\\\\|\\"|[^"])*""#, STR_DOUBLE),
                rule(r"'(\\\\|\\'|[^'])*'", STR_SINGLE),
            ],
        ),
        (
            "statement",
            vec![
                groups(format!(r"({ID})(\s*)(:)"), &[NAME_LABEL, TEXT, PUNCTUATION]),
                rule("[{}]", PUNCTUATION),
                include("expr_start"),
            ],
        ),
        (
            "object",
            vec![
                include("comments_and_whitespace"),
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
    ])
}

fn as_code(cx: &mut Ctx, m: &Caps) {
    cx.delegate("actionscript", m.all());
}

pub fn mxml() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("[^<&]+", TEXT),
                rule(r"&\S*?;", NAME_ENTITY),
                rule(r"<!\[CDATA\[", COMMENT_PREPROC).push("actionscript_content"),
                rule("<!--", COMMENT).push("comment"),
                rule(r"<\?.*?\?>", COMMENT_PREPROC),
                rule("<![^>]*>", COMMENT_PREPROC),
                rule(r"(?s)<\s*[\w:.-]+", NAME_TAG).push("tag"),
                rule(r"(?s)<\s*/\s*[\w:.-]+\s*>", NAME_TAG),
            ],
        ),
        (
            "comment",
            vec![
                rule("[^-]+", COMMENT),
                rule("-->", COMMENT).pop(),
                rule("-", COMMENT),
            ],
        ),
        (
            "tag",
            vec![
                rule(r"\s+", TEXT),
                rule(r"[\w.:-]+\s*=", NAME_ATTRIBUTE).push("attribute"),
                rule(r"/?\s*>", NAME_TAG).push("root"),
            ],
        ),
        (
            "attribute",
            vec![
                rule(r"\s+", TEXT),
                groups(r#"(")(\{|@\{)"#, &[STR, PUNCTUATION]).push("actionscript_attribute"),
                rule(r#"".*?"|'.*?'|[^\s>]+"#, STR).push("tag"),
            ],
        ),
        (
            "actionscript_content",
            vec![
                rule(r"\]\]>", COMMENT_PREPROC).pop(),
                call(r"(?s).*?(?=\]\]>)", as_code),
            ],
        ),
        (
            "actionscript_attribute",
            vec![
                groups(r#"(\})(")"#, &[PUNCTUATION, STR]).push("tag"),
                call(r#"(?s).*?(?=\}")"#, as_code),
            ],
        ),
    ])
}
