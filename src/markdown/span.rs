//! The span-level parser: kramdown's span parsers tried in order wherever one may start.

use super::element::{El, Ial, Kind};
use super::entities;
use super::parser::{normalize_link_id, Parser, Src};
use super::patterns::*;
use super::scan::{next_char, re, Re};

/// Deeper span nesting than this is kept as text (bounded recursion).
const MAX_SPAN_DEPTH: usize = 120;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SpanParser {
    Emphasis,
    Codespan,
    Autolink,
    SpanHtml,
    FootnoteMarker,
    Link,
    SmartQuotes,
    InlineMath,
    SpanExtensions,
    HtmlEntity,
    TypographicSyms,
    LineBreak,
    EscapedChars,
    Strikethrough,
}

pub const ALL: &[SpanParser] = &[
    SpanParser::Emphasis,
    SpanParser::Codespan,
    SpanParser::Autolink,
    SpanParser::SpanHtml,
    SpanParser::FootnoteMarker,
    SpanParser::Link,
    SpanParser::SmartQuotes,
    SpanParser::InlineMath,
    SpanParser::SpanExtensions,
    SpanParser::HtmlEntity,
    SpanParser::TypographicSyms,
    SpanParser::LineBreak,
    SpanParser::EscapedChars,
    SpanParser::Strikethrough,
];

/// The span parsers of Jekyll's `Kramdown::Parser::SmartyPants`, in its order.
const SMARTYPANTS: &[SpanParser] = &[
    SpanParser::SmartQuotes,
    SpanParser::HtmlEntity,
    SpanParser::TypographicSyms,
    SpanParser::SpanHtml,
];

/// What ends a nested span parse, with the state its end condition needs.
pub enum Stop {
    /// Closing bracket of link text: the bracket balance.
    Link(i32),
    /// Emphasis delimiter.
    Emph {
        delim: String,
        elem: Kind,
        underscore: bool,
    },
    /// A closing HTML tag.
    Html(std::rc::Rc<Re>),
}

/// The parse environment: open elements (for nesting rules) and the text kind to create.
pub struct SpanEnv {
    pub stack: Vec<Kind>,
    pub text_kind: Kind,
    pub parsers: Vec<SpanParser>,
}

re!(
    AUTOLINK,
    "<(((?:mailto|https?|ftps?)):.+?|[\\p{Alphabetic}\\p{Nd}_.-]+?@[\\p{Alphabetic}\\p{Nd}_.-]+?)>"
);
re!(HTML_SPAN_START, format!("<({}|!--|/)", uname()));
re!(FOOTNOTE_MARKER, format!("\\[\\^({})\\]", ald_id_name()));
re!(SMART_QUOTES_START, "[^\\\\]?[\"']");
re!(INLINE_MATH, "\\$\\$((?s:.*?))\\$\\$");
re!(TYPO_SYMS, "---|--|\\.\\.\\.|\\\\<<|\\\\>>|<< | >>|<<|>>");
re!(LINE_BREAK, "(?:  |\\\\\\\\)(?=\\n)");
re!(ESCAPED, "\\\\([\\\\.*_+`<>()\\[\\]{}#!:|\"'$=-])");
re!(ESCAPED_GFM, "\\\\([\\\\.*_+`<>()\\[\\]{}#!:|\"'$=\\-~])");
re!(
    STRIKE,
    "~~(?![ \\t\\n\\r\\x0B\\x0C~])(?s:.*?)[^ \\t\\n\\r\\x0B\\x0C~]~~"
);
re!(LINK_BRACKET_STOP, "(\\])|!?\\[");
re!(LINK_INLINE_ID, format!("{S}*?\\[([^\\]]+)?\\]"));
re!(LINK_ANGLE_URL, "\\(<(.*?)>");
re!(
    LINK_INLINE_TITLE,
    format!("{S}*?([\"'])((?s:.+?))\\1{S}*?\\)")
);

