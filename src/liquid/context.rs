//! The render context: variable scopes, globals, registers, and Liquid's per-render
//! state (cycle positions, `offset: continue` positions, `ifchanged`, loaded partials).

use super::drops::method_literal;
use super::error::{ErrorKind, LResult, LiquidError};
use super::expr::{Expr, Key, Lookup};
use super::{ErrorMode, Registry, Template};
use crate::value::{Hash, Value};
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::Arc;

/// A typed map for site state that tags and filters read (Ruby Liquid's `registers`,
/// where Jekyll keeps `:site` and `:page`). One value per type.
#[derive(Default)]
pub struct Registers {
    map: HashMap<TypeId, Box<dyn Any + Send + Sync>>,
}

impl Registers {
    pub fn insert<T: Any + Send + Sync>(&mut self, value: T) {
        self.map.insert(TypeId::of::<T>(), Box::new(value));
    }

    pub fn get<T: Any + Send + Sync>(&self) -> Option<&T> {
        self.map
            .get(&TypeId::of::<T>())
            .and_then(|b| b.downcast_ref())
    }

    pub fn get_mut<T: Any + Send + Sync>(&mut self) -> Option<&mut T> {
        self.map
            .get_mut(&TypeId::of::<T>())
            .and_then(|b| b.downcast_mut())
    }

    pub fn remove<T: Any + Send + Sync>(&mut self) -> Option<T> {
        self.map
            .remove(&TypeId::of::<T>())
            .and_then(|b| b.downcast().ok())
            .map(|b| *b)
    }
}

/// Where `{% include %}` reads partials from (Liquid's `file_system`).
pub trait FileSystem: Send + Sync {
    /// The source of the template named `name`, or the error message Liquid reports.
    fn read_template_file(&self, name: &str) -> Result<String, String>;
}

pub(crate) enum Interrupt {
    Break,
    Continue,
}

/// One variable scope. Scopes are small (a loop variable and `forloop`; a page's
/// assigns), so a linear scan beats hashing the name once per scope.
#[derive(Default, Clone)]
pub(crate) struct Scope {
    vars: Vec<(String, Value)>,
}

impl Scope {
    pub(crate) fn get(&self, name: &str) -> Option<&Value> {
        self.vars.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    pub(crate) fn insert(&mut self, name: String, value: Value) {
        match self.vars.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => slot.1 = value,
            None => self.vars.push((name, value)),
        }
    }

    /// The index of `name`'s entry, added (as nil) if missing. Entries are never removed,
    /// so the index stays valid for the scope's life.
    fn slot(&mut self, name: &str) -> usize {
        match self.vars.iter().position(|(k, _)| k == name) {
            Some(i) => i,
            None => {
                self.vars.push((name.to_string(), Value::Nil));
                self.vars.len() - 1
            }
        }
    }
}

/// Variable scopes and state for one render. Create one per page render.
pub struct Context {
    /// `scopes[0]` is the outermost scope (where `assign` writes); later ones are inner.
    pub(crate) scopes: Vec<Scope>,
    /// The environment (Jekyll's payload: `site`, `page`, ...); `increment` writes here.
    pub(crate) globals: Hash,
    pub registers: Registers,
    pub(crate) interrupts: Vec<Interrupt>,
    pub(crate) errors: Vec<LiquidError>,
    pub(crate) rethrow: bool,
    pub(crate) strict_variables: bool,
    pub(crate) strict_filters: bool,
    pub(crate) template_name: Option<String>,
    pub(crate) file_system: Option<Arc<dyn FileSystem>>,
    pub(crate) registry: Option<Arc<Registry>>,
    pub(crate) error_mode: ErrorMode,
    /// Positions of `cycle` groups by key; a template has few, so a list is enough.
    pub(crate) cycles: Vec<(String, usize)>,
    /// Where `offset: continue` resumes, by loop name; a list, as templates have few loops.
    pub(crate) for_offsets: Vec<(Arc<str>, i64)>,
    pub(crate) ifchanged: Option<String>,
    pub(crate) partials: HashMap<String, Template>,
    pub(crate) for_stack: Vec<Value>,
    /// A filter's evaluated arguments, kept between calls to save an allocation each.
    pub(crate) filter_args: Vec<Value>,
    /// Current nesting of rendered bodies.
    pub(crate) depth: usize,
}

