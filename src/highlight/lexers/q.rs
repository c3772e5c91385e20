//! q (kdb+) and Wollok.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const Q_KEYWORDS: &str = "do if while select update delete exec from by";
const Q_WORD_OPERATORS: &str = "and or except inter like each cross vs sv within where in asof \
    bin binr cor cov cut ej fby div ij insert lj ljf mavg mcount mdev mmax mmin mmu mod msum \
    over prior peach pj scan scov setenv ss sublist uj union upsert wavg wsum xasc xbar xcol \
    xcols xdesc xexp xgroup xkey xlog xprev xrank";
const Q_BUILTINS: &str = "first enlist value type get set count string key max min sum prd \
    last flip distinct raze neg iasc idesc inv keys load log lsq ltime ltrim maxs md5 med meta \
    mins next parse plist prds prev rand rank ratios read0 read1 reciprocal reverse rload rotate \
    rsave rtrim save sdev show signum sin sqrt ssr sums svar system tables tan til trim txf \
    ungroup var view views wj wj1 ww";

fn q_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let has = |l: &str| l.split_whitespace().any(|x| x == w);
    let b = w.as_bytes();
    let t = if has(Q_KEYWORDS) {
        KEYWORD
    } else if has(Q_WORD_OPERATORS) {
        OPERATOR_WORD
    } else if has(Q_BUILTINS) {
        NAME_BUILTIN
    } else if b.len() >= 3 && b[0] == b'.' && b"zQqho".contains(&b[1]) && b[2] == b'.' {
        NAME_CONSTANT
    } else {
        NAME
    };
    cx.token(t, w);
}

pub fn q() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("#!(.*?)$", COMMENT_PREPROC).push("top"),
                rule("", TEXT).push("top"),
            ],
        ),
        (
            "top",
            vec![
                rule(r"^[ \t\r]+.*$", COMMENT_SPECIAL),
                rule(r"\n+", TEXT),
                rule("", TEXT).push("base"),
            ],
        ),
        (
            "base",
            vec![
                rule(r"\n+", TEXT),
                rule(r"^.\)", KEYWORD_DECLARATION),
                call(r"(?i)\.?[a-z][a-z0-9_.]*", q_word),
                rule(r"\s+/.*", COMMENT_SINGLE),
                rule(r"[ \t\r]+", WHITESPACE),
                rule(r"(?s)^/$.*?^\\$", COMMENT_MULTILINE),
                rule(r"^/[^\n]*$(\n[^\S\n]+.*$)*", COMMENT_MULTILINE),
                rule(r"^\\$", COMMENT).push("bottom"),
                rule(r"^\\\\\s+", KEYWORD).push("bottom"),
                rule("\"", STR).push("string"),
                rule(
                    r"(?:\d+D|\d{4}\.[01]\d\.[0123]\d[DT])(?:[012]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?|([012]\d)?)[zpn]?\b",
                    LITERAL_DATE,
                ),
                rule(
                    r"[012]\d:[0-5]\d(?::[0-5]\d(\.\d+)?)?[uvtpn]?\b",
                    LITERAL_DATE,
                ),
                rule(r"\d{4}\.[01]\d\.[0-3]\d[dpnzm]?\b", LITERAL_DATE),
                rule("0[nNwW][hijefcpmdznuvt]?", KEYWORD_CONSTANT),
                rule(r"'|/:|\\:|':|\\|/|0:|1:|2:", OPERATOR),
                rule(r"(\d+[.]\d*|[.]\d+)(e[+-]?\d+)?[ef]?", NUM_FLOAT),
                rule(r"\d+e[+-]?\d+[ef]?", NUM_FLOAT),
                rule(r"\d+[ef]", NUM_FLOAT),
                rule("(?i)0x[0-9a-f]+", NUM_HEX),
                rule("[01]+b", NUM_BIN),
                rule("[0-9]+[hij]?", NUM_INTEGER),
                rule(
                    r"(?i)(`:[:a-z0-9._/]*|`(?:[a-z0-9.][:a-z0-9._]*)?)",
                    STR_SYMBOL,
                ),
                rule(r"(?:<=|>=|<>|::)|[?:$%&|@._#*^\-+~,!><=]:?", OPERATOR),
                rule(r"[{}\[\]();]", PUNCTUATION),
                rule(r"\\.*\n", TEXT),
            ],
        ),
        (
            "string",
            vec![
                rule(r#"\\""#, STR),
                rule("\"", STR).pop(),
                rule(r"\\([\\nr]|[01][0-7]{2})", STR_ESCAPE),
                rule(r#"[^\\"\n]+"#, STR),
                rule(r"\\", STR),
            ],
        ),
        ("bottom", vec![rule(r"(?s).+\z", COMMENT_MULTILINE)]),
    ])
}