const SQ_PUNCT: &str = "[!\"#$%'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]";
const SQ_CLOSE: &str = "[^ \\\\\\t\\r\\n\\[{(-]";

/// Smart quote substitutions: a group index to keep as text, or the quote to emit
/// (`Q1`/`Q2` choose by the quote character in group 1/2).
#[derive(Clone, Copy)]
enum Sq {
    Text(usize),
    LeftQ(usize),
    RightQ(usize),
    Ldquo,
    Lsquo,
    Rsquo,
}

static SQ_RULES: once_cell::sync::Lazy<Vec<(Re, Vec<Sq>)>> = once_cell::sync::Lazy::new(|| {
    vec![
        (
            Re::new("(\"|')(?=[_*]{1,2}[^ \\t\\n\\r\\x0B\\x0C])"),
            vec![Sq::LeftQ(1)],
        ),
        (
            Re::new(&format!("(\"|')(?={SQ_PUNCT}(?!\\.\\.)\\B)")),
            vec![Sq::RightQ(1)],
        ),
        (
            Re::new(&format!("({S}?)\"'(?=[0-9A-Za-z_])")),
            vec![Sq::Text(1), Sq::Ldquo, Sq::Lsquo],
        ),
        (
            Re::new(&format!("({S}?)'\"(?=[0-9A-Za-z_])")),
            vec![Sq::Text(1), Sq::Lsquo, Sq::Ldquo],
        ),
        (
            Re::new(&format!("({S}?)'(?=[0-9][0-9]s)")),
            vec![Sq::Text(1), Sq::Rsquo],
        ),
        (
            Re::new(&format!("({S})('|\")(?=[0-9A-Za-z_])")),
            vec![Sq::Text(1), Sq::LeftQ(2)],
        ),
        (
            Re::new(&format!("({SQ_CLOSE})('|\")")),
            vec![Sq::Text(1), Sq::RightQ(2)],
        ),
        (
            Re::new(&format!("(\"|')(?={S}|s\\b|$)")),
            vec![Sq::RightQ(1)],
        ),
        (Re::new("((?s:.)?)'"), vec![Sq::Text(1), Sq::Lsquo]),
        (Re::new("((?s:.)?)\""), vec![Sq::Text(1), Sq::Ldquo]),
    ]
});

/// Bytes at which some span parser or stop pattern may match.
static CANDIDATE: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b"*_`<[]!\"'$&{-.> \\~";
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
};

/// Whether a span parser could start at `p` (kramdown's combined span-start pattern).
fn starts_here(s: &str, p: usize, parsers: &[SpanParser]) -> bool {
    let b = s.as_bytes();
    let c = b[p];
    let next = b.get(p + 1).copied();
    parsers.iter().any(|sp| match sp {
        SpanParser::Emphasis => c == b'*' || c == b'_',
        SpanParser::Codespan => c == b'`',
        SpanParser::Autolink | SpanParser::SpanHtml => c == b'<',
        SpanParser::FootnoteMarker => c == b'[',
        SpanParser::Link => c == b'[' || (c == b'!' && next == Some(b'[')),
        SpanParser::SmartQuotes => {
            c == b'"' || c == b'\'' || {
                let n = next_char(s, p);
                c != b'\\' && matches!(b.get(n), Some(b'"') | Some(b'\''))
            }
        }
        SpanParser::InlineMath => c == b'$',
        SpanParser::SpanExtensions => c == b'{' && next == Some(b':'),
        SpanParser::HtmlEntity => c == b'&',
        SpanParser::TypographicSyms => {
            let r = &b[p..];
            r.starts_with(b"--")
                || r.starts_with(b"...")
                || r.starts_with(b"<<")
                || r.starts_with(b">>")
                || ((c == b'\\' || c == b' ')
                    && (r[1..].starts_with(b"<<") || r[1..].starts_with(b">>")))
        }
        SpanParser::LineBreak => {
            let r = &b[p..];
            r.starts_with(b"  \n") || r.starts_with(b"\\\\\n")
        }
        SpanParser::EscapedChars => c == b'\\',
        SpanParser::Strikethrough => c == b'~' && next == Some(b'~'),
    })
}

