//! Builds a small node tree from libyaml's events.
//!
//! Psych converts YAML to Ruby in two steps: events become a node tree, then the tree is
//! visited. Some of Psych's rules look at the *node* rather than the value (a merge key `<<`
//! merges an alias or a mapping; a quoted scalar is never resolved), so we keep the same two
//! steps. Building the whole document first also gives Psych's error order: a syntax error
//! anywhere in the document wins over an error raised while building values.

use super::libyaml::{Event, EventKind, EventParser, ScalarStyle, SyntaxError};
use crate::Error;

/// Deeper nesting than this is refused: building and dropping values is recursive, and a
/// hostile file must not overflow the stack. Real Jekyll data never comes close.
pub(crate) const MAX_DEPTH: usize = 400;

#[derive(Debug)]
pub(crate) struct Node {
    pub kind: NodeKind,
    /// The tag as libyaml resolves it (`tag:yaml.org,2002:str` for `!!str`).
    pub tag: Option<String>,
    pub anchor: Option<String>,
    /// 1-based line where the node starts.
    pub line: usize,
}

#[derive(Debug)]
pub(crate) enum NodeKind {
    /// `quoted`: untagged and not plain; Psych never resolves such a scalar.
    Scalar {
        value: String,
        quoted: bool,
    },
    Sequence(Vec<Node>),
    /// Key/value pairs in document order.
    Mapping(Vec<(Node, Node)>),
    /// Refers to the most recent node with this anchor.
    Alias(String),
}

/// A syntax error in Psych's words: `(<unknown>): <problem> <context> at line L column C`.
/// Psych always prints libyaml's context mark (line 1 column 1 when there is no context);
/// the error's `line` is the problem mark's, where the offending text is.
fn syntax_error(e: SyntaxError) -> Error {
    let what = match &e.context {
        Some(context) => format!("{} {}", e.problem, context),
        None => e.problem.clone(),
    };
    let mut err = Error::new(format!(
        "(<unknown>): {} at line {} column {}",
        what,
        e.context_mark.line + 1,
        e.context_mark.column + 1
    ));
    err.line = Some(e.problem_mark.line + 1);
    err
}

/// Reads documents one at a time.
pub(crate) struct DocumentReader<'a> {
    parser: EventParser<'a>,
    finished: bool,
}

/// A container being filled while events arrive.
enum Open {
    Sequence {
        items: Vec<Node>,
        tag: Option<String>,
        anchor: Option<String>,
        line: usize,
    },
    Mapping {
        pairs: Vec<(Node, Node)>,
        key: Option<Node>,
        tag: Option<String>,
        anchor: Option<String>,
        line: usize,
    },
}

impl<'a> DocumentReader<'a> {
    pub fn new(src: &'a str) -> Self {
        DocumentReader {
            parser: EventParser::new(src.as_bytes()),
            finished: false,
        }
    }

    fn next_event(&mut self) -> Result<Event, Error> {
        self.parser.next_event().map_err(syntax_error)
    }

    /// The next document's root node, or `None` at the end of the stream.
    pub fn next_document(&mut self) -> Result<Option<Node>, Error> {
        if self.finished {
            return Ok(None);
        }
        loop {
            let event = self.next_event()?;
            match event.kind {
                EventKind::StreamStart => continue,
                EventKind::StreamEnd => {
                    self.finished = true;
                    return Ok(None);
                }
                EventKind::DocumentStart => break,
                _ => return Err(unbalanced(event.start.line + 1)),
            }
        }
        let root = self.read_node()?;
        let end = self.next_event()?;
        if !matches!(end.kind, EventKind::DocumentEnd) {
            return Err(unbalanced(end.start.line + 1));
        }
        Ok(Some(root))
    }

    /// Reads one complete node; containers are filled iteratively so that depth never
    /// costs Rust stack.
    fn read_node(&mut self) -> Result<Node, Error> {
        let mut stack: Vec<Open> = Vec::new();
        loop {
            let event = self.next_event()?;
            let line = event.start.line + 1;
            let finished = match event.kind {
                EventKind::Scalar {
                    anchor,
                    tag,
                    value,
                    quoted_implicit,
                    style,
                } => Node {
                    kind: NodeKind::Scalar {
                        value,
                        quoted: quoted_implicit && style != ScalarStyle::Plain,
                    },
                    tag,
                    anchor,
                    line,
                },
                EventKind::Alias { anchor } => Node {
                    kind: NodeKind::Alias(anchor),
                    tag: None,
                    anchor: None,
                    line,
                },
                EventKind::SequenceStart { anchor, tag } => {
                    check_depth(stack.len(), line)?;
                    stack.push(Open::Sequence {
                        items: Vec::new(),
                        tag,
                        anchor,
                        line,
                    });
                    continue;
                }
                EventKind::MappingStart { anchor, tag } => {
                    check_depth(stack.len(), line)?;
                    stack.push(Open::Mapping {
                        pairs: Vec::new(),
                        key: None,
                        tag,
                        anchor,
                        line,
                    });
                    continue;
                }
                EventKind::SequenceEnd => match stack.pop() {
                    Some(Open::Sequence {
                        items,
                        tag,
                        anchor,
                        line,
                    }) => Node {
                        kind: NodeKind::Sequence(items),
                        tag,
                        anchor,
                        line,
                    },
                    _ => return Err(unbalanced(line)),
                },
                EventKind::MappingEnd => match stack.pop() {
                    Some(Open::Mapping {
                        pairs,
                        key: None,
                        tag,
                        anchor,
                        line,
                    }) => Node {
                        kind: NodeKind::Mapping(pairs),
                        tag,
                        anchor,
                        line,
                    },
                    _ => return Err(unbalanced(line)),
                },
                _ => return Err(unbalanced(line)),
            };
            match stack.last_mut() {
                None => return Ok(finished),
                Some(Open::Sequence { items, .. }) => items.push(finished),
                Some(Open::Mapping { pairs, key, .. }) => match key.take() {
                    None => *key = Some(finished),
                    Some(k) => pairs.push((k, finished)),
                },
            }
        }
    }
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
    let mut err = Error::new(format!("(<unknown>): unexpected YAML event at line {line}"));
    err.line = Some(line);
    err
}
