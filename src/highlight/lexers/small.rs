//! Small line- or token-oriented languages: brainfuck, plist, email, ssh config, systemd
//! units, msgtrans, CSV schema.

use crate::highlight::engine::*;
use crate::highlight::token::*;

fn push_bol(st: &mut LexState) {
    st.push("bol");
}

pub fn brainfuck() -> LexerDef {
    LexerDef::new(vec![
        (
            "bol",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\[", COMMENT_MULTILINE).push("comment_multi"),
                jump("").pop(),
            ],
        ),
        (
            "root",
            vec![
                rule(r"\]", ERROR),
                rule(r"\[", PUNCTUATION).push("loop"),
                include("comment_single"),
                include("commands"),
            ],
        ),
        (
            "comment_multi",
            vec![
                rule(r"\[", COMMENT_MULTILINE).push("comment_multi"),
                rule(r"\]", COMMENT_MULTILINE).pop(),
                rule(r"(?s)[^\[\]]+?", COMMENT_MULTILINE),
            ],
        ),
        (
            "comment_single",
            vec![rule(r"[^><+\-.,\[\]]+", COMMENT_SINGLE)],
        ),
        (
            "loop",
            vec![
                rule(r"\[", PUNCTUATION).push("loop"),
                rule(r"\]", PUNCTUATION).pop(),
                include("comment_single"),
                include("commands"),
            ],
        ),
        (
            "commands",
            vec![
                rule("[><]+", NAME_BUILTIN),
                rule(r"[+\-.,]+", NAME_FUNCTION),
            ],
        ),
    ])
    .with_start(push_bol)
}

pub fn plist() -> LexerDef {
    LexerDef::new(vec![
        ("whitespace", vec![rule(r"\s+", WHITESPACE)]),
        (
            "root",
            vec![
                rule("//.*$", COMMENT),
                rule(r"(?s)/\*.+?\*/", COMMENT),
                include("whitespace"),
                rule(r"\{", PUNCTUATION).push("dictionary"),
                rule(r"\(", PUNCTUATION).push("array"),
                rule(r#""([^"\\]|\\.)*""#, STR_DOUBLE),
                rule(r"'([^'\\]|\\.)*'", STR_SINGLE),
                rule("<", PUNCTUATION).push("data"),
                rule(r"[\w$/:.-]+", LITERAL),
            ],
        ),
        (
            "dictionary",
            vec![
                include("root"),
                rule("[=;]", PUNCTUATION),
                rule(r"\}", PUNCTUATION).pop(),
            ],
        ),
        (
            "array",
            vec![
                include("root"),
                rule("[,]", PUNCTUATION),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        (
            "data",
            vec![rule(r"[\h\s]+", NUM_HEX), rule(">", PUNCTUATION).pop()],
        ),
    ])
}

fn push_fields(st: &mut LexState) {
    st.push("fields");
}

pub fn email() -> LexerDef {
    LexerDef::new(vec![
        (
            "fields",
            vec![
                rule("[:]", OPERATOR).push("field_body"),
                rule(r"[^\n\r:]+", NAME_TAG),
                rule(r"[\n\r]", NAME_TAG),
            ],
        ),
        (
            "field_body",
            vec![
                rule(r"(\r?\n){2}", TEXT).pop_n(2),
                rule(r"\r?\n(?![ \x0B\t\f])", TEXT).pop(),
                rule(r"[^\n\r]+", NAME_ATTRIBUTE),
                rule(r"[\n\r]", NAME_ATTRIBUTE),
            ],
        ),
        (
            "root",
            vec![rule(r"\n", TEXT), rule("^>.*", COMMENT), rule(".+", TEXT)],
        ),
    ])
    .with_start(push_fields)
}

pub fn ssh() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("(?i)[a-z0-9]+", KEYWORD).push("statement"),
                include("base"),
            ],
        ),
        (
            "statement",
            vec![
                rule(r"\n", TEXT).pop(),
                rule(
                    r"(?:yes|no|confirm|ask|always|auto|none|force)\b",
                    NAME_CONSTANT,
                ),
                rule(r"\d+", NUM),
                rule(r"[^#\s;{}$\\]+", TEXT),
                include("base"),
            ],
        ),
        (
            "base",
            vec![rule(r"\s+", TEXT), rule("#.*", COMMENT_SINGLE)],
        ),
    ])
}

pub fn systemd() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("[;#].*", COMMENT),
                rule(r"\[.*?\]$", KEYWORD),
                groups(
                    r"(.*?)(=)(.*)(\\\n)",
                    &[NAME_TAG, PUNCTUATION, TEXT, STR_ESCAPE],
                )
                .push("continuation"),
                groups("(.*?)(=)(.*)", &[NAME_TAG, PUNCTUATION, TEXT]),
            ],
        ),
        (
            "continuation",
            vec![
                groups(r"(.*?)(\\\n)", &[TEXT, STR_ESCAPE]),
                rule("(.*)'", TEXT).pop(),
            ],
        ),
    ])
}

pub fn msgtrans() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"^#[^\n]*", COMMENT),
                rule(r"[^\t\n\r ,):?/]+", NAME_VARIABLE),
                rule(r"[\n/?]", OPERATOR),
                rule(":", OPERATOR).push("value"),
            ],
        ),
        (
            "value",
            vec![
                rule(r"\n", TEXT).pop(),
                rule("%[0-3%]", OPERATOR),
                rule(r"[^\n%]", STR),
            ],
        ),
    ])
}

pub fn csvs() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"\s+", TEXT),
            rule(r"//[\S\t ]*", COMMENT_SINGLE),
            rule(r"(?s)/\*[^*]*\*/", COMMENT_MULTILINE),
            groups(r"(version)( )(\d+\.\d+)", &[KEYWORD, WHITESPACE, NUM_FLOAT]),
            rule(
                r"T?\d{2}:\d{2}:\d{2}(\.\d{5})?(Z|(?:[-+]\d{2}:\d{2}))?",
                LITERAL_DATE,
            ),
            rule(r"\d{4}-\d{2}-\d{2}", LITERAL_DATE),
            rule(r"\d{2}/\d{2}/\d{4}", LITERAL_DATE),
            rule(r"(?i)(\d+[.]?\d*|\d*[.]\d+)(e[+-]?[0-9]+)?", NUM_FLOAT),
            rule(r"\d+", NUM_INTEGER),
            rule(r"@\w+", KEYWORD_PSEUDO),
            rule(r"[-.\w]+:", NAME_VARIABLE),
            rule("^\"[^\"]+\"", NAME_VARIABLE),
            rule(r#"\$([-.\w]+|("[^"]+"))/?"#, NAME_VARIABLE),
            rule("(?i)[A-Z]+", KEYWORD),
            rule("\"[^\"]*\"", STR_DOUBLE),
            rule(r"'[^\r\n\f']'", STR_CHAR),
            rule("[,()*]", PUNCTUATION),
        ],
    )])
}
