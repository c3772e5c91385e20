//! C, and the shared skeleton C-family lexers extend (`cpp` adds rules and keywords):
//! preprocessor lines at line start, labels, function-definition detection, `#if 0` blocks.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use crate::highlight::engine::*;
use crate::highlight::token::*;

pub const ID: &str = "[a-zA-Z_][a-zA-Z0-9_]*";

pub static C_KEYWORDS: &str = "auto break case const continue default do else enum extern for \
    goto if register restricted return sizeof static struct switch typedef union volatile \
    virtual while _Alignas _Alignof _Atomic _Generic _Imaginary _Noreturn _Static_assert \
    _Thread_local";
pub static C_TYPES: &str = "int long float short double char unsigned signed void jmp_buf FILE \
    DIR div_t ldiv_t mbstate_t sig_atomic_t fpos_t clock_t time_t va_list size_t ssize_t off_t \
    wchar_t ptrdiff_t wctrans_t wint_t wctype_t _Bool _Complex int8_t int16_t int32_t int64_t \
    uint8_t uint16_t uint32_t uint64_t int_least8_t int_least16_t int_least32_t int_least64_t \
    uint_least8_t uint_least16_t uint_least32_t uint_least64_t int_fast8_t int_fast16_t \
    int_fast32_t int_fast64_t uint_fast8_t uint_fast16_t uint_fast32_t uint_fast64_t intptr_t \
    uintptr_t intmax_t uintmax_t char16_t char32_t";
pub static C_RESERVED: &str = "__asm __int8 __based __except __int16 __stdcall __cdecl \
    __fastcall __int32 __declspec __finally __int61 __try __leave inline _inline __inline naked \
    _naked __naked restrict _restrict __restrict thread _thread __thread typename _typename \
    __typename";

/// Keyword, type and reserved-word sets of one C-family language.
pub struct Words {
    pub keywords: HashSet<&'static str>,
    pub types: HashSet<&'static str>,
    pub reserved: HashSet<&'static str>,
    pub builtins: HashSet<&'static str>,
}

