//! The document tree the parser builds and the converter walks (kramdown's element model).

use indexmap::IndexMap;

pub type Attrs = IndexMap<String, String>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Root,
    Blank,
    Text,
    RawText,
    P,
    Header,
    Blockquote,
    Codeblock,
    Hr,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    HtmlElement,
    XmlComment,
    XmlPi,
    Comment,
    Raw,
    Math,
    Eob,
    Br,
    A,
    Img,
    Codespan,
    Footnote,
    Em,
    Strong,
    Entity,
    TypographicSym,
    SmartQuote,
    Abbreviation,
    Temp,
}

/// Why an end-of-block element exists; IALs after link/abbreviation/footnote definitions
/// attach to it (kramdown stores this as the `:eob` element's value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EobKind {
    Marker,
    Ial,
    Ald,
    LinkDef,
    AbbrevDef,
    FootnoteDef,
    Extension,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentModel {
    Block,
    Span,
    Raw,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Default,
    Left,
    Right,
    Center,
}

/// An inline attribute list: attributes in order, plus ALD references.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ial {
    pub attrs: Attrs,
    pub refs: Vec<String>,
}

/// An entity: its code point and kramdown's name for it, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityRef {
    pub code_point: u32,
    pub name: Option<&'static str>,
}

#[derive(Clone, Debug, Default)]
pub struct ElOptions {
    pub ial: Option<Ial>,
    pub level: u8,
    pub raw_text: Option<String>,
    pub transparent: bool,
    pub lang: Option<String>,
    /// true when the element sits in span context (HTML, math, comments, raw).
    pub span: bool,
    pub content_model: Option<ContentModel>,
    pub is_closed: bool,
    pub alignment: Vec<Align>,
    /// A `{::nomarkdown}` block (its output ends with a newline); raw text kept from HTML
    /// bodies has no category and gets none.
    pub raw_block: bool,
    pub eob: Option<EobKind>,
    pub entity: Option<EntityRef>,
    /// The entity's source text (`&amp;`), kept for `entity_output: as_input`.
    pub original: Option<String>,
    /// `{::nomarkdown type="..."}` output types.
    pub raw_types: Vec<String>,
    /// Footnote marker: the footnote's name.
    pub name: Option<String>,
    pub first_list_marker: Option<String>,
}

#[derive(Clone, Debug)]
pub struct El {
    pub kind: Kind,
    pub value: String,
    pub attr: Attrs,
    pub opts: ElOptions,
    pub children: Vec<El>,
}

impl El {
    pub fn new(kind: Kind) -> El {
        El {
            kind,
            value: String::new(),
            attr: Attrs::new(),
            opts: ElOptions::default(),
            children: Vec::new(),
        }
    }

    pub fn with_value(kind: Kind, value: impl Into<String>) -> El {
        El {
            value: value.into(),
            ..El::new(kind)
        }
    }

    pub fn html(name: &str, span: bool) -> El {
        let mut el = El::with_value(Kind::HtmlElement, name);
        el.opts.span = span;
        el
    }

    /// Appends text to the last child when it has the same text kind, else adds a child
    /// (kramdown's `add_text`).
    pub fn add_text(&mut self, text: &str, kind: Kind) {
        if let Some(last) = self.children.last_mut() {
            if last.kind == kind {
                last.value.push_str(text);
                return;
            }
        }
        if !text.is_empty() {
            self.children.push(El::with_value(kind, text));
        }
    }
}
