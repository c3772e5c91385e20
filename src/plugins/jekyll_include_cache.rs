//! jekyll-include-cache (0.2): `{% include_cached file.html param=value %}` renders like
//! `{% include %}`, but the output is rendered once per build for each included file and
//! set of parameter values, then reused.
//!
//! The gem's key is the include's path plus the parameter *values* ordered by parameter
//! name (the names themselves are not part of it); a value that is a drop counts by
//! identity, anything else by content. Whatever else the include reads (`page.title`...)
//! is not in the key: the first rendering in Jekyll's render order is what every later one
//! prints, as with the gem. hyde renders items in parallel, so before it consults the
//! cache an item has every item before it rendered (the cache then holds exactly what
//! Jekyll's would at that point).
//! The cache lives as long as the Liquid engine, which is built once per build (the gem
//! clears it in a `:site, :pre_render` hook).

use crate::liquid::jekyll::IncludeForCache;
use crate::liquid::{Context, Engine, LResult, Tag};
use crate::site::drops::DocId;
use crate::site::render::{observe, Item, Seen};
use crate::value::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Path plus the canonical form of each parameter value (`None`: no parameters at all).
type CacheKey = (String, Option<Vec<String>>);
type OutputCache = Arc<Mutex<HashMap<CacheKey, String>>>;

/// The plugin: one tag.
pub struct JekyllIncludeCache;

impl crate::plugins::Plugin for JekyllIncludeCache {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-include-cache"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        let cache = OutputCache::default();
        engine.register_tag("include_cached", move |name, markup, _info| {
            Ok(Box::new(IncludeCached {
                include: IncludeForCache::parse(name, markup)?,
                cache: cache.clone(),
            }) as Box<dyn Tag>)
        });
    }
}

struct IncludeCached {
    include: IncludeForCache,
    cache: OutputCache,
}

/// Ruby's `value.hash` equality: same class and same content; drops by object identity
/// (the gem hashes a drop's `object_id`).
fn value_key(v: &Value) -> String {
    match v {
        Value::Drop(d) => format!("drop:{}", d.identity()),
        other => format!("{}:{}", other.ruby_class(), crate::value::inspect(other)),
    }
}

/// Renders, on demand, every item Jekyll renders before the current one.
fn render_earlier_items(ctx: &Context) {
    let Some(site) = crate::site::liquid_setup::site_of(ctx) else {
        return;
    };
    let docs = site
        .collections
        .values()
        .enumerate()
        .flat_map(|(coll, c)| (0..c.docs.len()).map(move |idx| Item::Doc(DocId { coll, idx })));
    let pages = (0..site.pages.len()).map(Item::Page);
    for item in docs.chain(pages) {
        if observe(site, item) != Seen::Rendered {
            break;
        }
    }
}

impl Tag for IncludeCached {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        render_earlier_items(ctx);
        let (path, params) = self.include.cache_key(ctx)?;
        let key = (path, params.map(|p| p.iter().map(value_key).collect()));
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            out.push_str(&hit);
            return Ok(());
        }
        let mut rendered = String::new();
        self.include.render(ctx, &mut rendered)?;
        out.push_str(&rendered);
        if let Ok(mut c) = self.cache.lock() {
            c.entry(key).or_insert(rendered);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Hash;

    #[test]
    fn keys_compare_like_ruby_hashes() {
        assert_eq!(value_key(&Value::str("1")), value_key(&Value::str("1")));
        assert_ne!(value_key(&Value::str("1")), value_key(&Value::Int(1)));
        assert_ne!(value_key(&Value::Int(1)), value_key(&Value::Float(1.0)));
        let mut h = Hash::new();
        h.insert("a".into(), Value::Int(1));
        assert_eq!(
            value_key(&Value::hash(h.clone())),
            value_key(&Value::hash(h))
        );
    }
}
