//! Expressions: literals, variable lookups (`a.b[0]["c"]`), ranges, and the strict-mode
//! token lexer/parser. Parsing follows Liquid's two-step shape: a markup string is cut
//! into fragments, and each fragment is classified by `Expr::parse` (Liquid's
//! `Expression.parse`), so lax and strict mode agree on what a fragment means.

use super::ruby::{is_regex_space, is_word, str_to_f, str_to_i};
use crate::value::Value;

const MAX_EXPR_DEPTH: usize = 50;

#[derive(Clone, Debug)]
pub enum Expr {
    Lit(Value),
    /// `empty` / `blank`: compare by calling `empty?` / `blank?` on the other side.
    Empty,
    Blank,
    Var(Box<Lookup>),
    Range(Box<Expr>, Box<Expr>),
}

#[derive(Clone, Debug)]
pub struct Lookup {
    /// The first segment: a plain name, or a bracketed expression (`[name]`).
    pub name: Expr,
    pub keys: Vec<Key>,
}

#[derive(Clone, Debug)]
pub enum Key {
    /// `.name`; `size`, `first`, `last` also work as methods.
    Name(String),
    /// `[expr]`
    Expr(Expr),
}

impl Expr {
    /// Liquid's `Expression.parse` on a fragment of markup.
    pub fn parse(markup: &str) -> Expr {
        Expr::parse_nested(markup, 0)
    }

    /// Nesting (ranges inside ranges, brackets inside brackets) is bounded: deeper
    /// fragments read as nil instead of recursing without end.
    fn parse_nested(markup: &str, depth: usize) -> Expr {
        if depth > MAX_EXPR_DEPTH {
            return Expr::Lit(Value::Nil);
        }
        match markup {
            "" | "nil" | "null" => return Expr::Lit(Value::Nil),
            "true" => return Expr::Lit(Value::Bool(true)),
            "false" => return Expr::Lit(Value::Bool(false)),
            "blank" => return Expr::Blank,
            "empty" => return Expr::Empty,
            _ => {}
        }
        let b = markup.as_bytes();
        if b.len() >= 2
            && ((b[0] == b'\'' && b[b.len() - 1] == b'\'')
                || (b[0] == b'"' && b[b.len() - 1] == b'"'))
        {
            return Expr::Lit(Value::str(&markup[1..markup.len() - 1]));
        }
        if is_integer_literal(markup) {
            return match markup.parse::<i64>() {
                Ok(i) => Expr::Lit(Value::Int(i)),
                Err(_) => Expr::Lit(Value::Float(markup.parse().unwrap_or(0.0))),
            };
        }
        if let Some((a, z)) = range_parts(markup) {
            let start = Expr::parse_nested(a, depth + 1);
            let end = Expr::parse_nested(z, depth + 1);
            if let (Some(x), Some(y)) = (start.literal_to_i(), end.literal_to_i()) {
                return Expr::Lit(Value::Range(x, y));
            }
            return Expr::Range(Box::new(start), Box::new(end));
        }
        if is_float_literal(markup) {
            return Expr::Lit(Value::Float(str_to_f(markup)));
        }
        Expr::Var(Box::new(Lookup::parse_nested(markup, depth)))
    }

    /// `to_i` of a literal range bound, or None when the bound must be evaluated.
    fn literal_to_i(&self) -> Option<i64> {
        match self {
            Expr::Lit(Value::Int(i)) => Some(*i),
            Expr::Lit(Value::Float(f)) => Some(*f as i64),
            Expr::Lit(Value::Str(s)) => Some(str_to_i(s)),
            Expr::Lit(Value::Nil) => Some(0),
            Expr::Lit(_) => None,
            _ => None,
        }
    }
}

/// `/\A(-?\d+)\z/`
fn is_integer_literal(s: &str) -> bool {
    let d = s.strip_prefix('-').unwrap_or(s);
    !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit())
}

/// `/\A(-?\d[\d\.]+)\z/`
fn is_float_literal(s: &str) -> bool {
    let d = s.strip_prefix('-').unwrap_or(s).as_bytes();
    d.len() >= 2 && d[0].is_ascii_digit() && d[1..].iter().all(|c| c.is_ascii_digit() || *c == b'.')
}

/// `/\A\((\S+)\.\.(\S+)\)\z/`: the first `..` that leaves non-blank text on both sides
/// (the regex is greedy on the left, so it is the last workable one).
fn range_parts(s: &str) -> Option<(&str, &str)> {
    let inner = s.strip_prefix('(')?.strip_suffix(')')?;
    if inner.chars().any(is_regex_space) {
        return None;
    }
    let mut best = None;
    let mut i = 0;
    while let Some(p) = inner[i..].find("..") {
        let at = i + p;
        if at > 0 && at + 2 < inner.len() {
            best = Some((&inner[..at], &inner[at + 2..]));
        }
        i = at + 1;
    }
    best
}

impl Lookup {
    /// `VariableLookup.new`: scan `/\[[^\]]+\]|[\w-]+\??/`.
    pub fn parse(markup: &str) -> Lookup {
        Lookup::parse_nested(markup, 0)
    }

