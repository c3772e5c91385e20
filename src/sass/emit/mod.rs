//! Prints a [`Node`] tree the way libsass 3.6 (sassc, jekyll-sass-converter 2.2) prints CSS.
//!
//! libsass writes through a small scheduler: spaces, line feeds and the `;` after a
//! declaration are *scheduled* and only written when the next text arrives, so that closing
//! braces can swallow them. Its four styles differ only in which of those schedules they honour
//! (e.g. `compact` turns optional line feeds into spaces, `compressed` drops them all). The same
//! scheduler is modelled here, so that blank lines, `{}` of empty at-rules, comments inside
//! rules and `@keyframes` in `compact` come out as libsass writes them.

mod maps;

use std::collections::HashMap;

use maps::collect_rules_with_props;

use super::css_tree::Node;
use super::mapping::{self, Mapping, RuleMap, SelectorRegistry, Sources, Span, TokenMap};
use super::options::Style;
use super::positions::{Origin, SrcPos};
use super::values;

/// What the emitter knows of the sources besides grass's output.
#[derive(Default)]
pub struct SourceHints {
    /// Multi-line loud comments as written (key: text without whitespace).
    pub comments: HashMap<String, String>,
    /// Attribute selectors as written, keyed by their unquoted form (grass drops quotes
    /// around identifier values; libsass keeps what was written).
    pub attributes: HashMap<String, String>,
    /// Where numbers were written literally (compressed output only).
    pub literal_numbers: values::LiteralNumberContexts,
    /// Selectors written outside any rule (`nested` style does not indent them).
    pub flat_selectors: std::collections::HashSet<String>,
    /// `:nth-child(n + 3)` arguments as written, keyed without spaces.
    pub nth_arguments: HashMap<String, String>,
}

/// libsass's CSS and, when `sources` is given, its source map mappings.
pub fn emit(
    nodes: &[Node],
    style: Style,
    hints: &SourceHints,
    precision: usize,
    sources: Option<&Sources>,
) -> (String, Vec<Mapping>) {
    let mut out = Output {
        e: Emitter::new(style),
        top: Vec::new(),
        hints,
        precision,
        sources,
        registry: SelectorRegistry::default(),
        used_comments: Vec::new(),
        top_comment_spans: Vec::new(),
        import_spans: Vec::new(),
        rules_with_props: std::collections::HashSet::new(),
        current_rule: None,
    };
    let nested_tabs = if style == Style::Nested {
        let mut tabs = nesting_tabs(nodes, &hints.flat_selectors);
        if let Some(sources) = sources {
            collect_rules_with_props(nodes, &mut out.rules_with_props);
            out.written_tabs(nodes, sources, &mut tabs);
        }
        tabs
    } else {
        vec![0; nodes.len()]
    };
    for (node, tabs) in nodes.iter().zip(nested_tabs) {
        out.visit_top(node, tabs);
    }
    out.e.finalize(true);
    // grass hoists `@import`s above the comments that preceded them; libsass keeps the
    // comments met before any output first.
    let mut top: Vec<(Node, Option<Span>)> = std::mem::take(&mut out.top)
        .into_iter()
        .zip(std::mem::take(&mut out.top_comment_spans))
        .collect();
    top.sort_by_key(|(n, _)| !matches!(n, Node::Comment(_)));
    let main = std::mem::take(&mut out.e.buf);
    let main_mappings = std::mem::take(&mut out.e.mappings);

    // Comments met before any output and `@import`s are printed first, in order.
    let mut import_spans = std::mem::take(&mut out.import_spans).into_iter();
    let mut head = Emitter::new(style);
    for (node, span) in &top {
        match node {
            Node::Comment(text) => {
                head.in_comment = true;
                let text = out.comment_text(text);
                head.append_token(&text, *span);
                head.in_comment = false;
            }
            Node::AtRule { name, prelude, .. } => {
                let spans = import_spans.next().flatten();
                head.append_token(name, spans.map(|s| s.0));
                head.mandatory_space();
                head.append_token(&import_url(prelude), spans.map(|s| s.1));
                head.append_delimiter();
            }
            _ => {}
        }
        head.mandatory_linefeed();
    }
    head.finalize(main.is_empty());
    // The main output's mappings move by what is printed before it.
    let (shift_lines, shift_cols) = (head.line, head.col);
    let mut mappings = head.mappings;
    mappings.extend(main_mappings.into_iter().map(|mut m| {
        if m.gen_line == 0 {
            m.gen_col += shift_cols;
        }
        m.gen_line += shift_lines;
        m
    }));
    let mut css = head.buf;
    css.push_str(&main);
    if !css.is_empty() && !css.ends_with('\n') {
        css.push('\n');
    }
    // Markers the preprocessor left where grass carried them outside a declaration value
    // (a `calc()` in a media query, say) are dropped.
    if css.contains(['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}']) {
        css = css.replace(['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}'], "");
    }
    if !css.is_ascii() {
        if style == Style::Compressed {
            // libsass does not count the byte order mark in its mappings.
            css.insert(0, '\u{feff}');
        } else {
            css.insert_str(0, "@charset \"UTF-8\";\n");
            for m in &mut mappings {
                m.gen_line += 1;
            }
        }
    }
    (css, mappings)
}

