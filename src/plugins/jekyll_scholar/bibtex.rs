//! BibTeX parsing as bibtex-ruby 6 does it, with the options jekyll-scholar passes
//! (`strip: false`, `parse_months: true`, names parsed): a lexer that switches between
//! "meta" text, BibTeX syntax, brace content and quoted literals, then a parser over its
//! tokens. Lexer errors (unbalanced braces, unterminated strings) drop the object they occur
//! in, as bibtex-ruby's error objects do; grammar errors, which make bibtex-ruby raise,
//! drop the object too and are reported with their line.

use super::names::{self, Name};
use indexmap::IndexMap;
use std::collections::HashMap;

/// One part of a field value: a literal or a macro name (`@string` reference).
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Str(String),
    Sym(String),
}

impl Tok {
    pub fn text(&self) -> &str {
        match self {
            Tok::Str(s) | Tok::Sym(s) => s,
        }
    }
}

/// `BibTeX::Value`: a list of tokens joined by `#`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Value {
    pub tokens: Vec<Tok>,
}

impl Value {
    pub fn string(s: impl Into<String>) -> Value {
        Value {
            tokens: vec![Tok::Str(s.into())],
        }
    }

    fn atomic(&self) -> bool {
        self.tokens.len() < 2
    }

    fn has_symbol(&self) -> bool {
        self.tokens.iter().any(|t| matches!(t, Tok::Sym(_)))
    }

    /// `Value#to_s`: the single token, or `"a" # b` for several.
    pub fn to_s(&self) -> String {
        if self.atomic() {
            return self
                .tokens
                .first()
                .map(|t| t.text().to_string())
                .unwrap_or_default();
        }
        self.joined_source()
    }

    fn joined_source(&self) -> String {
        self.tokens
            .iter()
            .map(|t| match t {
                Tok::Str(s) => crate::value::inspect_str(s),
                Tok::Sym(s) => s.clone(),
            })
            .collect::<Vec<_>>()
            .join(" # ")
    }

    /// `Value#to_s(quotes: ['{', '}'])`, as `Entry#to_s` writes fields.
    pub fn to_bibtex(&self, open: &str, close: &str) -> String {
        if self.atomic() && !self.has_symbol() {
            format!("{open}{}{close}", self.to_s())
        } else {
            self.to_s()
        }
    }

    /// `Value#join`: adjacent literals merge.
    pub fn join(&mut self) {
        let mut out: Vec<Tok> = Vec::with_capacity(self.tokens.len());
        for t in self.tokens.drain(..) {
            match (out.last_mut(), t) {
                (Some(Tok::Str(a)), Tok::Str(b)) => a.push_str(&b),
                (_, t) => out.push(t),
            }
        }
        self.tokens = out;
    }

    /// `Value#replace(strings)`: each `@string`, in definition order, substitutes its
    /// current value for its name.
    pub fn replace(&mut self, strings: &IndexMap<String, Value>) {
        if !self.has_symbol() {
            return;
        }
        for (key, val) in strings {
            if !self
                .tokens
                .iter()
                .any(|t| matches!(t, Tok::Sym(s) if s == key))
            {
                continue;
            }
            let mut out = Vec::with_capacity(self.tokens.len());
            for t in self.tokens.drain(..) {
                match t {
                    Tok::Sym(s) if &s == key => out.extend(val.tokens.iter().cloned()),
                    t => out.push(t),
                }
            }
            self.tokens = out;
        }
    }

    /// `Value#numeric?`.
    pub fn numeric(&self) -> bool {
        self.atomic()
            && match self.tokens.first() {
                Some(Tok::Str(s)) => is_integer(s),
                _ => false,
            }
    }

    /// `Value#to_i` (Ruby's lenient `String#to_i`).
    pub fn to_i(&self) -> i64 {
        self.tokens
            .first()
            .map(|t| ruby_to_i(t.text()))
            .unwrap_or(0)
    }
}

/// `/^\s*[+-]?\d+\s*$/` (Ruby's `^`/`$` are line anchors: any line may match).
fn is_integer(s: &str) -> bool {
    s.split('\n').any(|line| {
        let l = line.trim_matches(|c: char| c.is_whitespace());
        let l = l.strip_prefix(['+', '-']).unwrap_or(l);
        !l.is_empty() && l.chars().all(|c| c.is_ascii_digit())
    })
}

