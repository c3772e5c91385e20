//! Liquid templates: tags, output with filters, conditions, `raw` and `comment` blocks.

use crate::highlight::engine::*;
use crate::highlight::token::*;

fn quoted_token(s: &str, otherwise: Tok) -> Tok {
    let single = s.find('\'').is_some_and(|i| s[i + 1..].contains('\''));
    let double = s.find('"').is_some_and(|i| s[i + 1..].contains('"'));
    if single {
        STR_SINGLE
    } else if double {
        STR_DOUBLE
    } else {
        otherwise
    }
}

fn cycle(cx: &mut Ctx, m: &Caps) {
    let t = quoted_token(m.get(3), NAME_ATTRIBUTE);
    let toks = [NAME_TAG, WHITESPACE, t, WHITESPACE, PUNCTUATION, WHITESPACE];
    for (i, tok) in toks.iter().enumerate() {
        cx.token(tok, m.get(i + 1));
    }
    cx.push("variable_tag_markup");
}

fn for_tag(cx: &mut Ctx, m: &Caps) {
    let toks = [
        NAME_TAG,
        WHITESPACE,
        NAME_VARIABLE,
        WHITESPACE,
        NAME_TAG,
        WHITESPACE,
    ];
    for (i, tok) in toks.iter().enumerate() {
        cx.token(tok, m.get(i + 1));
    }
    cx.token(quoted_token(m.get(7), NAME_VARIABLE), m.get(7));
    cx.token(WHITESPACE, m.get(8));
    cx.push("tag_markup");
}

fn end_tag(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.st.reset_stack();
}

