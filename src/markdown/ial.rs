//! Attribute lists (IALs, ALDs) and extensions (`{::comment}`, `{::nomarkdown}`,
//! `{::options}`), block and span forms.

use super::element::{Attrs, El, EobKind, Ial, Kind};
use super::parser::{Parser, Src};
use super::patterns::*;
use super::scan::{re, Re};
use crate::Value;

re!(
    ALD_TYPE_ANY,
    format!(
        "(?:\\A|{S})(?:({id})=(\"|')((?:\\\\\\}}|\\\\\\2|[^}}\\x02])*?)\\2|({id})|((?:#[A-Za-z][-0-9A-Za-z_:]*|\\.[^ \\t\\n\\r\\x0B\\x0C.#]+)+))(?={S}|\\n?\\z)",
        id = ald_id_name()
    )
);
re!(
    ALD_TYPE_ID_OR_CLASS,
    "#([A-Za-z][-0-9A-Za-z_:]*)|\\.([^ \\t\\n\\r\\x0B\\x0C.#]+)"
);
re!(
    ALD_START,
    format!("^ {{0,3}}\\{{:({}):({ALD_ANY}+)\\}}{S}*?\\n", ald_id_name())
);
re!(
    EXT_BLOCK_START,
    format!(
        "^ {{0,3}}(?:\\{{::([0-9A-Za-z_]+)(?:{S}({ALD_ANY}*?)|)(/)?\\}}|\\{{:/({})?\\}}){S}*?\\n",
        ald_id_name()
    )
);
re!(
    EXT_SPAN_START,
    format!(
        "\\{{::([0-9A-Za-z_]+)(?:{S}({ALD_ANY}*?)|)(/)?\\}}|\\{{:/({})?\\}}",
        ald_id_name()
    )
);
re!(IAL_SPAN_START, format!("\\{{:({ALD_ANY}+)\\}}"));

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ExtContext {
    Block,
    Span,
}

impl Parser {
    /// Parses `{: ...}` content into `ial` (kramdown's `parse_attribute_list`).
    pub fn parse_attribute_list(&self, s: &str, ial: &mut Ial) {
        let t = super::scan::strip(s);
        if t.is_empty() || t == ":" {
            return;
        }
        let mut pos = 0;
        while let Some(c) = ALD_TYPE_ANY.find_from(s, pos) {
            pos = if c.end() > pos { c.end() } else { pos + 1 };
            if let Some(key) = c.get(s, 1) {
                let sep = c.str(s, 2);
                let val = c.str(s, 3);
                let mut v = String::with_capacity(val.len());
                let mut chars = val.chars().peekable();
                while let Some(ch) = chars.next() {
                    if ch == '\\' {
                        if let Some(&n) = chars.peek() {
                            if n == '}' || sep.starts_with(n) {
                                v.push(n);
                                chars.next();
                                continue;
                            }
                        }
                    }
                    v.push(ch);
                }
                ial.attrs.insert(key.to_string(), v);
            } else if let Some(r) = c.get(s, 4) {
                ial.refs.push(r.to_string());
            } else if let Some(ic) = c.get(s, 5) {
                let mut p = 0;
                while let Some(m) = ALD_TYPE_ID_OR_CLASS.find_from(ic, p) {
                    p = m.end().max(p + 1);
                    if let Some(cls) = m.get(ic, 2) {
                        let cur = ial.attrs.get("class").cloned().unwrap_or_default();
                        ial.attrs.insert(
                            "class".into(),
                            format!("{cur} {cls}").trim_start().to_string(),
                        );
                    } else if let Some(id) = m.get(ic, 1) {
                        ial.attrs.insert("id".into(), id.to_string());
                    }
                }
            }
            if pos > s.len() {
                break;
            }
        }
    }

    /// Applies an IAL (and the ALDs it references) to an element's attributes.
    pub fn update_attr_with_ial(&self, attr: &mut Attrs, ial: &Ial) {
        self.update_attr_with_ial_depth(attr, ial, 0);
    }

