//! Ruby's `to_s` and `inspect` for values: what Liquid prints and what error messages show.

use super::Value;

/// Ruby's `Float#to_s`: shortest round-trip digits, fixed notation for exponents in
/// -4..15, scientific (`1.0e+20`) outside it, always with a fractional part.
pub fn float_to_s(f: f64) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let sci = format!("{:e}", f); // e.g. "-1.2345e6"
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let sign = if negative { "-" } else { "" };
    // Ruby prints fixed notation up to 15 integer digits, or 16 when there is a fraction
    // (`1234567890123456.8`, but `1.0e+15`).
    let decpt = exp + 1;
    if (-4..15).contains(&exp) || (decpt == 16 && digits.len() > 16) {
        let point = exp + 1; // position of the decimal point within digits
        if point <= 0 {
            format!("{sign}0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!(
                "{sign}{}{}.0",
                digits,
                "0".repeat(point as usize - digits.len())
            )
        } else {
            let (a, b) = digits.split_at(point as usize);
            format!("{sign}{a}.{b}")
        }
    } else {
        let (a, b) = digits.split_at(1);
        let b = if b.is_empty() { "0" } else { b };
        let esign = if exp < 0 { "-" } else { "+" };
        format!("{sign}{a}.{b}e{esign}{:02}", exp.abs())
    }
}

/// Ruby's `to_s` of a value (Liquid's output of a variable uses this, except for arrays,
/// which Liquid joins).
pub fn to_s(v: &Value) -> String {
    match v {
        Value::Nil => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => float_to_s(*f),
        Value::Str(s) => s.to_string(),
        Value::Array(_) | Value::Hash(_) => inspect(v),
        Value::Time(t) => t.format("%Y-%m-%d %H:%M:%S %z").to_string(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::Range(a, b) => format!("{a}..{b}"),
        Value::Drop(d) => d.to_liquid_string().unwrap_or_else(|| inspect(v)),
    }
}

/// Ruby 3.1's `inspect`.
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
        Value::Date(d) => format!(
            "#<Date: {} ((0j,0s,0n),+0s,2299161j)>",
            d.format("%Y-%m-%d")
        ),
        // Drops can be cyclic (`next`/`previous`): never expand them here.
        Value::Drop(d) => d
            .to_liquid_string()
            .unwrap_or_else(|| format!("#<{}>", d.ruby_class())),
        other => to_s(other),
    }
}

/// Ruby's `String#inspect`.
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
            '\u{1b}' => out.push_str("\\e"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '#' if matches!(chars.peek(), Some('{') | Some('$') | Some('@')) => out.push_str("\\#"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Ruby's `<=>` between two values: numbers with numbers, strings with strings, times and
/// dates, arrays element by element. `None` where Ruby returns nil (incomparable).
pub fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    use Value::*;
    match (a, b) {
        (Int(x), Int(y)) => Some(x.cmp(y)),
        (Int(x), Float(y)) => (*x as f64).partial_cmp(y),
        (Float(x), Int(y)) => x.partial_cmp(&(*y as f64)),
        (Float(x), Float(y)) => x.partial_cmp(y),
        (Str(x), Str(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (Time(x), Time(y)) => Some(x.cmp(y)),
        (Date(x), Date(y)) => Some(x.cmp(y)),
        (Array(x), Array(y)) => {
            for (p, q) in x.iter().zip(y.iter()) {
                match compare(p, q)? {
                    std::cmp::Ordering::Equal => continue,
                    o => return Some(o),
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected: `ruby -e 'p [1.0, 0.1, 1e20, 1e16, 1e15, 0.0001, 0.00001, -2.5, 123456.789]'`.
    #[test]
    fn ruby_float_to_s() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (1e20, "1.0e+20"),
            (1e16, "1.0e+16"),
            (1e15, "1.0e+15"),
            (1e14, "100000000000000.0"),
            (1234567890123456.0, "1.234567890123456e+15"),
            (1234567890123456.8, "1234567890123456.8"),
            (123456789012345.67, "123456789012345.67"),
            (0.0001, "0.0001"),
            (0.00001, "1.0e-05"),
            (-2.5, "-2.5"),
            (123456.789, "123456.789"),
        ];
        for (f, s) in cases {
            assert_eq!(float_to_s(f), s);
        }
    }
}
