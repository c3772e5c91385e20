//! The HTML converter: kramdown's HTML output byte for byte (indentation, entities, attribute
//! order), Rouge code block wrappers as kramdown + Jekyll emit them, TOC and footnotes.

use super::element::{Align, Attrs, El, EntityRef, Kind};
use super::entities;
use super::options::{HighlighterOpts, Options};
use super::parser::Parser;
use super::patterns::HTML_ELEMENTS_WITHOUT_BODY;
use super::scan::{re, strip};
use indexmap::IndexMap;
use std::collections::HashMap;

const INDENT: usize = 2;
const TOC_PLACEHOLDER: &str = "\u{0}kramdown-toc-placeholder\u{0}";
const FOOTNOTE_PLACEHOLDER: &str = "\u{0}kramdown-footnotes-placeholder\u{0}";

re!(
    REFERENCE_OR_SPECIAL_TEXT,
    "&(?:[0-9A-Za-z_:][-.0-9A-Za-z_:]*;|#[0-9]+;|#x[0-9a-fA-F]+;)|[<>&]"
);
re!(
    REFERENCE_OR_SPECIAL_ATTR,
    "&(?:[0-9A-Za-z_:][-.0-9A-Za-z_:]*;|#[0-9]+;|#x[0-9a-fA-F]+;)|[<>&\"]"
);
re!(LANGUAGE_CLASS, "\\blanguage-(\\S+)");
re!(LANGUAGE_CLASS_OR_START, "\\blanguage-\\S+|(^)");
re!(NO_TOC, "\\bno_toc\\b");
re!(
    CJK_BREAK,
    "([\\p{Han}\\p{Hiragana}\\p{Katakana}]+)\\n([\\p{Han}\\p{Hiragana}\\p{Katakana}]+)"
);
re!(AUTO_IDS_REF, "\\Aauto_ids(?:-([-0-9A-Za-z_]+))?");

pub fn escape_all(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

fn escape_keeping_refs(s: &str, attr: bool) -> String {
    if !s.contains(['<', '>', '&', '"']) {
        return s.to_string();
    }
    let re = if attr {
        &REFERENCE_OR_SPECIAL_ATTR
    } else {
        &REFERENCE_OR_SPECIAL_TEXT
    };
    re.replace_all(s, |c, s| {
        let m = &s[c.start()..c.end()];
        match m {
            "<" => "&lt;".into(),
            ">" => "&gt;".into(),
            "&" => "&amp;".into(),
            "\"" => "&quot;".into(),
            _ => m.to_string(),
        }
    })
}

pub fn escape_text(s: &str) -> String {
    escape_keeping_refs(s, false)
}

pub fn escape_attr(s: &str) -> String {
    escape_keeping_refs(s, true)
}

pub fn html_attributes(attr: &Attrs) -> String {
    let mut out = String::new();
    for (k, v) in attr {
        if k == "id" && strip(v).is_empty() {
            continue;
        }
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        out.push_str(&escape_attr(v));
        out.push('"');
    }
    out
}

fn smart_quote_entity(name: &str) -> EntityRef {
    if let Ok(n) = name.parse::<u64>() {
        return entities::by_code(n);
    }
    entities::by_name(name).unwrap_or(EntityRef {
        code_point: '?' as u32,
        name: None,
    })
}

struct FootnoteOut {
    name: String,
    content: String,
    number: i64,
    repeat: usize,
}

pub struct Converter<'a> {
    opts: &'a Options,
    footnote_defs: &'a IndexMap<String, super::parser::FootnoteDef>,
    abbrev_defs: &'a IndexMap<String, String>,
    abbrev_attrs: &'a HashMap<String, Attrs>,
    footnote_counter: i64,
    footnotes: Vec<FootnoteOut>,
    footnotes_by_name: HashMap<String, usize>,
    footnote_location: bool,
    toc: Vec<(u8, String, Vec<El>)>,
    toc_code: Option<(Kind, Attrs)>,
    used_ids: HashMap<String, usize>,
    stack: Vec<*const El>,
}