/// libsass prints a plain-CSS import of a local `.css` file as `url(...)`; remote URLs stay
/// quoted (`@import "foo.css"` → `@import url(foo.css)`).
fn import_url(prelude: &str) -> String {
    let quote = match prelude.chars().next() {
        Some(q @ ('"' | '\'')) => q,
        _ => return prelude.to_string(),
    };
    let Some(close) = prelude[1..].find(quote).map(|i| i + 1) else {
        return prelude.to_string();
    };
    let url = &prelude[1..close];
    let remote = url.starts_with("http://") || url.starts_with("https://") || url.starts_with("//");
    if remote || !url.ends_with(".css") {
        return prelude.to_string();
    }
    format!("url({url}){}", &prelude[close + 1..])
}

struct Output<'a> {
    e: Emitter,
    top: Vec<Node>,
    hints: &'a SourceHints,
    precision: usize,
    /// The scanned sources, when a source map is made.
    sources: Option<&'a Sources>,
    registry: SelectorRegistry,
    used_comments: Vec<SrcPos>,
    /// The mappings of the comments in `top` (same order; `None` for imports).
    top_comment_spans: Vec<Option<Span>>,
    /// The mappings of the imports in `top` (keyword, URL), in order.
    import_spans: Vec<Option<(Span, Span)>>,
    /// `nested` style: the written rules printed with declarations of their own.
    rules_with_props: std::collections::HashSet<(usize, usize)>,
    /// The written rule being printed (its `@include`s give mixin arguments).
    current_rule: Option<Origin>,
}