/// Ruby's `String#to_i` (the Liquid engine has it).
pub fn ruby_to_i(s: &str) -> i64 {
    crate::liquid::ruby::str_to_i(s)
}

/// A field: a plain value, or parsed names for `author`, `editor`, ...
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    Value(Value),
    Names(Vec<Name>),
}

impl Field {
    pub fn to_s(&self) -> String {
        match self {
            Field::Value(v) => v.to_s(),
            Field::Names(n) => names::names_to_s(n),
        }
    }

    pub fn to_bibtex(&self, open: &str, close: &str) -> String {
        match self {
            Field::Value(v) => v.to_bibtex(open, close),
            Field::Names(n) => format!("{open}{}{close}", names::names_to_s(n)),
        }
    }

    pub fn numeric(&self) -> bool {
        match self {
            Field::Value(v) => v.numeric(),
            Field::Names(_) => false,
        }
    }

    pub fn to_i(&self) -> i64 {
        match self {
            Field::Value(v) => v.to_i(),
            Field::Names(_) => 0,
        }
    }
}

/// `BibTeX::Entry`.
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: String,
    pub key: String,
    pub fields: IndexMap<String, Field>,
    /// Line of the `@` in the source, for messages.
    pub line: usize,
    /// Which file of the bibliography it came from.
    pub file: usize,
}

impl Entry {
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.get(name)
    }

    /// `Entry#month_numeric` field, kept up to date with `month` (`parse_month`).
    fn parse_month(&mut self) {
        self.fields.shift_remove("month_numeric");
        let Some(Field::Value(m)) = self.fields.get("month") else {
            return;
        };
        let text = m.to_s();
        let t = text.trim();
        let lower = t.to_ascii_lowercase();
        let new = if MONTHS.iter().any(|m| lower.starts_with(m)) {
            Value {
                tokens: vec![Tok::Sym(
                    text.chars().take(3).collect::<String>().to_lowercase(),
                )],
            }
        } else if (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()) {
            let n = t.parse::<usize>().unwrap_or(0);
            match n.checked_sub(1).and_then(|i| MONTHS.get(i)) {
                Some(m) => Value {
                    tokens: vec![Tok::Sym(m.to_string())],
                },
                None => Value::string(text.clone()),
            }
        } else {
            Value::string(text.clone())
        };
        let numeric = match new.tokens.first() {
            Some(tok) => MONTHS.iter().position(|m| *m == tok.text()),
            None => None,
        };
        self.fields.insert("month".into(), Field::Value(new));
        if let Some(i) = numeric {
            self.fields.insert(
                "month_numeric".into(),
                Field::Value(Value::string((i + 1).to_string())),
            );
        }
    }
}

pub const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Fields bibtex-ruby parses as names.
pub const NAME_FIELDS: [&str; 6] = [
    "author",
    "editor",
    "translator",
    "director",
    "producer",
    "composer",
];

/// A parsed bibliography: its entries in file order (duplicate keys renamed as
/// bibtex-ruby renames them), the `@string`s, and what went wrong.
#[derive(Debug, Clone, Default)]
pub struct Bibliography {
    /// Unique per parse: build-wide caches of query results and entry data are keyed by it.
    pub id: u64,
    pub entries: Vec<Entry>,
    pub index: HashMap<String, usize>,
    pub strings: IndexMap<String, Value>,
    pub warnings: Vec<String>,
}

