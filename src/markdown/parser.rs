//! The block-level parser: kramdown's block grammar (with the GFM parser's changes), run as a
//! list of block parsers tried in order at each line start.

use super::element::{Attrs, El, EobKind, Ial, Kind};
use super::lines;
use super::options::Options;
use super::patterns::*;
use super::scan::{lstrip, re, rstrip, Re};
use indexmap::IndexMap;
use std::collections::HashMap;

/// Nesting beyond this depth is parsed as plain text: bounded recursion on hostile input.
pub const MAX_DEPTH: usize = 64;

/// A source being scanned: the text and the current byte position.
pub struct Src {
    pub s: String,
    pub pos: usize,
}

impl Src {
    pub fn new(s: impl Into<String>) -> Src {
        Src {
            s: s.into(),
            pos: 0,
        }
    }
    pub fn eos(&self) -> bool {
        self.pos >= self.s.len()
    }
    pub fn rest(&self) -> &str {
        &self.s[self.pos..]
    }
    pub fn check(&self, re: &Re) -> bool {
        re.is_at(&self.s, self.pos)
    }
    /// Matches at the position and advances past the match.
    pub fn scan(&mut self, re: &Re) -> Option<super::scan::Caps> {
        let c = re.at(&self.s, self.pos)?;
        self.pos = c.end();
        Some(c)
    }
    /// The rest of the current line including its newline.
    pub fn line_end(&self) -> usize {
        match self.s[self.pos..].find('\n') {
            Some(i) => self.pos + i + 1,
            None => self.s.len(),
        }
    }
}

pub struct LinkDef {
    pub url: String,
    pub title: Option<String>,
    pub ial: Option<Ial>,
}

pub struct FootnoteDef {
    pub content: El,
    pub referenced: bool,
}

