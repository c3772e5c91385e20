//! A small HTML scanner for the post-render plugins (jemoji, jekyll-link-attributes,
//! jekyll-target-blank). The Ruby plugins parse the output with Nokogiri, change text nodes or
//! `<a>` attributes, and serialize the whole tree again. hyde changes the same text nodes and
//! attributes in place and keeps every other byte as it was, so the result is DOM-equal to
//! Jekyll's; what libxml2's serializer alone would change (`<br/>` → `<br>`, entities decoded
//! to characters, implied end tags written out) is not reproduced.

/// One piece of an HTML document, as byte ranges into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Character data between tags (entities still encoded).
    Text(std::ops::Range<usize>),
    /// `<name attr=...>`: the whole tag, its lowercased name and its attributes.
    Start {
        range: std::ops::Range<usize>,
        name: String,
        attrs: Vec<Attr>,
        self_closing: bool,
    },
    /// `</name>`.
    End {
        range: std::ops::Range<usize>,
        name: String,
    },
    /// A comment, doctype, processing instruction or CDATA section.
    Other(std::ops::Range<usize>),
}

/// One attribute of a start tag: its lowercased name and its decoded value (`None` for a
/// bare attribute such as `disabled`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    pub name: String,
    pub value: Option<String>,
}

/// Elements whose content is raw text: no tags inside, up to the matching end tag.
const RAW_TEXT: &[&str] = &["script", "style"];

/// Elements that never have content, so never enclose a later text node.
pub const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "frame", "isindex", "keygen",
];

/// Splits `html` into tokens. Never fails: what is not a well-formed tag is text.
pub fn tokenize(html: &str) -> Vec<Token> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut text_start = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let Some((tok, end)) = tag_at(html, i) else {
            i += 1;
            continue;
        };
        if text_start < i {
            out.push(Token::Text(text_start..i));
        }
        let raw = match &tok {
            Token::Start {
                name, self_closing, ..
            } if RAW_TEXT.contains(&name.as_str()) && !self_closing => Some(name.clone()),
            _ => None,
        };
        out.push(tok);
        i = end;
        text_start = end;
        if let Some(name) = raw {
            let close = find_ci(html, end, &format!("</{name}")).unwrap_or(html.len());
            if end < close {
                out.push(Token::Text(end..close));
            }
            i = close;
            text_start = close;
        }
    }
    if text_start < b.len() {
        out.push(Token::Text(text_start..b.len()));
    }
    out
}

fn find_ci(html: &str, from: usize, needle: &str) -> Option<usize> {
    let hay = html.as_bytes();
    let n = needle.as_bytes();
    (from..hay.len().saturating_sub(n.len() - 1))
        .find(|&k| hay[k..k + n.len()].eq_ignore_ascii_case(n))
}

/// The token starting at `<` at `i`, and where it ends.
fn tag_at(html: &str, i: usize) -> Option<(Token, usize)> {
    let b = html.as_bytes();
    let rest = &html[i..];
    if rest.starts_with("<!--") {
        let end = html[i + 4..]
            .find("-->")
            .map(|k| i + 4 + k + 3)
            .unwrap_or(html.len());
        return Some((Token::Other(i..end), end));
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        let end = html[i..].find('>').map(|k| i + k + 1).unwrap_or(html.len());
        return Some((Token::Other(i..end), end));
    }
    let (closing, name_start) = if rest.starts_with("</") {
        (true, i + 2)
    } else {
        (false, i + 1)
    };
    if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut j = name_start;
    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
        j += 1;
    }
    let name = html[name_start..j].to_ascii_lowercase();
    if closing {
        let end = html[j..].find('>').map(|k| j + k + 1)?;
        return Some((
            Token::End {
                range: i..end,
                name,
            },
            end,
        ));
    }
    let (attrs, self_closing, end) = parse_attrs(html, j)?;
    Some((
        Token::Start {
            range: i..end,
            name,
            attrs,
            self_closing,
        },
        end,
    ))
}

/// Attributes from `j` up to the tag's `>`: (attributes, ends with `/>`, end offset).
fn parse_attrs(html: &str, mut j: usize) -> Option<(Vec<Attr>, bool, usize)> {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            self_closing = b[j] == b'/';
            j += 1;
        }
        if j >= b.len() {
            return None;
        }
        if b[j] == b'>' {
            return Some((attrs, self_closing, j + 1));
        }
        self_closing = false;
        let ns = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'>' | b'=' | b'/') {
            j += 1;
        }
        let name = html[ns..j].to_ascii_lowercase();
        let mut k = j;
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        if k < b.len() && b[k] == b'=' {
            k += 1;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            let value;
            if k < b.len() && (b[k] == b'"' || b[k] == b'\'') {
                let q = b[k];
                let close = html[k + 1..].find(q as char).map(|e| k + 1 + e)?;
                value = decode_entities(&html[k + 1..close]);
                j = close + 1;
            } else {
                let vs = k;
                while k < b.len() && !b[k].is_ascii_whitespace() && b[k] != b'>' {
                    k += 1;
                }
                value = decode_entities(&html[vs..k]);
                j = k;
            }
            push_attr(&mut attrs, name, Some(value));
        } else {
            push_attr(&mut attrs, name, None);
        }
    }
}

/// Like libxml2, the first of two same-named attributes wins.
fn push_attr(attrs: &mut Vec<Attr>, name: String, value: Option<String>) {
    if !name.is_empty() && !attrs.iter().any(|a| a.name == name) {
        attrs.push(Attr { name, value });
    }
}