impl Bibliography {
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.index.get(key).map(|&i| &self.entries[i])
    }

    /// `Entry#[]`: the field, or what the `crossref` parent provides (`booktitle` falls
    /// back to the parent's `title`).
    pub fn field<'a>(&'a self, e: &'a Entry, name: &str) -> Option<&'a Field> {
        if let Some(f) = e.fields.get(name) {
            return Some(f);
        }
        let parent = self.parent(e)?;
        parent.fields.get(name).or_else(|| {
            (name == "booktitle")
                .then(|| parent.fields.get("title"))
                .flatten()
        })
    }

    pub fn parent<'a>(&'a self, e: &'a Entry) -> Option<&'a Entry> {
        let key = e.fields.get("crossref")?.to_s();
        self.get(&key)
    }

    /// `Bibliography#uniq!(*fields)`: entries with the same digest (entry type and the
    /// `fields` it has, by default year and title, compared exactly as written) keep only
    /// the first one. A new bibliography (new id); the strings and warnings are kept.
    pub fn without_duplicates(&self, fields: &[String], id: u64) -> Bibliography {
        let default = ["year".to_string(), "title".to_string()];
        let fields = if fields.is_empty() {
            &default[..]
        } else {
            fields
        };
        let mut seen = std::collections::HashSet::new();
        let entries: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| seen.insert(self.digest(e, fields)))
            .cloned()
            .collect();
        let index = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.key.clone(), i))
            .collect();
        Bibliography {
            id,
            entries,
            index,
            strings: self.strings.clone(),
            warnings: self.warnings.clone(),
        }
    }

    /// `Entry#digest(fields)`: "type|field:value|..." over the `fields` the entry has
    /// (itself or through its crossref parent), in alphabetical order.
    fn digest(&self, e: &Entry, fields: &[String]) -> String {
        let mut names: Vec<&String> = fields.iter().filter(|f| self.provides(e, f)).collect();
        names.sort();
        names.dedup();
        let mut digest = e.kind.clone();
        for n in names {
            let value = self.field(e, n).map(Field::to_s).unwrap_or_default();
            digest.push_str(&format!("|{n}:{value}"));
        }
        digest
    }

    /// Whether `name` is a field of `e` or provided by its parent (`Entry#provides?` and
    /// the inheritance of `method_missing`).
    pub fn provides(&self, e: &Entry, name: &str) -> bool {
        self.field(e, name).is_some()
    }
}

/// Options a site's `scholar:` config gives the parser.
#[derive(Debug, Clone, Copy)]
pub struct ParseOptions {
    pub replace_strings: bool,
    pub join_strings: bool,
    pub parse_months: bool,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            replace_strings: true,
            join_strings: true,
            parse_months: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum T {
    At,
    String,
    Preamble,
    Comment,
    Name(String),
    Key(String),
    LBrace,
    RBrace,
    Eq,
    Comma,
    Number(String),
    Sharp,
    Content(String),
    Literal(String),
    /// A lexer error: the object it happened in is dropped.
    Error(String),
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Meta,
    Bibtex,
    Content,
    Literal,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Active {
    None,
    Entry,
    String,
    Preamble,
    Comment,
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    mode: Mode,
    active: Active,
    level: i64,
    out: Vec<(T, usize)>,
    line_starts: Vec<usize>,
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || "/:_!$?.%+&*-".contains(c)
}

fn is_entry_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ":_!.$%&*-".contains(c)
}

fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || " /:_!$?.%+;&*'\"{}-".contains(c)
}

