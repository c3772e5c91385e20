//! Drops: lazily evaluated Jekyll objects exposed to Liquid (`site`, `page`, documents,
//! `forloop`, ...). A drop computes a field only when a template asks for it, and it is
//! shared by reference between every page that sees it.

use super::Value;
use std::fmt;
use std::sync::Arc;

pub trait Drop: Send + Sync {
    /// `drop[key]` / `drop.key`; `None` when the drop has no such field.
    fn get(&self, key: &str) -> Option<Value>;

    /// The keys `to_h`, `jsonify`, `inspect` and `for ... in drop` see, in Jekyll's order.
    fn keys(&self) -> Vec<String>;

    /// Whether `key` is a field (Liquid's `key?`), even when its value is nil.
    fn contains_key(&self, key: &str) -> bool {
        self.keys().iter().any(|k| k == key)
    }

    /// The Ruby class name (for error messages and `inspect`).
    fn ruby_class(&self) -> &'static str {
        "Liquid::Drop"
    }

    /// What `{{ drop }}` prints. Jekyll's drops mostly print their JSON (`inspect`);
    /// document drops print their output. `None` lets the renderer use the default.
    fn to_liquid_string(&self) -> Option<String> {
        None
    }

    /// An identity used for equality between drops (`page == post` compares objects).
    fn identity(&self) -> usize {
        self as *const Self as *const () as usize
    }

    /// `hash_for_json(state)`: what `jsonify` serializes when the drop sits `depth` JSON
    /// containers deep. Jekyll's document drops collapse their `next`/`previous` there.
    fn hash_for_json(&self, depth: usize) -> super::Hash {
        let _ = depth;
        self.to_hash()
    }

    /// A hash snapshot of the drop (`to_h`), used by `jsonify`, `inspect`, `where`, `sort`.
    fn to_hash(&self) -> super::Hash {
        self.keys()
            .into_iter()
            .map(|k| {
                let v = self.get(&k).unwrap_or(Value::Nil);
                (k, v)
            })
            .collect()
    }
}

/// A shared handle to a drop.
#[derive(Clone)]
pub struct DropRef(pub Arc<dyn Drop>);

impl DropRef {
    pub fn new(d: impl Drop + 'static) -> Self {
        DropRef(Arc::new(d))
    }
}

impl std::ops::Deref for DropRef {
    type Target = dyn Drop;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl fmt::Debug for DropRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#<{}>", self.0.ruby_class())
    }
}
