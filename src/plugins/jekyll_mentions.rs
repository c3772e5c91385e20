//! jekyll-mentions (1.6.0): `@user` in a page's rendered HTML becomes a link to
//! `https://github.com/user` (`jekyll-mentions: base_url`, or a string, in the config or the
//! page's front matter; `jekyll-mentions: false` in front matter turns it off). Mentions in
//! `pre`, `code`, `a`, `style` and `script` stay text.
//!
//! The plugin runs the body through HTML::Pipeline, that is Nokogiri and libxml2 2.9: the
//! HTML is parsed into a tree and written out again, which changes more than the mentions
//! (void tags lose their `/`, entities become characters, attributes are re-quoted, URL
//! attributes are percent-encoded, and libxml2 adds newlines around block elements). The
//! [`html`] module reproduces that round trip for the pages that have a mention.

use crate::error::Result;
use crate::site::render::Item;
use crate::site::Site;
use crate::value::Value;
use fancy_regex::Regex;
use once_cell::sync::Lazy;

/// HTML::Pipeline's mention pattern with the plugin's username pattern `[\w][\w-]*`:
/// preceded by the start of a line or a non-word character, not followed by `/`, and
/// ending where a username cannot go on. Ruby's `\w` is ASCII only.
static MENTION: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?im)(?:^|[^A-Za-z0-9_])@((?>[A-Za-z0-9_][A-Za-z0-9_-]*))(?!/)(?=\.+[^A-Za-z0-9_]|\.+$|[^0-9a-zA-Z_.]|$)",
    )
    .expect("valid regex")
});

/// `@mention`, `@mentioned` ... link to an info page only when one is configured (never in
/// jekyll-mentions), so they stay text.
const MENTION_LOGINS: &[&str] = &["mention", "mentions", "mentioned", "mentioning"];

/// Elements whose text is left alone.
const IGNORE_PARENTS: &[&str] = &["pre", "code", "a", "style", "script"];

fn has_mention(text: &str) -> bool {
    MENTION.is_match(text).unwrap_or(false)
}

/// Replaces the mentions in one text node (given HTML-escaped, as Nokogiri's `to_html`
/// gives it); the result is HTML.
fn link_mentions(escaped: &str, base: &str) -> String {
    let mut out = String::with_capacity(escaped.len());
    let mut last = 0;
    let mut url = base.to_string();
    if !url.ends_with('/') && !url.ends_with('~') {
        url.push('/');
    }
    for c in MENTION.captures_iter(escaped) {
        let Ok(c) = c else { break };
        let whole = c.get(0).expect("group 0");
        let login = c.get(1).expect("group 1").as_str();
        out.push_str(&escaped[last..whole.start()]);
        last = whole.end();
        if MENTION_LOGINS.contains(&login.to_lowercase().as_str()) {
            out.push_str(whole.as_str());
            continue;
        }
        let link = format!("<a href='{url}{login}' class='user-mention'>@{login}</a>");
        out.push_str(&whole.as_str().replacen(&format!("@{login}"), &link, 1));
    }
    out.push_str(&escaped[last..]);
    out
}

/// `Mentions.mention_base`: where user links point.
fn mention_base(setting: Option<&Value>) -> std::result::Result<String, String> {
    let default = || {
        let ssl = std::env::var("SSL").unwrap_or_default();
        let host = std::env::var("GITHUB_HOSTNAME").unwrap_or_default();
        if !ssl.is_empty() && !host.is_empty() {
            let scheme = if ssl == "true" { "https://" } else { "http://" };
            format!("{scheme}{}", host.strip_suffix('/').unwrap_or(&host))
        } else {
            "https://github.com".to_string()
        }
    };
    match setting {
        None | Some(Value::Nil) => Ok(default()),
        Some(Value::Str(s)) => Ok(s.to_string()),
        Some(Value::Hash(h)) => Ok(match h.get("base_url") {
            Some(v) => crate::value::to_s(v),
            None => default(),
        }),
        Some(other) => Err(format!(
            "Your jekyll-mentions config has to either be a string or a hash. It's a {} right now.",
            other.ruby_class()
        )),
    }
}

