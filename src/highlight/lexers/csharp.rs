//! C#: keywords and types, interpolated and verbatim strings, preprocessor lines.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"(?i:@?[_a-z]\w*)";
const KEYWORDS: &str = "abstract|as|base|break|case|catch|checked|const|continue|default|delegate|do|else|enum|event|explicit|extern|false|finally|fixed|for|foreach|goto|if|implicit|in|interface|internal|is|lock|new|null|operator|out|override|params|private|protected|public|readonly|ref|return|sealed|sizeof|stackalloc|static|switch|this|throw|true|try|typeof|unchecked|unsafe|virtual|void|volatile|while|add|alias|async|await|get|global|partial|remove|set|value|where|yield|nameof|ascending|by|descending|equals|from|group|in|into|join|let|on|orderby|select";
const TYPES: &str = "bool|byte|char|decimal|double|dynamic|float|int|long|object|sbyte|short|string|uint|ulong|ushort|var";

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
            ],
        ),
        (
            "nest",
            vec![
                rule(r"\{", PUNCTUATION).push("nest"),
                rule(r"\}", PUNCTUATION).pop(),
                include("root"),
            ],
        ),
        (
            "splice_string",
            vec![
                rule(r"\\.", STR),
                rule(r"\{", PUNCTUATION).push("nest"),
                rule("\"|\n", STR).pop(),
                rule(".", STR),
            ],
        ),
        (
            "splice_literal",
            vec![
                rule("\"\"", STR),
                rule(r"\{", PUNCTUATION).push("nest"),
                rule("\"", STR).pop(),
                rule(".", STR),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule(r#"[$]\s*""#, STR).push("splice_string"),
                rule(r#"[$]@\s*""#, STR).push("splice_literal"),
                rule(format!(r"(<\[)\s*({ID}:)?"), KEYWORD),
                rule(r"\]>", KEYWORD),
                rule(r"[~!%^&*()+=|\[\]{}:;,.<>/?-]", PUNCTUATION),
                rule(r#"(?s)@"(""|[^"])*""#, STR),
                rule(r#""(\\.|.)*?["\n]"#, STR),
                rule(r"'(\\.|.)'", STR_CHAR),
                rule("(?i)0x[0-9a-f]+[lu]?", NUM),
                rule(r"(?i)[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?", NUM),
                rule(r"\b(?:class|struct|interface)\b", KEYWORD).push("class"),
                rule(r"\b(?:namespace|using)\b", KEYWORD).push("namespace"),
                rule(
                    r"^#[ \t]*(if|endif|else|elif|define|undef|line|error|warning|region|endregion|pragma)\b.*?\n",
                    COMMENT_PREPROC,
                ),
                rule(format!(r"\b({KEYWORDS})\b"), KEYWORD),
                rule(format!(r"\b({TYPES})\b"), KEYWORD_TYPE),
                rule(format!(r"{ID}(?=\s*[(])"), NAME_FUNCTION),
                rule(ID, NAME),
            ],
        ),
        (
            "class",
            vec![include("whitespace"), rule(ID, NAME_CLASS).pop()],
        ),
        (
            "namespace",
            vec![
                include("whitespace"),
                rule("(?=[(])", TEXT).pop(),
                rule(format!("(?:{ID}|[.])+"), NAME_NAMESPACE).pop(),
            ],
        ),
    ])
}
