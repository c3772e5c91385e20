//! dafny, postscript, vcl, sqf, plsql, stan, openedge, mosel, factor, idlang.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const DAFNY_KEYWORDS: &[&str] = &[
    "abstract",
    "allocated",
    "assert",
    "assume",
    "break",
    "by",
    "calc",
    "case",
    "class",
    "codatatype",
    "const",
    "constructor",
    "datatype",
    "decreases",
    "downto",
    "else",
    "ensures",
    "exists",
    "expect",
    "export",
    "extends",
    "false",
    "for",
    "forall",
    "fresh",
    "function",
    "ghost",
    "greatest",
    "if",
    "import",
    "include",
    "invariant",
    "iterator",
    "label",
    "least",
    "lemma",
    "match",
    "method",
    "modifies",
    "modify",
    "module",
    "nameonly",
    "new",
    "newtype",
    "null",
    "old",
    "opened",
    "predicate",
    "print",
    "provides",
    "reads",
    "refines",
    "requires",
    "return",
    "returns",
    "reveal",
    "reveals",
    "static",
    "then",
    "this",
    "to",
    "trait",
    "true",
    "twostate",
    "type",
    "unchanged",
    "var",
    "while",
    "witness",
    "yield",
    "yields",
];
const DAFNY_TYPES: &[&str] = &[
    "bool", "char", "int", "real", "string", "nat", "array", "array?", "object", "object?",
    "ORDINAL", "seq", "set", "iset", "map", "imap", "multiset",
];

fn dafny_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if DAFNY_TYPES.contains(&w) {
        KEYWORD_TYPE
    } else if ["true", "false", "null"].contains(&w) {
        KEYWORD_CONSTANT
    } else if ["as", "is", "in"].contains(&w) {
        OPERATOR_WORD
    } else if DAFNY_KEYWORDS.contains(&w) {
        KEYWORD_RESERVED
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn dafny() -> LexerDef {
    let idchar = r"[0-9a-zA-Z_'?]";
    let id = format!(r"[0-9a-zA-Z?]{idchar}*");
    let digits = r"\d+(?:_\d+)*";
    let hexd = r"[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*";
    let cchar = r#"(?:[^\\'\n\r]|\\["'ntr\\0])"#;
    let schar = r#"(?:[^\\"\n\r]|\\["'ntr\\0])"#;
    let uchar = r"(?:\\u[0-9a-fA-F]{4})";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"/\*", COMMENT_MULTILINE).push("comment"),
                rule(r"//.*?$", COMMENT_SINGLE),
                rule(r"\*/", ERROR),
                rule(format!("'{cchar}'"), STR_CHAR),
                rule(format!("'{uchar}'"), STR_CHAR),
                rule(r"'[^'\n\r]*'", ERROR),
                rule(r"'[^'\n\r]*$", ERROR),
                rule(format!(r#""(?:{schar}|{uchar})*""#), STR_DOUBLE),
                rule(r#"".*""#, ERROR),
                rule(r#"".*$"#, ERROR),
                rule(r#"@"([^"]|"")*""#, STR_OTHER),
                rule(r#"(?s)@".*"#, ERROR),
                rule(format!(r"{digits}\.{digits}(?!{idchar})"), NUM_FLOAT),
                rule(format!(r"0b[01]+(?:_[01]+)*(?!{idchar})"), NUM_BIN),
                rule(format!(r"0b{idchar}*"), ERROR),
                rule(format!(r"0x{hexd}(?!{idchar})"), NUM_HEX),
                rule(format!(r"0x{idchar}*"), ERROR),
                rule(format!(r"{digits}(?!{idchar})"), NUM_INTEGER),
                rule(format!(r"_(?!{idchar})"), NAME),
                rule(format!(r"_[0-9_]+[_]?(?!{idchar})"), ERROR),
                rule(format!(r"[0-9_]+_(?!{idchar})"), ERROR),
                rule(format!(r"[0-9]{idchar}+"), ERROR),
                rule(
                    format!(r"array(?:1[0-9]+|[2-9][0-9]*)\??(?!{idchar})"),
                    KEYWORD_TYPE,
                ),
                rule(format!(r"bv(?:0|[1-9][0-9]*)(?!{idchar})"), KEYWORD_TYPE),
                call(id, dafny_word),
                rule(r"\.\.", OPERATOR),
                rule(r"[*!%&<>\|^+=:./-]", OPERATOR),
                rule(r"[\[\](){},;`]", PUNCTUATION),
                rule(r"[^\S\n]+", TEXT),
                rule(r"\n", TEXT),
                rule(r".", ERROR),
            ],
        ),
        (
            "comment",
            vec![
                rule(r"\*/", COMMENT_MULTILINE).pop(),
                rule(r"/\*", COMMENT_MULTILINE).push("comment"),
                rule(r"[^*/]+", COMMENT_MULTILINE),
                rule(r".", COMMENT_MULTILINE),
            ],
        ),
    ])
}

const PS_KEYWORDS: &str =
    "abs add aload arc arcn array atan begin bind ceiling charpath clip closepath \
    concat concatmatrix copy cos currentlinewidth currentmatrix currentpoint curveto cvi cvs def \
    defaultmatrix dict dictstackoverflow div dtransform dup end exch exec exit exp fill findfont \
    floor get getinterval grestore gsave identmatrix idiv idtransform index invertmatrix \
    itransform length lineto ln load log loop matrix mod moveto mul neg newpath pathforall \
    pathbbox pop print pstack put quit rand rangecheck rcurveto repeat restore rlineto rmoveto \
    roll rotate round run save scale scalefont setdash setfont setgray setlinecap setlinejoin \
    setlinewidth setmatrix setrgbcolor shfill show showpage sin sqrt stack stringwidth stroke \
    strokepath sub syntaxerror transform translate truncate typecheck undefined \
    undefinedfilename undefinedresult";

pub fn postscript() -> LexerDef {
    let dend = r"(?=[()<>\[\]{}/%\s])";
    let name = format!(r"[^()<>\[\]{{}}/%\s]+{dend}");
    let kws: Vec<&str> = PS_KEYWORDS.split_whitespace().collect();
    let num = r"([0-9]+\.?|[0-9]*\.[0-9]+|[0-9]+\.[0-9]*)((e|E)[0-9]+)?";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"^%!.+?$", COMMENT_PREPROC),
                rule(r"%%.*?$", COMMENT_SPECIAL),
                rule(r"(^%.*?$){2,}", COMMENT_MULTILINE),
                rule(r"%.*?$", COMMENT_SINGLE),
                rule(r"\(", STR).push("stringliteral"),
                rule(format!("/{name}"), NAME_VARIABLE),
                rule(r"[{}<>\[\]]", PUNCTUATION),
                rule(format!("(?:{}){dend}", kws.join("|")), NAME_BUILTIN),
                rule(
                    format!(r"(eq|ne|g[et]|l[et]|and|or|not|if(?:else)?|for(?:all)?){dend}"),
                    KEYWORD_RESERVED,
                ),
                rule(format!("(false|true){dend}"), KEYWORD_CONSTANT),
                rule(format!("<[0-9A-Fa-f]+>{dend}"), NUM_HEX),
                rule(format!(r"[0-9]+\#(\-|\+)?{num}{dend}"), NUM_OCT),
                rule(format!(r"(\-|\+)?{num}{dend}"), NUM_FLOAT),
                rule(format!(r"(\-|\+)?[0-9]+{dend}"), NUM_INTEGER),
                rule(name, NAME_FUNCTION),
                rule(r"\s+", TEXT),
            ],
        ),
        (
            "stringliteral",
            vec![
                rule(r"[^()\\]+", STR),
                rule(r"\\", STR_ESCAPE).push("escape"),
                rule(r"\(", STR).push("stringliteral"),
                rule(r"\)", STR).pop(),
            ],
        ),
        (
            "escape",
            vec![rule(r"[0-8]{3}|n|r|t|b|f|\\|\(|\)", STR_ESCAPE).pop()],
        ),
    ])
}