fn entity_decl(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_CLASS, m.all());
    cx.st.list.push(m.all().to_string());
}

fn entity_decl_pop(cx: &mut Ctx, m: &Caps) {
    entity_decl(cx, m);
    cx.pop(1);
}

fn wollok_var(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if cx.st.list.iter().any(|e| e == w) || w.starts_with(|c: char| c.is_ascii_uppercase())
    {
        NAME_CLASS
    } else {
        KEYWORD_VARIABLE
    };
    cx.token(t, w);
}

pub fn wollok() -> LexerDef {
    let entity = "[a-zA-Z][a-zA-Z0-9]*";
    let keywords = [
        "new",
        "super",
        "return",
        "if",
        "else",
        "var",
        "const",
        "override",
        "constructor",
    ]
    .iter()
    .map(|k| format!(r"{k}\b"))
    .collect::<Vec<_>>()
    .join("|");
    LexerDef::new(vec![
        (
            "whitespaces_and_comments",
            vec![
                rule(r"\s+", WHITESPACE),
                rule("//.*$", COMMENT_SINGLE),
                rule(r"(?s)/\*(.|\s)*?\*/", COMMENT_MULTILINE),
            ],
        ),
        (
            "root",
            vec![
                include("whitespaces_and_comments"),
                groups("(import)(.+$)", &[KEYWORD_RESERVED, TEXT]),
                rule("(class|object|mixin)", KEYWORD_RESERVED).push("foo"),
                rule("test|program", KEYWORD_RESERVED),
                groups(
                    format!(r"(package)(\s+)({entity})"),
                    &[KEYWORD_RESERVED, WHITESPACE, NAME_CLASS],
                ),
                rule(r"\{|\}", TEXT),
                include("keywords"),
                include("symbols"),
                include("objects"),
            ],
        ),
        (
            "foo",
            vec![
                include("whitespaces_and_comments"),
                rule("inherits|mixed|with|and", KEYWORD_RESERVED),
                call(format!(r"{entity}(?=\s*\{{)"), entity_decl_pop),
                call(entity, entity_decl),
            ],
        ),
        (
            "keywords",
            vec![
                rule(r"self\b", NAME_BUILTIN_PSEUDO),
                rule(keywords, KEYWORD_RESERVED),
                groups(
                    format!(r"(method)(\s+)(_?{entity})"),
                    &[KEYWORD_RESERVED, WHITESPACE, TEXT],
                ),
            ],
        ),
        (
            "objects",
            vec![
                call(format!("_?{entity}"), wollok_var),
                rule(format!(r"\.{entity}"), TEXT),
                include("literals"),
            ],
        ),
        (
            "literals",
            vec![
                include("whitespaces_and_comments"),
                rule(r"[0-9]+\.?[0-9]*", NUM),
                rule("(?s)\"[^\"]*\"", STR),
                rule(r"\[|#\{", PUNCTUATION).push("lists"),
            ],
        ),
        (
            "lists",
            vec![
                rule(",", PUNCTUATION),
                rule(r"\]|\}", PUNCTUATION).pop(),
                include("objects"),
            ],
        ),
        (
            "symbols",
            vec![
                rule(r"\+\+|--|\+=|-=|\*\*|!", OPERATOR),
                rule(r"\+|-|\*|/|%", OPERATOR),
                rule("<=|=>|===|==|<|>", OPERATOR),
                rule(r"and\b|or\b|not\b", OPERATOR),
                rule(r"\(|\)|=", TEXT),
                rule(",", PUNCTUATION),
            ],
        ),
    ])
}
