//! Objective-C: C plus `@` literals and directives, message sends `[obj msg:arg]`, method
//! definitions.

use once_cell::sync::Lazy;

use super::c::{self, Words};
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"(?i:[a-z$_][a-z0-9$_]*)";
const AT_KEYWORDS: &[&str] = &[
    "selector",
    "private",
    "protected",
    "public",
    "encode",
    "synchronized",
    "try",
    "throw",
    "catch",
    "finally",
    "end",
    "property",
    "synthesize",
    "dynamic",
    "optional",
    "interface",
    "implementation",
    "import",
    "autoreleasepool",
];

static WORDS: Lazy<Words> = Lazy::new(|| {
    Words::new(&[c::C_KEYWORDS], &[c::C_TYPES], &[c::C_RESERVED])
        .with_builtins(&["YES", "NO", "nil"])
});

fn word(cx: &mut Ctx, m: &Caps) {
    cx.token(WORDS.classify(m.all()), m.all());
}

fn at_word(cx: &mut Ctx, m: &Caps) {
    let w = m.get(1);
    let t = if AT_KEYWORDS.contains(&w) {
        KEYWORD
    } else if matches!(w, "true" | "false" | "YES" | "NO") {
        NAME_BUILTIN
    } else {
        ERROR
    };
    cx.token(t, m.all());
}

fn method_start(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    cx.token(TEXT, m.get(2));
    let tag = cx.st.lexer.tag;
    cx.delegate(tag, m.get(3));
    cx.token(TEXT, m.get(4));
    cx.push("method_definition");
}

fn typed_arg(cx: &mut Ctx, m: &Caps) {
    let tag = cx.st.lexer.tag;
    cx.delegate(tag, m.get(1));
    cx.token(NAME_VARIABLE, m.get(2));
}