impl<'a> Lexer<'a> {
    fn new(src: &'a str) -> Self {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Lexer {
            src,
            pos: 0,
            mode: Mode::Meta,
            active: Active::None,
            level: 0,
            out: Vec::new(),
            line_starts,
        }
    }

    fn line_at(&self, pos: usize) -> usize {
        match self.line_starts.binary_search(&pos) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    fn push(&mut self, t: T) {
        let line = self.line_at(self.pos);
        match (&t, self.out.last_mut()) {
            (T::Content(s), Some((T::Content(prev), _))) => prev.push_str(s),
            (T::Literal(s), Some((T::Literal(prev), _))) => prev.push_str(s),
            _ => self.out.push((t, line)),
        }
    }

    fn leave_object(&mut self) {
        self.mode = Mode::Meta;
        self.active = Active::None;
        self.level = 0;
    }

    /// `Lexer#backtrace`: the tokens of the current object become one error token.
    fn error(&mut self, msg: &str) {
        let line = self.line_at(self.pos);
        while let Some((t, _)) = self.out.pop() {
            if t == T::At {
                break;
            }
        }
        self.out
            .push((T::Error(format!("{msg} on line {line}")), line));
        self.leave_object();
    }

    fn skip_ws(&mut self) -> usize {
        let r = self.rest();
        let n = r.len() - r.trim_start().len();
        self.pos += n;
        n
    }

    fn run(mut self) -> Vec<(T, usize)> {
        while self.pos < self.src.len() {
            match self.mode {
                Mode::Meta => self.meta(),
                Mode::Bibtex => self.bibtex(),
                Mode::Content => self.content(),
                Mode::Literal => self.literal(),
            }
        }
        self.out
    }

    fn meta(&mut self) {
        match self.rest().find('@') {
            Some(i) => {
                self.pos += i + 1;
                while self.rest().starts_with([' ', '\t']) {
                    self.pos += 1;
                }
                self.enter_object();
            }
            None => self.pos = self.src.len(),
        }
    }

    fn open_brace(&mut self) {
        self.level += 1;
        self.push(T::LBrace);
        if self.level > 1 || (self.level == 1 && self.active == Active::Comment) {
            self.mode = Mode::Content;
        }
    }

    fn bibtex(&mut self) {
        let start = self.pos;
        let r = self.rest();
        let trimmed = r.trim_start();
        let ws = r.len() - trimmed.len();
        if trimmed.starts_with('{') {
            self.pos += ws + 1;
            self.open_brace();
        } else if trimmed.starts_with('}') {
            self.pos += ws + 1;
            self.skip_ws();
            self.level -= 1;
            self.push(T::RBrace);
            if self.level == 0 {
                self.leave_object();
            } else if self.level < 0 {
                self.error("unbalanced braces");
            }
        } else if trimmed.starts_with('=') {
            self.pos += ws + 1;
            self.skip_ws();
            self.push(T::Eq);
        } else if trimmed.starts_with(',') {
            self.pos += ws + 1;
            self.skip_ws();
            self.push(T::Comma);
        } else if r.starts_with(|c: char| c.is_ascii_digit()) {
            let n = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            self.pos += n;
            self.push(T::Number(r[..n].to_string()));
        } else if r.starts_with(is_name_char) {
            let n = r.find(|c: char| !is_name_char(c)).unwrap_or(r.len());
            self.pos += n;
            self.push(T::Name(r[..n].trim_end().to_string()));
        } else if trimmed.starts_with('"') {
            self.pos += ws + 1;
            self.mode = Mode::Literal;
        } else if trimmed.starts_with('#') {
            self.pos += ws + 1;
            self.skip_ws();
            self.push(T::Sharp);
        } else if r.starts_with('@') {
            self.pos += 1;
            self.enter_object();
        } else if ws > 0 {
            self.pos += ws;
        } else {
            let c = r.chars().next().map(|c| c.len_utf8()).unwrap_or(1);
            self.pos += c;
            let tok = &self.src[start..start + c];
            self.error(&format!("unexpected token `{tok}'"));
        }
    }

    fn content(&mut self) {
        let r = self.rest();
        match r.find(['{', '}']) {
            Some(i) if r.as_bytes()[i] == b'{' => {
                self.pos += i + 1;
                self.level += 1;
                self.push(T::Content(r[..=i].to_string()));
            }
            Some(i) => {
                self.pos += i + 1;
                self.level -= 1;
                if self.level == 0 {
                    self.push(T::Content(r[..i].to_string()));
                    self.push(T::RBrace);
                    self.leave_object();
                } else if self.level == 1 && self.active != Active::Comment {
                    self.push(T::Content(r[..i].to_string()));
                    self.push(T::RBrace);
                    self.mode = Mode::Bibtex;
                } else if self.level < 0 {
                    self.push(T::Content(r[..i].to_string()));
                    self.error("unbalanced braces");
                } else {
                    self.push(T::Content(r[..=i].to_string()));
                }
            }
            None => {
                self.pos = self.src.len();
                self.error("unterminated content");
            }
        }
    }

    fn literal(&mut self) {
        let r = self.rest();
        match r.find(['{', '}', '"']) {
            Some(i) => {
                self.pos += i + 1;
                match r.as_bytes()[i] {
                    b'{' => {
                        self.level += 1;
                        self.push(T::Literal(r[..=i].to_string()));
                    }
                    b'}' => {
                        self.level -= 1;
                        if self.level < 1 {
                            self.push(T::Literal(r[..i].to_string()));
                            self.error("unbalanced braces");
                        } else {
                            self.push(T::Literal(r[..=i].to_string()));
                        }
                    }
                    _ => {
                        if self.level == 1 {
                            self.push(T::Literal(r[..i].to_string()));
                            self.mode = Mode::Bibtex;
                        } else {
                            self.push(T::Literal(r[..=i].to_string()));
                        }
                    }
                }
            }
            None => {
                self.pos = self.src.len();
                self.error("unterminated string");
            }
        }
    }

    fn starts_with_ci(&self, word: &str) -> bool {
        let r = self.rest().as_bytes();
        r.len() >= word.len() && r[..word.len()].eq_ignore_ascii_case(word.as_bytes())
    }

    fn word_boundary_after(&self, n: usize) -> bool {
        !self
            .rest()
            .get(n..)
            .and_then(|s| s.chars().next())
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    }

    fn enter_object(&mut self) {
        self.level = 0;
        self.push(T::At);
        if self.starts_with_ci("string") {
            self.pos += 6;
            self.mode = Mode::Bibtex;
            self.active = Active::String;
            self.push(T::String);
        } else if self.starts_with_ci("preamble") && self.word_boundary_after(8) {
            self.pos += 8;
            self.mode = Mode::Bibtex;
            self.active = Active::Preamble;
            self.push(T::Preamble);
        } else if self.starts_with_ci("comment") && self.word_boundary_after(7) {
            self.pos += 7;
            self.mode = Mode::Bibtex;
            self.active = Active::Comment;
            self.push(T::Comment);
        } else if self.rest().starts_with(is_entry_char) {
            let r = self.rest();
            let n = r.find(|c: char| !is_entry_char(c)).unwrap_or(r.len());
            self.pos += n;
            self.mode = Mode::Bibtex;
            self.active = Active::Entry;
            self.push(T::Name(r[..n].to_string()));
            let r = self.rest();
            let t = r.trim_start();
            if t.starts_with('{') {
                self.pos += r.len() - t.len() + 1;
                self.open_brace();
                let r = self.rest();
                let n = r.find(|c: char| !is_key_char(c)).unwrap_or(r.len());
                // The key runs to its comma (`/\s*[...]+,/`): without one, there is none.
                if r[n..].starts_with(',') && !r[..n].trim_start().is_empty() {
                    self.pos += n + 1;
                    self.push(T::Key(r[..n].trim().to_string()));
                }
            }
        } else {
            self.error("unexpected object");
        }
    }
}

