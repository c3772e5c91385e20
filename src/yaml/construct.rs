//! Turns a node tree into values as `Psych.safe_load(yaml, permitted_classes: [Date, Time],
//! aliases: true)` does, which is what Jekyll 4.3 (as Debian ships it) calls for front
//! matter, `_config.yml` and `_data`.
//!
//! Tags: Psych understands a handful of YAML and Ruby tags; under the safe loader the ones
//! that would build any class other than Hash/Array/String/numbers/Date/Time raise
//! `Tried to load unspecified class: X`. Unknown tags are ignored (the node is read as if
//! untagged). Hash keys: Ruby keys can be any object; the value model's keys are strings, so a
//! non-string key becomes its Ruby `to_s` (`1:` → `"1"`, `~:` → `""`).

use std::collections::{HashMap, HashSet};

use once_cell::sync::Lazy;
use regex::Regex;

use super::keys::key_string;
use super::resolve::{disallowed, jekyll_argument_error, resolve_plain};
use super::timestamp::LocalZone;
use super::tree::{Node, NodeKind};
use crate::value::{Hash, Value};
use crate::Error;

const YAML_STR: &str = "tag:yaml.org,2002:str";

pub(crate) struct Constructor {
    zone: LocalZone,
    /// Values of finished anchored nodes, by anchor name (a later anchor replaces an earlier
    /// one of the same name).
    anchors: HashMap<String, Value>,
    /// Anchors whose node is still being built: an alias to one of them is a cycle.
    open: HashSet<String>,
}

fn at_line(mut e: Error, line: usize) -> Error {
    if e.line.is_none() {
        e.line = Some(line);
    }
    e
}

static STR_TAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^!(?:str|ruby/string)(?::(.*))?$").expect("static regex"));
static SYM_TAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^!ruby/sym(bol)?:?(.*)?$").expect("static regex"));
static OBJECT_TAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^!ruby/object:?(.*)?$").expect("static regex"));
static CLASS_SUFFIX_TAG: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^!(?:seq|ruby/array|map|ruby/hash|ruby/marshalable):(.*)$").expect("static regex")
});
static OPTIONAL_CLASS_TAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^!ruby/(struct|exception):?(.*)?$").expect("static regex"));
static IVARS_TAG: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^!ruby/hash-with-ivars(?::(.*))?$").expect("static regex"));

impl Constructor {
    pub fn new(zone: LocalZone) -> Self {
        Constructor {
            zone,
            anchors: HashMap::new(),
            open: HashSet::new(),
        }
    }

    pub fn build(&mut self, node: &Node) -> Result<Value, Error> {
        if let Some(name) = &node.anchor {
            // Psych registers a collection before its children, so an alias inside it
            // refers to it, not to an earlier node of the same name.
            self.anchors.remove(name);
            self.open.insert(name.clone());
        }
        let value = match &node.kind {
            NodeKind::Scalar { value, quoted, .. } => {
                self.scalar(value, *quoted, node.tag.as_deref())
            }
            NodeKind::Sequence(items) => self.sequence(items, node.tag.as_deref()),
            NodeKind::Mapping(pairs) => self.mapping(pairs, node.tag.as_deref()),
            NodeKind::Alias(name) => self.alias(name),
        }
        .map_err(|e| at_line(e, node.line))?;
        if let Some(name) = &node.anchor {
            self.open.remove(name);
            self.anchors.insert(name.clone(), value.clone());
        }
        Ok(value)
    }

    fn alias(&self, name: &str) -> Result<Value, Error> {
        if let Some(v) = self.anchors.get(name) {
            return Ok(v.clone());
        }
        if self.open.contains(name) {
            // Ruby builds a self-referencing object here, which Jekyll cannot use either.
            return Err(Error::new(format!(
                "recursive alias: *{name} refers to a node that contains it"
            )));
        }
        Err(Error::new(format!("Unknown alias: {name}")))
    }

    fn scalar(&mut self, text: &str, quoted: bool, tag: Option<&str>) -> Result<Value, Error> {
        if quoted {
            return Ok(Value::str(text));
        }
        let tag = match tag {
            None => return resolve_plain(text, self.zone),
            Some(t) => t,
        };
        match tag {
            "!binary" | "tag:yaml.org,2002:binary" => {
                Ok(Value::str(String::from_utf8_lossy(&decode_base64(text))))
            }
            YAML_STR => Ok(Value::str(text)),
            "tag:yaml.org,2002:float" | "!float" => self.float_tag(text),
            "!ruby/object:BigDecimal" => Err(disallowed("BigDecimal")),
            "!ruby/object:DateTime" => Err(disallowed("DateTime")),
            "!ruby/object:Complex" => Err(disallowed("Complex")),
            "!ruby/object:Rational" => Err(disallowed("Rational")),
            "!ruby/regexp" => Err(disallowed("Regexp")),
            "!ruby/range" => Err(disallowed("Range")),
            "!ruby/class" | "!ruby/module" if text.is_empty() => Ok(Value::Nil),
            "!ruby/class" | "!ruby/module" => Err(disallowed(text)),
            // Psych returns the Encoding object, whose `to_s` is its name.
            "!ruby/encoding" => Ok(Value::str(text)),
            _ => {
                if let Some(c) = STR_TAG.captures(tag) {
                    return match c.get(1).map(|m| m.as_str()) {
                        Some(class) if !class.is_empty() => Err(disallowed(class)),
                        _ => Ok(Value::str(text)),
                    };
                }
                if SYM_TAG.is_match(tag) {
                    return Err(disallowed("Symbol"));
                }
                resolve_plain(text, self.zone)
            }
        }
    }