impl<'a> Converter<'a> {
    pub fn new(parser: &'a Parser) -> Self {
        Converter {
            opts: &parser.opts,
            footnote_defs: &parser.footnotes,
            abbrev_defs: &parser.abbrev_defs,
            abbrev_attrs: &parser.abbrev_attrs,
            footnote_counter: parser.opts.footnote_nr,
            footnotes: Vec::new(),
            footnotes_by_name: HashMap::new(),
            footnote_location: false,
            toc: Vec::new(),
            toc_code: None,
            used_ids: HashMap::new(),
            stack: Vec::new(),
        }
    }

    fn parent(&self, up: usize) -> Option<&El> {
        let n = self.stack.len();
        if up >= n {
            return None;
        }
        // SAFETY: the pointers on the stack are ancestors of the element being converted; they
        // stay borrowed (and unmoved) for the whole recursive conversion below them.
        self.stack.get(n - 1 - up).map(|p| unsafe { &**p })
    }

    fn parent_is_raw_html(&self) -> bool {
        self.parent(0).is_some_and(|p| {
            p.kind == Kind::HtmlElement
                && p.opts.content_model == Some(super::element::ContentModel::Raw)
        })
    }

    pub fn convert_root(&mut self, root: &El) -> String {
        let mut result = self.inner(root, -(INDENT as i64));
        let footnotes = self.footnote_content();
        if self.footnote_location {
            result = result.replacen(FOOTNOTE_PLACEHOLDER, &footnotes, 1);
        } else {
            result.push_str(&footnotes);
        }
        if let Some((kind, attr)) = self.toc_code.clone() {
            let tree = self.generate_toc_tree(kind, &attr);
            let text = if tree.children.is_empty() {
                String::new()
            } else {
                self.convert(&tree, 0)
            };
            result = result.replacen(TOC_PLACEHOLDER, &text, 1);
        }
        result
    }

    fn inner(&mut self, el: &El, indent: i64) -> String {
        let mut out = String::new();
        let indent = indent + INDENT as i64;
        self.stack.push(el as *const El);
        for c in &el.children {
            out.push_str(&self.convert(c, indent));
        }
        self.stack.pop();
        out
    }

    fn pad(indent: i64) -> String {
        " ".repeat(indent.max(0) as usize)
    }

    fn block(name: &str, attr: &Attrs, body: &str, indent: i64) -> String {
        format!(
            "{}<{name}{}>{body}</{name}>\n",
            Self::pad(indent),
            html_attributes(attr)
        )
    }

    fn indented_block(name: &str, attr: &Attrs, body: &str, indent: i64) -> String {
        let p = Self::pad(indent);
        format!("{p}<{name}{}>\n{body}{p}</{name}>\n", html_attributes(attr))
    }

    fn span(name: &str, attr: &Attrs, body: &str) -> String {
        format!("<{name}{}>{body}</{name}>", html_attributes(attr))
    }

    pub fn entity_to_str(&self, e: &EntityRef, original: Option<&str>) -> String {
        let out = self.opts.entity_output.as_str();
        let ch = entities::char_of(e);
        if out == "as_char" {
            if let Some(c) = ch {
                if c == '"' || !matches!(c, '<' | '>' | '&') {
                    return c.to_string();
                }
            }
        }
        if matches!(out, "as_input" | "as_char") {
            if let Some(o) = original {
                return o.to_string();
            }
        }
        let special = ch.is_some_and(|c| matches!(c, '<' | '>' | '&' | '"'));
        if let (true, Some(name)) = (out == "symbolic" || special, e.name) {
            return format!("&{name};");
        }
        format!("&#{};", e.code_point)
    }

