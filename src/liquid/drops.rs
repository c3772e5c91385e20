//! Liquid's own drops: `forloop`, `tablerowloop`, and the `empty`/`blank` literals.

use crate::value::{Drop, DropRef, Value};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// `empty` / `blank` as values (Liquid's `MethodLiteral`): prints as "", and `==` calls
/// `empty?` / `blank?` on the other side.
/// The two instances (`empty`, `blank`) are told apart by identity.
pub struct MethodLiteral;

pub const METHOD_LITERAL_CLASS: &str = "Liquid::Expression::MethodLiteral";

impl Drop for MethodLiteral {
    fn get(&self, _key: &str) -> Option<Value> {
        None
    }
    fn keys(&self) -> Vec<String> {
        Vec::new()
    }
    fn ruby_class(&self) -> &'static str {
        METHOD_LITERAL_CLASS
    }
    fn to_liquid_string(&self) -> Option<String> {
        Some(String::new())
    }
}

static EMPTY: once_cell::sync::Lazy<Value> =
    once_cell::sync::Lazy::new(|| Value::Drop(DropRef(Arc::new(MethodLiteral))));
static BLANK: once_cell::sync::Lazy<Value> =
    once_cell::sync::Lazy::new(|| Value::Drop(DropRef(Arc::new(MethodLiteral))));

pub fn method_literal(empty: bool) -> Value {
    if empty {
        EMPTY.clone()
    } else {
        BLANK.clone()
    }
}

/// Some(true) for `empty`, Some(false) for `blank`, None for other values.
/// Compares the drops' addresses: this runs on every value a lookup returns, so it must
/// not call into the drop.
pub fn as_method_literal(v: &Value) -> Option<bool> {
    let Value::Drop(d) = v else {
        return None;
    };
    let addr = |x: &Value| match x {
        Value::Drop(x) => Arc::as_ptr(&x.0) as *const (),
        _ => std::ptr::null(),
    };
    let this = Arc::as_ptr(&d.0) as *const ();
    if this == addr(&EMPTY) {
        Some(true)
    } else if this == addr(&BLANK) {
        Some(false)
    } else {
        None
    }
}

pub struct ForloopDrop {
    pub name: Arc<str>,
    pub length: i64,
    pub parent: Value,
    pub index: AtomicI64,
}

impl ForloopDrop {
    pub fn increment(&self) {
        self.index.fetch_add(1, Ordering::Relaxed);
    }
}

impl Drop for ForloopDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let i = self.index.load(Ordering::Relaxed);
        let n = self.length;
        Some(match key {
            "name" => Value::Str(self.name.clone()),
            "length" => Value::Int(n),
            "index" => Value::Int(i + 1),
            "index0" => Value::Int(i),
            "rindex" => Value::Int(n - i),
            "rindex0" => Value::Int(n - i - 1),
            "first" => Value::Bool(i == 0),
            "last" => Value::Bool(i == n - 1),
            "parentloop" => self.parent.clone(),
            _ => return None,
        })
    }
    fn keys(&self) -> Vec<String> {
        [
            "name",
            "length",
            "index",
            "index0",
            "rindex",
            "rindex0",
            "first",
            "last",
            "parentloop",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }
    fn ruby_class(&self) -> &'static str {
        "Liquid::ForloopDrop"
    }
}

pub struct TablerowloopDrop {
    pub length: i64,
    pub cols: i64,
    pub index: AtomicI64,
    pub row: AtomicI64,
    pub col: AtomicI64,
}

impl TablerowloopDrop {
    pub fn new(length: i64, cols: i64) -> Self {
        TablerowloopDrop {
            length,
            cols,
            index: AtomicI64::new(0),
            row: AtomicI64::new(1),
            col: AtomicI64::new(1),
        }
    }

    pub fn col(&self) -> i64 {
        self.col.load(Ordering::Relaxed)
    }
    pub fn row(&self) -> i64 {
        self.row.load(Ordering::Relaxed)
    }
    pub fn col_last(&self) -> bool {
        self.col() == self.cols
    }
    pub fn last(&self) -> bool {
        self.index.load(Ordering::Relaxed) == self.length - 1
    }

    pub fn increment(&self) {
        self.index.fetch_add(1, Ordering::Relaxed);
        if self.col() == self.cols {
            self.col.store(1, Ordering::Relaxed);
            self.row.fetch_add(1, Ordering::Relaxed);
        } else {
            self.col.fetch_add(1, Ordering::Relaxed);
        }
    }
}

impl Drop for TablerowloopDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let i = self.index.load(Ordering::Relaxed);
        let n = self.length;
        let col = self.col();
        Some(match key {
            "length" => Value::Int(n),
            "col" => Value::Int(col),
            "row" => Value::Int(self.row()),
            "index" => Value::Int(i + 1),
            "index0" => Value::Int(i),
            "col0" => Value::Int(col - 1),
            "rindex" => Value::Int(n - i),
            "rindex0" => Value::Int(n - i - 1),
            "first" => Value::Bool(i == 0),
            "last" => Value::Bool(i == n - 1),
            "col_first" => Value::Bool(col == 1),
            "col_last" => Value::Bool(col == self.cols),
            _ => return None,
        })
    }
    fn keys(&self) -> Vec<String> {
        Vec::new()
    }
    fn ruby_class(&self) -> &'static str {
        "Liquid::TablerowloopDrop"
    }
}