/// Liquid's `Block::MAX_DEPTH` also bounds the number of scopes.
const MAX_SCOPES: usize = 100;

impl Context {
    /// A context whose global variables are `globals`.
    pub fn new(globals: Hash) -> Self {
        Context {
            scopes: vec![Scope::default()],
            globals,
            registers: Registers::default(),
            interrupts: Vec::new(),
            errors: Vec::new(),
            rethrow: false,
            strict_variables: false,
            strict_filters: false,
            template_name: None,
            file_system: None,
            registry: None,
            error_mode: ErrorMode::Lax,
            cycles: Vec::new(),
            for_offsets: Vec::new(),
            ifchanged: None,
            partials: HashMap::new(),
            for_stack: Vec::new(),
            filter_args: Vec::new(),
            depth: 0,
        }
    }

    /// Sets where `{% include %}` (Liquid's own) reads partials.
    pub fn set_file_system(&mut self, fs: Arc<dyn FileSystem>) {
        self.file_system = Some(fs);
    }

    /// Errors rendered inline during the last lax render.
    pub fn errors(&self) -> &[LiquidError] {
        &self.errors
    }

    pub fn globals(&self) -> &Hash {
        &self.globals
    }

    pub fn globals_mut(&mut self) -> &mut Hash {
        &mut self.globals
    }

    /// Sets a variable in the innermost scope (like Ruby's `context[key] = value`).
    pub fn set(&mut self, key: impl Into<String>, value: Value) {
        if let Some(s) = self.scopes.last_mut() {
            s.insert(key.into(), value);
        }
    }

    /// Where `name` lives in the innermost scope (see [`Context::set_slot`]).
    pub(crate) fn innermost_slot(&mut self, name: &str) -> usize {
        let last = self.scopes.len() - 1;
        self.scopes[last].slot(name)
    }

    /// Sets the variable at `slot` of the innermost scope: a loop sets its variable once
    /// per item without looking the name up or copying it.
    pub(crate) fn set_slot(&mut self, slot: usize, value: Value) {
        if let Some(entry) = self.scopes.last_mut().and_then(|s| s.vars.get_mut(slot)) {
            entry.1 = value;
        }
    }

    /// Sets a variable in the outermost scope (what `assign` does).
    pub fn assign(&mut self, key: impl Into<String>, value: Value) {
        self.scopes[0].insert(key.into(), value);
    }

    pub fn push_scope(&mut self) -> LResult<()> {
        if self.scopes.len() >= MAX_SCOPES {
            return Err(LiquidError::new(ErrorKind::StackLevel, "Nesting too deep"));
        }
        self.scopes.push(Scope::default());
        Ok(())
    }

    pub fn pop_scope(&mut self) {
        if self.scopes.len() > 1 {
            self.scopes.pop();
        }
    }

    /// Runs `f` with a new innermost scope.
    pub fn with_scope<T>(&mut self, f: impl FnOnce(&mut Context) -> LResult<T>) -> LResult<T> {
        self.push_scope()?;
        let r = f(self);
        self.pop_scope();
        r
    }

    /// `find_variable`: the innermost scope that has `name`, then the globals.
    pub fn find_variable(&self, name: &str) -> LResult<Value> {
        self.find_variable_ref(name).map(Found::into_owned)
    }

