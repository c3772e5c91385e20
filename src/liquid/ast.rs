//! The parsed template tree.

use super::expr::Expr;
use super::Tag;

/// A sequence of nodes (Liquid's `BlockBody`). `blank` is true when it holds only
/// whitespace text and tags that print nothing; Liquid discards such a block's output.
pub struct Body {
    pub(crate) nodes: Vec<Node>,
    pub(crate) blank: bool,
}

impl Default for Body {
    fn default() -> Self {
        Body {
            nodes: Vec::new(),
            blank: true,
        }
    }
}

impl Body {
    pub(crate) fn new_blank() -> Self {
        Body::default()
    }

    /// Renders this body (for custom block tags).
    pub fn render(&self, ctx: &mut super::Context, out: &mut String) -> super::LResult<()> {
        ctx.render_body(self, out)
    }
}

pub(crate) enum Node {
    Text(String),
    Output(Output),
    Tag(Box<TagNode>),
}

/// `{{ expr | filter: args }}` (Liquid's `Variable`).
pub(crate) struct Output {
    pub expr: Expr,
    pub filters: Vec<FilterCall>,
    pub line: usize,
}

pub(crate) struct FilterCall {
    pub name: String,
    pub args: Vec<Expr>,
    pub kwargs: Vec<(String, Expr)>,
    /// What `name` means, found once by the parser instead of on every call.
    pub target: FilterTarget,
}

/// A filter name resolved against the engine's registry.
pub(crate) enum FilterTarget {
    /// Not resolved (outputs built outside the parser): looked up by name when called.
    ByName,
    /// A registered filter (these override standard filters of the same name).
    Custom(super::FilterEntry),
    Standard(super::filters::Std),
    /// Neither: the input passes through, or an error with `strict_filters`.
    Unknown,
}

pub(crate) struct TagNode {
    pub line: usize,
    pub kind: TagKind,
    pub blank: bool,
}

impl TagNode {
    pub fn blank(&self) -> bool {
        self.blank
    }

    /// Whether this is a block (its output is dropped when blank).
    pub fn is_block(&self) -> bool {
        matches!(
            self.kind,
            TagKind::Capture { .. }
                | TagKind::If { .. }
                | TagKind::Case { .. }
                | TagKind::For(_)
                | TagKind::Tablerow(_)
                | TagKind::Raw(_)
                | TagKind::Comment
                | TagKind::Ifchanged(_)
                | TagKind::CustomBlock(_)
        )
    }
}

pub(crate) enum TagKind {
    Assign {
        to: String,
        from: Output,
    },
    Capture {
        to: String,
        body: Body,
    },
    If {
        branches: Vec<Branch>,
        unless: bool,
    },
    Case {
        left: Expr,
        branches: Vec<CaseBranch>,
    },
    For(Box<ForTag>),
    Tablerow(Box<TablerowTag>),
    Cycle {
        key: CycleKey,
        values: Vec<Expr>,
    },
    Increment(String),
    Decrement(String),
    Break,
    Continue,
    Raw(String),
    Comment,
    Ifchanged(Body),
    Include(Box<IncludeTag>),
    Custom(Box<dyn Tag>),
    /// A registered block tag (its body was parsed up to `end<name>`).
    CustomBlock(Box<dyn Tag>),
}

pub(crate) struct Branch {
    /// None for `else`.
    pub cond: Option<Condition>,
    pub body: Body,
}

pub(crate) enum CaseBranchKind {
    When(Vec<Expr>),
    Else,
}

pub(crate) struct CaseBranch {
    pub kind: CaseBranchKind,
    pub body: Body,
}

/// `left op right`, chained to the right with `and`/`or`.
pub(crate) struct Condition {
    pub left: Expr,
    pub op: Option<String>,
    pub right: Expr,
    /// (is_and, rest)
    pub child: Option<(bool, Box<Condition>)>,
}

pub(crate) enum ForOffset {
    Continue,
    Expr(Expr),
}

pub(crate) struct ForTag {
    pub var: String,
    /// `"item-collection"`: the key `offset: continue` remembers positions under
    /// (shared with each render's `forloop.name`).
    pub name: std::sync::Arc<str>,
    pub collection: Expr,
    pub reversed: bool,
    pub limit: Option<Expr>,
    pub offset: Option<ForOffset>,
    pub body: Body,
    pub else_body: Option<Body>,
}

impl ForTag {
    pub fn new(var: String, name: String, collection: Expr, reversed: bool) -> Self {
        ForTag {
            var,
            name: name.into(),
            collection,
            reversed,
            limit: None,
            offset: None,
            body: Body::new_blank(),
            else_body: None,
        }
    }
}

pub(crate) struct TablerowTag {
    pub var: String,
    pub collection: Expr,
    pub attrs: Vec<(String, Expr)>,
    pub body: Body,
}

pub(crate) enum CycleKey {
    /// Unnamed cycles share state by their literal values (or per tag if not literal).
    /// Holds the key of `Context::cycles`, prefixed `s:` at parse time.
    Static(String),
    Named(Expr),
}

pub(crate) struct IncludeTag {
    pub name: Expr,
    pub variable: Option<Expr>,
    pub attrs: Vec<(String, Expr)>,
}
