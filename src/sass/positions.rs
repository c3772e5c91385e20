//! Where things were written in the SCSS sources, for the source map.
//!
//! grass keeps no source positions in its output, so each SCSS source is scanned here (style
//! rules, declarations, variable definitions, loud comments, `@media` rules) and served to
//! grass with *markers*: a loud comment `/*@hyde:R<file>:<rule>*/` right after the `{` of each
//! style rule and `/*@hyde:D<file>:<decl>*/` before each declaration. grass evaluates the
//! stylesheet (imports, mixins, loops) and keeps the comments where the rules and declarations
//! end up, so its output says which written rule or declaration each printed one comes from;
//! `css_tree` turns the markers back into [`Origin`]s and `emit` maps what it prints to the
//! positions recorded here.

/// A position in a source: index in the map's `sources`, 0-based line, column in characters
/// (libsass counts UTF-8 characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SrcPos {
    pub file: usize,
    pub line: usize,
    pub col: usize,
}

/// What a marker points at: a rule or a declaration of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub index: usize,
}

pub const MARKER_PREFIX: &str = "/*@hyde:";

/// A style rule as written.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    /// The selector as written (trimmed), and where it starts.
    pub selector: String,
    pub selector_start: usize,
    /// Byte offset of the `{`, and just past the matching `}`.
    pub open: usize,
    pub close_end: usize,
    /// The lexically enclosing style rule.
    pub parent: Option<usize>,
    /// The `@media` rule it was written in (index in [`FileIndex::medias`]).
    pub media: Option<usize>,
    /// The selector has `#{...}`: libsass re-parses the evaluated selector on its own.
    pub interpolated: bool,
    /// Written outside any block (not in a mixin, loop, `@media`...).
    pub top_level: bool,
}

#[derive(Debug, Clone)]
pub struct DeclInfo {
    pub prop_start: usize,
    pub prop_end: usize,
    pub colon: usize,
    /// The value as written (without `!important`), trimmed, and its span.
    pub value: String,
    pub value_start: usize,
    /// End of the value including a trailing `!important`.
    pub value_end_important: usize,
    /// Where the `;` or `}` after the value is.
    pub value_end_terminator: usize,
    /// The `@mixin` it was written in.
    pub mixin: Option<usize>,
    pub media: Option<usize>,
}

/// A `@mixin` as written: its parameters (with where their default value is) and body.
#[derive(Debug, Clone)]
pub struct MixinInfo {
    pub name: String,
    pub params: Vec<(String, Option<(usize, usize)>)>,
}

/// An `@include`: the mixin's name, its arguments (keyword, start, end) and the style rule it
/// was written in.
#[derive(Debug, Clone)]
pub struct IncludeInfo {
    pub name: String,
    pub args: Vec<(Option<String>, usize, usize)>,
    pub rule: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct VarDef {
    pub name: String,
    pub value: String,
    pub value_start: usize,
    pub is_default: bool,
}

#[derive(Debug, Clone)]
pub struct MediaInfo {
    pub at: usize,
    /// The style rule it was written in.
    pub parent: Option<usize>,
    /// Written outside any block.
    pub top_level: bool,
}

/// One scanned source.
#[derive(Debug, Clone, Default)]
pub struct FileIndex {
    pub text: String,
    /// Byte offset of each line start.
    line_starts: Vec<usize>,
    pub rules: Vec<RuleInfo>,
    pub decls: Vec<DeclInfo>,
    pub vars: Vec<VarDef>,
    /// Loud comments: (start, end) byte offsets.
    pub comments: Vec<(usize, usize)>,
    pub medias: Vec<MediaInfo>,
    /// CSS at-rules with a block (`@font-face`, `@keyframes`, `@page`...): where their `@`
    /// is and how long their keyword is.
    pub at_rules: Vec<(usize, usize)>,
    /// Plain CSS `@import`s: where the `@` is, where the URL starts, whether it is `url()`.
    pub css_imports: Vec<(usize, usize, bool)>,
    /// `@each $a, $b in <list>`: the loop variables and the list as written.
    pub eaches: Vec<(Vec<String>, String)>,
    pub mixins: Vec<MixinInfo>,
    pub includes: Vec<IncludeInfo>,
    /// Where libsass's position count drifts from the text: after each interpolated selector,
    /// in offset order (see [`Drift`]).
    drifts: Vec<Drift>,
}

/// libsass 3.6 re-counts its position after an interpolated selector from where the selector
/// starts plus the columns its selector-schema parser counts ([`schema_columns`], which skips
/// the line breaks of a selector list written over several lines); the error stays for the
/// rest of the file: lines are off by the line breaks skipped, and the rest of the
/// selector's own line is counted from `believed_col`.
#[derive(Debug, Clone, Copy)]
struct Drift {
    /// Byte offset of the end of the selector.
    from: usize,
    real_line: usize,
    real_col: usize,
    believed_line: usize,
    believed_col: usize,
}

impl FileIndex {
    /// Line and character column of a byte offset in the text.
    fn pos_unshifted(&self, offset: usize) -> (usize, usize) {
        let line = match self.line_starts.binary_search(&offset) {
            Ok(l) => l,
            Err(l) => l - 1,
        };
        let start = self.line_starts[line];
        let end = offset.min(self.text.len());
        let col = self
            .text
            .get(start..end)
            .map_or(end - start, |s| s.chars().count());
        (line, col)
    }

