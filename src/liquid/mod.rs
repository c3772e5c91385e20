//! hyde's Liquid engine, with Ruby Liquid 4.0.4 semantics (the version Jekyll 4.3 runs).
//!
//! # Using it
//!
//! ```
//! use hyde::liquid::{Context, Engine};
//! use hyde::value::{Hash, Value};
//!
//! let engine = Engine::new();                       // lax mode, standard filters
//! let tpl = engine.parse("Hi {{ name | upcase }}", "page.html").unwrap();
//! let mut globals = Hash::new();
//! globals.insert("name".into(), Value::from("ann"));
//! let mut ctx = Context::new(globals);
//! assert_eq!(tpl.render(&mut ctx).unwrap(), "Hi ANN");
//! ```
//!
//! * [`Engine`] is `Send + Sync`: build it once (options + custom tags/filters), share it
//!   across threads. [`Template`] is `Send + Sync` and cheap to clone: cache parsed
//!   templates and render them from any thread.
//! * [`Template::render`] raises on the first error (Jekyll's `render!`);
//!   [`Template::render_lax`] prints errors inline the way `render` does
//!   (`Liquid error (line 3): ...`) and keeps them in [`Context::errors`].
//! * [`Context`] holds the globals (Jekyll's payload: `site`, `page`, `layout`, `content`,
//!   `paginator`, ...), the scopes `assign` writes to, and [`Registers`]: a typed map for
//!   site state that tags and filters read (`ctx.registers.insert(MySite { .. })`, then
//!   `ctx.registers.get::<MySite>()`). Drops (`Value::Drop`) are read lazily through
//!   `Drop::get`, never copied.
//! * Custom filters: [`Engine::register_filter`] with a function
//!   `fn(&Value, &[Value], &mut Context) -> LResult<Value>` and its arity (counting the
//!   input, as Ruby's error messages do). Keyword arguments (`f: a, key: b`) arrive as a
//!   trailing `Value::Hash`, as in Ruby.
//! * Custom tags: [`Engine::register_tag`] (simple tags) and [`Engine::register_block_tag`]
//!   (body up to `end<name>`, handed over as a [`Body`]); both build a [`Tag`] at parse time.
//!   Registered tags override the built-in ones of the same name (Jekyll's `include`).
//!
//! ```
//! use hyde::liquid::{Body, Context, Engine, LResult, Tag};
//! use hyde::value::Hash;
//!
//! struct Shout(Body);
//! impl Tag for Shout {
//!     fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
//!         let mut inner = String::new();
//!         self.0.render(ctx, &mut inner)?;
//!         out.push_str(&inner.to_uppercase());
//!         Ok(())
//!     }
//! }
//! let mut engine = Engine::new();
//! engine.register_block_tag("shout", |_name, _markup, body, _info| Ok(Box::new(Shout(body)) as Box<dyn Tag>));
//! engine.register_filter("twice", 1, 1, |v, _args, _ctx| Ok(format!("{0}{0}", hyde::liquid::ruby::to_s(v)).into()));
//! let t = engine.parse("{% shout %}a{{ 'b' | twice }}{% endshout %}", "x.html").unwrap();
//! assert_eq!(t.render(&mut Context::new(Hash::new())).unwrap(), "ABB");
//! ```
//!
//! # Jekyll
//!
//! [`jekyll::register_all`] adds Jekyll's filters and tags. The site-specific parts go
//! through [`jekyll::JekyllServices`], stored in the registers as [`jekyll::Services`]
//! (`ctx.registers.insert(jekyll::Services(Arc::new(site)))`). Options come from
//! `_config.yml`'s `liquid:` (`error_mode`, `strict_variables`, `strict_filters`).
//! Use [`Engine::parse_cached`] for layouts and pages. Errors: `Error.message` is Liquid's
//! own text (`Liquid syntax error (line 3): Unknown tag 'x'`, or the bare message of a
//! non-Liquid error such as an include that cannot be found), which Jekyll prints as
//! `Liquid Exception: <message> in <page path>`.

mod ast;
mod context;
pub mod date;
mod drops;
mod error;
mod expr;
pub mod filters;
pub mod jekyll;
mod markup;

mod number;
mod parser;
mod render;
pub mod ruby;
mod syntax;

pub use ast::Body;
pub use context::{Context, FileSystem, Registers};
pub use error::{ErrorKind, LResult, LiquidError};
pub use expr::Expr;

