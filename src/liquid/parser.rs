//! Template tokenizer and parser: text, `{{ output }}` and `{% tag %}` tokens become a tree
//! of nodes, with Liquid 4's whitespace control, blank-body detection, line numbers and
//! lax/warn/strict error modes.

use super::ast::*;
use super::error::{ErrorKind, LResult, LiquidError};
use super::expr::Expr;
use super::markup::{
    assign_syntax, capture_syntax, cycle_syntax, include_syntax, lax_condition, lax_for,
    lax_output, strict_condition, strict_for, strict_output, tablerow_syntax, when_values,
};
use super::ruby::{is_regex_space, lstrip, rstrip};
use super::syntax::{self, s, skip_spaces};
use super::{ErrorMode, ParseInfo, Registry, TagFactory};

/// Blocks nest at most this deep (Liquid's `Block::MAX_DEPTH`).
pub const MAX_DEPTH: usize = 100;

/// Splits a template the way `source.split(TemplateParser)` does.
pub fn tokenize(src: &str) -> Vec<&str> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut last = 0;
    let mut i = 0;
    while i + 1 < b.len() {
        if b[i] == b'{' && (b[i + 1] == b'{' || b[i + 1] == b'%') {
            let end = if b[i + 1] == b'%' {
                match src[i + 2..].find("%}") {
                    Some(q) => i + 2 + q + 2,
                    None => i + 2,
                }
            } else {
                match src[i + 2..].find('}') {
                    Some(q) => {
                        let e = i + 2 + q + 1;
                        if e < b.len() && b[e] == b'}' {
                            e + 1
                        } else {
                            e
                        }
                    }
                    None => i + 2,
                }
            };
            if i > last || !out.is_empty() {
                out.push(&src[last..i]);
            }
            out.push(&src[i..end]);
            last = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if last < src.len() {
        out.push(&src[last..]);
    }
    out
}

pub struct Parser<'a> {
    reg: &'a Registry,
    mode: ErrorMode,
    tokens: Vec<&'a str>,
    pos: usize,
    /// `tokenizer.line_number`: the line after the last shifted token.
    tok_line: usize,
    /// `parse_context.line_number`: the line of the token being handled.
    line: usize,
    depth: usize,
    trim_next: bool,
    pub warnings: Vec<LiquidError>,
}

impl<'a> Parser<'a> {
    pub fn new(reg: &'a Registry, mode: ErrorMode, src: &'a str) -> Self {
        Parser {
            reg,
            mode,
            tokens: tokenize(src),
            pos: 0,
            tok_line: 1,
            line: 1,
            depth: 0,
            trim_next: false,
            warnings: Vec::new(),
        }
    }

