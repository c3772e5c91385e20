//! The syntax patterns of kramdown's block and span grammar, shared by the parser modules.
//! Ruby's `\w`, `\d` and `\s` are ASCII-only, so ASCII classes are spelled out.

use super::scan::re;

pub const W: &str = "[0-9A-Za-z_]";
pub const S: &str = "[ \\t\\n\\r\\x0B\\x0C]";
pub const NS: &str = "[^ \\t\\n\\r\\x0B\\x0C]";
/// XML NCName (REXML's UNAME_STR), an optional `prefix:` then the local name.
pub const NCNAME: &str = "[\\p{Alphabetic}_][-\\p{Alphabetic}\\p{Nd}._]*";

pub fn uname() -> String {
    format!("(?:{NCNAME}:)?{NCNAME}")
}

/// XML Name start and continuation characters (header ids `{#id}`).
pub const NAME_START: &str = "[:A-Za-z_\\x{C0}-\\x{2FF}\\x{370}-\\x{37D}\\x{37F}-\\x{1FFF}\\x{200C}-\\x{200D}\\x{2070}-\\x{218F}\\x{2C00}-\\x{2FEF}\\x{3001}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFFD}\\x{10000}-\\x{EFFFF}]";
pub const NAME_CHAR: &str = "[-.:0-9A-Za-z_\\x{B7}\\x{C0}-\\x{2FF}\\x{300}-\\x{37D}\\x{37F}-\\x{1FFF}\\x{200C}-\\x{200D}\\x{203F}-\\x{2040}\\x{2070}-\\x{218F}\\x{2C00}-\\x{2FEF}\\x{3001}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFFD}\\x{10000}-\\x{EFFFF}]";

pub const HTML_SPAN_ELEMENTS: &[&str] = &[
    "a", "abbr", "acronym", "b", "big", "bdo", "br", "button", "cite", "code", "del", "dfn", "em",
    "i", "img", "input", "ins", "kbd", "label", "mark", "option", "q", "rb", "rbc", "rp", "rt",
    "rtc", "ruby", "samp", "select", "small", "span", "strong", "sub", "sup", "tt", "u", "var",
];
pub const HTML_BLOCK_ELEMENTS: &[&str] = &[
    "address",
    "article",
    "aside",
    "applet",
    "body",
    "blockquote",
    "caption",
    "col",
    "colgroup",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "head",
    "iframe",
    "legend",
    "menu",
    "li",
    "main",
    "map",
    "nav",
    "ol",
    "optgroup",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tfoot",
    "tr",
    "ul",
];
pub const HTML_ELEMENTS_WITHOUT_BODY: &[&str] = &[
    "area", "base", "br", "col", "command", "embed", "hr", "img", "input", "keygen", "link",
    "meta", "param", "source", "track", "wbr",
];
const CONTENT_MODEL_BLOCK: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "figcaption",
    "footer",
    "form",
    "header",
    "hgroup",
    "iframe",
    "li",
    "main",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "section",
    "summary",
    "td",
];
const CONTENT_MODEL_SPAN: &[&str] = &[
    "a", "abbr", "acronym", "b", "bdo", "big", "button", "cite", "caption", "del", "dfn", "dt",
    "em", "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "label", "legend", "optgroup", "p", "q",
    "rb", "rbc", "rp", "rt", "rtc", "ruby", "select", "small", "span", "strong", "sub", "sup",
    "th", "tt",
];
const CONTENT_MODEL_RAW: &[&str] = &[
    "script", "style", "math", "option", "textarea", "pre", "code", "kbd", "samp", "var",
];

use super::element::ContentModel;

/// kramdown's HTML content model of a tag (unknown tags are raw).
pub fn content_model(tag: &str) -> ContentModel {
    if CONTENT_MODEL_BLOCK.contains(&tag) {
        ContentModel::Block
    } else if CONTENT_MODEL_SPAN.contains(&tag) {
        ContentModel::Span
    } else {
        ContentModel::Raw
    }
}

/// Whether kramdown knows the tag as HTML (then its name and attributes are lower-cased).
pub fn is_html_element(tag: &str) -> bool {
    HTML_SPAN_ELEMENTS.contains(&tag)
        || HTML_BLOCK_ELEMENTS.contains(&tag)
        || HTML_ELEMENTS_WITHOUT_BODY.contains(&tag)
        || CONTENT_MODEL_BLOCK.contains(&tag)
        || CONTENT_MODEL_SPAN.contains(&tag)
        || CONTENT_MODEL_RAW.contains(&tag)
}

fn lazy_span_alt() -> String {
    let mut v: Vec<&str> = HTML_SPAN_ELEMENTS.to_vec();
    v.push("script");
    v.join("|")
}

