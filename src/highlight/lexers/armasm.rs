//! ARM assembler (armasm syntax). Rouge's directive and operator lists are regex fragments
//! joined as alternations.

use super::word_vec;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn raw(key: &str) -> String {
    word_vec("armasm", key).join("|")
}

pub fn def() -> LexerDef {
    let string_state = |tok: Tok, quote: &'static str| {
        vec![
            rule(r"\n", TEXT).pop(),
            rule(r"\$\$", tok),
            rule(r"(?i)\$[a-z]\w*\.?", NAME_NAMESPACE),
            rule(quote, tok).goto("args"),
            rule(format!(r"[^${quote}\n]+"), tok),
        ]
    };
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\n", TEXT),
                groups(
                    format!(
                        r"^([ \t]*)(#[ \t]*(?:(?:{})(?:[ \t].*)?)?)(\n)",
                        raw("preproc_keyword")
                    ),
                    &[TEXT, COMMENT_PREPROC, TEXT],
                ),
                rule(r"[ \t]+", TEXT).push("command"),
                rule(";.*", COMMENT),
                rule(r"(?i)\$[a-z_]\w*\.?", NAME_NAMESPACE),
                rule(r"\w+|\|[^|\n]+\|", NAME_LABEL),
            ],
        ),
        (
            "command",
            vec![
                rule(r"\n", TEXT).pop(),
                rule(r"[ \t]+", TEXT).goto("args"),
                rule(";.*", COMMENT).pop(),
                rule(format!(r"(?:{})\b", raw("file_directive")), KEYWORD).goto("filespec"),
                rule(
                    format!(r"(?:{})(?=[; \t\n])", raw("general_directive")),
                    KEYWORD,
                ),
                rule(
                    r"(?:[A-Z][\dA-Z]*|[a-z][\da-z]*)(?:\.[NWnw])?(?:\.[DFIPSUdfipsu]?(?:8|16|32|64)?){0,3}\b",
                    NAME_BUILTIN,
                ),
                rule(r"(?i)[a-z_]\w*|\|[^|\n]+\|", NAME_FUNCTION),
                rule(r"(?i)\$[a-z]\w*\.?", NAME_NAMESPACE),
            ],
        ),
        (
            "args",
            vec![
                rule(r"\n", TEXT).pop(),
                rule(r"[ \t]+", TEXT),
                rule(";.*", COMMENT).pop(),
                rule(
                    format!(r"(?:{})\b", raw("shift_or_condition")),
                    NAME_BUILTIN,
                ),
                rule(r"(?i)[a-z_]\w*|\|[^|\n]+\|", NAME_VARIABLE),
                rule(r"(?i)%[bf]?[at]?\d+(?:[a-z_]\w*)?", NAME_LABEL),
                rule(r"(?i)(?:&|0x)\h+(?!p)", NUM_HEX),
                rule(r"(?i)(?:&|0x)[.\h]+(?:p[-+]?\d+)?", NUM_FLOAT),
                rule(r"(?i)0f_\h{8}|0d_\h{16}", NUM_FLOAT),
                rule(
                    r"(?i)(?:2_[01]+|3_[0-2]+|4_[0-3]+|5_[0-4]+|6_[0-5]+|7_[0-6]+|8_[0-7]+|9_[0-8]+|\d+)(?!e)",
                    NUM_INTEGER,
                ),
                rule(
                    r"(?i)(?:2_[.01]+|3_[.0-2]+|4_[.0-3]+|5_[.0-4]+|6_[.0-5]+|7_[.0-6]+|8_[.0-7]+|9_[.0-8]+|[.\d]+)(?:e[-+]?\d+)?",
                    NUM_FLOAT,
                ),
                rule(r"[@:](?=[ \t]*(?:8|16|32|64|128|256)[^\d])", OPERATOR),
                rule(format!(r"[.@]|\{{(?:{})\}}", raw("builtin")), NAME_CONSTANT),
                rule(
                    format!(
                        r"[-!#%&()*+,/<=>?^{{|}}]|\[|\]|!=|&&|/=|<<|<=|<>|==|><|>=|>>|\|\||:(?:{}):",
                        raw("operator")
                    ),
                    OPERATOR,
                ),
                rule(r"(?i)\$[a-z]\w*\.?", NAME_NAMESPACE),
                rule("'", STR_CHAR).goto("singlequoted"),
                rule("\"", STR_DOUBLE).goto("doublequoted"),
            ],
        ),
        ("singlequoted", string_state(STR_CHAR, "'")),
        ("doublequoted", string_state(STR_DOUBLE, "\"")),
        (
            "filespec",
            vec![
                rule(r"\n", TEXT).pop(),
                rule(r"\$\$", STR_OTHER),
                rule(r"(?i)\$[a-z]\w*\.?", NAME_NAMESPACE),
                rule(r"[^$\n]+", STR_OTHER),
            ],
        ),
    ])
}
