//! JSP (Java in a parent template language, HTML by default) and BPF assembly.

use super::template::start_parent;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

fn java(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("java", m.all());
}

pub fn jsp() -> LexerDef {
    let directives = "page|include|taglib";
    let actions = "scriptlet|declaration|expression";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("<%--", COMMENT).push("jsp_comment"),
                rule(format!(r"<%@\s*({directives})\s*"), NAME_TAG).push("jsp_directive"),
                rule(format!(r"<jsp:directive\.({directives})"), NAME_TAG).push("jsp_directive2"),
                rule(format!("<jsp:({actions})>"), NAME_TAG).push("jsp_expression"),
                rule(r"<[a-zA-Z]*:[a-zA-Z]*\s*", NAME_TAG).push("jsp_tag"),
                rule("</[a-zA-Z]*:[a-zA-Z]*>", NAME_TAG),
                rule("<%[!=]?", NAME_TAG).push("jsp_expression2"),
                call(r"(?s)(.+?)(?=(<%|</?[a-zA-Z]*:))", parent),
                call("(?s).+", parent),
            ],
        ),
        (
            "jsp_comment",
            vec![rule("(--%>)", COMMENT).pop(), rule("(?s).", COMMENT)],
        ),
        (
            "jsp_directive",
            vec![
                rule("(%>)", NAME_TAG).pop(),
                include("attributes"),
                call("(?s)(.+?)(?=%>)", parent),
            ],
        ),
        (
            "jsp_directive2",
            vec![
                rule("(/>)", NAME_TAG).pop(),
                include("attributes"),
                call("(?s)(.+?)(?=/>)", parent),
            ],
        ),
        (
            "jsp_expression",
            vec![
                rule(format!("</jsp:({actions})>"), NAME_TAG).pop(),
                include("attributes"),
                call("[^</]+", java),
            ],
        ),
        (
            "jsp_expression2",
            vec![rule("%>", NAME_TAG).pop(), call("[^%>]+", java)],
        ),
        (
            "jsp_tag",
            vec![
                rule("/?>", NAME_TAG).pop(),
                include("attributes"),
                call("(?s)(.+?)(?=/?>)", parent),
            ],
        ),
        (
            "attributes",
            vec![rule(r"\s*[a-zA-Z0-9_:-]+\s*=\s*", NAME_ATTRIBUTE).push("attr")],
        ),
        (
            "attr",
            vec![
                rule("\"", STR).goto("double_quotes"),
                rule("'", STR).goto("single_quotes"),
                rule(r"[^\s>]+", STR).pop(),
            ],
        ),
        (
            "double_quotes",
            vec![
                rule("\"", STR).pop(),
                rule(r"\$\{", STR_INTERPOL).push("jsp_interp"),
                rule("[^\"]+", STR),
            ],
        ),
        (
            "single_quotes",
            vec![
                rule("'", STR).pop(),
                rule(r"\$\{", STR_INTERPOL).push("jsp_interp"),
                rule("[^']+", STR),
            ],
        ),
        (
            "jsp_interp",
            vec![
                rule(r"\}", STR_INTERPOL).pop(),
                rule("'", LITERAL).push("jsp_interp_literal_start"),
                call(r"[^'\}]+", java),
            ],
        ),
        (
            "jsp_interp_literal_start",
            vec![rule("'", LITERAL).pop(), rule("[^']+", LITERAL)],
        ),
    ])
    .with_start(start_parent)
}