/// Length of the emphasis delimiter at `p` (`\*\*?|__?`; `starts_here` saw `*` or `_`).
fn emphasis_delim_len(s: &str, p: usize) -> usize {
    let b = s.as_bytes();
    if b.get(p + 1) == Some(&b[p]) {
        2
    } else {
        1
    }
}

/// Length of a link or image start at `p` (`!?\[(?=[^^])`).
fn link_start_len(s: &str, p: usize) -> Option<usize> {
    let b = s.as_bytes();
    let len = if b.get(p) == Some(&b'!') { 2 } else { 1 };
    (b.get(p + len - 1) == Some(&b'[') && b.get(p + len).is_some_and(|&c| c != b'^')).then_some(len)
}

/// Whether Ruby's `\s` is at `p`.
fn is_space_at(s: &str, p: usize) -> bool {
    s.as_bytes()
        .get(p)
        .is_some_and(|&c| super::lines::is_space(c))
}

/// The next stop of an inline link's URL at or after `p` (`(\()|(\))|\s(?=['"])`): the
/// position after it and the parenthesis, or a space for whitespace before a quote.
fn link_paren_stop(s: &str, p: usize) -> Option<(usize, u8)> {
    let b = s.as_bytes();
    (p..b.len()).find_map(|k| match b[k] {
        c @ (b'(' | b')') => Some((k + 1, c)),
        c if super::lines::is_space(c) && matches!(b.get(k + 1), Some(b'"' | b'\'')) => {
            Some((k + 1, b' '))
        }
        _ => None,
    })
}

fn is_alpha(c: char) -> bool {
    c.is_alphabetic()
}

impl Parser {
    pub fn span_parsers(&self) -> Vec<SpanParser> {
        if self.smartypants {
            return SMARTYPANTS.to_vec();
        }
        ALL.iter()
            .copied()
            .filter(|p| match p {
                SpanParser::Strikethrough => self.opts.gfm,
                SpanParser::LineBreak => !(self.opts.gfm && self.opts.hard_wrap),
                SpanParser::TypographicSyms => {
                    !(self.opts.gfm && self.opts.gfm_quirk_no_auto_typographic)
                }
                _ => true,
            })
            .collect()
    }

    /// Parses the spans of `text` into `el` (all span parsers, `Text` text).
    pub fn parse_span_text(&mut self, el: &mut El, text: &str) {
        let mut src = Src::new(text);
        let mut env = SpanEnv {
            stack: vec![el.kind],
            text_kind: Kind::Text,
            parsers: self.span_parsers(),
        };
        self.parse_spans(el, &mut src, None, &mut env);
    }

    fn stop_matches(stop: &Stop, src: &Src) -> bool {
        match stop {
            Stop::Link(_) => LINK_BRACKET_STOP.is_at(&src.s, src.pos),
            Stop::Emph { delim, .. } => src.rest().starts_with(delim.as_str()),
            Stop::Html(re) => re.is_at(&src.s, src.pos),
        }
    }

    /// The end condition kramdown evaluates when the stop pattern matches.
    fn stop_condition(stop: &mut Stop, el: &El, src: &Src) -> bool {
        match stop {
            Stop::Link(count) => {
                *count += if src.rest().starts_with(']') { -1 } else { 1 };
                let imgs = el.children.iter().filter(|c| c.kind == Kind::Img).count() as i32;
                *count - imgs == 0
            }
            Stop::Emph {
                delim,
                elem,
                underscore,
            } => {
                let before = src.s[..src.pos].chars().next_back();
                if before.is_some_and(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')) {
                    return false;
                }
                let rest = src.rest();
                if *elem == Kind::Em {
                    let dd = format!("{delim}{delim}");
                    if rest.starts_with(&dd) && !rest[dd.len()..].starts_with(delim.as_str()) {
                        return false;
                    }
                }
                if *underscore {
                    let after = rest[delim.len()..].chars().next();
                    if after.is_some_and(|c| c.is_alphanumeric()) {
                        return false;
                    }
                }
                !el.children.is_empty()
            }
            Stop::Html(_) => true,
        }
    }