    fn convert(&mut self, el: &El, indent: i64) -> String {
        match el.kind {
            Kind::Blank => "\n".into(),
            Kind::Text | Kind::RawText => {
                let t = escape_text(&el.value);
                if self.opts.remove_line_breaks_for_cjk {
                    let mut t = t;
                    loop {
                        let n = CJK_BREAK
                            .replace_all(&t, |c, s| format!("{}{}", c.str(s, 1), c.str(s, 2)));
                        if n == t {
                            break t;
                        }
                        t = n;
                    }
                } else {
                    t
                }
            }
            Kind::P => {
                if el.opts.transparent {
                    self.inner(el, indent)
                } else if el.children.len() == 1
                    && el.children[0].kind == Kind::Img
                    && el.children[0]
                        .opts
                        .ial
                        .as_ref()
                        .is_some_and(|i| i.refs.iter().any(|r| r == "standalone"))
                {
                    self.standalone_image(el, indent)
                } else {
                    let body = self.inner(el, indent);
                    Self::block("p", &el.attr, &body, indent)
                }
            }
            Kind::Codeblock => self.convert_codeblock(el, indent),
            Kind::Blockquote => {
                let body = self.inner(el, indent);
                Self::indented_block("blockquote", &el.attr, &body, indent)
            }
            Kind::Header => self.convert_header(el, indent),
            Kind::Hr => format!("{}<hr{} />\n", Self::pad(indent), html_attributes(&el.attr)),
            Kind::Ul | Kind::Ol => {
                let refs = el
                    .opts
                    .ial
                    .as_ref()
                    .map(|i| i.refs.clone())
                    .unwrap_or_default();
                if self.toc_code.is_none() && refs.iter().any(|r| r == "toc") {
                    self.toc_code = Some((el.kind, el.attr.clone()));
                    TOC_PLACEHOLDER.into()
                } else if !self.footnote_location && refs.iter().any(|r| r == "footnotes") {
                    self.footnote_location = true;
                    FOOTNOTE_PLACEHOLDER.into()
                } else {
                    let name = if el.kind == Kind::Ul { "ul" } else { "ol" };
                    let body = self.inner(el, indent);
                    Self::indented_block(name, &el.attr, &body, indent)
                }
            }
            Kind::Dl => {
                let body = self.inner(el, indent);
                Self::indented_block("dl", &el.attr, &body, indent)
            }
            Kind::Li | Kind::Dd => {
                let name = if el.kind == Kind::Li { "li" } else { "dd" };
                let p = Self::pad(indent);
                let mut out = format!("{p}<{name}{}>", html_attributes(&el.attr));
                let res = self.inner(el, indent);
                if el.children.is_empty()
                    || (el.children[0].kind == Kind::P && el.children[0].opts.transparent)
                {
                    out.push_str(&res);
                    if res.ends_with('\n') {
                        out.push_str(&p);
                    }
                } else {
                    out.push('\n');
                    out.push_str(&res);
                    out.push_str(&p);
                }
                out.push_str(&format!("</{name}>\n"));
                out
            }
            Kind::Dt => {
                let mut attr = el.attr.clone();
                if !attr.contains_key("id") {
                    let refs = self
                        .parent(0)
                        .and_then(|p| p.opts.ial.as_ref())
                        .map(|i| i.refs.clone())
                        .unwrap_or_default();
                    for r in refs {
                        if let Some(c) = AUTO_IDS_REF.at(&r, 0) {
                            let prefix = c.str(&r, 1).to_string();
                            let raw = el.opts.raw_text.clone().unwrap_or_default();
                            attr.insert(
                                "id".into(),
                                format!("{prefix}{}", basic_generate_id(&raw))
                                    .trim_start()
                                    .to_string(),
                            );
                            break;
                        }
                    }
                }
                let body = self.inner(el, indent);
                Self::block("dt", &attr, &body, indent)
            }
            Kind::HtmlElement => self.convert_html_element(el, indent),
            Kind::XmlComment | Kind::XmlPi => {
                if !el.opts.span && !self.parent_is_raw_html() {
                    format!("{}{}\n", Self::pad(indent), el.value)
                } else {
                    el.value.clone()
                }
            }
            Kind::Table | Kind::Thead | Kind::Tbody | Kind::Tfoot | Kind::Tr => {
                let name = match el.kind {
                    Kind::Table => "table",
                    Kind::Thead => "thead",
                    Kind::Tbody => "tbody",
                    Kind::Tfoot => "tfoot",
                    _ => "tr",
                };
                let body = self.inner(el, indent);
                Self::indented_block(name, &el.attr, &body, indent)
            }
            Kind::Td => self.convert_td(el, indent),
            Kind::Comment => {
                if el.opts.span {
                    format!("<!-- {} -->", el.value)
                } else {
                    format!("{}<!-- {} -->\n", Self::pad(indent), el.value)
                }
            }
            Kind::Br => "<br />".into(),
            Kind::A => {
                let body = self.inner(el, indent);
                Self::span("a", &el.attr, &body)
            }
            Kind::Img => format!("<img{} />", html_attributes(&el.attr)),
            Kind::Codespan => self.convert_codespan(el),
            Kind::Footnote => self.convert_footnote(el),
            Kind::Raw => {
                if el.opts.raw_types.is_empty() || el.opts.raw_types.iter().any(|t| t == "html") {
                    let mut v = el.value.clone();
                    if el.opts.raw_block {
                        v.push('\n');
                    }
                    v
                } else {
                    String::new()
                }
            }
            Kind::Em | Kind::Strong => {
                let body = self.inner(el, indent);
                Self::span(
                    if el.kind == Kind::Em { "em" } else { "strong" },
                    &el.attr,
                    &body,
                )
            }
            Kind::Entity => match &el.opts.entity {
                Some(e) => self.entity_to_str(e, el.opts.original.as_deref()),
                None => String::new(),
            },
            Kind::TypographicSym => {
                if let Some(r) = self.opts.typographic_symbols.get(&el.value) {
                    return escape_text(r);
                }
                let names: &[&str] = match el.value.as_str() {
                    "laquo_space" => &["laquo", "nbsp"],
                    "raquo_space" => &["nbsp", "raquo"],
                    v => {
                        return entities::by_name(v)
                            .map(|e| self.entity_to_str(&e, None))
                            .unwrap_or_default();
                    }
                };
                names
                    .iter()
                    .filter_map(|n| entities::by_name(n))
                    .map(|e| self.entity_to_str(&e, None))
                    .collect()
            }
            Kind::SmartQuote => {
                let idx = match el.value.as_str() {
                    "lsquo" => 0,
                    "rsquo" => 1,
                    "ldquo" => 2,
                    _ => 3,
                };
                let e = smart_quote_entity(&self.opts.smart_quotes[idx]);
                self.entity_to_str(&e, None)
            }
            Kind::Math => self.convert_math(el, indent),
            Kind::Abbreviation => {
                let title = self.abbrev_defs.get(&el.value).cloned().unwrap_or_default();
                let mut attr = self
                    .abbrev_attrs
                    .get(&el.value)
                    .cloned()
                    .unwrap_or_default();
                if !title.is_empty() {
                    attr.insert("title".into(), title);
                }
                Self::span("abbr", &attr, &escape_text(&el.value))
            }
            Kind::Root | Kind::Temp => self.inner(el, indent),
            Kind::Eob => String::new(),
        }
    }

