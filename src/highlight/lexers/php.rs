//! PHP: template lexer (HTML outside `<?php ?>` unless the code starts inline), names
//! classified by case and Rouge's keyword/builtin lists, functions, `use`, visibility.

use std::collections::HashSet;

use fancy_regex::Regex;
use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"(?:[\p{L}_][\p{L}\p{N}_]*)";

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("php", "keywords"));
/// Hack's keywords: Rouge merges them into PHP's set (so PHP lexed after Hack in the same
/// process sees them too); hyde keeps PHP's own list for PHP.
static HACK_KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| {
    let mut s = word_set("php", "keywords");
    s.extend(
        "type newtype enum as super async await Awaitable vec dict keyset void int string bool \
         float double arraykey num Stringish"
            .split_whitespace(),
    );
    s
});
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("php", "builtins"));

fn re(p: &str) -> Option<Regex> {
    Regex::new(p).ok()
}
static MAGIC_CONST: Lazy<Option<Regex>> = Lazy::new(|| re(r"^(E|PHP)(_\p{Lu}+)+$"));
static CONSTANT: Lazy<Option<Regex>> = Lazy::new(|| re(r"(\\|^)\p{Lu}[\p{Lu}\p{Nd}_]+$"));
static CLASS: Lazy<Option<Regex>> = Lazy::new(|| re(r"(\\|^)\p{Lu}[\p{Alphabetic}\p{Nd}]*?$"));

fn is(r: &Lazy<Option<Regex>>, s: &str) -> bool {
    r.as_ref().is_some_and(|r| r.is_match(s).unwrap_or(false))
}

fn ns_id() -> String {
    format!(r"(?:(?:{ID}\\)+)?{ID}")
}

fn start(st: &mut LexState) {
    let parent = st
        .opts
        .get("parent")
        .and_then(|p| crate::highlight::registry::meta(p).map(|m| m.0))
        .unwrap_or("html");
    let opts = st.opts.clone();
    st.set_sub("parent", crate::highlight::new_state(parent, opts));
    match st.opts.get("start_inline").map(String::as_str) {
        Some("0" | "false" | "off") => {}
        Some(_) => st.push("php"),
        None => st.push("start"),
    }
}

fn parent_pop(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
    cx.pop(1);
}

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

fn close_tag(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_PREPROC, m.all());
    cx.st.reset_stack();
}

fn keywords(cx: &Ctx) -> &'static HashSet<&'static str> {
    if cx.st.lexer.tag == "hack" {
        &HACK_KEYWORDS
    } else {
        &KEYWORDS
    }
}

fn function_call(cx: &mut Ctx, m: &Caps) {
    let name = m.all().to_lowercase();
    let t = if keywords(cx).contains(name.as_str()) {
        KEYWORD
    } else if BUILTINS.contains(name.as_str()) {
        NAME_BUILTIN
    } else {
        NAME_FUNCTION
    };
    cx.token(t, m.all());
}

fn name(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let lower = w.to_lowercase();
    let t = match lower.as_str() {
        "use" => {
            cx.push("in_use");
            KEYWORD_NAMESPACE
        }
        "const" => {
            cx.push("in_const");
            KEYWORD
        }
        "catch" => {
            cx.push("in_catch");
            KEYWORD
        }
        "public" | "protected" | "private" => {
            cx.push("in_visibility");
            KEYWORD
        }
        l if keywords(cx).contains(l) => KEYWORD,
        _ if w.len() >= 4 && w.starts_with("__") && w.ends_with("__") => NAME_BUILTIN,
        _ if is(&MAGIC_CONST, w) => KEYWORD_CONSTANT,
        _ if is(&CONSTANT, w) => NAME_CONSTANT,
        _ if is(&CLASS, w) => NAME_CLASS,
        _ => NAME,
    };
    cx.token(t, w);
}

fn function_kw(cx: &mut Ctx, m: &Caps) {
    cx.push("in_function_return");
    cx.push("in_function_params");
    cx.push("in_function_name");
    cx.token(KEYWORD, m.all());
}