/// Result of a block parser attempt.
#[derive(PartialEq, Eq)]
pub enum Step {
    Handled,
    NotHandled,
    /// A closing tag of the enclosing HTML element ends this block parse.
    Stop,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum BlockParser {
    BlankLine,
    Codeblock,
    CodeblockFenced,
    Blockquote,
    AtxHeader,
    HorizontalRule,
    List,
    DefinitionList,
    BlockHtml,
    SetextHeader,
    BlockMath,
    Table,
    FootnoteDefinition,
    LinkDefinition,
    AbbrevDefinition,
    BlockExtensions,
    EobMarker,
    Paragraph,
    /// Jekyll's SmartyPants parser: any line becomes text as it is.
    Content,
}

const BLOCK_PARSERS: [BlockParser; 18] = [
    BlockParser::BlankLine,
    BlockParser::Codeblock,
    BlockParser::CodeblockFenced,
    BlockParser::Blockquote,
    BlockParser::AtxHeader,
    BlockParser::HorizontalRule,
    BlockParser::List,
    BlockParser::DefinitionList,
    BlockParser::BlockHtml,
    BlockParser::SetextHeader,
    BlockParser::BlockMath,
    BlockParser::Table,
    BlockParser::FootnoteDefinition,
    BlockParser::LinkDefinition,
    BlockParser::AbbrevDefinition,
    BlockParser::BlockExtensions,
    BlockParser::EobMarker,
    BlockParser::Paragraph,
];

/// The block parsers of Jekyll's `Kramdown::Parser::SmartyPants` (the `smartify` filter).
const SMARTYPANTS_BLOCK_PARSERS: [BlockParser; 2] = [BlockParser::BlockHtml, BlockParser::Content];

pub struct Parser {
    pub opts: Options,
    pub link_defs: HashMap<String, LinkDef>,
    pub alds: HashMap<String, Ial>,
    pub footnotes: IndexMap<String, FootnoteDef>,
    pub abbrev_defs: IndexMap<String, String>,
    pub abbrev_attrs: HashMap<String, Attrs>,
    pub block_ial: Option<Ial>,
    pub depth: usize,
    pub gfm_id_counter: HashMap<String, i64>,
    pub(super) list_patterns: HashMap<usize, std::rc::Rc<super::list::ItemPatterns>>,
    /// Remaining character steps for nested span parses (see `parse_spans`).
    pub span_budget: u64,
    /// Patterns built at run time (closing tags, extension stops), compiled once.
    pub(super) dynamic_patterns: HashMap<String, std::rc::Rc<Re>>,
    /// Parse as Jekyll's SmartyPants parser (HTML blocks and plain text lines only; smart
    /// quotes, entities, typographic symbols and HTML spans).
    pub smartypants: bool,
}

re!(
    SETEXT_HEADER_START,
    "^ {0,3}([^ \\t].*)\\n([-=])[-=]*[ \\t\\r\\x0C\\x0B]*\\n"
);
re!(ATX_HEADER_START, "^(#{1,6})[\\t ]*([^ \\t].*)\\n");
re!(GFM_ATX_HEADER_START, gfm_atx_start());
re!(
    HEADER_ID,
    format!("[\\t ]\\{{#({NAME_START}{NAME_CHAR}*)\\}}\\z")
);
re!(ATX_TRAILING_HASHES, "(?<!\\\\)#+\\z");
re!(GFM_ATX_TRAILING_HASHES, "[\\t ]#+\\z");
re!(BLOCKQUOTE, BLOCKQUOTE_START);
re!(INDENT, "^(?:\\t| {4})");
re!(
    FENCED_CODEBLOCK,
    format!("^((~){{3,}}){S}*?(({NS}+?)(?:\\?{NS}*)?)?{S}*?\\n((?s:.*?))^\\1\\2*{S}*?\\n")
);
re!(
    GFM_FENCED_CODEBLOCK,
    format!("^ {{0,3}}(([~`]){{3,}}){S}*?(({NS}+?)(?:\\?{NS}*)?)?{S}*?\\n((?s:.*?))^ {{0,3}}\\1\\2*{S}*?\\n")
);
re!(
    BLOCK_MATH_START,
    "^ {0,3}(\\\\)?\\$\\$((?s:.*?))\\$\\$([ \\t\\r\\n\\x0B\\x0C]*?\\n)?"
);
re!(MATH_ESCAPE, "^ {0,3}\\\\");
re!(
    LINK_DEFINITION_START,
    "^ {0,3}\\[([^\\n\\]]+)\\]:[ \\t]*(?:<(.*?)>|([^\\n]*?[^ \\t\\n\\r\\x0B\\x0C][^\\n]*?))(?:(?:[ \\t]*?\\n|[ \\t]+?)[ \\t]*?([\"'])(.+?)\\4)?[ \\t]*?\\n"
);
re!(LINK_DEF_TITLE_IN_URL, "[ \\t]+[\"']");
re!(ABBREV_DEFINITION_START, "^ {0,3}\\*\\[(.+?)\\]:(.*?)\\n");
re!(
    FOOTNOTE_DEFINITION_START,
    format!("^ {{0,3}}\\[\\^({})\\]:", ald_id_name())
);
re!(LINE_START_HTML, format!("^ {{0,3}}<({}|!--|/)", uname()));
re!(BLOCK_EXTENSIONS_START, "^ {0,3}\\{:");
re!(TABLE_START, "^ {0,3}(?=\\S)(?:\\||.*?[^\\\\\\n]\\|).*?\\n");

pub fn normalize_link_id(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut in_ws = false;
    for c in id.chars() {
        if super::scan::is_ruby_space(c) && c != '\0' {
            if !in_ws {
                out.push(' ');
            }
            in_ws = true;
        } else {
            in_ws = false;
            out.extend(c.to_lowercase());
        }
    }
    out
}

impl Parser {
    pub fn new(opts: Options) -> Parser {
        let mut link_defs = HashMap::new();
        for (id, url, title) in &opts.link_defs {
            link_defs.insert(
                normalize_link_id(id),
                LinkDef {
                    url: url.clone(),
                    title: title.clone(),
                    ial: None,
                },
            );
        }
        Parser {
            opts,
            link_defs,
            alds: HashMap::new(),
            footnotes: IndexMap::new(),
            abbrev_defs: IndexMap::new(),
            abbrev_attrs: HashMap::new(),
            block_ial: None,
            depth: 0,
            gfm_id_counter: HashMap::new(),
            list_patterns: HashMap::new(),
            span_budget: 0,
            dynamic_patterns: HashMap::new(),
            smartypants: false,
        }
    }

