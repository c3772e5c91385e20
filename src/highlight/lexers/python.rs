//! Python: keywords/builtins by word lookup, f-string interpolation, string prefixes.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use crate::highlight::engine::*;
use crate::highlight::token::*;

const IDENT: &str = r"[[:alpha:]_][[:alnum:]_]*";
const DOTTED: &str = r"[[:alpha:]_.][[:alnum:]_.]*";

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| {
    "assert break continue del elif else except exec finally for global if lambda pass print \
     raise return try while yield as with from import async await nonlocal"
        .split_whitespace()
        .collect()
});
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| {
    "__import__ abs all any apply ascii basestring bin bool buffer bytearray bytes callable chr \
     classmethod cmp coerce compile complex delattr dict dir divmod enumerate eval execfile exit \
     file filter float format frozenset getattr globals hasattr hash hex id input int intern \
     isinstance issubclass iter len list locals long map max memoryview min next object oct open \
     ord pow property range raw_input reduce reload repr reversed round set setattr slice sorted \
     staticmethod str sum super tuple type unichr unicode vars xrange zip \
     ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError \
     BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError \
     ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError EnvironmentError \
     Exception FileExistsError FileNotFoundError FloatingPointError FutureWarning GeneratorExit \
     IOError ImportError ImportWarning IndentationError IndexError InterruptedError \
     IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError ModuleNotFoundError \
     NameError NotADirectoryError NotImplemented NotImplementedError OSError OverflowError \
     OverflowWarning PendingDeprecationWarning ProcessLookupError RecursionError ReferenceError \
     ResourceWarning RuntimeError RuntimeWarning StandardError StopAsyncIteration StopIteration \
     SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError TypeError \
     UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError \
     UnicodeTranslateError UnicodeWarning UserWarning ValueError VMSError Warning WindowsError \
     ZeroDivisionError"
        .split_whitespace()
        .collect()
});
static PSEUDO: Lazy<HashSet<&str>> = Lazy::new(|| {
    "self None Ellipsis NotImplemented False True"
        .split_whitespace()
        .collect()
});

/// Cython's keyword list extends Python's (used by Python's own identifier rule too).
const CYTHON_KEYWORDS: &[&str] = &["by", "except?", "fused", "gil", "nogil"];

fn is_keyword(cx: &Ctx, w: &str) -> bool {
    KEYWORDS.contains(w) || cx.st.lexer.tag == "cython" && CYTHON_KEYWORDS.contains(&w)
}

/// Python's classification of an identifier (keyword, builtin, pseudo-builtin or name).
fn classify(cx: &Ctx, w: &str, otherwise: Tok) -> Tok {
    if is_keyword(cx, w) {
        KEYWORD
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else if PSEUDO.contains(w) {
        NAME_BUILTIN_PSEUDO
    } else {
        otherwise
    }
}

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if is_keyword(cx, w) {
        KEYWORD
    } else if BUILTINS.contains(w) {
        NAME_BUILTIN
    } else if PSEUDO.contains(w) {
        NAME_BUILTIN_PSEUDO
    } else {
        NAME
    };
    cx.token(t, w);
}

/// Open strings are kept on `list` as "<lowercased prefix>\u{0}<delimiter>".
fn open_string(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_AFFIX, m.get(1));
    cx.token(STR, m.get(2));
    cx.st
        .list
        .push(format!("{}\u{0}{}", m.get(1).to_lowercase(), m.get(2)));
    cx.push("string");
}

fn current(cx: &Ctx) -> (String, String) {
    match cx.st.list.last().and_then(|s| s.split_once('\u{0}')) {
        Some((t, d)) => (t.to_string(), d.to_string()),
        None => (String::new(), String::new()),
    }
}

fn quote(cx: &mut Ctx, m: &Caps) {
    cx.token(STR, m.all());
    if current(cx).1 == m.all() {
        cx.st.list.pop();
        cx.pop(1);
    }
}

