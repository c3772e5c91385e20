//! Ruby's `to_s`/`inspect` for the values YAML can produce, used for non-string hash keys
//! (the value model's keys are strings) and by the dumper.

use crate::value::Value;

/// Ruby's `Float#to_s`: the shortest round-tripping digits, in fixed notation when the
/// decimal point position is in -4 < e < 16, else as `1.0e+15` / `1.0e-05`.
pub fn ruby_float_to_s(f: f64) -> String {
    crate::value::float_to_s(f)
}

/// Ruby's `Time#to_s`: `2024-01-02 10:00:00 +0100`.
pub fn ruby_time_to_s(t: &crate::value::Time) -> String {
    t.format("%Y-%m-%d %H:%M:%S %z").to_string()
}

/// The string a Ruby hash key prints as (`key.to_s`).
pub(crate) fn key_string(key: &Value) -> String {
    match key {
        Value::Str(s) => s.to_string(),
        Value::Nil => String::new(),
        Value::Array(_) | Value::Hash(_) => ruby_inspect(key),
        other => scalar_to_s(other),
    }
}

fn scalar_to_s(v: &Value) -> String {
    match v {
        Value::Nil => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => ruby_float_to_s(*f),
        Value::Str(s) => s.to_string(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::Time(t) => ruby_time_to_s(t),
        Value::Range(a, b) => format!("{a}..{b}"),
        Value::Array(_) | Value::Hash(_) | Value::Drop(_) => ruby_inspect(v),
    }
}

/// Ruby's `inspect` for plain data (Ruby 3.1: `{"a"=>1}`, `[1, "x"]`, `nil`).
pub fn ruby_inspect(v: &Value) -> String {
    match v {
        Value::Nil => "nil".into(),
        Value::Str(s) => inspect_str(s),
        Value::Array(items) => {
            let parts: Vec<String> = items.iter().map(ruby_inspect).collect();
            format!("[{}]", parts.join(", "))
        }
        Value::Hash(h) => {
            let parts: Vec<String> = h
                .iter()
                .map(|(k, v)| format!("{}=>{}", inspect_str(k), ruby_inspect(v)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        Value::Date(d) => {
            // Ruby shows the Julian day number and the default Gregorian reform day.
            let jd = i64::from(chrono::Datelike::num_days_from_ce(d)) + 1_721_425;
            format!(
                "#<Date: {} (({jd}j,0s,0n),+0s,2299161j)>",
                d.format("%Y-%m-%d")
            )
        }
        Value::Drop(d) => format!("#<{}>", d.ruby_class()),
        Value::Time(t) => time_inspect(t),
        other => scalar_to_s(other),
    }
}

/// Ruby's `Time#inspect`: like `to_s`, with the fraction of a second when there is one.
fn time_inspect(t: &crate::value::Time) -> String {
    let nanos = chrono::Timelike::nanosecond(t) % 1_000_000_000;
    if nanos == 0 {
        return ruby_time_to_s(t);
    }
    let fraction = format!("{nanos:09}");
    format!(
        "{}.{} {}",
        t.format("%Y-%m-%d %H:%M:%S"),
        fraction.trim_end_matches('0'),
        t.format("%z")
    )
}

fn inspect_str(s: &str) -> String {
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
            '\x0C' => out.push_str("\\f"),
            '\x0B' => out.push_str("\\v"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x1B' => out.push_str("\\e"),
            // `#{`, `#$` and `#@` would read as interpolation in Ruby source.
            '#' if matches!(chars.peek(), Some('{' | '$' | '@')) => out.push_str("\\#"),
            // Other C0 controls, DEL and the Unicode line/paragraph separators.
            c if (c as u32) < 0x20 || c == '\x7F' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_like_ruby() {
        // ruby -e 'p [1.0, 1.5, 1e15, 1e16, 0.0001, 0.00001, 1.23e-7, -2.5e20, 100.0, 1.0/3]'
        // (also 1e14, 9999999999999998.0 => 100000000000000.0, 9.999999999999998e+15)
        // => [1.0, 1.5, 1.0e+15, 1.0e+16, 0.0001, 1.0e-05, 1.23e-07, -2.5e+20, 100.0, 0.3333333333333333]
        let cases = [
            (1.0, "1.0"),
            (1.5, "1.5"),
            (1e15, "1.0e+15"),
            (1e14, "100000000000000.0"),
            (9999999999999998.0, "9.999999999999998e+15"),
            (1e16, "1.0e+16"),
            (0.0001, "0.0001"),
            (0.00001, "1.0e-05"),
            (1.23e-7, "1.23e-07"),
            (-2.5e20, "-2.5e+20"),
            (100.0, "100.0"),
            (1.0 / 3.0, "0.3333333333333333"),
            (123456789012345.6, "123456789012345.6"),
            (f64::INFINITY, "Infinity"),
            (-0.0, "-0.0"),
        ];
        for (f, want) in cases {
            assert_eq!(ruby_float_to_s(f), want, "{f}");
        }
    }
}

#[cfg(test)]
mod inspect_tests {
    use super::ruby_inspect;
    use crate::value::{Hash, Value};

    #[test]
    fn inspect_like_ruby() {
        // ruby -e 'p ["\u0085\u00a0\u2028\x00\x7f\e\x01#{"#"}{x} \\ \"", 1.5, nil, true, [1, {"a"=>nil}]]'
        let mut h = Hash::new();
        h.insert("a".into(), Value::Nil);
        let v = Value::array(vec![
            Value::str("\u{85}\u{a0}\u{2028}\0\x7f\x1b\x01#{x} \\ \""),
            Value::Float(1.5),
            Value::Nil,
            Value::Bool(true),
            Value::array(vec![Value::Int(1), Value::hash(h)]),
        ]);
        assert_eq!(
            ruby_inspect(&v),
            "[\"\u{85}\u{a0}\\u2028\\u0000\\u007F\\e\\u0001\\#{x} \\\\ \\\"\", 1.5, nil, true, [1, {\"a\"=>nil}]]"
        );
        // ruby -e 'p Time.at(1704214800, 500, :millisecond).getlocal("-07:00")' => 2024-01-02 10:00:00.5 -0700
        let t = crate::yaml::load("t: 2024-01-02 10:00:00.5 -07:00")
            .unwrap()
            .get("t")
            .unwrap();
        assert_eq!(ruby_inspect(&t), "2024-01-02 10:00:00.5 -0700");
    }
}