pub fn blank_line() -> String {
    format!("(?:^{S}*\\n)+")
}
pub const EOB: &str = "^\\^[ \\t\\n\\r\\x0B\\x0C]*?\\n";
pub const ALD_ANY: &str = "(?:\\\\\\}|[^}])";
pub fn ald_id_name() -> String {
    format!("{W}[-0-9A-Za-z_]*")
}
pub fn ial_block() -> String {
    format!("\\{{:(?!:|/)({ALD_ANY}+)\\}}{S}*?\\n")
}
pub fn ial_block_start() -> String {
    format!("^ {{0,3}}{}", ial_block())
}
pub fn lazy_end_html_start() -> String {
    format!("<(?>(?!(?:{})\\b){})", lazy_span_alt(), uname())
}
pub fn lazy_end_html_stop() -> String {
    format!("</(?!(?:{})\\b){}{S}*>", lazy_span_alt(), uname())
}
pub fn lazy_end() -> String {
    format!(
        "{}|{}|{EOB}|^ {{0,3}}{}|^ {{0,3}}{}|(?=\\n?\\z)",
        blank_line(),
        ial_block_start(),
        lazy_end_html_stop(),
        lazy_end_html_start()
    )
}
pub const PATTERN_TAIL: &str = "[\\t| ].*?\\n";
pub fn list_start_ul() -> String {
    format!("^( {{0,3}}[+*-])({PATTERN_TAIL})")
}
pub fn list_start_ol() -> String {
    format!("^( {{0,3}}[0-9]+\\.)({PATTERN_TAIL})")
}
pub fn deflist_start() -> String {
    format!("^( {{0,3}}:)({PATTERN_TAIL})")
}
pub fn gfm_atx_start() -> String {
    "^(#{1,6})[\\t ]+(.*)\\n".to_string()
}
pub const GFM_FENCE_START: &str = "^ {0,3}[~`]{3,}";
pub const BLOCKQUOTE_START: &str = "^ {0,3}> ?";

re!(EOB_MARKER, EOB);
re!(IAL_BLOCK_START, ial_block_start());
re!(LAZY_END, lazy_end());
re!(PARAGRAPH_END, format!("{}|{}", lazy_end(), deflist_start()));
re!(
    PARAGRAPH_END_GFM,
    format!(
        "{}|{}|{}|{}|{}|{}|{}",
        lazy_end(),
        list_start_ul(),
        list_start_ol(),
        gfm_atx_start(),
        deflist_start(),
        BLOCKQUOTE_START,
        GFM_FENCE_START
    )
);
re!(LIST_START_UL, list_start_ul());
re!(LIST_START_OL, list_start_ol());
re!(
    LIST_START,
    format!("{}|{}", list_start_ul(), list_start_ol())
);
re!(DEFINITION_LIST_START, deflist_start());
re!(
    HR_START,
    "^ {0,3}(\\*|-|_)[ \\t]*\\1[ \\t]*\\1(?:\\1|[ \\t])*\\n"
);
re!(
    BLOCK_BOUNDARY,
    format!("{}|{EOB}|{}|(?=\\n?\\z)", blank_line(), ial_block_start())
);
re!(
    LIST_ITEM_IAL,
    format!(
        "^{S}*(?:\\{{:(?!(?:{})?:|/)({ALD_ANY}+)\\}}){S}*",
        ald_id_name()
    )
);
re!(
    LIST_ITEM_IAL_CHECK,
    format!(
        "^(?:{S}*(?:\\{{:(?!(?:{})?:|/)({ALD_ANY}+)\\}}){S}*)?{S}*\\n",
        ald_id_name()
    )
);
re!(
    HTML_TAG,
    format!(
        "<((?>{u}))\\s*((?>\\s+{u}(?:\\s*=\\s*(?:[\\w]+|(\"|')(?s:.*?)\\3))?)*)\\s*(/)?>",
        u = uname()
    )
);
re!(HTML_TAG_CLOSE, format!("</({})\\s*>", uname()));
re!(HTML_COMMENT, "<!--((?s:.*?))-->");
re!(HTML_INSTRUCTION, "<\\?((?s:.*?))\\?>");
re!(
    HTML_ATTRIBUTE,
    format!(
        "\\s*({})(?:\\s*=\\s*(?:([\\w]+)|(\"|')((?s:.*?))\\3))?",
        uname()
    )
);
re!(
    HTML_ENTITY,
    "&([0-9A-Za-z_:][-0-9A-Za-z_.:]*);|&#([0-9]+);|&#x([0-9a-fA-F]+);"
);