static VCL_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vcl", "keywords"));
static VCL_FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vcl", "functions"));
static VCL_VARIABLES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("vcl", "variables"));

fn vcl_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if VCL_KEYWORDS.contains(w) {
        KEYWORD
    } else if VCL_FUNCTIONS.contains(w) {
        NAME_FUNCTION
    } else if VCL_VARIABLES.contains(w) {
        NAME_VARIABLE
    } else {
        TEXT
    };
    cx.token(t, w);
}

fn vcl_number(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let dec = w.bytes().all(|b| b.is_ascii_digit());
    let hex = w.len() > 2 && w.starts_with("0x") && w[2..].bytes().all(|b| b.is_ascii_hexdigit());
    cx.token(if dec || hex { NUM_INTEGER } else { NUM_FLOAT }, w);
}

fn vcl_inline_c(cx: &mut Ctx, m: &Caps) {
    cx.delegate("c", m.all());
}

pub fn vcl() -> LexerDef {
    let numeric = r"(?i:(?:0x[0-9a-f]+(?:\.[0-9a-f]+)?(?:p[+-]?[0-9a-f]+)?)|(?:[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?))";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r#"(?s)\{".*?"}"#, STR_SINGLE),
                rule(r#"(?s)\{(\w+)".*?"(\1)\}"#, STR_SINGLE),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
                rule(r"(?://|#).*", COMMENT_SINGLE),
                rule(r"true|false", KEYWORD_CONSTANT),
                rule(
                    r"(?:beresp|bereq|resp|req|obj)\.http\.[\w.-]+",
                    NAME_VARIABLE,
                ),
                rule(r"(?:var)\.[\w.-]+", NAME_VARIABLE),
                groups(
                    r"(sub)([ \f\n\r\t\v]+)([\w-]+)",
                    &[KEYWORD, TEXT, NAME_FUNCTION],
                ),
                rule(r"C\{", COMMENT_PREPROC).push("inline_c"),
                call(r"(?i)\.?[a-z_][\w.-]*", vcl_word),
                rule(format!("{numeric}(?:ms|s|m|h|d|w|y)"), NUM_OTHER),
                call(numeric, vcl_number),
                rule("\"", STR_DOUBLE).push("string"),
                rule(r"[&|+-]{2}|[<=>!*/+-]=|<<|>>|!~|[-+*/%><=!&|~]", OPERATOR),
                rule(r"[{}();.,]", PUNCTUATION),
                rule(r"\r\n?|\n", TEXT),
                rule(r".", TEXT),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                rule(r#"\\[\\"nt]"#, STR_ESCAPE),
                rule(r"\r\n?|\n", STR_DOUBLE),
                rule(r".", STR_DOUBLE),
            ],
        ),
        (
            "inline_c",
            vec![
                rule(r"}C", COMMENT_PREPROC).pop(),
                call(r"(?s).*?(?=}C)", vcl_inline_c),
            ],
        ),
    ])
}