    /// `!!float x`: Ruby's `Float()` applied to what the scalar resolves to.
    fn float_tag(&mut self, text: &str) -> Result<Value, Error> {
        match resolve_plain(text, self.zone)? {
            Value::Int(i) => Ok(Value::Float(i as f64)),
            Value::Float(f) => Ok(Value::Float(f)),
            Value::Str(s) => ruby_float(&s)
                .map(Value::Float)
                .ok_or_else(jekyll_argument_error),
            Value::Nil => Err(Error::new("can't convert nil into Float")),
            other => Err(Error::new(format!(
                "can't convert {} into Float",
                ruby_float_source(&other)
            ))),
        }
    }

    fn sequence(&mut self, items: &[Node], tag: Option<&str>) -> Result<Value, Error> {
        match tag {
            Some("!omap" | "tag:yaml.org,2002:omap") => self.omap(items),
            Some(t) => {
                if let Some(c) = CLASS_SUFFIX_TAG.captures(t) {
                    if t.starts_with("!seq:") || t.starts_with("!ruby/array:") {
                        return Err(class_error(c.get(1).map_or("", |m| m.as_str())));
                    }
                }
                self.plain_sequence(items)
            }
            None => self.plain_sequence(items),
        }
    }

    fn plain_sequence(&mut self, items: &[Node]) -> Result<Value, Error> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(self.build(item)?);
        }
        Ok(Value::array(out))
    }

    /// `!!omap [a: 1, b: 2]`: Psych pairs each entry's first and last child node.
    fn omap(&mut self, items: &[Node]) -> Result<Value, Error> {
        let mut hash = Hash::new();
        for item in items {
            let (first, last) = match &item.kind {
                NodeKind::Mapping(pairs) if !pairs.is_empty() => {
                    (&pairs[0].0, &pairs[pairs.len() - 1].1)
                }
                NodeKind::Sequence(v) if !v.is_empty() => (&v[0], &v[v.len() - 1]),
                _ => return Err(Error::new("undefined method `first' for nil:NilClass")),
            };
            let key = self.build(first)?;
            let value = self.build(last)?;
            hash.insert(key_string(&key), value);
        }
        Ok(Value::hash(hash))
    }

    fn mapping(&mut self, pairs: &[(Node, Node)], tag: Option<&str>) -> Result<Value, Error> {
        let tag = match tag {
            None => return self.revive_hash(pairs),
            Some(t) => t,
        };
        match tag {
            "!ruby/range" => return Err(disallowed("Range")),
            "!set" | "tag:yaml.org,2002:set" => return Err(disallowed("Psych::Set")),
            "!omap" | "tag:yaml.org,2002:omap" => return Err(disallowed("Psych::Omap")),
            _ => {}
        }
        if let Some(c) = OPTIONAL_CLASS_TAG.captures(tag) {
            let class = c.get(2).map_or("", |m| m.as_str());
            let default = if &c[1] == "struct" {
                "Struct"
            } else {
                "Exception"
            };
            return Err(disallowed(if class.is_empty() { default } else { class }));
        }
        if let Some(c) = OBJECT_TAG.captures(tag) {
            return match c.get(1).map_or("", |m| m.as_str()) {
                "Hash" => self.revive_hash(pairs),
                "" => Err(disallowed("Object")),
                class => Err(disallowed(class)),
            };
        }
        if let Some(c) = CLASS_SUFFIX_TAG.captures(tag) {
            return Err(class_error(c.get(1).map_or("", |m| m.as_str())));
        }
        if tag == YAML_STR {
            return self.string_object(pairs);
        }
        if let Some(c) = STR_TAG.captures(tag) {
            if let Some(class) = c.get(1).map(|m| m.as_str()).filter(|s| !s.is_empty()) {
                return Err(disallowed(class));
            }
            return self.string_object(pairs);
        }
        if let Some(c) = IVARS_TAG.captures(tag) {
            if let Some(class) = c.get(1).map(|m| m.as_str()).filter(|s| !s.is_empty()) {
                return Err(disallowed(class));
            }
            return self.hash_with_ivars(pairs);
        }
        self.revive_hash(pairs)
    }

    /// `!str {str: text, ...}`: the string under `str`; other keys are instance variables.
    fn string_object(&mut self, pairs: &[(Node, Node)]) -> Result<Value, Error> {
        let mut result = Value::Nil;
        for (k, v) in pairs {
            let key = self.build(k)?;
            let value = self.build(v)?;
            if key.as_str() == Some("str") {
                result = value;
            }
        }
        Ok(result)
    }

    /// `!ruby/hash-with-ivars {elements: {...}, ivars: {...}}`: the elements form the hash;
    /// instance variables of a Hash are invisible to Jekyll and Liquid.
    fn hash_with_ivars(&mut self, pairs: &[(Node, Node)]) -> Result<Value, Error> {
        let mut hash = Hash::new();
        for (k, v) in pairs {
            let is_elements =
                matches!(&k.kind, NodeKind::Scalar { value, .. } if value == "elements");
            if is_elements {
                if let NodeKind::Mapping(inner) = &v.kind {
                    if let Value::Hash(h) = self.revive_hash(inner)? {
                        for (key, val) in h.iter() {
                            hash.insert(key.clone(), val.clone());
                        }
                    }
                }
            }
        }
        Ok(Value::hash(hash))
    }

    /// A plain mapping, with Psych's merge keys: `<<: *alias` or `<<: {..}` merges a hash
    /// (its keys overwrite earlier ones), `<<: [*a, *b]` merges a list of hashes with the
    /// first one winning; anything else is kept as an ordinary `"<<"` entry.
    fn revive_hash(&mut self, pairs: &[(Node, Node)]) -> Result<Value, Error> {
        let mut hash = Hash::with_capacity(pairs.len());
        for (k, v) in pairs {
            let key = self.build(k)?;
            let value = self.build(v)?;
            let is_merge = key.as_str() == Some("<<") && k.tag.as_deref() != Some(YAML_STR);
            if is_merge && merge_into(&mut hash, &v.kind, &value) {
                continue;
            }
            hash.insert(key_string(&key), value);
        }
        Ok(Value::hash(hash))
    }
}

