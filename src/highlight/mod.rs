//! Syntax highlighting exactly as Rouge 3.30 produces it.
//!
//! Interface used by the kramdown converter and the `highlight` Liquid tag. The Rouge issue
//! fills in the lexers; until then only Rouge's plaintext lexer exists.

/// Escapes text the way Rouge's HTML formatter does (`&`, `<`, `>` only).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// Whether Rouge knows a lexer by this name or alias (case-insensitive), as `Rouge::Lexer.find`.
pub fn has_lexer(lang: &str) -> bool {
    matches!(lang.to_ascii_lowercase().as_str(), "plaintext" | "text")
}

/// Rouge's HTML formatter output for `code` lexed as `lang`: the token spans, without any
/// wrapper. `None` when Rouge has no lexer of that name.
pub fn highlight_tokens(code: &str, lang: &str) -> Option<String> {
    if has_lexer(lang) {
        Some(escape_html(code))
    } else {
        None
    }
}