    /// Parses a whole document into a root element (kramdown's `parse`).
    pub fn parse_document(&mut self, source: &str) -> El {
        let mut text = source.replace("\r\n", "\n").replace('\r', "\n");
        // Ruby's `chomp!` removes one line ending; then exactly one newline ends the text.
        if text.ends_with('\n') {
            text.pop();
        }
        text.push('\n');
        self.span_budget = 2_000_000 + 20 * text.len() as u64;
        let mut root = El::new(Kind::Root);
        let mut src = Src::new(text);
        self.parse_blocks(&mut root, &mut src);
        self.update_tree(&mut root);
        let names: Vec<String> = self.footnotes.keys().cloned().collect();
        for name in names {
            // Footnote contents get their spans parsed after the main text.
            let mut content =
                std::mem::replace(&mut self.footnotes[&name].content, El::new(Kind::Temp));
            self.update_tree(&mut content);
            self.footnotes[&name].content = content;
        }
        self.replace_abbreviations_everywhere(&mut root);
        if self.opts.gfm {
            self.gfm_update_elements(&mut root);
            let names: Vec<String> = self.footnotes.keys().cloned().collect();
            for name in names {
                let mut content =
                    std::mem::replace(&mut self.footnotes[&name].content, El::new(Kind::Temp));
                self.gfm_update_elements(&mut content);
                self.footnotes[&name].content = content;
            }
        }
        root
    }

    /// Parses blocks from `src` into `tree` until the source ends or a closing tag of the
    /// enclosing HTML element is found (returns `true` then).
    pub fn parse_blocks(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let saved_ial = self.block_ial.take();
        self.depth += 1;
        let mut stopped = false;
        while !src.eos() {
            let mut handled = false;
            let parsers: &[BlockParser] = if self.smartypants {
                &SMARTYPANTS_BLOCK_PARSERS
            } else {
                &BLOCK_PARSERS
            };
            for &p in parsers {
                match self.try_block_parser(p, tree, src) {
                    Step::Handled => {
                        handled = true;
                        break;
                    }
                    Step::NotHandled => {}
                    Step::Stop => {
                        stopped = true;
                        handled = true;
                        break;
                    }
                }
            }
            if stopped {
                break;
            }
            if !handled {
                // No parser took the line (e.g. a lone space line): keep it as text.
                let end = src.line_end();
                let line = src.s[src.pos..end].to_string();
                src.pos = end;
                tree.add_text(&line, Kind::RawText);
            }
        }
        self.depth -= 1;
        self.block_ial = saved_ial;
        stopped
    }