    /// kramdown's `parse_spans`: returns whether the stop condition was met.
    pub fn parse_spans(
        &mut self,
        el: &mut El,
        src: &mut Src,
        mut stop: Option<&mut Stop>,
        env: &mut SpanEnv,
    ) -> bool {
        let mut found = false;
        let too_deep = env.stack.len() > MAX_SPAN_DEPTH;
        while !src.eos() && !found {
            // Find the next position where the stop pattern or a span parser may match.
            let mut p = src.pos;
            let len = src.s.len();
            let mut hit = None;
            let bytes = src.s.as_bytes();
            while p < len {
                // Cheap filter: only these bytes (or a byte before a quote) can start anything.
                let b = bytes[p];
                let candidate = CANDIDATE[b as usize]
                    || matches!(bytes.get(p + 1), Some(b'"') | Some(b'\''))
                    || (b >= 0x80 && matches!(bytes.get(p + 2), Some(b'"') | Some(b'\'')));
                if !candidate || !src.s.is_char_boundary(p) {
                    p += 1;
                    continue;
                }
                let stop_here = stop
                    .as_ref()
                    .is_some_and(|st| Self::stop_matches_at(st, &src.s, p));
                if stop_here || (!too_deep && starts_here(&src.s, p, &env.parsers)) {
                    hit = Some(p);
                    break;
                }
                p += 1;
            }
            let Some(p) = hit else {
                if stop.is_none() {
                    let rest = src.s[src.pos..].to_string();
                    el.add_text(&rest, env.text_kind);
                    src.pos = len;
                }
                break;
            };
            if stop.is_some() {
                // Nested parses may rescan text many times (kramdown is quadratic on
                // unclosed delimiters); a work budget keeps hostile input bounded.
                self.span_budget = self.span_budget.saturating_sub((p - src.pos) as u64 + 8);
            }
            if p > src.pos {
                let t = src.s[src.pos..p].to_string();
                el.add_text(&t, env.text_kind);
                src.pos = p;
            }
            if let Some(st) = stop.as_deref_mut() {
                if Self::stop_matches(st, src) {
                    found = Self::stop_condition(st, el, src);
                }
            }
            if found {
                break;
            }
            let mut processed = false;
            if !too_deep {
                let parsers = env.parsers.clone();
                for sp in parsers {
                    if starts_here(&src.s, src.pos, &[sp]) && self.span_parser_matches(sp, src) {
                        env.stack.push(el.kind);
                        self.run_span_parser(sp, el, src, env);
                        env.stack.pop();
                        processed = true;
                        break;
                    }
                }
            }
            if !processed {
                let n = next_char(&src.s, src.pos);
                let ch = src.s[src.pos..n].to_string();
                src.pos = n;
                el.add_text(&ch, env.text_kind);
            }
        }
        found
    }

    fn stop_matches_at(stop: &Stop, s: &str, p: usize) -> bool {
        match stop {
            Stop::Link(_) => matches!(s.as_bytes()[p], b']' | b'[') || s[p..].starts_with("!["),
            Stop::Emph { delim, .. } => s[p..].starts_with(delim.as_str()),
            Stop::Html(re) => s.as_bytes()[p] == b'<' && re.is_at(s, p),
        }
    }

