//! C++: C plus classes, templates, C++ literals (digit separators, raw strings, suffixes).

use once_cell::sync::Lazy;

use super::c::{self, Words, ID};
use crate::highlight::engine::*;
use crate::highlight::token::*;

pub const CPP_KEYWORDS: &str =
    "asm auto catch char8_t concept consteval constexpr constinit const_cast co_await \
     co_return co_yield delete dynamic_cast explicit export friend mutable namespace new \
     operator private protected public reinterpret_cast requires restrict size_of \
     static_cast this throw throws typeid typename using virtual final override alignas \
     alignof decltype noexcept static_assert thread_local try";
pub const CPP_RESERVED: &str = "__virtual_inheritance __uuidof __super __single_inheritance \
     __multiple_inheritance __interface __event";

static WORDS: Lazy<Words> = Lazy::new(|| {
    Words::new(
        &[c::C_KEYWORDS, CPP_KEYWORDS],
        &[c::C_TYPES, "bool"],
        &[c::C_RESERVED, CPP_RESERVED],
    )
});

fn word(cx: &mut Ctx, m: &Caps) {
    cx.token(WORDS.classify(m.all()), m.all());
}

pub fn def() -> LexerDef {
    with_words(word)
}

/// C++'s lexer with another keyword classifier (for languages extending C++'s word lists).
pub fn with_words(word: Callback) -> LexerDef {
    let dq = r"\d(?:'?\d)*";
    let stmt_pre = vec![
        rule(r"(?:class|struct)\b", KEYWORD).push("classname"),
        rule(r"template\b", KEYWORD).push("template"),
        rule(
            format!(r"{dq}(?:\.{dq})?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))\b"),
            NUM_OTHER,
        ),
        rule(
            format!(r"(?i)(?:{dq}[.](?:{dq})?|[.]{dq})(?:e[+-]?{dq}[lu]*)?"),
            NUM_FLOAT,
        ),
        rule(format!(r"(?i){dq}e[+-]?{dq}[lu]*"), NUM_FLOAT),
        rule(r"(?i)0x\h(?:'?\h)*[lu]*", NUM_HEX),
        rule(r"0b[01]+(?:'[01]+)*", NUM_BIN),
        rule(r"(?i)0[0-7](?:'?[0-7])*[lu]*", NUM_OCT),
        rule(format!(r"(?i){dq}[lu]*"), NUM_INTEGER),
        rule(r"\bnullptr\b", NAME_BUILTIN),
        rule(
            r#"(?s)(?:u8|u|U|L)?R"([a-zA-Z0-9_{}\[\]#<>%:;.?*\+\-/\^&|~!=,"']{0,16})\(.*?\)\1""#,
            STR,
        ),
        rule(r"::|<=>", OPERATOR),
        rule(r"[{}]", PUNCTUATION),
    ];
    let mut states = c::states(
        word,
        vec![rule(
            r"(?:__offload|__blockingoffload|__outer)\b",
            KEYWORD_PSEUDO,
        )],
        stmt_pre,
        vec![rule(":(?!:)", PUNCTUATION).pop(), include("statements")],
    );
    states.push((
        "classname",
        vec![
            rule(ID, NAME_CLASS).pop(),
            include("whitespace"),
            rule(r"[.]{3}", OPERATOR),
            rule(",", PUNCTUATION).pop(),
            jump("").pop(),
        ],
    ));
    states.push((
        "template",
        vec![
            rule("[>;]", PUNCTUATION).pop(),
            rule(r"typename\b", KEYWORD).push("classname"),
            include("statements"),
        ],
    ));
    let mut d = LexerDef::new(states);
    d.start = Some(c::start_bol);
    d
}
