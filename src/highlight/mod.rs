//! Syntax highlighting exactly as Rouge 3.30 produces it.
//!
//! `engine` is a declarative state-machine lexer (Rouge's `RegexLexer` model), `lexers/` holds
//! one rule set per language, `format` renders Rouge's HTML and HTMLTable formatters, and
//! `registry` resolves Rouge's tags and aliases.

mod engine;
mod format;
mod guess;
mod lexers;
mod matcher;
mod registry;
mod registry_data;
pub mod token;
mod words_data;

use std::collections::HashMap;

pub(crate) use engine::rubyize;
pub use format::{escape_html, TableOptions};
use token::Tokens;

/// A lexer request resolved like `Rouge::Lexer.lookup_fancy`: `name`, `name?opt=val&...`, or
/// `guess` (needs the code).
struct Resolved {
    tag: &'static str,
    opts: HashMap<String, String>,
}

fn resolve(lang: &str, code: &str) -> Option<Resolved> {
    let (name, query) = match lang.split_once('?') {
        Some((n, q)) => (n, q),
        None => (lang, ""),
    };
    let opts = parse_query(query);
    let tag = if name == "guess" || name.is_empty() && lang.contains('?') {
        guess::guess(code, opts.get("mimetype").map(String::as_str))?
    } else {
        registry::meta(name)?.0
    };
    Some(Resolved { tag, opts })
}

/// CGI-style `a=1&b=2` (the last value wins when a key repeats, as lexers read one value).
fn parse_query(q: &str) -> HashMap<String, String> {
    let mut m = HashMap::new();
    for part in q.split(['&', ';']) {
        if part.is_empty() {
            continue;
        }
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        m.insert(unescape_query(k), unescape_query(v));
    }
    m
}

fn unescape_query(s: &str) -> String {
    let s = s.replace('+', " ");
    percent_encoding::percent_decode_str(&s)
        .decode_utf8_lossy()
        .into_owned()
}

/// Whether Rouge finds a lexer for `lang` (`Rouge::Lexer.find_fancy`: tags and aliases,
/// case-sensitive, `?options` allowed, `guess` always resolves).
pub fn has_lexer(lang: &str) -> bool {
    let name = lang.split_once('?').map_or(lang, |(n, _)| n);
    name == "guess" || registry::meta(name).is_some()
}

/// Whether hyde has its own rules for `lang` (Rouge lexers without them lex as plain text).
pub fn has_rules(lang: &str) -> bool {
    registry::implemented(lang.split_once('?').map_or(lang, |(n, _)| n))
}

/// The Rouge tag `lang` resolves to (`None` when Rouge has no such lexer). Callers need it
/// because kramdown treats a `plaintext` lexer specially.
pub fn lexer_tag(lang: &str, code: &str) -> Option<&'static str> {
    resolve(lang, code).map(|r| r.tag)
}

/// The merged token stream Rouge's `lexer.lex(code)` yields. Rouge lexers hyde has no rules
/// for yield the code as plain text.
pub fn lex(code: &str, lang: &str) -> Option<Tokens> {
    let r = resolve(lang, code)?;
    Some(lex_tag(code, r.tag, r.opts))
}

fn lex_tag(code: &str, tag: &str, opts: HashMap<String, String>) -> Tokens {
    let mut out = Tokens::with_capacity(code.len());
    new_state(tag, opts).continue_lex(code, &mut out);
    out
}

/// A fresh lexer for a Rouge tag; Rouge lexers hyde has no rules for lex as plain text.
pub(crate) fn new_state(tag: &str, opts: HashMap<String, String>) -> engine::LexState {
    let lexer = registry::find(tag)
        .or_else(|| registry::find("plaintext"))
        .expect("the plaintext lexer is always defined");
    engine::LexState::new(lexer, opts)
}

/// `Rouge::Lexer.find_fancy(lang, code, opts)` as a fresh lexer state (`None` if unknown).
/// An ambiguous guess takes the first candidate, as Rouge's markdown lexer does.
pub(crate) fn find_fancy(
    lang: &str,
    code: &str,
    base: &HashMap<String, String>,
) -> Option<engine::LexState> {
    let (name, query) = lang.split_once('?').unwrap_or((lang, ""));
    let mut opts = base.clone();
    opts.extend(parse_query(query));
    let tag = if name == "guess" || name.is_empty() && lang.contains('?') {
        guess::guess_first(code, opts.get("mimetype").map(String::as_str))
    } else {
        registry::meta(name)?.0
    };
    Some(new_state(tag, opts))
}

/// Rouge's HTML formatter output for `code` lexed as `lang`: the token spans, without any
/// wrapper. `None` when Rouge has no lexer of that name.
pub fn highlight_tokens(code: &str, lang: &str) -> Option<String> {
    lex(code, lang).map(|t| format::html(&t))
}

/// `Rouge::Formatters::HTMLTable` over the HTML formatter (the `highlight` tag's `linenos`,
/// kramdown's `line_numbers`). Unknown languages are lexed as plain text, as Jekyll does.
pub fn highlight_table(code: &str, lang: &str, opts: &TableOptions) -> String {
    let toks = lex(code, lang).unwrap_or_else(|| lex_tag(code, "plaintext", HashMap::new()));
    format::html_table(&toks, opts)
}

/// The `HTMLLegacy` formatter kramdown uses: optional line-number table, then (when `wrap`)
/// the `<div class="highlight"><pre class="CSS_CLASS"><code>` wrapper.
pub fn highlight_legacy(
    code: &str,
    lang: &str,
    css_class: &str,
    line_numbers: Option<&TableOptions>,
    wrap: bool,
) -> Option<String> {
    let toks = lex(code, lang)?;
    let inner = match line_numbers {
        Some(t) => format::html_table(&toks, t),
        None => format::html(&toks),
    };
    Some(if wrap {
        format::pygments_wrap(&inner, css_class)
    } else {
        inner
    })
}

/// `Rouge::Lexer.guess(source: code)`: the tag of the lexer Rouge guesses (`plaintext` when
/// nothing matches). `None` when the guess is ambiguous, where Rouge raises.
pub fn guess_lexer(code: &str) -> Option<&'static str> {
    guess::guess(code, None)
}

#[cfg(test)]
mod tests;