    fn try_block_parser(&mut self, p: BlockParser, tree: &mut El, src: &mut Src) -> Step {
        let gfm = self.opts.gfm;
        let ok = |b: bool| if b { Step::Handled } else { Step::NotHandled };
        if !may_start(p, &src.s, src.pos, gfm) {
            return Step::NotHandled;
        }
        match p {
            BlockParser::BlankLine => ok(self.parse_blank_line(tree, src)),
            BlockParser::Codeblock => ok(self.parse_codeblock(tree, src)),
            BlockParser::CodeblockFenced => {
                if gfm {
                    ok(self.parse_fenced(tree, src, &GFM_FENCED_CODEBLOCK))
                } else {
                    ok(self.parse_fenced(tree, src, &FENCED_CODEBLOCK))
                }
            }
            BlockParser::Blockquote => ok(self.depth < MAX_DEPTH
                && src.check(&BLOCKQUOTE)
                && self.parse_blockquote(tree, src)),
            BlockParser::AtxHeader => ok(self.parse_atx_header(tree, src)),
            BlockParser::HorizontalRule => ok(self.parse_hr(tree, src)),
            BlockParser::List => {
                ok(self.depth < MAX_DEPTH && src.check(&LIST_START) && self.parse_list(tree, src))
            }
            BlockParser::DefinitionList => ok(self.depth < MAX_DEPTH
                && src.check(&DEFINITION_LIST_START)
                && self.parse_definition_list(tree, src)),
            BlockParser::BlockHtml => {
                if self.depth < MAX_DEPTH && src.check(&LINE_START_HTML) {
                    self.parse_block_html(tree, src)
                } else {
                    Step::NotHandled
                }
            }
            BlockParser::SetextHeader => ok(self.parse_setext_header(tree, src)),
            BlockParser::BlockMath => ok(self.parse_block_math(tree, src)),
            BlockParser::Table => ok(src.check(&TABLE_START) && self.parse_table(tree, src)),
            BlockParser::FootnoteDefinition => ok(self.depth < MAX_DEPTH
                && src.check(&FOOTNOTE_DEFINITION_START)
                && self.parse_footnote_definition(tree, src)),
            BlockParser::LinkDefinition => ok(self.parse_link_definition(tree, src)),
            BlockParser::AbbrevDefinition => ok(self.parse_abbrev_definition(tree, src)),
            BlockParser::BlockExtensions => {
                ok(src.check(&BLOCK_EXTENSIONS_START) && self.parse_block_extensions(tree, src))
            }
            BlockParser::EobMarker => {
                if src.scan(&EOB_MARKER).is_some() {
                    let mut el = self.new_block_el(El::new(Kind::Eob));
                    el.opts.eob = Some(EobKind::Marker);
                    tree.children.push(el);
                    Step::Handled
                } else {
                    Step::NotHandled
                }
            }
            BlockParser::Paragraph => {
                ok(paragraph_start(&src.s, src.pos) && self.parse_paragraph(tree, src))
            }
            BlockParser::Content => {
                let end = src.line_end();
                let line = src.s[src.pos..end].to_string();
                src.pos = end;
                tree.add_text(&line, Kind::RawText);
                Step::Handled
            }
        }
    }

    /// A pattern compiled once per parse.
    pub fn pattern(&mut self, pattern: String) -> std::rc::Rc<Re> {
        if let Some(r) = self.dynamic_patterns.get(&pattern) {
            return r.clone();
        }
        let r = std::rc::Rc::new(Re::new(&pattern));
        self.dynamic_patterns.insert(pattern, r.clone());
        r
    }

    /// Gives a new block element the pending block IAL.
    pub fn new_block_el(&mut self, mut el: El) -> El {
        if let Some(ial) = self.block_ial.take() {
            el.opts.ial = Some(ial);
        }
        el
    }

    pub fn after_block_boundary(&self, tree: &El) -> bool {
        match tree.children.last() {
            None => true,
            Some(l) => {
                l.kind == Kind::Blank
                    || (l.kind == Kind::Eob && l.opts.eob == Some(EobKind::Marker))
                    || self.block_ial.is_some()
            }
        }
    }

    fn parse_blank_line(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let Some(end) = lines::blank_lines_end(&src.s, src.pos) else {
            return false;
        };
        let text = &src.s[src.pos..end];
        src.pos = end;
        if let Some(last) = tree.children.last_mut() {
            if last.kind == Kind::Blank {
                last.value.push_str(text);
                return true;
            }
        }
        let el = self.new_block_el(El::with_value(Kind::Blank, text));
        tree.children.push(el);
        true
    }

    fn paragraph_end(&self) -> &'static Re {
        if self.opts.gfm && self.opts.gfm_quirk_paragraph_end {
            &PARAGRAPH_END_GFM
        } else {
            &PARAGRAPH_END
        }
    }