struct SqfWords {
    groups: Vec<(HashSet<&'static str>, Tok)>,
}

static SQF: Lazy<SqfWords> = Lazy::new(|| SqfWords {
    groups: [
        ("wordoperators", OPERATOR_WORD),
        ("initializers", KEYWORD_DECLARATION),
        ("controlflow", KEYWORD_RESERVED),
        ("constants", KEYWORD_CONSTANT),
        ("namespaces", KEYWORD_NAMESPACE),
        ("diag_commands", NAME_FUNCTION),
        ("commands", NAME_FUNCTION),
    ]
    .iter()
    .map(|&(k, t)| (word_set("sqf", k), t))
    .collect(),
});

fn sqf_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let name = w.to_ascii_lowercase();
    let t = SQF
        .groups
        .iter()
        .find(|(set, _)| set.contains(name.as_str()))
        .map(|&(_, t)| t)
        .unwrap_or_else(|| {
            let underscore = name.find('_').is_some_and(|i| i + 1 < name.len());
            if underscore {
                NAME_VARIABLE
            } else {
                NAME_VARIABLE_GLOBAL
            }
        });
    cx.token(t, w);
}

pub fn sqf() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"\s+", TEXT),
            rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
            rule(r"//.*", COMMENT_SINGLE),
            rule(
                r"#(define|undef|if(n)?def|else|endif|include)",
                COMMENT_PREPROC,
            ),
            rule(r"\\\r?\n", COMMENT_PREPROC),
            rule(r"__(EVAL|EXEC|LINE__|FILE__)", NAME_BUILTIN),
            rule(r#"".*?""#, STR),
            rule(r"'.*?'", STR),
            rule(r"(\$|0x)[0-9a-fA-F]+", NUM_HEX),
            rule(r"[0-9]+(\.)?(e[0-9]+)?", NUM_FLOAT),
            rule(r"[\!\%\&\*\+\-\/\<\=\>\^\|\#]", OPERATOR),
            rule(r"[\(\)\{\}\[\]\,\:\;]", PUNCTUATION),
            call(r"[a-zA-Z0-9_]+", sqf_word),
        ],
    )])
}

static PLSQL: Lazy<Vec<(HashSet<&'static str>, Tok)>> = Lazy::new(|| {
    [
        ("keywords_type", KEYWORD_TYPE),
        ("keywords_func", NAME_FUNCTION),
        ("keywords_reserved", KEYWORD_RESERVED),
        ("keywords", KEYWORD),
    ]
    .iter()
    .map(|&(k, t)| (word_set("plsql", k), t))
    .collect()
});

fn plsql_word(cx: &mut Ctx, m: &Caps) {
    let up = m.get(1).to_ascii_uppercase();
    let tok = PLSQL
        .iter()
        .find(|(set, _)| set.contains(up.as_str()))
        .map_or(NAME, |&(_, t)| t);
    cx.token(tok, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
    if m.get(2) == "." {
        cx.push("dotnames");
    }
}

fn plsql_dotname(cx: &mut Ctx, m: &Caps) {
    let up = m.all().to_ascii_uppercase();
    let tok = if PLSQL[1].0.contains(up.as_str()) {
        NAME_FUNCTION
    } else {
        NAME
    };
    cx.token(tok, m.all());
    cx.pop(1);
}

/// `q'X`: an operator-quoted string closed by `X'` (or the matching bracket).
fn plsql_q_open(cx: &mut Ctx, m: &Caps) {
    let open = m.get(1);
    let close = match open {
        "{" => "}",
        "[" => "]",
        "(" => ")",
        "<" => ">",
        o => o,
    };
    cx.st.vars.insert("close", close.to_string());
    cx.token(OPERATOR, m.all());
    cx.push("qstring");
}

/// The body of a q-string: runs of `C[^']`, `[^C]'` and `[^C']` (C the closing delimiter),
/// then the closing `C'`.
fn plsql_q_body(cx: &mut Ctx, m: &Caps) {
    let close = cx
        .st
        .vars
        .get("close")
        .and_then(|c| c.chars().next())
        .unwrap_or('\'');
    let text = m.all();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let next = chars.get(i + 1).map(|&(_, n)| n);
        if (c == close && next.is_some_and(|n| n != '\'')) || (c != close && next == Some('\'')) {
            i += 2;
        } else if c != close && c != '\'' {
            i += 1;
        } else {
            break;
        }
    }
    let end = chars.get(i).map_or(text.len(), |&(b, _)| b);
    if end > 0 {
        cx.token(STR_OTHER, &text[..end]);
        cx.consume(end);
    } else if chars.len() >= 2 && chars[0].1 == close && chars[1].1 == '\'' {
        let len = close.len_utf8() + 1;
        cx.token(OPERATOR, &text[..len]);
        cx.consume(len);
        cx.pop(1);
    } else {
        cx.reject();
    }
}

