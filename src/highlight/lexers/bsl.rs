//! 1C:Enterprise (BSL): Russian/English keywords and builtins (Rouge's lists), dates,
//! strings, preprocessor lines.

use super::word_re;
use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    let w = r"[^\wа-яё]";
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"\n", TEXT),
            rule(r"[^\S\n]+", TEXT),
            rule("//.*$", COMMENT_SINGLE),
            rule(r"[\[\]:(),;]", PUNCTUATION),
            rule(format!(r"(?<={w}|^)\&.*$"), KEYWORD_DECLARATION),
            rule(r"[-+/*%=<>.?&]", OPERATOR),
            rule(format!(r"(?<={w}|^)\#.*$"), KEYWORD_DECLARATION),
            rule(format!("(?i){}", word_re("bsl", "KEYWORDS")), KEYWORD),
            rule(format!("(?i){}", word_re("bsl", "BUILTINS")), NAME_BUILTIN),
            rule(r"(?i)[\wа-яё][\wа-яё]*", NAME_VARIABLE),
            rule(r"\b((\h{8}-(\h{4}-){3}\h{12})|\d+\.?\d*)\b", NUM),
            rule(r"'.*'", LITERAL_DATE),
            rule("\".*?(\"|$)", STR_SINGLE),
            rule(format!(r#"(?<={w}|^)\|((?!"").)*?("|$)"#), STR),
        ],
    )])
}