    fn standalone_image(&mut self, el: &El, indent: i64) -> String {
        let mut figure_attr = el.attr.clone();
        let mut image_attr = el.children[0].attr.clone();
        if image_attr.contains_key("class") && !figure_attr.contains_key("class") {
            let v = image_attr.shift_remove("class").unwrap_or_default();
            figure_attr.insert("class".into(), v);
        }
        if image_attr.contains_key("id") && !figure_attr.contains_key("id") {
            let v = image_attr.shift_remove("id").unwrap_or_default();
            figure_attr.insert("id".into(), v);
        }
        let p = Self::pad(indent + INDENT as i64);
        let alt = image_attr.get("alt").cloned().unwrap_or_default();
        let body = format!(
            "{p}<img{} />\n{p}<figcaption>{alt}</figcaption>\n",
            html_attributes(&image_attr)
        );
        Self::indented_block("figure", &figure_attr, &body, indent)
    }

    fn highlight(&self, text: &str, lang: Option<&str>, opts: &HighlighterOpts) -> Option<String> {
        let hl = self.opts.syntax_highlighter.as_deref()?;
        if hl != "rouge" {
            return None;
        }
        // Without any language Rouge guesses from the source; hyde's approximation is Rouge's
        // fallback, the plaintext lexer.
        let lang = match lang.or(opts.default_lang.as_deref()) {
            Some(l) => l,
            None if opts.guess_lang => "plaintext",
            None => return None,
        };
        // Rouge options after `?` (e.g. `ruby?start_inline=1`) do not change the lexer name.
        let name = lang.split('?').next().unwrap_or(lang);
        if opts.disable || !crate::highlight::has_lexer(name) {
            return None;
        }
        let is_plain = matches!(name.to_ascii_lowercase().as_str(), "plaintext" | "text");
        if is_plain && !opts.guess_lang {
            return None;
        }
        let tokens = crate::highlight::highlight_tokens(text, name)?;
        if opts.wrap {
            let css = opts.css_class.as_deref().unwrap_or("highlight");
            Some(format!(
                "<div class=\"highlight\"><pre class=\"{css}\"><code>{tokens}</code></pre></div>"
            ))
        } else {
            Some(tokens)
        }
    }

