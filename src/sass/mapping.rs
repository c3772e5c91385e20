//! Source map `mappings` as libsass 3.6 writes them.
//!
//! libsass adds a mapping each time it prints a *token* of its tree: an "open" mapping (output
//! position → where the node starts in its source) before it and a "close" mapping (→ where the
//! node ends) after it. Tokens are: each simple selector (`a`, `.x`, `#y`; a pseudo-class maps
//! its name, an attribute selector its `[` and its value), the first token of a rule also
//! getting an open mapping to where the whole selector list was written; the `{` of a block
//! (open, to the written `{`) and its `}` (close, to just past the written `}`); a property
//! (its name); a value (a value written with literals only is one token; otherwise each
//! space- or comma-separated item is one, and a `$variable` maps to where its value was
//! written); a loud comment; the `@media` keyword.
//!
//! What was written where comes from [`positions`](super::positions) (markers carried through
//! grass); the output side is the emitter's running line and column.

use std::collections::HashMap;

use super::positions::{DeclInfo, FileIndex, Origin, RuleInfo, SrcPos};
use super::selector_tokens::complex_separators;
pub use super::selector_tokens::{tokenize, Kind, Tok};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mapping {
    pub gen_line: usize,
    pub gen_col: usize,
    pub src: SrcPos,
}

/// The scanned sources, indexed as in the map's `sources` (`None` for sources not scanned,
/// e.g. `.sass` files).
#[derive(Default)]
pub struct Sources {
    pub files: Vec<Option<FileIndex>>,
    /// `line_comments: true`: each source's path as libsass writes it in `/* line N, path */`
    /// (relative to the working directory).
    pub line_comment_paths: Option<Vec<String>>,
    /// Complex selectors written at top level, by text (built on first use).
    top_level: std::cell::OnceCell<HashMap<String, Vec<TokenMap>>>,
    /// Global variables: name → (file, index in its `vars`) of the definition in effect.
    variables: std::cell::OnceCell<HashMap<String, (usize, usize)>>,
}

/// A declaration written in a mixin: the mixin, and the written rule being printed (whose
/// `@include` gives the arguments).
#[derive(Debug, Clone, Copy)]
pub struct MixinScope {
    pub mixin: usize,
    pub rule: Option<Origin>,
}

/// Where one output selector token comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenMap {
    pub open: SrcPos,
    pub close: SrcPos,
    /// Attribute selectors: the mappings of their value; pseudo-classes: of their argument
    /// (unless it is a selector).
    pub attr_value: Option<(SrcPos, SrcPos)>,
}

/// A rule's mappings: where its selector list, `{` and `}` were written.
#[derive(Debug, Clone, Copy)]
pub struct RuleMap {
    pub crutch: SrcPos,
    pub open: SrcPos,
    /// libsass's end of the block: one column further when the block is on one line.
    pub close: SrcPos,
    /// Just past the written `}` (what a `@media` block around the rule maps its `}` to).
    pub close_exact: SrcPos,
}

impl Sources {
    pub fn new(files: Vec<Option<FileIndex>>) -> Sources {
        Sources {
            files,
            line_comment_paths: None,
            top_level: std::cell::OnceCell::new(),
            variables: std::cell::OnceCell::new(),
        }
    }

    /// libsass's `/* line N, path */` for a rule whose selector was written at `crutch`.
    pub fn line_comment(&self, crutch: SrcPos) -> Option<String> {
        let path = self.line_comment_paths.as_ref()?.get(crutch.file)?;
        Some(format!("/* line {}, {} */", crutch.line + 1, path))
    }