impl Output<'_> {
    fn visit_top(&mut self, node: &Node, tabs: usize) {
        match node {
            Node::AtRule {
                name,
                children: None,
                ..
            } if name.eq_ignore_ascii_case("@import") => {
                self.top.push(node.clone());
                self.top_comment_spans.push(None);
                let n = self.import_spans.len();
                let spans = self.sources.and_then(|s| s.css_import(n));
                self.import_spans.push(spans);
            }
            Node::AtRule {
                name,
                children: None,
                ..
            } if name.eq_ignore_ascii_case("@charset") => {}
            Node::Comment(text) if self.e.buf.is_empty() && self.comment_visible(text) => {
                let span = self.comment_span(text);
                self.top.push(node.clone());
                self.top_comment_spans.push(span);
            }
            Node::Rule {
                selector,
                children,
                origin,
                ..
            } => self.style_rule(selector, children, tabs, *origin),
            Node::AtRule {
                name,
                prelude,
                children: Some(children),
                ..
            } if name.eq_ignore_ascii_case("@media") => self.media(prelude, children, tabs),
            _ => self.visit(node, false),
        }
    }

    fn visit(&mut self, node: &Node, in_keyframes: bool) {
        match node {
            Node::Comment(text) => self.comment(text),
            Node::Declaration {
                property,
                value,
                origin,
            } => self.declaration(property, value, *origin),
            Node::Rule {
                selector,
                children,
                origin,
                ..
            } if in_keyframes => self.keyframe_rule(selector, children, *origin),
            Node::Rule {
                selector,
                children,
                origin,
                ..
            } => self.style_rule(selector, children, 0, *origin),
            Node::AtRule {
                name,
                prelude,
                children,
                origin,
            } => match (name.to_ascii_lowercase().as_str(), children) {
                ("@media", Some(children)) => self.media(prelude, children, 0),
                ("@supports", Some(children)) => self.supports(prelude, children),
                (_, children) => self.at_rule(name, prelude, children.as_deref(), *origin),
            },
        }
    }

    fn comment_visible(&self, text: &str) -> bool {
        self.e.style != Style::Compressed || text.starts_with("/*!")
    }

    fn comment_text(&self, text: &str) -> String {
        if text.contains('\n') {
            let key = super::preprocess::comment_key(text);
            if let Some(original) = self.hints.comments.get(&key) {
                return original.clone();
            }
        }
        text.to_string()
    }

    fn comment_span(&mut self, text: &str) -> Option<Span> {
        let text = self.comment_text(text);
        self.sources?.comment(&text, &mut self.used_comments)
    }

    fn comment(&mut self, text: &str) {
        if !self.comment_visible(text) {
            return;
        }
        let span = self.comment_span(text);
        let text = self.comment_text(text);
        self.e.in_comment = true;
        self.e.append_indentation();
        self.e.append_token(&text, span);
        self.e.in_comment = false;
        if self.e.indentation == 0 {
            self.e.mandatory_linefeed();
        } else {
            self.e.optional_linefeed();
        }
    }

    fn declaration(&mut self, property: &str, value: &str, origin: Option<Origin>) {
        let custom = property.starts_with("--");
        let written = origin.and_then(|o| Some((o, self.sources?.decl(o)?)));
        self.e.in_custom_property = custom;
        self.e.append_indentation();
        let prop_span = written.map(|(o, (f, d))| Span {
            open: f.pos(o.file, d.prop_start),
            close: f.pos(o.file, d.prop_end),
        });
        self.e.append_token(property, prop_span);
        self.e.append_colon_separator();
        let value = if custom {
            values::format_custom_property(value, self.e.style, self.precision)
        } else {
            values::format_value(
                value,
                self.e.style,
                &self.hints.literal_numbers,
                self.precision,
            )
        };
        match (written, self.sources) {
            (Some((o, (_, d))), Some(sources)) => {
                self.mapped_value(&value, o, d, custom, sources);
            }
            _ => self.e.append_string(&value),
        }
        self.e.append_delimiter();
        self.e.in_custom_property = false;
    }

    fn selector(&mut self, selector: &str, origin: Option<Origin>) -> Option<RuleMap> {
        let text = values::format_selector(
            selector,
            self.e.style,
            &self.hints.attributes,
            &self.hints.nth_arguments,
        );
        let (maps, rule_map) = self.selector_maps(&text, origin);
        self.e.crutch = rule_map.map(|r| r.crutch);
        self.e.append_indentation();
        // A selector list keeps the line breaks written between its members: a line feed
        // where libsass would print one (a space in `compact`).
        let mut offset = 0;
        for (i, part) in text.split(",\n").enumerate() {
            if i > 0 {
                self.e.scheduled_space = 0;
                self.e.append_string(",");
                self.e.optional_linefeed();
                if self.e.style == Style::Nested {
                    self.e.append_indentation();
                }
            }
            self.selector_part(part, offset, &maps);
            offset += part.len() + 2;
        }
        self.e.crutch = None;
        rule_map
    }

    fn printable(&self, children: &[Node]) -> bool {
        children.iter().any(|c| match c {
            Node::Comment(text) => self.comment_visible(text),
            _ => true,
        })
    }

    /// `tabs`: extra indentation of the rule in `nested` style (the closing brace is
    /// written after it is taken back, so a nested rule still ends its group).
    fn style_rule(
        &mut self,
        selector: &str,
        children: &[Node],
        tabs: usize,
        origin: Option<Origin>,
    ) {
        if !self.printable(children) {
            // Still the parent of the rules nested in it: their selectors start with its.
            if self.sources.is_some() {
                let text = values::format_selector(
                    selector,
                    self.e.style,
                    &self.hints.attributes,
                    &self.hints.nth_arguments,
                );
                self.selector_maps(&text, origin);
            }
            return;
        }
        self.e.indentation += tabs;
        let rule_map = self.rule_map(selector, origin);
        let line_comment = rule_map.and_then(|m| self.sources?.line_comment(m.crutch));
        if let Some(comment) = line_comment {
            self.e.append_indentation();
            self.e.append_string(&comment);
            self.e.optional_linefeed();
        }
        let rule_map = self.selector(selector, origin);
        self.e.scope_opener(rule_map.map(|m| m.open));
        let outer_rule = std::mem::replace(&mut self.current_rule, origin);
        for child in children {
            self.visit(child, false);
        }
        self.current_rule = outer_rule;
        self.e.indentation -= tabs;
        self.e.scope_closer(rule_map.map(|m| m.close));
    }

    /// The rules of a media block, indented under each other in `nested` style.
    fn visit_rules(&mut self, children: &[Node]) {
        let tabs = if self.e.style == Style::Nested {
            let mut tabs = nesting_tabs(children, &self.hints.flat_selectors);
            if let Some(sources) = self.sources {
                self.written_tabs(children, sources, &mut tabs);
            }
            tabs
        } else {
            vec![0; children.len()]
        };
        for (child, tabs) in children.iter().zip(tabs) {
            match child {
                Node::Rule {
                    selector,
                    children,
                    origin,
                    ..
                } => self.style_rule(selector, children, tabs, *origin),
                Node::AtRule {
                    name,
                    prelude,
                    children: Some(children),
                    ..
                } if name.eq_ignore_ascii_case("@media") => self.media(prelude, children, tabs),
                _ => self.visit(child, false),
            }
        }
    }

    fn keyframe_rule(&mut self, selector: &str, children: &[Node], origin: Option<Origin>) {
        // Mapped as one token; its block is not.
        let span = origin.and_then(|o| self.sources?.keyframe_selector(o));
        let text = values::format_selector(
            selector,
            self.e.style,
            &self.hints.attributes,
            &self.hints.nth_arguments,
        );
        self.e.append_indentation();
        self.e.append_token(&text, span);
        self.e.scope_opener(None);
        for (i, child) in children.iter().enumerate() {
            self.visit(child, false);
            if i + 1 < children.len() {
                self.e.special_linefeed();
            }
        }
        self.e.scope_closer(None);
    }

    fn block_visible(&self, children: &[Node]) -> bool {
        children.iter().any(|c| match c {
            Node::Comment(text) => self.comment_visible(text),
            Node::Rule { children, .. } => self.printable(children),
            Node::AtRule {
                children: Some(children),
                ..
            } => self.block_visible(children),
            _ => true,
        })
    }

    /// `tabs`: extra indentation in `nested` style, given back only after the block closes
    /// (so a nested media block does not end its group with a blank line).
    fn media(&mut self, prelude: &str, children: &[Node], tabs: usize) {
        if !self.block_visible(children) {
            return;
        }
        let (keyword, open, close) = self.media_maps(children);
        self.e.indentation += tabs;
        self.e.append_indentation();
        self.e.append_token("@media", keyword);
        self.e.mandatory_space();
        self.e
            .append_string(&values::format_media_query(prelude, self.e.style));
        self.e.block_opener(open);
        self.visit_rules(children);
        self.e.scope_closer(close);
        self.e.indentation -= tabs;
    }

    fn supports(&mut self, prelude: &str, children: &[Node]) {
        if !self.block_visible(children) {
            return;
        }
        self.e.append_indentation();
        self.e.append_string("@supports");
        self.e.mandatory_space();
        self.e.append_string(prelude);
        self.e.scope_opener(None);
        for (i, child) in children.iter().enumerate() {
            self.visit(child, false);
            if i + 1 < children.len() {
                self.e.special_linefeed();
            }
        }
        self.e.scope_closer(None);
    }

    fn at_rule(
        &mut self,
        name: &str,
        prelude: &str,
        children: Option<&[Node]>,
        origin: Option<Origin>,
    ) {
        // libsass maps the keyword, and the prelude, to the at-rule's keyword.
        let span = origin.and_then(|o| self.sources?.at_rule(o));
        self.e.append_indentation();
        self.e.append_token(name, span);
        if !prelude.is_empty() {
            self.e.mandatory_space();
            self.e.append_token(prelude, span);
        }
        let Some(children) = children else {
            self.e.append_delimiter();
            return;
        };
        if children.is_empty() {
            self.e.optional_space();
            self.e.append_string("{}");
            return;
        }
        let keyframes = name.to_ascii_lowercase().ends_with("keyframes");
        let font_face = name.eq_ignore_ascii_case("@font-face");
        self.e.scope_opener(None);
        for (i, child) in children.iter().enumerate() {
            self.visit(child, keyframes);
            if i + 1 < children.len() && !font_face {
                self.e.special_linefeed();
            }
        }
        self.e.scope_closer(None);
    }
}