enum Object {
    Entry(Entry),
    String(String, Value),
    Preamble,
    Comment,
}

struct Parser<'t> {
    toks: &'t [(T, usize)],
    i: usize,
}

type PResult<T> = std::result::Result<T, String>;

impl<'t> Parser<'t> {
    fn peek(&self) -> Option<&'t T> {
        self.toks.get(self.i).map(|(t, _)| t)
    }

    fn line(&self) -> usize {
        self.toks
            .get(self.i)
            .or(self.toks.last())
            .map(|(_, l)| *l)
            .unwrap_or(1)
    }

    fn next(&mut self) -> Option<&'t T> {
        let t = self.peek();
        self.i += 1;
        t
    }

    fn expect(&mut self, want: &T, what: &str) -> PResult<()> {
        match self.next() {
            Some(t) if t == want => Ok(()),
            other => Err(format!("expected {what}, found {}", describe(other))),
        }
    }

    fn object(&mut self) -> PResult<Object> {
        match self.next() {
            Some(T::String) => {
                self.expect(&T::LBrace, "`{`")?;
                let name = match self.next() {
                    Some(T::Name(n)) => n.to_lowercase(),
                    other => return Err(format!("expected a name, found {}", describe(other))),
                };
                self.expect(&T::Eq, "`=`")?;
                let v = self.string_value()?;
                self.expect(&T::RBrace, "`}`")?;
                Ok(Object::String(name, v))
            }
            Some(T::Preamble) => {
                self.expect(&T::LBrace, "`{`")?;
                self.string_value()?;
                self.expect(&T::RBrace, "`}`")?;
                Ok(Object::Preamble)
            }
            Some(T::Comment) => {
                self.expect(&T::LBrace, "`{`")?;
                if let Some(T::Content(_)) = self.peek() {
                    self.i += 1;
                }
                self.expect(&T::RBrace, "`}`")?;
                Ok(Object::Comment)
            }
            Some(T::Name(kind)) => {
                let line = self.line();
                self.expect(&T::LBrace, "`{`")?;
                let key = match self.peek() {
                    Some(T::Key(k)) => {
                        self.i += 1;
                        k.clone()
                    }
                    _ => return Err("Failed to parse BibTeX entry: cite-key missing".into()),
                };
                let mut entry = Entry {
                    kind: kind.to_lowercase(),
                    key,
                    fields: IndexMap::new(),
                    line,
                    file: 0,
                };
                if let Some(T::RBrace) = self.peek() {
                    self.i += 1;
                    return Ok(Object::Entry(entry));
                }
                loop {
                    let name = match self.next() {
                        Some(T::Name(n)) => n.to_lowercase(),
                        other => {
                            return Err(format!("expected a field name, found {}", describe(other)))
                        }
                    };
                    self.expect(&T::Eq, "`=`")?;
                    let v = match self.peek() {
                        Some(T::Number(n)) => {
                            self.i += 1;
                            Value::string(n.clone())
                        }
                        _ => self.string_value()?,
                    };
                    entry.fields.insert(name, Field::Value(v));
                    match self.next() {
                        Some(T::RBrace) => break,
                        Some(T::Comma) => {
                            if let Some(T::RBrace) = self.peek() {
                                self.i += 1;
                                break;
                            }
                        }
                        other => {
                            return Err(format!("expected `,` or `}}`, found {}", describe(other)))
                        }
                    }
                }
                Ok(Object::Entry(entry))
            }
            other => Err(format!("unexpected {}", describe(other))),
        }
    }

    fn string_value(&mut self) -> PResult<Value> {
        let mut v = Value::default();
        loop {
            match self.next() {
                Some(T::Name(n)) => v.tokens.push(Tok::Sym(n.to_lowercase())),
                Some(T::Literal(s)) => v.tokens.push(Tok::Str(s.clone())),
                Some(T::LBrace) => {
                    let s = match self.peek() {
                        Some(T::Content(s)) => {
                            self.i += 1;
                            s.clone()
                        }
                        _ => String::new(),
                    };
                    self.expect(&T::RBrace, "`}`")?;
                    v.tokens.push(Tok::Str(s));
                }
                other => return Err(format!("expected a value, found {}", describe(other))),
            }
            if let Some(T::Sharp) = self.peek() {
                self.i += 1;
            } else {
                return Ok(v);
            }
        }
    }
}

