//! Dart: method declarations, keyword categories, string interpolation, imports.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = "[a-zA-Z_][a-zA-Z0-9_]*";

fn method(cx: &mut Ctx, m: &Caps) {
    cx.delegate("dart", m.get(1));
    cx.token(NAME_FUNCTION, m.get(2));
    cx.token(TEXT, m.get(3));
    cx.token(PUNCTUATION, m.get(4));
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                call(
                    r"(?s)^(\s*(?:[a-zA-Z_][a-zA-Z\d_.\[\]]*\s+)+?)([a-zA-Z_]\w*)(\s*)(\()",
                    method,
                ),
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
                rule("\"", STR).push("dqs"),
                rule("'", STR).push("sqs"),
                rule("r\"[^\"]*\"", STR_OTHER),
                rule("r'[^']*'", STR_OTHER),
                rule(format!("(?i)#(?-i:{ID})*"), STR_SYMBOL),
                rule(format!("@{ID}"), NAME_DECORATOR),
                rule(
                    r"(?:as|assert|await|break|case|catch|continue|default|do|else|finally|for|if|in|is|new|rethrow|return|super|switch|this|throw|try|while|with|yield)\b",
                    KEYWORD,
                ),
                rule(
                    r"(?:abstract|async|dynamic|const|covariant|external|extends|factory|final|get|implements|late|native|on|operator|required|set|static|sync|typedef|var)\b",
                    KEYWORD_DECLARATION,
                ),
                rule(
                    r"(?:bool|Comparable|double|Dynamic|enum|Function|int|List|Map|Never|Null|num|Object|Pattern|Set|String|Symbol|Type|Uri|void)\b",
                    KEYWORD_TYPE,
                ),
                rule(r"(?:true|false|null)\b", KEYWORD_CONSTANT),
                rule(r"(?:class|interface|mixin)\b", KEYWORD_DECLARATION).push("class"),
                rule(
                    r"(?:import|deferred|export|library|part\s*of|part|source)\b",
                    KEYWORD_NAMESPACE,
                )
                .push("import"),
                groups(format!(r"(\.)({ID})"), &[OPERATOR, NAME_ATTRIBUTE]),
                rule(format!("{ID}:"), NAME_LABEL),
                rule(format!(r"\$?{ID}"), NAME),
                rule(r"[~^*!%&\|+=:/?-]", OPERATOR),
                rule(r"[\[\](){}<>\.,;]", PUNCTUATION),
                rule(r"\d*\.\d+([eE]\-?\d+)?", NUM_FLOAT),
                rule(r"0x[\da-fA-F]+", NUM_HEX),
                rule(r"\d+L?", NUM_INTEGER),
                rule(r"\n", TEXT),
            ],
        ),
        (
            "class",
            vec![rule(r"\s+", TEXT), rule(ID, NAME_CLASS).pop()],
        ),
        (
            "dqs",
            vec![
                rule("\"", STR).pop(),
                rule(r#"[^\\\$"]+"#, STR),
                include("string"),
            ],
        ),
        (
            "sqs",
            vec![
                rule("'", STR).pop(),
                rule(r"[^\\\$']+", STR),
                include("string"),
            ],
        ),
        (
            "import",
            vec![
                rule(";", OPERATOR).pop(),
                rule(r"(?:show|hide)\b", KEYWORD_DECLARATION),
                include("root"),
            ],
        ),
        (
            "string",
            vec![include("interpolation"), rule(r#"\\[nrt"'\\]"#, STR_ESCAPE)],
        ),
        (
            "interpolation",
            vec![
                rule(format!(r"\${ID}"), STR_INTERPOL),
                rule(r"\$\{[^\}]+\}", STR_INTERPOL),
            ],
        ),
    ])
}