impl Words {
    pub fn new(k: &[&'static str], t: &[&'static str], r: &[&'static str]) -> Words {
        let set = |l: &[&'static str]| l.iter().flat_map(|s| s.split_whitespace()).collect();
        Words {
            keywords: set(k),
            types: set(t),
            reserved: set(r),
            builtins: HashSet::new(),
        }
    }
    /// Words from Rouge's generated lists (keywords, types, reserved, builtins).
    pub fn with_lists(
        mut self,
        k: Vec<&'static str>,
        t: Vec<&'static str>,
        r: Vec<&'static str>,
        b: Vec<&'static str>,
    ) -> Words {
        self.keywords.extend(k);
        self.types.extend(t);
        self.reserved.extend(r);
        self.builtins.extend(b);
        self
    }
    pub fn with_builtins(mut self, b: &[&'static str]) -> Words {
        self.builtins = b.iter().copied().collect();
        self
    }
    pub fn classify(&self, w: &str) -> Tok {
        if self.keywords.contains(w) {
            KEYWORD
        } else if self.types.contains(w) {
            KEYWORD_TYPE
        } else if self.reserved.contains(w) {
            KEYWORD_RESERVED
        } else if self.builtins.contains(w) {
            NAME_BUILTIN
        } else {
            NAME
        }
    }
}

static WORDS: Lazy<Words> = Lazy::new(|| Words::new(&[C_KEYWORDS], &[C_TYPES], &[C_RESERVED]));

fn word(cx: &mut Ctx, m: &Caps) {
    cx.token(WORDS.classify(m.all()), m.all());
}

/// The function-definition rule: return type and signature are re-lexed by the same lexer.
pub fn function_def(cx: &mut Ctx, m: &Caps) {
    let tag = cx.st.lexer.tag;
    cx.delegate(tag, m.get(1));
    cx.token(NAME_FUNCTION, m.get(2));
    cx.delegate(tag, m.get(3));
    cx.delegate(tag, m.get(4));
    cx.token(PUNCTUATION, m.get(5));
    if m.get(5) == "{" {
        cx.push("function");
    }
}

pub fn start_bol(st: &mut LexState) {
    st.push("bol");
}

/// C's states. `root_pre` and `stmt_pre` are rules a derived language tries first.
pub fn states(
    word: Callback,
    root_pre: Vec<RuleDef>,
    stmt_pre: Vec<RuleDef>,
    case: Vec<RuleDef>,
) -> Vec<(&'static str, Vec<RuleDef>)> {
    let ws = r"(?-s:(?:\s|//.*?\n|/[*].*?[*]/)+)";
    let mut root = root_pre;
    root.extend([
        include("expr_whitespace"),
        call(
            format!(r"(?sx)([\w*\s]+?[\s*])({ID})(\s*\([^;]*?\))({ws}?)(\{{|;)"),
            function_def,
        ),
        rule(r"\{", PUNCTUATION).push("function"),
        include("statements"),
    ]);
    let mut statements = stmt_pre;
    statements.extend([
        include("whitespace"),
        rule(r#"(u8|u|U|L)?""#, STR).push("string"),
        rule(
            r"(?i)(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'",
            STR_CHAR,
        ),
        rule(r"(?i)(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", NUM_FLOAT),
        rule(r"(?i)\d+e[+-]?\d+[lu]*", NUM_FLOAT),
        rule(r"(?i)0x[0-9a-f]+[lu]*", NUM_HEX),
        rule(r"(?i)0[0-7]+[lu]*", NUM_OCT),
        rule(r"(?i)\d+[lu]*", NUM_INTEGER),
        rule(r"\*/", ERROR),
        rule(r"[~!%^&*+=\|?:<>/-]", OPERATOR),
        rule(r"[()\[\],.;]", PUNCTUATION),
        rule(r"\bcase\b", KEYWORD).push("case"),
        rule(r"(?:true|false|NULL)\b", NAME_BUILTIN),
        call(ID, word),
    ]);
    vec![
        (
            "expr_bol",
            vec![
                include("inline_whitespace"),
                rule(r"#if\s0", COMMENT).push("if_0"),
                rule("#", COMMENT_PREPROC).push("macro"),
                jump("").pop(),
            ],
        ),
        (
            "bol",
            vec![rule(format!("{ID}:(?!:)"), NAME_LABEL), include("expr_bol")],
        ),
        (
            "inline_whitespace",
            vec![
                rule(r"[ \t\r]+", TEXT),
                rule(r"\\\n", TEXT),
                rule(r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", COMMENT_MULTILINE),
            ],
        ),
        (
            "whitespace",
            vec![
                rule(r"\n+", TEXT).push("bol"),
                rule(r"//(\\.|.)*?$", COMMENT_SINGLE).push("bol"),
                include("inline_whitespace"),
            ],
        ),
        (
            "expr_whitespace",
            vec![rule(r"\n+", TEXT).push("expr_bol"), include("whitespace")],
        ),
        ("statements", statements),
        ("case", case),
        ("root", root),
        (
            "function",
            vec![
                include("whitespace"),
                include("statements"),
                rule(";", PUNCTUATION),
                rule(r"\{", PUNCTUATION).push("function"),
                rule(r"\}", PUNCTUATION).pop(),
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
                rule(r#"[^\\"\n]+"#, STR),
                rule(r"\\\n", STR),
                rule(r"\\", STR),
            ],
        ),
        (
            "macro",
            vec![
                include("include"),
                rule(r"[^/\n\\]+", COMMENT_PREPROC),
                rule(r"(?s)\\.", COMMENT_PREPROC),
                include("inline_whitespace"),
                rule("/", COMMENT_PREPROC),
                rule(r"\n", COMMENT_PREPROC).pop(),
            ],
        ),
        (
            "include",
            vec![
                groups(
                    r"(include)(\s*)(<[^>]+>)([^\n]*)",
                    &[COMMENT_PREPROC, TEXT, COMMENT_PREPROC_FILE, COMMENT_SINGLE],
                ),
                groups(
                    r#"(include)(\s*)("[^"]+")([^\n]*)"#,
                    &[COMMENT_PREPROC, TEXT, COMMENT_PREPROC_FILE, COMMENT_SINGLE],
                ),
            ],
        ),
        (
            "if_0",
            vec![
                rule(r"^\s*#if", COMMENT).push("if_0"),
                rule(r"^\s*#\s*el(?:se|if)", COMMENT).pop(),
                rule(r"(?s)^\s*#\s*endif\b.*?(?<!\\)\n", COMMENT).pop(),
                rule(r".*?\n", COMMENT),
            ],
        ),
    ]
}

pub fn def() -> LexerDef {
    let mut d = LexerDef::new(states(
        word,
        vec![],
        vec![],
        vec![rule(":", PUNCTUATION).pop(), include("statements")],
    ));
    d.start = Some(start_bol);
    d
}
