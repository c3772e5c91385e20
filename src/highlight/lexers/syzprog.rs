//! syzkaller programs (syzprog) and Clean.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const SYZ_KEYWORDS: &str = "ANY ANYBLOB ANYPTR ANYPTR64 ANYPTRS ANYRES16 ANYRES32 ANYRES64 \
    ANYRESDEC ANYRESHEX ANYRESOCT ANYUNION AUTO false nil true void async fail_nth rerun";

fn syz_word(cx: &mut Ctx, m: &Caps) {
    let t = if SYZ_KEYWORDS.split_whitespace().any(|k| k == m.all()) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(t, m.all());
}

fn syz_call(cx: &mut Ctx, m: &Caps) {
    let toks = [
        NAME_FUNCTION,
        PUNCTUATION,
        NAME_FUNCTION_MAGIC,
        TEXT,
        PUNCTUATION,
    ];
    for (i, t) in toks.iter().enumerate() {
        cx.token(t, m.get(i + 1));
    }
    cx.push("syscall_mods");
    cx.push("inline_break");
    cx.push("syscall_args");
    cx.push("space_break");
}

pub fn syzprog() -> LexerDef {
    let id = "[a-zA-Z_][a-zA-Z0-9_]*";
    LexerDef::new(vec![
        (
            "inline_break",
            vec![rule(r"[ \t]+", TEXT), rule("", TEXT).pop()],
        ),
        (
            "eol_break",
            vec![
                rule(r"[\n\r]+", TEXT),
                rule("#.*$", COMMENT),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "space_break",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*$", COMMENT),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "mixin_number",
            vec![
                rule(r"(?i)-?0x[\da-f]+", NUM_HEX),
                rule(r"-?\d+", NUM_INTEGER),
            ],
        ),
        (
            "mixin_string",
            vec![
                rule("\"[^\"]*\"", STR_DOUBLE),
                rule("`[^`]*`", STR_BACKTICK),
                rule("'[^']*'", STR_SINGLE),
            ],
        ),
        (
            "mixin_term",
            vec![
                include("mixin_number"),
                include("mixin_string"),
                rule("r[0-9]+", KEYWORD_PSEUDO),
                call(id, syz_word),
            ],
        ),
        (
            "mods_list",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*$", COMMENT),
                include("mixin_term"),
                rule("[,:]", PUNCTUATION),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        (
            "syscall_mods",
            vec![
                rule(r"\(", PUNCTUATION).push("mods_list"),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "syscall_args",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*$", COMMENT),
                include("mixin_term"),
                include("mixin_number"),
                include("mixin_string"),
                rule(r"[@&=,<>{}\[\]]", PUNCTUATION),
                rule(r"[!#\$%\^\*\-\+/\|~:;.\?]", PUNCTUATION),
                rule(r"\(", PUNCTUATION).push("syscall_args"),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*$", COMMENT),
                groups(r"(r[0-9]+)(\s+)(=)", &[KEYWORD_PSEUDO, TEXT, PUNCTUATION]),
                call(format!(r"({id})(\$)?([a-zA-Z0-9_]+)?(\s+)?(\()"), syz_call),
            ],
        ),
    ])
}

fn clean_lower(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if "if otherwise let in with where case of infix infixl infixr class instance \
               generic derive special implementation definition system module from import \
               qualified as dynamic code inline foreign export ccall stdcall"
        .split_whitespace()
        .any(|k| k == w)
    {
        KEYWORD
    } else {
        NAME
    };
    cx.token(t, w);
}

fn clean_upper(cx: &mut Ctx, m: &Caps) {
    let t = if matches!(m.all(), "True" | "False") {
        KEYWORD_CONSTANT
    } else {
        KEYWORD_TYPE
    };
    cx.token(t, m.all());
}

fn clean_abc_end(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_PREPROC, m.all());
    cx.pop(2);
}

pub fn clean() -> LexerDef {
    let comment = |tok: Tok| {
        vec![
            rule(r"\*/", tok).pop(),
            rule("//.*", tok),
            rule(r"/\*", tok).push("comment"),
            rule(r"[^*/]+", tok),
            rule("[*/]", tok),
        ]
    };
    LexerDef::new(vec![
        (
            "common_literals",
            vec![
                rule(r"'(?:[^'\\]|\\(?:x[0-9a-fA-F]+|\d+|.))'", STR_CHAR),
                rule(r"[+~-]?\d+\.\d+(?:E[+-]?\d+)?\b", NUM_FLOAT),
                rule(r"[+~-]?\d+E[+-]?\d+\b", NUM_FLOAT),
                rule(r"[+~-]?\d+", NUM_INTEGER),
                rule("\"", STR_DOUBLE).push("string"),
            ],
        ),
        (
            "basic",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"//\*.*", COMMENT_DOC),
                rule("//.*", COMMENT_SINGLE),
                rule(r"/\*\*", COMMENT_DOC).push("comment_doc"),
                rule(r"/\*", COMMENT_MULTILINE).push("comment"),
                rule("[+~-]?0[0-7]+", NUM_OCT),
                rule("[+~-]?0x[0-9a-fA-F]+", NUM_HEX),
                include("common_literals"),
                groups(
                    r"(\[)(\s*)(')(?=.*?'\])",
                    &[PUNCTUATION, WHITESPACE, STR_SINGLE],
                )
                .push("charlist"),
            ],
        ),
        ("comment_doc", comment(COMMENT_DOC)),
        ("comment", comment(COMMENT_MULTILINE)),
        (
            "root",
            vec![
                include("basic"),
                rule(r"code(\s+inline)?\s*\{", COMMENT_PREPROC).push("abc"),
                call(r"_*[a-z][\w_`]*", clean_lower),
                call(r"_*[A-Z][\w_`]*", clean_upper),
                rule(r"[^\w_\s`]", PUNCTUATION),
                rule(r"_\b", PUNCTUATION),
            ],
        ),
        (
            "escapes",
            vec![
                rule(r"(?i)\\x[0-9a-fA-F]{1,2}", STR_ESCAPE),
                rule(r"(?i)\\d\d{0,3}", STR_ESCAPE),
                rule(r"\\0[0-7]{0,3}", STR_ESCAPE),
                rule(r"\\[0-7]{1,3}", STR_ESCAPE),
                rule(r#"\\[nrfbtv\\"']"#, STR_ESCAPE),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                include("escapes"),
                rule(r#"[^\\"]+"#, STR_DOUBLE),
            ],
        ),
        (
            "charlist",
            vec![
                groups(r"(')(\])", &[STR_SINGLE, PUNCTUATION]).pop(),
                include("escapes"),
                rule(r"[^\\']", STR_SINGLE),
            ],
        ),
        (
            "abc_basic",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"\|.*", COMMENT_SINGLE),
                include("common_literals"),
            ],
        ),
        (
            "abc",
            vec![
                include("abc_basic"),
                rule(r"\}", COMMENT_PREPROC).pop(),
                rule(r"\.\w*", KEYWORD).push("abc_rest_of_line"),
                rule(r"[\w_]+", NAME_BUILTIN).push("abc_rest_of_line"),
            ],
        ),
        (
            "abc_rest_of_line",
            vec![
                rule(r"\n", WHITESPACE).pop(),
                call(r"\}", clean_abc_end),
                include("abc_basic"),
                rule(r"\S+", NAME),
            ],
        ),
    ])
}