    fn span_parser_matches(&self, sp: SpanParser, src: &Src) -> bool {
        let (s, p) = (&src.s, src.pos);
        match sp {
            // `starts_here` has seen the `*`/`_`, the backtick, `{:`, or the line break.
            SpanParser::Emphasis | SpanParser::Codespan => true,
            SpanParser::Autolink => AUTOLINK.is_at(s, p),
            SpanParser::SpanHtml => HTML_SPAN_START.is_at(s, p),
            SpanParser::FootnoteMarker => FOOTNOTE_MARKER.is_at(s, p),
            SpanParser::Link => link_start_len(s, p).is_some(),
            SpanParser::SmartQuotes => SMART_QUOTES_START.is_at(s, p),
            SpanParser::InlineMath => INLINE_MATH.is_at(s, p),
            SpanParser::SpanExtensions => true,
            SpanParser::HtmlEntity => HTML_ENTITY.is_at(s, p),
            SpanParser::TypographicSyms => TYPO_SYMS.is_at(s, p),
            SpanParser::LineBreak => true,
            SpanParser::EscapedChars => {
                if self.opts.gfm {
                    ESCAPED_GFM.is_at(s, p)
                } else {
                    ESCAPED.is_at(s, p)
                }
            }
            SpanParser::Strikethrough => STRIKE.is_at(s, p),
        }
    }

    fn run_span_parser(&mut self, sp: SpanParser, tree: &mut El, src: &mut Src, env: &mut SpanEnv) {
        match sp {
            SpanParser::Emphasis => self.parse_emphasis(tree, src, env),
            SpanParser::Codespan => self.parse_codespan(tree, src, env),
            SpanParser::Autolink => {
                let c = AUTOLINK.at(&src.s, src.pos).expect("checked");
                src.pos = c.end();
                let addr = c.str(&src.s, 1).to_string();
                let href = if c.has(2) {
                    addr.clone()
                } else {
                    format!("mailto:{addr}")
                };
                let mut a = El::new(Kind::A);
                a.attr.insert("href".into(), href);
                let text = addr.strip_prefix("mailto:").unwrap_or(&addr).to_string();
                a.add_text(&text, env.text_kind);
                tree.children.push(a);
            }
            SpanParser::SpanHtml => self.parse_span_html(tree, src, env),
            SpanParser::FootnoteMarker => {
                let c = FOOTNOTE_MARKER.at(&src.s, src.pos).expect("checked");
                src.pos = c.end();
                let name = c.str(&src.s, 1).to_string();
                if let Some(def) = self.footnotes.get_mut(&name) {
                    def.referenced = true;
                    let mut f = El::new(Kind::Footnote);
                    f.opts.name = Some(name);
                    tree.children.push(f);
                } else {
                    let m = src.s[c.start()..c.end()].to_string();
                    tree.add_text(&m, env.text_kind);
                }
            }
            SpanParser::Link => self.parse_link(tree, src, env),
            SpanParser::SmartQuotes => self.parse_smart_quotes(tree, src, env),
            SpanParser::InlineMath => {
                let c = INLINE_MATH.at(&src.s, src.pos).expect("checked");
                src.pos = c.end();
                let mut m = El::with_value(Kind::Math, super::scan::strip(c.str(&src.s, 1)));
                m.opts.span = true;
                tree.children.push(m);
            }
            SpanParser::SpanExtensions => self.parse_span_extension(tree, src),
            SpanParser::HtmlEntity => {
                let c = HTML_ENTITY.at(&src.s, src.pos).expect("checked");
                src.pos = c.end();
                let original = src.s[c.start()..c.end()].to_string();
                let ent = if let Some(name) = c.get(&src.s, 1) {
                    entities::by_name(name)
                } else if let Some(d) = c.get(&src.s, 2) {
                    Some(entities::by_code(d.parse::<u64>().unwrap_or(u64::MAX)))
                } else {
                    Some(entities::by_code(
                        u64::from_str_radix(c.str(&src.s, 3), 16).unwrap_or(u64::MAX),
                    ))
                };
                match ent {
                    Some(e) => {
                        let mut el = El::new(Kind::Entity);
                        el.opts.entity = Some(e);
                        el.opts.original = Some(original);
                        tree.children.push(el);
                    }
                    None => {
                        let mut el = El::new(Kind::Entity);
                        el.opts.entity = entities::by_name("amp");
                        tree.children.push(el);
                        tree.add_text(&original[1..], env.text_kind);
                    }
                }
            }
            SpanParser::TypographicSyms => {
                let c = TYPO_SYMS.at(&src.s, src.pos).expect("checked");
                src.pos = c.end();
                let m = &src.s[c.start()..c.end()];
                let sym = match m {
                    "---" => "mdash",
                    "--" => "ndash",
                    "..." => "hellip",
                    "<< " => "laquo_space",
                    " >>" => "raquo_space",
                    "<<" => "laquo",
                    ">>" => "raquo",
                    "\\<<" => "lt",
                    _ => "gt",
                };
                if sym == "lt" || sym == "gt" {
                    for _ in 0..2 {
                        let mut el = El::new(Kind::Entity);
                        el.opts.entity = entities::by_name(sym);
                        tree.children.push(el);
                    }
                } else {
                    tree.children
                        .push(El::with_value(Kind::TypographicSym, sym));
                }
            }
            SpanParser::LineBreak => {
                let c = LINE_BREAK.at(&src.s, src.pos).expect("checked");
                src.pos = c.end();
                tree.children.push(El::new(Kind::Br));
            }
            SpanParser::EscapedChars => {
                let re: &Re = if self.opts.gfm {
                    &ESCAPED_GFM
                } else {
                    &ESCAPED
                };
                let c = re.at(&src.s, src.pos).expect("checked");
                src.pos = c.end();
                let ch = c.str(&src.s, 1).to_string();
                tree.add_text(&ch, env.text_kind);
            }
            SpanParser::Strikethrough => {
                let c = STRIKE.at(&src.s, src.pos).expect("checked");
                src.pos = c.end();
                let inner = src.s[c.start() + 2..c.end() - 2].to_string();
                let mut del = El::html("del", true);
                let mut isrc = Src::new(inner);
                let mut ienv = SpanEnv {
                    stack: vec![Kind::HtmlElement],
                    text_kind: Kind::Text,
                    parsers: self.span_parsers(),
                };
                self.parse_spans(&mut del, &mut isrc, None, &mut ienv);
                tree.children.push(del);
            }
        }
    }