fn brace(cx: &mut Ctx, m: &Caps) {
    if current(cx).0.contains('f') {
        cx.token(STR_INTERPOL, m.all());
        cx.push("interpol");
    } else {
        cx.token(STR, m.all());
    }
}

fn escape(cx: &mut Ctx, m: &Caps) {
    let t = if current(cx).0.contains('r') {
        STR
    } else {
        STR_ESCAPE
    };
    cx.token(t, m.all());
    cx.pop(1);
}

fn recurse(cx: &mut Ctx, m: &Caps) {
    cx.delegate("python", m.all());
}

pub fn def() -> LexerDef {
    let digits = "[0-9](?:_?[0-9])*";
    let decimal = format!(r"(?:(?:{digits})?\.{digits}|{digits}\.)");
    let exponent = format!("[eE][+-]?{digits}");
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\n+", TEXT),
                groups(
                    r#"(?si)^(:)(\s*)([ru]{,2}""".*?""")"#,
                    &[PUNCTUATION, TEXT, STR_DOC],
                ),
                rule(r"[^\S\n]+", TEXT),
                rule(r"#(.*)?\n?", COMMENT_SINGLE),
                rule(r"[\[\]{}:(),;.]", PUNCTUATION),
                rule(r"\\\n", TEXT),
                rule(r"\\", TEXT),
                rule(r"(?:in|is|and|or|not)\b", OPERATOR_WORD),
                rule(r"(?:<<|>>|//|\*\*)=?", OPERATOR),
                rule(r"[-~+/*%=<>&^|@]=?|!=", OPERATOR),
                groups(
                    format!(r"(from)((?:\\\s|\s)+)({DOTTED})((?:\\\s|\s)+)(import)"),
                    &[
                        KEYWORD_NAMESPACE,
                        TEXT,
                        NAME_NAMESPACE,
                        TEXT,
                        KEYWORD_NAMESPACE,
                    ],
                ),
                groups(
                    format!(r"(import)(\s+)({DOTTED})"),
                    &[KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE],
                ),
                groups(r"(def)((?:\s|\\\s)+)", &[KEYWORD, TEXT]).push("funcname"),
                groups(r"(class)((?:\s|\\\s)+)", &[KEYWORD, TEXT]).push("classname"),
                rule(r"`.*?`", STR_BACKTICK),
                call(r#"(?i)([rfbu]{0,2})('''|"""|['"])"#, open_string),
                rule(format!("@{DOTTED}"), NAME_DECORATOR),
                call(format!(r"(?<!\.){IDENT}"), word),
                rule(IDENT, NAME),
                rule(format!("(?i){decimal}(?:{exponent})?j?"), NUM_FLOAT),
                rule(format!("(?i){digits}{exponent}j?"), NUM_FLOAT),
                rule(format!("(?i){digits}j"), NUM_FLOAT),
                rule(r"(?i)0b(?:_?[0-1])+", NUM_BIN),
                rule(r"(?i)0o(?:_?[0-7])+", NUM_OCT),
                rule(r"(?i)0x(?:_?[a-f0-9])+", NUM_HEX),
                rule(r"\d+L", NUM_INTEGER_LONG),
                rule(r"[1-9](?:_?[0-9])*|0(?:_?0)*", NUM_INTEGER),
            ],
        ),
        ("funcname", vec![rule(IDENT, NAME_FUNCTION).pop()]),
        ("classname", vec![rule(IDENT, NAME_CLASS).pop()]),
        (
            "string",
            vec![
                rule(r#"[^'"\\{]+"#, STR),
                rule(r"\{\{", STR),
                call(r#"'''|"""|['"]"#, quote),
                jump(r"(?=\\)").push("escape"),
                call(r"\{", brace),
            ],
        ),
        (
            "escape",
            vec![
                call(
                    r#"(?x)\\
                    ( [\\abfnrtv"']
                    | \n
                    | newline
                    | N\{[a-zA-Z][a-zA-Z\ ]+[a-zA-Z]\}
                    | u[a-fA-F0-9]{4}
                    | U[a-fA-F0-9]{8}
                    | x[a-fA-F0-9]{2}
                    | [0-7]{1,3}
                    )"#,
                    escape,
                ),
                rule(r"\\.", STR).pop(),
            ],
        ),
        (
            "interpol",
            vec![
                call(r"[^{}!:]+", recurse),
                rule(r"![asr]", STR_INTERPOL),
                rule(":", STR_INTERPOL),
                rule(r"\{", STR_INTERPOL).push("interpol"),
                rule(r"\}", STR_INTERPOL).pop(),
            ],
        ),
    ])
}