fn end_raw(cx: &mut Ctx, m: &Caps) {
    let toks = [PUNCTUATION, WHITESPACE, NAME_TAG, WHITESPACE, PUNCTUATION];
    for (i, tok) in toks.iter().enumerate() {
        cx.token(tok, m.get(i + 1));
    }
    cx.st.reset_stack();
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"[^\{]+", TEXT),
                groups(r"(\{%-?)(\s*)", &[PUNCTUATION, WHITESPACE]).push("tag_or_block"),
                groups(r"(\{\{-?)(\s*)", &[PUNCTUATION, WHITESPACE]).push("output"),
                rule(r"\{", TEXT),
            ],
        ),
        (
            "tag_or_block",
            vec![
                rule(r"(if|elsif|unless|case)\b", KEYWORD_RESERVED).push("condition"),
                rule(r"(when)\b", KEYWORD_RESERVED).push("when"),
                groups(
                    r"(else)(\s*)(-?%\})",
                    &[KEYWORD_RESERVED, WHITESPACE, PUNCTUATION],
                )
                .pop(),
                groups(
                    r"(capture|(?:in|de)crement)(\s+)([^\s%]+)(\s*)(-?%\})",
                    &[NAME_TAG, WHITESPACE, NAME_VARIABLE, WHITESPACE, PUNCTUATION],
                )
                .pop(),
                groups(
                    r"(comment)(\s*)(-?%\})",
                    &[NAME_TAG, WHITESPACE, PUNCTUATION],
                )
                .push("comment"),
                groups(r"(raw)(\s*)(-?%\})", &[NAME_TAG, WHITESPACE, PUNCTUATION]).push("raw"),
                groups(
                    r"(end(?:if|unless|case))(\s*)(-?%\})",
                    &[KEYWORD_RESERVED, WHITESPACE, PUNCTUATION],
                )
                .pop(),
                groups(
                    r"(end(?:[^\s%]+))(\s*)(-?%\})",
                    &[NAME_TAG, WHITESPACE, PUNCTUATION],
                )
                .pop(),
                rule(r"(assign|echo)\b", NAME_TAG).push("assign"),
                rule(r"(include|render)\b", NAME_TAG).push("include"),
                call(r"(cycle)(\s+)(?:([^\s:]*)(\s*)(:))?(\s*)", cycle),
                call(
                    r#"(for|tablerow)(\s+)([\w-]+)(\s+)(in)(\s+)((?:[^\s%,\|'"]|(?:"[^"]*"|'[^']*'))+)(\s*)"#,
                    for_tag,
                ),
                groups(r"([^\s%]+)(\s*)", &[NAME_TAG, WHITESPACE]).push("tag_markup"),
            ],
        ),
        (
            "output",
            vec![
                groups(
                    r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)",
                    &[PUNCTUATION, WHITESPACE, NAME_FUNCTION],
                )
                .push("filters"),
                include("end_of_tag"),
                include("generic"),
            ],
        ),
        (
            "filters",
            vec![
                groups(
                    r"(\|)(\s*)([a-zA-Z_][^\s%}\|:]*)",
                    &[PUNCTUATION, WHITESPACE, NAME_FUNCTION],
                ),
                include("end_of_tag"),
                include("end_of_block"),
                include("variable_param_markup"),
            ],
        ),
        (
            "condition",
            vec![
                rule("([=!]=|[<>]=?)", OPERATOR),
                rule(r"(and|or|contains)\b", OPERATOR_WORD),
                include("end_of_block"),
                include("generic"),
            ],
        ),
        ("when", vec![include("end_of_block"), include("generic")]),
        ("end_of_tag", vec![call(r"-?\}\}", end_tag)]),
        ("end_of_block", vec![call(r"-?%\}", end_tag)]),
        (
            "param_markup",
            vec![
                include("whitespace"),
                include("keyword"),
                include("string"),
                include("number"),
                groups(
                    r"([^\s=:]+)(\s*)(=|:)",
                    &[NAME_ATTRIBUTE, WHITESPACE, OPERATOR],
                ),
                rule("[,:]", PUNCTUATION),
            ],
        ),
        (
            "default_param_markup",
            vec![include("param_markup"), rule(r"\S+", TEXT)],
        ),
        (
            "variable_param_markup",
            vec![
                include("param_markup"),
                include("variable"),
                rule(r"\S+", TEXT),
            ],
        ),
        (
            "tag_markup",
            vec![
                rule(r"(reversed)\b", NAME_ATTRIBUTE),
                include("end_of_block"),
                include("default_param_markup"),
            ],
        ),
        (
            "variable_tag_markup",
            vec![include("end_of_block"), include("variable_param_markup")],
        ),
        (
            "keyword",
            vec![rule(r"(false|true|nil)\b", KEYWORD_CONSTANT)],
        ),
        (
            "variable",
            vec![
                rule(r"(empty|blank|forloop\.[^\s%}\|:]+)\b", NAME_BUILTIN),
                rule(r"\.(?=\w)|\[|\]", PUNCTUATION),
                rule(r"(first|last|size)\b", NAME_FUNCTION),
                rule(r"[a-zA-Z_][\w-]*\??", NAME_VARIABLE),
            ],
        ),
        (
            "string",
            vec![rule("'[^']*'", STR_SINGLE), rule("\"[^\"]*\"", STR_DOUBLE)],
        ),
        (
            "number",
            vec![
                rule("-", OPERATOR),
                rule(r"\d+\.\d+", NUM_FLOAT),
                rule(r"\d+", NUM_INTEGER),
            ],
        ),
        (
            "generic",
            vec![
                include("whitespace"),
                include("keyword"),
                include("string"),
                include("number"),
                include("variable"),
            ],
        ),
        ("whitespace", vec![rule(r"[ \t]+", WHITESPACE)]),
        (
            "comment",
            vec![
                rule(r"[^\{]+", COMMENT),
                call(r"(\{%-?)(\s*)(endcomment)(\s*)(-?%\})", end_raw),
                rule(r"\{", COMMENT),
            ],
        ),
        (
            "raw",
            vec![
                rule(r"[^\{]+", TEXT),
                call(r"(\{%-?)(\s*)(endraw)(\s*)(-?%\})", end_raw),
                rule(r"\{", TEXT),
            ],
        ),
        (
            "assign",
            vec![
                rule("=", OPERATOR),
                groups(
                    r"(\|)(\s*)([a-zA-Z_][^\s%\|:]*)",
                    &[PUNCTUATION, WHITESPACE, NAME_FUNCTION],
                )
                .push("filters"),
                include("end_of_block"),
                include("generic"),
            ],
        ),
        (
            "include",
            vec![
                groups(r"(\{\{-?)(\s*)", &[PUNCTUATION, WHITESPACE]).push("output_embed"),
                rule(r"(with|for)\b", NAME_TAG),
                rule(r"[/\w-]+(\.[\w-]+)+\b", TEXT),
                include("variable_tag_markup"),
            ],
        ),
        (
            "output_embed",
            vec![
                groups(
                    r"(\|)(\s*)([a-zA-Z_][^\s}\|:]*)",
                    &[PUNCTUATION, WHITESPACE, NAME_FUNCTION],
                ),
                rule(r"-?\}\}", PUNCTUATION).pop(),
                include("variable_param_markup"),
            ],
        ),
    ])
}
