//! Protocol Buffers: keywords, scalar types, messages/enums/services, field names.

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"[\s]+", TEXT),
                rule(r"[,;{}\[\]()]", PUNCTUATION),
                rule(r"/(\\\n)?/($|(.|\n)*?[^\\]$)", COMMENT_SINGLE),
                rule(r"/(\\\n)?\*(.|\n)*?\*(\\\n)?/", COMMENT_MULTILINE),
                rule(
                    r"\b(ctype|default|extensions|import|max|oneof|option|optional|packed|repeated|required|returns|rpc|to)\b",
                    KEYWORD,
                ),
                rule(
                    r"\b(bool|bytes|double|fixed32|fixed64|float|int32|int64|sfixed32|sfixed64|sint32|sint64|string|uint32|uint64)\b",
                    KEYWORD_TYPE,
                ),
                rule("true|false", KEYWORD_CONSTANT),
                groups(r"(package)(\s+)", &[KEYWORD_NAMESPACE, TEXT]).push("package"),
                groups(r"(message|extend)(\s+)", &[KEYWORD_DECLARATION, TEXT]).push("message"),
                groups(r"(enum|group|service)(\s+)", &[KEYWORD_DECLARATION, TEXT]).push("type"),
                rule("\".*?\"", STR),
                rule("'.*?'", STR),
                rule(r"(\d+\.\d*|\.\d+|\d+)[eE][+-]?\d+[LlUu]*", NUM_FLOAT),
                rule(r"(\d+\.\d*|\.\d+|\d+[fF])[fF]?", NUM_FLOAT),
                rule(r"(\-?(inf|nan))\b", NUM_FLOAT),
                rule("0x[0-9a-fA-F]+[LlUu]*", NUM_HEX),
                rule("0[0-7]+[LlUu]*", NUM_OCT),
                rule(r"\d+[LlUu]*", NUM_INTEGER),
                rule("[+-=]", OPERATOR),
                groups(
                    r"([a-zA-Z_][\w.]*)([ \t]*)(=)",
                    &[NAME_ATTRIBUTE, TEXT, OPERATOR],
                ),
                rule(r"[a-zA-Z_][\w.]*", NAME),
            ],
        ),
        (
            "package",
            vec![rule(r"[a-zA-Z_]\w*", NAME_NAMESPACE).pop(), jump("").pop()],
        ),
        (
            "message",
            vec![rule(r"[a-zA-Z_]\w*", NAME_CLASS).pop(), jump("").pop()],
        ),
        (
            "type",
            vec![rule(r"[a-zA-Z_]\w*", NAME).pop(), jump("").pop()],
        ),
    ])
}
