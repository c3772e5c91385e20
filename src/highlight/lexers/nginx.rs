//! nginx configuration: directives, blocks, variables, sizes, regex locations.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"[^\s$;{}()#]+";

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                groups(r"(include)(\s+)([^\s;]+)", &[KEYWORD, TEXT, NAME]),
                rule(ID, KEYWORD).push("statement"),
                include("base"),
            ],
        ),
        (
            "block",
            vec![
                rule(r"\}", PUNCTUATION).pop(),
                rule(ID, KEYWORD_NAMESPACE).push("statement"),
                include("base"),
            ],
        ),
        (
            "statement",
            vec![
                rule(r"\{", PUNCTUATION).goto("block"),
                rule(";", PUNCTUATION).pop(),
                include("base"),
            ],
        ),
        (
            "base",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*", COMMENT_SINGLE),
                rule(r"(?:on|off)\b", NAME_CONSTANT),
                rule(r"[$][\w-]+", NAME_VARIABLE),
                groups(
                    r"(?i)([a-z0-9.-]+)(:)([0-9]+)",
                    &[NAME_FUNCTION, PUNCTUATION, NUM_INTEGER],
                ),
                rule(r"(?i)[a-z-]+/[a-z-]+", NAME_CLASS),
                rule(r"(?i)[0-9]+[kmg]?\b", NUM_INTEGER),
                groups(r"(~)(\s*)([^\s{]+)", &[PUNCTUATION, TEXT, STR_REGEX]),
                rule("[:=~]", PUNCTUATION),
                rule(format!("/(?:{ID})?"), NAME),
                rule(r"[^#\s;{}$\\]+", STR),
                rule("[$;]", TEXT),
            ],
        ),
    ])
}
