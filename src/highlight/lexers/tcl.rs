//! Tcl: commands and their words, braces/brackets/parens with nested command states,
//! substitutions, strings.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str = "after apply array break catch continue elseif else error eval expr for \
    foreach global if namespace proc rename return set switch then trace unset update uplevel \
    upvar variable vwait while";
const BUILTINS: &str = "append bgerror binary cd chan clock close concat dde dict encoding eof \
    exec exit fblocked fconfigure fcopy file fileevent flush format gets glob history http incr \
    info interp join lappend lassign lindex linsert list llength load loadTk lrange lrepeat \
    lreplace lreverse lsearch lset lsort mathfunc mathop memory msgcat open package pid \
    pkg::create pkg_mkIndex platform platform::shell puts pwd re_syntax read refchan regexp \
    registry regsub scan seek socket source split string subst tell time tm unknown unload";

const END_WORD: &str = r"[\)\]\};\n\r\t\x0B]";
const NOT_END_WORD: &str = r"[^\)\]\};\n\r\t\x0B]";
const NOT_END_LINE: &str = r"[^\)\]\};\n]";
const CLOSE: &str = r"[\)\]\}]";

fn command_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if KEYWORDS.split_whitespace().any(|k| k == w) {
        KEYWORD
    } else if BUILTINS.split_whitespace().any(|k| k == w) {
        NAME_BUILTIN
    } else {
        TEXT
    };
    cx.token(t, w);
}

/// Closes the innermost brace state (popping everything above it).
fn close_brace(cx: &mut Ctx) {
    while !cx.state_is("brace") && cx.st.stack.len() > 1 {
        cx.pop(1);
    }
    cx.pop(1);
}

fn brace_abort(cx: &mut Ctx, m: &Caps) {
    if cx.st.in_state("brace") {
        close_brace(cx);
        cx.token(PUNCTUATION, m.all());
    } else {
        cx.token(ERROR, m.all());
    }
}

fn string_open_brace(cx: &mut Ctx, m: &Caps) {
    *cx.st.nums.entry("brace_count").or_insert(0) += 1;
    cx.token(STR_DOUBLE, m.all());
}

fn string_close_brace(cx: &mut Ctx, m: &Caps) {
    let count = cx.st.nums.get("brace_count").copied().unwrap_or(0);
    if cx.st.in_state("brace") && count == 0 {
        close_brace(cx);
        cx.token(PUNCTUATION, m.all());
    } else {
        cx.st.nums.insert("brace_count", count - 1);
        cx.token(STR_DOUBLE, m.all());
    }
}

fn command_state(params: &'static str) -> Vec<RuleDef> {
    vec![
        include("word"),
        rule(format!("#{NOT_END_LINE}+"), COMMENT_SINGLE),
        jump(format!("(?={END_WORD})")).push(params),
        call(format!("{NOT_END_WORD}+"), command_word),
        include("whitespace"),
    ]
}

fn delimiter_states(
    name: &'static str,
    command: &'static str,
    params: &'static str,
    close: &'static str,
    strict: bool,
) -> Vec<(&'static str, Vec<RuleDef>)> {
    vec![
        (command, command_state(params)),
        (
            params,
            vec![
                rule(close, PUNCTUATION).pop_n(2),
                rule(CLOSE, if strict { ERROR } else { TEXT }),
                include("params"),
            ],
        ),
        (name, vec![rule(close, PUNCTUATION).pop(), include(command)]),
    ]
}

pub fn def() -> LexerDef {
    let mut states = vec![
        (
            "word",
            vec![
                rule(r"\{\*\}", KEYWORD),
                include("brace_abort"),
                include("interp"),
                rule(r"\{", PUNCTUATION).push("brace"),
                rule(r"\(", PUNCTUATION).push("paren"),
                rule("\"", STR_DOUBLE).push("string"),
                rule(format!(r#"{NOT_END_WORD}+?(?=[\(\[\{{"\\])"#), TEXT),
            ],
        ),
        ("brace_abort", vec![call(r"\}", brace_abort)]),
        (
            "params",
            vec![
                rule(";", PUNCTUATION).pop(),
                rule(r"\n", TEXT).pop(),
                rule("else|elseif|then", KEYWORD),
                include("word"),
                include("whitespace"),
                rule(format!("{NOT_END_WORD}+"), TEXT),
            ],
        ),
        ("command", command_state("params")),
        ("root", vec![include("command")]),
        ("whitespace", vec![rule(r"\s+", TEXT)]),
        (
            "interp",
            vec![
                rule(r"\[", PUNCTUATION).push("bracket"),
                rule(r"\$[a-z0-9.:-]+", NAME_VARIABLE),
                rule(r"(?s)\$\{.*?\}", NAME_VARIABLE),
                rule(r"\$", TEXT),
                rule(r"\\[0-7]{3}", STR_ESCAPE),
                rule(r"(?i)\\x[0-9a-f]{2}", STR_ESCAPE),
                rule(r"(?i)\\u[0-9a-f]{4}", STR_ESCAPE),
                rule(r"(?s)\\.", STR_ESCAPE),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                include("interp"),
                rule(r#"(?s)[^\\\[\$"{}]+"#, STR_DOUBLE),
                call(r"\{", string_open_brace),
                call(r"\}", string_close_brace),
            ],
        ),
    ];
    states.extend(delimiter_states(
        "brace",
        "command_in_brace",
        "params_in_brace",
        r"\}",
        false,
    ));
    states.extend(delimiter_states(
        "paren",
        "command_in_paren",
        "params_in_paren",
        r"\)",
        true,
    ));
    states.extend(delimiter_states(
        "bracket",
        "command_in_bracket",
        "params_in_bracket",
        r"\]",
        true,
    ));
    LexerDef::new(states)
}
