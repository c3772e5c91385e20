//! HTML in kramdown documents: block-level HTML (with `markdown="0|1|block|span"`), raw
//! HTML bodies, and span-level HTML tags.

use super::element::{Attrs, ContentModel, El, Kind};
use super::parser::{Parser, Src, Step, MAX_DEPTH};
use super::patterns::*;
use super::scan::{next_char, re};
use super::span::{SpanEnv, SpanParser, Stop};

re!(BLOCK_HTML_TAG, format!(" {{0,3}}{}", html_tag_pattern()));
re!(BLOCK_HTML_CLOSE, format!(" {{0,3}}</({})\\s*>", uname()));
re!(HTML_RAW_START, format!("<(?:{}|/|!--|\\?)", uname()));
re!(TRAILING_WS, "[ \\t]*\\n");
re!(NEWLINES, "\\n+");

fn html_tag_pattern() -> String {
    let u = uname();
    format!("<((?>{u}))\\s*((?>\\s+{u}(?:\\s*=\\s*(?:[\\w]+|(\"|')(?s:.*?)\\3))?)*)\\s*(/)?>")
}

fn markdown_attr(v: Option<String>) -> Option<Option<ContentModel>> {
    // Some(None) means "default": the tag's own content model.
    match v.as_deref() {
        Some("0") => Some(Some(ContentModel::Raw)),
        Some("1") => Some(None),
        Some("span") => Some(Some(ContentModel::Span)),
        Some("block") => Some(Some(ContentModel::Block)),
        _ => None,
    }
}

/// The tag name as kramdown keeps it: known HTML elements are lower-cased.
fn tag_name(raw: &str) -> (String, bool) {
    let lower = raw.to_lowercase();
    if is_html_element(&lower) {
        (lower, true)
    } else {
        (raw.to_string(), false)
    }
}

pub fn parse_html_attributes(s: &str, known: bool) -> Attrs {
    let mut attrs = Attrs::new();
    let mut pos = 0;
    while let Some(c) = HTML_ATTRIBUTE.find_from(s, pos) {
        if c.end() <= pos {
            break;
        }
        pos = c.end();
        let mut name = c.str(s, 1).to_string();
        if known {
            name = name.to_lowercase();
        }
        let val = c.get(s, 2).or(c.get(s, 4)).unwrap_or("").to_string();
        attrs.insert(name, val);
    }
    attrs
}

fn close_tag_pattern(name: &str, known: bool) -> String {
    let esc = fancy_regex_014::escape(name);
    if known {
        format!("(?i)</{esc}\\s*>")
    } else {
        format!("</{esc}\\s*>")
    }
}

impl Parser {
    pub(super) fn parse_block_html(&mut self, tree: &mut El, src: &mut Src) -> Step {
        if let Some(c) = src.scan(&HTML_COMMENT) {
            let mut el = El::with_value(Kind::XmlComment, &src.s[c.start()..c.end()]);
            el.opts.span = false;
            tree.children.push(el);
            src.scan(&TRAILING_WS);
            return Step::Handled;
        }
        if let Some(c) = BLOCK_HTML_TAG.at(&src.s, src.pos) {
            if !HTML_SPAN_ELEMENTS.contains(&c.str(&src.s, 1).to_lowercase().as_str()) {
                src.pos = c.end();
                let name = c.str(&src.s, 1).to_string();
                let attrs = c.str(&src.s, 2).to_string();
                let closed = c.has(4);
                self.handle_html_start_tag(tree, src, &name, &attrs, closed, false);
                if self.opts.html_to_native {
                    if let Some(el) = tree.children.last_mut() {
                        super::html_native::convert(el);
                    }
                }
                return Step::Handled;
            }
            return Step::NotHandled;
        }
        if let Some(c) = BLOCK_HTML_CLOSE.at(&src.s, src.pos) {
            let name = c.str(&src.s, 1).to_lowercase();
            if HTML_SPAN_ELEMENTS.contains(&name.as_str()) {
                return Step::NotHandled;
            }
            if tree.kind == Kind::HtmlElement && tree.value == name {
                src.pos = c.end();
                return Step::Stop;
            }
        }
        Step::NotHandled
    }

