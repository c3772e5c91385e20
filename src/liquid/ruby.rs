//! Ruby object semantics that Liquid leans on: `to_s`, `inspect`, `==`, `<=>`, and the
//! string helpers (`strip`, `to_i`, `to_f`) whose exact edge cases show up in templates.

use crate::value::{DropRef, Value};
use std::cmp::Ordering;

/// Ruby's whitespace for `strip`/`lstrip`/`rstrip` (NUL included, as Ruby 3.1 does).
pub fn is_strip_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | '\0')
}

/// Ruby regexp `\s`: space, tab, newline, vertical tab, form feed, carriage return.
pub fn is_regex_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
}

/// Ruby regexp `\w` (ASCII only, as in Ruby without the `u` option).
pub fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

pub fn strip(s: &str) -> &str {
    s.trim_matches(is_strip_ws)
}

pub fn lstrip(s: &str) -> &str {
    s.trim_start_matches(is_strip_ws)
}

pub fn rstrip(s: &str) -> &str {
    s.trim_end_matches(is_strip_ws)
}

/// Ruby `Float#to_s`: shortest round-trip digits, `5.0`, `1.0e+20`, `1.0e-05`.
pub fn float_to_s(f: f64) -> String {
    crate::value::float_to_s(f)
}

/// `Time#to_s` / `Time#inspect` without fractional seconds.
pub fn time_to_s(t: &crate::value::Time) -> String {
    t.format("%Y-%m-%d %H:%M:%S %z").to_string()
}

/// What `{{ value }}` prints: arrays are joined (recursively, nil as empty), the rest `to_s`.
pub fn output_s(v: &Value) -> String {
    match v {
        Value::Array(a) => join(a, ""),
        _ => to_s(v),
    }
}

/// Ruby `to_s` (arrays and hashes print as `inspect`).
pub fn to_s(v: &Value) -> String {
    let mut out = String::new();
    write_to_s(v, &mut out);
    out
}

pub fn write_to_s(v: &Value, out: &mut String) {
    match v {
        Value::Nil => {}
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => push_int(*i, out),
        Value::Float(f) => out.push_str(&float_to_s(*f)),
        Value::Str(s) => out.push_str(s),
        Value::Array(_) | Value::Hash(_) => out.push_str(&inspect(v)),
        Value::Time(t) => out.push_str(&time_to_s(t)),
        Value::Date(d) => out.push_str(&d.format("%Y-%m-%d").to_string()),
        Value::Range(a, b) => out.push_str(&format!("{a}..{b}")),
        Value::Drop(d) => match d.to_liquid_string() {
            Some(s) => out.push_str(&s),
            None => out.push_str(d.ruby_class()),
        },
    }
}

/// Appends an integer's digits without going through `format!` (loops print many).
pub fn push_int(i: i64, out: &mut String) {
    let mut buf = [0u8; 20];
    let mut n = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    for &d in &buf[at..] {
        out.push(char::from(d));
    }
}

/// Ruby's `Array#join(sep)`: nested arrays are joined recursively with the same separator.
pub fn join(items: &[Value], sep: &str) -> String {
    let mut out = String::new();
    write_join(items, sep, &mut out);
    out
}

/// [`join`], appended to `out`.
pub fn write_join(items: &[Value], sep: &str, out: &mut String) {
    let mut first = true;
    join_into(items, sep, out, &mut first);
}

fn join_into(items: &[Value], sep: &str, out: &mut String, first: &mut bool) {
    for x in items {
        if let Value::Array(inner) = x {
            join_into(inner, sep, out, first);
            continue;
        }
        if !*first {
            out.push_str(sep);
        }
        *first = false;
        write_to_s(x, out);
    }
}