    fn add_highlighter_class(&self, attr: &mut Attrs, lang: Option<&str>) {
        let hl = self.opts.syntax_highlighter.clone().unwrap_or_default();
        let cur = attr.get("class").cloned().unwrap_or_default();
        let mut class = format!("{cur} highlighter-{hl}").trim_start().to_string();
        if let Some(lang) = lang {
            let (c, _) = LANGUAGE_CLASS_OR_START.replace_first(&class, |m, _| {
                format!("language-{lang}{}", if m.has(1) { " " } else { "" })
            });
            class = c;
        }
        attr.insert("class".into(), class);
    }

    fn convert_codeblock(&mut self, el: &El, indent: i64) -> String {
        let mut attr = el.attr.clone();
        let lang = extract_code_language_mut(&mut attr);
        let opts = self.opts.block_highlight.clone();
        let hl_lang = el.opts.lang.clone().or(lang.clone());
        if let Some(code) = self.highlight(&el.value, hl_lang.as_deref(), &opts) {
            let l = lang.or(opts.default_lang.clone());
            self.add_highlighter_class(&mut attr, l.as_deref());
            let p = Self::pad(indent);
            return format!("{p}<div{}>{code}{p}</div>\n", html_attributes(&attr));
        }
        let mut result = escape_all(&el.value);
        if result.ends_with('\n') {
            result.pop();
        }
        if el
            .attr
            .get("class")
            .is_some_and(|c| c.split_whitespace().any(|w| w == "show-whitespaces"))
        {
            result = show_whitespace(&result);
        }
        let mut code_attr = Attrs::new();
        if let Some(l) = &lang {
            code_attr.insert("class".into(), format!("language-{l}"));
        }
        format!(
            "{}<pre{}><code{}>{result}\n</code></pre>\n",
            Self::pad(indent),
            html_attributes(&attr),
            html_attributes(&code_attr)
        )
    }

    fn convert_codespan(&mut self, el: &El) -> String {
        let mut attr = el.attr.clone();
        let lang = extract_code_language(&attr);
        let opts = self.opts.span_highlight.clone();
        let body = match self.highlight(&el.value, lang.as_deref(), &opts) {
            Some(r) => {
                let l = lang.or(opts.default_lang.clone());
                self.add_highlighter_class(&mut attr, l.as_deref());
                r
            }
            None => escape_all(&el.value),
        };
        Self::span("code", &attr, &body)
    }

    fn generate_id(&mut self, s: &str) -> String {
        let mut id = if self.opts.transliterated_header_ids {
            basic_generate_id(&super::transliterate::decode(s))
        } else {
            basic_generate_id(s)
        };
        if id.is_empty() {
            id = "section".into();
        }
        match self.used_ids.get_mut(&id) {
            Some(n) => {
                *n += 1;
                id = format!("{id}-{n}");
            }
            None => {
                self.used_ids.insert(id.clone(), 0);
            }
        }
        format!("{}{id}", self.opts.auto_id_prefix)
    }

    fn convert_header(&mut self, el: &El, indent: i64) -> String {
        let mut attr = el.attr.clone();
        if self.opts.auto_ids && !attr.contains_key("id") {
            let raw = el.opts.raw_text.clone().unwrap_or_default();
            let id = self.generate_id(&raw);
            attr.insert("id".into(), id);
        }
        let level = el.opts.level;
        if let Some(id) = attr.get("id") {
            let no_toc = attr.get("class").is_some_and(|c| NO_TOC.is_match(c));
            if self.opts.toc_levels.contains(&level) && !no_toc {
                self.toc.push((level, id.clone(), el.children.clone()));
            }
        }
        let out_level = (level as i64 + self.opts.header_offset).clamp(1, 6);
        let body = self.inner(el, indent);
        Self::block(&format!("h{out_level}"), &attr, &body, indent)
    }

