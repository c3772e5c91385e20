//! Liquid 4.0.4's standard filters, with Ruby's semantics for each input type.

use super::ast::{FilterCall, FilterTarget};
use super::context::{hash_get, Context};
use super::error::{ErrorKind, LResult, LiquidError};
use super::number::{Num, NumError};
use super::ruby::{self, to_s};
use super::Registry;
use crate::value::Value;
use std::borrow::Cow;
use std::cmp::Ordering;

/// Liquid's standard filters, resolved from their names once, when a template is parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Std {
    Size,
    Downcase,
    Upcase,
    Capitalize,
    Escape,
    EscapeOnce,
    UrlEncode,
    UrlDecode,
    Strip,
    Lstrip,
    Rstrip,
    StripHtml,
    StripNewlines,
    Reverse,
    NewlineToBr,
    First,
    Last,
    Abs,
    Ceil,
    Floor,
    Slice,
    Truncate,
    Truncatewords,
    Split,
    Map,
    Remove,
    RemoveFirst,
    Append,
    Prepend,
    Concat,
    Date,
    Plus,
    Minus,
    Times,
    DividedBy,
    Modulo,
    AtLeast,
    AtMost,
    Join,
    Sort,
    SortNatural,
    Uniq,
    Compact,
    Round,
    Default,
    Where,
    Replace,
    ReplaceFirst,
}

impl Std {
    pub fn from_name(name: &str) -> Option<Std> {
        Some(match name {
            "size" => Std::Size,
            "downcase" => Std::Downcase,
            "upcase" => Std::Upcase,
            "capitalize" => Std::Capitalize,
            "escape" | "h" => Std::Escape,
            "escape_once" => Std::EscapeOnce,
            "url_encode" => Std::UrlEncode,
            "url_decode" => Std::UrlDecode,
            "strip" => Std::Strip,
            "lstrip" => Std::Lstrip,
            "rstrip" => Std::Rstrip,
            "strip_html" => Std::StripHtml,
            "strip_newlines" => Std::StripNewlines,
            "reverse" => Std::Reverse,
            "newline_to_br" => Std::NewlineToBr,
            "first" => Std::First,
            "last" => Std::Last,
            "abs" => Std::Abs,
            "ceil" => Std::Ceil,
            "floor" => Std::Floor,
            "slice" => Std::Slice,
            "truncate" => Std::Truncate,
            "truncatewords" => Std::Truncatewords,
            "split" => Std::Split,
            "map" => Std::Map,
            "remove" => Std::Remove,
            "remove_first" => Std::RemoveFirst,
            "append" => Std::Append,
            "prepend" => Std::Prepend,
            "concat" => Std::Concat,
            "date" => Std::Date,
            "plus" => Std::Plus,
            "minus" => Std::Minus,
            "times" => Std::Times,
            "divided_by" => Std::DividedBy,
            "modulo" => Std::Modulo,
            "at_least" => Std::AtLeast,
            "at_most" => Std::AtMost,
            "join" => Std::Join,
            "sort" => Std::Sort,
            "sort_natural" => Std::SortNatural,
            "uniq" => Std::Uniq,
            "compact" => Std::Compact,
            "round" => Std::Round,
            "default" => Std::Default,
            "where" => Std::Where,
            "replace" => Std::Replace,
            "replace_first" => Std::ReplaceFirst,
            _ => return None,
        })
    }

    /// Arity counting the input: (min, max).
    pub fn arity(self) -> (usize, usize) {
        use Std::*;
        match self {
            Size | Downcase | Upcase | Capitalize | Escape | EscapeOnce | UrlEncode | UrlDecode
            | Strip | Lstrip | Rstrip | StripHtml | StripNewlines | Reverse | NewlineToBr
            | First | Last | Abs | Ceil | Floor => (1, 1),
            Slice => (2, 3),
            Truncate | Truncatewords => (1, 3),
            Split | Map | Remove | RemoveFirst | Append | Prepend | Concat | Date | Plus
            | Minus | Times | DividedBy | Modulo | AtLeast | AtMost => (2, 2),
            Join | Sort | SortNatural | Uniq | Compact | Round | Default => (1, 2),
            Where | Replace | ReplaceFirst => (2, 3),
        }
    }

