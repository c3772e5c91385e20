//! A small tree of the CSS grass prints in `expanded` style: the input of the libsass-style
//! emitter. grass's output is well-formed CSS, so this parser only needs to respect strings,
//! comments, parentheses and `url(...)` while splitting statements.

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// A loud comment, `/* ... */` included.
    Comment(String),
    Declaration {
        property: String,
        /// The value as written after `: ` (custom properties: everything after `:`).
        value: String,
    },
    Rule {
        selector: String,
        children: Vec<Node>,
    },
    AtRule {
        /// With its `@`, e.g. `@media`.
        name: String,
        prelude: String,
        children: Option<Vec<Node>>,
    },
}

pub fn parse(css: &str) -> Vec<Node> {
    let mut parser = Parser {
        s: css.as_bytes(),
        src: css,
        i: 0,
    };
    parser.block()
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn block(&mut self) -> Vec<Node> {
        let mut nodes = Vec::new();
        loop {
            while self.i < self.s.len() && self.s[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
            if self.i >= self.s.len() {
                return nodes;
            }
            if self.s[self.i] == b'}' {
                self.i += 1;
                return nodes;
            }
            if self.s[self.i..].starts_with(b"/*") {
                let start = self.i;
                self.i = find_comment_end(self.s, self.i);
                nodes.push(Node::Comment(self.src[start..self.i].to_string()));
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
                    let children = self.block();
                    nodes.push(block_node(text, children));
                }
                Some(b'}') => {
                    if !text.is_empty() {
                        nodes.push(statement_node(text));
                    }
                    return nodes;
                }
                _ => {
                    if !text.is_empty() {
                        nodes.push(statement_node(text));
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

fn block_node(prelude: &str, children: Vec<Node>) -> Node {
    if prelude.starts_with('@') {
        let (name, rest) = split_at_rule(prelude);
        Node::AtRule {
            name,
            prelude: rest,
            children: Some(children),
        }
    } else {
        Node::Rule {
            selector: prelude.to_string(),
            children,
        }
    }
}

fn statement_node(text: &str) -> Node {
    if text.starts_with('@') {
        let (name, rest) = split_at_rule(text);
        return Node::AtRule {
            name,
            prelude: rest,
            children: None,
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
    Node::Declaration { property, value }
}

fn split_at_rule(text: &str) -> (String, String) {
    let end = text
        .char_indices()
        .skip(1)
        .find(|(_, c)| c.is_whitespace() || *c == '(' || *c == '"' || *c == '\'')
        .map_or(text.len(), |(i, _)| i);
    (text[..end].to_string(), text[end..].trim().to_string())
}
