//! Builds a small node tree from yaml-rust2's event stream.
//!
//! Psych converts YAML to Ruby in two steps: libyaml's events become a node tree, then the
//! tree is visited. Some of Psych's rules look at the *node* rather than the value (a merge key
//! `<<` merges an alias or a mapping but not a tagged scalar; a quoted scalar is never
//! resolved), so we keep the same two steps. Building the whole document first also gives
//! Psych's error order: a syntax error anywhere in the document wins over a conversion error.

use yaml_rust2::parser::{Event, Parser, Tag};
use yaml_rust2::scanner::{Marker, ScanError, TScalarStyle};

use crate::Error;

/// Deeper nesting than this is refused: building and dropping values is recursive, and a
/// hostile file must not overflow the stack. Real Jekyll data never comes close.
pub(crate) const MAX_DEPTH: usize = 400;

#[derive(Debug)]
pub(crate) struct Node {
    pub kind: NodeKind,
    /// The resolved tag (`tag:yaml.org,2002:str` for `!!str`, `!foo` for `!foo`).
    pub tag: Option<String>,
    /// yaml-rust2's anchor id; 0 when the node has no anchor.
    pub anchor: usize,
    /// 1-based line where the node starts.
    pub line: usize,
    /// Character offset where the node starts.
    pub index: usize,
}

#[derive(Debug)]
pub(crate) enum NodeKind {
    Scalar {
        value: String,
        plain: bool,
        block: bool,
    },
    Sequence(Vec<Node>),
    /// Key/value pairs in document order.
    Mapping(Vec<(Node, Node)>),
    /// Refers to the anchor id of an earlier node.
    Alias(usize),
}

/// A syntax error in Psych's words: `(<unknown>): <problem> at line L column C`.
pub(crate) fn syntax_error(e: &ScanError) -> Error {
    let m = e.marker();
    if e.info().contains("unknown anchor") {
        // Psych parses first and raises `BadAlias` (not a syntax error) while building.
        let mut err = Error::new("Unknown alias");
        err.line = Some(m.line().max(1));
        return err;
    }
    let mut err = Error::new(format!(
        "(<unknown>): {} at line {} column {}",
        e.info(),
        m.line(),
        m.col() + 1
    ));
    err.line = Some(m.line().max(1));
    err
}

fn tag_string(tag: Option<Tag>) -> Option<String> {
    tag.map(|t| format!("{}{}", t.handle, t.suffix))
}

/// Reads documents one at a time from a parser.
pub(crate) struct DocumentReader<'a> {
    src: &'a str,
    parser: Parser<std::str::Chars<'a>>,
    finished: bool,
}

/// A container being filled while events arrive.
enum Open {
    Sequence {
        items: Vec<Node>,
        tag: Option<String>,
        anchor: usize,
        line: usize,
        index: usize,
    },
    Mapping {
        pairs: Vec<(Node, Node)>,
        key: Option<Node>,
        tag: Option<String>,
        anchor: usize,
        line: usize,
        index: usize,
    },
}

impl<'a> DocumentReader<'a> {
    pub fn new(src: &'a str) -> Self {
        let src = trim_blank_last_line(src);
        DocumentReader {
            src,
            parser: Parser::new_from_str(src),
            finished: false,
        }
    }

    /// Whether the stream has nothing after the current document. Errors further on are
    /// Psych's business only when it reads that far, so they count as "something".
    fn at_stream_end(&mut self) -> bool {
        matches!(self.parser.peek(), Ok((Event::StreamEnd, _)))
    }

    fn next_event(&mut self) -> Result<(Event, Marker), Error> {
        self.parser.next_token().map_err(|e| syntax_error(&e))
    }