fn describe(t: Option<&T>) -> String {
    match t {
        None => "end of file".into(),
        Some(T::Name(n)) => format!("`{n}`"),
        Some(T::Number(n)) => format!("`{n}`"),
        Some(T::Key(k)) => format!("key `{k}`"),
        Some(T::Content(_)) | Some(T::Literal(_)) => "text".into(),
        Some(t) => format!("{t:?}"),
    }
}

/// Ruby's `String#succ`, which bibtex-ruby applies to a duplicate key until it is free.
pub fn ruby_succ(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut chars: Vec<char> = s.chars().collect();
    let alnum: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].is_ascii_alphanumeric())
        .collect();
    if alnum.is_empty() {
        // No letters or digits: the last character's code point goes up by one.
        if let Some(last) = chars.last_mut() {
            *last = char::from_u32(*last as u32 + 1).unwrap_or(*last);
        }
        return chars.into_iter().collect();
    }
    let mut idx = alnum.len();
    loop {
        idx -= 1;
        let i = alnum[idx];
        let (next, carry) = match chars[i] {
            'z' => ('a', Some('a')),
            'Z' => ('A', Some('A')),
            '9' => ('0', Some('1')),
            c => (char::from_u32(c as u32 + 1).unwrap_or(c), None),
        };
        chars[i] = next;
        let Some(carry) = carry else { break };
        // Carry goes to the next alphanumeric to the left, if it is adjacent enough to
        // belong to the same run; otherwise a new character is inserted.
        let continues = idx > 0 && alnum[idx - 1] + 1 == i;
        if !continues {
            chars.insert(i, carry);
            break;
        }
    }
    chars.into_iter().collect()
}

/// Parses one `.bib` text. `file` tags entries with the file they came from.
pub fn parse_into(bib: &mut Bibliography, src: &str, file: usize, path: &str, opts: ParseOptions) {
    let toks = Lexer::new(src).run();
    let mut p = Parser { toks: &toks, i: 0 };
    while p.i < toks.len() {
        match &toks[p.i].0 {
            T::At => {
                p.i += 1;
                let start = p.i;
                match p.object() {
                    Ok(Object::Entry(mut e)) => {
                        e.file = file;
                        add_entry(bib, e, opts);
                    }
                    Ok(Object::String(k, v)) => {
                        bib.strings.insert(k, v);
                    }
                    Ok(Object::Preamble) | Ok(Object::Comment) => {}
                    Err(msg) => {
                        let line = toks.get(start).map(|t| t.1).unwrap_or(1);
                        bib.warnings
                            .push(format!("{path}:{line}: BibTeX: {msg}; entry skipped"));
                        // Resynchronise at the next object.
                        while p.i < toks.len() && !matches!(toks[p.i].0, T::At | T::Error(_)) {
                            p.i += 1;
                        }
                    }
                }
            }
            T::Error(msg) => {
                bib.warnings.push(format!(
                    "{path}:{}: BibTeX: {msg}; object skipped",
                    toks[p.i].1
                ));
                p.i += 1;
            }
            _ => p.i += 1,
        }
    }
}