pub fn bpf() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                groups(
                    r"(?i)(\d+)(:)(\s+)(\(\h{2}\))",
                    &[GENERIC_LINENO, PUNCTUATION, WHITESPACE, GENERIC],
                ),
                groups(
                    r"(?i)(\d+)(:)(\s+)((?:\h{2} ){8})",
                    &[GENERIC_LINENO, PUNCTUATION, WHITESPACE, GENERIC],
                ),
                groups(
                    r"(?i)(\d+)(:)(\s+)",
                    &[GENERIC_LINENO, PUNCTUATION, WHITESPACE],
                ),
                groups(r"(?i)(call)(\s+)(\d+)", &[KEYWORD, WHITESPACE, NUM_INTEGER]),
                groups(
                    r"(?i)(call)(\s+)(\w+)(#)(\d+)",
                    &[KEYWORD, WHITESPACE, NAME_BUILTIN, PUNCTUATION, NUM_INTEGER],
                ),
                groups(
                    r"(?i)(goto)(\s*)(\+\d+)?(\s*)(<?\w+>?)",
                    &[KEYWORD, WHITESPACE, NUM_INTEGER, WHITESPACE, NAME_LABEL],
                ),
                groups(
                    r"(?i)(if)(\s+)([rw]\d+)(\s*)([s!=<>]+)(\s*)(0x\h+|[-]?\d+)(\s*)(goto)(\s*)(\+\d+)?(\s*)(<?\w+>?)",
                    &[
                        KEYWORD,
                        WHITESPACE,
                        NAME,
                        WHITESPACE,
                        OPERATOR,
                        WHITESPACE,
                        NUM,
                        WHITESPACE,
                        KEYWORD,
                        WHITESPACE,
                        NUM_INTEGER,
                        WHITESPACE,
                        NAME_LABEL,
                    ],
                ),
                groups(
                    r"(?i)(if)(\s+)([rw]\d+)(\s*)([s!=<>]+)(\s*)([rw]\d+)(\s*)(goto)(\s*)(\+\d+)?(\s*)(<?\w+>?)",
                    &[
                        KEYWORD,
                        WHITESPACE,
                        NAME,
                        WHITESPACE,
                        OPERATOR,
                        WHITESPACE,
                        NAME,
                        WHITESPACE,
                        KEYWORD,
                        WHITESPACE,
                        NUM_INTEGER,
                        WHITESPACE,
                        NAME_LABEL,
                    ],
                ),
                groups(
                    r"(?i)(\*)(\s*)(\()(u8|u16|u32|u64|ll)(\s*)(\*)(\))",
                    &[
                        OPERATOR,
                        WHITESPACE,
                        PUNCTUATION,
                        KEYWORD_TYPE,
                        WHITESPACE,
                        OPERATOR,
                        PUNCTUATION,
                    ],
                )
                .push("address"),
                rule(r"(?i)[+-/\*&|><^s]{0,3}=", OPERATOR),
                groups(r"(?i)([+-]?)([rw]\d+)", &[PUNCTUATION, NAME]),
                rule("//", COMMENT_SINGLE).push("linecomment"),
                rule(r"/\*", COMMENT_MULTILINE).push("multilinescomment"),
                rule("(?i)be16|be32|be64|exit|lock|map", KEYWORD),
                groups(
                    r"(?i)(0x\h+|[-]?\d+)(\s*)(ll)?",
                    &[NUM, WHITESPACE, KEYWORD_TYPE],
                ),
                groups(r"(?i)(\w+)(\s*)(ll)", &[NAME, WHITESPACE, KEYWORD_TYPE]),
                groups(r"(?i)(\w+)(\s*)(:)", &[NAME_LABEL, WHITESPACE, PUNCTUATION]),
                rule("(?s).", TEXT),
            ],
        ),
        (
            "address",
            vec![
                groups(
                    r"(?i)(\()([rw]\d+)(\s*)([+-])(\s*)(\d+)(\))",
                    &[
                        PUNCTUATION,
                        NAME,
                        WHITESPACE,
                        OPERATOR,
                        WHITESPACE,
                        NUM_INTEGER,
                        PUNCTUATION,
                    ],
                )
                .pop(),
                groups(
                    r"(?i)(\w+)(\[)(\d+)(\])",
                    &[NAME, PUNCTUATION, NUM_INTEGER, PUNCTUATION],
                )
                .pop(),
                groups(
                    r"(?i)(\w+)(\[)([rw]\d+)(\])",
                    &[NAME, PUNCTUATION, NAME, PUNCTUATION],
                )
                .pop(),
            ],
        ),
        (
            "linecomment",
            vec![
                rule(r"\n", COMMENT_SINGLE).pop(),
                rule(".+", COMMENT_SINGLE),
            ],
        ),
        (
            "multilinescomment",
            vec![
                rule(r"\*/", COMMENT_MULTILINE).pop(),
                rule(r"([^\*/]+)", COMMENT_MULTILINE),
                rule(r"([\*/])", COMMENT_MULTILINE),
            ],
        ),
    ])
}