    /// A complex selector written as is in a top-level rule (what `@extend` puts in place
    /// of the extended selector maps there).
    pub fn written_complex(&self, text: &str) -> Option<&Vec<TokenMap>> {
        let index = self.top_level.get_or_init(|| {
            let mut index = HashMap::new();
            for (file, f) in self.files.iter().enumerate() {
                let Some(f) = f else { continue };
                for (i, r) in f.rules.iter().enumerate() {
                    if r.parent.is_some() || r.interpolated || r.selector.contains('&') {
                        continue;
                    }
                    let Some(complexes) = self.rule_tokens(Origin { file, index: i }) else {
                        continue;
                    };
                    for (toks, complex) in complexes.iter().zip(tokenize(&r.selector)) {
                        let (Some(first), Some(last)) = (complex.first(), complex.last()) else {
                            continue;
                        };
                        let key = r.selector[first.start..last.end].to_string();
                        let maps = toks.iter().flatten().map(|(_, m)| *m).collect();
                        index.entry(key).or_insert(maps);
                    }
                }
            }
            index
        });
        index.get(text)
    }

    fn file(&self, i: usize) -> Option<&FileIndex> {
        self.files.get(i).and_then(Option::as_ref)
    }

    pub fn rule(&self, o: Origin) -> Option<(&FileIndex, &RuleInfo)> {
        let f = self.file(o.file)?;
        Some((f, f.rules.get(o.index)?))
    }

    pub fn decl(&self, o: Origin) -> Option<(&FileIndex, &DeclInfo)> {
        let f = self.file(o.file)?;
        Some((f, f.decls.get(o.index)?))
    }

    pub fn rule_map(&self, o: Origin) -> Option<RuleMap> {
        let (f, r) = self.rule(o)?;
        let open = f.pos(o.file, r.open);
        let close_exact = f.pos(o.file, r.close_end);
        let mut close = close_exact;
        if close.line == open.line {
            close.col += 1;
        }
        Some(RuleMap {
            crutch: f.pos(o.file, r.selector_start),
            open,
            close,
            close_exact,
        })
    }

    /// The definition libsass takes a global variable's value from: the last plain
    /// definition, else the first `!default` one.
    fn variable(&self, name: &str) -> Option<(usize, &super::positions::VarDef)> {
        let index = self.variables.get_or_init(|| {
            let mut index: HashMap<String, (usize, usize)> = HashMap::new();
            let mut defaults: HashMap<String, (usize, usize)> = HashMap::new();
            for (i, f) in self.files.iter().enumerate() {
                let Some(f) = f else { continue };
                for (n, v) in f.vars.iter().enumerate() {
                    if v.is_default {
                        defaults.entry(v.name.clone()).or_insert((i, n));
                    } else {
                        index.insert(v.name.clone(), (i, n));
                    }
                }
            }
            for (name, at) in defaults {
                index.entry(name).or_insert(at);
            }
            index
        });
        let &(file, n) = index.get(name)?;
        Some((file, self.file(file)?.vars.get(n)?))
    }

    /// The mappings of the items of a value written at `start` in `file`, `$variables`
    /// replaced by their definitions.
    pub fn value_items(
        &self,
        file: usize,
        text: &str,
        start: usize,
        depth: usize,
        printed: &[&str],
        scope: Option<MixinScope>,
    ) -> Vec<Span> {
        let Some(f) = self.file(file) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let items = split_items(text);
        let hints = if items.len() == printed.len() {
            printed
        } else {
            &[]
        };
        for (n, (s, e)) in items.into_iter().enumerate() {
            let item = &text[s..e];
            // `-$x` maps where `$x`'s value was written, as `$x` does.
            let var = item.strip_prefix('$').or_else(|| item.strip_prefix("-$"));
            if let Some(name) = var.filter(|n| is_name(n)) {
                if let Some((af, a_start, a_end)) =
                    scope.and_then(|sc| self.mixin_argument(file, sc, name))
                {
                    let arg = self.file(af).and_then(|f| f.text.get(a_start..a_end));
                    if let Some(arg) = arg.filter(|_| depth < 16) {
                        let hint: Vec<&str> = hints.get(n).copied().into_iter().collect();
                        out.extend(self.value_items(af, arg, a_start, depth + 1, &hint, None));
                        continue;
                    }
                }
                if let Some((vf, def)) = self.variable(name).filter(|_| depth < 16) {
                    out.extend(self.value_items(
                        vf,
                        &def.value,
                        def.value_start,
                        depth + 1,
                        &[],
                        None,
                    ));
                    continue;
                }
                if let Some(span) = hints.get(n).and_then(|p| self.each_item(file, name, p)) {
                    out.push(span);
                    continue;
                }
            } else if let Some((arg_start, arg)) = color_function_argument(item) {
                // Color functions return a color carrying their color argument's position.
                let inner =
                    self.value_items(file, arg, start + s + arg_start, depth + 1, &[], scope);
                if inner.len() == 1 {
                    out.extend(inner);
                    continue;
                }
            } else if let Some(key) = string_key_argument(item) {
                // `theme-color("primary")`: a lookup in a map, whose entry's value libsass
                // keeps the position of.
                if let Some(span) = self.map_entry(key, depth) {
                    out.push(span);
                    continue;
                }
            }
            // `[toc]`: the list inside the brackets.
            let (s, e) = if item.len() >= 2 && item.starts_with('[') && item.ends_with(']') {
                (s + 1, e - 1)
            } else {
                (s, e)
            };
            out.push(Span {
                open: f.pos(file, start + s),
                close: f.pos(file, start + e),
            });
        }
        out
    }