    fn parse_paragraph(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let start = src.pos;
        let Some(first_end) = lines::line_end(&src.s, src.pos) else {
            return false;
        };
        src.pos = first_end;
        let end_re = self.paragraph_end();
        while !(src.eos() || (may_end_paragraph(&src.s, src.pos) && src.check(end_re))) {
            match lines::line_end(&src.s, src.pos) {
                Some(end) => src.pos = end,
                None => break,
            }
        }
        // The paragraph's lines are contiguous in the source.
        let result = rstrip(&src.s[start..src.pos]);
        if let Some(last) = tree.children.last_mut() {
            if last.kind == Kind::P {
                let joiner = if start >= 3 && src.s.as_bytes()[start - 3..start] == *b"  \n" {
                    "  \n"
                } else {
                    "\n"
                };
                match last.children.last_mut() {
                    Some(t) if t.kind == Kind::RawText => {
                        t.value.push_str(joiner);
                        t.value.push_str(result);
                    }
                    _ => last.add_text(result, Kind::RawText),
                }
                return true;
            }
        }
        let mut p = self.new_block_el(El::new(Kind::P));
        p.add_text(lstrip(result), Kind::RawText);
        tree.children.push(p);
        true
    }

    fn header_contents(&self, contents: &str) -> (String, Option<String>) {
        let text = rstrip(contents);
        if let Some(c) = HEADER_ID.find_from(text, 0) {
            let id = c.str(text, 1).to_string();
            let t = rstrip(&text[..c.start()]).to_string();
            return (t, Some(id));
        }
        (text.to_string(), None)
    }

    fn add_header(&mut self, tree: &mut El, level: usize, text: String, id: Option<String>) {
        let mut el = self.new_block_el(El::new(Kind::Header));
        el.opts.level = level as u8;
        el.opts.raw_text = Some(text.clone());
        el.add_text(&text, Kind::RawText);
        if let Some(id) = id {
            el.attr.insert("id".into(), id);
        }
        tree.children.push(el);
    }

    fn parse_setext_header(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let Some(c) = SETEXT_HEADER_START.at(&src.s, src.pos) else {
            return false;
        };
        if !self.after_block_boundary(tree) {
            return false;
        }
        let (text, id) = self.header_contents(c.str(&src.s, 1));
        if text.is_empty() {
            return false;
        }
        let level = if c.str(&src.s, 2) == "-" { 2 } else { 1 };
        src.pos = c.end();
        self.add_header(tree, level, text, id);
        true
    }

    fn parse_atx_header(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let gfm = self.opts.gfm;
        let quirk = gfm && self.opts.gfm_quirk_paragraph_end;
        let re: &Re = if gfm {
            &GFM_ATX_HEADER_START
        } else {
            &ATX_HEADER_START
        };
        let Some(c) = re.at(&src.s, src.pos) else {
            return false;
        };
        if !quirk && !self.after_block_boundary(tree) {
            return false;
        }
        let (mut text, id) = self.header_contents(c.str(&src.s, 2));
        let trailing: &Re = if quirk {
            &GFM_ATX_TRAILING_HASHES
        } else {
            &ATX_TRAILING_HASHES
        };
        if let Some(m) = trailing.find_from(&text, 0) {
            text = rstrip(&text[..m.start()]).to_string();
        }
        if text.is_empty() {
            return false;
        }
        let level = c.str(&src.s, 1).len();
        src.pos = c.end();
        self.add_header(tree, level, text, id);
        true
    }

    fn parse_blockquote(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let start = src.pos;
        if let Some(end) = lines::line_end(&src.s, src.pos) {
            src.pos = end;
        }
        while !src.eos() && !src.check(&LAZY_END) {
            match lines::line_end(&src.s, src.pos) {
                Some(end) => src.pos = end,
                None => break,
            }
        }
        let result = &src.s[start..src.pos];
        let content = BLOCKQUOTE.replace_all(result, |_, _| String::new());
        let mut el = self.new_block_el(El::new(Kind::Blockquote));
        let mut inner = Src::new(content);
        self.parse_blocks(&mut el, &mut inner);
        tree.children.push(el);
        true
    }

