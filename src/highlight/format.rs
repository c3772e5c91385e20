//! Rouge's HTML formatters: `HTML` (token spans), `HTMLTable` (line-number gutter) and the
//! `HTMLPygments` wrapper kramdown's `HTMLLegacy` adds.

use super::token::{self, Tokens};

/// Escapes text the way Rouge's HTML formatter does (`&`, `<`, `>` only).
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped like `escape_html`, copying runs of plain text at once.
fn push_escaped(out: &mut String, text: &str) {
    let mut plain_from = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => continue,
        };
        out.push_str(&text[plain_from..i]);
        out.push_str(entity);
        plain_from = i + 1;
    }
    out.push_str(&text[plain_from..]);
}

/// `Rouge::Formatters::HTML`: `Text` bare, every other token in `<span class="short">`.
/// Escape tokens are shown as errors, since Rouge's escape mode is off by default.
pub fn html(tokens: &Tokens) -> String {
    // Markup roughly doubles the text; reserving it up front avoids repeated regrowth.
    let mut out = String::with_capacity(tokens.text().len() * 2 + 64);
    for (tok, val) in tokens.iter() {
        let tok = if tok == token::ESCAPE {
            token::ERROR
        } else {
            tok
        };
        if tok == token::TEXT {
            push_escaped(&mut out, val);
        } else {
            out.push_str("<span class=\"");
            out.push_str(tok);
            out.push_str("\">");
            push_escaped(&mut out, val);
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
pub fn html_table(tokens: &Tokens, opts: &TableOptions) -> String {
    let mut num_lines = tokens.text().bytes().filter(|&b| b == b'\n').count() as i64;
    let mut formatted = html(tokens);
    let ends_with_newline = tokens.text().ends_with('\n');
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
        let mut toks = Tokens::default();
        toks.push(token::KEYWORD, "a\nb");
        let t = html_table(&toks, &TableOptions::default());
        assert!(t.contains("<pre class=\"lineno\">1\n2\n</pre>"));
        assert!(t.contains("<pre><span class=\"k\">a\nb</span>\n</pre>"));
        let empty = html_table(&Tokens::default(), &TableOptions::default());
        assert!(empty.contains("<pre class=\"lineno\">1\n</pre>"));
    }
}