/// Objective-C's additions on top of a C-family lexer.
pub fn extend(base: LexerDef) -> LexerDef {
    let stmt_pre = vec![
        rule("@\"", STR).push("string"),
        rule(
            r"@'(\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,2}|\\.|[^\\'\n]')",
            STR_CHAR,
        ),
        rule(r"(?i)@(\d+[.]\d*|[.]\d+|\d+)e[+-]?\d+l?", NUM_FLOAT),
        rule(r"(?i)@(\d+[.]\d*|[.]\d+|\d+f)f?", NUM_FLOAT),
        rule(r"@0x\h+[lL]?", NUM_HEX),
        rule("(?i)@0[0-7]+l?", NUM_OCT),
        rule(r"@\d+l?", NUM_INTEGER),
        rule(r"\bin\b", KEYWORD),
        rule(r"@(?:interface|implementation)\b", KEYWORD).push("objc_classname"),
        rule(r"@(?:class|protocol)\b", KEYWORD).push("forward_classname"),
        call("@([[:alnum:]]+)", at_word),
        rule("[?]", PUNCTUATION).push("ternary"),
        rule(r"\[", PUNCTUATION).push("message"),
        rule(r"@\[", PUNCTUATION).push("array_literal"),
        rule(r"@\{", PUNCTUATION).push("dictionary_literal"),
    ];
    let root_pre = vec![call(
        format!(r"(?i)([-+])(\s*)([(].*?[)])?(\s*)(?={ID}:?)"),
        method_start,
    )];
    let mut def = base
        .prepend("statements", stmt_pre)
        .prepend("root", root_pre);
    for (name, rules) in [
        (
            "ternary",
            vec![rule(":", PUNCTUATION).pop(), include("statements")],
        ),
        (
            "message_shared",
            vec![
                rule(r"\]", PUNCTUATION).pop(),
                rule(r"\{", PUNCTUATION).pop(),
                rule(";", ERROR),
                include("statements"),
            ],
        ),
        (
            "message",
            vec![
                groups(
                    format!(r"({ID})(\s*)(:)"),
                    &[NAME_FUNCTION, TEXT, PUNCTUATION],
                )
                .goto("message_with_args"),
                groups(
                    format!(r"({ID})(\s*)(\])"),
                    &[NAME_FUNCTION, TEXT, PUNCTUATION],
                )
                .pop(),
                include("message_shared"),
            ],
        ),
        (
            "message_with_args",
            vec![
                rule(r"\{", PUNCTUATION).push("function"),
                groups(
                    format!(r"({ID})(\s*)(:)"),
                    &[NAME_FUNCTION, TEXT, PUNCTUATION],
                )
                .pop(),
                include("message_shared"),
            ],
        ),
        (
            "array_literal",
            vec![
                rule("]", PUNCTUATION).pop(),
                rule(",", PUNCTUATION),
                include("statements"),
            ],
        ),
        (
            "dictionary_literal",
            vec![
                rule("}", PUNCTUATION).pop(),
                rule(",", PUNCTUATION),
                include("statements"),
            ],
        ),
        (
            "objc_classname",
            vec![
                include("whitespace"),
                groups(
                    format!(r"({ID})(\s*)(:)(\s*)({ID})"),
                    &[NAME_CLASS, TEXT, PUNCTUATION, TEXT, NAME_CLASS],
                )
                .pop(),
                groups(
                    format!(r"({ID})(\s*)([(])(\s*)({ID})(\s*)([)])"),
                    &[
                        NAME_CLASS,
                        TEXT,
                        PUNCTUATION,
                        TEXT,
                        NAME_LABEL,
                        TEXT,
                        PUNCTUATION,
                    ],
                )
                .pop(),
                rule(ID, NAME_CLASS).pop(),
            ],
        ),
        (
            "forward_classname",
            vec![
                include("whitespace"),
                groups(
                    format!(r"({ID})(\s*)(,)(\s*)"),
                    &[NAME_CLASS, TEXT, PUNCTUATION, TEXT],
                )
                .push_self(),
                groups(
                    format!(r"({ID})(\s*)(;?)"),
                    &[NAME_CLASS, TEXT, PUNCTUATION],
                )
                .pop(),
            ],
        ),
        (
            "method_definition",
            vec![
                rule(",", PUNCTUATION),
                rule("[.][.][.]", PUNCTUATION),
                call(format!(r"([(].*?[)])({ID})"), typed_arg),
                groups(
                    format!(r"(?s)({ID})(\s*)(:)"),
                    &[NAME_FUNCTION, TEXT, PUNCTUATION],
                ),
                rule(";", PUNCTUATION).pop(),
                rule(r"\{", PUNCTUATION).goto("function"),
                include("inline_whitespace"),
                rule(r"//.*?\n", COMMENT_SINGLE),
                rule(r"\s+", TEXT),
                jump("").pop(),
            ],
        ),
    ] {
        def = def.with_state(name, rules);
    }
    def
}

pub fn def() -> LexerDef {
    let states = c::states(
        word,
        vec![],
        vec![],
        vec![rule(":", PUNCTUATION).pop(), include("statements")],
    );
    extend(LexerDef::new(states).with_start(c::start_bol))
}

static CPP_WORDS: Lazy<Words> = Lazy::new(|| {
    Words::new(
        &[c::C_KEYWORDS, super::cpp::CPP_KEYWORDS],
        &[c::C_TYPES, "bool"],
        &[c::C_RESERVED, super::cpp::CPP_RESERVED],
    )
    .with_builtins(&["YES", "NO", "nil"])
});

fn cpp_word(cx: &mut Ctx, m: &Caps) {
    cx.token(CPP_WORDS.classify(m.all()), m.all());
}

/// Objective-C++: C++ with Objective-C's additions.
pub fn objective_cpp() -> LexerDef {
    extend(super::cpp::with_words(cpp_word)).prepend(
        "statements",
        vec![
            groups(r"(\.)(class)", &[OPERATOR, NAME_BUILTIN_PSEUDO]),
            groups(
                r"(@selector)(\()(class)(\))",
                &[KEYWORD, PUNCTUATION, NAME_BUILTIN_PSEUDO, PUNCTUATION],
            ),
        ],
    )
}
