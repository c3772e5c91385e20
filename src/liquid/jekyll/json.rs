//! Ruby's `JSON.generate` / `JSON.pretty_generate` as `jsonify` and drop `inspect` use them.

use crate::liquid::error::{LResult, LiquidError};
use crate::liquid::ruby;
use crate::value::Value;

fn escape_into(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `as_liquid(input).to_json`.
pub fn jsonify(v: &Value) -> LResult<String> {
    let mut out = String::new();
    write(v, &mut out, None, 0)?;
    Ok(out)
}

/// `JSON.pretty_generate`.
pub fn pretty(v: &Value) -> LResult<String> {
    let mut out = String::new();
    write(v, &mut out, Some("  "), 0)?;
    Ok(out)
}

fn newline(out: &mut String, indent: Option<&str>, depth: usize) {
    if let Some(i) = indent {
        out.push('\n');
        for _ in 0..depth {
            out.push_str(i);
        }
    }
}

fn write(v: &Value, out: &mut String, indent: Option<&str>, depth: usize) -> LResult<()> {
    if depth > 100 {
        return Err(LiquidError::argument("nesting of 101 is too deep"));
    }
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => {
            if !f.is_finite() {
                return Err(LiquidError::new(
                    crate::liquid::ErrorKind::Internal,
                    format!("920: {} not allowed in JSON", ruby::float_to_s(*f)),
                ));
            }
            out.push_str(&ruby::float_to_s(*f));
        }
        Value::Str(s) => escape_into(s, out),
        Value::Array(a) => {
            out.push('[');
            if a.is_empty() && indent.is_some() {
                newline(out, indent, 0);
                newline(out, indent, depth);
            }
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline(out, indent, depth + 1);
                write(x, out, indent, depth + 1)?;
            }
            if !a.is_empty() {
                newline(out, indent, depth);
            }
            out.push(']');
        }
        Value::Hash(h) => write_hash(
            h.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            out,
            indent,
            depth,
        )?,
        Value::Drop(d) => {
            if let Some(s) = d.to_liquid_string().filter(|_| d.keys().is_empty()) {
                escape_into(&s, out);
            } else {
                write_hash(
                    d.hash_for_json(depth).into_iter().collect(),
                    out,
                    indent,
                    depth,
                )?;
            }
        }
        other => escape_into(&ruby::to_s(other), out),
    }
    Ok(())
}

fn write_hash(
    entries: Vec<(String, Value)>,
    out: &mut String,
    indent: Option<&str>,
    depth: usize,
) -> LResult<()> {
    out.push('{');
    if entries.is_empty() && indent.is_some() {
        newline(out, indent, depth);
    }
    for (i, (k, v)) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline(out, indent, depth + 1);
        escape_into(k, out);
        out.push(':');
        if indent.is_some() {
            out.push(' ');
        }
        write(v, out, indent, depth + 1)?;
    }
    if !entries.is_empty() {
        newline(out, indent, depth);
    }
    out.push('}');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ruby_json() {
        let v = Value::array(vec![
            Value::str("x\"/é\n\u{1}<>&"),
            Value::Float(1e20),
            Value::Nil,
        ]);
        assert_eq!(
            jsonify(&v).ok().as_deref(),
            Some(r#"["x\"/é\n\u0001<>&",1.0e+20,null]"#)
        );
        let mut h = crate::value::Hash::new();
        h.insert("c".into(), Value::empty_hash());
        h.insert("d".into(), Value::array(vec![]));
        assert_eq!(
            pretty(&Value::hash(h)).ok().as_deref(),
            Some("{\n  \"c\": {\n  },\n  \"d\": [\n\n  ]\n}")
        );
    }
}