    /// Checks the number of arguments, then applies the filter.
    pub fn call(self, input: &Value, args: &[Value]) -> LResult<Value> {
        let given = args.len() + 1;
        let (min, max) = self.arity();
        if given < min || given > max {
            return Err(arity_error(given, (min, max)));
        }
        apply_standard(self, input, args)
    }
}

/// Arity of a filter counting the input: (min, max); `usize::MAX` = unbounded.
pub fn standard_arity(name: &str) -> Option<(usize, usize)> {
    Std::from_name(name).map(Std::arity)
}

pub fn arity_error(given: usize, (min, max): (usize, usize)) -> LiquidError {
    let expected = if min == max {
        min.to_string()
    } else if max == usize::MAX {
        format!("{min}+")
    } else {
        format!("{min}..{max}")
    };
    LiquidError::argument(format!(
        "wrong number of arguments (given {given}, expected {expected})"
    ))
}

/// What a filter name means for a given registry: registered filters override the
/// standard ones of the same name.
pub(crate) fn resolve(reg: &Registry, name: &str) -> FilterTarget {
    if let Some(f) = reg.filters.get(name) {
        return FilterTarget::Custom(f.clone());
    }
    match Std::from_name(name) {
        Some(f) => FilterTarget::Standard(f),
        None => FilterTarget::Unknown,
    }
}

impl Context {
    /// Applies a filter by name (for tags and filters that call other filters).
    pub(crate) fn invoke_filter(
        &mut self,
        name: &str,
        input: &Value,
        args: &[Value],
    ) -> LResult<Value> {
        let target = match &self.registry {
            Some(reg) => resolve(reg, name),
            None => resolve(&Registry::default(), name),
        };
        self.call_filter(&target, name, input, args)
    }

    /// Applies a filter of an output, resolved when the template was parsed.
    pub(crate) fn apply_filter(
        &mut self,
        f: &FilterCall,
        input: &Value,
        args: &[Value],
    ) -> LResult<Value> {
        match &f.target {
            FilterTarget::ByName => self.invoke_filter(&f.name, input, args),
            target => self.call_filter(target, &f.name, input, args),
        }
    }

    fn call_filter(
        &mut self,
        target: &FilterTarget,
        name: &str,
        input: &Value,
        args: &[Value],
    ) -> LResult<Value> {
        match target {
            FilterTarget::Custom(f) => {
                let given = args.len() + 1;
                if given < f.min_args || given > f.max_args {
                    return Err(arity_error(given, (f.min_args, f.max_args)));
                }
                (f.func)(input, args, self)
            }
            FilterTarget::Standard(f) => f.call(input, args),
            FilterTarget::ByName => self.invoke_filter(name, input, args),
            FilterTarget::Unknown => {
                if self.strict_filters {
                    Err(LiquidError::new(
                        ErrorKind::UndefinedFilter,
                        format!("undefined filter {name}"),
                    ))
                } else {
                    Ok(input.clone())
                }
            }
        }
    }
}

/// `to_s`, without a copy when the value is a string already.
fn str_of(v: &Value) -> Cow<'_, str> {
    match v {
        Value::Str(s) => Cow::Borrowed(s),
        other => Cow::Owned(to_s(other)),
    }
}

fn concat(a: &str, b: &str) -> String {
    let mut out = String::with_capacity(a.len() + b.len());
    out.push_str(a);
    out.push_str(b);
    out
}

fn arg(args: &[Value], i: usize) -> Option<&Value> {
    args.get(i)
}

fn num_err(e: NumError) -> LiquidError {
    match e {
        NumError::ZeroDivision => LiquidError::new(ErrorKind::ZeroDivision, "divided by 0"),
        NumError::FloatDomain(m) => LiquidError::new(ErrorKind::FloatDomain, m),
    }
}

/// `Utils.to_integer`.
pub fn to_integer(v: &Value) -> LResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        other => ruby::strict_integer(&to_s(other))
            .ok_or_else(|| LiquidError::argument("invalid integer")),
    }
}