pub fn plsql() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(r"--.*", COMMENT_SINGLE),
                rule(r"/\*", COMMENT_MULTILINE).push("multiline_comments"),
                call(r"(?i)q'(.)", plsql_q_open),
                rule(r"'", OPERATOR).push("single_string"),
                rule("\"", OPERATOR).push("double_string"),
                groups(
                    r"(?im)(\$(?:IF|THEN|ELSE|ELSIF|ERROR|END|(?:\$\$?\w[\w\d]*)))(\s+)",
                    &[COMMENT_PREPROC, TEXT],
                ),
                rule(
                    r"[+-]?(?:(?:\.\d+(?:[eE][+-]?\d+)?)|\d+\.(?:\d+(?:[eE][+-]?\d+)?)?)[fFdD]?",
                    NUM_FLOAT,
                ),
                rule(r"[+-]?\d+", NUM_INTEGER),
                rule(
                    r"(?i)%(?:TYPE|ROWTYPE|FOUND|ISOPEN|NOTFOUND|ROWCOUNT)\b",
                    NAME_ATTRIBUTE,
                ),
                rule(
                    r"=>|\|\||\*\*|<<|>>|\.\.|<>|[:!~^<>]=|[-+%\/*=<>@&!^\[\]]",
                    OPERATOR,
                ),
                groups(
                    r"(?im)(NOT|AND|OR|LIKE|BETWEEN|IN)(\s)",
                    &[OPERATOR_WORD, TEXT],
                ),
                groups(
                    r"(?im)(IS)(\s+)(?:(NOT)(\s+))?(NULL\b)",
                    &[OPERATOR_WORD, TEXT, OPERATOR_WORD, TEXT, OPERATOR_WORD],
                ),
                rule(r"\.(?=\w)", PUNCTUATION).push("dotnames"),
                rule(r"[;:()\[\],.]", PUNCTUATION),
                groups(
                    r"(?im)(create)(\s+)(?:(or)(\s+)(replace)(\s+))?(package|function|procedure|type)(?:(\s+)(body))?(\s+)(\w[\w\d\$]*)",
                    &[
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                        NAME,
                    ],
                ),
                groups(
                    r"(?im)(when)(\s+)(?:(not)(\s+))?(matched)(\s+)(then)(\s+)(update|insert)\b(?:(\s+)(set)(\s+))?",
                    &[
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                        KEYWORD_RESERVED,
                        TEXT,
                    ],
                ),
                call(r"(\w[\w\d\$]*)(\.(?=\w))?", plsql_word),
            ],
        ),
        (
            "multiline_comments",
            vec![
                rule(r"([*][^\/]|[^*])+", COMMENT_MULTILINE),
                rule(r"[*]\/", COMMENT_MULTILINE).pop(),
            ],
        ),
        (
            "single_string",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule(r"''", STR_ESCAPE),
                rule(r"'", OPERATOR).pop(),
                rule(r"[^\\']+", STR_SINGLE),
            ],
        ),
        (
            "double_string",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule("\"\"", STR_ESCAPE),
                rule("\"", OPERATOR).pop(),
                rule(r#"[^\\"]+"#, NAME_VARIABLE),
            ],
        ),
        (
            "dotnames",
            vec![
                groups(r"(\w[\w\d\$]*)(\.(?=\w))", &[NAME, PUNCTUATION]),
                call(r"\w[\w\d\$]*", plsql_dotname),
            ],
        ),
        ("qstring", vec![call(r"(?s).+", plsql_q_body)]),
    ])
}

static STAN: Lazy<Vec<HashSet<&'static str>>> = Lazy::new(|| {
    [
        "keywords",
        "types",
        "reserved",
        "builtin_functions",
        "distributions",
        "constants",
    ]
    .iter()
    .map(|k| word_set("stan", k))
    .collect()
});

fn stan_id(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let tok = if STAN[0].contains(w) {
        KEYWORD
    } else if STAN[1].contains(w) {
        KEYWORD_TYPE
    } else if STAN[2].contains(w) {
        KEYWORD_RESERVED
    } else {
        NAME_VARIABLE
    };
    cx.token(tok, w);
}

fn stan_function(cx: &mut Ctx, m: &Caps) {
    cx.delegate("stan", m.get(1));
    let name = m.get(2);
    if STAN[3].contains(name) || STAN[4].contains(name) {
        cx.token(NAME_BUILTIN, name);
    } else if STAN[5].contains(name) {
        // Rouge passes no text here, so the whole match (return type included) is emitted.
        cx.token(KEYWORD_CONSTANT, m.all());
    } else {
        cx.token(NAME_FUNCTION, name);
    }
}

