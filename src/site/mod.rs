//! The site: everything read from the source, and the build process
//! (`Site#process`: reset → read → generate → render → cleanup → write).

pub mod cache;
pub mod converters;
pub mod document;
pub mod drops;
pub mod entry_filter;
pub mod excerpt;
pub mod frontmatter;
pub mod liquid_setup;
pub mod page;
pub mod profile;
pub mod reader;
pub mod render;
pub mod static_file;
pub mod theme;
pub mod url;
pub mod writer;

use crate::config::defaults::FrontMatterDefaults;
use crate::config::ConfigExt;
use crate::error::{Error, Result};
use crate::utils::time::LocalZone;
use crate::value::{Hash, Time, Value};
use converters::Converters;
use document::Document;
use indexmap::IndexMap;
use page::Page;
use static_file::StaticFile;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// What rendering produces for a page or document. Filled once, possibly from another
/// thread, and read by every template that looks at `content`/`output` afterwards.
#[derive(Debug, Default)]
pub struct RenderState {
    /// Content after Liquid and conversion, before layouts (`page.content` in layouts).
    /// Shared (`Arc<str>`), so that `page.content`, `post.content` and `post.output` hand
    /// out the string without copying it.
    pub content: OnceLock<std::sync::Arc<str>>,
    /// The final output, after layouts.
    pub output: OnceLock<std::sync::Arc<str>>,
    /// The rendered excerpt (documents with a generated excerpt).
    pub excerpt: OnceLock<String>,
    /// Set once the item has rendered (or failed): rendering runs exactly once, whether the
    /// render loop or a template that needs this item's content gets to it first.
    pub done: OnceLock<Result<()>>,
    /// The `.css.map` page a Sass page produces (`Jekyll::SourceMapPage`).
    pub source_map: OnceLock<crate::sass::SourceMapPage>,
}

#[derive(Debug)]
pub struct Layout {
    pub name: String,
    pub path: PathBuf,
    /// Path relative to the source, for error messages (`_layouts/default.html`).
    pub relative_path: String,
    pub data: Hash,
    pub content: String,
    pub content_line: usize,
}

#[derive(Debug)]
pub struct Collection {
    pub label: String,
    pub metadata: Hash,
    pub docs: Vec<Document>,
    pub files: Vec<StaticFile>,
    /// `_label`
    pub relative_directory: String,
    /// Absolute directory.
    pub directory: PathBuf,
}

impl Collection {
    pub fn write(&self) -> bool {
        self.metadata.get("output").is_some_and(Value::is_truthy)
    }
}

/// The flags a build runs with (command line merged into config).
#[derive(Clone, Debug, Default)]
pub struct Flags {
    pub safe: bool,
    pub show_drafts: bool,
    pub future: bool,
    pub unpublished: bool,
    pub limit_posts: i64,
    pub strict_front_matter: bool,
    pub quiet: bool,
    pub verbose: bool,
}

pub struct Site {
    pub config: Hash,
    pub source: PathBuf,
    pub dest: PathBuf,
    pub zone: LocalZone,
    pub time: Time,
    pub flags: Flags,
    pub defaults: FrontMatterDefaults,
    pub converters: Converters,
    pub permalink_style: String,
    pub layouts: IndexMap<String, Layout>,
    pub pages: Vec<Page>,
    pub collections: IndexMap<String, Collection>,
    pub static_files: Vec<StaticFile>,
    pub data: Value,
    pub theme: Option<theme::Theme>,
    pub warnings: Vec<String>,
    /// Liquid-facing lists shared by every page (built once, on first use).
    pub cache: drops::SiteCache,
    /// The renderer, set when rendering starts (excerpts render lazily through it).
    pub renderer: OnceLock<std::sync::Arc<render::Renderer>>,
    /// The plugins hyde loaded for this site (`crate::plugins::load`), in load order.
    pub plugins: Vec<&'static dyn crate::plugins::Plugin>,
    /// Configuration keys a plugin set to a list of its generated pages (jekyll-archives'
    /// `site.config["archives"]`), as indexes into `pages`: Liquid shows those pages there.
    pub config_page_lists: IndexMap<String, Vec<usize>>,
}

/// `Site#in_dest_dir` / `Jekyll.sanitized_path`: a path under `dest`, never outside it.
pub fn in_dest_dir(dest: &Path, rel: &str) -> PathBuf {
    let mut out = dest.to_path_buf();
    for part in rel.split('/') {
        match part {
            "" | "." | ".." => {}
            p => out.push(p),
        }
    }
    out
}

