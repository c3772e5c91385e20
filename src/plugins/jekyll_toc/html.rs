//! An HTML fragment parser and serializer that behave like the ones jekyll-toc runs:
//! Nokogiri's `HTML::DocumentFragment.parse` (libxml2 2.9.14's HTML 4 parser, recovering,
//! the fragment parsed as `<html><body>…`) and `inner_html` (libxml2's HTML serializer with
//! formatting). What matters is the bytes: implied end tags (`<p>` closed by a `<div>`),
//! entities decoded and re-escaped, void elements without `/`, URI attributes
//! percent-escaped, quotes chosen per attribute, and the newlines libxml2's formatter adds
//! around block elements.

use super::tables::{CLOSED_BY, ELEMENTS, ENTITIES};
use once_cell::sync::Lazy;
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Element(String),
    Text,
    /// `script`/`style` content: written out as is.
    Cdata,
    Comment,
    /// `<?target data>`.
    Pi(String),
}

#[derive(Debug, Clone)]
pub struct Node {
    pub kind: Kind,
    /// Attributes in source order; `None` for an attribute written without a value.
    pub attrs: Vec<(String, Option<String>)>,
    /// Text, comment or processing instruction content.
    pub text: String,
    pub parent: usize,
    pub children: Vec<usize>,
}

/// A parsed fragment. Node 0 is the fragment (the `<body>` the content was parsed in);
/// node 1 collects what libxml2 would put outside the body (lost, as in Nokogiri).
pub struct Fragment {
    pub nodes: Vec<Node>,
}

pub const ROOT: usize = 0;
const OUTSIDE: usize = 1;

struct ElementInfo {
    void: bool,
    no_end_tag_when_empty: bool,
    inline: bool,
}

static INFO: Lazy<HashMap<&'static str, ElementInfo>> = Lazy::new(|| {
    ELEMENTS
        .iter()
        .map(|&(name, void, no_end_tag_when_empty, inline)| {
            (
                name,
                ElementInfo {
                    void,
                    no_end_tag_when_empty,
                    inline,
                },
            )
        })
        .collect()
});

static CLOSES: Lazy<HashMap<&'static str, &'static [&'static str]>> =
    Lazy::new(|| CLOSED_BY.iter().copied().collect());

static ENTITY: Lazy<HashMap<&'static str, u32>> = Lazy::new(|| ENTITIES.iter().copied().collect());

/// Whether a start tag `new` implicitly closes the open element `old`.
fn closes(new: &str, old: &str) -> bool {
    CLOSES.get(old).is_some_and(|list| list.contains(&new))
}

/// How far an end tag may reach down the stack (libxml2's end-tag priorities).
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

/// XML's `Char` production: what libxml2 keeps of the input.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn is_blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    nodes: Vec<Node>,
    /// Open elements: (name, node).
    stack: Vec<(String, usize)>,
    /// Misplaced `html`/`head`/`body` start tags whose end tags must be ignored.
    discarded: usize,
}

impl Fragment {
    /// `Nokogiri::HTML::DocumentFragment.parse(html)`.
    pub fn parse(html: &str) -> Fragment {
        let mut p = Parser {
            src: html,
            pos: 0,
            nodes: Vec::new(),
            stack: Vec::new(),
            discarded: 0,
        };
        for _ in 0..2 {
            p.nodes.push(Node {
                kind: Kind::Element("body".into()),
                attrs: Vec::new(),
                text: String::new(),
                parent: OUTSIDE,
                children: Vec::new(),
            });
        }
        p.stack.push(("html".into(), OUTSIDE));
        p.stack.push(("body".into(), ROOT));
        p.run();
        let mut fragment = Fragment { nodes: p.nodes };
        // Nokogiri takes `/html/body` itself instead of its children when a line of the
        // input starts with `<body` (its test is `/^\s*?<body/i`, and `^` matches at every
        // line start).
        static BODY_LINE: Lazy<regex::Regex> =
            Lazy::new(|| regex::Regex::new(r"(?mi)^\s*?<body").expect("valid regex"));
        if BODY_LINE.is_match(html) {
            let children = std::mem::take(&mut fragment.nodes[ROOT].children);
            let body = fragment.append_element(ROOT, "body", Vec::new());
            for &c in &children {
                fragment.nodes[c].parent = body;
            }
            fragment.nodes[body].children = children;
        }
        fragment
    }