/// Ruby `String#inspect`.
pub fn inspect_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{c}' => out.push_str("\\f"),
            '\u{b}' => out.push_str("\\v"),
            '\u{8}' => out.push_str("\\b"),
            '\u{7}' => out.push_str("\\a"),
            '\u{1b}' => out.push_str("\\e"),
            '#' => {
                // `#{`, `#$` and `#@` are escaped so the result reads back as the same string.
                if matches!(chars.peek(), Some('{') | Some('$') | Some('@')) {
                    out.push_str("\\#");
                } else {
                    out.push('#');
                }
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Ruby 3.1 `inspect`.
pub fn inspect(v: &Value) -> String {
    match v {
        Value::Nil => "nil".into(),
        Value::Str(s) => inspect_str(s),
        Value::Array(a) => {
            let parts: Vec<String> = a.iter().map(inspect).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Hash(h) => {
            let parts: Vec<String> = h
                .iter()
                .map(|(k, v)| format!("{}=>{}", inspect_str(k), inspect(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        Value::Date(d) => {
            // Ruby: #<Date: 2024-01-02 ((2460312j,0s,0n),+0s,2299161j)>
            let jd = i64::from(chrono::Datelike::num_days_from_ce(d)) + 1_721_425;
            format!(
                "#<Date: {} (({jd}j,0s,0n),+0s,2299161j)>",
                d.format("%Y-%m-%d")
            )
        }
        Value::Time(t) => {
            let nanos = chrono::Timelike::nanosecond(t);
            if nanos == 0 {
                time_to_s(t)
            } else {
                let frac = format!("{nanos:09}");
                format!(
                    "{}.{} {}",
                    t.format("%Y-%m-%d %H:%M:%S"),
                    frac.trim_end_matches('0'),
                    t.format("%z")
                )
            }
        }
        Value::Drop(d) => match d.to_liquid_string() {
            Some(s) => s,
            None => d.ruby_class().to_string(),
        },
        other => to_s(other),
    }
}

fn drop_identity(d: &DropRef) -> usize {
    d.identity()
}

/// Ruby `==` between Liquid values.
pub fn equals(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Nil, Value::Nil) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => (*x as f64) == *y,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| equals(p, q))
        }
        (Value::Hash(x), Value::Hash(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).map(|w| equals(v, w)).unwrap_or(false))
        }
        (Value::Time(x), Value::Time(y)) => x == y,
        (Value::Date(x), Value::Date(y)) => x == y,
        (Value::Range(a1, b1), Value::Range(a2, b2)) => a1 == a2 && b1 == b2,
        (Value::Drop(x), Value::Drop(y)) => drop_identity(x) == drop_identity(y),
        _ => false,
    }
}

/// Ruby `<=>`; `None` when Ruby returns nil (incomparable values).
pub fn compare(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Int(x), Value::Float(y)) => (*x as f64).partial_cmp(y),
        (Value::Float(x), Value::Int(y)) => x.partial_cmp(&(*y as f64)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Str(x), Value::Str(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (Value::Time(x), Value::Time(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) if x == y => Some(Ordering::Equal),
        (Value::Nil, Value::Nil) => Some(Ordering::Equal),
        (Value::Array(x), Value::Array(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                match compare(p, q)? {
                    Ordering::Equal => {}
                    o => return Some(o),
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        _ => None,
    }
}

/// Whether Ruby's comparison operators (`<`, `>=`, ...) exist on this value.
pub fn has_comparison_ops(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::Float(_) | Value::Str(_) | Value::Time(_) | Value::Date(_)
    )
}

/// How Ruby's "comparison of X with Y failed" names the right-hand value: immediates
/// (nil, booleans, small integers, floats) by `inspect`, everything else by class.
pub fn cmp_error_name(v: &Value) -> String {
    match v {
        Value::Nil | Value::Bool(_) | Value::Int(_) | Value::Float(_) => inspect(v),
        _ => v.ruby_class().to_string(),
    }
}

/// Ruby `String#to_i`: optional whitespace and sign, then digits (underscores between
/// digits allowed); anything else ends the number.
pub fn str_to_i(s: &str) -> i64 {
    let s = s.trim_start_matches(is_regex_space);
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut n: i64 = 0;
    let mut prev_digit = false;
    for c in rest.chars() {
        if let Some(d) = c.to_digit(10) {
            n = n.saturating_mul(10).saturating_add(d as i64);
            prev_digit = true;
        } else if c == '_' && prev_digit {
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

/// Ruby `String#to_f`: the longest leading float literal, 0.0 if none.
pub fn str_to_f(s: &str) -> f64 {
    let s = s.trim_start_matches(is_regex_space);
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'-' || b[i] == b'+') {
        i += 1;
    }
    let ds = i;
    while i < b.len() && (b[i].is_ascii_digit() || (b[i] == b'_' && i > ds)) {
        i += 1;
    }
    if i == ds {
        return 0.0;
    }
    let mut end = i;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        end = i;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'-' || b[j] == b'+') {
            j += 1;
        }
        if j < b.len() && b[j].is_ascii_digit() {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            end = j;
        }
    }
    s[..end].replace('_', "").parse().unwrap_or(0.0)
}

/// Ruby `Integer("...")` strictness, as Liquid's `Utils.to_integer` uses it.
pub fn strict_integer(s: &str) -> Option<i64> {
    let t = strip(s);
    let t = t.replace('_', "");
    let (neg, digits) = match t.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, t.strip_prefix('+').unwrap_or(&t).to_string()),
    };
    if digits.is_empty() {
        return None;
    }
    let (radix, body) = if let Some(r) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        (16, r.to_string())
    } else if let Some(r) = digits
        .strip_prefix("0b")
        .or_else(|| digits.strip_prefix("0B"))
    {
        (2, r.to_string())
    } else if let Some(r) = digits
        .strip_prefix("0o")
        .or_else(|| digits.strip_prefix("0O"))
    {
        (8, r.to_string())
    } else if digits.len() > 1 && digits.starts_with('0') {
        (8, digits[1..].to_string())
    } else {
        (10, digits.clone())
    };
    let n = i64::from_str_radix(&body, radix).ok()?;
    Some(if neg { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_ruby() {
        assert_eq!(float_to_s(5.0), "5.0");
        assert_eq!(float_to_s(1e20), "1.0e+20");
        // `ruby -e 'p 1e15'` prints 1.0e+15.
        assert_eq!(float_to_s(1e15), "1.0e+15");
        assert_eq!(float_to_s(1e16), "1.0e+16");
        assert_eq!(float_to_s(0.0001), "0.0001");
        assert_eq!(float_to_s(0.00001), "1.0e-05");
        assert_eq!(float_to_s(-2.5), "-2.5");
        assert_eq!(float_to_s(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn inspect_like_ruby() {
        use chrono::TimeZone;
        let d = chrono::NaiveDate::from_ymd_opt(2024, 1, 2).expect("date");
        assert_eq!(
            inspect(&Value::Date(d)),
            "#<Date: 2024-01-02 ((2460312j,0s,0n),+0s,2299161j)>"
        );
        let t = chrono::FixedOffset::east_opt(0)
            .expect("offset")
            .timestamp_opt(0, 500_000_000)
            .single()
            .expect("time");
        assert_eq!(inspect(&Value::Time(t)), "1970-01-01 00:00:00.5 +0000");
        let mut h = crate::value::Hash::new();
        h.insert(
            "a\"b".into(),
            Value::array(vec![Value::Nil, Value::Float(1.0), Value::str("#{x}\n")]),
        );
        assert_eq!(
            inspect(&Value::hash(h)),
            r##"{"a\"b"=>[nil, 1.0, "\#{x}\n"]}"##
        );
    }

    #[test]
    fn to_i_and_to_f() {
        assert_eq!(str_to_i(" 12abc"), 12);
        assert_eq!(str_to_i("-3"), -3);
        assert_eq!(str_to_i("abc"), 0);
        assert_eq!(str_to_f("1.5.3"), 1.5);
        assert_eq!(str_to_f("1."), 1.0);
    }
}