    /// The next document's root node: `Ok(None)` at the end of the stream, `Some(None)` for
    /// a document with no content at all (which can only be the implicit empty stream).
    pub fn next_document(&mut self) -> Result<Option<Node>, Error> {
        if self.finished {
            return Ok(None);
        }
        loop {
            let (event, _) = self.next_event()?;
            match event {
                Event::StreamStart | Event::Nothing => continue,
                Event::StreamEnd => {
                    self.finished = true;
                    return Ok(None);
                }
                Event::DocumentStart => break,
                other => {
                    return Err(Error::new(format!(
                        "(<unknown>): unexpected YAML event {other:?}"
                    )));
                }
            }
        }
        let root = self.read_node()?;
        // Consume the document end so that the next call starts at the next document.
        let (event, marker) = self.next_event()?;
        if !matches!(event, Event::DocumentEnd) {
            let mut err = Error::new(format!(
                "(<unknown>): did not find expected document end at line {}",
                marker.line()
            ));
            err.line = Some(marker.line());
            return Err(err);
        }
        let mut root = root;
        if self.at_stream_end() {
            if let Some(value) = last_block_scalar(&mut root) {
                fix_block_scalar_at_eof(value, self.src);
            }
        }
        Ok(Some(root))
    }

    /// Reads one complete node; containers are filled iteratively so that depth never
    /// costs Rust stack.
    fn read_node(&mut self) -> Result<Node, Error> {
        let mut stack: Vec<Open> = Vec::new();
        loop {
            let (event, marker) = self.next_event()?;
            let line = marker.line().max(1);
            let finished = match event {
                Event::Scalar(value, style, anchor, tag) => Node {
                    kind: NodeKind::Scalar {
                        value,
                        plain: style == TScalarStyle::Plain,
                        block: matches!(style, TScalarStyle::Literal | TScalarStyle::Folded),
                    },
                    tag: tag_string(tag),
                    anchor,
                    line,
                    index: marker.index(),
                },
                Event::Alias(id) => Node {
                    kind: NodeKind::Alias(id),
                    tag: None,
                    anchor: 0,
                    line,
                    index: marker.index(),
                },
                Event::SequenceStart(anchor, tag) => {
                    check_depth(stack.len(), line)?;
                    stack.push(Open::Sequence {
                        items: Vec::new(),
                        tag: tag_string(tag),
                        anchor,
                        line,
                        index: marker.index(),
                    });
                    continue;
                }
                Event::MappingStart(anchor, tag) => {
                    check_depth(stack.len(), line)?;
                    stack.push(Open::Mapping {
                        pairs: Vec::new(),
                        key: None,
                        tag: tag_string(tag),
                        anchor,
                        line,
                        index: marker.index(),
                    });
                    continue;
                }
                Event::SequenceEnd => match stack.pop() {
                    Some(Open::Sequence {
                        items,
                        tag,
                        anchor,
                        line,
                        index,
                    }) => Node {
                        kind: NodeKind::Sequence(items),
                        tag,
                        anchor,
                        line,
                        index,
                    },
                    _ => return Err(unbalanced(line)),
                },
                Event::MappingEnd => match stack.pop() {
                    Some(Open::Mapping {
                        pairs,
                        key: None,
                        tag,
                        anchor,
                        line,
                        index,
                    }) => Node {
                        kind: NodeKind::Mapping(pairs),
                        tag,
                        anchor,
                        line,
                        index,
                    },
                    _ => return Err(unbalanced(line)),
                },
                _ => return Err(unbalanced(line)),
            };
            match stack.last_mut() {
                None => return Ok(finished),
                Some(Open::Sequence { items, .. }) => items.push(finished),
                Some(Open::Mapping { pairs, key, .. }) => match key.take() {
                    None => {
                        self.check_key_present(&finished)?;
                        *key = Some(finished)
                    }
                    Some(k) => pairs.push((k, finished)),
                },
            }
        }
    }
}