    /// Creates the element for a start tag and parses its body; `in_raw` when the parent is
    /// a raw HTML element.
    fn handle_html_start_tag(
        &mut self,
        tree: &mut El,
        src: &mut Src,
        raw_name: &str,
        attr_src: &str,
        mut closed: bool,
        in_raw: bool,
    ) {
        let (name, known) = tag_name(raw_name);
        let attrs = parse_html_attributes(attr_src, known);
        let mut el = El::html(&name, false);
        el.attr = attrs;
        if !closed && HTML_ELEMENTS_WITHOUT_BODY.contains(&name.as_str()) {
            closed = true;
        }
        if name == "script" || name == "style" {
            let re = self.pattern(format!("(?i)</{}\\s*>", fancy_regex_014::escape(&name)));
            match re.find_from(&src.s, src.pos) {
                Some(m) => {
                    let body = src.s[src.pos..m.start()].to_string();
                    el.add_text(&body, Kind::Raw);
                    src.pos = m.end();
                }
                None => {
                    let body = src.s[src.pos..].to_string();
                    el.add_text(&body, Kind::Raw);
                    src.pos = src.s.len();
                }
            }
            self.kramdown_html_tag(tree, &mut el, src, false, false, in_raw);
        } else {
            self.kramdown_html_tag(tree, &mut el, src, closed, true, in_raw);
        }
        tree.children.push(el);
    }

    fn kramdown_html_tag(
        &mut self,
        _tree: &El,
        el: &mut El,
        src: &mut Src,
        closed: bool,
        handle_body: bool,
        in_raw: bool,
    ) {
        if let Some(ial) = self.block_ial.take() {
            el.opts.ial = Some(ial);
        }
        let mut model = if !in_raw {
            if self.opts.parse_block_html {
                content_model(&el.value)
            } else {
                ContentModel::Raw
            }
        } else {
            ContentModel::Raw
        };
        if let Some(m) = markdown_attr(el.attr.shift_remove("markdown")) {
            model = m.unwrap_or_else(|| content_model(&el.value));
        }
        if model == ContentModel::Block {
            src.scan(&TRAILING_WS);
        }
        el.opts.content_model = Some(model);
        el.opts.is_closed = closed;
        if closed || !handle_body {
            return;
        }
        let too_deep = self.depth >= MAX_DEPTH;
        match model {
            ContentModel::Block if !too_deep => {
                self.parse_blocks(el, src);
            }
            ContentModel::Span => {
                let re = self.pattern(format!("(?i)</{}\\s*>", fancy_regex_014::escape(&el.value)));
                match re.find_from(&src.s, src.pos) {
                    Some(m) => {
                        let body = src.s[src.pos..m.start()].to_string();
                        el.add_text(&body, Kind::RawText);
                        src.pos = m.start();
                        src.scan(&HTML_TAG_CLOSE);
                    }
                    None => {
                        let body = src.s[src.pos..].to_string();
                        el.add_text(&body, Kind::RawText);
                        src.pos = src.s.len();
                    }
                }
            }
            _ => {
                el.opts.content_model = Some(if too_deep { ContentModel::Raw } else { model });
                self.parse_raw_html(el, src);
            }
        }
        if !in_raw {
            src.scan(&TRAILING_WS);
        }
    }

