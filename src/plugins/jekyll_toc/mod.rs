//! jekyll-toc (0.18): the `toc`, `toc_only` and `inject_anchors` filters and the `{% toc %}`
//! tag. A page opts in with `toc: true`; `_config.yml`'s `toc:` sets the heading levels,
//! list tag, ids and classes.
//!
//! The gem reads the HTML with Nokogiri and, for `toc` and `inject_anchors`, writes the
//! whole fragment back out through libxml2's serializer, so the page's HTML changes beyond
//! the added anchors (void elements lose their `/`, entities become characters, URI
//! attributes are percent-escaped...). [`html`] parses and serializes the same way.

mod html;
mod tables;

use crate::liquid::{Context, Engine, LResult, LiquidError, Tag};
use crate::site::liquid_setup::{site_of, CurrentPage};
use crate::value::Value;
use html::{Fragment, Kind, ROOT};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashMap;

/// The plugin: three filters and a tag.
pub struct JekyllToc;

impl crate::plugins::Plugin for JekyllToc {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-toc"]
    }

    /// Heading levels must be integers (or numeric strings) for hyde; the gem builds a Ruby
    /// range from whatever is given.
    fn post_read(&self, site: &mut crate::site::Site) -> crate::error::Result<()> {
        let Some(Value::Hash(toc)) = site.config.get("toc").cloned() else {
            return Ok(());
        };
        for key in ["min_level", "max_level"] {
            let usable = match toc.get(key) {
                None | Some(Value::Int(_)) => true,
                Some(v) => crate::value::to_s(v).trim().parse::<i64>().is_ok(),
            };
            if !usable {
                site.warn(format!(
                    "jekyll-toc: toc.{key} is not an integer; hyde uses the default level instead."
                ));
            }
        }
        Ok(())
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_filter("toc_only", 1, 1, |input, _, ctx| {
            if !toc_enabled(ctx) {
                return Ok(Value::str(""));
            }
            let toc = Toc::new(&input_html(input), &config(ctx));
            Ok(Value::str(toc.build_toc()))
        });
        engine.register_filter("inject_anchors", 1, 1, |input, _, ctx| {
            if !toc_enabled(ctx) {
                return Ok(input.clone());
            }
            let mut toc = Toc::new(&input_html(input), &config(ctx));
            Ok(Value::str(toc.inject_anchors()?))
        });
        engine.register_filter("toc", 1, 1, |input, _, ctx| {
            if !toc_enabled(ctx) {
                return Ok(input.clone());
            }
            let mut toc = Toc::new(&input_html(input), &config(ctx));
            let list = toc.build_toc();
            Ok(Value::str(list + &toc.inject_anchors()?))
        });
        engine.register_tag("toc", |_, _, _| Ok(Box::new(TocTag) as Box<dyn Tag>));
    }
}

/// `{% toc %}`: the list for the page's `content`, when the page's `toc` is truthy.
struct TocTag;

impl Tag for TocTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let page = current_page(ctx);
        if !page.get("toc").is_some_and(|v| v.is_truthy()) {
            return Ok(());
        }
        let content = page.get("content").unwrap_or(Value::Nil);
        out.push_str(&Toc::new(&input_html(&content), &config(ctx)).build_toc());
        Ok(())
    }
}

fn current_page(ctx: &Context) -> Value {
    ctx.registers
        .get::<CurrentPage>()
        .map(|p| p.0.clone())
        .unwrap_or(Value::Nil)
}

/// The filters work only on pages with `toc: true` (exactly `true`).
fn toc_enabled(ctx: &Context) -> bool {
    matches!(current_page(ctx).get("toc"), Some(Value::Bool(true)))
}

fn input_html(v: &Value) -> String {
    crate::value::to_s(v)
}

/// `site.config["toc"]`, when it is a hash.
fn config(ctx: &Context) -> Config {
    let raw = site_of(ctx).and_then(|s| s.config.get("toc").cloned());
    Config::from_value(raw.as_ref())
}

/// `Jekyll::TableOfContents::Configuration`: the defaults merged with `toc:`.
#[derive(Debug, Clone)]
struct Config {
    levels: Vec<i64>,
    ordered_list: bool,
    no_toc_section_classes: Vec<String>,
    list_id: String,
    list_class: String,
    sublist_class: String,
    item_class: String,
    item_prefix: String,
}

