//! Passes over the parsed tree: span parsing of raw text and IAL application (kramdown's
//! `update_tree`), abbreviations, and the GFM parser's post-processing (hard line breaks,
//! GitHub-style header ids).

use super::element::{ContentModel, El, EobKind, Kind};
use super::entities;
use super::parser::Parser;
use super::scan::Re;

impl Parser {
    pub fn update_tree(&mut self, el: &mut El) {
        let children = std::mem::take(&mut el.children);
        let mut out: Vec<El> = Vec::with_capacity(children.len());
        let mut last_blank: Option<usize> = None;
        for mut child in children {
            match child.kind {
                Kind::RawText => {
                    last_blank = None;
                    let mut holder = El::new(el.kind);
                    holder.opts.content_model = el.opts.content_model;
                    holder.value = el.value.clone();
                    let text = std::mem::take(&mut child.value);
                    self.parse_span_text(&mut holder, &text);
                    out.append(&mut holder.children);
                }
                Kind::Eob => {
                    if let Some(ial) = child.opts.ial.take() {
                        let mut attr = std::mem::take(&mut child.attr);
                        self.update_attr_with_ial(&mut attr, &ial);
                        if child.opts.eob == Some(EobKind::AbbrevDef) {
                            self.abbrev_attrs.insert(child.value.clone(), attr);
                        }
                    }
                }
                Kind::Blank => match last_blank {
                    Some(i) => out[i].value.push_str(&child.value),
                    None => {
                        last_blank = Some(out.len());
                        out.push(child);
                    }
                },
                _ => {
                    last_blank = None;
                    self.update_tree(&mut child);
                    if let Some(ial) = child.opts.ial.clone() {
                        let mut attr = std::mem::take(&mut child.attr);
                        self.update_attr_with_ial(&mut attr, &ial);
                        child.attr = attr;
                    }
                    if child.kind == Kind::Dt
                        || (child.kind == Kind::Header
                            && (self.opts.auto_id_stripping || self.opts.gfm))
                    {
                        let raw = self.raw_text_of(&child);
                        child.opts.raw_text = Some(raw);
                    }
                    out.push(child);
                }
            }
        }
        el.children = out;
    }

    /// The plain text of an element for header ids (kramdown's `update_raw_text`; the GFM
    /// parser also counts code spans, math, entities and typographic characters).
    fn raw_text_of(&self, el: &El) -> String {
        let mut s = String::new();
        self.append_raw_text(el, &mut s);
        s
    }

    fn append_raw_text(&self, el: &El, out: &mut String) {
        let gfm = self.opts.gfm;
        match el.kind {
            Kind::Text => out.push_str(&el.value),
            Kind::Codespan | Kind::Math if gfm => out.push_str(&el.value),
            Kind::Entity if gfm => {
                if let Some(c) = el.opts.entity.as_ref().and_then(entities::char_of) {
                    out.push(c);
                }
            }
            Kind::SmartQuote if gfm => {
                if let Some(c) = entities::by_name(&el.value)
                    .as_ref()
                    .and_then(entities::char_of)
                {
                    out.push(c);
                }
            }
            Kind::TypographicSym if gfm => match el.value.as_str() {
                "laquo_space" => out.push_str("«\u{a0}"),
                "raquo_space" => out.push_str("\u{a0}»"),
                v => {
                    if let Some(c) = entities::by_name(v).as_ref().and_then(entities::char_of) {
                        out.push(c);
                    }
                }
            },
            _ => {
                for c in &el.children {
                    self.append_raw_text(c, out);
                }
            }
        }
    }

    pub fn replace_abbreviations_everywhere(&mut self, root: &mut El) {
        if self.abbrev_defs.is_empty() {
            return;
        }
        let mut keys: Vec<&String> = self.abbrev_defs.keys().collect();
        keys.sort_by_key(|k| std::cmp::Reverse(k.chars().count()));
        let union = keys
            .iter()
            .map(|k| fancy_regex_014::escape(k).into_owned())
            .collect::<Vec<_>>()
            .join("|");
        let first = Re::new(&format!("(?:{union})"));
        let finder = Re::new(&format!(
            "(?=(?:[^0-9A-Za-z_]|^)(?:{union})(?![0-9A-Za-z_]))"
        ));
        replace_abbreviations(root, &first, &finder);
        for def in self.footnotes.values_mut() {
            replace_abbreviations(&mut def.content, &first, &finder);
        }
    }