    fn convert_html_element(&mut self, el: &El, indent: i64) -> String {
        let res = self.inner(el, indent);
        let name = el.value.as_str();
        let no_body = HTML_ELEMENTS_WITHOUT_BODY.contains(&name);
        if el.opts.span {
            if res.is_empty() && no_body {
                return format!("<{name}{} />", html_attributes(&el.attr));
            }
            return format!("<{name}{}>{res}</{name}>", html_attributes(&el.attr));
        }
        let parent_raw = self.parent_is_raw_html();
        let mut out = String::new();
        if !parent_raw {
            out.push_str(&Self::pad(indent));
        }
        out.push_str(&format!("<{name}{}", html_attributes(&el.attr)));
        let model = el.opts.content_model;
        if el.opts.is_closed && model == Some(super::element::ContentModel::Raw) {
            out.push_str(" />");
        } else if !res.is_empty() && model != Some(super::element::ContentModel::Block) {
            out.push_str(&format!(">{res}</{name}>"));
        } else if !res.is_empty() {
            let body = res.strip_suffix('\n').unwrap_or(&res);
            out.push_str(&format!(">\n{body}\n{}</{name}>", Self::pad(indent)));
        } else if no_body {
            out.push_str(" />");
        } else {
            out.push_str(&format!("></{name}>"));
        }
        if !parent_raw {
            out.push('\n');
        }
        out
    }

    fn convert_td(&mut self, el: &El, indent: i64) -> String {
        let res = self.inner(el, indent);
        let in_head = self.parent(1).is_some_and(|p| p.kind == Kind::Thead);
        let name = if in_head { "th" } else { "td" };
        let index = self
            .parent(0)
            .and_then(|tr| tr.children.iter().position(|c| std::ptr::eq(c, el)))
            .unwrap_or(0);
        let align = self
            .parent(2)
            .and_then(|t| t.opts.alignment.get(index).copied())
            .unwrap_or(Align::Default);
        let mut attr = el.attr.clone();
        if align != Align::Default {
            let a = match align {
                Align::Left => "left",
                Align::Right => "right",
                _ => "center",
            };
            let style = match attr.get("style") {
                Some(s) => format!("{s}; text-align: {a}"),
                None => format!("text-align: {a}"),
            };
            attr.insert("style".into(), style);
        }
        let body = if res.is_empty() {
            let nbsp = entities::by_name("nbsp").expect("nbsp");
            self.entity_to_str(&nbsp, None)
        } else {
            res
        };
        Self::block(name, &attr, &body, indent)
    }

    fn convert_footnote(&mut self, el: &El) -> String {
        let raw_name = el.opts.name.clone().unwrap_or_default();
        let name = format!("{}{}", self.opts.footnote_prefix, raw_name);
        let mut repeat = String::new();
        let number;
        if let Some(&i) = self.footnotes_by_name.get(&name) {
            number = self.footnotes[i].number;
            self.footnotes[i].repeat += 1;
            repeat = format!(":{}", self.footnotes[i].repeat);
        } else {
            number = self.footnote_counter;
            self.footnote_counter += 1;
            self.footnotes.push(FootnoteOut {
                name: name.clone(),
                content: raw_name,
                number,
                repeat: 0,
            });
            self.footnotes_by_name
                .insert(name.clone(), self.footnotes.len() - 1);
        }
        format!(
            "<sup id=\"fnref:{name}{repeat}\" role=\"doc-noteref\"><a href=\"#fn:{name}\" class=\"footnote\" rel=\"footnote\">{number}</a></sup>"
        )
    }