/// Runs the mention filter over an HTML fragment: parse, link, write back.
pub fn filter_fragment(fragment: &str, base: &str) -> String {
    let mut nodes = html::parse(fragment);
    link_in(&mut nodes, base, false);
    html::serialize(&nodes)
}

fn link_in(nodes: &mut Vec<html::Node>, base: &str, ignored: bool) {
    let mut i = 0;
    while i < nodes.len() {
        match &mut nodes[i] {
            html::Node::Element { name, children, .. } => {
                let skip = ignored || IGNORE_PARENTS.contains(&name.as_str());
                link_in(children, base, skip);
            }
            html::Node::Text(text) if !ignored && text.contains('@') => {
                let escaped = html::escape_text(text);
                let linked = link_mentions(&escaped, base);
                if linked != escaped {
                    let replacement = html::parse(&linked);
                    let n = replacement.len();
                    nodes.splice(i..=i, replacement);
                    i += n;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
}

/// `Mentions.mentionify`: the body of the output (or all of it without a `<body>`), when
/// it has a mention.
pub fn mentionify(output: &str, base: &str) -> Option<String> {
    if !output.contains('@') {
        return None;
    }
    if let Some(start) = output.find("<body") {
        let rest = &output[start..];
        let close = rest.find('>')?;
        let mut open_end = start + close + 1;
        // The opener takes the whitespace after `<body ...>` too.
        open_end += output[open_end..]
            .chars()
            .take_while(|c| c.is_ascii_whitespace() || *c == '\x0B')
            .map(char::len_utf8)
            .sum::<usize>();
        let tail = &output[open_end..];
        let (body, rest) = match tail.find("</body>") {
            Some(i) => (&tail[..i], &tail[i..]),
            None => (tail, ""),
        };
        if !has_mention(body) {
            return None;
        }
        let processed = filter_fragment(body, base);
        return Some(format!("{}{processed}{rest}", &output[..open_end]));
    }
    if !has_mention(output) {
        return None;
    }
    Some(filter_fragment(output, base))
}

/// The plugin: a `:post_render` hook on pages and documents.
pub struct JekyllMentions;

impl crate::plugins::Plugin for JekyllMentions {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-mentions"]
    }

    fn post_render(&self, site: &Site, item: Item, output: &mut String) -> Result<()> {
        let (data, output_ext, written) = match item {
            Item::Page(i) => {
                let p = &site.pages[i];
                (&p.liquid_data, p.output_ext.as_str(), true)
            }
            Item::Doc(id) => {
                let d = &site.collections[id.coll].docs[id.idx];
                (&d.data, d.output_ext.as_str(), d.write)
            }
        };
        let permalink_dir = data
            .get("permalink")
            .is_some_and(|p| crate::value::to_s(p).ends_with('/'));
        if !written
            || !(output_ext == ".html" || permalink_dir)
            || matches!(data.get("jekyll-mentions"), Some(Value::Bool(false)))
        {
            return Ok(());
        }
        let setting = if data.contains_key("jekyll-mentions") {
            data.get("jekyll-mentions")
        } else {
            site.config.get("jekyll-mentions")
        };
        let base = mention_base(setting).map_err(crate::Error::new)?;
        if let Some(new) = mentionify(output, &base) {
            *output = new;
        }
        Ok(())
    }
}

/// Nokogiri's HTML4 fragment round trip, as libxml2 2.9 parses and writes HTML.
pub mod html {
    use once_cell::sync::Lazy;
    use std::collections::HashMap;

    #[derive(Debug, Clone, PartialEq)]
    pub enum Node {
        Element {
            name: String,
            attrs: Vec<(String, Option<String>)>,
            children: Vec<Node>,
        },
        /// Character data, entities decoded.
        Text(String),
        /// Script and style content, written as it came.
        Raw(String),
        /// A comment or processing instruction, written as it came.
        Verbatim(String),
    }

    /// libxml2's element table facts hyde needs: HTML4 elements without content, and those
    /// it writes inline (no formatting newlines around them).
    const EMPTY: &[&str] = &[
        "area", "base", "basefont", "br", "col", "frame", "hr", "img", "input", "isindex", "link",
        "meta", "param",
    ];
    const INLINE: &[&str] = &[
        "a", "abbr", "acronym", "applet", "b", "basefont", "bdo", "big", "br", "button", "cite",
        "code", "del", "dfn", "em", "embed", "font", "i", "iframe", "img", "input", "ins", "kbd",
        "label", "map", "object", "q", "s", "samp", "script", "select", "small", "span", "strike",
        "strong", "sub", "sup", "textarea", "tt", "u", "var",
    ];
    const BLOCK: &[&str] = &[
        "address",
        "area",
        "base",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "hr",
        "html",
        "isindex",
        "legend",
        "li",
        "link",
        "menu",
        "meta",
        "noframes",
        "noscript",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "pre",
        "style",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ];
    const BOOLEAN_ATTRS: &[&str] = &[
        "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref",
        "noresize", "noshade", "nowrap", "readonly", "selected",
    ];

    /// `htmlStartClose`: the open elements a new start tag closes (when they are the
    /// current element).
    static START_CLOSE: Lazy<HashMap<&'static str, Vec<&'static str>>> = Lazy::new(|| {
        const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];
        let mut m: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        let mut add = |tag: &'static str, closes: &[&'static str]| {
            m.insert(tag, closes.to_vec());
        };
        let mut form = vec!["form", "p", "hr"];
        form.extend(HEADINGS);
        form.extend([
            "dl", "ul", "ol", "menu", "dir", "address", "pre", "listing", "xmp",
        ]);
        add("form", &form);
        add("head", &["p"]);
        add("title", &["p"]);
        add("li", &{
            let mut v = vec!["p"];
            v.extend(HEADINGS);
            v.extend(["dl", "address", "pre", "listing", "xmp", "head", "li"]);
            v
        });
        add("hr", &["p", "head"]);
        for h in HEADINGS {
            let mut v = vec!["p", "head"];
            v.extend(HEADINGS.iter().filter(|x| **x != h));
            m.insert(h, v);
        }
        let mut add = |tag: &'static str, closes: &[&'static str]| {
            m.insert(tag, closes.to_vec());
        };
        add("dir", &["p", "head"]);
        add("address", &["p", "head", "ul"]);
        add("pre", &["p", "head", "ul"]);
        add("listing", &["p", "head"]);
        add("xmp", &["p"]);
        add("blockquote", &["p", "head"]);
        add(
            "dl",
            &[
                "p", "dt", "menu", "dir", "address", "pre", "listing", "xmp", "head",
            ],
        );
        add(
            "dt",
            &[
                "p", "menu", "dir", "address", "pre", "listing", "xmp", "head", "dd",
            ],
        );
        add(
            "dd",
            &[
                "p", "menu", "dir", "address", "pre", "listing", "xmp", "head", "dt",
            ],
        );
        add(
            "ul",
            &[
                "p", "head", "ol", "menu", "dir", "address", "pre", "listing", "xmp",
            ],
        );
        add("ol", &["p", "head", "ul"]);
        add("menu", &["p", "head", "ul"]);
        add(
            "p",
            &[
                "p", "head", "h1", "h2", "h3", "h4", "h5", "h6", "tt", "i", "b", "u", "s",
                "strike", "big", "small",
            ],
        );
        add("div", &["p", "head"]);
        add("noscript", &["script"]);
        add("center", &["font", "b", "i", "p", "head"]);
        add("a", &["a", "head"]);
        add("caption", &["p"]);
        add("colgroup", &["caption", "colgroup", "col", "p"]);
        add("col", &["caption", "col", "p"]);
        add(
            "table",
            &[
                "p", "head", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "xmp", "a",
            ],
        );
        let cell = ["th", "td", "p", "span", "font", "a", "b", "i", "u"];
        add("th", &cell);
        add("td", &cell);
        add("tr", &["th", "td", "tr", "caption", "col", "colgroup", "p"]);
        add("thead", &["caption", "col", "colgroup"]);
        add(
            "tfoot",
            &[
                "th", "td", "tr", "caption", "col", "colgroup", "thead", "tbody", "p",
            ],
        );
        add(
            "tbody",
            &[
                "th", "td", "tr", "caption", "col", "colgroup", "thead", "tfoot", "tbody", "p",
            ],
        );
        add("optgroup", &["option"]);
        add("option", &["option"]);
        add(
            "fieldset",
            &[
                "legend", "p", "head", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "xmp",
                "a",
            ],
        );
        m
    });

    /// `htmlGetEndPriority`: an end tag does not close elements of higher priority.
    fn end_priority(name: &str) -> u32 {
        match name {
            "div" => 150,
            "td" | "th" => 160,
            "tr" => 170,
            "thead" | "tbody" | "tfoot" => 180,
            "table" => 190,
            "head" | "body" => 200,
            "html" => 220,
            _ => 100,
        }
    }

    fn entity(name: &str) -> Option<char> {
        static BY_NAME: Lazy<HashMap<&'static str, u32>> = Lazy::new(|| {
            crate::markdown::entity_table::NAMED
                .iter()
                .map(|&(c, n)| (n, c))
                .collect()
        });
        BY_NAME.get(name).and_then(|&c| char::from_u32(c))
    }

    /// Decodes `&name;`, `&#N;` and `&#xN;` the way libxml2 reads character data: unknown
    /// names and references without `;` stay as written; invalid characters vanish.
    pub fn decode_entities(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            rest = &rest[i..];
            let after = &rest[1..];
            if let Some(num) = after.strip_prefix('#') {
                let (digits, radix) = match num.strip_prefix(['x', 'X']) {
                    Some(h) => (h, 16),
                    None => (num, 10),
                };
                let len = digits.chars().take_while(|c| c.is_digit(radix)).count();
                if len > 0 && digits[len..].starts_with(';') {
                    let code = u32::from_str_radix(&digits[..len], radix).unwrap_or(0);
                    if let Some(c) = char::from_u32(code).filter(|c| valid_xml_char(*c)) {
                        out.push(c);
                    }
                    let consumed = 1 + (num.len() - digits.len()) + 1 + len + 1;
                    rest = &rest[consumed..];
                    continue;
                }
            } else {
                let len = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                if len > 0 && after[len..].starts_with(';') {
                    if let Some(c) = entity(&after[..len]) {
                        out.push(c);
                        rest = &rest[len + 2..];
                        continue;
                    }
                }
            }
            out.push('&');
            rest = &rest[1..];
        }
        out.push_str(rest);
        out
    }

    fn valid_xml_char(c: char) -> bool {
        matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
    }

    /// Text as libxml2 writes it: `&`, `<`, `>` escaped.
    pub fn escape_text(s: &str) -> String {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }

    /// An element's attributes, in source order (`None`: written without a value).
    type Attrs = Vec<(String, Option<String>)>;

    struct Builder {
        root: Vec<Node>,
        /// Open elements: (name, attrs, children).
        stack: Vec<(String, Attrs, Vec<Node>)>,
    }

    impl Builder {
        fn children(&mut self) -> &mut Vec<Node> {
            match self.stack.last_mut() {
                Some((_, _, c)) => c,
                None => &mut self.root,
            }
        }

        fn close_top(&mut self) {
            if let Some((name, attrs, children)) = self.stack.pop() {
                self.children().push(Node::Element {
                    name,
                    attrs,
                    children,
                });
            }
        }

        fn text(&mut self, t: String) {
            if t.is_empty() {
                return;
            }
            if let Some(Node::Text(prev)) = self.children().last_mut() {
                prev.push_str(&t);
                return;
            }
            self.children().push(Node::Text(t));
        }

        fn start(&mut self, name: String, attrs: Vec<(String, Option<String>)>) {
            // The fragment is parsed inside `<html><body>`: these tags only add attributes
            // to elements that are not part of it.
            if matches!(name.as_str(), "html" | "head" | "body") {
                return;
            }
            if let Some(closes) = START_CLOSE.get(name.as_str()) {
                while let Some((top, _, _)) = self.stack.last() {
                    if closes.contains(&top.as_str()) {
                        self.close_top();
                    } else {
                        break;
                    }
                }
            }
            let empty = EMPTY.contains(&name.as_str());
            self.stack.push((name, attrs, Vec::new()));
            if empty {
                self.close_top();
            }
        }

        fn end(&mut self, name: &str) {
            if matches!(name, "html" | "head" | "body") {
                return;
            }
            let Some(pos) = self.stack.iter().rposition(|(n, _, _)| n == name) else {
                return;
            };
            let priority = end_priority(name);
            if self.stack[pos + 1..]
                .iter()
                .any(|(n, _, _)| end_priority(n) > priority)
            {
                return;
            }
            while self.stack.len() > pos {
                self.close_top();
            }
        }

        fn finish(mut self) -> Vec<Node> {
            while !self.stack.is_empty() {
                self.close_top();
            }
            self.root
        }
    }

    fn parse_attrs(s: &str) -> Vec<(String, Option<String>)> {
        let b = s.as_bytes();
        let mut out: Vec<(String, Option<String>)> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            let start = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'/') {
                i += 1;
            }
            if start == i {
                i += 1;
                continue;
            }
            let name = s[start..i].to_ascii_lowercase();
            let mut j = i;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            let mut value = None;
            if j < b.len() && b[j] == b'=' {
                j += 1;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let q = b[j];
                    let vstart = j + 1;
                    let vend = s[vstart..]
                        .find(q as char)
                        .map(|k| vstart + k)
                        .unwrap_or(b.len());
                    value = Some(decode_entities(&s[vstart..vend]));
                    i = (vend + 1).min(b.len());
                } else {
                    let vstart = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = Some(decode_entities(&s[vstart..j]));
                    i = j;
                }
            }
            if !out.iter().any(|(n, _)| *n == name) {
                out.push((name, value));
            }
        }
        out
    }

    /// Parses an HTML fragment as libxml2 does inside `<body>`.
    pub fn parse(src: &str) -> Vec<Node> {
        let mut b = Builder {
            root: Vec::new(),
            stack: Vec::new(),
        };
        let mut i = 0;
        let bytes = src.as_bytes();
        let mut text_start = 0;
        while i < bytes.len() {
            if bytes[i] != b'<' {
                i += 1;
                continue;
            }
            let rest = &src[i..];
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            let token_end;
            if let Some(comment) = rest.strip_prefix("<!--") {
                let end = comment.find("-->").map(|k| k + 7).unwrap_or(rest.len());
                b.text(decode_entities(&src[text_start..i]));
                b.children().push(Node::Verbatim(rest[..end].to_string()));
                token_end = i + end;
            } else if next == b'?' {
                let end = rest.find('>').map(|k| k + 1).unwrap_or(rest.len());
                b.text(decode_entities(&src[text_start..i]));
                b.children().push(Node::Verbatim(rest[..end].to_string()));
                token_end = i + end;
            } else if next == b'!' {
                let end = rest.find('>').map(|k| k + 1).unwrap_or(rest.len());
                b.text(decode_entities(&src[text_start..i]));
                if !rest[2..].to_ascii_lowercase().starts_with("doctype") {
                    b.text(rest[..end].to_string());
                }
                token_end = i + end;
            } else if next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
                let end = rest.find('>').map(|k| k + 1).unwrap_or(rest.len());
                let name = local_name(
                    &rest[2..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == ':')
                        .collect::<String>(),
                );
                b.text(decode_entities(&src[text_start..i]));
                b.end(&name);
                token_end = i + end;
            } else if next.is_ascii_alphabetic() {
                let Some(close) = tag_end(rest) else {
                    i += 1;
                    continue;
                };
                let inner = &rest[1..close];
                let name_len = inner
                    .find(|c: char| c.is_ascii_whitespace() || c == '/')
                    .unwrap_or(inner.len());
                let name = local_name(&inner[..name_len]);
                let attrs = parse_attrs(&inner[name_len..]);
                b.text(decode_entities(&src[text_start..i]));
                let raw = name == "script" || name == "style";
                b.start(name.clone(), attrs);
                token_end = i + close + 1;
                // libxml2 honours `/>` on any element: it ends there.
                if inner.ends_with('/') && !EMPTY.contains(&name.as_str()) {
                    b.end(&name);
                    i = token_end;
                    text_start = i;
                    continue;
                }
                if raw {
                    let body = &src[token_end..];
                    let end_tag = format!("</{name}");
                    let stop = body
                        .to_ascii_lowercase()
                        .find(&end_tag)
                        .unwrap_or(body.len());
                    if stop > 0 {
                        b.children().push(Node::Raw(body[..stop].to_string()));
                    }
                    let after = &body[stop..];
                    let close_len = after.find('>').map(|k| k + 1).unwrap_or(after.len());
                    b.end(&name);
                    i = token_end + stop + close_len;
                    text_start = i;
                    continue;
                }
            } else {
                i += 1;
                continue;
            }
            i = token_end;
            text_start = i;
        }
        b.text(decode_entities(&src[text_start..]));
        b.finish()
    }

    /// A tag's element name as Nokogiri keeps it: lower-case, without a namespace prefix.
    fn local_name(tag: &str) -> String {
        let lower = tag.to_ascii_lowercase();
        match lower.rsplit_once(':') {
            Some((_, local)) if !local.is_empty() => local.to_string(),
            _ => lower,
        }
    }

    /// The index of the `>` closing a start tag (quotes may hide one).
    fn tag_end(s: &str) -> Option<usize> {
        let mut quote: Option<u8> = None;
        // Only quotes that open an attribute value (after `=` and optional spaces) count.
        let mut after_equals = false;
        for (i, &c) in s.as_bytes().iter().enumerate() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if (c == b'"' || c == b'\'') && after_equals => quote = Some(c),
                None if c == b'>' => return Some(i),
                None => {}
            }
            if !c.is_ascii_whitespace() {
                after_equals = c == b'=';
            }
        }
        None
    }

    fn is_text(n: &Node) -> bool {
        matches!(n, Node::Text(_) | Node::Raw(_))
    }

    fn is_uri_attr(element: &str, attr: &str) -> bool {
        matches!(attr, "href" | "action" | "src") || (attr == "name" && element == "a")
    }

    /// `xmlURIEscapeStr(value, "@/:=?;#%&,+")`.
    fn uri_escape(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for &b in s.as_bytes() {
            let keep = b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
                )
                || b"@/:=?;#%&,+".contains(&b);
            if keep {
                out.push(b as char);
            } else {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }

    fn write_attr(out: &mut String, element: &str, name: &str, value: &Option<String>) {
        out.push(' ');
        out.push_str(name);
        let Some(v) = value else { return };
        if BOOLEAN_ATTRS.contains(&name) {
            return;
        }
        let encoded = v
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        let encoded = if is_uri_attr(element, name) {
            uri_escape(encoded.trim_start_matches([' ', '\t', '\n', '\r']))
        } else {
            encoded
        };
        out.push('=');
        if !encoded.contains('"') {
            out.push('"');
            out.push_str(&encoded);
            out.push('"');
        } else if !encoded.contains('\'') {
            out.push('\'');
            out.push_str(&encoded);
            out.push('\'');
        } else {
            out.push('"');
            out.push_str(&encoded.replace('"', "&quot;"));
            out.push('"');
        }
    }

    /// libxml2's formatting rule: no newlines for inline or unknown elements, nor inside
    /// elements whose name starts with `p` (p, pre, param).
    fn formats(name: &str) -> bool {
        (BLOCK.contains(&name) || EMPTY.contains(&name)) && !INLINE.contains(&name)
    }

    fn write_node(out: &mut String, node: &Node, parent: Option<&str>, next: Option<&Node>) {
        match node {
            Node::Text(t) => out.push_str(&escape_text(t)),
            Node::Raw(t) | Node::Verbatim(t) => out.push_str(t),
            Node::Element {
                name,
                attrs,
                children,
            } => {
                out.push('<');
                out.push_str(name);
                for (n, v) in attrs {
                    write_attr(out, name, n, v);
                }
                let block = formats(name);
                if EMPTY.contains(&name.as_str()) {
                    out.push('>');
                } else if children.is_empty() {
                    // libxml2 leaves out the end tag of an empty `li` (its `saveEndTag`).
                    if name == "li" {
                        out.push('>');
                    } else {
                        out.push_str(&format!("></{name}>"));
                    }
                } else {
                    out.push('>');
                    let several = children.len() > 1;
                    if block && several && !is_text(&children[0]) && !name.starts_with('p') {
                        out.push('\n');
                    }
                    for (k, c) in children.iter().enumerate() {
                        write_node(out, c, Some(name), children.get(k + 1));
                    }
                    if block
                        && several
                        && !is_text(children.last().expect("children"))
                        && !name.starts_with('p')
                    {
                        out.push('\n');
                    }
                    out.push_str(&format!("</{name}>"));
                }
                if let (Some(next), Some(parent)) = (next, parent) {
                    if block && !is_text(next) && !parent.starts_with('p') {
                        out.push('\n');
                    }
                }
            }
        }
    }

    /// Writes a fragment as Nokogiri's `to_html` does: each top-level node on its own.
    pub fn serialize(nodes: &[Node]) -> String {
        let mut out = String::new();
        for n in nodes {
            write_node(&mut out, n, None, None);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(s: &str) -> String {
        filter_fragment(s, "https://github.com")
    }

    // Expected values from HTML::Pipeline 2.14 with Nokogiri 1.13 / libxml2 2.9.14.
    #[test]
    fn links_mentions_outside_code_and_links() {
        assert_eq!(
            filter("<p>Hi @hubot and <code>@x</code> <a href='y'>@z</a></p>\n"),
            "<p>Hi <a href=\"https://github.com/hubot\" class=\"user-mention\">@hubot</a> and <code>@x</code> <a href=\"y\">@z</a></p>\n"
        );
        assert_eq!(
            filter("<p>email foo@bar.com @user/repo @user_ @-x @mention</p>"),
            "<p>email foo@bar.com @user/repo <a href=\"https://github.com/user_\" class=\"user-mention\">@user_</a> @-x @mention</p>"
        );
    }

    #[test]
    fn rewrites_html_like_libxml2() {
        assert_eq!(
            filter("<p>a<br />b <img src=\"x.png\" alt=\"A &amp; B\" /> &amp; &lt; &gt; &quot; ' &#8617; é</p>\n<hr />\n@me"),
            "<p>a<br>b <img src=\"x.png\" alt=\"A &amp; B\"> &amp; &lt; &gt; \" ' \u{21a9} é</p>\n<hr>\n<a href=\"https://github.com/me\" class=\"user-mention\">@me</a>"
        );
        assert_eq!(
            filter("<li><strong>a</strong> b @u</li>"),
            "<li>\n<strong>a</strong> b <a href=\"https://github.com/u\" class=\"user-mention\">@u</a>\n</li>"
        );
        assert_eq!(
            filter("<div><div>a</div><div>b</div></div> @u"),
            "<div>\n<div>a</div>\n<div>b</div>\n</div> <a href=\"https://github.com/u\" class=\"user-mention\">@u</a>"
        );
        assert_eq!(
            filter("<p title='it&#39;s \"q\"'>@u</p>"),
            "<p title=\"it's &quot;q&quot;\"><a href=\"https://github.com/u\" class=\"user-mention\">@u</a></p>"
        );
        assert_eq!(
            filter("<a href=\"/é x?a=1&amp;b=2\">l</a> <img src=\"é.png\"> @u"),
            "<a href=\"/%C3%A9%20x?a=1&amp;b=2\">l</a> <img src=\"%C3%A9.png\"> <a href=\"https://github.com/u\" class=\"user-mention\">@u</a>"
        );
        assert_eq!(
            filter("<p>a\n<div>b</div>\nc</p> @u"),
            "<p>a\n</p><div>b</div>\nc <a href=\"https://github.com/u\" class=\"user-mention\">@u</a>"
        );
        assert_eq!(
            filter("<select><option>a</option><option selected>b</option></select> @u"),
            "<select><option>a</option>\n<option selected>b</option></select> <a href=\"https://github.com/u\" class=\"user-mention\">@u</a>"
        );
    }
}