    pub fn name(&self, id: usize) -> Option<&str> {
        match &self.nodes[id].kind {
            Kind::Element(n) => Some(n),
            _ => None,
        }
    }

    pub fn attr(&self, id: usize, name: &str) -> Option<&(String, Option<String>)> {
        self.nodes[id].attrs.iter().find(|(n, _)| n == name)
    }

    /// `node.text`: the text and script/style content of every descendant.
    pub fn text(&self, id: usize) -> String {
        let mut out = String::new();
        self.collect_text(id, &mut out);
        out
    }

    fn collect_text(&self, id: usize, out: &mut String) {
        let n = &self.nodes[id];
        match n.kind {
            Kind::Text | Kind::Cdata => out.push_str(&n.text),
            Kind::Element(_) => {
                for &c in &n.children {
                    self.collect_text(c, out);
                }
            }
            _ => {}
        }
    }

    /// Every element below `id` (excluding it), in document order.
    pub fn descendants(&self, id: usize, out: &mut Vec<usize>) {
        for &c in &self.nodes[id].children {
            if matches!(self.nodes[c].kind, Kind::Element(_)) {
                out.push(c);
                self.descendants(c, out);
            }
        }
    }

    /// Inserts a new element before `sibling`; returns its id.
    pub fn insert_element_before(
        &mut self,
        sibling: usize,
        name: &str,
        attrs: Vec<(String, Option<String>)>,
    ) -> usize {
        let parent = self.nodes[sibling].parent;
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind: Kind::Element(name.into()),
            attrs,
            text: String::new(),
            parent,
            children: Vec::new(),
        });
        let siblings = &mut self.nodes[parent].children;
        let at = siblings.iter().position(|&c| c == sibling).unwrap_or(0);
        siblings.insert(at, id);
        id
    }

    /// Appends a new empty element to `parent`; returns its id.
    pub fn append_element(
        &mut self,
        parent: usize,
        name: &str,
        attrs: Vec<(String, Option<String>)>,
    ) -> usize {
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind: Kind::Element(name.into()),
            attrs,
            text: String::new(),
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// `fragment.inner_html`: each top-level node serialized on its own, joined.
    pub fn inner_html(&self) -> String {
        let mut out = String::new();
        for &c in &self.nodes[ROOT].children {
            self.dump(c, None, &mut out);
        }
        out
    }

    fn is_text(&self, id: usize) -> bool {
        self.nodes[id].kind == Kind::Text
    }

    /// libxml2's formatter writes a newline between a block element and a following
    /// non-text sibling, unless the parent is `p`, `pre`, `param` (any name starting with
    /// `p`) or the fragment itself.
    fn newline_after(&self, id: usize, info: Option<&ElementInfo>, parent: Option<&str>) -> bool {
        let Some(info) = info else { return false };
        if info.inline {
            return false;
        }
        let siblings = &self.nodes[self.nodes[id].parent].children;
        let Some(pos) = siblings.iter().position(|&c| c == id) else {
            return false;
        };
        let Some(&next) = siblings.get(pos + 1) else {
            return false;
        };
        !self.is_text(next) && parent.is_some_and(|p| !p.starts_with('p'))
    }

    fn dump(&self, id: usize, parent: Option<&str>, out: &mut String) {
        let node = &self.nodes[id];
        match &node.kind {
            Kind::Element(name) => {
                let info = INFO.get(name.as_str());
                out.push('<');
                out.push_str(name);
                for (k, v) in &node.attrs {
                    dump_attr(name, k, v.as_deref(), out);
                }
                let block_with_many = |first_or_last: usize| {
                    info.is_some_and(|i| !i.inline)
                        && !self.is_text(first_or_last)
                        && node.children.len() > 1
                        && !name.starts_with('p')
                };
                if info.is_some_and(|i| i.void) {
                    out.push('>');
                } else if node.children.is_empty() {
                    if info.is_some_and(|i| i.no_end_tag_when_empty)
                        && name != "html"
                        && name != "body"
                    {
                        out.push('>');
                    } else {
                        out.push_str("></");
                        out.push_str(name);
                        out.push('>');
                    }
                } else {
                    out.push('>');
                    if block_with_many(node.children[0]) {
                        out.push('\n');
                    }
                    for &c in &node.children {
                        self.dump(c, Some(name), out);
                    }
                    if block_with_many(node.children[node.children.len() - 1]) {
                        out.push('\n');
                    }
                    out.push_str("</");
                    out.push_str(name);
                    out.push('>');
                }
                if self.newline_after(id, info, parent) {
                    out.push('\n');
                }
            }
            Kind::Text => {
                let raw = parent.is_some_and(|p| p == "script" || p == "style");
                if raw {
                    out.push_str(&node.text);
                } else {
                    escape_text(&node.text, false, out);
                }
            }
            Kind::Cdata => out.push_str(&node.text),
            Kind::Comment => {
                out.push_str("<!--");
                out.push_str(&node.text);
                out.push_str("-->");
            }
            Kind::Pi(target) => {
                out.push_str("<?");
                out.push_str(target);
                if !node.text.is_empty() {
                    out.push(' ');
                    out.push_str(&node.text);
                }
                out.push('>');
            }
        }
    }
}

