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

    fn post_read(&self, _site: &mut Site) -> Result<()> {
        begin_build();
        Ok(())
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        tags::generate_details(site)
    }
}

/// Starts a build's caches: bibliographies the previous build did not use are dropped (so
/// `serve` does not keep every version of an edited `.bib`), the others are kept for reuse
/// and print their parse warnings again when first used, as a fresh parse would; the
/// per-build caches of query results, entry data and decoded text are emptied.
fn begin_build() {
    {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        cache.retain(|_, c| c.used);
        for c in cache.values_mut() {
            c.used = false;
        }
    }
    DEDUPLICATED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clear();
    tags::begin_build();
    latex::begin_build();
}

/// Bibliographies without their duplicates, by (bibliography, match fields), this build.
type Deduplicated = HashMap<(u64, Vec<String>), Arc<Bibliography>>;
static DEDUPLICATED: Lazy<Mutex<Deduplicated>> = Lazy::new(Default::default);

/// `remove_duplicates`: `bib` without duplicate entries (matched on `fields`, by default
/// year and title), made once per build.
pub fn without_duplicates(bib: &Arc<Bibliography>, fields: &[String]) -> Arc<Bibliography> {
    let key = (bib.id, fields.to_vec());
    let mut cache = DEDUPLICATED.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(key)
        .or_insert_with(|| Arc::new(bib.without_duplicates(fields, bibtex::next_id())))
        .clone()
}

struct CachedBibliography {
    bib: Arc<Bibliography>,
    /// Whether the current build has used it.
    used: bool,
}

/// Parsed bibliographies by (files, their sizes and modification times, options): the
/// cache that makes every page of a build share one parse.
static CACHE: Lazy<Mutex<HashMap<String, CachedBibliography>>> = Lazy::new(Default::default);

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
    {
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = cache.get_mut(&key) {
            if !c.used {
                c.used = true;
                print_warnings(&c.bib);
            }
            return Ok(c.bib.clone());
        }
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
    print_warnings(&bib);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache.insert(
        key,
        CachedBibliography {
            bib: bib.clone(),
            used: true,
        },
    );
    Ok(bib)
}

pub(super) fn print_warnings(bib: &Bibliography) {
    for w in &bib.warnings {
        crate::cli::log::warn("Jekyll-scholar:", w);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cached_versions(path: &std::path::Path) -> usize {
        let needle = path.display().to_string();
        let cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        cache.keys().filter(|k| k.contains(&needle)).count()
    }

    /// Under `serve` one process runs many builds: an edited `.bib` is parsed again, and
    /// versions no build uses any more are dropped instead of piling up.
    #[test]
    fn bibliographies_are_cached_per_build() {
        let dir = std::env::temp_dir().join(format!("hyde-scholar-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bib = dir.join("papers.bib");
        let opts = ParseOptions {
            replace_strings: true,
            join_strings: true,
            parse_months: true,
        };
        std::fs::write(&bib, "@article{a, title={One}}\n").unwrap();
        let first = load(std::slice::from_ref(&bib), opts).unwrap();
        assert_eq!(first.entries.len(), 1);
        // The same files in the next build: the parse is reused.
        begin_build();
        let again = load(std::slice::from_ref(&bib), opts).unwrap();
        assert_eq!(again.id, first.id);
        // Edited: parsed again; the old version goes at the start of the build after.
        std::fs::write(&bib, "@article{a, title={One}}\n@article{b, title={Two}}\n").unwrap();
        begin_build();
        let edited = load(std::slice::from_ref(&bib), opts).unwrap();
        assert_eq!(edited.entries.len(), 2);
        assert_ne!(edited.id, first.id);
        assert_eq!(cached_versions(&bib), 2);
        begin_build();
        let _ = load(std::slice::from_ref(&bib), opts).unwrap();
        assert_eq!(cached_versions(&bib), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
