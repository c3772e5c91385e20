//! Template tokenizer and parser: text, `{{ output }}` and `{% tag %}` tokens become a tree
//! of nodes, with Liquid 4's whitespace control, blank-body detection, line numbers and
//! lax/warn/strict error modes.

use super::ast::*;
use super::error::{ErrorKind, LResult, LiquidError};
use super::expr::{Expr, TokParser};
use super::ruby::{is_regex_space, is_word, lstrip, rstrip};
use super::syntax::{self, quoted_fragment, quoted_fragments, s, skip_spaces};
use super::{ErrorMode, ParseInfo, Registry, TagFactory};
use std::sync::atomic::{AtomicUsize, Ordering};

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

static CYCLE_IDS: AtomicUsize = AtomicUsize::new(0);

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

    /// Parses the markup of `{{ ... }}` (or an `assign` source) in the current error mode.
    pub fn parse_output(&mut self, markup: &str) -> LResult<Output> {
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

pub(crate) fn lax_output(markup: &str, line: usize) -> Output {
    let c: Vec<char> = markup.chars().collect();
    let Some((a, b)) = syntax::find_quoted_fragment(&c, 0) else {
        return Output {
            expr: Expr::Lit(crate::value::Value::Nil),
            filters: Vec::new(),
            line,
        };
    };
    let expr = Expr::parse(&s(&c, a, b));
    let rest = s(&c, b, c.len());
    let mut filters = Vec::new();
    if let Some(p) = rest.find('|') {
        let fm = rest[p + 1..].trim_start_matches(is_regex_space);
        for (name, args) in syntax::lax_filters(fm) {
            filters.push(filter_call(name, &args));
        }
    }
    Output {
        expr,
        filters,
        line,
    }
}

fn filter_call(name: String, args: &[String]) -> FilterCall {
    let mut pos = Vec::new();
    let mut kw = Vec::new();
    for a in args {
        match syntax::just_tag_attribute(a) {
            Some((k, v)) => kw.push((k, Expr::parse(&v))),
            None => pos.push(Expr::parse(a)),
        }
    }
    FilterCall {
        name,
        args: pos,
        kwargs: kw,
    }
}

fn strict_output(markup: &str, line: usize) -> Result<Output, String> {
    let mut p = TokParser::new(markup)?;
    let expr = Expr::parse(&p.expression()?);
    let mut filters = Vec::new();
    while p.consume_if("pipe").is_some() {
        let name = p.consume("id")?;
        let mut args = Vec::new();
        if p.consume_if("colon").is_some() {
            args.push(p.argument()?);
            while p.consume_if("comma").is_some() {
                args.push(p.argument()?);
            }
        }
        filters.push(filter_call(name, &args));
    }
    p.consume("end_of_string")?;
    Ok(Output {
        expr,
        filters,
        line,
    })
}

fn comparison(left: &str, op: Option<String>, right: Option<&str>) -> Condition {
    Condition {
        left: Expr::parse(left),
        op,
        right: right
            .map(Expr::parse)
            .unwrap_or(Expr::Lit(crate::value::Value::Nil)),
        child: None,
    }
}

fn lax_condition(markup: &str) -> LResult<Condition> {
    let err = || LiquidError::syntax("Syntax Error in tag 'if' - Valid syntax: if [expression]");
    let mut parts = syntax::lax_condition_parts(markup);
    let last = parts.pop().ok_or_else(err)?;
    let (l, op, r) = syntax::lax_comparison(&last).ok_or_else(err)?;
    let mut cond = comparison(&l, op, r.as_deref());
    while !parts.is_empty() {
        let operator = parts
            .pop()
            .unwrap_or_default()
            .trim_matches(super::ruby::is_strip_ws)
            .to_string();
        let expr = parts.pop().unwrap_or_default();
        let (l, op, r) = syntax::lax_comparison(&expr).ok_or_else(err)?;
        let mut new = comparison(&l, op, r.as_deref());
        let is_and = match operator.as_str() {
            "and" => true,
            "or" => false,
            _ => return Err(err()),
        };
        new.child = Some((is_and, Box::new(cond)));
        cond = new;
    }
    Ok(cond)
}

pub(crate) fn strict_condition(markup: &str) -> Result<Condition, String> {
    let mut p = TokParser::new(markup)?;
    let mut conds = vec![strict_comparison(&mut p)?];
    let mut ops = Vec::new();
    loop {
        let is_and = if p.id_is("and") {
            true
        } else if p.id_is("or") {
            false
        } else {
            break;
        };
        ops.push(is_and);
        conds.push(strict_comparison(&mut p)?);
    }
    p.consume("end_of_string")?;
    // Build the right-nested chain a (op) (b (op) c ...).
    let mut cond = conds.pop().ok_or("empty condition")?;
    while let Some(mut prev) = conds.pop() {
        let is_and = ops.pop().unwrap_or(false);
        prev.child = Some((is_and, Box::new(cond)));
        cond = prev;
    }
    Ok(cond)
}

fn strict_comparison(p: &mut TokParser) -> Result<Condition, String> {
    let a = p.expression()?;
    if let Some(op) = p.consume_if("comparison") {
        let b = p.expression()?;
        Ok(comparison(&a, Some(op), Some(&b)))
    } else {
        Ok(comparison(&a, None, None))
    }
}

fn when_values(markup: &str) -> LResult<Vec<Expr>> {
    // WhenSyntax = /(QF)(?:(?:\s+or\s+|\s*\,\s*)(QF.*))?/m, applied repeatedly to the rest.
    let err = || {
        LiquidError::syntax("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}")
    };
    let mut out = Vec::new();
    let mut rest: String = markup.to_string();
    loop {
        let c: Vec<char> = rest.chars().collect();
        let (a, b) = syntax::find_quoted_fragment(&c, 0).ok_or_else(err)?;
        out.push(Expr::parse(&s(&c, a, b)));
        // separator
        let mut next = None;
        let j = skip_spaces(&c, b);
        if j > b
            && j + 2 <= c.len()
            && c[j] == 'o'
            && c[j + 1] == 'r'
            && j + 2 < c.len()
            && is_regex_space(c[j + 2])
        {
            let k = skip_spaces(&c, j + 2);
            if quoted_fragment(&c, k).is_some() {
                next = Some(k);
            }
        }
        if next.is_none() && j < c.len() && c[j] == ',' {
            let k = skip_spaces(&c, j + 1);
            if quoted_fragment(&c, k).is_some() {
                next = Some(k);
            }
        }
        match next {
            Some(k) => rest = s(&c, k, c.len()),
            None => break,
        }
    }
    Ok(out)
}

fn is_signature_char(c: char) -> bool {
    is_word(c) || matches!(c, '-' | '.' | '[' | ']')
}

/// `VariableSignature+` from `i`, where `VariableSignature = /\(?[\w\-\.\[\]]\)?/`.
fn signature_run(c: &[char], mut i: usize) -> usize {
    loop {
        let mut j = i;
        if j < c.len() && c[j] == '(' {
            j += 1;
        }
        if j < c.len() && is_signature_char(c[j]) {
            j += 1;
            if j < c.len() && c[j] == ')' {
                j += 1;
            }
            i = j;
        } else {
            return i;
        }
    }
}

/// `Assign::Syntax = /(VariableSignature+)\s*=\s*(.*)\s*/om`
fn assign_syntax(markup: &str) -> Option<(String, String)> {
    let c: Vec<char> = markup.chars().collect();
    for start in 0..c.len() {
        let end = signature_run(&c, start);
        if end == start {
            continue;
        }
        let j = skip_spaces(&c, end);
        if j < c.len() && c[j] == '=' {
            let k = skip_spaces(&c, j + 1);
            return Some((s(&c, start, end), s(&c, k, c.len())));
        }
    }
    None
}

/// `Capture::Syntax = /(VariableSignature+)/`
fn capture_syntax(markup: &str) -> Option<String> {
    let c: Vec<char> = markup.chars().collect();
    (0..c.len()).find_map(|start| {
        let end = signature_run(&c, start);
        (end > start).then(|| s(&c, start, end))
    })
}

fn for_attributes(tag: &mut ForTag, attrs: Vec<(String, String)>) {
    for (k, v) in attrs {
        match k.as_str() {
            "offset" => {
                tag.offset = Some(if v == "continue" {
                    ForOffset::Continue
                } else {
                    ForOffset::Expr(Expr::parse(&v))
                })
            }
            "limit" => tag.limit = Some(Expr::parse(&v)),
            _ => {}
        }
    }
}

fn lax_for(markup: &str) -> LResult<ForTag> {
    // Syntax = /\A([\w-]+)\s+in\s+(QuotedFragment+)\s*(reversed)?/
    let err = || {
        LiquidError::syntax("Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]")
    };
    let c: Vec<char> = markup.chars().collect();
    let mut i = 0;
    while i < c.len() && (is_word(c[i]) || c[i] == '-') {
        i += 1;
    }
    if i == 0 {
        return Err(err());
    }
    let var = s(&c, 0, i);
    let j = skip_spaces(&c, i);
    if j == i || j + 2 > c.len() || c[j] != 'i' || c[j + 1] != 'n' {
        return Err(err());
    }
    let k = skip_spaces(&c, j + 2);
    if k == j + 2 {
        return Err(err());
    }
    let e = quoted_fragments(&c, k).ok_or_else(err)?;
    let coll = s(&c, k, e);
    let r = skip_spaces(&c, e);
    let reversed = s(&c, r, c.len()).starts_with("reversed");
    let mut tag = ForTag::new(
        var.clone(),
        format!("{var}-{coll}"),
        Expr::parse(&coll),
        reversed,
    );
    for_attributes(&mut tag, syntax::scan_tag_attributes(markup));
    Ok(tag)
}

fn strict_for(markup: &str) -> Result<ForTag, String> {
    let mut p = TokParser::new(markup)?;
    let var = p.consume("id")?;
    if !p.id_is("in") {
        return Err("For loops require an 'in' clause".into());
    }
    let coll = p.expression()?;
    let reversed = p.id_is("reversed");
    let mut tag = ForTag::new(
        var.clone(),
        format!("{var}-{coll}"),
        Expr::parse(&coll),
        reversed,
    );
    let mut attrs = Vec::new();
    while p.look("id", 0) && p.look("colon", 1) {
        let attr = if p.id_is("limit") {
            "limit"
        } else if p.id_is("offset") {
            "offset"
        } else {
            return Err(
                "Invalid attribute in for loop. Valid attributes are limit and offset".into(),
            );
        };
        p.consume_any();
        attrs.push((attr.to_string(), p.expression()?));
    }
    p.consume("end_of_string")?;
    for_attributes(&mut tag, attrs);
    Ok(tag)
}

fn tablerow_syntax(markup: &str) -> LResult<TablerowTag> {
    // Syntax = /(\w+)\s+in\s+(QuotedFragment+)/ (unanchored)
    let err = || {
        LiquidError::syntax("Syntax Error in 'table_row loop' - Valid syntax: table_row [item] in [collection] cols=3")
    };
    let c: Vec<char> = markup.chars().collect();
    let mut i = 0;
    while i < c.len() {
        if is_word(c[i]) {
            let we = syntax::word_end(&c, i);
            let j = skip_spaces(&c, we);
            if j > we && j + 2 <= c.len() && c[j] == 'i' && c[j + 1] == 'n' {
                let k = skip_spaces(&c, j + 2);
                if k > j + 2 {
                    if let Some(e) = quoted_fragments(&c, k) {
                        let attrs = syntax::scan_tag_attributes(markup)
                            .into_iter()
                            .map(|(k, v)| (k, Expr::parse(&v)))
                            .collect();
                        return Ok(TablerowTag {
                            var: s(&c, i, we),
                            collection: Expr::parse(&s(&c, k, e)),
                            attrs,
                            body: Body::default(),
                        });
                    }
                }
            }
            i += 1;
            continue;
        }
        i += 1;
    }
    Err(err())
}

fn cycle_syntax(markup: &str) -> LResult<TagKind> {
    let c: Vec<char> = markup.chars().collect();
    // NamedSyntax = /\A(QuotedFragment)\s*\:\s*(.*)/m, with the regex's backtracking into
    // the fragment (so `name: a, b` names the group `name`).
    if let Some(e) = quoted_fragment(&c, 0) {
        let mut candidates = vec![e];
        for k in (1..e).rev() {
            if c[k] == ':' {
                candidates.push(k);
            }
        }
        for end in candidates {
            let j = skip_spaces(&c, end);
            if j < c.len() && c[j] == ':' {
                let rest = s(&c, skip_spaces(&c, j + 1), c.len());
                let values = cycle_values(&rest);
                return Ok(TagKind::Cycle {
                    key: CycleKey::Named(Expr::parse(&s(&c, 0, end))),
                    values,
                });
            }
        }
        let values = cycle_values(markup);
        let all_literal = values.iter().all(|v| matches!(v, Expr::Lit(_)));
        let key = if all_literal {
            let lits: Vec<String> = values
                .iter()
                .map(|v| match v {
                    Expr::Lit(x) => super::ruby::inspect(x),
                    _ => String::new(),
                })
                .collect();
            format!("[{}]", lits.join(", "))
        } else {
            format!("#<cycle {}>", CYCLE_IDS.fetch_add(1, Ordering::Relaxed))
        };
        return Ok(TagKind::Cycle {
            key: CycleKey::Static(key),
            values,
        });
    }
    Err(LiquidError::syntax(
        "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
    ))
}

fn cycle_values(markup: &str) -> Vec<Expr> {
    markup
        .split(',')
        .filter_map(|part| {
            let c: Vec<char> = part.chars().collect();
            syntax::find_quoted_fragment(&c, 0).map(|(a, b)| Expr::parse(&s(&c, a, b)))
        })
        .collect()
}

fn include_syntax(markup: &str) -> LResult<IncludeTag> {
    // Syntax = /(QF+)(\s+(?:with|for)\s+(QF+))?/
    let err = || {
        LiquidError::syntax("Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]")
    };
    let c: Vec<char> = markup.chars().collect();
    let (a, _) = syntax::find_quoted_fragment(&c, 0).ok_or_else(err)?;
    let b = quoted_fragments(&c, a).ok_or_else(err)?;
    let name = Expr::parse(&s(&c, a, b));
    let mut variable = None;
    let j = skip_spaces(&c, b);
    if j > b {
        let rest = s(&c, j, c.len());
        for kw in ["with", "for"] {
            if let Some(r) = rest.strip_prefix(kw) {
                let rc: Vec<char> = r.chars().collect();
                let k = skip_spaces(&rc, 0);
                if k > 0 {
                    if let Some(e) = quoted_fragments(&rc, k) {
                        variable = Some(Expr::parse(&s(&rc, k, e)));
                    }
                }
            }
        }
    }
    let attrs = syntax::scan_tag_attributes(markup)
        .into_iter()
        .map(|(k, v)| (k, Expr::parse(&v)))
        .collect();
    Ok(IncludeTag {
        name,
        variable,
        attrs,
    })
}