/// Applies a merge key; false when Ruby's `merge!` would raise `TypeError` (Psych then keeps
/// the `<<` entry as is).
fn merge_into(hash: &mut Hash, node: &NodeKind, value: &Value) -> bool {
    match (node, value) {
        (NodeKind::Alias(_) | NodeKind::Mapping(_), Value::Hash(h)) => {
            for (k, v) in h.iter() {
                hash.insert(k.clone(), v.clone());
            }
            true
        }
        (NodeKind::Sequence(_), Value::Array(items)) => {
            if !items.iter().all(|i| matches!(i, Value::Hash(_))) {
                return false;
            }
            let mut merged = Hash::new();
            for item in items.iter().rev() {
                if let Value::Hash(h) = item {
                    for (k, v) in h.iter() {
                        merged.insert(k.clone(), v.clone());
                    }
                }
            }
            for (k, v) in merged {
                hash.insert(k, v);
            }
            true
        }
        _ => false,
    }
}

fn class_error(class: &str) -> Error {
    if class.is_empty() {
        Error::new("undefined method `allocate' for nil:NilClass")
    } else {
        disallowed(class)
    }
}

fn ruby_float_source(v: &Value) -> &'static str {
    match v {
        Value::Bool(true) => "true",
        Value::Bool(false) => "false",
        other => other.ruby_class(),
    }
}

/// Ruby's strict `Float(string)`: optional surrounding white space, an optional sign, then a
/// decimal number (underscores only between digits) or a `0x` hexadecimal integer.
fn ruby_float(s: &str) -> Option<f64> {
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\x0B');
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let magnitude = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        let digits = strip_digit_underscores(hex, |c| c.is_ascii_hexdigit())?;
        super::big::parse_digits(&digits, 16)? as f64
    } else {
        let cleaned = strip_digit_underscores(body, |c| c.is_ascii_digit())?;
        let valid = cleaned
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'))
            && cleaned
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_digit() || b == b'.')
            && !cleaned.ends_with('.')
            && !cleaned.contains(".e")
            && !cleaned.contains(".E");
        if !valid {
            return None;
        }
        cleaned.parse::<f64>().ok()?
    };
    Some(if neg { -magnitude } else { magnitude })
}

/// Removes underscores that sit between two digits; `None` if any other underscore exists.
fn strip_digit_underscores(s: &str, is_digit: impl Fn(char) -> bool) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let between =
                i > 0 && is_digit(chars[i - 1]) && chars.get(i + 1).is_some_and(|n| is_digit(*n));
            if !between {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    if out.is_empty() {
        None
    } else {
        Some(out)
    }
}

/// Ruby's lenient `unpack('m')`: characters outside the base64 alphabet are skipped and
/// decoding stops at the first `=`.
fn decode_base64(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}