pub fn stan() -> LexerDef {
    let ws = r"(?:\s|//.*?\n|/[*].*?[*]/)+";
    let id = r"[a-zA-Z_][a-zA-Z0-9_]*";
    let rt = r"(?:(?:[a-z_]\s*(?:\[[0-9, ]\])?)\s+)*";
    let op = [
        "=", "<", "<=", ">", ">=", "==", "!=", "!", "&&", r"\|\|", r"\+", "-", r"\*", "/", r"\^",
        "'", r"\.\+", r"\.-", r"\.\*", r"\./", r"\.\^", r"\\", r"\+=", "-=", r"\*=", "/=",
        r"\.\*=", r"\./=", "~", r"\?", ":",
    ]
    .join("|");
    let real = r"(?:(\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+|\d+)";
    let float = format!(
        r"({real}({ws})[+-]({ws}){real}i)|{real}i|((\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+)"
    );
    LexerDef::new(vec![
        (
            "root",
            vec![
                include("whitespace"),
                rule(r"#include", COMMENT_PREPROC).push("include"),
                rule(r"#.*$", GENERIC_DELETED),
                rule(
                    r"functions|(?:transformed\s+)?data|(?:transformed\s+)?parameters|model|generated\s+quantities",
                    NAME_NAMESPACE,
                ),
                rule(r"\{", PUNCTUATION).push("bracket_scope"),
                include("scope"),
            ],
        ),
        (
            "include",
            vec![groups(r"(\s+)(\S+)(\s*)", &[TEXT, COMMENT_PREPROC_FILE, TEXT]).pop()],
        ),
        (
            "whitespace",
            vec![
                rule(r"\n+", TEXT),
                rule(r"//(\\.|.)*?$", COMMENT_SINGLE),
                include("inline_whitespace"),
            ],
        ),
        (
            "inline_whitespace",
            vec![
                rule(r"[ \t\r]+", TEXT),
                rule(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", COMMENT_MULTILINE),
            ],
        ),
        (
            "statements",
            vec![
                include("whitespace"),
                rule(r"#include", COMMENT_PREPROC).push("include"),
                rule(r"#.*$", GENERIC_DELETED),
                // Rouge pushes an undefined :string state here (and raises); a lone string mark.
                rule("\"", STR),
                rule(float, NUM_FLOAT),
                rule(r"\d+", NUM_INTEGER),
                rule(r"\*/", ERROR),
                rule(op, OPERATOR),
                rule(r"[\[\],.;]", PUNCTUATION),
                rule(r"[|](?![|])", PUNCTUATION),
                rule(r"T\b", KEYWORD_RESERVED),
                rule(r"(lower|upper)\b", NAME_ATTRIBUTE),
                call(id, stan_id),
            ],
        ),
        (
            "scope",
            vec![
                include("whitespace"),
                call(format!(r"({rt})({id})(?=\([^;]*?\))"), stan_function),
                rule(r"\{", PUNCTUATION).push("bracket_scope"),
                rule(r"\(", PUNCTUATION).push("parens_scope"),
                include("statements"),
            ],
        ),
        (
            "bracket_scope",
            vec![include("scope"), rule(r"\}", PUNCTUATION).pop()],
        ),
        (
            "parens_scope",
            vec![include("scope"), rule(r"\)", PUNCTUATION).pop()],
        ),
    ])
}

static OPENEDGE_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("openedge", "keywords"));
static OPENEDGE_TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("openedge", "keywords_type"));

fn openedge_id(cx: &mut Ctx, m: &Caps) {
    let name = m.all().to_ascii_uppercase();
    let tok = if OPENEDGE_KEYWORDS.contains(name.as_str()) {
        NAME_BUILTIN
    } else if OPENEDGE_TYPES.contains(name.as_str()) {
        KEYWORD_TYPE
    } else {
        NAME_VARIABLE
    };
    cx.token(tok, m.all());
}

pub fn openedge() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                groups(r"(\.)(\s+)", &[OPERATOR, TEXT]),
                rule(r"//[^\n]*", COMMENT_SINGLE),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
                groups(r"(\{?&)(\S+)", &[COMMENT_PREPROC, NAME_OTHER]).push("preproc"),
                rule("\"", STR).push("string"),
                rule(
                    r"(?i)'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'",
                    STR_CHAR,
                ),
                include("numbers"),
                rule(r"\*/", ERROR),
                rule(r"[~!%^*+=\|?:<>/-]", OPERATOR),
                rule(r"[()\[\],]", PUNCTUATION),
                rule(r"(?i)(?:TRUE|FALSE|NULL)\b", KEYWORD_CONSTANT),
                call(r"[a-zA-Z_&{}][a-zA-Z0-9_\-&}]*", openedge_id),
            ],
        ),
        (
            "numbers",
            vec![
                rule(r"(?i)(?:\d+[.]\d*|[.]\d+)(?:e[+-]?\d+[lu]*)?", NUM_FLOAT),
                rule(r"(?i)\d+e[+-]?\d+[lu]*", NUM_FLOAT),
                rule(r"(?i)0x[0-9a-f]+[lu]*", NUM_HEX),
                rule(r"(?i)0[0-7]+[lu]*", NUM_OCT),
                rule(r"(?i)\d+[lu]*", NUM_INTEGER),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(
                    r#"\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"#,
                    STR_ESCAPE,
                ),
                rule(r#"[^\\"]+"#, STR),
                rule(r"\\", STR),
            ],
        ),
        (
            "preproc",
            vec![
                rule(r"\n", TEXT).pop(),
                rule(r"\s+", TEXT),
                groups(r"(\{?&)(\S+)", &[COMMENT_PREPROC, NAME_OTHER]),
                rule("\"", STR).push("string"),
                include("numbers"),
                rule(r"\S+", NAME),
            ],
        ),
    ])
}

// Mosel word lists, in Rouge's order (alternation order decides the shorter/longer match).
const MOSEL_CORE_KEYWORDS: &str =
    "and array as boolean break case count counter declarations div do dynamic elif else \
    end evaluation exit false forall forward from function if imports in include \
    initialisations initializations integer inter is_binary is_continuous is_free \
    is_integer is_partint is_semcont is_semint is_sos1 is_sos2 linctr list max min mod \
    model mpvar next not of options or package parameters procedure public prod range \
    real record repeat requirements set string sum then to true union until uses version \
    while with";
