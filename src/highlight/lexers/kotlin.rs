//! Kotlin: declarations (class, fun, val/var, package), generics, labels, literals.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const NAME_CHARS: &str = r"[-_\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Nl}\p{Nd}\p{Pc}\p{Cf}\p{Mn}\p{Mc}]*";
const KEYWORDS: &str = "abstract|annotation|as|break|by|catch|class|companion|const|constructor|continue|crossinline|do|dynamic|else|enum|external|false|final|finally|for|fun|get|if|import|in|infix|inline|inner|interface|internal|is|lateinit|noinline|null|object|open|operator|out|override|package|private|protected|public|reified|return|sealed|set|super|suspend|tailrec|this|throw|true|try|typealias|typeof|val|var|vararg|when|where|while|yield";

pub fn def() -> LexerDef {
    let class_name = format!(r"(?:`?[\p{{Lu}}]{NAME_CHARS}`?)");
    let name = format!(r"(?:`?[_\p{{Lu}}\p{{Ll}}\p{{Lt}}\p{{Lm}}\p{{Nl}}]{NAME_CHARS}`?)");
    let dec = "(?:([0-9][0-9_]*[0-9])|[0-9])";
    let exponent = format!("[eE][+-]?(?:{dec})");
    let double = format!(r"(?:((?:{dec})?\.{dec}(?:{exponent})?)|(?:{dec}{exponent}))");
    LexerDef::new(vec![
        (
            "root",
            vec![
                groups(r"\b(companion)(\s+)(object)\b", &[KEYWORD, TEXT, KEYWORD]),
                groups(
                    r"\b(class|data\s+class|interface|object)(\s+)",
                    &[KEYWORD_DECLARATION, TEXT],
                )
                .push("class"),
                groups(r"\b(fun)(\s+)", &[KEYWORD, TEXT]).push("function"),
                groups(r"\b(package|import)(\s+)", &[KEYWORD, TEXT]).push("package"),
                groups(
                    r"\b(val|var)(\s+)(\()",
                    &[KEYWORD_DECLARATION, TEXT, PUNCTUATION],
                )
                .push("destructure"),
                groups(r"\b(val|var)(\s+)", &[KEYWORD_DECLARATION, TEXT]).push("property"),
                groups(
                    format!(r"(return|continue|break|this|super)(@{name})?\b"),
                    &[KEYWORD, NAME_DECORATOR],
                ),
                rule(r"\bfun\b", KEYWORD),
                rule(format!(r"\b(?:{KEYWORDS})\b"), KEYWORD),
                rule(r"^\s*\[.*?\]", NAME_ATTRIBUTE),
                rule(r"[^\S\n]+", TEXT),
                rule(r"\\\n", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule("/[*].*[*]/", COMMENT_MULTILINE),
                rule("/[*].*", COMMENT_MULTILINE).push("comment"),
                rule(r"\n", TEXT),
                groups("(::)(class)", &[OPERATOR, KEYWORD]),
                rule(r"::|!!|\?[:.]", OPERATOR),
                rule(r"(\.\.)", OPERATOR),
                rule(format!("({double}[fF]?)|({dec}[fF])"), NUM_FLOAT),
                rule(r"0[bB]([01][01_]*[01]|[01])[uU]?L?", NUM_BIN),
                rule(
                    r"0[xX]([0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?",
                    NUM_HEX,
                ),
                rule(r"(([1-9][0-9_]*[0-9])|[0-9])[uU]?L?", NUM_INTEGER),
                rule(r"[~!%^&*()+=|\[\]:;,.<>/?-]", PUNCTUATION),
                rule("[{}]", PUNCTUATION),
                rule(r#"(?s)@"(""|[^"])*""#, STR),
                rule(r#"(?s)""".*?""""#, STR),
                rule(r#"(?s)"(\\\\|\\"|[^"\n])*["\n]"#, STR),
                rule(r"'\\.'|'[^\\]'", STR_CHAR),
                rule(format!("(@{class_name})"), NAME_DECORATOR),
                groups(format!("({class_name})(<)"), &[NAME_CLASS, PUNCTUATION])
                    .push("generic_parameters"),
                rule(class_name.clone(), NAME_CLASS),
                rule(format!(r"({name})(?=\s*[({{])"), NAME_FUNCTION),
                rule(format!("({name})@"), NAME_DECORATOR),
                rule(name.clone(), NAME),
            ],
        ),
        ("package", vec![rule(r"\S+", NAME_NAMESPACE).pop()]),
        ("class", vec![rule(class_name.clone(), NAME_CLASS).pop()]),
        (
            "function",
            vec![
                rule("(<)", PUNCTUATION).push("generic_parameters"),
                rule(r"(\s+)", TEXT),
                groups(format!(r"({class_name})(\.)"), &[NAME_CLASS, PUNCTUATION]),
                rule(name.clone(), NAME_FUNCTION).pop(),
            ],
        ),
        (
            "generic_parameters",
            vec![
                rule(class_name, NAME_CLASS),
                rule("(<)", PUNCTUATION).push("generic_parameters"),
                rule("(reified|out|in)", KEYWORD),
                rule("([,:.?])", PUNCTUATION),
                rule(r"(\s+)", TEXT),
                rule("(>)", PUNCTUATION).pop(),
            ],
        ),
        (
            "property",
            vec![
                rule("(<)", PUNCTUATION).push("generic_parameters"),
                rule(r"(\s+)", TEXT),
                rule(name.clone(), NAME_PROPERTY).pop(),
            ],
        ),
        (
            "destructure",
            vec![
                rule("(,)", PUNCTUATION),
                rule(r"(\))", PUNCTUATION).pop(),
                rule(r"(\s+)", TEXT),
                rule(name, NAME_PROPERTY),
            ],
        ),
        (
            "comment",
            vec![
                rule("/[*]", COMMENT_MULTILINE).push("comment"),
                rule("[*]/", COMMENT_MULTILINE).pop(),
                rule("[^/*]+", COMMENT_MULTILINE),
                rule("[/*]", COMMENT_MULTILINE),
            ],
        ),
    ])
}