use crate::value::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// How strictly markup inside tags and outputs is parsed (Liquid's `error_mode`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ErrorMode {
    /// Ignore what does not parse (Liquid's and Jekyll's default).
    #[default]
    Lax,
    /// Parse strictly; on failure record a warning and fall back to lax.
    Warn,
    /// Parse strictly; failures are syntax errors.
    Strict,
}

impl ErrorMode {
    /// From `_config.yml`'s `liquid: error_mode:` value.
    pub fn from_name(s: &str) -> Option<ErrorMode> {
        match s {
            "lax" => Some(ErrorMode::Lax),
            "warn" => Some(ErrorMode::Warn),
            "strict" => Some(ErrorMode::Strict),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub error_mode: ErrorMode,
    /// Undefined variables raise `Liquid::UndefinedVariable`.
    pub strict_variables: bool,
    /// Undefined filters raise `Liquid::UndefinedFilter`.
    pub strict_filters: bool,
}

/// What a tag factory learns about where the tag is.
#[derive(Clone, Copy, Debug)]
pub struct ParseInfo {
    pub line: usize,
    pub error_mode: ErrorMode,
}

/// A parsed custom tag.
pub trait Tag: Send + Sync {
    /// Appends the tag's output. Errors are reported with the tag's line.
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()>;
    /// For simple tags: true when the tag never prints (lets whitespace-only blocks around
    /// it be dropped). Block tags are blank when their body is, as in Liquid.
    fn blank(&self) -> bool {
        false
    }
}

pub type SimpleTagFn = dyn Fn(&str, &str, &ParseInfo) -> LResult<Box<dyn Tag>> + Send + Sync;
pub type BlockTagFn = dyn Fn(&str, &str, Body, &ParseInfo) -> LResult<Box<dyn Tag>> + Send + Sync;
pub type FilterFn = dyn Fn(&Value, &[Value], &mut Context) -> LResult<Value> + Send + Sync;

#[derive(Clone)]
pub(crate) enum TagFactory {
    Simple(Arc<SimpleTagFn>),
    Block(Arc<BlockTagFn>),
}

#[derive(Clone)]
pub(crate) struct FilterEntry {
    pub func: Arc<FilterFn>,
    pub min_args: usize,
    pub max_args: usize,
}

#[derive(Clone, Default)]
pub(crate) struct Registry {
    pub tags: HashMap<String, TagFactory>,
    pub filters: HashMap<String, FilterEntry>,
}

/// Parsed templates by (path, source hash), shared by clones of an engine.
type ParseCache = Arc<std::sync::RwLock<HashMap<(String, u64), Template>>>;

/// Options plus registered tags and filters. Build once, share everywhere.
#[derive(Clone, Default)]
pub struct Engine {
    reg: Arc<Registry>,
    pub options: Options,
    cache: ParseCache,
}

impl Engine {
    pub fn new() -> Self {
        Engine::default()
    }

    pub fn with_options(options: Options) -> Self {
        Engine {
            reg: Arc::default(),
            options,
            cache: ParseCache::default(),
        }
    }

    /// Registers (or replaces) a filter. `min_args`/`max_args` count the input too
    /// (`usize::MAX` for "any number").
    pub fn register_filter<F>(&mut self, name: &str, min_args: usize, max_args: usize, f: F)
    where
        F: Fn(&Value, &[Value], &mut Context) -> LResult<Value> + Send + Sync + 'static,
    {
        Arc::make_mut(&mut self.reg).filters.insert(
            name.to_string(),
            FilterEntry {
                func: Arc::new(f),
                min_args,
                max_args,
            },
        );
    }

    /// Registers a tag without a body. The factory gets (tag name, markup, position).
    pub fn register_tag<F>(&mut self, name: &str, factory: F)
    where
        F: Fn(&str, &str, &ParseInfo) -> LResult<Box<dyn Tag>> + Send + Sync + 'static,
    {
        Arc::make_mut(&mut self.reg)
            .tags
            .insert(name.to_string(), TagFactory::Simple(Arc::new(factory)));
    }

    /// Registers a block tag: its body runs up to `{% end<name> %}`.
    pub fn register_block_tag<F>(&mut self, name: &str, factory: F)
    where
        F: Fn(&str, &str, Body, &ParseInfo) -> LResult<Box<dyn Tag>> + Send + Sync + 'static,
    {
        Arc::make_mut(&mut self.reg)
            .tags
            .insert(name.to_string(), TagFactory::Block(Arc::new(factory)));
    }

    /// Parses `source`; errors read like Jekyll's (`path:line: Liquid syntax error ...`).
    pub fn parse(&self, source: &str, path: &str) -> crate::Result<Template> {
        self.parse_liquid(source)
            .map_err(|e| e.into_error(Some(path)))
    }

    /// Like [`Engine::parse`], but returns the template parsed earlier for the same path and
    /// source (layouts and pages rendered many times are parsed once per build).
    pub fn parse_cached(&self, source: &str, path: &str) -> crate::Result<Template> {
        use std::hash::{Hash as _, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        source.hash(&mut h);
        let key = (path.to_string(), h.finish());
        if let Some(t) = self.cache.read().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(t);
        }
        let t = self.parse(source, path)?;
        if let Ok(mut c) = self.cache.write() {
            c.insert(key, t.clone());
        }
        Ok(t)
    }

    /// Parses `source`, keeping Liquid's own error value.
    pub fn parse_liquid(&self, source: &str) -> LResult<Template> {
        let mut t = Template::parse_with(self.reg.clone(), self.options.error_mode, source)?;
        if let Some(inner) = Arc::get_mut(&mut t.inner) {
            inner.options = self.options;
        }
        Ok(t)
    }
}

pub(crate) struct TemplateInner {
    pub root: Body,
    pub registry: Arc<Registry>,
    pub options: Options,
    pub warnings: Vec<LiquidError>,
    /// The length of the last output: the next render starts with that much room
    /// instead of growing its buffer step by step.
    pub size_hint: AtomicUsize,
}

/// A parsed template. Cheap to clone, `Send + Sync`.
#[derive(Clone)]
pub struct Template {
    pub(crate) inner: Arc<TemplateInner>,
}

impl Template {
    pub(crate) fn parse_with(
        registry: Arc<Registry>,
        mode: ErrorMode,
        source: &str,
    ) -> LResult<Template> {
        let mut p = parser::Parser::new(&registry, mode, source);
        let root = p.parse_document()?;
        let warnings = std::mem::take(&mut p.warnings);
        drop(p);
        let options = Options {
            error_mode: mode,
            ..Options::default()
        };
        Ok(Template {
            inner: Arc::new(TemplateInner {
                root,
                registry,
                options,
                warnings,
                size_hint: AtomicUsize::new(0),
            }),
        })
    }

    /// Syntax problems found in `warn` mode.
    pub fn warnings(&self) -> &[LiquidError] {
        &self.inner.warnings
    }

    fn prepare(&self, ctx: &mut Context, rethrow: bool) {
        ctx.rethrow = rethrow;
        ctx.registry = Some(self.inner.registry.clone());
        ctx.error_mode = self.inner.options.error_mode;
        ctx.strict_variables = self.inner.options.strict_variables;
        ctx.strict_filters = self.inner.options.strict_filters;
        ctx.interrupts.clear();
    }

    /// Renders, stopping at the first error (Ruby's `render!`, what Jekyll uses).
    pub fn render(&self, ctx: &mut Context) -> crate::Result<String> {
        self.render_liquid(ctx).map_err(|e| e.into_error(None))
    }

    /// Like [`Template::render`], keeping Liquid's error value.
    pub fn render_liquid(&self, ctx: &mut Context) -> LResult<String> {
        self.prepare(ctx, true);
        self.render_root(ctx)
    }

    fn render_root(&self, ctx: &mut Context) -> LResult<String> {
        let hint = &self.inner.size_hint;
        let mut out = String::with_capacity(hint.load(Ordering::Relaxed));
        ctx.render_body(&self.inner.root, &mut out)?;
        hint.store(out.len(), Ordering::Relaxed);
        // Outputs are kept (a site holds every page's): give back room a short page
        // did not use.
        if out.capacity() > 2 * out.len() + 4096 {
            out.shrink_to_fit();
        }
        Ok(out)
    }

    /// Renders with errors printed inline (Ruby's `render`); see [`Context::errors`].
    /// Still fails when a tag switched the render to raising (Jekyll's `include` renders
    /// its file with `render!`, which makes later errors raise, as in Ruby).
    pub fn render_lax(&self, ctx: &mut Context) -> LResult<String> {
        self.prepare(ctx, false);
        self.render_root(ctx)
    }
}

#[cfg(test)]
mod tests;