const MOSEL_CORE_FUNCTIONS: &str =
    "abs arctan assert bitflip bitneg bitset bitshift bittest bitval ceil cos create \
    currentdate currenttime cuthead cuttail delcell exists exit exp exportprob fclose \
    fflush finalize findfirst findlast floor fopen fselect fskipline getact getcoeff \
    getcoeffs getdual getfid getfirst gethead getfname getlast getobjval getparam \
    getrcost getreadcnt getreverse getsize getslack getsol gettail gettype getvars iseof \
    ishidden isodd ln log makesos1 makesos2 maxlist minlist publish random read readln \
    reset reverse round setcoeff sethidden setioerr setname setparam setrandseed settype \
    sin splithead splittail sqrt strfmt substr timestamp unpublish write writeln";
const MOSEL_MMXPRS_FUNCTIONS: &str =
    "addmipsol basisstability calcsolinfo clearmipdir clearmodcut command copysoltoinit \
    defdelayedrows defsecurevecs estimatemarginals fixglobal getbstat getdualray getiis \
    getiissense getiistype getinfcause getinfeas getlb getloadedlinctrs getloadedmpvars \
    getname getprimalray getprobstat getrange getsensrng getsize getsol getub getvars \
    implies indicator isiisvalid isintegral loadbasis loadmipsol loadprob maximize \
    minimize postsolve readbasis readdirs readsol refinemipsol rejectintsol repairinfeas \
    resetbasis resetiis resetsol savebasis savemipsol savesol savestate selectsol \
    setbstat setcallback setcbcutoff setgndata setlb setmipdir setmodcut setsol setub \
    setucbdata stopoptimize unloadprob writebasis writedirs writeprob writesol xor";
const MOSEL_MMXPRES_CONSTANTS: &str = "XPRS_OPT XPRS_UNF XPRS_INF XPRS_UNB XPRS_OTH";
const MOSEL_MMXPRS_PARAMETERS: &str =
    "XPRS_colorder XPRS_enumduplpol XPRS_enummaxsol XPRS_enumsols XPRS_fullversion \
    XPRS_loadnames XPRS_problem XPRS_probname XPRS_verbose";
const MOSEL_MMSYSTEM_FUNCTIONS: &str =
    "addmonths copytext cuttext deltext endswith expandpath fcopy fdelete findfiles \
    findtext fmove getasnumber getchar getcwd getdate getday getdaynum getdays getdirsep \
    getendparse setendparse getenv getfsize getfstat getftime gethour getminute getmonth \
    getmsec getpathsep getqtype setqtype getsecond getsepchar setsepchar getsize \
    getstart setstart getsucc setsucc getsysinfo getsysstat gettime gettmpdir gettrim \
    settrim getweekday getyear inserttext isvalid makedir makepath newtar newzip \
    nextfield openpipe parseextn parseint parsereal parsetext pastetext pathmatch \
    pathsplit qsort quote readtextline regmatch regreplace removedir removefiles setchar \
    setdate setday setenv sethour setminute setmonth setmsec setsecond settime setyear \
    sleep startswith system tarlist textfmt tolower toupper trim untar unzip ziplist";
const MOSEL_MMSYSTEM_PARAMETERS: &str =
    "datefmt datetimefmt monthnames sys_endparse sys_fillchar sys_pid sys_qtype \
    sys_regcache sys_sepchar";
const MOSEL_MMJOBS_INSTANCE_MGMT_FUNCTIONS: &str =
    "clearaliases connect disconnect findxsrvs getaliases getbanner gethostalias \
    sethostalias";
const MOSEL_MMJOBS_MODEL_MGMT_FUNCTIONS: &str =
    "compile detach getannidents getannotations getexitcode getgid getid getnode getrmtid \
    getstatus getuid load reset resetmodpar run setcontrol setdefstream setmodpar \
    setworkdir stop unload";
const MOSEL_MMJOBS_SYNCHORNIZATION_FUNCTIONS: &str =
    "dropnextevent getclass getfromgid getfromid getfromuid getnextevent getvalue \
    isqueueempty nullevent peeknextevent send setgid setuid wait waitfor";
const MOSEL_MMJOBS_PARAMETERS: &str =
    "conntmpl defaultnode fsrvdelay fsrvnbiter fsrvport jobid keepalive nodenumber \
    parentnumber";

fn mosel_words(list: &str) -> String {
    list.split_whitespace().collect::<Vec<_>>().join("|")
}

