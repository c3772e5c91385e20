//! XPath 3.1 and XQuery 3.1 (which extends XPath's root with XML constructors, prologs,
//! annotations, pragmas and string constructors).

use crate::highlight::engine::*;
use crate::highlight::token::*;

const NC: &str = r"(?i:[a-z_][a-z_\-.0-9]*)";
const OPEN: &str = r"\((?!:)";
const KIND: &str = r"(?:element|attribute|schema\-element|schema\-attribute|comment|text|node|document\-node|namespace\-node)";
const PI: &str = r"(?:processing\-instruction)";
const AXES: &str = r"(?:child|descendant|attribute|self|descendant\-or\-self|following\-sibling|following|namespace|parent|ancestor|preceding\-sibling|preceding|ancestor\-or\-self)";
const OPS: &str = r"(?:,|=>|=|:=|:|>=|>>|>|<=|<<|<|\-|\*|!=|\+|//|/|\|\||\|)";
const KEYWORDS: &str = r"(?:let|for|some|every|if|then|else|return|in|satisfies)";
const WORD_OPS: &str = r"(?:and|or|eq|ge|gt|le|lt|ne|is|div|mod|idiv|intersect|except|union|to)";
const CTOR: &str = r"(?:function|array|map|empty\-sequence)";
const STRING: &str = r#"("(("")|[^"])*")|('(('')|[^'])*')"#;
const XQUERY_KEYWORDS: &str = "xquery encoding version declare module namespace \
    copy-namespaces boundary-space construction default collation base-uri preserve strip \
    ordering ordered unordered order empty greatest least preserve no-preserve inherit \
    no-inherit decimal-format decimal-separator grouping-separator infinity minus-sign NaN \
    percent per-mille zero-digit digit pattern-separator exponent-separator import schema at \
    element option function external context item typeswitch switch case try catch validate \
    lax strict type document element attribute text comment processing-instruction for let \
    where order group by return allowing tumbling stable sliding window start end only when \
    previous next count collation ascending descending";

fn qname() -> String {
    format!("(?:{NC})(?::{NC})?")
}

fn eqname() -> String {
    format!(r"(?:Q\{{[^{{}}]*\}}{NC}|{})", qname())
}

fn itemtype_kind(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_TYPE, m.get(1));
    cx.token(WHITESPACE, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    cx.goto("occurrenceindicator");
    cx.push("kindtest");
}

fn itemtype_pi(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_TYPE, m.get(1));
    cx.token(WHITESPACE, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    cx.goto("occurrenceindicator");
    cx.push("kindtestforpi");
}