    fn parse_emphasis(&mut self, tree: &mut El, src: &mut Src, env: &mut SpanEnv) {
        let saved = src.pos;
        if self.span_budget == 0 {
            let end = src.pos + emphasis_delim_len(&src.s, src.pos);
            let t = src.s[src.pos..end].to_string();
            src.pos = end;
            tree.add_text(&t, env.text_kind);
            return;
        }
        let end = src.pos + emphasis_delim_len(&src.s, src.pos);
        let result = src.s[src.pos..end].to_string();
        src.pos = end;
        let element = if result.len() == 2 {
            Kind::Strong
        } else {
            Kind::Em
        };
        let underscore = result.starts_with('_');
        let before_alpha = {
            let mut it = src.s[..saved].chars().rev();
            match it.next() {
                Some(c) if is_alpha(c) => true,
                Some('-') => it.next().is_some_and(is_alpha),
                _ => false,
            }
        };
        if (underscore && before_alpha)
            || is_space_at(&src.s, src.pos)
            || env.stack.contains(&element)
            || tree.kind == element
        {
            tree.add_text(&result, env.text_kind);
            return;
        }
        let delim_char = &result[..1];
        let mut attempt =
            |this: &mut Parser, src: &mut Src, delim: &str, elem: Kind| -> (bool, El) {
                let mut el = El::new(elem);
                let mut stop = Stop::Emph {
                    delim: delim.to_string(),
                    elem,
                    underscore,
                };
                env.stack.push(tree.kind);
                let found = this.parse_spans(&mut el, src, Some(&mut stop), env);
                env.stack.pop();
                (found, el)
            };
        let (mut found, mut el) = attempt(self, src, &result, element);
        let mut delim = result.clone();
        if !found && element == Kind::Strong && tree.kind != Kind::Em {
            src.pos = saved + 1;
            delim = delim_char.to_string();
            let r = attempt(self, src, delim_char, Kind::Em);
            found = r.0;
            el = r.1;
        }
        if found {
            src.pos += delim.len();
            tree.children.push(el);
        } else {
            src.pos = saved + result.len();
            tree.add_text(&result, env.text_kind);
        }
    }

