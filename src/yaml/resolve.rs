//! Resolution of plain scalars to Ruby values, as Psych 4's `ScalarScanner#tokenize` does.
//!
//! The rules are Psych's, not the YAML 1.1 or 1.2 schemas: booleans are `yes/no/on/off/
//! true/false` in *any* letter case, `1:30` is a base-60 integer (5400), `1e5` stays a string
//! while `1.0e+5` is a float, `1,000` is 1000, `0o17` is a string, `:sym` is a Symbol (which
//! Jekyll's safe loader refuses). Every rule is pinned by a test against Ruby in tests.rs.

use once_cell::sync::Lazy;
use regex::Regex;

use super::big::{decimal_string, parse_digits};
use super::timestamp::{parse_timestamp, LocalZone};
use crate::value::Value;
use crate::Error;

/// What a plain scalar resolves to, or the error Ruby raises while resolving it.
pub(crate) fn resolve_plain(s: &str, zone: LocalZone) -> Result<Value, Error> {
    if s.is_empty() {
        return Ok(Value::Nil);
    }
    if looks_like_word(s) || s.contains('\n') {
        return Ok(resolve_word(s));
    }
    if TIME.is_match(s) {
        return parse_timestamp(s, zone);
    }
    if DATE.is_match(s) {
        return Ok(parse_date(s)
            .map(Value::Date)
            .unwrap_or_else(|| Value::str(s)));
    }
    if let Some(f) = special_float(s) {
        return Ok(Value::Float(f));
    }
    if s.starts_with(':') && s.chars().nth(1).is_some() {
        return Err(disallowed("Symbol"));
    }
    if SEXAGESIMAL_INT.is_match(s) {
        return Ok(sexagesimal_int(s));
    }
    if SEXAGESIMAL_FLOAT.is_match(s) {
        return Ok(Value::Float(sexagesimal_float(s)));
    }
    if FLOAT.is_match(s) {
        if LONE_DOT.is_match(s) {
            return Ok(Value::str(s));
        }
        return psych_float(s).map(Value::Float);
    }
    if INTEGER.is_match(s) {
        return parse_integer(s);
    }
    Ok(Value::str(s))
}

/// Psych's "this is surely a word" shortcut: the first character (or the second, after one
/// character that cannot start a number) is a letter, `_`, white space or one of a few
/// punctuation marks.
fn looks_like_word(s: &str) -> bool {
    let mut chars = s.chars();
    let first = match chars.next() {
        Some(c) => c,
        None => return false,
    };
    if is_word_char(first) {
        return true;
    }
    let can_prefix = !(first.is_ascii_digit() || matches!(first, '.' | ':' | '-'));
    can_prefix && chars.next().is_some_and(is_word_char)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
        || c == '_'
        || matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C')
        || "!@#$%^&*(){}<>|/\\~;=".contains(c)
}

/// Among word-like scalars only short ones can be null or a boolean. Ruby's `^`/`$` match
/// at line breaks, so a folded scalar with a line that reads `yes` is `true`.
fn resolve_word(s: &str) -> Value {
    if s.chars().count() > 5 {
        return Value::str(s);
    }
    let first = s.chars().next().map(|c| c.to_ascii_lowercase());
    if !matches!(first, Some('y' | 't' | 'o' | 'n' | 'f' | '~')) {
        return Value::str(s);
    }
    let any_line = |words: &[&str]| {
        s.split('\n')
            .any(|l| words.iter().any(|w| l.eq_ignore_ascii_case(w)))
    };
    if s == "~" || any_line(&["null"]) {
        Value::Nil
    } else if any_line(&["yes", "true", "on"]) {
        Value::Bool(true)
    } else if any_line(&["no", "false", "off"]) {
        Value::Bool(false)
    } else {
        Value::str(s)
    }
}

static TIME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^-?[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t\r\n\x0B\x0C]+)[0-9]{1,2}:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t\r\n\x0B\x0C]*(?:Z|[-+][0-9]{1,2}:?(?:[0-9][0-9])?))?$",
    )
    .expect("static regex")
});
static DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^[0-9]{4}-(?:1[012]|0[0-9]|[0-9])-(?:[12][0-9]|3[01]|0[0-9]|[0-9])$")
        .expect("static regex")
});
static SEXAGESIMAL_INT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}$").expect("static regex"));
static SEXAGESIMAL_FLOAT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9]){1,2}\.[0-9_]*$").expect("static regex")
});
static FLOAT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^[-+]?(?:[0-9][0-9_,]*)?\.[0-9]*(?:[eE][-+][0-9]+)?$").expect("static regex")
});
static LONE_DOT: Lazy<Regex> = Lazy::new(|| Regex::new(r"^[-+]?\.$").expect("static regex"));
static INTEGER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"^(?:[-+]?0b[0-1_,]+|[-+]?0[0-7_,]+|[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)|[-+]?0x[0-9a-fA-F_,]+)$",
    )
    .expect("static regex")
});

/// `Date.strptime(s, '%Y-%m-%d')` on a string already shaped like a date.
fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let mut parts = s.split('-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(y, m, d)
}