    fn footnote_content(&mut self) -> String {
        let mut ol = Attrs::new();
        if self.opts.footnote_nr != 1 {
            ol.insert("start".into(), self.opts.footnote_nr.to_string());
        }
        let backlink_text = escape_text(&self.opts.footnote_backlink);
        let nbsp = self.entity_to_str(&entities::by_name("nbsp").expect("nbsp"), None);
        let mut items = String::new();
        let mut i = 0;
        while i < self.footnotes.len() {
            let (name, key, repeat) = (
                self.footnotes[i].name.clone(),
                self.footnotes[i].content.clone(),
                self.footnotes[i].repeat,
            );
            let mut li = El::new(Kind::Li);
            li.attr.insert("id".into(), format!("fn:{name}"));
            li.attr.insert("role".into(), "doc-endnote".into());
            li.children = self
                .footnote_defs
                .get(&key)
                .map(|d| d.content.children.clone())
                .unwrap_or_default();
            let mut backlinks = Vec::new();
            if !self.opts.footnote_backlink.is_empty() {
                backlinks.push((name.clone(), backlink_text.clone(), true));
                for index in 1..=repeat {
                    backlinks.push((
                        format!("{name}:{index}"),
                        format!("{backlink_text}<sup>{}</sup>", index + 1),
                        false,
                    ));
                }
            }
            let last_is_p = li.children.last().is_some_and(|c| c.kind == Kind::P);
            let target = if last_is_p || self.opts.footnote_backlink_inline {
                find_backlink_para(&mut li)
            } else {
                None
            };
            let insert_space = target.is_some();
            let para: &mut El = match target {
                Some(p) => p,
                None => {
                    li.children.push(El::new(Kind::P));
                    li.children.last_mut().expect("para")
                }
            };
            for (target_name, text, first) in backlinks {
                let space = if first {
                    if insert_space {
                        nbsp.as_str()
                    } else {
                        ""
                    }
                } else {
                    nbsp.as_str()
                };
                let mut raw = El::with_value(
                    Kind::Raw,
                    format!("{space}<a href=\"#fnref:{target_name}\" class=\"reversefootnote\" role=\"doc-backlink\">{text}</a>"),
                );
                raw.opts.span = true;
                para.children.push(raw);
            }
            items.push_str(&self.convert(&li, 4));
            i += 1;
        }
        if items.is_empty() {
            return String::new();
        }
        let ol_html = format!("  <ol{}>\n{items}  </ol>\n", html_attributes(&ol));
        let mut div = Attrs::new();
        div.insert("class".into(), "footnotes".into());
        div.insert("role".into(), "doc-endnotes".into());
        Self::indented_block("div", &div, &ol_html, 0)
    }

    fn convert_math(&mut self, el: &El, indent: i64) -> String {
        if self.opts.math_engine.as_deref() == Some("mathjax") {
            let value = escape_all(&el.value);
            if !el.opts.span {
                let result = format!("\\[{value}\\]\n");
                if el.attr.is_empty() {
                    return result;
                }
                return Self::block("div", &el.attr, &result, indent);
            }
            if el.attr.is_empty() {
                return format!("\\({value}\\)");
            }
            return Self::span("span", &el.attr, &format!("${}$", el.value));
        }
        let mut attr = el.attr.clone();
        let cls = attr.get("class").cloned().unwrap_or_default();
        attr.insert(
            "class".into(),
            format!("{cls} kdmath").trim_start().to_string(),
        );
        if !el.opts.span {
            Self::block("div", &attr, &format!("$$\n{}\n$$", el.value), indent)
        } else {
            Self::span("span", &attr, &format!("${}$", el.value))
        }
    }