    /// Where the value of a parameter of the mixin a declaration was written in comes from:
    /// the argument of the `@include` written in the rule being printed, else the
    /// parameter's default (file, start, end).
    fn mixin_argument(
        &self,
        file: usize,
        scope: MixinScope,
        name: &str,
    ) -> Option<(usize, usize, usize)> {
        let f = self.file(file)?;
        let mixin = f.mixins.get(scope.mixin)?;
        let index = mixin.params.iter().position(|(p, _)| p == name)?;
        let rule = scope.rule?;
        let rf = self.file(rule.file)?;
        let include = rf
            .includes
            .iter()
            .find(|inc| inc.name == mixin.name && inc.rule == Some(rule.index))?;
        let keyword = include
            .args
            .iter()
            .find(|(k, _, _)| k.as_deref() == Some(name));
        let positional = include.args.get(index).filter(|(k, _, _)| k.is_none());
        match keyword.or(positional) {
            Some(&(_, s, e)) => Some((rule.file, s, e)),
            None => {
                let (s, e) = mixin.params[index].1?;
                Some((file, s, e))
            }
        }
    }

    /// Where the value of the entry `key` of a map variable was written (following the
    /// variables it names to a value written as is).
    fn map_entry(&self, key: &str, depth: usize) -> Option<Span> {
        let patterns = [format!("\"{key}\":"), format!("'{key}':")];
        for (file, f) in self.files.iter().enumerate() {
            let Some(f) = f else { continue };
            for v in &f.vars {
                let Some((at, len)) = patterns
                    .iter()
                    .find_map(|p| v.value.find(p.as_str()).map(|at| (at, p.len())))
                else {
                    continue;
                };
                let rest = &v.value[at + len..];
                let lead = rest.len() - rest.trim_start().len();
                let value = rest.trim_start();
                let end = value.find([',', ')']).unwrap_or(value.len());
                let value = value[..end].trim_end();
                let start = v.value_start + at + len + lead;
                let items = self.value_items(file, value, start, depth + 1, &[], None);
                return (items.len() == 1).then(|| items[0]);
            }
        }
        None
    }

    /// An `@each` loop variable of `file` printed as `printed`: the item of the loop's list
    /// (a `$variable` defined as a list or map) written that way.
    fn each_item(&self, file: usize, name: &str, printed: &str) -> Option<Span> {
        let f = self.file(file)?;
        let (_, list) = f
            .eaches
            .iter()
            .find(|(vars, _)| vars.iter().any(|v| v == name))?;
        let (lf, def) = self.variable(list.strip_prefix('$')?)?;
        let lfile = self.file(lf)?;
        let body = def.value.trim_start_matches('(').trim_end_matches(')');
        let inner_start =
            def.value_start + (def.value.len() - def.value.trim_start_matches('(').len());
        for (s, e) in split_items(body) {
            let item = body[s..e].trim_end_matches(':');
            if item == printed {
                return Some(Span {
                    open: lfile.pos(lf, inner_start + s),
                    close: lfile.pos(lf, inner_start + s + item.len()),
                });
            }
            // `"primary": $primary`: the entry whose variable has the printed value.
            let var = item.strip_prefix('$').filter(|n| is_name(n));
            if let Some((vf, vdef)) = var.and_then(|n| self.variable(n)) {
                if vdef.value.eq_ignore_ascii_case(printed) {
                    let vfile = self.file(vf)?;
                    return Some(Span {
                        open: vfile.pos(vf, vdef.value_start),
                        close: vfile.pos(vf, vdef.value_start + vdef.value.len()),
                    });
                }
            }
        }
        None
    }