pub fn def() -> LexerDef {
    let idns = ns_id();
    let ns = format!(r"(?:{ID}\\)+");
    let ret = || jump("").pop();
    let mut d = LexerDef::new(vec![
        ("escape", vec![call(r"\?>", close_tag)]),
        (
            "start",
            vec![
                call(r"(?s)\s*(?=<)", parent_pop),
                call(r"(?i)[^$]+(?=<\?(php|=))", parent_pop),
                jump("").goto("php"),
            ],
        ),
        (
            "names",
            vec![
                call(format!(r"{idns}(?=\s*\()"), function_call),
                call(idns.clone(), name),
            ],
        ),
        ("operators", vec![rule(r"[~!%^&*+\|:.<>/@-]+", OPERATOR)]),
        (
            "string",
            vec![
                rule("\"", STR_DOUBLE).pop(),
                rule(r#"[^\\{$"]+"#, STR_DOUBLE),
                rule(r"\\u\{[0-9a-fA-F]+\}", STR_ESCAPE),
                rule(
                    r#"\\([efrntv"$\\]|[0-7]{1,3}|[xX][0-9a-fA-F]{1,2})"#,
                    STR_ESCAPE,
                ),
                rule(format!(r"\${ID}(\[\S+\]|->{ID})?"), NAME_VARIABLE),
                rule(r"\{\$\{", STR_INTERPOL).push("string_interp_double"),
                rule(r"\{(?=\$)", STR_INTERPOL).push("string_interp_single"),
                groups(
                    r"(\{)(\S+)(\})",
                    &[STR_INTERPOL, NAME_VARIABLE, STR_INTERPOL],
                ),
                rule(r"[${\\]+", STR_DOUBLE),
            ],
        ),
        (
            "string_interp_double",
            vec![rule(r"\}\}", STR_INTERPOL).pop(), include("php")],
        ),
        (
            "string_interp_single",
            vec![rule(r"\}", STR_INTERPOL).pop(), include("php")],
        ),
        (
            "values",
            vec![
                rule(
                    format!(r#"(?is)<<<(["']?)({ID})\1\n.*?\n\s*\2;?"#),
                    STR_HEREDOC,
                ),
                rule(r"(?i)(\d[_\d]*)?\.(\d[_\d]*)?(e[+-]?\d[_\d]*)?", NUM_FLOAT),
                rule("0[0-7][0-7_]*", NUM_OCT),
                rule("(?i)0b[01][01_]*", NUM_BIN),
                rule("(?i)0x[a-f0-9][a-f0-9_]*", NUM_HEX),
                rule(r"\d[_\d]*", NUM_INTEGER),
                rule(r"'([^'\\]*(?:\\.[^'\\]*)*)'", STR_SINGLE),
                rule(r"`([^`\\]*(?:\\.[^`\\]*)*)`", STR_BACKTICK),
                rule("\"", STR_DOUBLE).push("string"),
                call(r"(?i)(function|fn)\b", function_kw),
                rule(r"(?i)(true|false|null)\b", KEYWORD_CONSTANT),
                rule(r"(?i)new\b", KEYWORD).push("in_new"),
            ],
        ),
        (
            "variables",
            vec![
                rule(format!(r"\$\{{\$+{ID}\}}"), NAME_VARIABLE),
                rule(format!(r"\$+{ID}"), NAME_VARIABLE),
            ],
        ),
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*?$", COMMENT_SINGLE),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/\*\*(?!/).*?\*/", COMMENT_DOC),
                rule(r"(?s)/\*.*?\*/", COMMENT_MULTILINE),
            ],
        ),
        (
            "root",
            vec![
                rule(r"(?i)<\?(php|=)?", COMMENT_PREPROC).push("php"),
                call(r"(?s).*?(?=<\?)|.*", parent),
            ],
        ),
        (
            "php",
            vec![
                include("escape"),
                include("whitespace"),
                include("variables"),
                include("values"),
                groups(
                    format!(r"(?i)(namespace)(\s+)({idns})"),
                    &[KEYWORD_NAMESPACE, TEXT, NAME_NAMESPACE],
                ),
                groups(
                    format!(r"(?i)(class|interface|trait|extends|implements)(\s+)({idns})"),
                    &[KEYWORD_DECLARATION, TEXT, NAME_CLASS],
                ),
                include("names"),
                rule(r"[;,\(\)\{\}\[\]]", PUNCTUATION),
                include("operators"),
                rule("[=?]", OPERATOR),
            ],
        ),
        (
            "in_assign",
            vec![
                rule(",", PUNCTUATION).pop(),
                rule(r"[\[\]]", PUNCTUATION),
                rule(r"\(", PUNCTUATION).push("in_assign_function"),
                include("escape"),
                include("whitespace"),
                include("values"),
                include("variables"),
                include("names"),
                include("operators"),
                ret(),
            ],
        ),
        (
            "in_assign_function",
            vec![
                rule(r"\)", PUNCTUATION).pop(),
                rule(",", PUNCTUATION),
                include("in_assign"),
            ],
        ),
        (
            "in_catch",
            vec![
                rule(r"\(", PUNCTUATION),
                rule(r"\|", OPERATOR),
                rule(ID, NAME_CLASS),
                include("escape"),
                include("whitespace"),
                ret(),
            ],
        ),
        (
            "in_const",
            vec![
                rule(ID, NAME_CONSTANT),
                rule("=", OPERATOR).push("in_assign"),
                include("escape"),
                include("whitespace"),
                ret(),
            ],
        ),
        (
            "in_function_body",
            vec![
                rule(r"\{", PUNCTUATION).push_self(),
                rule(r"\}", PUNCTUATION).pop(),
                include("php"),
            ],
        ),
        (
            "in_function_name",
            vec![
                rule("&", OPERATOR),
                rule(ID, NAME),
                rule(r"\(", PUNCTUATION).pop(),
                include("escape"),
                include("whitespace"),
                ret(),
            ],
        ),
        (
            "in_function_params",
            vec![
                rule(r"\)", PUNCTUATION).pop(),
                rule(",", PUNCTUATION),
                rule("[.]{3}", PUNCTUATION),
                rule("=", OPERATOR).push("in_assign"),
                rule(r"(?i)\b(?:public|protected|private|readonly)\b", KEYWORD),
                rule(format!(r"\??{ID}"), KEYWORD_TYPE).push("in_assign"),
                include("escape"),
                include("whitespace"),
                include("variables"),
                ret(),
            ],
        ),
        (
            "in_function_return",
            vec![
                rule(":", PUNCTUATION),
                rule(r"(?i)use\b", KEYWORD).push("in_function_use"),
                rule(format!(r"\??{ID}"), KEYWORD_TYPE).push("in_assign"),
                rule(r"\{", PUNCTUATION).goto("in_function_body"),
                include("escape"),
                include("whitespace"),
                ret(),
            ],
        ),
        (
            "in_function_use",
            vec![
                rule(r"[,\(]", PUNCTUATION),
                rule("&", OPERATOR),
                rule(r"\)", PUNCTUATION).pop(),
                include("escape"),
                include("whitespace"),
                include("variables"),
                ret(),
            ],
        ),
        (
            "in_new",
            vec![
                rule(r"(?i)class\b", KEYWORD_DECLARATION).goto("in_new_class"),
                rule(idns.clone(), NAME_CLASS).pop(),
                include("escape"),
                include("whitespace"),
                ret(),
            ],
        ),
        (
            "in_new_class",
            vec![
                rule(r"\}", PUNCTUATION).pop(),
                rule(r"\{", PUNCTUATION),
                include("php"),
            ],
        ),
        (
            "in_use",
            vec![
                rule(r"[,\}]", PUNCTUATION),
                rule(r"(?i)(function|const)\b", KEYWORD),
                groups(format!(r"({ns})(\{{)"), &[NAME_NAMESPACE, PUNCTUATION]),
                rule(format!("{idns}(_{ID})+"), NAME_FUNCTION),
                include("escape"),
                include("whitespace"),
                include("names"),
                ret(),
            ],
        ),
        (
            "in_visibility",
            vec![
                rule(r"(?i)\b(?:readonly|static)\b", KEYWORD),
                rule(r"(?i)(?=(abstract|const|function)\b)", KEYWORD).pop(),
                rule(format!(r"\??{ID}"), KEYWORD_TYPE).pop(),
                include("escape"),
                include("whitespace"),
                ret(),
            ],
        ),
    ]);
    d.start = Some(start);
    d
}

/// Hack: PHP with Hack's keywords, `<?hh` openers and type-checker comments.
pub fn hack() -> LexerDef {
    def()
        .prepend(
            "root",
            vec![rule(r"<\?hh(\s*//\s*(strict|decl|partial))?$", COMMENT_PREPROC).push("php")],
        )
        .prepend(
            "php",
            vec![
                groups(
                    r"(/\*\s*)(HH_(?:IGNORE_ERROR|FIXME)\[\d+\])([^*]*)(\*/)",
                    &[
                        COMMENT_PREPROC,
                        COMMENT_PREPROC,
                        COMMENT_MULTILINE,
                        COMMENT_PREPROC,
                    ],
                ),
                rule("// UNSAFE(?:_EXPR|_BLOCK)?", COMMENT_PREPROC),
                rule(r"/\*\s*UNSAFE_EXPR\s*\*/", COMMENT_PREPROC),
            ],
        )
}