impl Config {
    fn from_value(v: Option<&Value>) -> Config {
        // A `toc:` that is not a hash cannot be merged into the defaults: the gem then
        // uses the defaults.
        let h = match v {
            Some(Value::Hash(h)) => Some(h.clone()),
            _ => None,
        };
        let get = |k: &str| h.as_ref().and_then(|h| h.get(k).cloned());
        let string = |k: &str, default: &str| match get(k) {
            Some(v) => crate::value::to_s(&v),
            None => default.to_string(),
        };
        let level = |k: &str, default: i64| match get(k) {
            Some(Value::Int(i)) => i,
            Some(other) => crate::liquid::ruby::to_s(&other)
                .trim()
                .parse()
                .unwrap_or(default),
            None => default,
        };
        let no_toc_section_classes = match get("no_toc_section_class") {
            Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
            Some(other) => vec![crate::value::to_s(&other)],
            None => vec!["no_toc_section".to_string()],
        };
        Config {
            levels: (level("min_level", 1)..=level("max_level", 6)).collect(),
            ordered_list: get("ordered_list").is_some_and(|v| v.is_truthy()),
            no_toc_section_classes,
            list_id: string("list_id", "toc"),
            list_class: string("list_class", "section-nav"),
            sublist_class: string("sublist_class", ""),
            item_class: string("item_class", "toc-entry"),
            item_prefix: string("item_prefix", "toc-"),
        }
    }

    fn list_tag(&self) -> &'static str {
        if self.ordered_list {
            "ol"
        } else {
            "ul"
        }
    }
}

/// One heading of the table of contents.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    /// The heading's text, HTML-escaped.
    text: String,
    node_name: String,
    level: i64,
    /// The heading's first child, before which the anchor goes.
    first_child: Option<usize>,
}

/// `Jekyll::TableOfContents::Parser`.
struct Toc {
    doc: Fragment,
    config: Config,
    entries: Vec<Entry>,
}

impl Toc {
    fn new(html: &str, config: &Config) -> Toc {
        let doc = Fragment::parse(html);
        let entries = entries(&doc, config);
        Toc {
            doc,
            config: config.clone(),
            entries,
        }
    }

    fn build_toc(&self) -> String {
        let tag = self.config.list_tag();
        format!(
            "<{tag} id=\"{}\" class=\"{}\">\n{}</{tag}>",
            self.config.list_id,
            self.config.list_class,
            self.build_list(&self.entries)
        )
    }

    fn build_list(&self, entries: &[Entry]) -> String {
        let tag = self.config.list_tag();
        let sub_attrs = if self.config.sublist_class.is_empty() {
            String::new()
        } else {
            format!(" class=\"{}\"", self.config.sublist_class)
        };
        let Some(min) = entries.iter().map(|e| e.level).min() else {
            return String::new();
        };
        let mut out = String::new();
        let mut i = 0;
        while i < entries.len() {
            let entry = &entries[i];
            if entry.level == min {
                out.push_str(&format!(
                    "<li class=\"{} {}{}\"><a href=\"#{}\">{}</a>",
                    self.config.item_class,
                    self.config.item_prefix,
                    entry.node_name,
                    entry.id,
                    entry.text
                ));
                if entries.get(i + 1).is_some_and(|n| n.level > min) {
                    let nested = nest(&entries[i + 1..], min);
                    out.push_str(&format!(
                        "\n<{tag}{sub_attrs}>\n{}</{tag}>\n",
                        self.build_list(nested)
                    ));
                    i += nested.len();
                }
                out.push_str("</li>\n");
            } else if entry.level > min {
                let nested = nest(&entries[i..], min);
                out.push_str(&self.build_list(nested));
                i += nested.len() - 1;
            }
            i += 1;
        }
        out
    }

    /// Puts `<a class="anchor" ...>` before each heading's first child and serializes.
    fn inject_anchors(&mut self) -> LResult<String> {
        for entry in &self.entries {
            let Some(first) = entry.first_child else {
                return Err(LiquidError::new(
                    crate::liquid::ErrorKind::Internal,
                    "undefined method `add_previous_sibling' for nil:NilClass",
                ));
            };
            let anchor = Fragment::parse(&format!(
                "<a class=\"anchor\" href=\"#{}\" aria-hidden=\"true\"><span class=\"octicon octicon-link\"></span></a>",
                entry.id
            ));
            graft_before(&mut self.doc, first, &anchor, ROOT);
        }
        Ok(self.doc.inner_html())
    }
}

