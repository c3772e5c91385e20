//! TeX/LaTeX: commands, environments, inline and display math, `\verb`.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const COMMAND: &str = r"(?i:\\([a-z]+|\s+|.))";

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "general",
            vec![rule("%.*$", COMMENT), rule("[{}&_^]", PUNCTUATION)],
        ),
        (
            "root",
            vec![
                rule(r"\\\[", PUNCTUATION).push("displaymath"),
                rule(r"\\\(", PUNCTUATION).push("inlinemath"),
                rule(r"\$\$", PUNCTUATION).push("displaymath"),
                rule(r"\$", PUNCTUATION).push("inlinemath"),
                rule(r"\\(begin|end)\{.*?\}", NAME_TAG),
                groups(
                    r"(\\verb)\b(\S)(.*?)(\2)",
                    &[NAME_BUILTIN, KEYWORD_PSEUDO, STR_OTHER, KEYWORD_PSEUDO],
                ),
                rule(COMMAND, KEYWORD).push("command"),
                include("general"),
                rule(r"[^\\$%&_^{}]+", TEXT),
            ],
        ),
        (
            "math",
            vec![
                rule(COMMAND, NAME_VARIABLE),
                include("general"),
                rule("[0-9]+", NUM),
                rule(r"[-=!+*/()\[\]]", OPERATOR),
                rule(r"[^=!+*/()\[\]\\$%&_^{}0-9-]+", NAME_BUILTIN),
            ],
        ),
        (
            "inlinemath",
            vec![
                rule(r"\\\)", PUNCTUATION).pop(),
                rule(r"\$", PUNCTUATION).pop(),
                include("math"),
            ],
        ),
        (
            "displaymath",
            vec![
                rule(r"\\\]", PUNCTUATION).pop(),
                rule(r"\$\$", PUNCTUATION).pop(),
                rule(r"\$", NAME_BUILTIN),
                include("math"),
            ],
        ),
        (
            "command",
            vec![
                rule(r"\[.*?\]", NAME_ATTRIBUTE),
                rule(r"\*", KEYWORD),
                jump("").pop(),
            ],
        ),
    ])
}