/// `InputIterator.new(input)`: arrays flattened, a hash as one item, nil as nothing.
pub fn input_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(a) => {
            let mut out = Vec::new();
            flatten_into(a, &mut out);
            out
        }
        Value::Nil => Vec::new(),
        Value::Range(a, b) => {
            if super::context::range_len(*a, *b) > 10_000_000 {
                Vec::new()
            } else {
                (*a..=*b).map(Value::Int).collect()
            }
        }
        // `to_liquid` of the `empty`/`blank` literal is "".
        other if super::drops::as_method_literal(other).is_some() => vec![Value::str("")],
        other => vec![other.clone()],
    }
}

fn flatten_into(a: &[Value], out: &mut Vec<Value>) {
    for x in a {
        match x {
            Value::Array(inner) => flatten_into(inner, out),
            other if super::drops::as_method_literal(other).is_some() => out.push(Value::str("")),
            other => out.push(other.clone()),
        }
    }
}

/// Ruby `item[property]` for filters like `where`, `map`, `sort`: `None` is Ruby's
/// TypeError (Liquid turns it into "cannot select the property").
pub fn item_property(item: &Value, prop: &Value) -> Option<Value> {
    match item {
        Value::Hash(h) => Some(match prop {
            Value::Str(k) => hash_get(h, k).cloned().unwrap_or(Value::Nil),
            _ => Value::Nil,
        }),
        Value::Drop(d) => Some(d.get(&to_s(prop)).unwrap_or(Value::Nil)),
        Value::Str(s) => match prop {
            Value::Str(p) => Some(if s.contains(&**p) {
                Value::str(&**p)
            } else {
                Value::Nil
            }),
            Value::Int(i) => {
                let chars: Vec<char> = s.chars().collect();
                let n = chars.len() as i64;
                let idx = if *i < 0 { n + i } else { *i };
                Some(if idx >= 0 && idx < n {
                    Value::str(chars[idx as usize].to_string())
                } else {
                    Value::Nil
                })
            }
            _ => None,
        },
        Value::Array(a) => match prop {
            Value::Int(i) => Some(
                super::context::index_value(item, prop)
                    .unwrap_or_else(|| a.get(*i as usize).cloned().unwrap_or(Value::Nil)),
            ),
            _ => None,
        },
        Value::Int(n) => match prop {
            Value::Int(b) => Some(Value::Int(if *b >= 0 && *b < 64 {
                (n >> b) & 1
            } else if *b < 0 {
                0
            } else {
                i64::from(*n < 0)
            })),
            _ => None,
        },
        _ => None,
    }
}

/// Whether Ruby's `respond_to?(:[])` holds.
pub fn has_index(v: &Value) -> bool {
    matches!(
        v,
        Value::Hash(_) | Value::Drop(_) | Value::Str(_) | Value::Array(_) | Value::Int(_)
    )
}

fn property_error(prop: &Value) -> LiquidError {
    LiquidError::argument(format!("cannot select the property '{}'", to_s(prop)))
}

fn nil_safe_compare(a: &Value, b: &Value) -> LResult<Ordering> {
    if !a.is_nil() && !b.is_nil() {
        ruby::compare(a, b).ok_or_else(|| sort_error(a, b))
    } else if a.is_nil() {
        Ok(Ordering::Greater)
    } else {
        Ok(Ordering::Less)
    }
}

fn sort_error(a: &Value, b: &Value) -> LiquidError {
    LiquidError::argument(format!(
        "comparison of {} with {} failed",
        a.ruby_class(),
        ruby::cmp_error_name(b)
    ))
}

fn casecmp(a: &str, b: &str) -> Ordering {
    let la = a.bytes().map(|c| c.to_ascii_lowercase());
    let lb = b.bytes().map(|c| c.to_ascii_lowercase());
    la.cmp(lb)
}

fn nil_safe_casecmp(a: &Value, b: &Value) -> Ordering {
    if !a.is_nil() && !b.is_nil() {
        casecmp(&to_s(a), &to_s(b))
    } else if a.is_nil() {
        Ordering::Greater
    } else {
        Ordering::Less
    }
}

