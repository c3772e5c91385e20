//! The value model shared by YAML, JSON, `_data`, Liquid and the site's drops.
//!
//! It mirrors the Ruby objects Jekyll hands to Liquid: `nil`, booleans, Integer, Float,
//! String, Array, insertion-ordered Hash, Time/Date, Range, and Drops (lazy objects such as
//! `site` and `page`). Arrays, hashes and strings are reference counted so that handing
//! `site.posts` (10 000 documents) to every page costs a pointer copy, never a deep copy.

mod drop;
mod json;
mod ruby;
mod time;

pub use drop::{Drop, DropRef};
pub use json::from_json;
pub use ruby::{compare, float_to_s, inspect, inspect_str, to_s};
pub use time::{Date, Time};

use indexmap::IndexMap;
use std::sync::Arc;

/// An insertion-ordered hash, like Ruby's `Hash`.
pub type Hash = IndexMap<String, Value>;

#[derive(Clone, Debug, Default)]
pub enum Value {
    #[default]
    Nil,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(Arc<str>),
    Array(Arc<Vec<Value>>),
    Hash(Arc<Hash>),
    /// A Ruby `Time` (timestamps in YAML, `site.time`, `page.date`).
    Time(Time),
    /// A Ruby `Date` (a bare `2024-01-02` in YAML).
    Date(Date),
    /// A Ruby integer Range `(a..b)`, inclusive.
    Range(i64, i64),
    /// A lazy Jekyll object (`site`, `page`, documents, ...).
    Drop(DropRef),
}

impl Value {
    pub fn str(s: impl Into<Arc<str>>) -> Value {
        Value::Str(s.into())
    }

    pub fn array(v: Vec<Value>) -> Value {
        Value::Array(Arc::new(v))
    }

    pub fn hash(h: Hash) -> Value {
        Value::Hash(Arc::new(h))
    }

    pub fn empty_hash() -> Value {
        Value::Hash(Arc::new(Hash::new()))
    }

    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }

    /// Ruby truthiness: only `nil` and `false` are falsy.
    pub fn is_truthy(&self) -> bool {
        !matches!(self, Value::Nil | Value::Bool(false))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Arc<Vec<Value>>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_hash(&self) -> Option<&Arc<Hash>> {
        match self {
            Value::Hash(h) => Some(h),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// Hash-like lookup of a string key: hashes and drops. Anything else has no keys.
    pub fn get(&self, key: &str) -> Option<Value> {
        match self {
            Value::Hash(h) => h.get(key).cloned(),
            Value::Drop(d) => d.get(key),
            _ => None,
        }
    }

    /// Ruby class name, as `inspect`-style error messages print it.
    pub fn ruby_class(&self) -> &'static str {
        match self {
            Value::Nil => "NilClass",
            Value::Bool(true) => "TrueClass",
            Value::Bool(false) => "FalseClass",
            Value::Int(_) => "Integer",
            Value::Float(_) => "Float",
            Value::Str(_) => "String",
            Value::Array(_) => "Array",
            Value::Hash(_) => "Hash",
            Value::Time(_) => "Time",
            Value::Date(_) => "Date",
            Value::Range(..) => "Range",
            Value::Drop(d) => d.ruby_class(),
        }
    }

    /// A mutable view of a hash, copying it only if it is shared (copy-on-write).
    pub fn hash_mut(&mut self) -> Option<&mut Hash> {
        match self {
            Value::Hash(h) => Some(Arc::make_mut(h)),
            _ => None,
        }
    }

    /// A mutable view of an array, copying it only if it is shared (copy-on-write).
    pub fn array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(a) => Some(Arc::make_mut(a)),
            _ => None,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.into())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s.into())
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Value::Float(f)
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Self {
        Value::array(v)
    }
}

impl From<Hash> for Value {
    fn from(h: Hash) -> Self {
        Value::hash(h)
    }
}
