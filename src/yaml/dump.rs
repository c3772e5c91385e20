//! `value.to_yaml` as Ruby prints it: Psych's `YAMLTree` picks a style for each string and
//! libyaml's emitter (the same one Ruby links) lays the document out.

use once_cell::sync::Lazy;
use regex::Regex;

use super::keys::ruby_float_to_s;
use super::libyaml::{EmitEvent, Emitter, ScalarStyle};
use super::resolve::resolve_plain;
use super::timestamp::LocalZone;
use crate::value::Value;

/// What Ruby's `value.to_yaml` prints for plain data (`---` document, block style).
///
/// Ruby `Time`s print with their offset (`2024-01-02 10:00:00.000000000 +01:00`); a UTC
/// time, which Ruby prints with `Z`, is indistinguishable from `+00:00` in the value model.
/// Drops have no YAML form and print as null.
pub fn dump(value: &Value) -> String {
    let mut emitter = Emitter::new();
    emit_value(&mut emitter, value);
    emitter.finish().unwrap_or_default()
}

fn plain(emitter: &mut Emitter, text: &str) {
    emitter.emit(EmitEvent::Scalar {
        value: text,
        tag: None,
        plain_implicit: true,
        quoted_implicit: false,
        style: ScalarStyle::Plain,
    });
}

fn emit_value(emitter: &mut Emitter, value: &Value) {
    match value {
        Value::Nil | Value::Drop(_) => emitter.emit(EmitEvent::Scalar {
            value: "",
            tag: Some("tag:yaml.org,2002:null"),
            plain_implicit: true,
            quoted_implicit: false,
            style: ScalarStyle::Plain,
        }),
        Value::Bool(b) => plain(emitter, if *b { "true" } else { "false" }),
        Value::Int(i) => plain(emitter, &i.to_string()),
        Value::Float(f) if f.is_nan() => plain(emitter, ".nan"),
        Value::Float(f) if f.is_infinite() => plain(emitter, if *f > 0.0 { ".inf" } else { "-.inf" }),
        Value::Float(f) => plain(emitter, &ruby_float_to_s(*f)),
        Value::Str(s) => emit_string(emitter, s),
        Value::Date(d) => plain(emitter, &d.format("%Y-%m-%d").to_string()),
        Value::Time(t) => plain(emitter, &t.format("%Y-%m-%d %H:%M:%S.%9f %:z").to_string()),
        Value::Range(a, b) => {
            // Psych writes a Range as a tagged mapping.
            emitter.emit(EmitEvent::MappingStart);
            for (k, v) in [("begin", Value::Int(*a)), ("end", Value::Int(*b)), ("excl", Value::Bool(false))] {
                plain(emitter, k);
                emit_value(emitter, &v);
            }
            emitter.emit(EmitEvent::MappingEnd);
        }
        Value::Array(items) => {
            emitter.emit(EmitEvent::SequenceStart);
            for item in items.iter() {
                emit_value(emitter, item);
            }
            emitter.emit(EmitEvent::SequenceEnd);
        }
        Value::Hash(h) => {
            emitter.emit(EmitEvent::MappingStart);
            for (k, v) in h.iter() {
                emit_string(emitter, k);
                emit_value(emitter, v);
            }
            emitter.emit(EmitEvent::MappingEnd);
        }
    }
}

static STARTS_WITH_NON_WORD: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"(?m)^[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}][^"]*$"#).expect("static regex"));
static OCTAL_LOOKING: Lazy<Regex> = Lazy::new(|| Regex::new(r"\A0[0-7]*[89]").expect("static regex"));

/// Psych's style choice for a string; libyaml may still pick a safer one (a plain string
/// that cannot be plain gets quoted).
fn emit_string(emitter: &mut Emitter, s: &str) {
    let (style, tag, plain_implicit, quoted_implicit) = if has_inner_line_break(s) {
        (ScalarStyle::Literal, None, true, true)
    } else if s == "<<" {
        (ScalarStyle::SingleQuoted, Some("tag:yaml.org,2002:str"), false, false)
    } else if s == "y" || s == "n" {
        (ScalarStyle::DoubleQuoted, None, true, true)
    } else if STARTS_WITH_NON_WORD.is_match(s) {
        (ScalarStyle::DoubleQuoted, None, true, true)
    } else if !matches!(resolve_plain(s, LocalZone::System), Ok(Value::Str(_))) || OCTAL_LOOKING.is_match(s) {
        // It would read back as something other than this string.
        (ScalarStyle::SingleQuoted, None, true, true)
    } else {
        (ScalarStyle::Plain, None, true, true)
    };
    emitter.emit(EmitEvent::Scalar { value: s, tag, plain_implicit, quoted_implicit, style });
}

/// Ruby's `/\n(?!\Z)/`: a line break that is not at the end, nor just before a final line
/// break.
fn has_inner_line_break(s: &str) -> bool {
    let len = s.len();
    s.match_indices('\n').any(|(i, _)| {
        let after = i + 1;
        !(after == len || (after == len - 1 && s.ends_with('\n')))
    })
}