    fn generate_toc_tree(&self, kind: Kind, attr: &Attrs) -> El {
        let mut sections = El::new(kind);
        sections.attr = attr.clone();
        if !sections.attr.contains_key("id") {
            sections.attr.insert("id".into(), "markdown-toc".into());
        }
        let sid = sections.attr.get("id").cloned().unwrap_or_default();
        // Build a nested structure: each entry (level, li) with children lists.
        struct Node {
            level: u8,
            li: El,
            kids: Vec<Node>,
        }
        fn attach(nodes: &mut Vec<Node>, node: Node) {
            if let Some(last) = nodes.last_mut() {
                if last.level < node.level {
                    attach(&mut last.kids, node);
                    return;
                }
            }
            nodes.push(node);
        }
        let mut roots: Vec<Node> = Vec::new();
        for (level, id, children) in &self.toc {
            let mut a = El::new(Kind::A);
            a.attr.insert("href".into(), format!("#{id}"));
            a.attr.insert("id".into(), format!("{sid}-{id}"));
            let mut kids = children.clone();
            remove_footnotes(&mut kids);
            a.children = unwrap_links(kids);
            let mut p = El::new(Kind::P);
            p.opts.transparent = true;
            p.children.push(a);
            let mut li = El::new(Kind::Li);
            li.opts.level = *level;
            li.children.push(p);
            attach(
                &mut roots,
                Node {
                    level: *level,
                    li,
                    kids: Vec::new(),
                },
            );
        }
        fn build(node: Node, kind: Kind) -> El {
            let mut li = node.li;
            if !node.kids.is_empty() {
                let mut list = El::new(kind);
                list.children = node.kids.into_iter().map(|n| build(n, kind)).collect();
                li.children.push(list);
            }
            li
        }
        sections.children = roots.into_iter().map(|n| build(n, kind)).collect();
        sections
    }
}

/// The paragraph (or header) that receives a footnote's backlink: the last one, descending
/// into the last child while it is neither.
fn find_backlink_para(li: &mut El) -> Option<&mut El> {
    let mut parent = li;
    loop {
        let last_kind = parent.children.last().map(|c| c.kind)?;
        if matches!(last_kind, Kind::P | Kind::Header) {
            return parent.children.last_mut();
        }
        if parent
            .children
            .last()
            .is_some_and(|c| c.children.is_empty())
        {
            return None;
        }
        parent = parent.children.last_mut()?;
    }
}

fn remove_footnotes(els: &mut Vec<El>) {
    els.retain(|c| c.kind != Kind::Footnote);
    for c in els.iter_mut() {
        remove_footnotes(&mut c.children);
    }
}

fn unwrap_links(els: Vec<El>) -> Vec<El> {
    let mut out = Vec::new();
    for mut c in els {
        c.children = unwrap_links(std::mem::take(&mut c.children));
        if c.kind == Kind::A {
            out.extend(c.children);
        } else {
            out.push(c);
        }
    }
    out
}

pub fn basic_generate_id(s: &str) -> String {
    // Strip leading non-letters at each line start, keep [a-zA-Z0-9 -], spaces to dashes.
    let mut out = String::new();
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            // The newline itself is not kept (not in the allowed set).
        }
        let trimmed = line.trim_start_matches(|c: char| !c.is_ascii_alphabetic());
        for c in trimmed.chars() {
            if c.is_ascii_alphanumeric() || c == '-' {
                out.push(c.to_ascii_lowercase());
            } else if c == ' ' {
                out.push('-');
            }
        }
    }
    out
}

fn extract_code_language(attr: &Attrs) -> Option<String> {
    let class = attr.get("class")?;
    LANGUAGE_CLASS
        .find_from(class, 0)
        .map(|c| c.str(class, 1).to_string())
}

fn extract_code_language_mut(attr: &mut Attrs) -> Option<String> {
    let lang = extract_code_language(attr)?;
    let class = attr.get("class").cloned().unwrap_or_default();
    let (c, _) = LANGUAGE_CLASS.replace_first(&class, |_, _| String::new());
    let c = strip(&c).to_string();
    if c.is_empty() {
        attr.shift_remove("class");
    } else {
        attr.insert("class".into(), c);
    }
    Some(lang)
}

fn show_whitespace(s: &str) -> String {
    re!(WS_RUN, "(^[ \\t]+)|([ \\t]+$)|([ \\t]+)");
    WS_RUN.replace_all(s, |c, src| {
        let suffix = if c.has(1) {
            "-l"
        } else if c.has(2) {
            "-r"
        } else {
            ""
        };
        src[c.start()..c.end()]
            .chars()
            .map(|ch| {
                if ch == '\t' {
                    format!("<span class=\"ws-tab{suffix}\">\t</span>")
                } else {
                    format!("<span class=\"ws-space{suffix}\">&#8901;</span>")
                }
            })
            .collect()
    })
}