    fn parse_nested(markup: &str, depth: usize) -> Lookup {
        let parts = scan_variable_parts(markup);
        let mut iter = parts.into_iter();
        let name = match iter.next() {
            Some(first) => bracket_or_name(&first, depth),
            None => Expr::Lit(Value::Nil),
        };
        let name = match name {
            Expr::Lit(Value::Str(_)) | Expr::Lit(Value::Nil) => name,
            other => other,
        };
        let keys = iter
            .map(|p| match bracket_or_name(&p, depth) {
                Expr::Lit(Value::Str(s)) if !p.starts_with('[') => Key::Name(s.to_string()),
                e => Key::Expr(e),
            })
            .collect();
        Lookup { name, keys }
    }
}

fn bracket_or_name(part: &str, depth: usize) -> Expr {
    if part.len() >= 2 && part.starts_with('[') && part.ends_with(']') {
        Expr::parse_nested(&part[1..part.len() - 1], depth + 1)
    } else {
        Expr::Lit(Value::str(part))
    }
}

fn scan_variable_parts(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '[' {
            // `\[[^\]]+\]`
            let mut j = i + 1;
            while j < chars.len() && chars[j] != ']' {
                j += 1;
            }
            if j < chars.len() && j > i + 1 {
                out.push(chars[i..=j].iter().collect());
                i = j + 1;
                continue;
            }
            i += 1;
            continue;
        }
        if is_word(c) || c == '-' {
            let mut j = i;
            while j < chars.len() && (is_word(chars[j]) || chars[j] == '-') {
                j += 1;
            }
            if j < chars.len() && chars[j] == '?' {
                j += 1;
            }
            out.push(chars[i..j].iter().collect());
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

// ---------------------------------------------------------------------------------------
// Strict mode: Liquid's Lexer and Parser.

#[derive(Clone, Debug, PartialEq)]
pub enum Tok {
    Comparison(String),
    Str(String),
    Number(String),
    Id(String),
    DotDot,
    Pipe,
    Dot,
    Colon,
    Comma,
    OpenSquare,
    CloseSquare,
    OpenRound,
    CloseRound,
    Question,
    Dash,
    End,
}

impl Tok {
    pub fn kind(&self) -> &'static str {
        match self {
            Tok::Comparison(_) => "comparison",
            Tok::Str(_) => "string",
            Tok::Number(_) => "number",
            Tok::Id(_) => "id",
            Tok::DotDot => "dotdot",
            Tok::Pipe => "pipe",
            Tok::Dot => "dot",
            Tok::Colon => "colon",
            Tok::Comma => "comma",
            Tok::OpenSquare => "open_square",
            Tok::CloseSquare => "close_square",
            Tok::OpenRound => "open_round",
            Tok::CloseRound => "close_round",
            Tok::Question => "question",
            Tok::Dash => "dash",
            Tok::End => "end_of_string",
        }
    }

    fn text(&self) -> String {
        match self {
            Tok::Comparison(s) | Tok::Str(s) | Tok::Number(s) | Tok::Id(s) => s.clone(),
            Tok::DotDot => "..".into(),
            Tok::Pipe => "|".into(),
            Tok::Dot => ".".into(),
            Tok::Colon => ":".into(),
            Tok::Comma => ",".into(),
            Tok::OpenSquare => "[".into(),
            Tok::CloseSquare => "]".into(),
            Tok::OpenRound => "(".into(),
            Tok::CloseRound => ")".into(),
            Tok::Question => "?".into(),
            Tok::Dash => "-".into(),
            Tok::End => String::new(),
        }
    }

    /// Ruby's `token.to_s` for "[:dash, \"-\"] is not a valid expression".
    fn ruby_inspect(&self) -> String {
        match self {
            Tok::End => "[:end_of_string]".into(),
            t => format!("[:{}, {}]", t.kind(), super::ruby::inspect_str(&t.text())),
        }
    }
}

pub fn lex(input: &str) -> Result<Vec<Tok>, String> {
    let c: Vec<char> = input.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    let starts = |i: usize, s: &str| -> bool {
        let sc: Vec<char> = s.chars().collect();
        i + sc.len() <= c.len() && c[i..i + sc.len()] == sc[..]
    };
    loop {
        while i < c.len() && is_regex_space(c[i]) {
            i += 1;
        }
        if i >= c.len() {
            break;
        }
        // COMPARISON_OPERATOR = /==|!=|<>|<=?|>=?|contains(?=\s)/
        if starts(i, "==")
            || starts(i, "!=")
            || starts(i, "<>")
            || starts(i, "<=")
            || starts(i, ">=")
        {
            out.push(Tok::Comparison(c[i..i + 2].iter().collect()));
            i += 2;
            continue;
        }
        if c[i] == '<' || c[i] == '>' {
            out.push(Tok::Comparison(c[i].to_string()));
            i += 1;
            continue;
        }
        if starts(i, "contains") && i + 8 < c.len() && is_regex_space(c[i + 8]) {
            out.push(Tok::Comparison("contains".into()));
            i += 8;
            continue;
        }
        if c[i] == '\'' || c[i] == '"' {
            let q = c[i];
            if let Some(end) = c[i + 1..].iter().position(|&x| x == q) {
                out.push(Tok::Str(c[i..i + end + 2].iter().collect()));
                i += end + 2;
                continue;
            }
        }
        // NUMBER_LITERAL = /-?\d+(\.\d+)?/
        {
            let mut j = i;
            if j < c.len() && c[j] == '-' {
                j += 1;
            }
            let ds = j;
            while j < c.len() && c[j].is_ascii_digit() {
                j += 1;
            }
            if j > ds {
                if j + 1 < c.len() && c[j] == '.' && c[j + 1].is_ascii_digit() {
                    j += 1;
                    while j < c.len() && c[j].is_ascii_digit() {
                        j += 1;
                    }
                }
                out.push(Tok::Number(c[i..j].iter().collect()));
                i = j;
                continue;
            }
        }
        // IDENTIFIER = /[a-zA-Z_][\w-]*\??/
        if c[i].is_ascii_alphabetic() || c[i] == '_' {
            let mut j = i + 1;
            while j < c.len() && (is_word(c[j]) || c[j] == '-') {
                j += 1;
            }
            if j < c.len() && c[j] == '?' {
                j += 1;
            }
            out.push(Tok::Id(c[i..j].iter().collect()));
            i = j;
            continue;
        }
        if starts(i, "..") {
            out.push(Tok::DotDot);
            i += 2;
            continue;
        }
        let t = match c[i] {
            '|' => Tok::Pipe,
            '.' => Tok::Dot,
            ':' => Tok::Colon,
            ',' => Tok::Comma,
            '[' => Tok::OpenSquare,
            ']' => Tok::CloseSquare,
            '(' => Tok::OpenRound,
            ')' => Tok::CloseRound,
            '?' => Tok::Question,
            '-' => Tok::Dash,
            other => return Err(format!("Unexpected character {other}")),
        };
        out.push(t);
        i += 1;
    }
    out.push(Tok::End);
    Ok(out)
}

/// Liquid's strict `Parser`: produces markup strings that `Expr::parse` then classifies.
pub struct TokParser {
    toks: Vec<Tok>,
    p: usize,
    depth: usize,
}

impl TokParser {
    pub fn new(input: &str) -> Result<TokParser, String> {
        Ok(TokParser {
            toks: lex(input)?,
            p: 0,
            depth: 0,
        })
    }

    fn cur(&self) -> &Tok {
        self.toks.get(self.p).unwrap_or(&Tok::End)
    }

    pub fn consume(&mut self, kind: &str) -> Result<String, String> {
        let t = self.cur().clone();
        if t.kind() != kind {
            return Err(format!("Expected {} but found {}", kind, t.kind()));
        }
        self.p += 1;
        Ok(t.text())
    }

    pub fn consume_any(&mut self) -> String {
        let t = self.cur().text();
        self.p += 1;
        t
    }

    pub fn consume_if(&mut self, kind: &str) -> Option<String> {
        if self.cur().kind() == kind && self.p < self.toks.len() {
            let t = self.cur().text();
            self.p += 1;
            Some(t)
        } else {
            None
        }
    }

    pub fn id_is(&mut self, s: &str) -> bool {
        if matches!(self.cur(), Tok::Id(x) if x == s) {
            self.p += 1;
            true
        } else {
            false
        }
    }

    pub fn look(&self, kind: &str, ahead: usize) -> bool {
        self.toks
            .get(self.p + ahead)
            .map(|t| t.kind() == kind)
            .unwrap_or(false)
    }

    pub fn expression(&mut self) -> Result<String, String> {
        if self.depth > MAX_EXPR_DEPTH {
            return Err("Expression nested too deeply".into());
        }
        self.depth += 1;
        let r = self.expression_inner();
        self.depth -= 1;
        r
    }

    fn expression_inner(&mut self) -> Result<String, String> {
        let t = self.cur().clone();
        match t {
            Tok::Id(_) => self.variable_signature(),
            Tok::Str(_) | Tok::Number(_) => Ok(self.consume_any()),
            Tok::OpenRound => {
                self.p += 1;
                let first = self.expression()?;
                self.consume("dotdot")?;
                let last = self.expression()?;
                self.consume("close_round")?;
                Ok(format!("({first}..{last})"))
            }
            other => Err(format!(
                "{} is not a valid expression",
                other.ruby_inspect()
            )),
        }
    }

    pub fn argument(&mut self) -> Result<String, String> {
        let mut s = String::new();
        if self.look("id", 0) && self.look("colon", 1) {
            s.push_str(&self.consume_any());
            s.push_str(&self.consume_any());
            s.push(' ');
        }
        s.push_str(&self.expression()?);
        Ok(s)
    }

    fn variable_signature(&mut self) -> Result<String, String> {
        let mut s = String::new();
        loop {
            s.push_str(&self.consume("id")?);
            while self.look("open_square", 0) {
                s.push_str(&self.consume_any());
                s.push_str(&self.expression()?);
                s.push_str(&self.consume("close_square")?);
            }
            if !self.look("dot", 0) {
                return Ok(s);
            }
            s.push_str(&self.consume_any());
        }
    }
}