/// Copies `from`'s children of `node` before `sibling` in `doc`.
fn graft_before(doc: &mut Fragment, sibling: usize, from: &Fragment, node: usize) {
    for &c in &from.nodes[node].children {
        let n = &from.nodes[c];
        if let Kind::Element(name) = &n.kind {
            let id = doc.insert_element_before(sibling, name, n.attrs.clone());
            copy_children(doc, id, from, c);
        }
    }
}

fn copy_children(doc: &mut Fragment, parent: usize, from: &Fragment, node: usize) {
    for &c in &from.nodes[node].children {
        let n = &from.nodes[c];
        match &n.kind {
            Kind::Element(name) => {
                let id = doc.append_element(parent, name, n.attrs.clone());
                copy_children(doc, id, from, c);
            }
            _ => {
                let id = doc.nodes.len();
                let mut copy = n.clone();
                copy.parent = parent;
                copy.children.clear();
                doc.nodes.push(copy);
                doc.nodes[parent].children.push(id);
            }
        }
    }
}

/// `get_nest_entries`: the entries up to the next one at level `min`.
fn nest(entries: &[Entry], min: i64) -> &[Entry] {
    let end = entries
        .iter()
        .position(|e| e.level == min)
        .unwrap_or(entries.len());
    &entries[..end]
}

fn has_class(doc: &Fragment, id: usize, class: &str) -> bool {
    doc.attr(id, "class")
        .and_then(|(_, v)| v.as_deref())
        .is_some_and(|v| v.split_ascii_whitespace().any(|c| c == class))
}

/// The headings in document order, minus those inside a `no_toc_section` element and
/// those with the `no_toc` class.
fn entries(doc: &Fragment, config: &Config) -> Vec<Entry> {
    let names: Vec<String> = config.levels.iter().map(|l| format!("h{l}")).collect();
    let mut all = Vec::new();
    doc.descendants(ROOT, &mut all);
    let mut generated: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for id in all {
        let Some(name) = doc.name(id) else { continue };
        if !names.iter().any(|n| n == name) {
            continue;
        }
        let mut ancestor = doc.nodes[id].parent;
        let mut in_section = false;
        while ancestor != ROOT && ancestor < doc.nodes.len() && ancestor != 1 {
            if config
                .no_toc_section_classes
                .iter()
                .any(|c| has_class(doc, ancestor, c))
            {
                in_section = true;
                break;
            }
            ancestor = doc.nodes[ancestor].parent;
        }
        if in_section || has_class(doc, id, "no_toc") {
            continue;
        }
        let text = doc.text(id);
        // An `id` attribute is used as it is; only generated ids get `-1`, `-2`...
        // suffixes (the gem counts by key, and every attribute is its own key).
        let entry_id = match doc.attr(id, "id") {
            Some((_, v)) => v.clone().unwrap_or_default(),
            None => {
                let base = generate_id(&text);
                let n = generated.entry(base.clone()).or_insert(0);
                let id = if *n == 0 { base } else { format!("{base}-{n}") };
                *n += 1;
                id
            }
        };
        out.push(Entry {
            id: entry_id,
            text: escape_html(&text),
            node_name: name.to_string(),
            level: name.trim_start_matches('h').parse().unwrap_or(0),
            first_child: doc.nodes[id].children.first().copied(),
        });
    }
    out
}

/// `generate_toc_id`: lower-cased, punctuation dropped, spaces to dashes, CGI-escaped.
fn generate_id(text: &str) -> String {
    let kept: String = text
        .to_lowercase()
        .chars()
        .filter(|&c| is_word(c) || c == '-' || c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect();
    cgi_escape(&kept)
}

/// Onigmo's `\p{Word}`: letters, marks, decimal digits, connector punctuation.
fn is_word(c: char) -> bool {
    static WORD: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"^[\p{L}\p{M}\p{Nd}\p{Pc}]$").expect("valid regex"));
    c.is_ascii_alphanumeric()
        || c == '_'
        || (!c.is_ascii() && WORD.is_match(c.encode_utf8(&mut [0; 4])))
}