/// Ruby's `Array#sort` on Linux: glibc's `qsort_r`, a top-down merge sort (left half
/// `n / 2`). Sorting the same way makes equal elements keep their order and makes the
/// first failing comparison (and so the error message) the one Ruby reports.
pub fn ruby_sort<T: Clone>(
    items: &mut [T],
    cmp: &mut impl FnMut(&T, &T) -> LResult<Ordering>,
) -> LResult<()> {
    let n = items.len();
    if n <= 1 {
        return Ok(());
    }
    let n1 = n / 2;
    ruby_sort(&mut items[..n1], cmp)?;
    ruby_sort(&mut items[n1..], cmp)?;
    let mut merged = Vec::with_capacity(n);
    let (mut a, mut b) = (0, n1);
    while a < n1 && b < n {
        if cmp(&items[a], &items[b])? != Ordering::Greater {
            merged.push(items[a].clone());
            a += 1;
        } else {
            merged.push(items[b].clone());
            b += 1;
        }
    }
    merged.extend_from_slice(&items[a..n1]);
    merged.extend_from_slice(&items[b..n]);
    items.clone_from_slice(&merged);
    Ok(())
}

fn try_sort(
    items: &mut [Value],
    mut cmp: impl FnMut(&Value, &Value) -> LResult<Ordering>,
) -> LResult<()> {
    ruby_sort(items, &mut cmp)
}

/// Ruby's `eql?`-based identity for `uniq`: 1 and 1.0 differ.
fn uniq_key(v: &Value) -> String {
    match v {
        Value::Float(f) => format!("f:{}", ruby::float_to_s(*f)),
        Value::Int(i) => format!("i:{i}"),
        other => format!("{}:{}", other.ruby_class(), ruby::inspect(other)),
    }
}

fn uniq_by(items: Vec<Value>, mut key: impl FnMut(&Value) -> Option<Value>) -> Option<Vec<Value>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for it in items {
        let k = uniq_key(&key(&it)?);
        if seen.insert(k) {
            out.push(it);
        }
    }
    Some(out)
}

fn chars_slice(s: &str, offset: i64, length: i64) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len() as i64;
    let start = if offset < 0 { n + offset } else { offset };
    if start < 0 || start > n || length < 0 {
        return None;
    }
    let end = start.saturating_add(length).min(n);
    Some(chars[start as usize..end as usize].iter().collect())
}

fn array_slice(a: &[Value], offset: i64, length: i64) -> Option<Vec<Value>> {
    let n = a.len() as i64;
    let start = if offset < 0 { n + offset } else { offset };
    if start < 0 || start > n || length < 0 {
        return None;
    }
    let end = start.saturating_add(length).min(n);
    Some(a[start as usize..end as usize].to_vec())
}

/// Ruby `String#split` with a string pattern (`" "` splits on whitespace runs).
pub fn ruby_split(s: &str, pat: &str) -> Vec<String> {
    let mut parts: Vec<String> = if pat == " " {
        return s
            .split(|c: char| ruby::is_regex_space(c) || c == '\0')
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect();
    } else if pat.is_empty() {
        s.chars().map(|c| c.to_string()).collect()
    } else {
        s.split(pat).map(String::from).collect()
    };
    while parts.last().map(|p| p.is_empty()).unwrap_or(false) {
        parts.pop();
    }
    parts
}

/// Expands Ruby's replacement-string escapes (`\\0`, `\\&`, `` \\` ``, `\\'`, `\\\\`) for one
/// match of `pat` at byte `at` of `s`.
fn expand_replacement(rep: &str, s: &str, at: usize, pat: &str) -> String {
    if !rep.contains('\\') {
        return rep.to_string();
    }
    let mut out = String::new();
    let mut chars = rep.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.peek().copied() {
            Some('0') | Some('&') => {
                chars.next();
                out.push_str(pat);
            }
            Some(d) if d.is_ascii_digit() => {
                chars.next();
            }
            Some('`') => {
                chars.next();
                out.push_str(&s[..at]);
            }
            Some('\'') => {
                chars.next();
                out.push_str(&s[at + pat.len()..]);
            }
            Some('\\') => {
                chars.next();
                out.push('\\');
            }
            _ => out.push('\\'),
        }
    }
    out
}