    /// Length of kramdown's indented-code-block match at `pos` (CODEBLOCK_MATCH): runs of
    /// optional blank lines, indented lines, then lazy non-blank lines.
    pub fn codeblock_match_len(s: &str, pos: usize) -> usize {
        let mut p = pos;
        loop {
            let unit_start = p;
            let mut q = p;
            if let Some(end) = lines::blank_lines_end(s, q) {
                q = end;
            }
            let mut indented = 0;
            while let Some(end) = indented_line(s, q) {
                q = end;
                indented += 1;
            }
            if indented == 0 {
                return unit_start - pos;
            }
            while let Some(end) = lazy_code_line(s, q) {
                q = end;
            }
            if q == unit_start {
                return q - pos;
            }
            p = q;
        }
    }

    fn parse_codeblock(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let len = Self::codeblock_match_len(&src.s, src.pos);
        if len == 0 {
            return false;
        }
        let data = src.s[src.pos..src.pos + len].to_string();
        src.pos += len;
        re!(LAZY_LINE_JOIN, "\\n( {0,3}\\S)");
        let data = LAZY_LINE_JOIN.replace_all(&data, |c, s| format!(" {}", c.str(s, 1)));
        let data = INDENT.replace_all(&data, |_, _| String::new());
        let el = self.new_block_el(El::with_value(Kind::Codeblock, data));
        tree.children.push(el);
        true
    }

    fn parse_fenced(&mut self, tree: &mut El, src: &mut Src, re: &Re) -> bool {
        let found = lines::try_fenced_codeblock(&src.s, src.pos, self.opts.gfm)
            .unwrap_or_else(|| re.at(&src.s, src.pos));
        let Some(c) = found else {
            return false;
        };
        let mut el = self.new_block_el(El::with_value(Kind::Codeblock, c.str(&src.s, 5)));
        let lang = super::scan::strip(c.str(&src.s, 3));
        if !lang.is_empty() {
            el.opts.lang = Some(lang.to_string());
            el.attr
                .insert("class".into(), format!("language-{}", c.str(&src.s, 4)));
        }
        src.pos = c.end();
        tree.children.push(el);
        true
    }

    fn parse_hr(&mut self, tree: &mut El, src: &mut Src) -> bool {
        if src.scan(&HR_START).is_none() {
            return false;
        }
        let el = self.new_block_el(El::new(Kind::Hr));
        tree.children.push(el);
        true
    }

    fn parse_block_math(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let Some(c) = BLOCK_MATH_START.at(&src.s, src.pos) else {
            return false;
        };
        if !self.after_block_boundary(tree) {
            return false;
        }
        if c.has(1) {
            if c.has(3) {
                src.scan(&MATH_ESCAPE);
            }
            return false;
        }
        let saved = src.pos;
        src.pos = c.end();
        let data = super::scan::strip(c.str(&src.s, 2)).to_string();
        if src.check(&BLOCK_BOUNDARY) {
            let mut el = self.new_block_el(El::with_value(Kind::Math, data));
            el.opts.span = false;
            tree.children.push(el);
            true
        } else {
            src.pos = saved;
            false
        }
    }

    fn parse_footnote_definition(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let Some(c) = FOOTNOTE_DEFINITION_START.at(&src.s, src.pos) else {
            return false;
        };
        let name = c.str(&src.s, 1).to_string();
        // `\s*?(.*?\n CODEBLOCK_MATCH)`: the rest of the first line, then indented lines.
        let p = c.end();
        let line_end = match src.s[p..].find('\n') {
            Some(i) => p + i + 1,
            None => return false,
        };
        let body_end = line_end + Self::codeblock_match_len(&src.s, line_end);
        let body = src.s[p..body_end].to_string();
        src.pos = body_end;
        let body = INDENT.replace_all(&body, |_, _| String::new());
        let mut el = El::new(Kind::Temp);
        let mut inner = Src::new(body);
        self.parse_blocks(&mut el, &mut inner);
        let mut eob = self.new_block_el(El::with_value(Kind::Eob, name.clone()));
        eob.opts.eob = Some(EobKind::FootnoteDef);
        tree.children.push(eob);
        self.footnotes.insert(
            name,
            FootnoteDef {
                content: el,
                referenced: false,
            },
        );
        true
    }

