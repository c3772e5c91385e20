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
mod tags;
mod url;

pub use filters::{absolute_url, register_filters, relative_url, xml_escape};
pub use json::jsonify;
pub use slug::{slugify, transliterate};
pub use tags::{could_not_locate_message, post_url_matches, register_tags, IncludeForCache};
pub use url::{normalize_component, normalize_url, parse_absolute};

use super::error::{ErrorKind, LResult, LiquidError};
use super::{Context, Engine, Registers};

/// Registers Jekyll's filters and tags (`include`, `include_relative`, `highlight`,
/// `link`, `post_url`) on `engine`.
pub fn register_all(engine: &mut Engine) {
    register_filters(engine);
    register_tags(engine);
}

/// An include file found by [`JekyllServices::read_include`].
pub struct IncludeFile {
    /// The file's path; errors inside it name this path, and parsed includes are cached
    /// under it (together with a hash of the source).
    pub path: String,
    pub source: String,
}
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
    /// `site.highlighter` (`"rouge"` by default; anything else means plain escaping).
    fn highlighter(&self) -> Option<String> {
        Some("rouge".into())
    }
    /// Finds and reads an include: from the includes directories (theme, safe mode...)
    /// or, when `relative`, from the directory of the page being rendered (which the site
    /// keeps in `registers`). The error is Jekyll's message ("Could not locate the
    /// included file ...").
    fn read_include(
        &self,
        file: &str,
        relative: bool,
        registers: &Registers,
    ) -> Result<IncludeFile, String>;
    /// The URL (without baseurl) of the post `name` (`2024-01-02-title` or
    /// `dir/2024-01-02-title`), as `{% post_url %}` matches it.
    fn post_url(&self, name: &str) -> Option<String>;
    /// The URL (without baseurl) of the site file whose relative path is `path`
    /// (`{% link %}`).
    fn link(&self, path: &str) -> Option<String>;
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