/// `Bibliography#add` for an entry: key registered (renamed while taken), names and months
/// parsed with the strings defined so far.
fn add_entry(bib: &mut Bibliography, mut e: Entry, opts: ParseOptions) {
    let mut key = e.key.clone();
    while bib.index.contains_key(&key) {
        key = ruby_succ(&key);
    }
    if key != e.key {
        bib.warnings.push(format!(
            "BibTeX: duplicate key '{}' (line {}) renamed to '{key}', as bibtex-ruby does",
            e.key, e.line
        ));
    }
    e.key = key.clone();
    for name in NAME_FIELDS {
        if let Some(Field::Value(v)) = e.fields.get(name) {
            let mut v = v.clone();
            v.replace(&bib.strings);
            v.join();
            e.fields
                .insert(name.to_string(), Field::Names(names::parse(&v.to_s())));
        }
    }
    if opts.parse_months {
        e.parse_month();
    }
    bib.index.insert(key, bib.entries.len());
    bib.entries.push(e);
}

/// After every file is read: `replace_strings` and `join` as jekyll-scholar calls them.
pub fn finish(bib: &mut Bibliography, opts: ParseOptions) {
    if !opts.replace_strings {
        return;
    }
    // Strings first, each against the ones before it in definition order.
    let keys: Vec<String> = bib.strings.keys().cloned().collect();
    for k in &keys {
        let mut v = bib.strings[k].clone();
        v.replace(&bib.strings);
        bib.strings.insert(k.clone(), v);
    }
    for e in &mut bib.entries {
        for f in e.fields.values_mut() {
            if let Field::Value(v) = f {
                v.replace(&bib.strings);
            }
        }
    }
    if opts.join_strings {
        for v in bib.strings.values_mut() {
            v.join();
        }
        for e in &mut bib.entries {
            for f in e.fields.values_mut() {
                if let Field::Value(v) = f {
                    v.join();
                }
            }
        }
    }
}