/// libxml2's entity escaping: `<`, `>`, `&`; control characters other than tab and
/// newlines are dropped. In attributes, `&{...}` and `<!--...-->` pass through.
fn escape_text(s: &str, attr: bool, out: &mut String) {
    let mut i = 0;
    let b = s.as_bytes();
    while i < s.len() {
        let c = b[i];
        match c {
            b'<' => {
                if attr && s[i..].starts_with("<!--") {
                    if let Some(end) = s[i..].find("-->") {
                        out.push_str(&s[i..i + end + 3]);
                        i += end + 3;
                        continue;
                    }
                }
                out.push_str("&lt;");
            }
            b'>' => out.push_str("&gt;"),
            b'&' => {
                if attr && s[i..].starts_with("&{") {
                    if let Some(end) = s[i..].find('}') {
                        out.push_str(&s[i..=i + end]);
                        i += end + 1;
                        continue;
                    }
                }
                out.push_str("&amp;");
            }
            b'\t' | b'\n' | b'\r' | 0x20..=0x7f => out.push(c as char),
            0x80.. => {
                let ch = s[i..].chars().next().unwrap_or('\u{FFFD}');
                out.push(ch);
                i += ch.len_utf8();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

const BOOLEAN_ATTRS: &[&str] = &[
    "checked", "compact", "declare", "defer", "disabled", "ismap", "multiple", "nohref",
    "noresize", "noshade", "nowrap", "readonly", "selected",
];

/// ` name="value"`, libxml2 style: boolean attributes and valueless ones bare, URI
/// attributes percent-escaped, single quotes when the value holds `"` but not `'`.
fn dump_attr(element: &str, name: &str, value: Option<&str>, out: &mut String) {
    out.push(' ');
    out.push_str(name);
    let Some(value) = value else { return };
    if BOOLEAN_ATTRS.contains(&name.to_ascii_lowercase().as_str()) {
        return;
    }
    let mut escaped = String::new();
    escape_text(value, true, &mut escaped);
    let lower = name.to_ascii_lowercase();
    let is_uri = matches!(lower.as_str(), "href" | "action" | "src")
        || (lower == "name" && element.eq_ignore_ascii_case("a"));
    if is_uri {
        escaped = uri_escape(escaped.trim_start_matches([' ', '\t', '\n', '\r']));
    }
    out.push('=');
    if escaped.contains('"') {
        if escaped.contains('\'') {
            out.push('"');
            out.push_str(&escaped.replace('"', "&quot;"));
            out.push('"');
        } else {
            out.push('\'');
            out.push_str(&escaped);
            out.push('\'');
        }
    } else {
        out.push('"');
        out.push_str(&escaped);
        out.push('"');
    }
}

/// `xmlURIEscapeStr(value, "@/:=?;#%&,+<>")`: every byte but unreserved characters and
/// those listed becomes `%XX`.
fn uri_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-_.!~*'()@/:=?;#%&,+<>".contains(&b);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Parser<'_> {
    fn cur(&self) -> u8 {
        self.src.as_bytes().get(self.pos).copied().unwrap_or(0)
    }

    fn nxt(&self, n: usize) -> u8 {
        self.src.as_bytes().get(self.pos + n).copied().unwrap_or(0)
    }

    fn rest(&self) -> &str {
        &self.src[self.pos..]
    }

    fn skip_blanks(&mut self) {
        while is_blank(self.cur()) {
            self.pos += 1;
        }
    }

    fn current(&self) -> usize {
        self.stack.last().map(|s| s.1).unwrap_or(OUTSIDE)
    }

    fn current_name(&self) -> Option<&str> {
        self.stack.last().map(|s| s.0.as_str())
    }

    fn pop(&mut self) {
        self.stack.pop();
    }

    /// Appends character data to the current element, merging with a preceding node of
    /// the same kind (libxml2's SAX builder does).
    fn append_text(&mut self, kind: Kind, text: &str) {
        if text.is_empty() {
            return;
        }
        let parent = self.current();
        if let Some(&last) = self.nodes[parent].children.last() {
            if self.nodes[last].kind == kind {
                self.nodes[last].text.push_str(text);
                return;
            }
        }
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            attrs: Vec::new(),
            text: text.to_string(),
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
    }

    fn append_node(&mut self, kind: Kind, text: String) {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            kind,
            attrs: Vec::new(),
            text,
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
    }

    fn run(&mut self) {
        loop {
            let c = self.cur();
            if c == b'<' && self.nxt(1) == b'/' {
                self.end_tag();
                continue;
            }
            if c == b'<'
                && (self.nxt(1).is_ascii_alphabetic() || matches!(self.nxt(1), b'_' | b':'))
            {
                let name = self.peek_name();
                if let Some(top) = self.current_name() {
                    if closes(&name, top) {
                        self.auto_close(&name);
                        continue;
                    }
                }
            }
            if c != 0 && matches!(self.current_name(), Some("script" | "style")) {
                self.script();
                continue;
            }
            if c == b'<'
                && self.nxt(1) == b'!'
                && self.src.len() >= self.pos + 9
                && self.src[self.pos + 2..self.pos + 9].eq_ignore_ascii_case("DOCTYPE")
            {
                self.skip_doctype();
                continue;
            }
            if self.rest().starts_with("<!--") {
                self.comment();
            } else if self.rest().starts_with("<?") {
                self.pi();
            } else if c == b'<' && self.nxt(1).is_ascii_alphabetic() {
                self.element();
            } else if c == b'<' {
                self.append_text(Kind::Text, "<");
                self.pos += 1;
            } else if c == b'&' {
                self.reference();
            } else if self.pos >= self.src.len() {
                self.stack.clear();
                break;
            } else {
                self.char_data();
            }
        }
    }

    /// A tag name: lower-cased ASCII letters, digits, `:`, `-`, `_`, `.`.
    fn html_name(&mut self, allow_dot_start: bool) -> Option<String> {
        let c = self.cur();
        if !(c.is_ascii_alphabetic() || c == b'_' || c == b':' || (allow_dot_start && c == b'.')) {
            return None;
        }
        let mut name = String::new();
        loop {
            let c = self.cur();
            if c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_' | b'.') {
                name.push(c.to_ascii_lowercase() as char);
                self.pos += 1;
            } else {
                break;
            }
        }
        Some(name)
    }

    /// The name of the start tag at `<` without consuming it (no `.` allowed).
    fn peek_name(&self) -> String {
        self.src.as_bytes()[self.pos + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_'))
            .map(|c| c.to_ascii_lowercase() as char)
            .collect()
    }

    fn auto_close(&mut self, new: &str) {
        while let Some(top) = self.current_name() {
            if closes(new, top) {
                self.pop();
            } else {
                break;
            }
        }
    }

    fn end_tag(&mut self) {
        self.pos += 2;
        let Some(name) = self.html_name(true) else {
            return;
        };
        self.skip_blanks();
        while self.cur() != 0 && self.cur() != b'>' {
            self.pos += 1;
        }
        if self.cur() == b'>' {
            self.pos += 1;
        }
        if self.discarded > 0 && matches!(name.as_str(), "html" | "body" | "head") {
            self.discarded -= 1;
            return;
        }
        let Some(at) = self.stack.iter().rposition(|(n, _)| *n == name) else {
            return;
        };
        let priority = end_priority(&name);
        if self.stack[at + 1..]
            .iter()
            .any(|(n, _)| end_priority(n) > priority)
        {
            return;
        }
        self.stack.truncate(at);
    }

    fn element(&mut self) {
        self.pos += 1;
        let Some(name) = self.html_name(true) else {
            while self.cur() != 0 && self.cur() != b'>' {
                self.pos += 1;
            }
            if self.cur() == b'>' {
                self.pos += 1;
            }
            return;
        };
        self.auto_close(&name);
        // Misplaced `html`, `head` or `body` start tags are dropped; libxml2 then ignores
        // as many of their end tags.
        let misplaced = match name.as_str() {
            "html" if !self.stack.is_empty() => 1,
            "head" if self.stack.len() != 1 => 1,
            "body" => self.stack.iter().filter(|(n, _)| n == "body").count(),
            _ => 0,
        };
        let discard = misplaced > 0;
        self.discarded += misplaced;
        let attrs = self.attributes();
        if !discard {
            let parent = self.current();
            let id = self.nodes.len();
            self.nodes.push(Node {
                kind: Kind::Element(name.clone()),
                attrs,
                text: String::new(),
                parent,
                children: Vec::new(),
            });
            self.nodes[parent].children.push(id);
            self.stack.push((name.clone(), id));
        }
        if self.cur() == b'/' && self.nxt(1) == b'>' {
            self.pos += 2;
            self.pop();
            return;
        }
        if self.cur() == b'>' {
            self.pos += 1;
        } else {
            // Unfinished start tag (end of input): libxml2 closes the current element.
            self.pop();
            return;
        }
        let top = self.current_name().unwrap_or("").to_string();
        if INFO.get(top.as_str()).is_some_and(|i| i.void) {
            self.pop();
        }
    }

    fn attributes(&mut self) -> Vec<(String, Option<String>)> {
        let mut attrs: Vec<(String, Option<String>)> = Vec::new();
        self.skip_blanks();
        while self.cur() != 0 && self.cur() != b'>' && !(self.cur() == b'/' && self.nxt(1) == b'>')
        {
            match self.html_name(true) {
                Some(name) => {
                    self.skip_blanks();
                    let mut value = None;
                    if self.cur() == b'=' {
                        self.pos += 1;
                        self.skip_blanks();
                        value = Some(self.attr_value());
                    }
                    if !attrs.iter().any(|(n, _)| *n == name) {
                        attrs.push((name, value));
                    }
                }
                None => {
                    while self.cur() != 0
                        && !is_blank(self.cur())
                        && self.cur() != b'>'
                        && !(self.cur() == b'/' && self.nxt(1) == b'>')
                    {
                        self.pos += 1;
                    }
                }
            }
            self.skip_blanks();
        }
        attrs
    }

    fn attr_value(&mut self) -> String {
        let quote = self.cur();
        let stop = if quote == b'"' || quote == b'\'' {
            self.pos += 1;
            Some(quote)
        } else {
            None
        };
        let mut out = String::new();
        loop {
            let c = self.cur();
            if c == 0 || Some(c) == stop {
                break;
            }
            if stop.is_none() && (c == b'>' || is_blank(c)) {
                break;
            }
            if c == b'&' {
                if self.nxt(1) == b'#' {
                    if let Some(ch) = self.char_ref() {
                        out.push(ch);
                    }
                } else {
                    self.pos += 1;
                    match self.entity_name() {
                        None => out.push('&'),
                        Some((name, Some(ch))) => {
                            let _ = name;
                            out.push(ch);
                        }
                        Some((name, None)) => {
                            out.push('&');
                            out.push_str(&name);
                        }
                    }
                }
                continue;
            }
            let ch = self.rest().chars().next().unwrap_or('\0');
            out.push(ch);
            self.pos += ch.len_utf8();
        }
        if stop.is_some() && self.cur() == quote {
            self.pos += 1;
        }
        out
    }

    /// After `&`: the entity name and, when it is known and followed by `;`, its
    /// character (the `;` consumed).
    fn entity_name(&mut self) -> Option<(String, Option<char>)> {
        let start = self.pos;
        let first = self.rest().chars().next()?;
        if !(first.is_alphabetic() || first == '_' || first == ':') {
            return None;
        }
        let len: usize = self
            .rest()
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':'))
            .map(char::len_utf8)
            .sum();
        self.pos += len;
        let name = self.src[start..self.pos].to_string();
        if self.cur() == b';' {
            if let Some(&v) = ENTITY.get(name.as_str()) {
                self.pos += 1;
                return Some((name, char::from_u32(v)));
            }
        }
        Some((name, None))
    }

    /// `&#...;` / `&#x...;`: the character, or `None` when it is not a valid one.
    fn char_ref(&mut self) -> Option<char> {
        let hex = matches!(self.nxt(2), b'x' | b'X');
        self.pos += if hex { 3 } else { 2 };
        let mut val: u32 = 0;
        while self.cur() != b';' {
            let c = self.cur();
            let digit = if hex {
                (c as char).to_digit(16)
            } else {
                (c as char).to_digit(10)
            };
            match digit {
                Some(d) => {
                    if val < 0x110000 {
                        val = val * if hex { 16 } else { 10 } + d;
                    }
                }
                None => break,
            }
            self.pos += 1;
        }
        if self.cur() == b';' {
            self.pos += 1;
        }
        char::from_u32(val).filter(|&c| is_xml_char(c))
    }

    fn reference(&mut self) {
        if self.nxt(1) == b'#' {
            if let Some(ch) = self.char_ref() {
                self.append_text(Kind::Text, ch.encode_utf8(&mut [0; 4]));
            }
            return;
        }
        self.pos += 1;
        match self.entity_name() {
            None => self.append_text(Kind::Text, "&"),
            Some((_, Some(ch))) => self.append_text(Kind::Text, ch.encode_utf8(&mut [0; 4])),
            Some((name, None)) => {
                self.append_text(Kind::Text, "&");
                self.append_text(Kind::Text, &name);
            }
        }
    }

    fn char_data(&mut self) {
        let end = self
            .rest()
            .find(['<', '&'])
            .map(|i| self.pos + i)
            .unwrap_or(self.src.len());
        let text: String = self.src[self.pos..end]
            .chars()
            .filter(|&c| is_xml_char(c))
            .collect();
        self.pos = end;
        self.append_text(Kind::Text, &text);
    }

    /// `script`/`style` content, up to `</` followed by the element's name.
    fn script(&mut self) {
        let name = self.current_name().unwrap_or("").to_string();
        let mut end = self.src.len();
        let mut search = self.pos;
        while let Some(i) = self.src[search..].find("</") {
            let at = search + i;
            let after = &self.src.as_bytes()[at + 2..];
            if after.len() >= name.len()
                && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            {
                end = at;
                break;
            }
            search = at + 2;
        }
        let text: String = self.src[self.pos..end]
            .chars()
            .filter(|&c| is_xml_char(c))
            .collect();
        self.pos = end;
        self.append_text(Kind::Cdata, &text);
        if self.pos >= self.src.len() {
            self.stack.clear();
        }
    }

    fn skip_doctype(&mut self) {
        while self.cur() != 0 && self.cur() != b'>' {
            self.pos += 1;
        }
        if self.cur() == b'>' {
            self.pos += 1;
        }
    }

    /// `<!-- ... -->` (also closed by `--!>`); an unclosed comment swallows the rest.
    fn comment(&mut self) {
        self.pos += 4;
        let body = &self.src[self.pos..];
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        if chars.len() < 2 {
            self.pos = self.src.len();
            return;
        }
        let mut text = String::new();
        let (mut q, mut r) = (chars[0].1, chars[1].1);
        let mut i = 2;
        loop {
            let Some(&(_, cur)) = chars.get(i) else {
                self.pos = self.src.len();
                return;
            };
            if cur == '>' && r == '-' && q == '-' {
                self.pos += chars[i].0 + 1;
                break;
            }
            let next = chars.get(i + 1).map(|c| c.1);
            if q == '-' && r == '-' && cur == '!' && next == Some('>') {
                self.pos += chars[i + 1].0 + 1;
                break;
            }
            if is_xml_char(q) {
                text.push(q);
            }
            q = r;
            r = cur;
            i += 1;
        }
        self.append_node(Kind::Comment, text);
    }

    /// `<?target data?>`: kept as a processing instruction up to `>`.
    fn pi(&mut self) {
        self.pos += 2;
        let end = self
            .rest()
            .find('>')
            .map(|i| self.pos + i)
            .unwrap_or(self.src.len());
        let body = &self.src[self.pos..end];
        let (target, data) = match body.find(|c: char| c.is_ascii_whitespace()) {
            Some(i) => (&body[..i], body[i..].trim_start()),
            None => (body, ""),
        };
        let node = (target.to_string(), data.to_string());
        self.pos = (end + 1).min(self.src.len());
        self.append_node(Kind::Pi(node.0), node.1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(s: &str) -> String {
        Fragment::parse(s).inner_html()
    }

    /// Expected values from Nokogiri 1.13.10 / libxml2 2.9.14
    /// (`Nokogiri::HTML::DocumentFragment.parse(s).inner_html`).
    #[test]
    fn serializes_like_nokogiri() {
        assert_eq!(
            round_trip("<h1 id=\"a\">Title &amp; <em>x</em></h1>\n<p>a<br />b <img src=\"a b.png\" alt=\"x\" /> &nbsp; é &lt; &gt; \" '</p>\n<hr />\n"),
            "<h1 id=\"a\">Title &amp; <em>x</em>\n</h1>\n<p>a<br>b <img src=\"a%20b.png\" alt=\"x\"> \u{a0} é &lt; &gt; \" '</p>\n<hr>\n"
        );
        assert_eq!(
            round_trip("<p>para <div>div</div> after</p>"),
            "<p>para </p><div>div</div> after"
        );
        assert_eq!(
            round_trip("<a href=\"/é x?a=1&amp;b=2\" title='q\"q'>l</a><input checked disabled=\"disabled\">"),
            "<a href=\"/%C3%A9%20x?a=1&amp;b=2\" title='q\"q'>l</a><input checked disabled>"
        );
        assert_eq!(
            round_trip("<svg><path d=\"M0\"/></svg>"),
            "<svg><path d=\"M0\"></path></svg>"
        );
        assert_eq!(
            round_trip("<script>if (a < b && c) {}</script><style>a > b {}</style>\n<!-- comment -->\n<p>x</p>"),
            "<script>if (a < b && c) {}</script><style>a > b {}</style>\n<!-- comment -->\n<p>x</p>"
        );
        assert_eq!(
            round_trip("<h2 id=\"a&amp;b\">T</h2><img alt=\"\"><img alt><p>x\r\ny</p>"),
            "<h2 id=\"a&amp;b\">T</h2><img alt=\"\"><img alt><p>x\r\ny</p>"
        );
    }
}