/// Decodes the character references a URL or class name may hold.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let semi = rest.find(';').filter(|&e| e <= 12);
        let decoded = semi.and_then(|e| {
            let body = &rest[1..e];
            let ch = if let Some(hex) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X"))
            {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = body.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                match body {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some('\u{a0}'),
                    _ => None,
                }
            };
            ch.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes an attribute value the way libxml2 writes it in double quotes.
pub fn escape_attr(v: &str) -> String {
    v.replace('&', "&amp;").replace('"', "&quot;")
}

/// Writes a start tag with `attrs` (used when an `<a>` gained or changed attributes).
pub fn write_start_tag(name: &str, attrs: &[Attr], self_closing: bool) -> String {
    let mut s = format!("<{name}");
    for a in attrs {
        s.push(' ');
        s.push_str(&a.name);
        if let Some(v) = &a.value {
            s.push_str("=\"");
            s.push_str(&escape_attr(v));
            s.push('"');
        }
    }
    s.push_str(if self_closing { " />" } else { ">" });
    s
}

/// Rewrites every `<a href=...>` start tag through `f`, which may change its attributes
/// (returning true when it did). Anchors in comments or raw text are not elements, as for
/// Nokogiri.
pub fn rewrite_anchors(html: &str, mut f: impl FnMut(&mut Vec<Attr>) -> bool) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut last = 0;
    for tok in tokenize(html) {
        if let Token::Start {
            range,
            name,
            mut attrs,
            self_closing,
        } = tok
        {
            if name == "a" && f(&mut attrs) {
                out.push_str(&html[last..range.start]);
                out.push_str(&write_start_tag(&name, &attrs, self_closing));
                last = range.end;
            }
        }
    }
    out.push_str(&html[last..]);
    out
}

/// Gets an attribute's value.
pub fn attr<'a>(attrs: &'a [Attr], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| a.name == name)
        .map(|a| a.value.as_deref().unwrap_or(""))
}

/// Sets an attribute, keeping its place if it exists, appending it otherwise (Nokogiri's
/// `node[name] = value`).
pub fn set_attr(attrs: &mut Vec<Attr>, name: &str, value: &str) {
    match attrs.iter_mut().find(|a| a.name == name) {
        Some(a) => a.value = Some(value.to_string()),
        None => attrs.push(Attr {
            name: name.to_string(),
            value: Some(value.to_string()),
        }),
    }
}

/// Rewrites the text nodes of `html` through `f` (given the raw text and whether an
/// ancestor is one of `ignored` elements); returns `None` when nothing changed.
pub fn rewrite_text(
    html: &str,
    ignored: &[&str],
    mut f: impl FnMut(&str) -> Option<String>,
) -> Option<String> {
    let mut out = String::with_capacity(html.len() + 64);
    let mut last = 0;
    let mut stack: Vec<String> = Vec::new();
    let mut changed = false;
    for tok in tokenize(html) {
        match tok {
            Token::Start {
                name, self_closing, ..
            } => {
                if !self_closing && !VOID.contains(&name.as_str()) {
                    stack.push(name);
                }
            }
            Token::End { name, .. } => {
                if let Some(p) = stack.iter().rposition(|n| *n == name) {
                    stack.truncate(p);
                }
            }
            Token::Text(range) => {
                if stack.iter().any(|n| ignored.contains(&n.as_str())) {
                    continue;
                }
                if let Some(new) = f(&html[range.clone()]) {
                    out.push_str(&html[last..range.start]);
                    out.push_str(&new);
                    last = range.end;
                    changed = true;
                }
            }
            Token::Other(_) => {}
        }
    }
    if !changed {
        return None;
    }
    out.push_str(&html[last..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_tags_text_comments_and_raw_text() {
        let html = "<p class=\"a\">x<!-- <a href=y> --><script>if (a<b) {}</script><br/></p>";
        let toks = tokenize(html);
        assert!(matches!(&toks[0], Token::Start { name, .. } if name == "p"));
        assert_eq!(toks[1], Token::Text(13..14));
        assert!(matches!(toks[2], Token::Other(_)));
        assert!(matches!(&toks[3], Token::Start { name, .. } if name == "script"));
        assert!(matches!(&toks[4], Token::Text(r) if &html[r.clone()] == "if (a<b) {}"));
        assert!(matches!(&toks[6], Token::Start { name, self_closing: true, .. } if name == "br"));
    }

    #[test]
    fn parses_attribute_forms() {
        let toks = tokenize("<a HREF='x?a=1&amp;b=2' data-x=plain disabled href=\"dup\">");
        let Token::Start { attrs, .. } = &toks[0] else {
            panic!("not a start tag")
        };
        assert_eq!(attr(attrs, "href"), Some("x?a=1&b=2"));
        assert_eq!(attr(attrs, "data-x"), Some("plain"));
        assert_eq!(attr(attrs, "disabled"), Some(""));
        assert_eq!(attrs.len(), 3);
    }

    #[test]
    fn unclosed_tag_is_text() {
        assert_eq!(tokenize("a < b <c"), vec![Token::Text(0..8)]);
    }

    #[test]
    fn rewrites_only_changed_anchors() {
        let html = "<a href=\"/x\">in</a> <a class=c href=\"https://e.com\">out</a>";
        let out = rewrite_anchors(html, |attrs| {
            if attr(attrs, "href").is_some_and(|h| h.starts_with("https")) {
                set_attr(attrs, "target", "_blank");
                true
            } else {
                false
            }
        });
        assert_eq!(
            out,
            "<a href=\"/x\">in</a> <a class=\"c\" href=\"https://e.com\" target=\"_blank\">out</a>"
        );
    }
}