/// A new bibliography id.
pub fn next_id() -> u64 {
    static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Parses a whole bibliography from `(path, text)` pairs, read as one text as
/// jekyll-scholar concatenates them.
pub fn parse_files(files: &[(String, String)], opts: ParseOptions) -> Bibliography {
    let mut bib = Bibliography {
        id: next_id(),
        ..Bibliography::default()
    };
    for (i, (path, text)) in files.iter().enumerate() {
        parse_into(&mut bib, text, i, path, opts);
    }
    finish(&mut bib, opts);
    bib
}

/// `Entry#to_s(quotes: [open, close])` without the `skip` fields: the `entry.bibtex` text.
pub fn entry_to_bibtex(e: &Entry, skip: &[String], open: &str, close: &str) -> String {
    let content: Vec<String> = e
        .fields
        .iter()
        .filter(|(k, _)| !skip.iter().any(|s| s == *k))
        .map(|(k, v)| format!("{k} = {}", v.to_bibtex(open, close)))
        .collect();
    let content = content.join(",\n");
    let indented: Vec<String> = content.split('\n').map(|l| format!("  {l}")).collect();
    format!("@{}{{{},\n{}\n}}\n", e.kind, e.key, indented.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> Bibliography {
        parse_files(&[("t.bib".into(), src.into())], ParseOptions::default())
    }

    // Expected values from bibtex-ruby 6.2.0 (run from its sources with Ruby 3.1).
    #[test]
    fn strings_months_and_concatenation() {
        let b = parse(
            "@string{foo = \"Foo Press\"}\n@article{knuth84,\n  author = {Donald E. Knuth and Leslie Lamport and others},\n  title = {Literate {P}rogramming},\n  year = 1984,\n  month = may,\n  publisher = foo # \" Ltd\"\n}\n",
        );
        let e = b.get("knuth84").unwrap();
        assert_eq!(e.fields["publisher"].to_s(), "Foo Press Ltd");
        assert_eq!(e.fields["month"].to_s(), "may");
        assert_eq!(e.fields["month_numeric"].to_s(), "5");
        assert_eq!(e.fields["title"].to_s(), "Literate {P}rogramming");
        assert_eq!(
            e.fields["author"].to_s(),
            "Knuth, Donald E. and Lamport, Leslie and others"
        );
        let keys: Vec<&String> = e.fields.keys().collect();
        assert_eq!(
            keys,
            [
                "author",
                "title",
                "year",
                "month",
                "publisher",
                "month_numeric"
            ]
        );
    }

    #[test]
    fn succ_like_ruby() {
        assert_eq!(ruby_succ("knuth84"), "knuth85");
        assert_eq!(ruby_succ("az"), "ba");
        assert_eq!(ruby_succ("a9"), "b0");
        assert_eq!(ruby_succ("zz"), "aaa");
        assert_eq!(ruby_succ("a-9"), "a-10");
        assert_eq!(ruby_succ("Zz99"), "AAa00");
        assert_eq!(ruby_succ("x_"), "y_");
    }

    // bibtex-ruby raises on these (jekyll-scholar's build stops); hyde reports the file and
    // line and keeps every other entry.
    #[test]
    fn bad_input_is_reported_and_skipped() {
        let b = parse("@misc{ok1, title={A}}\n@misc{title={no key}}\n@misc{ok2, title={B}}\n@article{x, title={A} year={1}}\n@misc{ok3, title={C}}\n");
        let keys: Vec<&str> = b.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["ok1", "ok2", "ok3"]);
        assert_eq!(b.warnings.len(), 2);
        assert!(
            b.warnings[0].starts_with("t.bib:2: BibTeX:"),
            "{}",
            b.warnings[0]
        );
        assert!(
            b.warnings[1].starts_with("t.bib:4: BibTeX:"),
            "{}",
            b.warnings[1]
        );
        // An unbalanced brace swallows the rest of the file, as in bibtex-ruby's lexer.
        let b = parse("@misc{ok, title={A}}\n@misc{bad, title={x {y}\n@misc{lost, title={B}}\n");
        assert_eq!(b.entries.len(), 1);
        assert!(
            b.warnings[0].contains("unterminated content"),
            "{}",
            b.warnings[0]
        );
    }

    // bibtex-ruby 6.2.0: a duplicate key gets `String#succ`; a field repeated in an
    // entry keeps its first position with the last value.
    #[test]
    fn duplicates() {
        let b = parse("@misc{a1, title={A}, title={B}, year={1}}\n@misc{a1, title={C}}\n");
        let keys: Vec<&str> = b.entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["a1", "a2"]);
        let f: Vec<(&String, String)> = b.entries[0]
            .fields
            .iter()
            .map(|(k, v)| (k, v.to_s()))
            .collect();
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].1, "B");
    }

    #[test]
    fn never_panics_on_garbage() {
        let inputs = [
            "@",
            "@@@",
            "@misc",
            "@misc{",
            "@misc{k,",
            "@misc{k, a",
            "@misc{k, a=",
            "@misc{k, a={",
            "@misc{k, a=\"",
            "@string{",
            "@string{x=}",
            "@comment{",
            "@preamble{\"x\"",
            "}}}}",
            "@misc{k, a = x # # y}",
            "@misc{é,ü={ß}}",
            "@misc{k, author = {, and ,}}",
            "@misc{k, author = {and and and}}",
            "@misc{k, month = {}}",
            "\u{0}@\u{ff}{",
            "@misc{k, title = {\\\\\\}}",
            "@misc{k, title={$$$}}",
            "@misc{k, title={\\textsc{}}",
        ];
        for i in inputs {
            let b = parse(i);
            for e in &b.entries {
                for f in e.fields.values() {
                    let _ = super::super::latex::apply_all(
                        &[
                            super::super::latex::Filter::Latex,
                            super::super::latex::Filter::Smallcaps,
                        ],
                        &f.to_s(),
                    );
                }
                let _ = super::super::query::matches(&b, e, "@*[title~=(]");
            }
        }
    }
}