    fn update_attr_with_ial_depth(&self, attr: &mut Attrs, ial: &Ial, depth: usize) {
        if depth > 16 {
            return;
        }
        for r in &ial.refs {
            if let Some(ald) = self.alds.get(r) {
                self.update_attr_with_ial_depth(attr, ald, depth + 1);
            }
        }
        for (k, v) in &ial.attrs {
            if k == "class" {
                let cur = attr.get("class").cloned().unwrap_or_default();
                attr.insert(k.clone(), format!("{cur} {v}").trim_start().to_string());
            } else {
                attr.insert(k.clone(), v.clone());
            }
        }
    }

    /// Merges a span IAL into an element's recorded IAL (kramdown's `update_ial_with_ial`).
    pub fn update_ial_with_ial(ial: &mut Ial, other: &Ial) {
        ial.refs.extend(other.refs.iter().cloned());
        for (k, v) in &other.attrs {
            if k == "class" {
                let cur = ial.attrs.get("class").cloned().unwrap_or_default();
                ial.attrs
                    .insert(k.clone(), format!("{cur} {v}").trim_start().to_string());
            } else {
                ial.attrs.insert(k.clone(), v.clone());
            }
        }
    }

    pub(super) fn parse_block_extensions(&mut self, tree: &mut El, src: &mut Src) -> bool {
        if let Some(c) = src.scan(&ALD_START) {
            let name = c.str(&src.s, 1).to_string();
            let body = c.str(&src.s, 2).to_string();
            let mut ald = self.alds.remove(&name).unwrap_or_default();
            self.parse_attribute_list(&body, &mut ald);
            self.alds.insert(name, ald);
            let mut eob = self.new_block_el(El::new(Kind::Eob));
            eob.opts.eob = Some(EobKind::Ald);
            tree.children.push(eob);
            true
        } else if src.check(&EXT_BLOCK_START) {
            self.parse_extension_start_tag(tree, src, ExtContext::Block)
        } else if let Some(c) = src.scan(&IAL_BLOCK_START) {
            let body = c.str(&src.s, 1).to_string();
            let attach = tree.children.last().is_some_and(|l| {
                l.kind != Kind::Blank
                    && (l.kind != Kind::Eob
                        || matches!(
                            l.opts.eob,
                            Some(EobKind::LinkDef)
                                | Some(EobKind::AbbrevDef)
                                | Some(EobKind::FootnoteDef)
                        ))
            });
            if attach {
                let last = tree.children.last_mut().expect("last child");
                let mut ial = last.opts.ial.take().unwrap_or_default();
                self.parse_attribute_list(&body, &mut ial);
                if last.kind == Kind::Eob && last.opts.eob == Some(EobKind::LinkDef) {
                    if let Some(def) = self.link_defs.get_mut(&last.value) {
                        def.ial = Some(ial.clone());
                    }
                }
                last.opts.ial = Some(ial);
                if !src.check(&IAL_BLOCK_START) {
                    let mut eob = self.new_block_el(El::new(Kind::Eob));
                    eob.opts.eob = Some(EobKind::Ial);
                    tree.children.push(eob);
                }
            } else {
                let mut ial = self.block_ial.take().unwrap_or_default();
                self.parse_attribute_list(&body, &mut ial);
                self.block_ial = Some(ial);
            }
            true
        } else {
            false
        }
    }