    /// [`Context::find_variable`] without copying the value.
    fn find_variable_ref(&self, name: &str) -> LResult<Found<'_>> {
        for s in self.scopes.iter().rev() {
            if let Some(v) = s.get(name) {
                return Ok(Found::liquid(v));
            }
        }
        match hash_get(&self.globals, name) {
            Some(v) => Ok(Found::liquid(v)),
            None if self.strict_variables => Err(LiquidError::new(
                ErrorKind::UndefinedVariable,
                format!("undefined variable {name}"),
            )),
            None => Ok(Found::Owned(Value::Nil)),
        }
    }

    /// Looks a dotted path up (`"page.title"`), as a template would.
    pub fn get(&mut self, path: &str) -> Value {
        let e = Expr::parse(path);
        self.evaluate(&e).unwrap_or(Value::Nil)
    }

    pub fn evaluate(&self, e: &Expr) -> LResult<Value> {
        self.eval_ref(e).map(Found::into_owned)
    }

    /// Evaluates without copying: literals and variables reached through hashes and
    /// arrays are borrowed; only drops and computed values are owned.
    pub(crate) fn eval_ref<'a>(&'a self, e: &'a Expr) -> LResult<Found<'a>> {
        match e {
            Expr::Lit(v) => Ok(Found::Ref(v)),
            Expr::Empty => Ok(Found::Owned(method_literal(true))),
            Expr::Blank => Ok(Found::Owned(method_literal(false))),
            Expr::Range(a, b) => {
                let a = self.eval_ref(a)?;
                let b = self.eval_ref(b)?;
                Ok(Found::Owned(Value::Range(
                    range_bound(a.get())?,
                    range_bound(b.get())?,
                )))
            }
            Expr::Var(l) => self.lookup(l),
        }
    }

    fn lookup<'a>(&'a self, l: &'a Lookup) -> LResult<Found<'a>> {
        let mut obj = match &l.name {
            // The common case: a plain name, no expression to evaluate first.
            Expr::Lit(Value::Str(s)) => self.find_variable_ref(s)?,
            other => match self.eval_ref(other)?.get() {
                Value::Str(s) => self.find_variable_ref(s)?,
                _ => Found::Owned(Value::Nil),
            },
        };
        for key in &l.keys {
            let (next, shown) = match key {
                Key::Name(n) => (
                    obj.child(|v| {
                        index_name(v, n, self.strict_variables).or_else(|| command_method(v, n))
                    }),
                    None,
                ),
                Key::Expr(e) => {
                    let k = self.evaluate(e)?;
                    (obj.child(|v| index(v, &k)), Some(k))
                }
            };
            match next {
                Some(v) => obj = v,
                None => {
                    if self.strict_variables {
                        let name = match (&shown, key) {
                            (Some(k), _) => super::ruby::to_s(k),
                            (None, Key::Name(n)) => n.clone(),
                            _ => String::new(),
                        };
                        return Err(LiquidError::new(
                            ErrorKind::UndefinedVariable,
                            format!("undefined variable {name}"),
                        ));
                    }
                    return Ok(Found::Owned(Value::Nil));
                }
            }
        }
        Ok(obj)
    }
}

/// A value a lookup found: borrowed from the template, the scopes or the globals, or
/// owned when it had to be computed (a drop's field, `size`, a range). Walking
/// `site.data.news` through hashes copies nothing.
pub(crate) enum Found<'a> {
    Ref(&'a Value),
    Owned(Value),
}

impl<'a> Found<'a> {
    pub(crate) fn get(&self) -> &Value {
        match self {
            Found::Ref(v) => v,
            Found::Owned(v) => v,
        }
    }

    pub(crate) fn into_owned(self) -> Value {
        match self {
            Found::Ref(v) => v.clone(),
            Found::Owned(v) => v,
        }
    }

    /// `to_liquid` on a stored value: an assigned `empty`/`blank` reads back as "".
    fn liquid(v: &'a Value) -> Found<'a> {
        if super::drops::as_method_literal(v).is_some() {
            return Found::Owned(Value::str(""));
        }
        Found::Ref(v)
    }

    /// The child `pick` selects, borrowed as long as the parent is.
    fn child(self, pick: impl FnOnce(&Value) -> Option<Child<'_>>) -> Option<Found<'a>> {
        match self {
            Found::Ref(v) => pick(v).map(|c| match c {
                Child::Ref(v) => Found::liquid(v),
                Child::Owned(v) => Found::Owned(to_liquid_owned(v)),
            }),
            Found::Owned(v) => pick(&v).map(|c| Found::Owned(to_liquid_owned(c.into_value()))),
        }
    }
}

/// What indexing a value yields: a part of it, or a value computed from it.
pub(crate) enum Child<'a> {
    Ref(&'a Value),
    Owned(Value),
}

impl Child<'_> {
    fn into_value(self) -> Value {
        match self {
            Child::Ref(v) => v.clone(),
            Child::Owned(v) => v,
        }
    }
}

fn to_liquid_owned(v: Value) -> Value {
    if super::drops::as_method_literal(&v).is_some() {
        return Value::str("");
    }
    v
}

/// `hash[key]`. Most hashes in templates are small (front matter, data records), and
/// comparing a few keys costs less than hashing the key with SipHash.
pub(crate) fn hash_get<'a>(h: &'a Hash, key: &str) -> Option<&'a Value> {
    const LINEAR_MAX: usize = 12;
    if h.len() <= LINEAR_MAX {
        h.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    } else {
        h.get(key)
    }
}

