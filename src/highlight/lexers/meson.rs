//! Meson build files: builtin functions and objects, f-strings with `@var@`.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const IDENT: &str = "[[:alpha:]_][[:alnum:]_]*";

const KEYWORDS: &str = "continue break elif else endif if true false foreach endforeach";
const BUILTIN_VARIABLES: &str = "meson host_machine build_machine target_machine";
const BUILTIN_FUNCTIONS: &str = "add_global_arguments add_project_arguments \
    add_global_link_arguments add_project_link_arguments add_test_setup add_languages \
    alias_target assert benchmark both_libraries build_target configuration_data \
    configure_file custom_target declare_dependency dependency disabler environment error \
    executable generator gettext get_option get_variable files find_library find_program \
    include_directories import install_data install_headers install_man install_subdir \
    is_disabler is_variable jar join_paths library message option project run_target \
    run_command set_variable subdir subdir_done subproject summary shared_library \
    shared_module static_library test vcs_tag warning";

fn has(list: &str, w: &str) -> bool {
    list.split_whitespace().any(|x| x == w)
}

/// Rouge looks up the whole match, trailing spaces included (so `f (` is never a builtin).
fn call_name(cx: &mut Ctx, m: &Caps) {
    let t = if has(BUILTIN_FUNCTIONS, m.all()) {
        NAME_BUILTIN
    } else {
        NAME
    };
    cx.token(t, m.all());
}

fn word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let t = if has(BUILTIN_VARIABLES, w) {
        NAME_BUILTIN
    } else if has(KEYWORDS, w) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(t, w);
}

fn open_string(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_AFFIX, m.get(1));
    cx.token(STR, m.get(2));
    cx.st
        .list
        .push(format!("{}\u{0}{}", m.get(1).to_lowercase(), m.get(2)));
    cx.push("generic_string");
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

fn at(cx: &mut Ctx, m: &Caps) {
    if current(cx).0.contains('f') {
        cx.token(STR_INTERPOL, m.all());
        cx.push("generic_interpol");
    } else {
        cx.token(STR, m.all());
    }
}

fn recurse(cx: &mut Ctx, m: &Caps) {
    cx.delegate("meson", m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\n+", TEXT),
                rule(r"[^\S\n]+", TEXT),
                rule(r"#(.*)?\n?", COMMENT_SINGLE),
                rule(r"[\[\]{}:(),;.]", PUNCTUATION),
                rule(r"\\\n", TEXT),
                rule(r"\\", TEXT),
                rule(r"(in|and|or|not)\b", OPERATOR_WORD),
                rule(r"[-+/*%=<>]=?|!=", OPERATOR),
                call("(?i)([f]?)('''|['])", open_string),
                call(format!(r"(?<!\.){IDENT}\b\s*(?=\()"), call_name),
                call(format!(r"(?<!\.){IDENT}(?!\s*?:)"), word),
                rule(IDENT, NAME),
                rule("(?i)0b(_?[0-1])+", NUM_BIN),
                rule("(?i)0o(_?[0-7])+", NUM_OCT),
                rule("(?i)0x(_?[a-f0-9])+", NUM_HEX),
                rule("([1-9](_?[0-9])*|0(_?0)*)", NUM_INTEGER),
            ],
        ),
        (
            "generic_string",
            vec![
                rule(r"[^'\\\@]+", STR),
                call("'''|[']", quote),
                jump(r"(?=\\)").push("generic_escape"),
                call(r"\@", at),
            ],
        ),
        (
            "generic_escape",
            vec![
                rule(
                    r"\\([\\abfnrtv']|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})",
                    STR_ESCAPE,
                )
                .pop(),
                rule(r"\\.", STR).pop(),
            ],
        ),
        (
            "generic_interpol",
            vec![call(r"[^\@]+", recurse), rule(r"\@", STR_INTERPOL).pop()],
        ),
    ])
}