    /// A loud comment with this text, the first not used yet (any, else).
    pub fn comment(&self, text: &str, used: &mut Vec<SrcPos>) -> Option<Span> {
        let mut first = None;
        for (i, f) in self.files.iter().enumerate() {
            let Some(f) = f else { continue };
            for &(s, e) in &f.comments {
                if f.text[s..e] != *text {
                    continue;
                }
                let span = Span {
                    open: f.pos(i, s),
                    close: f.pos(i, e),
                };
                if !used.contains(&span.open) {
                    used.push(span.open);
                    return Some(span);
                }
                first = first.or(Some(span));
            }
        }
        first
    }

    /// The `n`th plain CSS `@import` (keyword, URL): libsass maps a `url()` to its first four
    /// characters and a quoted URL to the keyword.
    pub fn css_import(&self, n: usize) -> Option<(Span, Span)> {
        let (file, f, &(at, url, is_url)) = self
            .files
            .iter()
            .enumerate()
            .filter_map(|(i, f)| Some((i, f.as_ref()?)))
            .flat_map(|(i, f)| f.css_imports.iter().map(move |imp| (i, f, imp)))
            .nth(n)?;
        let keyword = Span {
            open: f.pos(file, at),
            close: f.pos(file, at + "@import".len()),
        };
        let url = if is_url {
            Span {
                open: f.pos(file, url),
                close: f.pos(file, url + "url(".len()),
            }
        } else {
            keyword
        };
        Some((keyword, url))
    }

    /// A marked CSS at-rule's keyword.
    pub fn at_rule(&self, o: Origin) -> Option<Span> {
        let f = self.file(o.file)?;
        let &(at, len) = f.at_rules.get(o.index)?;
        Some(Span {
            open: f.pos(o.file, at),
            close: f.pos(o.file, at + len),
        })
    }

    /// A keyframe selector (`from`, `50%`) as written.
    pub fn keyframe_selector(&self, o: Origin) -> Option<Span> {
        let (f, r) = self.rule(o)?;
        Some(Span {
            open: f.pos(o.file, r.selector_start),
            close: f.pos(o.file, r.selector_start + r.selector.len()),
        })
    }

    /// Where a marked `@media` rule's keyword was written.
    pub fn media(&self, o: Origin) -> Option<Span> {
        let f = self.file(o.file)?;
        let at = f.medias.get(o.index)?.at;
        Some(Span {
            open: f.pos(o.file, at),
            close: f.pos(o.file, at + "@media".len()),
        })
    }

    /// The `@media` rule a rule or declaration was written in.
    pub fn media_of(&self, o: Origin, is_rule: bool) -> Option<Span> {
        let f = self.file(o.file)?;
        let media = if is_rule {
            f.rules.get(o.index)?.media?
        } else {
            f.decls.get(o.index)?.media?
        };
        let at = f.medias.get(media)?.at;
        Some(Span {
            open: f.pos(o.file, at),
            close: f.pos(o.file, at + "@media".len()),
        })
    }

