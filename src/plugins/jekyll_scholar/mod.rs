//! jekyll-scholar 7.x: bibliographies from BibTeX files. Tags `bibliography`,
//! `bibliography_count`, `cite`, `nocite`, `reference`, `quote`, `details_link`,
//! `cite_details`; the details-page generator. Each `.bib` is parsed once per build and
//! shared by every page (jekyll-scholar re-parses per tag unless its cache hits).

pub mod bibtex;
mod config;
pub mod csl;
mod latex;
mod latex_tables;
mod liquidify;
pub mod names;
pub mod query;
mod tags;

use crate::error::Result;
use crate::site::Site;
use bibtex::{Bibliography, ParseOptions};
use once_cell::sync::Lazy;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use config::Config;

/// The plugin.
pub struct JekyllScholar;

impl crate::plugins::Plugin for JekyllScholar {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-scholar", "jekyll/scholar"]
    }

    fn register_liquid(&self, engine: &mut crate::liquid::Engine) {
        tags::register(engine);
    }

    fn priority(&self) -> i32 {
        10
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        tags::generate_details(site)
    }
}

/// Parsed bibliographies by (files, their sizes and modification times, options): the
/// build-wide cache that makes every page share one parse.
static CACHE: Lazy<Mutex<HashMap<String, Arc<Bibliography>>>> = Lazy::new(Default::default);

/// Loads (or takes from the cache) the bibliography made of `paths`. Parse problems are
/// printed once, when the files are parsed.
pub fn load(
    paths: &[PathBuf],
    opts: ParseOptions,
) -> std::result::Result<Arc<Bibliography>, String> {
    let mut key = format!("{opts:?}");
    for p in paths {
        let meta = std::fs::metadata(p)
            .map_err(|_| format!("No such file or directory @ rb_sysopen - {}", p.display()))?;
        key.push_str(&format!(
            "|{}:{}:{:?}",
            p.display(),
            meta.len(),
            meta.modified().ok()
        ));
    }
    if let Some(b) = CACHE.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return Ok(b);
    }
    let mut files = Vec::new();
    for p in paths {
        let text = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
        files.push((
            p.display().to_string(),
            String::from_utf8_lossy(&text).into_owned(),
        ));
    }
    let bib = Arc::new(bibtex::parse_files(&files, opts));
    for w in &bib.warnings {
        crate::cli::log::warn("Jekyll-scholar:", w);
    }
    if let Ok(mut c) = CACHE.lock() {
        c.insert(key, bib.clone());
    }
    Ok(bib)
}