fn xpath_states() -> LexerDef {
    let eq = eqname();
    LexerDef::new(vec![
        (
            "commentsAndWhitespace",
            vec![
                rule(r"\(:", COMMENT).push("comment"),
                rule(r"\s+", WHITESPACE),
            ],
        ),
        (
            "root",
            vec![
                include("commentsAndWhitespace"),
                rule(r"(\.[0-9]+)|[0-9]+(\.[0-9]*)?[eE][+-]?[0-9]+", NUM_FLOAT),
                rule(r"\.[0-9]+|[0-9]+\.[0-9]*", NUM_FLOAT),
                rule(r"[0-9]+", NUM),
                rule(STRING, STR),
                rule(r"\$", NAME_VARIABLE).push("varname"),
                rule(OPS, OPERATOR),
                rule(format!(r"{WORD_OPS}\b"), OPERATOR_WORD),
                rule(format!(r"{KEYWORDS}\b"), KEYWORD),
                rule(r"[?,{}()\[\]]", PUNCTUATION),
                groups(
                    format!(r"(function)(\s*)({OPEN})"),
                    &[KEYWORD, WHITESPACE, PUNCTUATION],
                ),
                rule(r"(map|array|empty-sequence)", KEYWORD),
                groups(
                    format!(r"({KIND})(\s*)({OPEN})"),
                    &[KEYWORD, WHITESPACE, PUNCTUATION],
                )
                .push("kindtest"),
                groups(
                    format!(r"({PI})(\s*)({OPEN})"),
                    &[KEYWORD, WHITESPACE, PUNCTUATION],
                )
                .push("kindtestforpi"),
                groups(
                    format!(r"({eq})(\s*)({OPEN})"),
                    &[NAME_FUNCTION, WHITESPACE, PUNCTUATION],
                ),
                groups(
                    format!(r"({eq})(\s*)(#)(\s*)(\d+)"),
                    &[
                        NAME_FUNCTION,
                        WHITESPACE,
                        NAME_FUNCTION,
                        WHITESPACE,
                        NAME_FUNCTION,
                    ],
                ),
                groups(r"(cast|castable)(\s+)(as)", &[KEYWORD, WHITESPACE, KEYWORD])
                    .push("singletype"),
                groups(r"(treat)(\s+)(as)", &[KEYWORD, WHITESPACE, KEYWORD]).push("itemtype"),
                groups(r"(instance)(\s+)(of)", &[KEYWORD, WHITESPACE, KEYWORD]).push("itemtype"),
                rule(r"(as)\b", KEYWORD).push("itemtype"),
                groups(
                    format!(r"({NC})(\s*)(:)(\s*)(\*)"),
                    &[NAME_TAG, WHITESPACE, PUNCTUATION, WHITESPACE, OPERATOR],
                ),
                groups(
                    format!(r"(\*)(\s*)(:)(\s*)({NC})"),
                    &[OPERATOR, WHITESPACE, PUNCTUATION, WHITESPACE, NAME_TAG],
                ),
                groups(
                    format!(r"({AXES})(\s*)(::)"),
                    &[KEYWORD, WHITESPACE, OPERATOR],
                ),
                rule(r"\.\.|\.|\*", OPERATOR),
                rule(r"@", NAME_ATTRIBUTE).push("attrname"),
                rule(eq.clone(), NAME_TAG),
            ],
        ),
        (
            "singletype",
            vec![
                include("commentsAndWhitespace"),
                rule(eq.clone(), KEYWORD_TYPE).pop(),
            ],
        ),
        (
            "itemtype",
            vec![
                include("commentsAndWhitespace"),
                call(format!(r"({KIND})(\s*)({OPEN})"), itemtype_kind),
                call(format!(r"({PI})(\s*)({OPEN})"), itemtype_pi),
                groups(
                    format!(r"(item)(\s*)({OPEN})(\s*)(\))"),
                    &[
                        KEYWORD_TYPE,
                        WHITESPACE,
                        PUNCTUATION,
                        WHITESPACE,
                        PUNCTUATION,
                    ],
                )
                .goto("occurrenceindicator"),
                groups(
                    format!(r"({CTOR})(\s*)({OPEN})"),
                    &[KEYWORD_TYPE, WHITESPACE, PUNCTUATION],
                ),
                groups(r"(cast|castable)(\s+)(as)", &[KEYWORD, WHITESPACE, KEYWORD])
                    .goto("singletype"),
                groups(r"(treat)(\s+)(as)", &[KEYWORD, WHITESPACE, KEYWORD]).goto("itemtype"),
                groups(r"(instance)(\s+)(of)", &[KEYWORD, WHITESPACE, KEYWORD]).goto("itemtype"),
                rule(r"(as)\b", KEYWORD),
                rule(OPS, OPERATOR).pop(),
                rule(format!(r"{WORD_OPS}\b"), OPERATOR_WORD).pop(),
                rule(format!(r"{KEYWORDS}\b"), KEYWORD).pop(),
                rule(r"[\[),]", PUNCTUATION).pop(),
                rule(eq.clone(), KEYWORD_TYPE).goto("occurrenceindicator"),
            ],
        ),
        (
            "kindtest",
            vec![
                include("commentsAndWhitespace"),
                rule(r"[?*]", OPERATOR),
                rule(r",", PUNCTUATION),
                groups(
                    format!(r"(element|schema-element)(\s*)({OPEN})"),
                    &[KEYWORD_TYPE, WHITESPACE, PUNCTUATION],
                )
                .push("kindtest"),
                rule(eq.clone(), NAME_TAG),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        (
            "kindtestforpi",
            vec![
                include("commentsAndWhitespace"),
                rule(NC, NAME),
                rule(STRING, STR),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        (
            "occurrenceindicator",
            vec![
                include("commentsAndWhitespace"),
                rule(r"[?*+]", OPERATOR).pop(),
                jump(r"(?![?*+])").pop(),
            ],
        ),
        (
            "varname",
            vec![
                include("commentsAndWhitespace"),
                groups(
                    format!(r"({eq})(\s*)({OPEN})"),
                    &[NAME_VARIABLE, WHITESPACE, PUNCTUATION],
                )
                .pop(),
                rule(eq.clone(), NAME_VARIABLE).pop(),
            ],
        ),
        (
            "attrname",
            vec![
                include("commentsAndWhitespace"),
                rule(eq, NAME_ATTRIBUTE).pop(),
                rule(r"\*", OPERATOR).pop(),
            ],
        ),
        (
            "comment",
            vec![
                rule(r":\)", COMMENT).pop(),
                rule(r"\(:", COMMENT).push("comment"),
                rule(r"[^:(]+", COMMENT),
                rule(r"[:(]", COMMENT),
            ],
        ),
    ])
}

pub fn def() -> LexerDef {
    xpath_states()
}

fn close_brace(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    if cx.st.stack.len() > 1 {
        cx.pop(1);
    }
}

pub fn xquery() -> LexerDef {
    let q = qname();
    let eq = eqname();
    let words: Vec<&str> = XQUERY_KEYWORDS.split_whitespace().collect();
    let xq_keywords = format!(
        "(?:{KEYWORDS}|(?:{}))",
        words
            .iter()
            .map(|w| w.replace('-', r"\-"))
            .collect::<Vec<_>>()
            .join("|")
    );
    xpath_states()
        .prepend(
            "root",
            vec![
                include("tags"),
                rule(r"\{", PUNCTUATION),
                call(r"\}`?", close_brace),
                groups(
                    format!(r"(namespace)(\s+)({NC})"),
                    &[KEYWORD, WHITESPACE, NAME_NAMESPACE],
                ),
                rule(format!(r"({xq_keywords})\b"), KEYWORD),
                rule(r";", PUNCTUATION),
                rule(r"%", KEYWORD_DECLARATION).push("annotation"),
                groups(
                    format!(r"(\(#)(\s*)({eq})"),
                    &[COMMENT_PREPROC, WHITESPACE, NAME_TAG],
                )
                .push("pragma"),
                rule(r"``\[", STR).push("str_constructor"),
            ],
        )
        .with_state(
            "tags",
            vec![
                rule(format!("<{q}"), NAME_TAG).push("start_tag"),
                rule(r"<!--", COMMENT).push("xml_comment"),
                rule(r"<\?.*?\?>", COMMENT_PREPROC),
                rule(r"<!\[CDATA\[.*?\]\]>", COMMENT_PREPROC),
                rule(r"&\S*?;", NAME_ENTITY),
            ],
        )
        .with_state(
            "annotation",
            vec![
                include("commentsAndWhitespace"),
                rule(eq, KEYWORD_DECLARATION).pop(),
            ],
        )
        .with_state(
            "pragma",
            vec![
                include("commentsAndWhitespace"),
                rule(r"#\)", COMMENT_PREPROC).pop(),
                rule(r".", COMMENT_PREPROC),
            ],
        )
        .with_state(
            "str_constructor",
            vec![
                rule(r"`\{", PUNCTUATION).push("root"),
                rule(r"\]``", STR).pop(),
                rule(r"[^`\]]+", STR),
                rule(r"[`\]]", STR),
            ],
        )
        .with_state(
            "xml_comment",
            vec![
                rule(r"[^-]+", COMMENT),
                rule(r"-->", COMMENT).pop(),
                rule(r"-", COMMENT),
            ],
        )
        .with_state(
            "start_tag",
            vec![
                rule(r"\s+", WHITESPACE),
                groups(r#"([\w.:-]+\s*=)(")"#, &[NAME_ATTRIBUTE, STR]).push("quot_attr"),
                groups(r"([\w.:-]+\s*=)(')", &[NAME_ATTRIBUTE, STR]).push("apos_attr"),
                rule(r">", NAME_TAG).push("tag_content"),
                rule(r"/>", NAME_TAG).pop(),
            ],
        )
        .with_state(
            "quot_attr",
            vec![
                rule("\"", STR).pop(),
                rule(r"\{\{", STR),
                rule(r"\{", PUNCTUATION).push("root"),
                rule(r#"[^"{>]+"#, STR),
            ],
        )
        .with_state(
            "apos_attr",
            vec![
                rule("'", STR).pop(),
                rule(r"\{\{", STR),
                rule(r"\{", PUNCTUATION).push("root"),
                rule(r"[^'{>]+", STR),
            ],
        )
        .with_state(
            "tag_content",
            vec![
                rule(r"\s+", WHITESPACE),
                include("tags"),
                rule(r"(\{\{|\}\})", TEXT),
                rule(r"\{", PUNCTUATION).push("root"),
                rule(r"[^{}<&]", TEXT),
                rule(format!(r"</{q}(\s*)>"), NAME_TAG).pop_n(2),
            ],
        )
}
