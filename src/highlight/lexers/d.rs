//! D: keywords, nested `/+ +/` comments, delimited and token strings.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str = "abstract|alias|align|asm|assert|auto|body|break|case|cast|catch|class|const|continue|debug|default|delegate|delete|deprecated|do|else|enum|export|extern|finally|final|foreach_reverse|foreach|for|function|goto|if|immutable|import|interface|invariant|inout|in|is|lazy|mixin|module|new|nothrow|out|override|package|pragma|private|protected|public|pure|ref|return|scope|shared|static|struct|super|switch|synchronized|template|this|throw|try|typedef|typeid|typeof|union|unittest|version|volatile|while|with|__gshared|__traits|__vector|__parameters";
const TYPES: &str = "bool|byte|cdouble|cent|cfloat|char|creal|dchar|double|float|idouble|ifloat|int|ireal|long|real|short|ubyte|ucent|uint|ulong|ushort|void|wchar";
const PSEUDO: &str = "__FILE__|__FILE_FULL_PATH__|__MODULE__|__LINE__|__FUNCTION__|__PRETTY_FUNCTION__|__DATE__|__EOF__|__TIME__|__TIMESTAMP__|__VENDOR__|__VERSION__";

fn delimited(open: &'static str, close: &'static str, inside: &'static str) -> Vec<RuleDef> {
    vec![
        rule(format!("[^{open}{close}]+"), STR),
        rule(open, STR).push(inside),
        rule(format!("{close}\""), STR).pop(),
    ]
}

fn inside(open: &'static str, close: &'static str) -> Vec<RuleDef> {
    vec![
        rule(format!("[^{open}{close}]+"), STR),
        rule(open, STR).push_self(),
        rule(close, STR).pop(),
    ]
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        ("whitespace", vec![rule(r"\n", TEXT), rule(r"\s+", TEXT)]),
        (
            "root",
            vec![
                include("whitespace"),
                rule("//.*", COMMENT_SINGLE),
                rule(r"/(\\\n)?[*](.|\n)*?[*](\\\n)?/", COMMENT_MULTILINE),
                rule(r"/\+", COMMENT_MULTILINE).push("nested_comment"),
                rule(format!(r"({KEYWORDS})\b"), KEYWORD),
                rule(format!(r"({TYPES})\b"), KEYWORD_TYPE),
                rule(r"(false|true|null)\b", KEYWORD_CONSTANT),
                rule(format!(r"({PSEUDO})\b"), KEYWORD_PSEUDO),
                rule(r"macro\b", KEYWORD_RESERVED),
                rule(r"(string|wstring|dstring|size_t|ptrdiff_t)\b", NAME_BUILTIN),
                rule(
                    r"0[xX]([0-9a-fA-F_]*\.[0-9a-fA-F_]+|[0-9a-fA-F_]+)[pP][+\-]?[0-9_]+[fFL]?[i]?",
                    NUM_FLOAT,
                ),
                rule(
                    r"[0-9_]+(\.[0-9_]+[eE][+\-]?[0-9_]+|\.[0-9_]*|[eE][+\-]?[0-9_]+)[fFL]?[i]?",
                    NUM_FLOAT,
                ),
                rule(
                    r"\.(0|[1-9][0-9_]*)([eE][+\-]?[0-9_]+)?[fFL]?[i]?",
                    NUM_FLOAT,
                ),
                rule("0[Bb][01_]+", NUM_BIN),
                rule("0[0-7_]+", NUM_OCT),
                rule("0[xX][0-9a-fA-F_]+", NUM_HEX),
                rule("(0|[1-9][0-9_]*)([LUu]|Lu|LU|uL|UL)?", NUM_INTEGER),
                rule(
                    r#"'(\\['"?\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\&\w+;|.)'"#,
                    STR_CHAR,
                ),
                rule(r#"r"[^"]*"[cwd]?"#, STR),
                rule("`[^`]*`[cwd]?", STR),
                rule(r#""(\\\\|\\"|[^"])*"[cwd]?"#, STR),
                rule(
                    r#"\\(['"?\\abfnrtv]|x[0-9a-fA-F]{2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|&\w+;)"#,
                    STR,
                ),
                rule(r#"x"[0-9a-fA-F_\s]*"[cwd]?"#, STR),
                rule(r#"q"\["#, STR).push("delimited_bracket"),
                rule(r#"q"\("#, STR).push("delimited_parenthesis"),
                rule("q\"<", STR).push("delimited_angle"),
                rule(r#"q"\{"#, STR).push("delimited_curly"),
                rule(r#"q"([a-zA-Z_]\w*)\n.*?\n\1""#, STR),
                rule(r#"q"(.).*?\1""#, STR),
                rule(r"q\{", STR).push("token_string"),
                rule(r"@([a-zA-Z_]\w*)?", NAME_DECORATOR),
                rule(
                    r"(~=|\^=|%=|\*=|==|!>=|!<=|!<>=|!<>|!<|!>|!=|>>>=|>>>|>>=|>>|>=|<>=|<>|<<=|<<|<=|\+\+|\+=|--|-=|\|\||\|=|&&|&=|\.\.\.|\.\.|/=)|[/.&|\-+<>!()\[\]{}?,;:$=*%^~]",
                    PUNCTUATION,
                ),
                rule(r"[a-zA-Z_]\w*", NAME),
                rule(r"#line\s.*\n", COMMENT_SPECIAL),
            ],
        ),
        (
            "nested_comment",
            vec![
                rule("[^+/]+", COMMENT_MULTILINE),
                rule(r"/\+", COMMENT_MULTILINE).push_self(),
                rule(r"\+/", COMMENT_MULTILINE).pop(),
                rule("[+/]", COMMENT_MULTILINE),
            ],
        ),
        (
            "token_string",
            vec![
                rule(r"\{", PUNCTUATION).push("token_string_nest"),
                rule(r"\}", STR).pop(),
                include("root"),
            ],
        ),
        (
            "token_string_nest",
            vec![
                rule(r"\{", PUNCTUATION).push_self(),
                rule(r"\}", PUNCTUATION).pop(),
                include("root"),
            ],
        ),
        (
            "delimited_bracket",
            delimited(r"\[", r"\]", "delimited_inside_bracket"),
        ),
        ("delimited_inside_bracket", inside(r"\[", r"\]")),
        (
            "delimited_parenthesis",
            delimited(r"\(", r"\)", "delimited_inside_parenthesis"),
        ),
        ("delimited_inside_parenthesis", inside(r"\(", r"\)")),
        (
            "delimited_angle",
            delimited("<", ">", "delimited_inside_angle"),
        ),
        ("delimited_inside_angle", inside("<", ">")),
        (
            "delimited_curly",
            delimited(r"\{", r"\}", "delimited_inside_curly"),
        ),
        ("delimited_inside_curly", inside(r"\{", r"\}")),
    ])
}