    fn parse_link_definition(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let Some(c) = LINK_DEFINITION_START.at(&src.s, src.pos) else {
            return false;
        };
        if c.has(3) && LINK_DEF_TITLE_IN_URL.is_match(c.str(&src.s, 3)) {
            return false;
        }
        let id = normalize_link_id(c.str(&src.s, 1));
        let url = c
            .get(&src.s, 2)
            .or(c.get(&src.s, 3))
            .unwrap_or("")
            .to_string();
        let title = c.get(&src.s, 5).map(str::to_string);
        src.pos = c.end();
        let mut eob = self.new_block_el(El::with_value(Kind::Eob, id.clone()));
        eob.opts.eob = Some(EobKind::LinkDef);
        let ial = eob.opts.ial.clone();
        tree.children.push(eob);
        self.link_defs.insert(id, LinkDef { url, title, ial });
        true
    }

    fn parse_abbrev_definition(&mut self, tree: &mut El, src: &mut Src) -> bool {
        let Some(c) = ABBREV_DEFINITION_START.at(&src.s, src.pos) else {
            return false;
        };
        let id = c.str(&src.s, 1).to_string();
        let text = super::scan::strip(c.str(&src.s, 2)).to_string();
        src.pos = c.end();
        let mut eob = self.new_block_el(El::with_value(Kind::Eob, id.clone()));
        eob.opts.eob = Some(EobKind::AbbrevDef);
        tree.children.push(eob);
        self.abbrev_defs.insert(id.clone(), text);
        self.abbrev_attrs.insert(id, Attrs::new());
        true
    }
}

/// Whether a block parser can possibly match at line start `p`: a byte test implied by the
/// parser's start pattern, so that the patterns run only where they may match.
fn may_start(parser: BlockParser, s: &str, p: usize, gfm: bool) -> bool {
    let b = s.as_bytes();
    let i = lines::after_indent(b, p);
    let at = |k: usize| b.get(i + k).copied();
    match parser {
        // `(?:^\s*\n)+`
        BlockParser::BlankLine => b.get(p).is_some_and(|&c| lines::is_space(c)),
        // `^(?:\t| {4})`
        BlockParser::Codeblock => lines::is_indent(s, p),
        BlockParser::CodeblockFenced => lines::is_fence_start(s, p, gfm),
        // `^ {0,3}> ?`
        BlockParser::Blockquote => at(0) == Some(b'>'),
        // `^(#{1,6})...`
        BlockParser::AtxHeader => b.get(p) == Some(&b'#'),
        // `^ {0,3}(\*|-|_)...`
        BlockParser::HorizontalRule => matches!(at(0), Some(b'*' | b'-' | b'_')),
        // `^( {0,3}[+*-])...|^( {0,3}[0-9]+\.)...`
        BlockParser::List => {
            at(0).is_some_and(|c| matches!(c, b'+' | b'*' | b'-') || c.is_ascii_digit())
        }
        // `^( {0,3}:)...`
        BlockParser::DefinitionList => at(0) == Some(b':'),
        // `^ {0,3}<(...)`
        BlockParser::BlockHtml => at(0) == Some(b'<'),
        BlockParser::SetextHeader => may_be_setext(b, i),
        // `^ {0,3}(\\)?\$\$...`
        BlockParser::BlockMath => matches!(at(0), Some(b'$' | b'\\')),
        // `^ {0,3}(?=\S)(?:\||.*?[^\\\n]\|).*?\n`: a pipe on the line.
        BlockParser::Table => b[p..]
            .iter()
            .take_while(|&&c| c != b'\n')
            .any(|&c| c == b'|'),
        // `^ {0,3}\[\^...`
        BlockParser::FootnoteDefinition => at(0) == Some(b'[') && at(1) == Some(b'^'),
        // `^ {0,3}\[...`
        BlockParser::LinkDefinition => at(0) == Some(b'['),
        // `^ {0,3}\*\[...`
        BlockParser::AbbrevDefinition => at(0) == Some(b'*') && at(1) == Some(b'['),
        // `^ {0,3}\{:`
        BlockParser::BlockExtensions => at(0) == Some(b'{') && at(1) == Some(b':'),
        // `^\^...`
        BlockParser::EobMarker => b.get(p) == Some(&b'^'),
        BlockParser::Paragraph | BlockParser::Content => true,
    }
}