impl Site {
    /// `Site.new(config)`: resolves paths, the time zone and `site.time`.
    pub fn new(config: Hash, cwd: &Path) -> Result<Site> {
        let mut config = config;
        let source = cwd.join(config.str_of("source").unwrap_or_else(|| ".".into()));
        let source = normalize(&source);
        let dest = normalize(
            &cwd.join(
                config
                    .str_of("destination")
                    .unwrap_or_else(|| "_site".into()),
            ),
        );
        // Jekyll sets ENV["TZ"] from `timezone`: every local time of the process (Liquid's
        // date filters included) is in that zone from then on.
        if let Some(tz) = config.str_of("timezone") {
            std::env::set_var("TZ", &tz);
        }
        let zone = LocalZone::from_config(config.str_of("timezone").as_deref());
        let time = match config.get("time").filter(|v| !v.is_nil()) {
            Some(v) => document::parse_date_value(v, &zone).ok_or_else(|| {
                Error::new(format!(
                    "Invalid date '{}': Invalid time in _config.yml.",
                    crate::value::to_s(v)
                ))
            })?,
            None => match std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse::<i64>().ok())
            {
                // Reproducible builds: a fixed build time.
                Some(secs) => zone.localtime(
                    &chrono::DateTime::from_timestamp(secs, 0)
                        .unwrap_or_default()
                        .fixed_offset(),
                ),
                None => zone.now(),
            },
        };
        let limit_posts = match config.get("limit_posts") {
            Some(Value::Int(i)) => *i,
            Some(v) if !v.is_nil() => crate::value::to_s(v).parse().unwrap_or(0),
            _ => 0,
        };
        if limit_posts < 0 {
            return Err(Error::new("limit_posts must be a non-negative number"));
        }
        let flags = Flags {
            safe: config.bool_of("safe"),
            show_drafts: config.bool_of("show_drafts"),
            future: config.bool_of("future"),
            unpublished: config.bool_of("unpublished"),
            limit_posts,
            strict_front_matter: config.bool_of("strict_front_matter"),
            quiet: config.bool_of("quiet"),
            verbose: config.bool_of("verbose"),
        };
        // Destination may not be or contain the source.
        let mut p = Some(source.as_path());
        while let Some(dir) = p {
            if dir == dest {
                return Err(Error::new(
                    "Destination directory cannot be or contain the Source directory.",
                ));
            }
            p = dir.parent();
        }
        let mut warnings = Vec::new();
        let theme = match config.get("theme") {
            None | Some(Value::Nil) => None,
            Some(Value::Str(name)) => Some(theme::Theme::find(name, &source)?),
            Some(other) => {
                warnings.push(format!(
                    "Theme: value of 'theme' in config should be String to use gem-based themes, but got {}",
                    other.ruby_class()
                ));
                None
            }
        };
        if let Some(t) = &theme {
            config = load_theme_configuration(config, t, cwd)?;
        }
        let converters = Converters::new(&config.str_of("markdown_ext").unwrap_or_default());
        let permalink_style = config.str_of("permalink").unwrap_or_else(|| "date".into());
        let defaults = FrontMatterDefaults::new(&config);
        warnings.extend(defaults.warnings.iter().cloned());
        Ok(Site {
            config,
            source,
            dest,
            zone,
            time,
            flags,
            defaults,
            converters,
            permalink_style,
            layouts: IndexMap::new(),
            pages: Vec::new(),
            collections: IndexMap::new(),
            static_files: Vec::new(),
            data: Value::empty_hash(),
            theme,
            warnings,
            cache: drops::SiteCache::default(),
            renderer: OnceLock::new(),
            plugins: Vec::new(),
            config_page_lists: IndexMap::new(),
        })
    }

    /// `site.collections_path`: the source joined with `collections_dir`.
    pub fn collections_path(&self) -> PathBuf {
        let dir = self.config.str_of("collections_dir").unwrap_or_default();
        if dir.is_empty() {
            self.source.clone()
        } else {
            self.source.join(dir)
        }
    }

    /// `Site#includes_load_paths`: `includes_dir` in the source, then the theme's.
    pub fn includes_load_paths(&self) -> Vec<PathBuf> {
        let dir = self
            .config
            .str_of("includes_dir")
            .unwrap_or_else(|| "_includes".into());
        let mut paths = vec![in_dest_dir(&self.source, &dir)];
        if let Some(p) = self.theme.as_ref().and_then(|t| t.includes_path()) {
            paths.push(p);
        }
        paths
    }

    pub fn posts(&self) -> Option<&Collection> {
        self.collections.get("posts")
    }

    pub fn warn(&mut self, msg: impl Into<String>) {
        self.warnings.push(msg.into());
    }
}

/// `Site#load_theme_configuration`: the theme's `_config.yml` under the site's, without
/// keys Jekyll has defaults for.
fn load_theme_configuration(config: Hash, theme: &theme::Theme, cwd: &Path) -> Result<Hash> {
    if matches!(config.get("ignore_theme_config"), Some(Value::Bool(true))) {
        return Ok(config);
    }
    let file = theme.root.join("_config.yml");
    let is_symlink = std::fs::symlink_metadata(&file)
        .map(|m| m.file_type().is_symlink())
        .unwrap_or(false);
    if !file.exists() || is_symlink {
        return Ok(config);
    }
    let text = frontmatter::read_text(&file)?;
    let Value::Hash(theme_config) = crate::yaml::load(&text).map_err(|e| e.in_file(&file))? else {
        return Ok(config);
    };
    crate::cli::log::info("Theme Config file:", &file.display().to_string());
    let defaults = crate::config::jekyll_defaults(cwd);
    let mut merged: Hash = theme_config
        .iter()
        .filter(|(k, _)| !defaults.contains_key(*k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    crate::config::jekyll_merge(&mut merged, &config);
    Ok(merged)
}

/// Lexically normalizes a path (`a/./b/../c` → `a/c`), like Ruby's `File.expand_path`.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}
