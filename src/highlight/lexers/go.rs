//! Go: keywords, predeclared types/functions/constants, runes, raw and interpreted strings.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str = r"\b(?:break|default|func|interface|select|case|defer|go|map|struct|chan|else|goto|package|switch|const|fallthrough|if|range|type|continue|for|import|return|var)\b";

pub fn def() -> LexerDef {
    let letter = r"(?:[[:alpha:]]|_)";
    let hex = "[0-9A-Fa-f]";
    let decimals = "[0-9]+";
    let exponent = format!(r"[eE][+\-]?{decimals}");
    let float = format!(
        r"(?:{decimals}\.(?:{decimals})?(?:{exponent})?|{decimals}{exponent}|\.{decimals}(?:{exponent})?)"
    );
    let escaped = r#"\\[abfnrtv\\'"]"#;
    let unicode_value = format!(r"(?:[^\n]|\\u{hex}{{4}}|\\U{hex}{{8}}|{escaped})");
    let byte_value = format!(r"(?:\\[0-7]{{3}}|\\x{hex}{{2}})");
    let escape_seq = format!(r"(?:{escaped}|\\u{hex}{{4}}|\\U{hex}{{8}}|\\x{hex}{{2}})");
    LexerDef::new(vec![
        (
            "simple",
            vec![
                rule(r"(?s)//(?:(?!\n).)*|/\*(?:(?!\*/).)*\*/", COMMENT),
                rule(KEYWORDS, KEYWORD),
                rule(
                    r"\b(?:bool|byte|complex64|complex128|error|float32|float64|int8|int16|int32|int64|int|rune|string|uint8|uint16|uint32|uint64|uintptr|uint)\b",
                    KEYWORD_TYPE,
                ),
                rule(
                    r"\b(?:append|cap|close|complex|copy|delete|imag|len|make|new|panic|print|println|real|recover)\b",
                    NAME_BUILTIN,
                ),
                rule(r"\b(?:true|false|iota|nil)\b", NAME_CONSTANT),
                rule(format!("(?:{decimals}|{float})i"), NUM),
                rule(float.clone(), NUM),
                rule(format!("0[xX]{hex}+|[0-9][0-9]*|0[0-7]*"), NUM),
                rule(format!("'(?:{unicode_value}|{byte_value})'"), STR_CHAR),
                rule(
                    r"\+=|\+\+|\+|&\^=|&\^|&=|&&|&|==|=|!=|!|-=|--|-|\|=|\|\||\||<=|<-|<<=|<<|<|\*=|\*|\^=|\^|>>=|>>|>=|>|/|/=|:=|%|%=|\.\.\.|\.|:",
                    OPERATOR,
                ),
                rule(r"\(|\)|\[|\]|\{|\}|,|;", PUNCTUATION),
                rule(
                    format!(r"(?!{KEYWORDS}){letter}(?:{letter}|[[:digit:]])*"),
                    NAME,
                ),
                rule(r"\s+", TEXT),
            ],
        ),
        (
            "root",
            vec![
                include("simple"),
                rule("`", STR).push("raw"),
                rule("\"", STR).push("interpreted"),
            ],
        ),
        (
            "interpreted",
            vec![
                rule(escape_seq, STR_ESCAPE),
                rule(r"\\.", ERROR),
                rule("\"", STR).pop(),
                rule(r#"[^"\\]+"#, STR),
            ],
        ),
        ("raw", vec![rule("`", STR).pop(), rule("[^`]+", STR)]),
    ])
}