    fn parse_codespan(&mut self, tree: &mut El, src: &mut Src, env: &mut SpanEnv) {
        let start = src.pos;
        let ticks = src.s.as_bytes()[start..]
            .iter()
            .take_while(|&&c| c == b'`')
            .count();
        let result = src.s[start..start + ticks].to_string();
        src.pos = start + ticks;
        let simple = result.len() == 1;
        if simple {
            let pre = &src.s[..start];
            let pre_ok = pre.is_empty()
                || pre == "\n"
                || pre.ends_with(|c: char| super::scan::is_ruby_space(c) && c != '\0')
                || (pre.ends_with('\n')
                    && pre[..pre.len() - 1]
                        .ends_with(|c: char| super::scan::is_ruby_space(c) && c != '\0'));
            if pre_ok && is_space_at(&src.s, src.pos) {
                tree.add_text(&result, env.text_kind);
                return;
            }
        }
        match src.s[src.pos..].find(result.as_str()) {
            Some(i) => {
                let mut text = &src.s[src.pos..src.pos + i];
                src.pos += i + result.len();
                if !simple {
                    if let Some(t) = text.strip_prefix(' ') {
                        text = t;
                    }
                    if let Some(t) = text.strip_suffix(' ') {
                        text = t;
                    }
                }
                tree.children.push(El::with_value(Kind::Codespan, text));
            }
            None => tree.add_text(&result, env.text_kind),
        }
    }

    fn parse_link(&mut self, tree: &mut El, src: &mut Src, env: &mut SpanEnv) {
        let len = link_start_len(&src.s, src.pos).expect("checked");
        let result = src.s[src.pos..src.pos + len].to_string();
        src.pos += len;
        let cur_pos = src.pos;
        let saved = src.pos;
        let is_img = result.starts_with('!');
        if self.span_budget == 0
            || !is_img
                && (matches!(tree.kind, Kind::A | Kind::Img)
                    || env.stack.iter().any(|k| matches!(k, Kind::A | Kind::Img)))
        {
            tree.add_text(&result, env.text_kind);
            return;
        }
        let mut el = El::new(if is_img { Kind::Img } else { Kind::A });
        let mut stop = Stop::Link(1);
        env.stack.push(tree.kind);
        let found = self.parse_spans(&mut el, src, Some(&mut stop), env);
        env.stack.pop();
        if !found {
            src.pos = saved;
            tree.add_text(&result, env.text_kind);
            return;
        }
        let alt_text =
            ESCAPED.replace_all(&src.s[cur_pos..src.pos], |c, s| c.str(s, 1).to_string());
        src.scan(&LINK_BRACKET_STOP);
        let id_match = src.scan(&LINK_INLINE_ID);
        if id_match.is_some() || !src.rest().starts_with('(') {
            let id_text = id_match
                .as_ref()
                .and_then(|m| m.get(&src.s, 1))
                .map(str::to_string);
            let link_id = normalize_link_id(id_text.as_deref().unwrap_or(&alt_text));
            if let Some(def) = self.link_defs.get(&link_id) {
                let (url, title, ial) = (def.url.clone(), def.title.clone(), def.ial.clone());
                self.add_link(tree, el, url, title, &alt_text, ial);
            } else {
                src.pos = saved;
                tree.add_text(&result, env.text_kind);
            }
            return;
        }
        let mut link_url;
        if let Some(m) = src.scan(&LINK_ANGLE_URL) {
            link_url = m.str(&src.s, 1).to_string();
            if src.rest().starts_with(')') {
                src.pos += 1;
                self.add_link(tree, el, link_url, None, &alt_text, None);
                return;
            }
        } else {
            link_url = String::new();
            let mut brackets = 0;
            while let Some((end, stop)) = link_paren_stop(&src.s, src.pos) {
                link_url.push_str(&src.s[src.pos..end]);
                src.pos = end;
                match stop {
                    b')' => {
                        brackets -= 1;
                        if brackets == 0 {
                            break;
                        }
                    }
                    b'(' => brackets += 1,
                    _ => break,
                }
            }
            // Drop the opening parenthesis and the stop character.
            let mut chars = link_url.chars();
            chars.next();
            chars.next_back();
            link_url = super::scan::strip(chars.as_str()).to_string();
            if brackets == 0 {
                self.add_link(tree, el, link_url, None, &alt_text, None);
                return;
            }
        }
        if let Some(m) = src.scan(&LINK_INLINE_TITLE) {
            let title = m.str(&src.s, 2).to_string();
            self.add_link(tree, el, link_url, Some(title), &alt_text, None);
        } else {
            src.pos = saved;
            tree.add_text(&result, env.text_kind);
        }
    }