/// libsass's output scheduler (see the module comment).
struct Emitter {
    buf: String,
    style: Style,
    indentation: usize,
    scheduled_space: usize,
    scheduled_linefeed: usize,
    scheduled_delimiter: bool,
    in_comment: bool,
    in_custom_property: bool,
    /// Output position (line, column in characters), for source maps.
    line: usize,
    col: usize,
    mappings: Vec<Mapping>,
    /// libsass's "crutch": an extra open mapping for the next token (a rule's selector list).
    crutch: Option<SrcPos>,
}

const INDENT: &str = "  ";

impl Emitter {
    fn new(style: Style) -> Emitter {
        Emitter {
            buf: String::new(),
            style,
            indentation: 0,
            scheduled_space: 0,
            scheduled_linefeed: 0,
            scheduled_delimiter: false,
            in_comment: false,
            in_custom_property: false,
            line: 0,
            col: 0,
            mappings: Vec::new(),
            crutch: None,
        }
    }

    /// Appends to the buffer, keeping the output position.
    fn push(&mut self, text: &str) {
        match text.rfind('\n') {
            Some(last) => {
                self.line += text.matches('\n').count();
                self.col = text[last + 1..].chars().count();
            }
            None => self.col += text.chars().count(),
        }
        self.buf.push_str(text);
    }