    /// An interpolated selector, re-parsed by libsass from its evaluated text: its tokens
    /// map to line 1 of the source, at their columns in that text.
    pub fn interpolated_tokens(&self, o: Origin, printed: &str) -> Option<Vec<(Tok, TokenMap)>> {
        let (_, r) = self.rule(o)?;
        if !r.interpolated || r.parent.is_some() {
            return None;
        }
        // The text libsass re-parses: the printed complex selectors, separated as written
        // (`,` and the spaces and line breaks after it).
        let printed_complexes = tokenize(printed);
        let separators = complex_separators(&r.selector);
        let mut evaluated = String::new();
        for (i, toks) in printed_complexes.iter().enumerate() {
            let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
                return None;
            };
            if i > 0 {
                evaluated.push(',');
                evaluated.push_str(separators.get(i - 1).map_or(" ", String::as_str));
            }
            evaluated.push_str(&printed[first.start..last.end]);
        }
        let at = |i: usize| {
            let before = evaluated.get(..i).unwrap_or("");
            let line_start = before.rfind('\n').map_or(0, |n| n + 1);
            SrcPos {
                file: o.file,
                line: before.matches('\n').count(),
                col: before[line_start..].chars().count(),
            }
        };
        let reparsed: Vec<Tok> = tokenize(&evaluated).into_iter().flatten().collect();
        let printed_toks: Vec<Tok> = printed_complexes.into_iter().flatten().collect();
        if reparsed.len() != printed_toks.len() {
            return None;
        }
        Some(
            printed_toks
                .into_iter()
                .zip(reparsed)
                .map(|(p, e)| (p, token_map(&e, at)))
                .collect(),
        )
    }

    /// The tokens of each complex selector of a rule as written, with their mappings;
    /// `None` for a `&` (the parent's tokens go there).
    pub fn rule_tokens(&self, o: Origin) -> Option<Vec<WrittenComplex>> {
        let (f, r) = self.rule(o)?;
        let mut out = Vec::new();
        for complex in tokenize(&r.selector) {
            let mut toks = Vec::new();
            for t in complex {
                if t.kind == Kind::Parent {
                    toks.push(None);
                    continue;
                }
                let at = |i: usize| f.pos(o.file, r.selector_start + i);
                let map = token_map(&t, at);
                toks.push(Some((r.selector[t.start..t.end].to_string(), map)));
            }
            out.push(toks);
        }
        Some(out)
    }
}

/// The tokens of a complex selector as written (text and mappings); `None` for a `&`.
pub type WrittenComplex = Vec<Option<(String, TokenMap)>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub open: SrcPos,
    pub close: SrcPos,
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

/// Color functions whose result keeps the position of the color they were given.
const COLOR_ADJUSTERS: &[&str] = &[
    "rgba",
    "rgb",
    "darken",
    "lighten",
    "saturate",
    "desaturate",
    "adjust-hue",
    "fade-in",
    "fade-out",
    "fadein",
    "fadeout",
    "opacify",
    "transparentize",
    "adjust-color",
    "scale-color",
    "change-color",
    "complement",
    "grayscale",
    "invert",
];

/// `darken($c, 10%)` → (offset of `$c` in the item, `$c`).
fn color_function_argument(item: &str) -> Option<(usize, &str)> {
    let open = item.find('(')?;
    if !item.ends_with(')') || !COLOR_ADJUSTERS.contains(&&item[..open]) {
        return None;
    }
    let args = &item[open + 1..item.len() - 1];
    // `rgba(0,0,0,.5)` makes a color; `rgba($color, .5)` adjusts one.
    if item.starts_with("rgb") && args.split(',').count() != 2 {
        return None;
    }
    let first = args.split(',').next()?;
    let lead = first.len() - first.trim_start().len();
    let arg = first.trim();
    (!arg.is_empty() && !arg.contains(' ')).then_some((open + 1 + lead, arg))
}

/// `name("key")` → `key`: a call with one quoted argument.
fn string_key_argument(item: &str) -> Option<&str> {
    let open = item.find('(')?;
    if !item.ends_with(')') || !is_name(&item[..open]) {
        return None;
    }
    let arg = item[open + 1..item.len() - 1].trim();
    let unquoted = arg
        .strip_prefix('"')
        .and_then(|a| a.strip_suffix('"'))
        .or_else(|| arg.strip_prefix('\'').and_then(|a| a.strip_suffix('\'')))?;
    (!unquoted.contains(['"', '\'', ','])).then_some(unquoted)
}

