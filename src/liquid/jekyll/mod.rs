//! Jekyll's Liquid additions: its filters (which replace Liquid's `sort` and `where`) and,
//! through [`JekyllServices`], the parts that need the site (URLs, converters, includes).
//!
//! ```
//! use hyde::liquid::{jekyll, Engine};
//! let mut engine = Engine::new();
//! jekyll::register_filters(&mut engine);
//! ```
//! Site-dependent filters find the site through the context's registers:
//! `ctx.registers.insert(jekyll::Services(Arc::new(my_site)))`.

mod filters;
mod json;
mod slug;
mod url;

pub use filters::register_filters;
pub use json::jsonify;
pub use slug::slugify;
pub use url::{normalize_component, normalize_url};

use super::error::{ErrorKind, LResult, LiquidError};
use super::Context;
use std::sync::Arc;

/// What Jekyll's filters and tags need from the site. The site pipeline implements it and
/// stores it in the registers as [`Services`].
pub trait JekyllServices: Send + Sync {
    /// `site.config["baseurl"]` (None when unset).
    fn baseurl(&self) -> Option<String>;
    /// `site.config["url"]` (None when unset).
    fn url(&self) -> Option<String>;
    /// The Markdown converter (`markdownify`).
    fn markdownify(&self, input: &str) -> Result<String, String>;
    /// The SmartyPants converter (`smartify`).
    fn smartify(&self, input: &str) -> Result<String, String>;
    /// The Sass converters (`sassify` / `scssify`).
    fn sassify(&self, input: &str, scss: bool) -> Result<String, String> {
        let _ = (input, scss);
        Err("Sass conversion is not available".into())
    }
}

/// The register under which [`JekyllServices`] live.
#[derive(Clone)]
pub struct Services(pub Arc<dyn JekyllServices>);

pub(crate) fn services(ctx: &Context) -> LResult<Arc<dyn JekyllServices>> {
    ctx.registers
        .get::<Services>()
        .map(|s| s.0.clone())
        .ok_or_else(|| LiquidError::new(ErrorKind::Internal, "no site in the Liquid registers"))
}