/// Ruby `gsub`/`sub` with a literal pattern (an empty pattern matches between chars).
fn replace_literal(s: &str, pat: &str, rep: &str, first_only: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    if pat.is_empty() {
        let mut positions: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
        positions.push(s.len());
        for at in positions {
            out.push_str(&s[last..at]);
            out.push_str(&expand_replacement(rep, s, at, pat));
            last = at;
            if first_only {
                break;
            }
        }
        out.push_str(&s[last..]);
        return out;
    }
    for (at, _) in s.match_indices(pat) {
        out.push_str(&s[last..at]);
        out.push_str(&expand_replacement(rep, s, at, pat));
        last = at + pat.len();
        if first_only {
            break;
        }
    }
    out.push_str(&s[last..]);
    out
}

pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn escape_once(s: &str) -> String {
    let b: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '&' => {
                // `&(?!([a-zA-Z]+|(#\d+));)`
                let mut j = i + 1;
                let entity = if j < b.len() && b[j].is_ascii_alphabetic() {
                    while j < b.len() && b[j].is_ascii_alphabetic() {
                        j += 1;
                    }
                    j < b.len() && b[j] == ';'
                } else if j + 1 < b.len() && b[j] == '#' && b[j + 1].is_ascii_digit() {
                    j += 1;
                    while j < b.len() && b[j].is_ascii_digit() {
                        j += 1;
                    }
                    j < b.len() && b[j] == ';'
                } else {
                    false
                };
                out.push_str(if entity { "&" } else { "&amp;" });
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// `CGI.escape`.
pub fn cgi_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        match b {
            b' ' => out.push('+'),
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `CGI.unescape`; None when the result is not valid UTF-8.
pub fn cgi_unescape(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3])
                    .ok()
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

static STRIP_HTML_BLOCKS: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
    regex::Regex::new(r"(?s)<script.*?</script>|<!--.*?-->|<style.*?</style>").expect("valid regex")
});
static STRIP_HTML_TAGS: once_cell::sync::Lazy<regex::Regex> =
    once_cell::sync::Lazy::new(|| regex::Regex::new(r"(?s)<.*?>").expect("valid regex"));

pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
        None => String::new(),
    }
}