fn special_float(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    match lower.as_str() {
        ".inf" | "+.inf" => Some(f64::INFINITY),
        "-.inf" => Some(f64::NEG_INFINITY),
        ".nan" => Some(f64::NAN),
        _ => None,
    }
}

pub(crate) fn disallowed(class: &str) -> Error {
    Error::new(format!("Tried to load unspecified class: {class}"))
}

/// Jekyll's `safe_load_yaml` retries Psych with the pre-3.1 positional arguments when Psych
/// raises `ArgumentError` (as `Integer("0b")` or `Float("e+5")` do); under Psych 4 that retry
/// itself fails with this message, which is what a Jekyll user sees.
pub(crate) fn jekyll_argument_error() -> Error {
    Error::new("wrong number of arguments (given 2, expected 1)")
}

/// Ruby's `String#to_i`: an optional sign, then digits with single underscores between them;
/// anything after that is ignored.
pub(crate) fn ruby_to_i(s: &str) -> i128 {
    let (neg, rest) = split_sign(s.trim_start());
    let mut n: i128 = 0;
    let mut prev_digit = false;
    let bytes = rest.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            n = n.saturating_mul(10).saturating_add(i128::from(b - b'0'));
            prev_digit = true;
        } else if b == b'_' && prev_digit && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            prev_digit = false;
        } else {
            break;
        }
    }
    if neg {
        -n
    } else {
        n
    }
}

/// Ruby's `String#to_f` for the shapes that reach it here (`[-+]?digits[.digits]`, with
/// underscores between digits).
fn ruby_to_f(s: &str) -> f64 {
    let (neg, rest) = split_sign(s.trim_start());
    let mut text = String::new();
    let bytes = rest.as_bytes();
    let mut seen_dot = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            text.push(b as char);
        } else if b == b'_'
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            continue;
        } else if b == b'.' && !seen_dot && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            seen_dot = true;
            text.push('.');
        } else {
            break;
        }
    }
    let v: f64 = text.parse().unwrap_or(0.0);
    if neg {
        -v
    } else {
        v
    }
}

fn split_sign(s: &str) -> (bool, &str) {
    if let Some(r) = s.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = s.strip_prefix('+') {
        (false, r)
    } else {
        (false, s)
    }
}

/// Psych reads `a:b:c` with weights 60², 60, 1 by position from the left, and `a:b` with
/// 60², 60: so `1:30` is 5400, and each part keeps its own sign (`-1:30` is -1800).
fn sexagesimal_weights(parts: usize) -> impl Iterator<Item = u32> {
    (0..parts).map(|i| (i as i64 - 2).unsigned_abs() as u32)
}

fn sexagesimal_int(s: &str) -> Value {
    let parts: Vec<&str> = s.split(':').collect();
    let total = parts
        .iter()
        .zip(sexagesimal_weights(parts.len()))
        .fold(0i128, |acc, (p, w)| {
            acc.saturating_add(ruby_to_i(p).saturating_mul(60i128.pow(w)))
        });
    int_value(total)
}

fn sexagesimal_float(s: &str) -> f64 {
    let parts: Vec<&str> = s.split(':').collect();
    parts
        .iter()
        .zip(sexagesimal_weights(parts.len()))
        .map(|(p, w)| ruby_to_f(p) * 60f64.powi(w as i32))
        .sum()
}

pub(crate) fn int_value(n: i128) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        // Ruby has arbitrary precision; we keep the exact digits as a string, which prints
        // the same in Liquid (and Liquid's math filters convert strings to numbers).
        Err(_) => Value::str(n.to_string()),
    }
}

/// A float matched by Psych's FLOAT pattern: separators removed, a `.` before the exponent or
/// at the end dropped, then Ruby's strict `Float()`.
fn psych_float(s: &str) -> Result<f64, Error> {
    let mut cleaned = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().filter(|c| *c != ',' && *c != '_').collect();
    for (i, c) in chars.iter().enumerate() {
        if *c == '.' && matches!(chars.get(i + 1), None | Some('e' | 'E')) {
            continue;
        }
        cleaned.push(*c);
    }
    let mantissa_has_digit = cleaned
        .split(['e', 'E'])
        .next()
        .is_some_and(|m| m.bytes().any(|b| b.is_ascii_digit()));
    if !mantissa_has_digit {
        return Err(jekyll_argument_error());
    }
    cleaned.parse::<f64>().map_err(|_| jekyll_argument_error())
}

/// `Integer(s.gsub(/[,_]/, ''))` on a string matched by Psych's INTEGER pattern.
fn parse_integer(s: &str) -> Result<Value, Error> {
    let cleaned: String = s.chars().filter(|c| *c != ',' && *c != '_').collect();
    let (neg, body) = split_sign(&cleaned);
    let (radix, digits) = if let Some(d) = body.strip_prefix("0b") {
        (2, d)
    } else if let Some(d) = body.strip_prefix("0x") {
        (16, d)
    } else if body.len() > 1 && body.starts_with('0') {
        (8, &body[1..])
    } else {
        (10, body)
    };
    if digits.is_empty() {
        return Err(jekyll_argument_error());
    }
    match parse_digits(digits, radix) {
        Some(n) => Ok(int_value(if neg { -n } else { n })),
        None => Ok(Value::str(decimal_string(digits, radix, neg))),
    }
}