    /// Line and character column of a byte offset, as libsass counts them.
    pub fn pos(&self, file: usize, offset: usize) -> SrcPos {
        let (line, col) = self.pos_unshifted(offset);
        let real = SrcPos { file, line, col };
        let drift = match self.drifts.iter().rev().find(|d| d.from <= offset) {
            Some(d) => d,
            None => return real,
        };
        if line == drift.real_line {
            SrcPos {
                file,
                line: drift.believed_line,
                col: (drift.believed_col + col).saturating_sub(drift.real_col),
            }
        } else {
            SrcPos {
                file,
                line: (line + drift.believed_line).saturating_sub(drift.real_line),
                col,
            }
        }
    }
}

enum Block {
    Rule(usize),
    Media(usize),
    Mixin(usize),
    /// Any other block (`@mixin`, `@if`, `@font-face`, nested properties...).
    Other,
}

/// Scans `text` (SCSS) and returns its index and the text to serve grass, with markers.
pub fn scan(text: &str, file: usize) -> (FileIndex, String) {
    let b = text.as_bytes();
    let mut idx = FileIndex {
        text: text.to_string(),
        line_starts: std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        ..FileIndex::default()
    };
    let mut inserts: Vec<(usize, String)> = Vec::new();
    let mut stack: Vec<Block> = Vec::new();
    let mut i = 0;
    loop {
        i = skip_ws_and_comments(b, i, &mut idx.comments);
        if i >= b.len() {
            break;
        }
        if b[i] == b'}' {
            if let Some(Block::Rule(r)) = stack.pop() {
                idx.rules[r].close_end = i + 1;
            }
            i += 1;
            continue;
        }
        let start = i;
        let end = statement_end(b, start);
        let terminator = b.get(end).copied();
        let stmt = &text[start..end];
        let in_block = !stack.is_empty();
        let media = stack.iter().rev().find_map(|b| match b {
            Block::Media(m) => Some(*m),
            _ => None,
        });
        let mixin = stack.iter().rev().find_map(|b| match b {
            Block::Mixin(m) => Some(*m),
            _ => None,
        });
        let enclosing_rule = stack.iter().rev().find_map(|b| match b {
            Block::Rule(r) => Some(*r),
            _ => None,
        });
        if let Some(include) = include(stmt, start, enclosing_rule) {
            idx.includes.push(include);
        }
        match terminator {
            Some(b'{') => {
                let trimmed = stmt.trim_end();
                let block = if trimmed.starts_with("@media") {
                    let parent = stack.iter().rev().find_map(|b| match b {
                        Block::Rule(r) => Some(*r),
                        _ => None,
                    });
                    idx.medias.push(MediaInfo {
                        at: start,
                        parent,
                        top_level: !in_block,
                    });
                    let id = idx.medias.len() - 1;
                    inserts.push((end + 1, format!("{MARKER_PREFIX}M{file}:{id}*/")));
                    Block::Media(id)
                } else if let Some(mixin) = mixin_signature(trimmed, start) {
                    idx.mixins.push(mixin);
                    Block::Mixin(idx.mixins.len() - 1)
                } else if trimmed.starts_with('@') || is_nested_property(trimmed) {
                    if let Some(each) = each_loop(trimmed) {
                        idx.eaches.push(each);
                    }
                    let keyword_len = trimmed[1..]
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                        .map_or(trimmed.len(), |e| e + 1);
                    if trimmed.starts_with('@') && !SASS_BLOCKS.contains(&&trimmed[1..keyword_len])
                    {
                        idx.at_rules.push((start, keyword_len));
                        let id = idx.at_rules.len() - 1;
                        inserts.push((end + 1, format!("{MARKER_PREFIX}A{file}:{id}*/")));
                    }
                    Block::Other
                } else {
                    let interpolations = trimmed.matches("#{").count();
                    if let Some(counted) = schema_columns(trimmed) {
                        let believed = idx.pos(file, start);
                        let real = idx.pos_unshifted(start + trimmed.len());
                        idx.drifts.push(Drift {
                            from: start + trimmed.len(),
                            real_line: real.0,
                            real_col: real.1,
                            believed_line: believed.line,
                            believed_col: believed.col + counted,
                        });
                    }
                    let parent = stack.iter().rev().find_map(|b| match b {
                        Block::Rule(r) => Some(*r),
                        _ => None,
                    });
                    idx.rules.push(RuleInfo {
                        selector: trimmed.to_string(),
                        selector_start: start,
                        open: end,
                        close_end: end + 1,
                        parent,
                        media,
                        interpolated: interpolations > 0,
                        top_level: !in_block,
                    });
                    let id = idx.rules.len() - 1;
                    inserts.push((end + 1, format!("{MARKER_PREFIX}R{file}:{id}*/")));
                    Block::Rule(id)
                };
                stack.push(block);
                i = end + 1;
            }
            _ => {
                if let Some(import) = css_import(stmt, start) {
                    idx.css_imports.push(import);
                }
                if stmt.starts_with('$') {
                    if let Some(def) = variable(stmt, start) {
                        idx.vars.push(def);
                    }
                } else if in_block && !stmt.starts_with('@') {
                    if let Some(mut decl) = declaration(stmt, start) {
                        decl.media = media;
                        decl.mixin = mixin;
                        idx.decls.push(decl);
                        let id = idx.decls.len() - 1;
                        inserts.push((start, format!("{MARKER_PREFIX}D{file}:{id}*/")));
                    }
                }
                // A `}` ends the statement and its block: handled on the next turn.
                i = if terminator == Some(b';') {
                    end + 1
                } else {
                    end
                };
            }
        }
    }
    let mut served = String::with_capacity(text.len() + inserts.len() * 24);
    let mut copied = 0;
    for (at, marker) in inserts {
        served.push_str(&text[copied..at]);
        served.push_str(&marker);
        copied = at;
    }
    served.push_str(&text[copied..]);
    (idx, served)
}

/// Block at-rules that are Sass's, not CSS's (and `@supports`, not mapped).
const SASS_BLOCKS: &[&str] = &[
    "mixin", "function", "include", "if", "else", "each", "for", "while", "at-root", "content",
    "supports", "media",
];

/// `text` without the markers [`scan`] put in.
pub fn strip_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(MARKER_PREFIX) {
        out.push_str(&rest[..at]);
        match rest[at..].find("*/") {
            Some(end) => rest = &rest[at + end + 2..],
            None => {
                rest = &rest[at..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

/// How many columns libsass 3.6's selector-schema parser advances over an interpolated
/// selector: each interpolation's content and closing brace, and the text after the last one,
/// less one per interpolation after the first (its literal text before interpolations is not
/// counted). Fits every case measured; `None` without interpolation.
fn schema_columns(selector: &str) -> Option<usize> {
    let mut counted = 0;
    let mut interpolations = 0;
    let mut rest = selector;
    while let Some(open) = rest.find("#{") {
        let inner = &rest[open + 2..];
        let mut depth = 1;
        let mut close = inner.len();
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        counted += inner[..close].chars().count() + 1;
        interpolations += 1;
        rest = inner.get(close + 1..).unwrap_or("");
    }
    if interpolations == 0 {
        return None;
    }
    Some((counted + rest.chars().count()).saturating_sub(interpolations - 1))
}

/// `@import url(x.css)`, `@import "http://..."`: imports libsass leaves to the browser.
fn css_import(stmt: &str, start: usize) -> Option<(usize, usize, bool)> {
    let rest = stmt.strip_prefix("@import")?;
    let url = rest.trim_start();
    let url_start = start + stmt.len() - rest.len() + (rest.len() - url.len());
    let is_url = url.starts_with("url(");
    let unquoted = url.trim_matches(['"', '\'']);
    let plain = is_url
        || unquoted.ends_with(".css")
        || unquoted.starts_with("http://")
        || unquoted.starts_with("https://")
        || unquoted.starts_with("//");
    (plain && !url.contains(',')).then_some((start, url_start, is_url))
}

/// `@mixin name($a, $b: default)` → its name and parameters.
fn mixin_signature(stmt: &str, start: usize) -> Option<MixinInfo> {
    let rest = stmt.strip_prefix("@mixin")?;
    let name_start = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    let name_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let name = rest[..name_len].to_string();
    let offset = start + "@mixin".len() + name_start + name_len;
    let params = call_arguments(&rest[name_len..], offset)
        .into_iter()
        .filter_map(|(s, e)| {
            let text = &stmt[s - start..e - start];
            let name = text.strip_prefix('$')?;
            Some(match name.split_once(':') {
                Some((n, default)) => {
                    let lead = default.len() - default.trim_start().len();
                    let d_start = s + 1 + n.len() + 1 + lead;
                    (
                        n.trim().to_string(),
                        Some((d_start, d_start + default.trim().len())),
                    )
                }
                None => (name.trim().to_string(), None),
            })
        })
        .collect();
    Some(MixinInfo { name, params })
}

/// `@include name(args)` (with or without a content block).
fn include(stmt: &str, start: usize, rule: Option<usize>) -> Option<IncludeInfo> {
    let rest = stmt.strip_prefix("@include")?;
    let name_start = rest.len() - rest.trim_start().len();
    let rest = rest.trim_start();
    let name_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let offset = start + "@include".len() + name_start + name_len;
    let args = call_arguments(&rest[name_len..], offset)
        .into_iter()
        .map(|(s, e)| {
            let text = &stmt[s - start..e - start];
            match text.strip_prefix('$').and_then(|t| t.split_once(':')) {
                Some((n, value)) if !n.contains(['(', ' ']) => {
                    let lead = value.len() - value.trim_start().len();
                    let v_start = s + 1 + n.len() + 1 + lead;
                    (
                        Some(n.trim().to_string()),
                        v_start,
                        v_start + value.trim().len(),
                    )
                }
                _ => (None, s, e),
            }
        })
        .collect();
    Some(IncludeInfo {
        name: rest[..name_len].to_string(),
        args,
        rule,
    })
}

/// The comma-separated arguments of `(a, b(c, d), e)` at the start of `text` (which starts at
/// `offset` in its source), trimmed: (start, end).
fn call_arguments(text: &str, offset: usize) -> Vec<(usize, usize)> {
    let lead = text.len() - text.trim_start().len();
    let b = text.as_bytes();
    if b.get(lead) != Some(&b'(') {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut arg_start = lead + 1;
    let mut i = lead;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    push_argument(text, arg_start, i, offset, &mut out);
                    break;
                }
            }
            b',' if depth == 1 => {
                push_argument(text, arg_start, i, offset, &mut out);
                arg_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn push_argument(
    text: &str,
    start: usize,
    end: usize,
    offset: usize,
    out: &mut Vec<(usize, usize)>,
) {
    let arg = &text[start..end];
    let lead = arg.len() - arg.trim_start().len();
    let trimmed = arg.trim();
    if !trimmed.is_empty() {
        let s = offset + start + lead;
        out.push((s, s + trimmed.len()));
    }
}

/// `@each $a, $b in $list` → (`[a, b]`, `$list`).
fn each_loop(stmt: &str) -> Option<(Vec<String>, String)> {
    let rest = stmt.strip_prefix("@each")?;
    let (vars, list) = rest.split_once(" in ")?;
    let vars = vars
        .split(',')
        .map(|v| v.trim().trim_start_matches('$').to_string())
        .collect();
    Some((vars, list.trim().to_string()))
}

/// `font: { family: x }` or `font: 12px { ... }`: a property name, a colon, then whitespace.
fn is_nested_property(stmt: &str) -> bool {
    let Some(colon) = stmt.find(':') else {
        return false;
    };
    let name = &stmt[..colon];
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && stmt[colon + 1..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
}

fn variable(stmt: &str, start: usize) -> Option<VarDef> {
    let colon = stmt.find(':')?;
    let name = stmt[1..colon].trim().to_string();
    let after = colon + 1;
    let rest = &stmt[after..];
    let lead = rest.len() - rest.trim_start().len();
    let mut value = rest.trim();
    let mut is_default = false;
    loop {
        if let Some(v) = value.strip_suffix("!default") {
            is_default = true;
            value = v.trim_end();
        } else if let Some(v) = value.strip_suffix("!global") {
            value = v.trim_end();
        } else {
            break;
        }
    }
    let value_start = start + after + lead;
    Some(VarDef {
        name,
        value: value.to_string(),
        value_start,
        is_default,
    })
}

fn declaration(stmt: &str, start: usize) -> Option<DeclInfo> {
    let b = stmt.as_bytes();
    // The property ends at the first `:` outside an interpolation.
    let mut p = 0;
    let mut depth = 0;
    while p < b.len() {
        match b[p] {
            b'#' if b.get(p + 1) == Some(&b'{') => {
                depth += 1;
                p += 1;
            }
            b'}' if depth > 0 => depth -= 1,
            b':' if depth == 0 => break,
            _ => {}
        }
        p += 1;
    }
    if p >= b.len() || p == 0 {
        return None;
    }
    let prop = stmt[..p].trim_end();
    if prop.is_empty() || prop.contains(char::is_whitespace) {
        return None;
    }
    let rest = &stmt[p + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let full = rest.trim();
    let value_start = start + p + 1 + lead;
    let (value, with_important) = match full.rfind('!') {
        Some(bang) if full[bang + 1..].trim().eq_ignore_ascii_case("important") => {
            (full[..bang].trim_end(), full.len())
        }
        _ => (full, full.len()),
    };
    Some(DeclInfo {
        prop_start: start,
        prop_end: start + prop.len(),
        colon: start + p,
        value: value.to_string(),
        value_start,
        value_end_important: value_start + with_important,
        value_end_terminator: start + stmt.len(),
        mixin: None,
        media: None,
    })
}

fn skip_ws_and_comments(b: &[u8], mut i: usize, comments: &mut Vec<(usize, usize)>) -> usize {
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let end = comment_end(b, i);
            comments.push((i, end));
            i = end;
        } else {
            return i;
        }
    }
}

fn comment_end(b: &[u8], start: usize) -> usize {
    let mut p = start + 2;
    while p + 1 < b.len() {
        if b[p] == b'*' && b[p + 1] == b'/' {
            return p + 2;
        }
        p += 1;
    }
    b.len()
}

/// Index of the `{`, `;` or `}` ending the statement at `start` (strings, comments, brackets
/// and `#{...}` interpolations skipped).
fn statement_end(b: &[u8], start: usize) -> usize {
    let mut p = start;
    let mut depth = 0usize;
    let mut interp = 0usize;
    while p < b.len() {
        match b[p] {
            b'"' | b'\'' => {
                let q = b[p];
                p += 1;
                while p < b.len() && b[p] != q && b[p] != b'\n' {
                    if b[p] == b'\\' {
                        p += 1;
                    }
                    p += 1;
                }
            }
            b'/' if b.get(p + 1) == Some(&b'*') => {
                p = comment_end(b, p);
                continue;
            }
            b'/' if b.get(p + 1) == Some(&b'/') && depth == 0 && !is_url_context(b, start, p) => {
                while p < b.len() && b[p] != b'\n' {
                    p += 1;
                }
                continue;
            }
            b'#' if b.get(p + 1) == Some(&b'{') => {
                interp += 1;
                p += 1;
            }
            b'}' if interp > 0 => interp -= 1,
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            b'{' | b';' | b'}' if depth == 0 => return p,
            _ => {}
        }
        p += 1;
    }
    b.len()
}

/// `//` inside `url(http://...)` without quotes is not a comment (depth is 0 only outside
/// parentheses, so this only guards against `http://` written bare, as in `@import`).
fn is_url_context(b: &[u8], start: usize, p: usize) -> bool {
    p > start && b[p - 1] == b':'
}
