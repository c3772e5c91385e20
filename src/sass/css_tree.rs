//! A small tree of the CSS grass prints in `expanded` style: the input of the libsass-style
//! emitter. grass's output is well-formed CSS, so this parser only needs to respect strings,
//! comments, parentheses and `url(...)` while splitting statements.

use super::positions::{Origin, MARKER_PREFIX};

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A loud comment, `/* ... */` included.
    Comment(String),
    Declaration {
        property: String,
        /// The value as written after `: ` (custom properties: everything after `:`).
        value: String,
        /// The declaration as written (source maps only).
        origin: Option<Origin>,
    },
    Rule {
        selector: String,
        children: Vec<Node>,
        /// The style rule as written (source maps only).
        origin: Option<Origin>,
        /// The `@media` rule as written that this rule is printed in (source maps only).
        media: Option<Origin>,
    },
    AtRule {
        /// With its `@`, e.g. `@media`.
        name: String,
        prelude: String,
        children: Option<Vec<Node>>,
        /// The at-rule as written (blocks of CSS at-rules, source maps only).
        origin: Option<Origin>,
    },
}

pub fn parse(css: &str) -> Vec<Node> {
    let mut parser = Parser {
        s: css.as_bytes(),
        src: css,
        i: 0,
    };
    parser.block().0
}

/// The markers found directly in a block.
#[derive(Default)]
struct Marks {
    rule: Option<Origin>,
    media: Option<Origin>,
    at_rule: Option<Origin>,
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
}

impl Parser<'_> {
    /// The nodes of a block, and the rule marker found in it.
    fn block(&mut self) -> (Vec<Node>, Marks) {
        let mut nodes = Vec::new();
        let mut marks = Marks::default();
        let mut decl_origin = None;
        loop {
            while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
            if self.i >= self.s.len() {
                return (nodes, marks);
            }
            if self.s[self.i] == b'}' {
                self.i += 1;
                return (nodes, marks);
            }
            if self.s[self.i..].starts_with(b"/*") {
                let start = self.i;
                self.i = find_comment_end(self.s, self.i);
                let text = &self.src[start..self.i];
                match parse_marker(text) {
                    Some((b'R', origin)) => marks.rule = Some(origin),
                    Some((b'M', origin)) => marks.media = Some(origin),
                    Some((b'A', origin)) => marks.at_rule = Some(origin),
                    Some((_, origin)) => decl_origin = Some(origin),
                    None => nodes.push(Node::Comment(text.to_string())),
                }
                continue;
            }
            let start = self.i;
            let end = self.statement_end();
            // Custom property values keep their trailing whitespace, as libsass prints it.
            let raw = self.src[start..end].trim_start();
            let text = if raw.starts_with("--") {
                raw
            } else {
                raw.trim_end()
            };
            let terminator = self.s.get(end).copied();
            self.i = (end + 1).min(self.s.len());
            match terminator {
                Some(b'{') => {
                    let (children, marks) = self.block();
                    nodes.push(block_node(text, children, marks));
                }
                Some(b'}') => {
                    if !text.is_empty() {
                        nodes.push(statement_node(text, decl_origin.take()));
                    }
                    return (nodes, marks);
                }
                _ => {
                    if !text.is_empty() {
                        nodes.push(statement_node(text, decl_origin.take()));
                    }
                }
            }
        }
    }

    /// Index of the `{`, `;` or `}` ending the statement starting at `self.i`.
    fn statement_end(&self) -> usize {
        let s = self.s;
        let mut p = self.i;
        let mut depth = 0usize;
        while p < s.len() {
            match s[p] {
                b'"' | b'\'' => {
                    let q = s[p];
                    p += 1;
                    while p < s.len() && s[p] != q {
                        if s[p] == b'\\' {
                            p += 1;
                        }
                        p += 1;
                    }
                }
                b'/' if s.get(p + 1) == Some(&b'*') => {
                    p = find_comment_end(s, p);
                    continue;
                }
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b'{' | b';' | b'}' if depth == 0 => return p,
                _ => {}
            }
            p += 1;
        }
        s.len()
    }
}

fn find_comment_end(s: &[u8], start: usize) -> usize {
    let mut p = start + 2;
    while p + 1 < s.len() {
        if s[p] == b'*' && s[p + 1] == b'/' {
            return p + 2;
        }
        p += 1;
    }
    s.len()
}

/// `/*@hyde:R3:12*/` → (`R`, file 3, index 12).
fn parse_marker(comment: &str) -> Option<(u8, Origin)> {
    let body = comment.strip_prefix(MARKER_PREFIX)?.strip_suffix("*/")?;
    let kind = *body.as_bytes().first()?;
    let (file, index) = body[1..].split_once(':')?;
    Some((
        kind,
        Origin {
            file: file.parse().ok()?,
            index: index.parse().ok()?,
        },
    ))
}

fn block_node(prelude: &str, mut children: Vec<Node>, marks: Marks) -> Node {
    if prelude.starts_with('@') {
        let (name, rest) = split_at_rule(prelude);
        // A `@media` block's own marker goes to its first rule.
        if let Some(mark) = marks.media {
            if let Some(Node::Rule { media, .. }) = children
                .iter_mut()
                .find(|c| matches!(c, Node::Rule { media: None, .. }))
            {
                *media = Some(mark);
            }
        }
        Node::AtRule {
            name,
            prelude: rest,
            children: Some(children),
            origin: marks.at_rule,
        }
    } else {
        Node::Rule {
            selector: prelude.to_string(),
            children,
            origin: marks.rule,
            media: marks.media,
        }
    }
}

fn statement_node(text: &str, origin: Option<Origin>) -> Node {
    if text.starts_with('@') {
        let (name, rest) = split_at_rule(text);
        return Node::AtRule {
            name,
            prelude: rest,
            children: None,
            origin: None,
        };
    }
    let (property, value) = match text.find(':') {
        Some(colon) => {
            let property = text[..colon].trim_end().to_string();
            let after = &text[colon + 1..];
            let value = if property.starts_with("--") {
                after.to_string()
            } else {
                after.trim_start().to_string()
            };
            (property, value)
        }
        None => (text.to_string(), String::new()),
    };
    Node::Declaration {
        property,
        value,
        origin,
    }
}

fn split_at_rule(text: &str) -> (String, String) {
    let end = text
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '"' || *c == '\'')
        .map_or(text.len(), |(i, _)| i);
    (text[..end].to_string(), text[end..].trim().to_string())
}
