//! `value.to_yaml` as Ruby prints it: Psych's `YAMLTree` picks a style for each string and
//! libyaml's emitter (the same one Ruby links) lays the document out.

use std::collections::HashMap;

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
    let mut dumper = Dumper {
        emitter: Emitter::new(),
        anchors: shared_collections(value),
        emitted: HashMap::new(),
    };
    let mut escaped = Vec::new();
    dumper.emit_value(value, &mut escaped);
    let text = dumper.emitter.finish().unwrap_or_default();
    restore_astral_escapes(&text, &escaped)
}

/// A hash or array's identity: values that share one (aliases in the YAML they came from)
/// are written once with an anchor, as Ruby does for the same object seen twice.
fn identity(v: &Value) -> Option<usize> {
    match v {
        Value::Hash(h) => Some(std::sync::Arc::as_ptr(h) as usize),
        Value::Array(a) => Some(std::sync::Arc::as_ptr(a) as usize),
        _ => None,
    }
}

/// Psych numbers anchors 1, 2, ... in the order in which objects are met a second time.
fn shared_collections(root: &Value) -> HashMap<usize, usize> {
    let mut seen = std::collections::HashSet::new();
    let mut ids = HashMap::new();
    let mut pending = vec![root];
    while let Some(v) = pending.pop() {
        let Some(id) = identity(v) else { continue };
        if !seen.insert(id) {
            let next = ids.len() + 1;
            ids.entry(id).or_insert(next);
            continue;
        }
        // Children are pushed in reverse so that they are visited in document order.
        match v {
            Value::Hash(h) => pending.extend(h.values().rev()),
            Value::Array(a) => pending.extend(a.iter().rev()),
            _ => {}
        }
    }
    ids
}

struct Dumper {
    emitter: Emitter,
    /// Anchor number of each shared collection.
    anchors: HashMap<usize, usize>,
    /// Shared collections already written (later occurrences become aliases).
    emitted: HashMap<usize, String>,
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

impl Dumper {
    fn emit_value(&mut self, value: &Value, escaped: &mut Vec<char>) {
        let emitter = &mut self.emitter;
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
            Value::Float(f) if f.is_infinite() => {
                plain(emitter, if *f > 0.0 { ".inf" } else { "-.inf" })
            }
            Value::Float(f) => plain(emitter, &ruby_float_to_s(*f)),
            Value::Str(s) => emit_string(emitter, s, escaped),
            Value::Date(d) => plain(emitter, &d.format("%Y-%m-%d").to_string()),
            Value::Time(t) => plain(emitter, &t.format("%Y-%m-%d %H:%M:%S.%9f %:z").to_string()),
            Value::Range(a, b) => {
                // Psych writes a Range as a mapping of its parts.
                emitter.emit(EmitEvent::MappingStart { anchor: None });
                for (k, v) in [
                    ("begin", a.to_string()),
                    ("end", b.to_string()),
                    ("excl", "false".to_string()),
                ] {
                    plain(emitter, k);
                    plain(emitter, &v);
                }
                emitter.emit(EmitEvent::MappingEnd);
            }
            Value::Array(_) | Value::Hash(_) => self.emit_collection(value, escaped),
        }
    }

    fn emit_collection(&mut self, value: &Value, escaped: &mut Vec<char>) {
        let id = identity(value).unwrap_or(0);
        if let Some(anchor) = self.emitted.get(&id) {
            self.emitter.emit(EmitEvent::Alias { anchor });
            return;
        }
        let anchor = self.anchors.get(&id).map(|n| n.to_string());
        if let Some(a) = &anchor {
            self.emitted.insert(id, a.clone());
        }
        match value {
            Value::Array(items) => {
                self.emitter.emit(EmitEvent::SequenceStart {
                    anchor: anchor.as_deref(),
                });
                for item in items.iter() {
                    self.emit_value(item, escaped);
                }
                self.emitter.emit(EmitEvent::SequenceEnd);
            }
            Value::Hash(h) => {
                self.emitter.emit(EmitEvent::MappingStart {
                    anchor: anchor.as_deref(),
                });
                for (k, v) in h.iter() {
                    emit_string(&mut self.emitter, k, escaped);
                    self.emit_value(v, escaped);
                }
                self.emitter.emit(EmitEvent::MappingEnd);
            }
            _ => {}
        }
    }
}

/// Ruby's libyaml (0.2.5) treats characters beyond U+FFFF as unprintable: a string with one
/// is double-quoted and the character written as `\UXXXXXXXX`. The emitter we link prints
/// them as they are, so each is swapped for U+0001 U+FFFE, which it escapes as `\x01\uFFFE`:
/// as many bytes as the original character (the simple-key limit counts bytes) and as many
/// columns as its escape (line folding counts columns). The escape is put back afterwards.
const STAND_IN: &str = "\u{1}\u{FFFE}";
const STAND_IN_ESCAPED: &str = "\\x01\\uFFFE";

fn stand_in_astral(s: &str, escaped: &mut Vec<char>) -> Option<String> {
    if !s.chars().any(|c| c as u32 > 0xFFFF) {
        return None;
    }
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if c as u32 > 0xFFFF {
            escaped.push(c);
            out.push_str(STAND_IN);
        } else {
            out.push(c);
        }
    }
    Some(out)
}

fn restore_astral_escapes(text: &str, escaped: &[char]) -> String {
    if escaped.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut originals = escaped.iter();
    while let Some(i) = rest.find(STAND_IN_ESCAPED) {
        out.push_str(&rest[..i]);
        match originals.next() {
            Some(c) => out.push_str(&format!("\\U{:08X}", *c as u32)),
            None => out.push_str(STAND_IN_ESCAPED),
        }
        rest = &rest[i + STAND_IN_ESCAPED.len()..];
    }
    out.push_str(rest);
    out
}

static STARTS_WITH_NON_WORD: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?m)^[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}][^"]*$"#).expect("static regex")
});
static OCTAL_LOOKING: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\A0[0-7]*[89]").expect("static regex"));

/// Psych's style choice for a string; libyaml may still pick a safer one (a plain string
/// that cannot be plain gets quoted).
fn emit_string(emitter: &mut Emitter, s: &str, escaped: &mut Vec<char>) {
    let (style, tag, plain_implicit, quoted_implicit) = if has_inner_line_break(s) {
        (ScalarStyle::Literal, None, true, true)
    } else if s == "<<" {
        (
            ScalarStyle::SingleQuoted,
            Some("tag:yaml.org,2002:str"),
            false,
            false,
        )
    } else if s == "y" || s == "n" || STARTS_WITH_NON_WORD.is_match(s) {
        (ScalarStyle::DoubleQuoted, None, true, true)
    } else if !matches!(resolve_plain(s, LocalZone::System), Ok(Value::Str(_)))
        || OCTAL_LOOKING.is_match(s)
    {
        // It would read back as something other than this string.
        (ScalarStyle::SingleQuoted, None, true, true)
    } else {
        (ScalarStyle::Plain, None, true, true)
    };
    let stand_in = stand_in_astral(s, escaped);
    let value = stand_in.as_deref().unwrap_or(s);
    emitter.emit(EmitEvent::Scalar {
        value,
        tag,
        plain_implicit,
        quoted_implicit,
        style,
    });
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