pub fn mosel() -> LexerDef {
    let jobs = format!(
        "{} {} {}",
        MOSEL_MMJOBS_INSTANCE_MGMT_FUNCTIONS,
        MOSEL_MMJOBS_MODEL_MGMT_FUNCTIONS,
        MOSEL_MMJOBS_SYNCHORNIZATION_FUNCTIONS
    );
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule(r"(!).*$\n?", COMMENT_SINGLE),
                rule(r"(?s)\(!.*?!\)", COMMENT_MULTILINE),
            ],
        ),
        (
            "single_quotes",
            vec![rule("'", STR_SINGLE).pop(), rule("[^']+", STR_SINGLE)],
        ),
        (
            "double_quotes",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                rule(r#"(\\"|\\[0-7]{1,3}\D|\\[abfnrtv]|\\\\)"#, STR_ESCAPE),
                rule("[^\"]", STR_DOUBLE),
            ],
        ),
        (
            "base",
            vec![
                rule("\"", STR_DOUBLE).push("double_quotes"),
                rule("'", STR_SINGLE).push("single_quotes"),
                rule(
                    r"((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?",
                    NUM,
                ),
                rule(
                    r"[~!@#\$%\^&\*\(\)\+`\-={}\[\]:;<>\?,\.\/\|\\]",
                    PUNCTUATION,
                ),
                rule(r"(?i)(true|false)\b", NAME_BUILTIN),
                rule(
                    format!(r"(?i)\b({})\b", mosel_words(MOSEL_CORE_KEYWORDS)),
                    KEYWORD,
                ),
                rule(
                    format!(r"\b({})\b", mosel_words(MOSEL_CORE_FUNCTIONS)),
                    NAME_BUILTIN,
                ),
                rule(
                    format!(r"\b({})\b", mosel_words(MOSEL_MMXPRS_FUNCTIONS)),
                    NAME_FUNCTION,
                ),
                rule(
                    format!(r"\b({})\b", mosel_words(MOSEL_MMXPRES_CONSTANTS)),
                    NAME_CONSTANT,
                ),
                rule(
                    format!(r"(?i)\b({})\b", mosel_words(MOSEL_MMXPRS_PARAMETERS)),
                    NAME_PROPERTY,
                ),
                rule(
                    format!(r"(?i)\b({})\b", mosel_words(MOSEL_MMSYSTEM_FUNCTIONS)),
                    NAME_FUNCTION,
                ),
                rule(
                    format!(r"\b({})\b", mosel_words(MOSEL_MMSYSTEM_PARAMETERS)),
                    NAME_PROPERTY,
                ),
                rule(format!(r"(?i)\b({})\b", mosel_words(&jobs)), NAME_FUNCTION),
                rule(
                    format!(r"\b({})\b", mosel_words(MOSEL_MMJOBS_PARAMETERS)),
                    NAME_PROPERTY,
                ),
                rule(r"[a-zA-Z_][a-zA-Z0-9_]*", NAME),
            ],
        ),
        ("root", vec![include("whitespace"), include("base")]),
    ])
}

static FACTOR_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("factor", "builtins"));

fn factor_word(cx: &mut Ctx, m: &Caps) {
    let tok = if FACTOR_BUILTINS.contains(m.all()) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(tok, m.all());
}

pub fn factor() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                groups(
                    r"(:|::|MACRO:|MEMO:|GENERIC:|HELP:)(\s+)(\S+)",
                    &[KEYWORD, TEXT, NAME_FUNCTION],
                ),
                groups(
                    r"(M:|HOOK:|GENERIC#)(\s+)(\S+)(\s+)(\S+)",
                    &[KEYWORD, TEXT, NAME_CLASS, TEXT, NAME_FUNCTION],
                ),
                rule(r"\((?=\s)", NAME_FUNCTION).push("stack_effect"),
                rule(r";(?=\s)", KEYWORD),
                groups(r"(USING:)((?:\s|\\\s)+)", &[KEYWORD_NAMESPACE, TEXT]).push("import"),
                groups(
                    r"(IN:|USE:|UNUSE:|QUALIFIED:|QUALIFIED-WITH:)(\s+)(\S+)",
                    &[KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE],
                ),
                groups(
                    r"(FROM:|EXCLUDE:)(\s+)(\S+)(\s+)(=>)",
                    &[KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE, TEXT, PUNCTUATION],
                ),
                rule(r"(?:ALIAS|DEFER|FORGET|POSTPONE):", KEYWORD_NAMESPACE),
                groups(
                    r"(TUPLE:)(\s+)(\S+)(\s+)(<)(\s+)(\S+)",
                    &[
                        KEYWORD,
                        TEXT,
                        NAME_CLASS,
                        TEXT,
                        PUNCTUATION,
                        TEXT,
                        NAME_CLASS,
                    ],
                )
                .push("slots"),
                groups(r"(TUPLE:)(\s+)(\S+)", &[KEYWORD, TEXT, NAME_CLASS]).push("slots"),
                groups(
                    r"(UNION:|INTERSECTION:)(\s+)(\S+)",
                    &[KEYWORD, TEXT, NAME_CLASS],
                ),
                groups(
                    r"(PREDICATE:)(\s+)(\S+)(\s+)(<)(\s+)(\S+)",
                    &[
                        KEYWORD,
                        TEXT,
                        NAME_CLASS,
                        TEXT,
                        PUNCTUATION,
                        TEXT,
                        NAME_CLASS,
                    ],
                ),
                groups(
                    r"(C:)(\s+)(\S+)(\s+)(\S+)",
                    &[KEYWORD, TEXT, NAME_FUNCTION, TEXT, NAME_CLASS],
                ),
                rule(
                    r"(INSTANCE|SLOT|MIXIN|SINGLETONS?|CONSTANT|SYMBOLS?|ERROR|SYNTAX|ALIEN|TYPEDEF|FUNCTION|STRUCT):",
                    KEYWORD,
                ),
                rule(r"(?:<PRIVATE|PRIVATE>)", KEYWORD_NAMESPACE),
                groups(
                    r"(MAIN:)(\s+)(\S+)",
                    &[KEYWORD_NAMESPACE, TEXT, NAME_FUNCTION],
                ),
                rule(r#""(?:\\\\|\\"|[^"])*""#, STR),
                rule(r#"\S+"\s+(?:\\\\|\\"|[^"])*""#, STR),
                rule(r"(CHAR:)(\s+)(\\[\\abfnrstv]*|\S)(?=\s)", STR_CHAR),
                rule(r"!\s+.*$", COMMENT),
                rule(r"#!\s+.*$", COMMENT),
                rule(r"[tf](?=\s)", NAME_CONSTANT),
                rule(r"-?\d+\.\d+(?=\s)", NUM_FLOAT),
                rule(r"-?\d+(?=\s)", NUM_INTEGER),
                rule(r"HEX:\s+[a-fA-F\d]+(?=\s)", NUM_HEX),
                rule(r"BIN:\s+[01]+(?=\s)", NUM_BIN),
                rule(r"OCT:\s+[0-7]+(?=\s)", NUM_OCT),
                rule(r"[-+/*=<>^](?=\s)", OPERATOR),
                rule(
                    r"(?:deprecated|final|foldable|flushable|inline|recursive)(?=\s)",
                    KEYWORD,
                ),
                call(r"\S+", factor_word),
            ],
        ),
        (
            "stack_effect",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\(", NAME_FUNCTION).push("stack_effect"),
                rule(r"\)", NAME_FUNCTION).pop(),
                rule(r"--", NAME_FUNCTION),
                rule(r"\S+", NAME_VARIABLE),
            ],
        ),
        (
            "slots",
            vec![
                rule(r"\s+", TEXT),
                rule(r";(?=\s)", KEYWORD).pop(),
                rule(r"\S+", NAME_VARIABLE),
            ],
        ),
        (
            "import",
            vec![
                rule(r";(?=\s)", KEYWORD).pop(),
                rule(r"\s+", TEXT),
                rule(r"\S+", NAME_NAMESPACE),
            ],
        ),
    ])
}