    fn add_mapping(&mut self, src: SrcPos) {
        self.mappings.push(Mapping {
            gen_line: self.line,
            gen_col: self.col,
            src,
        });
    }

    /// libsass's `append_token`: open mapping (and the pending crutch), text, close mapping.
    fn append_token(&mut self, text: &str, span: Option<Span>) {
        self.flush_schedules();
        if let Some(span) = span {
            self.add_mapping(span.open);
            if let Some(crutch) = self.crutch.take() {
                self.add_mapping(crutch);
            }
        }
        self.append_string(text);
        if let Some(span) = span {
            self.add_mapping(span.close);
        }
    }

    /// Writes what is scheduled. libsass writes the pending line feeds or spaces through the
    /// same path, which first flushes the pending `;`: so the delimiter always comes first.
    fn flush_schedules(&mut self) {
        let pending = if self.scheduled_linefeed > 0 {
            "\n".repeat(self.scheduled_linefeed)
        } else {
            " ".repeat(self.scheduled_space)
        };
        self.scheduled_linefeed = 0;
        self.scheduled_space = 0;
        if self.scheduled_delimiter {
            self.scheduled_delimiter = false;
            self.push(";");
        }
        self.push(&pending);
    }

    fn append_string(&mut self, text: &str) {
        self.flush_schedules();
        if self.in_comment {
            let text = text.replace("\r\n", "\n").replace('\r', "\n");
            if self.style == Style::Compact {
                self.push(&compact_comment(&text));
            } else {
                self.push(&text);
            }
        } else {
            self.push(text);
        }
    }

    fn append_indentation(&mut self) {
        if matches!(self.style, Style::Compressed | Style::Compact) {
            return;
        }
        if self.scheduled_linefeed > 0 && self.indentation > 0 {
            self.scheduled_linefeed = 1;
        }
        let indent = INDENT.repeat(self.indentation);
        self.append_string(&indent);
    }

    fn append_delimiter(&mut self) {
        self.scheduled_delimiter = true;
        match self.style {
            Style::Compact if self.indentation == 0 => self.mandatory_linefeed(),
            Style::Compact => self.mandatory_space(),
            Style::Compressed => {}
            _ => self.optional_linefeed(),
        }
    }

    fn append_colon_separator(&mut self) {
        self.scheduled_space = 0;
        self.append_string(":");
        if !self.in_custom_property {
            self.optional_space();
        }
    }

    fn mandatory_space(&mut self) {
        self.scheduled_space = 1;
    }

    fn optional_space(&mut self) {
        if self.style != Style::Compressed {
            if let Some(last) = self.buf.bytes().last() {
                if (!last.is_ascii_whitespace() || self.scheduled_delimiter) && last != b'(' {
                    self.mandatory_space();
                }
            }
        }
    }

    fn special_linefeed(&mut self) {
        if self.style == Style::Compact {
            self.mandatory_linefeed();
            for _ in 0..self.indentation {
                self.append_string(INDENT);
            }
        }
    }

    fn optional_linefeed(&mut self) {
        if self.style == Style::Compact {
            self.mandatory_space();
        } else {
            self.mandatory_linefeed();
        }
    }