    fn add_link(
        &mut self,
        tree: &mut El,
        mut el: El,
        href: String,
        title: Option<String>,
        alt: &str,
        ial: Option<Ial>,
    ) {
        if let Some(ial) = &ial {
            self.update_attr_with_ial(&mut el.attr, ial);
        }
        el.opts.ial = ial;
        if el.kind == Kind::A {
            el.attr.insert("href".into(), href);
        } else {
            el.attr.insert("src".into(), href);
            el.attr.insert("alt".into(), alt.to_string());
            el.children.clear();
        }
        if let Some(t) = title {
            el.attr.insert("title".into(), t);
        }
        tree.children.push(el);
    }

    fn parse_smart_quotes(&mut self, tree: &mut El, src: &mut Src, env: &mut SpanEnv) {
        for (re, substs) in SQ_RULES.iter() {
            let Some(c) = re.at(&src.s, src.pos) else {
                continue;
            };
            src.pos = c.end();
            for sub in substs {
                let quote_name = |g: usize, left: bool| {
                    let q = c.str(&src.s, g);
                    match (q, left) {
                        ("\"", true) => "ldquo",
                        ("'", true) => "lsquo",
                        ("\"", false) => "rdquo",
                        _ => "rsquo",
                    }
                };
                match *sub {
                    Sq::Text(g) => {
                        let t = c.str(&src.s, g).to_string();
                        tree.add_text(&t, env.text_kind);
                    }
                    Sq::LeftQ(g) => tree
                        .children
                        .push(El::with_value(Kind::SmartQuote, quote_name(g, true))),
                    Sq::RightQ(g) => tree
                        .children
                        .push(El::with_value(Kind::SmartQuote, quote_name(g, false))),
                    Sq::Ldquo => tree
                        .children
                        .push(El::with_value(Kind::SmartQuote, "ldquo")),
                    Sq::Lsquo => tree
                        .children
                        .push(El::with_value(Kind::SmartQuote, "lsquo")),
                    Sq::Rsquo => tree
                        .children
                        .push(El::with_value(Kind::SmartQuote, "rsquo")),
                }
            }
            return;
        }
        // Unreachable in practice (the last rules always match); keep the character.
        let n = next_char(&src.s, src.pos);
        let ch = src.s[src.pos..n].to_string();
        src.pos = n;
        tree.add_text(&ch, env.text_kind);
    }
}