impl DocumentReader<'_> {
    /// libyaml refuses a mapping entry that starts with `:` (no key and no `?`), where
    /// yaml-rust2 reads an empty key; such an entry shows as an empty plain key that sits on
    /// the `:` itself.
    fn check_key_present(&self, key: &Node) -> Result<(), Error> {
        let empty =
            matches!(&key.kind, NodeKind::Scalar { value, plain: true, .. } if value.is_empty());
        if !empty || key.tag.is_some() || key.anchor != 0 {
            return Ok(());
        }
        let before: Vec<char> = self.src.chars().take(key.index + 1).collect();
        if before.last() != Some(&':') {
            return Ok(());
        }
        let explicit = before[..before.len() - 1]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace())
            == Some(&'?');
        if explicit {
            return Ok(());
        }
        let mut err =
            Error::new(format!(
            "(<unknown>): did not find expected key while parsing a mapping at line {} column {}",
            key.line,
            before.iter().rev().skip(1).take_while(|c| **c != '\n').count() + 1
        ));
        err.line = Some(key.line);
        Err(err)
    }
}

/// A last line of only blanks without a line break adds nothing in libyaml, but yaml-rust2
/// reads it as one more (empty) line of a block scalar.
fn trim_blank_last_line(src: &str) -> &str {
    let last_line = src.rsplit('\n').next().unwrap_or("");
    if !last_line.is_empty() && last_line.chars().all(|c| c == ' ' || c == '\t') {
        &src[..src.len() - last_line.len()]
    } else {
        src
    }
}

/// The document's last leaf, when it is a block scalar (the only scalar that can run up to
/// the end of the input).
fn last_block_scalar(node: &mut Node) -> Option<&mut String> {
    let mut cur = node;
    loop {
        match &mut cur.kind {
            NodeKind::Mapping(pairs) => cur = &mut pairs.last_mut()?.1,
            NodeKind::Sequence(items) => cur = items.last_mut()?,
            NodeKind::Scalar {
                value, block: true, ..
            } => return Some(value),
            _ => return None,
        }
    }
}

/// yaml-rust2 and libyaml disagree on a block scalar that runs to the end of the input:
/// yaml-rust2 adds a line break that is not there (`|` then `x` without a final newline), and
/// gives `"\n"` for a block scalar with no content line at all, where libyaml gives `""`
/// (or, with the `+` indicator, exactly the blank lines that follow).
fn fix_block_scalar_at_eof(value: &mut String, src: &str) {
    if value.chars().all(|c| c == '\n') {
        let mut lines: Vec<&str> = src.split('\n').collect();
        let mut blank_breaks: usize = 0;
        while lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty()) {
            lines.pop();
            blank_breaks += 1;
        }
        // `blank_breaks` counts the header's own line break too.
        let header = lines.last().copied().unwrap_or("");
        let indicator = header
            .rfind(['|', '>'])
            .map(|i| &header[i + 1..])
            .unwrap_or("");
        let keep = indicator.split('#').next().unwrap_or("").contains('+');
        *value = if keep {
            "\n".repeat(blank_breaks.saturating_sub(1))
        } else {
            String::new()
        };
        return;
    }
    if !src.ends_with('\n') && last_line_can_continue_scalar(src) && value.ends_with('\n') {
        value.pop();
    }
}

/// Whether the unterminated last line may be content of a block scalar rather than a
/// comment that is less indented than the line before it, or a document marker.
fn last_line_can_continue_scalar(src: &str) -> bool {
    let mut lines = src.rsplit('\n');
    let last = lines.next().unwrap_or("");
    if last.starts_with("---") || last.starts_with("...") {
        return false;
    }
    let indent = |l: &str| l.len() - l.trim_start().len();
    if last.trim_start().starts_with('#') {
        let previous = lines.find(|l| !l.trim().is_empty()).unwrap_or("");
        return indent(last) >= indent(previous) && indent(last) > 0;
    }
    true
}

fn check_depth(depth: usize, line: usize) -> Result<(), Error> {
    if depth >= MAX_DEPTH {
        let mut err = Error::new(format!(
            "(<unknown>): nesting deeper than {MAX_DEPTH} levels at line {line}"
        ));
        err.line = Some(line);
        return Err(err);
    }
    Ok(())
}

fn unbalanced(line: usize) -> Error {
    let mut err = Error::new(format!(
        "(<unknown>): unbalanced YAML events at line {line}"
    ));
    err.line = Some(line);
    err
}