/// Ruby's `CGI.escape`.
fn cgi_escape(s: &str) -> String {
    let mut out = String::new();
    for &b in s.as_bytes() {
        match b {
            b' ' => out.push('+'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Ruby's `CGI.escapeHTML`.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected output from jekyll-toc 0.18 (`Parser.new(html, {}).toc`).
    #[test]
    fn toc_like_the_gem() {
        let html = "<h1 id=\"x\">One</h1>\n<h2>Two &amp; <em>three</em></h2>\n<h2>Two &amp; three</h2>\n<h3 class=\"no_toc\">skip</h3>\n<div class=\"no_toc_section\"><h2>in section</h2></div>\n<h2 id=\"x\">dup</h2>\n<h4>Ünïcödé — “quotes” 'x' 2.0</h4>\n";
        let mut toc = Toc::new(html, &Config::from_value(None));
        let out = toc.build_toc() + &toc.inject_anchors().unwrap();
        assert_eq!(out, "<ul id=\"toc\" class=\"section-nav\">\n<li class=\"toc-entry toc-h1\"><a href=\"#x\">One</a>\n<ul>\n<li class=\"toc-entry toc-h2\"><a href=\"#two--three\">Two &amp; three</a></li>\n<li class=\"toc-entry toc-h2\"><a href=\"#two--three-1\">Two &amp; three</a></li>\n<li class=\"toc-entry toc-h2\"><a href=\"#x\">dup</a>\n<ul>\n<li class=\"toc-entry toc-h4\"><a href=\"#%C3%BCn%C3%AFc%C3%B6d%C3%A9--quotes-x-20\">Ünïcödé — “quotes” &#39;x&#39; 2.0</a></li>\n</ul>\n</li>\n</ul>\n</li>\n</ul><h1 id=\"x\">\n<a class=\"anchor\" href=\"#x\" aria-hidden=\"true\"><span class=\"octicon octicon-link\"></span></a>One</h1>\n<h2>\n<a class=\"anchor\" href=\"#two--three\" aria-hidden=\"true\"><span class=\"octicon octicon-link\"></span></a>Two &amp; <em>three</em>\n</h2>\n<h2>\n<a class=\"anchor\" href=\"#two--three-1\" aria-hidden=\"true\"><span class=\"octicon octicon-link\"></span></a>Two &amp; three</h2>\n<h3 class=\"no_toc\">skip</h3>\n<div class=\"no_toc_section\"><h2>in section</h2></div>\n<h2 id=\"x\">\n<a class=\"anchor\" href=\"#x\" aria-hidden=\"true\"><span class=\"octicon octicon-link\"></span></a>dup</h2>\n<h4>\n<a class=\"anchor\" href=\"#%C3%BCn%C3%AFc%C3%B6d%C3%A9--quotes-x-20\" aria-hidden=\"true\"><span class=\"octicon octicon-link\"></span></a>Ünïcödé — “quotes” 'x' 2.0</h4>\n");
    }

    #[test]
    fn empty_heading_fails_like_the_gem() {
        let mut toc = Toc::new("<h2></h2>", &Config::from_value(None));
        assert!(toc.inject_anchors().is_err());
    }

    /// Edge cases (implied end tags, entities, attributes, comments, stray tags...) with
    /// the output of Nokogiri 1.13.10 / libxml2 2.9.14 and jekyll-toc 0.18, generated by
    /// running them (`inner_html` of the parsed fragment, and `Parser#toc`).
    #[test]
    fn matches_nokogiri_on_edge_cases() {
        let data = include_str!("testdata/nokogiri.jsonl");
        for line in data.lines() {
            let case: serde_json::Value = serde_json::from_str(line).expect("valid test data");
            let input = case["input"].as_str().unwrap_or_default();
            assert_eq!(
                Fragment::parse(input).inner_html(),
                case["inner"].as_str().unwrap_or_default(),
                "inner_html of {input:?}"
            );
            let mut toc = Toc::new(input, &Config::from_value(None));
            let out = match toc.inject_anchors() {
                Ok(html) => toc.build_toc() + &html,
                Err(_) => "ERROR: NoMethodError".to_string(),
            };
            assert_eq!(
                out,
                case["toc"].as_str().unwrap_or_default(),
                "toc of {input:?}"
            );
        }
    }
}