    /// `{::name attrs}body{:/name}` or `{::name attrs /}`; returns false (position restored)
    /// when the tag is invalid.
    pub(super) fn parse_extension_start_tag(
        &mut self,
        tree: &mut El,
        src: &mut Src,
        ctx: ExtContext,
    ) -> bool {
        let re: &Re = if ctx == ExtContext::Block {
            &EXT_BLOCK_START
        } else {
            &EXT_SPAN_START
        };
        let Some(c) = re.at(&src.s, src.pos) else {
            return false;
        };
        let saved = src.pos;
        let matched = &src.s[c.start()..c.end()];
        if c.has(4) || matched == "{:/}" {
            return false;
        }
        let name = c.str(&src.s, 1).to_string();
        let attrs = c.str(&src.s, 2).to_string();
        let self_closed = c.has(3);
        src.pos = c.end();
        let mut opts = Ial::default();
        self.parse_attribute_list(&attrs, &mut opts);
        let mut body = None;
        if !self_closed {
            let stop = if ctx == ExtContext::Block {
                self.pattern(format!("^ {{0,3}}\\{{:/({name})?\\}}{S}*?\\n"))
            } else {
                self.pattern(format!("\\{{:/({name})?\\}}"))
            };
            match stop.scan_until(&src.s, src.pos) {
                Some(m) => {
                    let mut b = src.s[src.pos..m.start()].to_string();
                    if ctx == ExtContext::Block && b.ends_with('\n') {
                        b.pop();
                    }
                    body = Some(b);
                    src.pos = m.end();
                }
                None => {
                    src.pos = saved;
                    return false;
                }
            }
        }
        let span = ctx == ExtContext::Span;
        match name.as_str() {
            "comment" => {
                if let Some(b) = body {
                    let mut el = El::with_value(Kind::Comment, b);
                    el.opts.span = span;
                    tree.children.push(el);
                }
                true
            }
            "nomarkdown" => {
                if let Some(b) = body {
                    let mut el = El::with_value(Kind::Raw, b);
                    el.opts.span = span;
                    el.opts.raw_block = !span;
                    el.opts.raw_types = opts
                        .attrs
                        .get("type")
                        .map(|t| t.split_whitespace().map(str::to_string).collect())
                        .unwrap_or_default();
                    tree.children.push(el);
                }
                true
            }
            "options" => {
                for (k, v) in &opts.attrs {
                    self.opts.set(k, &Value::str(v.as_str()));
                }
                if ctx == ExtContext::Block {
                    let mut eob = self.new_block_el(El::new(Kind::Eob));
                    eob.opts.eob = Some(EobKind::Extension);
                    tree.children.push(eob);
                }
                true
            }
            _ => {
                src.pos = saved;
                false
            }
        }
    }

    /// `{:` in span text: an extension or a span IAL for the preceding element.
    pub(super) fn parse_span_extension(&mut self, tree: &mut El, src: &mut Src) {
        if src.check(&EXT_SPAN_START) {
            if !self.parse_extension_start_tag(tree, src, ExtContext::Span) {
                let next = super::scan::next_char(&src.s, src.pos);
                let ch = src.s[src.pos..next].to_string();
                src.pos = next;
                tree.add_text(&ch, Kind::Text);
            }
        } else if let Some(c) = IAL_SPAN_START.at(&src.s, src.pos) {
            if tree.children.last().is_some_and(|l| l.kind != Kind::Text) {
                src.pos = c.end();
                let mut attr = Ial::default();
                let body = c.str(&src.s, 1).to_string();
                self.parse_attribute_list(&body, &mut attr);
                let last = tree.children.last_mut().expect("last child");
                let mut ial = last.opts.ial.take().unwrap_or_default();
                Self::update_ial_with_ial(&mut ial, &attr);
                last.opts.ial = Some(ial);
                let mut a = std::mem::take(&mut last.attr);
                self.update_attr_with_ial(&mut a, &attr);
                tree.children.last_mut().expect("last child").attr = a;
            } else {
                let next = super::scan::next_char(&src.s, src.pos);
                let ch = src.s[src.pos..next].to_string();
                src.pos = next;
                tree.add_text(&ch, Kind::Text);
            }
        } else {
            let next = super::scan::next_char(&src.s, src.pos);
            let ch = src.s[src.pos..next].to_string();
            src.pos = next;
            tree.add_text(&ch, Kind::Text);
        }
    }
}