    /// Parses a raw HTML body: nested tags become elements, everything else text.
    fn parse_raw_html(&mut self, el: &mut El, src: &mut Src) {
        self.depth += 1;
        let known = is_html_element(&el.value);
        loop {
            if src.eos() {
                break;
            }
            let Some(m) = HTML_RAW_START.find_from(&src.s, src.pos) else {
                let rest = src.s[src.pos..].to_string();
                el.add_text(&rest, Kind::Text);
                src.pos = src.s.len();
                break;
            };
            if m.start() > src.pos {
                let t = src.s[src.pos..m.start()].to_string();
                el.add_text(&t, Kind::Text);
                src.pos = m.start();
            }
            if let Some(c) = src.scan(&HTML_COMMENT) {
                let mut x = El::with_value(Kind::XmlComment, &src.s[c.start()..c.end()]);
                x.opts.span = false;
                el.children.push(x);
            } else if let Some(c) = src.scan(&HTML_INSTRUCTION) {
                let mut x = El::with_value(Kind::XmlPi, &src.s[c.start()..c.end()]);
                x.opts.span = false;
                el.children.push(x);
            } else if let Some(c) = HTML_TAG
                .at(&src.s, src.pos)
                .filter(|_| self.depth < MAX_DEPTH * 2)
            {
                src.pos = c.end();
                let name = c.str(&src.s, 1).to_string();
                let attrs = c.str(&src.s, 2).to_string();
                let closed = c.has(4);
                self.handle_html_start_tag(el, src, &name, &attrs, closed, true);
            } else if let Some(c) = src.scan(&HTML_TAG_CLOSE) {
                let n = c.str(&src.s, 1);
                let n = if known {
                    n.to_lowercase()
                } else {
                    n.to_string()
                };
                if el.value == n {
                    break;
                }
                let t = src.s[c.start()..c.end()].to_string();
                el.add_text(&t, Kind::Text);
            } else {
                let n = next_char(&src.s, src.pos);
                let ch = src.s[src.pos..n].to_string();
                src.pos = n;
                el.add_text(&ch, Kind::Text);
            }
        }
        self.depth -= 1;
    }

    pub(super) fn parse_span_html(&mut self, tree: &mut El, src: &mut Src, env: &mut SpanEnv) {
        if let Some(c) = src.scan(&HTML_COMMENT) {
            let mut x = El::with_value(Kind::XmlComment, &src.s[c.start()..c.end()]);
            x.opts.span = true;
            tree.children.push(x);
        } else if let Some(c) = src.scan(&HTML_TAG_CLOSE) {
            let t = src.s[c.start()..c.end()].to_string();
            tree.add_text(&t, env.text_kind);
        } else if let Some(c) = HTML_TAG.at(&src.s, src.pos) {
            let whole = src.s[c.start()..c.end()].to_string();
            let (name, known) = tag_name(c.str(&src.s, 1));
            if HTML_BLOCK_ELEMENTS.contains(&name.as_str()) {
                src.pos = c.end();
                tree.add_text(&whole, env.text_kind);
                return;
            }
            let mut attrs = parse_html_attributes(c.str(&src.s, 2), known);
            for v in attrs.values_mut() {
                if !v.is_empty() {
                    *v = NEWLINES.replace_all(v, |_, _| " ".to_string());
                }
            }
            let closed = c.has(4);
            src.pos = c.end();
            let tree_raw = tree.kind == Kind::HtmlElement
                && tree.opts.content_model == Some(ContentModel::Raw);
            let mut do_parsing = if content_model(&name) == ContentModel::Raw || tree_raw {
                false
            } else {
                self.opts.parse_span_html
            };
            match attrs.shift_remove("markdown").as_deref() {
                Some("span") => do_parsing = true,
                Some("1") => do_parsing = content_model(&name) != ContentModel::Raw,
                Some("0") => do_parsing = false,
                _ => {}
            }
            let mut el = El::html(&name, true);
            el.attr = attrs;
            el.opts.content_model = Some(if do_parsing {
                ContentModel::Span
            } else {
                ContentModel::Raw
            });
            el.opts.is_closed = closed;
            if !closed && !HTML_ELEMENTS_WITHOUT_BODY.contains(&name.as_str()) {
                let stop_re = self.pattern(close_tag_pattern(&name, known));
                let mut stop = Stop::Html(stop_re);
                let saved_parsers = std::mem::take(&mut env.parsers);
                env.parsers = if do_parsing {
                    self.span_parsers()
                } else {
                    vec![SpanParser::SpanHtml]
                };
                env.stack.push(tree.kind);
                let found = self.parse_spans(&mut el, src, Some(&mut stop), env);
                env.stack.pop();
                env.parsers = saved_parsers;
                if found {
                    if let Stop::Html(re) = &stop {
                        src.scan(re);
                    }
                } else {
                    let rest = src.s[src.pos..].to_string();
                    el.add_text(&rest, env.text_kind);
                    src.pos = src.s.len();
                }
            }
            if self.opts.html_to_native {
                super::html_native::convert(&mut el);
            }
            tree.children.push(el);
        } else {
            let n = next_char(&src.s, src.pos);
            let ch = src.s[src.pos..n].to_string();
            src.pos = n;
            tree.add_text(&ch, env.text_kind);
        }
    }
}