fn c_def(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.all());
    cx.push("c_definitions");
    cx.push("c_start");
}

fn func_call(cx: &mut Ctx, m: &Caps) {
    let t = classify(cx, m.all(), NAME_FUNCTION);
    cx.token(t, m.all());
}

fn c_type(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    if is_keyword(cx, w) {
        cx.token(KEYWORD, w);
        cx.pop(1);
    } else if w == "def" {
        cx.token(KEYWORD, w);
        cx.goto("funcname");
    } else if w == "struct" || w == "class" {
        cx.token(KEYWORD_RESERVED, w);
        cx.goto("classname");
    } else if [
        "public", "readonly", "extern", "api", "inline", "enum", "union",
    ]
    .contains(&w)
    {
        cx.token(KEYWORD_RESERVED, w);
    } else {
        cx.token(KEYWORD_TYPE, w);
        cx.pop(1);
    }
}

fn c_indent(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    cx.goto("c_start");
    match cx.st.vars.get("indentation").cloned() {
        None => {
            cx.st.vars.insert("indentation", m.all().to_string());
        }
        Some(i) if i.len() > m.all().len() => {
            cx.st.vars.remove("indentation");
            cx.pop(2);
        }
        Some(_) => {}
    }
}

fn c_indent_end(cx: &mut Ctx, _m: &Caps) {
    cx.st.vars.remove("indentation");
    cx.st.reset_stack();
}

/// Cython: Python plus C declarations (`cdef`, `cpdef`, `ctypedef`, `cimport`).
pub fn cython() -> LexerDef {
    let id = "(?i:[a-z_][a-zA-Z0-9_]*)";
    let dotted = "(?i:[a-z_.][a-zA-Z0-9_.]*)";
    def()
        .prepend(
            "root",
            vec![
                call("cp?def|ctypedef", c_def),
                groups(
                    format!(r"(from)((?:\\\s|\s)+)({dotted})((?:\\\s|\s)+)(cimport)"),
                    &[
                        KEYWORD_NAMESPACE,
                        TEXT,
                        NAME_NAMESPACE,
                        TEXT,
                        KEYWORD_NAMESPACE,
                    ],
                ),
                groups(
                    format!(r"(cimport)(\s+)({dotted})"),
                    &[KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE],
                ),
                groups(r"(struct)((?:\\\s|\s)+)", &[KEYWORD, TEXT]).push("classname"),
                include("func_call_fix"),
                rule("[(,]", PUNCTUATION).push("c_start"),
            ],
        )
        .prepend("classname", vec![rule(r"(?:\\\s|\s)+", TEXT)])
        .prepend("funcname", vec![rule(r"(?:\\\s|\s)+", TEXT)])
        .with_state(
            "func_call_fix",
            vec![call(format!(r"{id}(?=\()"), func_call)],
        )
        .with_state(
            "c_start",
            vec![
                rule(r"[^\S\n]+", TEXT),
                rule("cp?def|ctypedef", KEYWORD),
                rule("(?:un)?signed", KEYWORD_TYPE),
                call(
                    format!(r"{id}(?=(?:\*+)|(?:[ \t]*\[)|(?:[ \t]+\w))"),
                    c_type,
                ),
                jump("").pop(),
            ],
        )
        .with_state(
            "c_definitions",
            vec![rule(r"\n", TEXT).push("c_indent"), include("root")],
        )
        .with_state(
            "c_indent",
            vec![call(r"[ \t]+", c_indent), call("", c_indent_end)],
        )
}