    fn mandatory_linefeed(&mut self) {
        if self.style != Style::Compressed {
            self.scheduled_linefeed = 1;
            self.scheduled_space = 0;
        }
    }

    /// A block printed by libsass's `Inspect` (`@media`): mapped before the space.
    fn block_opener(&mut self, open: Option<SrcPos>) {
        if let Some(open) = open {
            self.add_mapping(open);
        }
        self.scope_opener(None);
    }

    fn scope_opener(&mut self, open: Option<SrcPos>) {
        self.scheduled_linefeed = 0;
        self.optional_space();
        self.flush_schedules();
        if let Some(open) = open {
            self.add_mapping(open);
        }
        self.append_string("{");
        self.optional_linefeed();
        self.indentation += 1;
    }

    fn scope_closer(&mut self, close: Option<SrcPos>) {
        self.indentation = self.indentation.saturating_sub(1);
        self.scheduled_linefeed = 0;
        if self.style == Style::Compressed {
            self.scheduled_delimiter = false;
        }
        if self.style == Style::Expanded {
            self.optional_linefeed();
            self.append_indentation();
        } else {
            self.optional_space();
        }
        self.append_string("}");
        if let Some(close) = close {
            self.add_mapping(close);
        }
        self.optional_linefeed();
        if self.indentation == 0 && self.style != Style::Compressed {
            self.scheduled_linefeed = 2;
        }
    }

    fn finalize(&mut self, last: bool) {
        self.scheduled_space = 0;
        if self.style == Style::Compressed && last {
            self.scheduled_delimiter = false;
        }
        if self.scheduled_linefeed > 0 {
            self.scheduled_linefeed = 1;
        }
        self.flush_schedules();
    }
}

/// `compact` prints a multi-line comment on one line: each line break and the indentation and
/// `*` after it become one space.
fn compact_comment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut cleaning = false;
    let mut any_break = false;
    let mut prev = '\0';
    for c in text.chars() {
        if cleaning {
            match c {
                '\n' | '\t' | ' ' | '*' => {
                    if c != '*' && c != '\n' {
                        any_break = true;
                    }
                    if c == '\n' {
                        any_break = false;
                    }
                }
                _ => {
                    cleaning = false;
                    out.push(' ');
                    if prev == '*' && c == '/' {
                        out.push_str("*/");
                    } else {
                        out.push(c);
                    }
                }
            }
        } else if c == '\n' {
            cleaning = true;
        } else {
            out.push(c);
        }
        prev = c;
    }
    if any_break {
        out
    } else {
        text.to_string()
    }
}

/// `nested` style indents a rule under the rule it was nested in; grass's output no longer says
/// which that was, so a rule counts as nested when each of its selectors extends a selector of
/// an earlier sibling rule (`.a .b` after `.a`).
fn nesting_tabs(nodes: &[Node], flat: &std::collections::HashSet<String>) -> Vec<usize> {
    let mut tabs = vec![0usize; nodes.len()];
    for i in 0..nodes.len() {
        // A media block nested in a rule holds rules with that rule's selector (or extending it).
        let (selector, is_media) = match &nodes[i] {
            Node::Rule { selector, .. } => (selector.as_str(), false),
            Node::AtRule {
                name,
                children: Some(children),
                ..
            } if name.eq_ignore_ascii_case("@media") => match children.first() {
                Some(Node::Rule { selector, .. }) => (selector.as_str(), true),
                _ => continue,
            },
            _ => continue,
        };
        if !is_media && flat.contains(&selector.split_whitespace().collect::<Vec<_>>().join(" ")) {
            continue;
        }
        let parts: Vec<&str> = selector.split(',').map(str::trim).collect();
        for j in (0..i).rev() {
            let Node::Rule {
                selector: parent,
                children,
                ..
            } = &nodes[j]
            else {
                break;
            };
            // A rule kept only by a source map marker is not printed.
            if children.is_empty() {
                continue;
            }
            let parents: Vec<&str> = parent.split(',').map(str::trim).collect();
            let extends = parts.iter().all(|p| {
                parents.iter().any(|q| {
                    (is_media && p == q)
                        || (p.len() > q.len()
                            && p.starts_with(q)
                            && p[q.len()..].starts_with([' ', '.', ':', '[', '#']))
                })
            });
            if extends {
                tabs[i] = tabs[j] + 1;
                break;
            }
        }
    }
    tabs
}