fn is_empty_value(v: &Value) -> bool {
    match v {
        Value::Str(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Hash(h) => h.is_empty(),
        _ => false,
    }
}

fn arith(
    input: &Value,
    operand: &Value,
    op: fn(Num, Num) -> Result<Num, NumError>,
) -> LResult<Value> {
    op(Num::from_value(input), Num::from_value(operand))
        .map(Num::to_value)
        .map_err(num_err)
}

/// A standard filter by name (the input unchanged for names that are not one).
pub fn standard_filter(name: &str, input: &Value, args: &[Value]) -> LResult<Value> {
    match Std::from_name(name) {
        Some(f) => apply_standard(f, input, args),
        None => Ok(input.clone()),
    }
}

fn apply_standard(f: Std, input: &Value, args: &[Value]) -> LResult<Value> {
    let a0 = arg(args, 0);
    let s = || str_of(input);
    Ok(match f {
        Std::Size => Value::Int(match input {
            Value::Str(x) => x.chars().count() as i64,
            Value::Array(a) => a.len() as i64,
            Value::Hash(h) => h.len() as i64,
            Value::Range(a, b) => super::context::range_len(*a, *b),
            Value::Int(_) => 8,
            _ => 0,
        }),
        Std::Downcase => Value::str(s().to_lowercase()),
        Std::Upcase => Value::str(s().to_uppercase()),
        Std::Capitalize => Value::str(capitalize(&s())),
        Std::Escape => {
            if input.is_nil() {
                Value::Nil
            } else {
                Value::str(html_escape(&s()))
            }
        }
        Std::EscapeOnce => Value::str(escape_once(&s())),
        Std::UrlEncode => {
            if input.is_nil() {
                Value::Nil
            } else {
                Value::str(cgi_escape(&s()))
            }
        }
        Std::UrlDecode => {
            if input.is_nil() {
                Value::Nil
            } else {
                match cgi_unescape(&s()) {
                    Some(r) => Value::str(r),
                    None => return Err(LiquidError::argument("invalid byte sequence in UTF-8")),
                }
            }
        }
        Std::Slice => {
            let offset = to_integer(a0.unwrap_or(&Value::Nil))?;
            let length = match arg(args, 1) {
                Some(l) if l.is_truthy() => to_integer(l)?,
                _ => 1,
            };
            match input {
                Value::Array(a) => Value::array(array_slice(a, offset, length).unwrap_or_default()),
                _ => Value::str(chars_slice(&s(), offset, length).unwrap_or_default()),
            }
        }
        Std::Truncate => {
            if input.is_nil() {
                return Ok(Value::Nil);
            }
            let text = s();
            let length = match a0 {
                Some(v) => to_integer(v)?,
                None => 50,
            };
            let ellipsis = match arg(args, 1) {
                Some(v) => str_of(v),
                None => Cow::Borrowed("..."),
            };
            let l = length
                .saturating_sub(ellipsis.chars().count() as i64)
                .max(0) as usize;
            if text.chars().count() as i64 > length {
                let kept = text.char_indices().nth(l).map_or(text.len(), |(at, _)| at);
                let mut cut = String::with_capacity(kept + ellipsis.len());
                cut.push_str(&text[..kept]);
                cut.push_str(&ellipsis);
                Value::str(cut)
            } else if let Value::Str(_) = input {
                input.clone()
            } else {
                Value::str(text.into_owned())
            }
        }
        Std::Truncatewords => {
            if input.is_nil() {
                return Ok(Value::Nil);
            }
            let text = s();
            let words: Vec<&str> = text
                .split(|c: char| ruby::is_regex_space(c) || c == '\0')
                .filter(|w| !w.is_empty())
                .collect();
            let n = match a0 {
                Some(v) => to_integer(v)?,
                None => 15,
            };
            let l = n.saturating_sub(1).max(0) as usize;
            if words.len() > l {
                let ellipsis = match arg(args, 1) {
                    Some(v) => to_s(v),
                    None => "...".into(),
                };
                Value::str(words[..=l].join(" ") + &ellipsis)
            } else {
                input.clone()
            }
        }
        Std::Split => Value::array(
            ruby_split(&s(), &str_of(a0.unwrap_or(&Value::Nil)))
                .into_iter()
                .map(Value::from)
                .collect(),
        ),
        Std::Strip => Value::str(ruby::strip(&s())),
        Std::Lstrip => Value::str(ruby::lstrip(&s())),
        Std::Rstrip => Value::str(ruby::rstrip(&s())),
        Std::StripHtml => {
            let t = STRIP_HTML_BLOCKS.replace_all(&s(), "").into_owned();
            Value::str(STRIP_HTML_TAGS.replace_all(&t, "").into_owned())
        }
        Std::StripNewlines => Value::str(s().replace("\r\n", "").replace('\n', "")),
        Std::NewlineToBr => Value::str(s().replace('\n', "<br />\n")),
        Std::Join => {
            let glue = match a0 {
                Some(g) => str_of(g),
                None => Cow::Borrowed(" "),
            };
            match input {
                // `join` flattens nested arrays itself, as `input_items` would.
                Value::Array(a) => Value::str(ruby::join(a, &glue)),
                Value::Hash(_) => Value::str(ruby::join(std::slice::from_ref(input), &glue)),
                _ => Value::str(ruby::join(&input_items(input), &glue)),
            }
        }
        Std::Sort | Std::SortNatural => {
            let mut items = input_items(input);
            if items.is_empty() {
                return Ok(Value::array(Vec::new()));
            }
            let natural = f == Std::SortNatural;
            match a0.filter(|p| !p.is_nil()) {
                None => {
                    if natural {
                        try_sort(&mut items, |a, b| Ok(nil_safe_casecmp(a, b)))?;
                    } else {
                        try_sort(&mut items, nil_safe_compare)?;
                    }
                }
                Some(prop) => {
                    if !items.iter().all(has_index) {
                        return Ok(Value::Nil);
                    }
                    let mut keyed = Vec::with_capacity(items.len());
                    for it in items {
                        let k = item_property(&it, prop).ok_or_else(|| property_error(prop))?;
                        keyed.push(Value::array(vec![k, it]));
                    }
                    let key = |v: &Value| match v {
                        Value::Array(p) => p[0].clone(),
                        _ => Value::Nil,
                    };
                    if natural {
                        try_sort(&mut keyed, |a, b| Ok(nil_safe_casecmp(&key(a), &key(b))))?;
                    } else {
                        // The sort block returns nil for incomparable keys; Ruby's message
                        // then names the items themselves.
                        let item = |v: &Value| match v {
                            Value::Array(p) => p.get(1).cloned().unwrap_or(Value::Nil),
                            _ => Value::Nil,
                        };
                        try_sort(&mut keyed, |a, b| {
                            nil_safe_compare(&key(a), &key(b))
                                .map_err(|_| sort_error(&item(a), &item(b)))
                        })?;
                    }
                    items = keyed
                        .into_iter()
                        .map(|p| match p {
                            Value::Array(p) => p.get(1).cloned().unwrap_or(Value::Nil),
                            _ => Value::Nil,
                        })
                        .collect();
                }
            }
            Value::array(items)
        }
        Std::Where => {
            let items = input_items(input);
            let prop = a0.cloned().unwrap_or(Value::Nil);
            let target = arg(args, 1).cloned().unwrap_or(Value::Nil);
            if items.is_empty() {
                return Ok(Value::array(Vec::new()));
            }
            if !has_index(&items[0]) {
                return Ok(Value::Nil);
            }
            let mut out = Vec::new();
            for it in items {
                let v = item_property(&it, &prop).ok_or_else(|| property_error(&prop))?;
                let keep = if target.is_nil() {
                    v.is_truthy()
                } else {
                    ruby::equals(&v, &target)
                };
                if keep {
                    out.push(it);
                }
            }
            Value::array(out)
        }
        Std::Uniq => {
            let items = input_items(input);
            match a0.filter(|p| !p.is_nil()) {
                None => Value::array(uniq_by(items, |v| Some(v.clone())).unwrap_or_default()),
                Some(prop) => {
                    if items.is_empty() {
                        return Ok(Value::array(Vec::new()));
                    }
                    if !has_index(&items[0]) {
                        return Ok(Value::Nil);
                    }
                    Value::array(
                        uniq_by(items, |v| item_property(v, prop))
                            .ok_or_else(|| property_error(prop))?,
                    )
                }
            }
        }
        Std::Reverse => {
            let mut items = input_items(input);
            items.reverse();
            Value::array(items)
        }
        Std::Map => {
            let prop = a0.cloned().unwrap_or(Value::Nil);
            let items = match input {
                Value::Hash(_) => vec![input.clone()],
                _ => input_items(input),
            };
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                if prop.as_str() == Some("to_liquid") {
                    out.push(it);
                } else if has_index(&it) {
                    out.push(item_property(&it, &prop).ok_or_else(|| property_error(&prop))?);
                } else {
                    out.push(Value::Nil);
                }
            }
            Value::array(out)
        }
        Std::Compact => {
            let items = input_items(input);
            match a0.filter(|p| !p.is_nil()) {
                None => Value::array(items.into_iter().filter(|v| !v.is_nil()).collect()),
                Some(prop) => {
                    if items.is_empty() {
                        return Ok(Value::array(Vec::new()));
                    }
                    if !has_index(&items[0]) {
                        return Ok(Value::Nil);
                    }
                    let mut out = Vec::new();
                    for it in items {
                        if !item_property(&it, prop)
                            .ok_or_else(|| property_error(prop))?
                            .is_nil()
                        {
                            out.push(it);
                        }
                    }
                    Value::array(out)
                }
            }
        }
        Std::Replace | Std::ReplaceFirst => {
            let pat = str_of(a0.unwrap_or(&Value::Nil));
            let rep = arg(args, 1).map(to_s).unwrap_or_default();
            Value::str(replace_literal(&s(), &pat, &rep, f == Std::ReplaceFirst))
        }
        Std::Remove | Std::RemoveFirst => {
            let pat = str_of(a0.unwrap_or(&Value::Nil));
            Value::str(replace_literal(&s(), &pat, "", f == Std::RemoveFirst))
        }
        Std::Append => Value::str(concat(&s(), &str_of(a0.unwrap_or(&Value::Nil)))),
        Std::Prepend => Value::str(concat(&str_of(a0.unwrap_or(&Value::Nil)), &s())),
        Std::Concat => match a0 {
            Some(Value::Array(other)) => {
                let mut items = match input {
                    Value::Hash(_) => vec![input.clone()],
                    _ => input_items(input),
                };
                items.extend(other.iter().cloned());
                Value::array(items)
            }
            _ => {
                return Err(LiquidError::argument(
                    "concat filter requires an array argument",
                ))
            }
        },
        Std::Date => {
            let fmt = str_of(a0.unwrap_or(&Value::Nil));
            if fmt.is_empty() {
                return Ok(input.clone());
            }
            match super::date::to_date(input) {
                Some(t) => Value::str(super::date::strftime(&t, &fmt)),
                None => input.clone(),
            }
        }
        Std::First => match input {
            Value::Array(a) => a.first().cloned().unwrap_or(Value::Nil),
            Value::Hash(h) => h
                .iter()
                .next()
                .map(|(k, v)| Value::array(vec![Value::str(k.as_str()), v.clone()]))
                .unwrap_or(Value::Nil),
            Value::Range(a, b) => {
                if a <= b {
                    Value::Int(*a)
                } else {
                    Value::Nil
                }
            }
            _ => Value::Nil,
        },
        Std::Last => match input {
            Value::Array(a) => a.last().cloned().unwrap_or(Value::Nil),
            Value::Range(_, b) => Value::Int(*b),
            _ => Value::Nil,
        },
        Std::Abs => Num::from_value(input).abs().to_value(),
        Std::Plus => arith(input, a0.unwrap_or(&Value::Nil), |a, b| Ok(a.add(b)))?,
        Std::Minus => arith(input, a0.unwrap_or(&Value::Nil), |a, b| Ok(a.sub(b)))?,
        Std::Times => arith(input, a0.unwrap_or(&Value::Nil), |a, b| Ok(a.mul(b)))?,
        Std::DividedBy => arith(input, a0.unwrap_or(&Value::Nil), Num::div)?,
        Std::Modulo => arith(input, a0.unwrap_or(&Value::Nil), Num::modulo)?,
        Std::Round => {
            let n = a0.cloned().unwrap_or(Value::Int(0));
            let r = Num::from_value(input)
                .round(Num::from_value(&n))
                .map_err(num_err)?;
            let v = r.to_value();
            let n_is_zero = matches!(n, Value::Int(0)) || matches!(n, Value::Float(f) if f == 0.0);
            match (v, n_is_zero) {
                (Value::Float(f), true) => {
                    if f.is_finite() {
                        Value::Int(f as i64)
                    } else {
                        return Err(LiquidError::new(
                            ErrorKind::FloatDomain,
                            ruby::float_to_s(f),
                        ));
                    }
                }
                (v, _) => v,
            }
        }
        Std::Ceil => Num::from_value(input).ceil().map_err(num_err)?,
        Std::Floor => Num::from_value(input).floor().map_err(num_err)?,
        Std::AtLeast | Std::AtMost => {
            let bound = Num::from_value(a0.unwrap_or(&Value::Nil));
            let v = Num::from_value(input);
            let o = bound.cmp(v);
            let pick_bound = if f == Std::AtLeast {
                o == Ordering::Greater
            } else {
                o == Ordering::Less
            };
            if pick_bound {
                bound.to_value()
            } else {
                v.to_value()
            }
        }
        Std::Default => {
            if !input.is_truthy() || is_empty_value(input) {
                a0.cloned().unwrap_or_else(|| Value::str(""))
            } else {
                input.clone()
            }
        }
    })
}