/// Whether libsass reads a declaration value as one static token (literals only:
/// identifiers, strings, numbers, colors, separated by spaces, commas or slashes).
pub fn is_static_value(value: &str) -> bool {
    let b = value.as_bytes();
    if b.is_empty() {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'$' | b'(' | b')' | b'+' | b'*' | b'=' | b'[' | b']' | b'{' | b'}' | b'\\' => {
                return false
            }
            b'#' if b.get(i + 1) == Some(&b'{') => return false,
            b'"' | b'\'' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    if b[i] == b'\\' {
                        return false;
                    }
                    if b[i] == b'#' && b.get(i + 1) == Some(&b'{') {
                        return false;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    true
}

/// Top-level items of a value: split at spaces and commas outside brackets and strings. A
/// value with a binary operator is one item (libsass maps the whole operation).
pub fn split_items(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'"' | b'\'' => {
                start.get_or_insert(i);
                i += 1;
                while i < b.len() && b[i] != c {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' => {
                start.get_or_insert(i);
                depth += 1;
            }
            b')' | b']' => depth = depth.saturating_sub(1),
            b'#' if b.get(i + 1) == Some(&b'{') => {
                start.get_or_insert(i);
                depth += 1;
                i += 1;
            }
            b'}' => depth = depth.saturating_sub(1),
            b' ' | b'\t' | b'\n' | b'\r' | b',' if depth == 0 => {
                if let Some(s) = start.take() {
                    items.push((s, i));
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        items.push((s, b.len().min(text.len())));
    }
    // An operator binds the items on both sides into one (libsass maps the operation).
    let is_op = |&(s, e): &(usize, usize)| {
        matches!(
            &text[s..e],
            "+" | "-" | "*" | "/" | "%" | "==" | "!=" | "<" | ">"
        )
    };
    let mut merged: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        if is_op(&items[i]) && !merged.is_empty() && i + 1 < items.len() {
            let last = merged.len() - 1;
            merged[last].1 = items[i + 1].1;
            i += 2;
        } else {
            merged.push(items[i]);
            i += 1;
        }
    }
    merged
}

/// How libsass maps one simple selector written at `tok` (`at` turns offsets in the selector
/// text into source positions).
fn token_map(tok: &Tok, at: impl Fn(usize) -> SrcPos) -> TokenMap {
    match tok.kind {
        Kind::Pseudo {
            name_start,
            args: None,
        } => TokenMap {
            open: at(name_start),
            close: at(tok.end),
            attr_value: None,
        },
        // A pseudo-class with an argument ends at its `(`; it starts at its colon when the
        // argument is a selector (whose tokens follow), else at its name, and the argument is
        // a token of its own.
        Kind::Pseudo {
            name_start,
            args: Some(args),
        } => {
            // The argument's span is everything between the parentheses, spaces included.
            let selector = tok.end == args;
            TokenMap {
                open: at(if selector { tok.start } else { name_start }),
                close: at(args),
                attr_value: (!selector)
                    .then(|| (at(args), at(tok.end.saturating_sub(1).max(args)))),
            }
        }
        // An attribute selector is the `[` (one character); an unquoted value maps there too.
        Kind::Attribute { value } => {
            let bracket = (at(tok.start), at(tok.start + 1));
            let value = value.map(|(s, e, quoted)| if quoted { (at(s), at(e)) } else { bracket });
            TokenMap {
                open: bracket.0,
                close: bracket.1,
                attr_value: value,
            }
        }
        _ => TokenMap {
            open: at(tok.start),
            close: at(tok.end),
            attr_value: None,
        },
    }
}

/// Output selector text → the mappings of its tokens, for rules printed again without a
/// marker (a rule copied into a `@media` block) and for nested rules' parent part.
#[derive(Default)]
pub struct SelectorRegistry {
    pub complexes: HashMap<String, Vec<TokenMap>>,
    pub rules: HashMap<String, RuleMap>,
}

/// The mappings of the tokens of one output complex selector `out` (its tokens `out_toks`),
/// from the written complex `written` (`None` entries: `&`) and the registered parents.
pub fn resolve_complex(
    out: &str,
    out_toks: &[Tok],
    written: &[Option<(String, TokenMap)>],
    registry: &SelectorRegistry,
) -> Option<Vec<TokenMap>> {
    let parent_at = written.iter().position(Option::is_none);
    let own: Vec<&(String, TokenMap)> = written.iter().flatten().collect();
    if own.is_empty() || out_toks.len() < own.len() {
        return None;
    }
    match parent_at {
        // `.a .b` nested in `.p`: the output is the parent's tokens then the written ones.
        None => {
            let n = out_toks.len().checked_sub(own.len())?;
            if !own
                .iter()
                .zip(&out_toks[n..])
                .all(|((text, _), t)| same_token(text, &out[t.start..t.end]))
            {
                return None;
            }
            let mut maps = Vec::new();
            if n > 0 {
                let prefix = out[..out_toks[n].start].trim_end_matches([' ', '>', '+', '~']);
                let parent = registry.complexes.get(prefix)?;
                if parent.len() != n {
                    return None;
                }
                maps.extend(parent.iter().copied());
            }
            maps.extend(own.iter().map(|(_, m)| *m));
            Some(maps)
        }
        // `&:hover`, `&.x`, `& + &`...: only a leading `&` is resolved.
        Some(0) if written[1..].iter().all(Option::is_some) => {
            let n = out_toks.len().checked_sub(own.len())?;
            if n == 0
                || !own
                    .iter()
                    .zip(&out_toks[n..])
                    .all(|((text, _), t)| same_token(text, &out[t.start..t.end]))
            {
                return None;
            }
            let prefix = out[..out_toks[n].start].trim_end_matches([' ', '>', '+', '~']);
            let parent = registry.complexes.get(prefix)?;
            if parent.len() != n {
                return None;
            }
            let mut maps: Vec<TokenMap> = parent.clone();
            maps.extend(own.iter().map(|(_, m)| *m));
            Some(maps)
        }
        _ => None,
    }
}

/// Tokens compare as printed: attribute quotes and spaces may differ from what was written.
fn same_token(written: &str, printed: &str) -> bool {
    if written == printed {
        return true;
    }
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '"' && *c != '\'')
            .collect()
    };
    norm(written) == norm(printed)
}

const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn vlq(out: &mut String, value: i64) {
    let mut v = if value < 0 {
        ((-value) << 1) | 1
    } else {
        value << 1
    } as u64;
    loop {
        let mut digit = (v & 31) as usize;
        v >>= 5;
        if v > 0 {
            digit |= 32;
        }
        out.push(B64[digit] as char);
        if v == 0 {
            break;
        }
    }
}

/// libsass's `serialize_mappings`: every mapping has 4 fields, relative to the previous one.
pub fn serialize(mappings: &[Mapping]) -> String {
    let mut out = String::new();
    let (mut prev_line, mut prev_col) = (0usize, 0i64);
    let (mut prev_file, mut prev_src_line, mut prev_src_col) = (0i64, 0i64, 0i64);
    for (i, m) in mappings.iter().enumerate() {
        if m.gen_line != prev_line {
            prev_col = 0;
            if m.gen_line > prev_line {
                out.push_str(&";".repeat(m.gen_line - prev_line));
                prev_line = m.gen_line;
            }
        } else if i > 0 {
            out.push(',');
        }
        vlq(&mut out, m.gen_col as i64 - prev_col);
        prev_col = m.gen_col as i64;
        vlq(&mut out, m.src.file as i64 - prev_file);
        prev_file = m.src.file as i64;
        vlq(&mut out, m.src.line as i64 - prev_src_line);
        prev_src_line = m.src.line as i64;
        vlq(&mut out, m.src.col as i64 - prev_src_col);
        prev_src_col = m.src.col as i64;
    }
    out
}
