//! AppleScript. Rouge's word lists are joined as raw alternations.

use super::word_vec;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn words(key: &str) -> String {
    word_vec("applescript", key).join("|")
}

pub fn def() -> LexerDef {
    let wrap = |key: &str| format!(r"\b({})\b", words(key));
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"\s+", WHITESPACE),
            rule("¬\n", STR_ESCAPE),
            rule(r"'s\s+", TEXT),
            rule("(--|#).*?$", COMMENT_SINGLE),
            rule(r"\(\*", COMMENT_MULTILINE),
            rule(r"[\(\){}!,.:]", PUNCTUATION),
            groups("(«)([^»]+)(»)", &[TEXT, NAME_BUILTIN, TEXT]),
            groups(
                r"\b((?:considering|ignoring)\s*)(application responses|case|diacriticals|hyphens|numeric strings|punctuation|white space)",
                &[KEYWORD, NAME_BUILTIN],
            ),
            rule(r"(-|\*|\+|&|≠|>=?|<=?|=|≥|≤|/|÷|\^)", OPERATOR),
            rule(wrap("operators"), OPERATOR_WORD),
            groups(r"^(\s*(?:on|end)\s+)'r'(%s)", &[KEYWORD, NAME_FUNCTION]),
            groups(r"^(\s*)(in|on|script|to)(\s+)", &[TEXT, KEYWORD, TEXT]),
            groups(
                format!(r"\b(as )({})\b", words("classes")),
                &[KEYWORD, NAME_CLASS],
            ),
            rule(wrap("literals"), NAME_BUILTIN),
            rule(wrap("commands"), NAME_BUILTIN),
            rule(wrap("controls"), KEYWORD),
            rule(wrap("declarations"), KEYWORD),
            rule(wrap("reserved"), NAME_BUILTIN),
            rule(format!(r"\b({})s?\b", words("builtins")), NAME_BUILTIN),
            rule(wrap("handler_params"), NAME_BUILTIN),
            rule(wrap("studio_properties"), NAME_ATTRIBUTE),
            rule(
                format!(r"\b({})s?\b", words("studio_classes")),
                NAME_BUILTIN,
            ),
            rule(wrap("studio_commands"), NAME_BUILTIN),
            rule(wrap("references"), NAME_BUILTIN),
            rule(r#""(\\\\|\\"|[^"])*""#, STR_DOUBLE),
            rule(r"\b([a-zA-Z]\w*)\b", NAME_VARIABLE),
            rule(r"[-+]?(\d+\.\d*|\d*\.\d+)(E[-+][0-9]+)?", NUM_FLOAT),
            rule(r"[-+]?\d+", NUM_INTEGER),
        ],
    )])
}