    fn shift(&mut self) -> Option<&'a str> {
        let t = *self.tokens.get(self.pos)?;
        self.pos += 1;
        self.tok_line += t.bytes().filter(|&c| c == b'\n').count();
        Some(t)
    }

    fn info(&self) -> ParseInfo {
        ParseInfo {
            line: self.line,
            error_mode: self.mode,
        }
    }

    pub fn parse_document(&mut self) -> LResult<Body> {
        let mut body = Body::default();
        let r = self.parse_block_body(&mut body).and_then(|end| match end {
            None => Ok(()),
            Some((tag, _)) => Err(LiquidError::syntax(if tag == "else" || tag == "end" {
                format!("Unexpected outer '{tag}' tag")
            } else {
                format!("Unknown tag '{tag}'")
            })),
        });
        match r {
            Ok(()) => Ok(body),
            Err(e) => Err(e.with_line(self.line)),
        }
    }

    /// `BlockBody#parse`: fills `body` until a tag this body does not know; returns that
    /// tag's name and markup (None at end of input).
    fn parse_block_body(&mut self, body: &mut Body) -> LResult<Option<(String, String)>> {
        self.line = self.tok_line;
        while let Some(token) = self.shift() {
            if token.is_empty() {
                continue;
            }
            if token.starts_with("{%") {
                self.whitespace_handler(token, body);
                let Some((name, markup)) = full_token(token) else {
                    return Err(LiquidError::syntax(format!(
                        "Tag '{token}' was not properly terminated with regexp: /\\%\\}}/"
                    )));
                };
                match self.parse_tag(&name, &markup)? {
                    Some(node) => {
                        body.blank &= node.blank();
                        body.nodes.push(Node::Tag(Box::new(node)));
                    }
                    None => return Ok(Some((name, markup))),
                }
            } else if token.starts_with("{{") {
                self.whitespace_handler(token, body);
                let out = self.create_variable(token)?;
                body.nodes.push(Node::Output(out));
                body.blank = false;
            } else {
                let text = if self.trim_next { lstrip(token) } else { token };
                self.trim_next = false;
                body.blank &= text.chars().all(is_regex_space);
                if !text.is_empty() {
                    body.nodes.push(Node::Text(text.to_string()));
                }
            }
            self.line = self.tok_line;
        }
        Ok(None)
    }

    fn whitespace_handler(&mut self, token: &str, body: &mut Body) {
        let b = token.as_bytes();
        if b.get(2) == Some(&b'-') {
            if let Some(Node::Text(t)) = body.nodes.last_mut() {
                let n = rstrip(t).len();
                t.truncate(n);
                if t.is_empty() {
                    body.nodes.pop();
                }
            }
        }
        self.trim_next = b.len() >= 3 && b[b.len() - 3] == b'-';
    }

    fn create_variable(&mut self, token: &str) -> LResult<Output> {
        // ContentOfVariable = /\A\{\{-?(.*?)-?\}\}\z/m
        if token.len() >= 4 && token.ends_with("}}") {
            let mut inner = &token[2..token.len() - 2];
            if let Some(r) = inner.strip_prefix('-') {
                inner = r;
            }
            if let Some(r) = inner.strip_suffix('-') {
                inner = r;
            }
            return self.parse_output(inner);
        }
        Err(LiquidError::syntax(format!(
            "Variable '{token}' was not properly terminated with regexp: /\\}}\\}}/"
        )))
    }

    /// Parses the markup of `{{ ... }}` (or an `assign` source) in the current error mode,
    /// with its filters resolved.
    pub fn parse_output(&mut self, markup: &str) -> LResult<Output> {
        let mut out = self.parse_output_markup(markup)?;
        for f in &mut out.filters {
            f.target = super::filters::resolve(self.reg, &f.name);
        }
        Ok(out)
    }

    fn parse_output_markup(&mut self, markup: &str) -> LResult<Output> {
        let line = self.line;
        let ctx = || format!("in \"{{{{{markup}}}}}\"");
        match self.mode {
            ErrorMode::Lax => Ok(lax_output(markup, line)),
            ErrorMode::Strict => {
                strict_output(markup, line).map_err(|m| strict_error(m, line, ctx()))
            }
            ErrorMode::Warn => match strict_output(markup, line) {
                Ok(o) => Ok(o),
                Err(m) => {
                    self.warnings.push(strict_error(m, line, ctx()));
                    Ok(lax_output(markup, line))
                }
            },
        }
    }

    fn parse_condition(&mut self, markup: &str) -> LResult<Condition> {
        let line = self.line;
        let ctx = || format!("in \"{}\"", super::ruby::strip(markup));
        match self.mode {
            ErrorMode::Lax => lax_condition(markup),
            ErrorMode::Strict => strict_condition(markup).map_err(|m| strict_error(m, line, ctx())),
            ErrorMode::Warn => match strict_condition(markup) {
                Ok(c) => Ok(c),
                Err(m) => {
                    self.warnings.push(strict_error(m, line, ctx()));
                    lax_condition(markup)
                }
            },
        }
    }

    /// Parses a block's body up to its end tag; returns an intermediate tag (`else`, ...)
    /// for the caller, or None once `end<name>` is reached.
    fn parse_body(
        &mut self,
        name: &str,
        body: &mut Body,
        blank: &mut bool,
    ) -> LResult<Option<(String, String)>> {
        if self.depth >= MAX_DEPTH {
            return Err(LiquidError::new(ErrorKind::StackLevel, "Nesting too deep"));
        }
        self.depth += 1;
        let r = self.parse_block_body(body);
        self.depth -= 1;
        let end = r?;
        *blank &= body.blank;
        match end {
            None => Err(LiquidError::syntax(format!(
                "'{name}' tag was never closed"
            ))),
            Some((tag, _)) if tag == format!("end{name}") => Ok(None),
            Some(other) => Ok(Some(other)),
        }
    }

    fn unknown_tag(&self, block: &str, tag: &str) -> LiquidError {
        if tag == "else" {
            LiquidError::syntax(format!("{block} tag does not expect 'else' tag"))
        } else if tag.starts_with("end") {
            LiquidError::syntax(format!(
                "'{tag}' is not a valid delimiter for {block} tags. use end{block}"
            ))
        } else {
            LiquidError::syntax(format!("Unknown tag '{tag}'"))
        }
    }

    /// A body whose only valid end is `end<name>`.
    fn simple_block(&mut self, name: &str) -> LResult<(Body, bool)> {
        let mut body = Body::default();
        let mut blank = true;
        if let Some((tag, _)) = self.parse_body(name, &mut body, &mut blank)? {
            return Err(self.unknown_tag(name, &tag));
        }
        Ok((body, blank))
    }

    /// Parses one tag; None when no tag of that name exists (the caller decides).
    /// Each tag has its own small function: nested blocks recurse through here, and
    /// small frames keep deep nesting within a 2 MiB thread stack.
    fn parse_tag(&mut self, name: &str, markup: &str) -> LResult<Option<TagNode>> {
        let line = self.line;
        let parsed = if let Some(factory) = self.reg.tags.get(name) {
            let factory = factory.clone();
            self.tag_custom(&factory, name, markup)?
        } else {
            match name {
                "assign" => self.tag_assign(markup)?,
                "capture" => self.tag_capture(markup)?,
                "if" | "unless" => self.tag_if(name, markup)?,
                "case" => self.tag_case(markup)?,
                "for" => self.tag_for(markup)?,
                "tablerow" => self.tag_tablerow(markup)?,
                "cycle" => (cycle_syntax(markup)?, false),
                "increment" => (
                    TagKind::Increment(super::ruby::strip(markup).to_string()),
                    false,
                ),
                "decrement" => (
                    TagKind::Decrement(super::ruby::strip(markup).to_string()),
                    false,
                ),
                "break" => (TagKind::Break, false),
                "continue" => (TagKind::Continue, false),
                "comment" => self.tag_comment()?,
                "raw" => self.tag_raw(markup)?,
                "ifchanged" => {
                    let (body, blank) = self.simple_block("ifchanged")?;
                    (TagKind::Ifchanged(body), blank)
                }
                "include" => (TagKind::Include(Box::new(include_syntax(markup)?)), false),
                _ => return Ok(None),
            }
        };
        let (kind, blank) = parsed;
        Ok(Some(TagNode { line, kind, blank }))
    }

    #[inline(never)]
    fn tag_custom(
        &mut self,
        factory: &TagFactory,
        name: &str,
        markup: &str,
    ) -> LResult<(TagKind, bool)> {
        let info = self.info();
        match factory {
            TagFactory::Simple(f) => {
                let tag = f(name, markup, &info)?;
                let blank = tag.blank();
                Ok((TagKind::Custom(tag), blank))
            }
            TagFactory::Block(f) => {
                // Like any Liquid::Block, a block tag is blank when its body is: its
                // output is then dropped (`{% highlight %}` with an empty body prints nothing).
                let (body, blank) = self.simple_block(name)?;
                Ok((TagKind::CustomBlock(f(name, markup, body, &info)?), blank))
            }
        }
    }

    #[inline(never)]
    fn tag_assign(&mut self, markup: &str) -> LResult<(TagKind, bool)> {
        let (to, from) = assign_syntax(markup).ok_or_else(|| {
            LiquidError::syntax("Syntax Error in 'assign' - Valid syntax: assign [var] = [source]")
        })?;
        let from = self.parse_output(&from)?;
        Ok((TagKind::Assign { to, from }, true))
    }

    #[inline(never)]
    fn tag_capture(&mut self, markup: &str) -> LResult<(TagKind, bool)> {
        let to = capture_syntax(markup).ok_or_else(|| {
            LiquidError::syntax("Syntax Error in 'capture' - Valid syntax: capture [var]")
        })?;
        let (body, _) = self.simple_block("capture")?;
        Ok((TagKind::Capture { to, body }, true))
    }

    #[inline(never)]
    fn tag_if(&mut self, name: &str, markup: &str) -> LResult<(TagKind, bool)> {
        let mut branches = Vec::new();
        let mut cond = Some(self.parse_condition(markup)?);
        let mut blank = true;
        loop {
            let mut body = Body::default();
            let end = self.parse_body(name, &mut body, &mut blank)?;
            branches.push(Branch {
                cond: cond.take(),
                body,
            });
            match end {
                None => break,
                Some((tag, m)) if tag == "elsif" => cond = Some(self.parse_condition(&m)?),
                Some((tag, _)) if tag == "else" => cond = None,
                Some((tag, _)) => return Err(self.unknown_tag(name, &tag)),
            }
        }
        Ok((
            TagKind::If {
                branches,
                unless: name == "unless",
            },
            blank,
        ))
    }

    #[inline(never)]
    fn tag_case(&mut self, markup: &str) -> LResult<(TagKind, bool)> {
        let c: Vec<char> = markup.chars().collect();
        let (a, b) = syntax::find_quoted_fragment(&c, 0).ok_or_else(|| {
            LiquidError::syntax("Syntax Error in 'case' - Valid syntax: case [condition]")
        })?;
        let left = Expr::parse(&s(&c, a, b));
        let mut blank = true;
        let mut whens: Vec<CaseBranch> = Vec::new();
        let mut body = Body::default();
        let mut pending: Option<CaseBranchKind> = None;
        loop {
            let end = self.parse_body("case", &mut body, &mut blank)?;
            if let Some(kind) = pending.take() {
                whens.push(CaseBranch {
                    kind,
                    body: std::mem::take(&mut body),
                });
            } else {
                body = Body::default();
            }
            match end {
                None => break,
                Some((tag, m)) if tag == "when" => {
                    pending = Some(CaseBranchKind::When(when_values(&m)?))
                }
                Some((tag, m)) if tag == "else" => {
                    if !m.trim_matches(super::ruby::is_strip_ws).is_empty() {
                        return Err(LiquidError::syntax(
                            "Syntax Error in tag 'case' - Valid else condition: {% else %} (no parameters) ",
                        ));
                    }
                    pending = Some(CaseBranchKind::Else);
                }
                Some((tag, _)) => return Err(self.unknown_tag("case", &tag)),
            }
        }
        Ok((
            TagKind::Case {
                left,
                branches: whens,
            },
            blank,
        ))
    }

    #[inline(never)]
    fn tag_for(&mut self, markup: &str) -> LResult<(TagKind, bool)> {
        let mut tag = self.for_syntax(markup)?;
        let mut blank = true;
        match self.parse_body("for", &mut tag.body, &mut blank)? {
            None => {}
            Some((t, _)) if t == "else" => {
                let mut eb = Body::default();
                if let Some((t2, _)) = self.parse_body("for", &mut eb, &mut blank)? {
                    return Err(self.unknown_tag("for", &t2));
                }
                tag.else_body = Some(eb);
            }
            Some((t, _)) => return Err(self.unknown_tag("for", &t)),
        }
        Ok((TagKind::For(Box::new(tag)), blank))
    }

    #[inline(never)]
    fn tag_tablerow(&mut self, markup: &str) -> LResult<(TagKind, bool)> {
        let mut tag = tablerow_syntax(markup)?;
        let (body, blank) = self.simple_block("tablerow")?;
        tag.body = body;
        Ok((TagKind::Tablerow(Box::new(tag)), blank))
    }

    #[inline(never)]
    fn tag_comment(&mut self) -> LResult<(TagKind, bool)> {
        // Comment bodies are parsed (and must be valid); unknown tags are allowed.
        let mut blank = true;
        let mut body = Body::default();
        while self.parse_body("comment", &mut body, &mut blank)?.is_some() {}
        Ok((TagKind::Comment, true))
    }

    #[inline(never)]
    fn tag_raw(&mut self, markup: &str) -> LResult<(TagKind, bool)> {
        if !markup.chars().all(is_regex_space) {
            return Err(LiquidError::syntax(
                "Syntax Error in 'raw' - Valid syntax: raw",
            ));
        }
        let text = self.raw_body()?;
        let blank = text.is_empty();
        Ok((TagKind::Raw(text), blank))
    }

    fn raw_body(&mut self) -> LResult<String> {
        let mut body = String::new();
        while let Some(token) = self.shift() {
            if let Some((before, name)) = raw_token(token) {
                if !before.is_empty() {
                    body.push_str(before);
                }
                if name == "endraw" {
                    return Ok(body);
                }
            }
            body.push_str(token);
        }
        Err(LiquidError::syntax("'raw' tag was never closed"))
    }

    fn for_syntax(&mut self, markup: &str) -> LResult<ForTag> {
        let line = self.line;
        let ctx = || format!("in \"{}\"", super::ruby::strip(markup));
        match self.mode {
            ErrorMode::Lax => lax_for(markup),
            ErrorMode::Strict => strict_for(markup).map_err(|m| strict_error(m, line, ctx())),
            ErrorMode::Warn => match strict_for(markup) {
                Ok(t) => Ok(t),
                Err(m) => {
                    self.warnings.push(strict_error(m, line, ctx()));
                    lax_for(markup)
                }
            },
        }
    }
}