/// The setext header pattern `^ {0,3}([^ \t].*)\n([-=])...` needs a `-` or `=` to start the
/// line after the header text, which starts at `i` (after the indentation).
fn may_be_setext(b: &[u8], i: usize) -> bool {
    match b.get(i) {
        None | Some(b' ' | b'\t') => false,
        // `[^ \t]` may be the newline itself: leave that to the pattern.
        Some(b'\n') => true,
        Some(_) => match b[i..].iter().position(|&c| c == b'\n') {
            Some(k) => matches!(b.get(i + k + 1), Some(b'-' | b'=')),
            None => false,
        },
    }
}

/// `^ {0,3}[^ \t].*?\n` at `p` (PARAGRAPH_START).
fn paragraph_start(s: &str, p: usize) -> bool {
    let b = s.as_bytes();
    let i = lines::after_indent(b, p);
    match b.get(i) {
        None | Some(b' ' | b'\t') => false,
        // `[^ \t]` takes the newline, and `.*?\n` needs the next line's.
        Some(b'\n') => b[i + 1..].contains(&b'\n'),
        Some(_) => b[i..].contains(&b'\n'),
    }
}

/// Cheap test before the paragraph-end pattern: every alternative of it (blank line, IAL,
/// EOB marker, HTML tag, and GFM's list/header/quote/fence starts) begins, after at most three
/// spaces, with one of these characters (or the text ends).
fn may_end_paragraph(s: &str, p: usize) -> bool {
    let b = s.as_bytes();
    let mut i = p;
    while i < b.len() && i < p + 3 && b[i] == b' ' {
        i += 1;
    }
    match b.get(i) {
        None => true,
        Some(c) => {
            matches!(
                c,
                b' ' | b'\t'
                    | b'\n'
                    | b'\r'
                    | b'\x0b'
                    | b'\x0c'
                    | b'{'
                    | b'^'
                    | b'<'
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'#'
                    | b':'
                    | b'>'
                    | b'~'
                    | b'`'
            ) || c.is_ascii_digit()
                || s[i..].starts_with("\n")
        }
    }
}

/// An indented code line at `p` (`INDENT[ \t]*\S.*\n`); returns the end of the line.
fn indented_line(s: &str, p: usize) -> Option<usize> {
    let b = s.as_bytes();
    let after = if b.get(p) == Some(&b'\t') {
        p + 1
    } else if s[p..].starts_with("    ") {
        p + 4
    } else {
        return None;
    };
    non_blank_line(s, after)
}

/// `[ \t]*\S.*\n` at `p`: a line with some non-whitespace; returns its end.
fn non_blank_line(s: &str, p: usize) -> Option<usize> {
    let nl = s[p..].find('\n')? + p;
    let line = &s[p..nl];
    let t = line.trim_start_matches([' ', '\t']);
    let first = t.chars().next()?;
    if super::scan::is_ruby_space(first) && first != '\0' {
        return None;
    }
    Some(nl + 1)
}

re!(
    CODE_LAZY_EXCLUDE,
    format!(
        "{}|{EOB}|^ {{0,3}}{}|^ {{0,3}}{}",
        ial_block_start(),
        lazy_end_html_stop(),
        lazy_end_html_start()
    )
);

fn lazy_code_line(s: &str, p: usize) -> Option<usize> {
    if CODE_LAZY_EXCLUDE.is_at(s, p) {
        return None;
    }
    non_blank_line(s, p)
}