/// `object.name` for a plain name: hashes by key, drops by field (with strict variables,
/// a drop must have the field).
fn index_name<'a>(obj: &'a Value, name: &str, strict: bool) -> Option<Child<'a>> {
    match obj {
        Value::Hash(h) => hash_get(h, name).map(Child::Ref),
        Value::Drop(d) => {
            if strict && !d.contains_key(name) {
                return None;
            }
            Some(Child::Owned(d.get(name).unwrap_or(Value::Nil)))
        }
        _ => None,
    }
}

/// `object[key]` when Liquid would use it: hashes and drops by key, arrays by integer.
pub(crate) fn index<'a>(obj: &'a Value, key: &Value) -> Option<Child<'a>> {
    match (obj, key) {
        (Value::Hash(h), Value::Str(k)) => hash_get(h, k).map(Child::Ref),
        (Value::Array(a), Value::Int(i)) => {
            let len = a.len() as i64;
            let idx = if *i < 0 { len + i } else { *i };
            Some(if idx >= 0 && idx < len {
                Child::Ref(&a[idx as usize])
            } else {
                Child::Owned(Value::Nil)
            })
        }
        (Value::Drop(d), Value::Str(k)) => Some(Child::Owned(d.get(k).unwrap_or(Value::Nil))),
        (Value::Drop(d), other) => Some(Child::Owned(
            d.get(&super::ruby::to_s(other)).unwrap_or(Value::Nil),
        )),
        _ => None,
    }
}

/// [`index`], copied out.
pub(crate) fn index_value(obj: &Value, key: &Value) -> Option<Value> {
    index(obj, key).map(Child::into_value)
}

/// How many integers `a..b` holds (saturating).
pub(crate) fn range_len(a: i64, b: i64) -> i64 {
    (i128::from(b) - i128::from(a) + 1).clamp(0, i128::from(i64::MAX)) as i64
}

/// `size`, `first` and `last` called as methods.
fn command_method<'a>(obj: &'a Value, name: &str) -> Option<Child<'a>> {
    let nil = || Child::Owned(Value::Nil);
    let owned = Child::Owned;
    match (name, obj) {
        ("size", Value::Str(s)) => Some(owned(Value::Int(s.chars().count() as i64))),
        ("size", Value::Array(a)) => Some(owned(Value::Int(a.len() as i64))),
        ("size", Value::Hash(h)) => Some(owned(Value::Int(h.len() as i64))),
        ("size", Value::Int(_)) => Some(owned(Value::Int(8))),
        ("size", Value::Range(a, b)) => Some(owned(Value::Int(range_len(*a, *b)))),
        ("first", Value::Array(a)) => Some(a.first().map(Child::Ref).unwrap_or_else(nil)),
        ("last", Value::Array(a)) => Some(a.last().map(Child::Ref).unwrap_or_else(nil)),
        ("first", Value::Hash(h)) => Some(
            h.iter()
                .next()
                .map(|(k, v)| owned(Value::array(vec![Value::str(k.as_str()), v.clone()])))
                .unwrap_or_else(nil),
        ),
        ("first", Value::Range(a, b)) => {
            Some(owned(if a <= b { Value::Int(*a) } else { Value::Nil }))
        }
        ("last", Value::Range(_, b)) => Some(owned(Value::Int(*b))),
        _ => None,
    }
}

fn range_bound(v: &Value) -> LResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Nil => Ok(0),
        Value::Str(s) => Ok(super::ruby::str_to_i(s)),
        other => super::filters::to_integer(other),
    }
}