fn strict_error(m: String, line: usize, ctx: String) -> LiquidError {
    let mut e = LiquidError::syntax(m);
    e.line = Some(line);
    e.markup_context = Some(ctx);
    e
}

/// `FullToken = /\A\{%-?\s*(\w+)\s*(.*?)-?%\}\z/m`
fn full_token(token: &str) -> Option<(String, String)> {
    if token.len() < 4 || !token.ends_with("%}") {
        return None;
    }
    let inner = &token[2..token.len() - 2];
    let try_from = |inner: &str| -> Option<(String, String)> {
        let c: Vec<char> = inner.chars().collect();
        let i = skip_spaces(&c, 0);
        let we = syntax::word_end(&c, i);
        if we == i {
            return None;
        }
        let j = skip_spaces(&c, we);
        let mut rest = s(&c, j, c.len());
        if rest.ends_with('-') {
            rest.pop();
        }
        Some((s(&c, i, we), rest))
    };
    if let Some(r) = inner.strip_prefix('-') {
        if let Some(x) = try_from(r) {
            return Some(x);
        }
    }
    try_from(inner)
}

/// `Raw::FullTokenPossiblyInvalid = /\A(.*)\{%\s*(\w+)\s*(.*)?%\}\z/m`
fn raw_token(token: &str) -> Option<(&str, String)> {
    if !token.ends_with("%}") {
        return None;
    }
    let body = &token[..token.len() - 2];
    // `(.*)` is greedy: the last `{%` followed by a word wins.
    let positions: Vec<usize> = body.match_indices("{%").map(|(i, _)| i).collect();
    for &p in positions.iter().rev() {
        let c: Vec<char> = body[p + 2..].chars().collect();
        let i = skip_spaces(&c, 0);
        let we = syntax::word_end(&c, i);
        if we > i {
            return Some((&token[..p], s(&c, i, we)));
        }
    }
    None
}
