//! Rouge's HTML formatters: `HTML` (token spans), `HTMLTable` (line-number gutter) and the
//! `HTMLPygments` wrapper kramdown's `HTMLLegacy` adds.

use super::token::{self, Tok};

/// Merges adjacent tokens of the same type, as `Rouge::Lexer#lex` does before formatting.
pub fn merge(tokens: Vec<(Tok, String)>) -> Vec<(Tok, String)> {
    let mut out: Vec<(Tok, String)> = Vec::with_capacity(tokens.len());
    for (tok, val) in tokens {
        if val.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some((last, last_val)) if *last == tok => last_val.push_str(&val),
            _ => out.push((tok, val)),
        }
    }
    out
}

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

/// `Rouge::Formatters::HTML`: `Text` bare, every other token in `<span class="short">`.
/// Escape tokens are shown as errors, since Rouge's escape mode is off by default.
pub fn html(tokens: &[(Tok, String)]) -> String {
    let mut out = String::new();
    for (tok, val) in tokens {
        let tok = if *tok == token::ESCAPE {
            token::ERROR
        } else {
            *tok
        };
        if tok == token::TEXT {
            out.push_str(&escape_html(val));
        } else {
            out.push_str("<span class=\"");
            out.push_str(tok);
            out.push_str("\">");
            out.push_str(&escape_html(val));
            out.push_str("</span>");
        }
    }
    out
}

/// Options of `Rouge::Formatters::HTMLTable`.
#[derive(Debug, Clone)]
pub struct TableOptions {
    pub start_line: i64,
    pub table_class: String,
    pub gutter_class: String,
    pub code_class: String,
}

impl Default for TableOptions {
    fn default() -> Self {
        TableOptions {
            start_line: 1,
            table_class: "rouge-table".into(),
            gutter_class: "rouge-gutter".into(),
            code_class: "rouge-code".into(),
        }
    }
}

impl TableOptions {
    /// The options Jekyll's `{% highlight lang linenos %}` passes to HTMLTable.
    pub fn jekyll() -> Self {
        TableOptions {
            gutter_class: "gutter".into(),
            code_class: "code".into(),
            ..TableOptions::default()
        }
    }
}

/// `Rouge::Formatters::HTMLTable` around the HTML formatter.
pub fn html_table(tokens: &[(Tok, String)], opts: &TableOptions) -> String {
    let mut num_lines: i64 = tokens
        .iter()
        .map(|(_, v)| v.bytes().filter(|&b| b == b'\n').count() as i64)
        .sum();
    let mut formatted = html(tokens);
    let ends_with_newline = tokens.last().is_some_and(|(_, v)| v.ends_with('\n'));
    if !ends_with_newline {
        num_lines += 1;
        formatted.push('\n');
    }
    let mut numbers = String::new();
    for i in opts.start_line..opts.start_line + num_lines {
        if i > opts.start_line {
            numbers.push('\n');
        }
        numbers.push_str(&i.to_string());
    }
    numbers.push('\n');
    format!(
        "<table class=\"{}\"><tbody><tr><td class=\"{} gl\"><pre class=\"lineno\">{}</pre></td><td class=\"{}\"><pre>{}</pre></td></tr></tbody></table>",
        opts.table_class, opts.gutter_class, numbers, opts.code_class, formatted
    )
}

/// `Rouge::Formatters::HTMLPygments`: the `<div class="highlight"><pre class=..><code>` wrapper.
pub fn pygments_wrap(inner: &str, css_class: &str) -> String {
    format!("<div class=\"highlight\"><pre class=\"{css_class}\"><code>{inner}</code></pre></div>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_counts_lines_like_rouge() {
        let toks = vec![(token::KEYWORD, "a\nb".to_string())];
        let t = html_table(&toks, &TableOptions::default());
        assert!(t.contains("<pre class=\"lineno\">1\n2\n</pre>"));
        assert!(t.contains("<pre><span class=\"k\">a\nb</span>\n</pre>"));
        let empty = html_table(&[], &TableOptions::default());
        assert!(empty.contains("<pre class=\"lineno\">1\n</pre>"));
    }
}