static IDLANG: Lazy<Vec<(HashSet<&'static str>, Tok)>> = Lazy::new(|| {
    [
        ("keywords", KEYWORD),
        ("conditionals", KEYWORD),
        ("decorators", NAME_DECORATOR),
        ("standalone_statements", KEYWORD_RESERVED),
        ("operators", OPERATOR_WORD),
        ("routines", NAME_BUILTIN),
    ]
    .iter()
    .map(|&(k, t)| (word_set("idlang", k), t))
    .collect()
});

fn idlang_word(cx: &mut Ctx, m: &Caps) {
    let up = m.all().to_ascii_uppercase();
    let tok = IDLANG
        .iter()
        .find(|(set, _)| set.contains(up.as_str()))
        .map_or(NAME, |&(_, t)| t);
    cx.token(tok, m.all());
}

pub fn idlang() -> LexerDef {
    let name = r"(?i:[_A-Z]\w*)";
    let kind = format!(r"(\d+|{name})");
    let exp = r"[dDeE][+-]\d+";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r";.*$", COMMENT_SINGLE),
                rule(r"\,\s*\,", ERROR),
                rule(format!(r"\!{name}"), NAME_VARIABLE_GLOBAL),
                rule(r"[(),:\&\$]", PUNCTUATION),
                rule(
                    format!(r"(?i)[+-]?((\d+[.]\d*|[.]\d+)({exp})?|\d+{exp})(_{kind})?"),
                    NUM_FLOAT,
                ),
                rule(r"(?i)\d+(B|S|U|US|LL|L|ULL|UL)?", NUM_INTEGER),
                rule(r#"(?i)"[0-7]+(B|O|U|ULL|UL|LL|L)?"#, NUM_OCT),
                rule(r"(?i)'[0-9A-F]+'X(B|S|US|ULL|UL|U|LL|L)?", NUM_HEX),
                rule(format!("({kind}_)?'"), STR_SINGLE).push("string_single"),
                rule(format!("({kind}_)?\""), STR_DOUBLE).push("string_double"),
                rule(
                    r"\#\#|\#|\&\&|\|\||/=|<=|>=|->|\@|\?|[-+*/<=~^{}]",
                    OPERATOR,
                ),
                groups(
                    format!(r"(?i)({name})(\.)([^\s,]*)"),
                    &[NAME, OPERATOR, NAME],
                ),
                groups(r"(?i)(function|pro)((?:\s|\$\s)+)", &[KEYWORD, WHITESPACE])
                    .push("funcname"),
                call(name, idlang_word),
            ],
        ),
        (
            "funcname",
            vec![
                rule(name, NAME_FUNCTION),
                rule(r"\s+", WHITESPACE),
                rule(r"(:+|\$)", OPERATOR),
                rule(r";.*", COMMENT_SINGLE),
                rule(r"$", WHITESPACE).pop(),
                rule(r",", OPERATOR).pop(),
            ],
        ),
        (
            "string_single",
            vec![
                rule(r"[^']+", STR_SINGLE),
                rule(r"''", STR_ESCAPE),
                rule(r"'", STR_SINGLE).pop(),
            ],
        ),
        (
            "string_double",
            vec![rule("[^\"]+", STR_DOUBLE), rule("\"", STR_DOUBLE).pop()],
        ),
    ])
}