    /// The GFM parser's pass: hard line breaks and GitHub-style header ids.
    pub fn gfm_update_elements(&mut self, el: &mut El) {
        let hard_break = if self.opts.hard_wrap { "\n" } else { "\\\n" };
        let splits = |c: &El| c.kind == Kind::Text && c.value.contains(hard_break);
        if !el.children.iter().any(splits) {
            // The child list stays as it is: update the children in place.
            for child in el.children.iter_mut() {
                self.gfm_update_child(child);
            }
            return;
        }
        let block = is_block(el);
        let children = std::mem::take(&mut el.children);
        let n = children.len();
        let mut out = Vec::with_capacity(n);
        for (i, mut child) in children.into_iter().enumerate() {
            if child.kind == Kind::Text && child.value.contains(hard_break) {
                let lines: Vec<&str> = child.value.split(hard_break).collect();
                let omit_trailing_br =
                    lines.last().is_some_and(|l| l.is_empty()) && block && i + 1 == n;
                let count = lines.len();
                for (idx, line) in lines.iter().enumerate() {
                    let v = if idx > 0 {
                        format!("\n{line}")
                    } else {
                        line.to_string()
                    };
                    out.push(El::with_value(Kind::Text, v));
                    if idx + 2 < count || (idx + 2 == count && !omit_trailing_br) {
                        out.push(El::new(Kind::Br));
                    }
                }
            } else {
                self.gfm_update_child(&mut child);
                out.push(child);
            }
        }
        el.children = out;
    }

    /// The GFM pass on a child that is not split at hard line breaks.
    fn gfm_update_child(&mut self, child: &mut El) {
        match child.kind {
            // The GFM parser leaves HTML elements alone.
            Kind::HtmlElement => {}
            Kind::Header if self.opts.auto_ids && !child.attr.contains_key("id") => {
                let raw = child.opts.raw_text.clone().unwrap_or_default();
                let id = self.gfm_header_id(&raw);
                child.attr.insert("id".into(), id);
            }
            _ => self.gfm_update_elements(child),
        }
    }

    fn gfm_header_id(&mut self, text: &str) -> String {
        let mut result: String = text
            .to_lowercase()
            .chars()
            .filter(|&c| {
                c.is_alphanumeric()
                    || c == '_'
                    || c == '-'
                    || c == ' '
                    || c == '\t'
                    || is_word_mark(c)
            })
            .map(|c| if c == ' ' || c == '\t' { '-' } else { c })
            .collect();
        let counter = self.gfm_id_counter.entry(result.clone()).or_insert(-1);
        *counter += 1;
        if *counter > 0 {
            result.push_str(&format!("-{counter}"));
        }
        format!("{}{}", self.opts.auto_id_prefix, result)
    }
}

/// Ruby's `\p{Word}` also covers combining marks and connector punctuation.
fn is_word_mark(c: char) -> bool {
    use unicode_normalization::char::is_combining_mark;
    is_combining_mark(c)
        || matches!(
            c,
            '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FE33}' | '\u{FE34}' | '\u{FE4D}'
                ..='\u{FE4F}' | '\u{FF3F}'
        )
}

pub fn is_block(el: &El) -> bool {
    match el.kind {
        Kind::Blank
        | Kind::P
        | Kind::Header
        | Kind::Blockquote
        | Kind::Codeblock
        | Kind::Ul
        | Kind::Ol
        | Kind::Li
        | Kind::Dl
        | Kind::Dt
        | Kind::Dd
        | Kind::Table
        | Kind::Td
        | Kind::Hr => true,
        Kind::HtmlElement
        | Kind::Math
        | Kind::Comment
        | Kind::Raw
        | Kind::XmlComment
        | Kind::XmlPi => !el.opts.span,
        _ => false,
    }
}

fn replace_abbreviations(el: &mut El, first: &Re, finder: &Re) {
    let raw = el.opts.content_model == Some(ContentModel::Raw);
    let children = std::mem::take(&mut el.children);
    let mut out = Vec::with_capacity(children.len());
    for mut child in children {
        if child.kind == Kind::Text && !raw {
            if !first.is_match(&child.value) {
                out.push(child);
                continue;
            }
            let s = child.value.as_str();
            let mut pos = 0;
            while let Some(m) = finder.scan_until(s, pos) {
                let p = m.start();
                let mut temp = s[pos..p].to_string();
                let mut q = p;
                let abbr = match first.at(s, q) {
                    Some(a) => a,
                    None => {
                        // Skip the non-word character before the abbreviation.
                        let n = super::scan::next_char(s, q);
                        temp.push_str(&s[q..n]);
                        q = n;
                        match first.at(s, q) {
                            Some(a) => a,
                            None => break,
                        }
                    }
                };
                out.push(El::with_value(Kind::Text, temp));
                out.push(El::with_value(
                    Kind::Abbreviation,
                    &s[abbr.start()..abbr.end()],
                ));
                pos = abbr.end();
                if abbr.end() == p {
                    break;
                }
            }
            out.push(El::with_value(Kind::Text, &s[pos..]));
        } else {
            replace_abbreviations(&mut child, first, finder);
            out.push(child);
        }
    }
    el.children = out;
}
