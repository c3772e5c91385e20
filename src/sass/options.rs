//! `SassOptions`: the converter's view of `_config.yml` (jekyll-sass-converter 2.2,
//! `Jekyll::Converters::Scss`), resolved once per site.

use std::path::{Component, Path, PathBuf};

use crate::Value;

/// libsass output styles the converter accepts (`ALLOWED_STYLES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Nested,
    Expanded,
    Compact,
    Compressed,
}

impl Style {
    fn parse(name: &str) -> Option<Style> {
        match name {
            "nested" => Some(Style::Nested),
            "expanded" => Some(Style::Expanded),
            "compact" => Some(Style::Compact),
            "compressed" => Some(Style::Compressed),
            _ => None,
        }
    }
}

/// `sass: implementation:` — 2.2 knows `sassc` (libsass, the default) and `sass-embedded`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Implementation {
    Sassc,
    /// dart-sass through the `sass-embedded` gem: output is grass's own (dart-sass-like)
    /// output, `expanded` by default.
    SassEmbedded,
}

/// `sass: sourcemap:` (default `always` in 2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourcemapMode {
    Always,
    Never,
    Development,
}

#[derive(Debug, Clone)]
pub struct SassOptions {
    /// The site source (absolute): imports in the page resolve relative to it, because the
    /// converter hands libsass `<source>/<page name>` as the input path.
    pub source_dir: PathBuf,
    pub style: Style,
    pub implementation: Implementation,
    /// Existing directories searched by `@import`, in order: `load_paths` (globbed), `sass_dir`,
    /// then the theme's `_sass` (see [`SassOptions::with_theme_sass_dir`]).
    pub load_paths: Vec<PathBuf>,
    pub sourcemap: SourcemapMode,
    /// `Jekyll.env` (`JEKYLL_ENV`, default `development`), for `sourcemap: development`.
    pub jekyll_env: String,
    /// `sass: line_comments: true` reaches libsass only outside safe mode (the converter passes
    /// the whole `sass:` hash through to SassC, which reads `:line_comments`).
    pub line_comments: bool,
    /// `sass: add_charset:` replaces the UTF-8 BOM of compressed output by `@charset "UTF-8";`.
    pub add_charset: bool,
    /// `sass: precision:` (passed through to libsass outside safe mode; libsass default 10).
    pub precision: usize,
    pub safe: bool,
}

impl SassOptions {
    /// Builds the options from the whole site configuration (`safe`, `sass:`), as the converter
    /// does on first use.
    pub fn from_jekyll_config(site_config: &Value, source_dir: &Path) -> SassOptions {
        // Jekyll's `site.source` is absolute; load paths and source map paths derive from it.
        let absolute;
        let source_dir = if source_dir.is_absolute() {
            source_dir
        } else {
            absolute = normalize(&std::env::current_dir().unwrap_or_default().join(source_dir));
            absolute.as_path()
        };
        let safe = site_config.get("safe").is_some_and(|v| v.is_truthy());
        let sass = site_config.get("sass").unwrap_or(Value::Nil);
        let text = |key: &str| -> Option<String> {
            sass.get(key)
                .filter(|v| !v.is_nil())
                .map(|v| crate::value::to_s(&v))
        };
        let implementation = match text("implementation").as_deref() {
            Some("sass-embedded") => Implementation::SassEmbedded,
            _ => Implementation::Sassc,
        };
        // `:compact` stays the default for sassc "for backward compatibility".
        let default_style = match implementation {
            Implementation::Sassc => Style::Compact,
            Implementation::SassEmbedded => Style::Expanded,
        };
        let style = text("style")
            .and_then(|s| Style::parse(s.trim_start_matches(':')))
            .unwrap_or(default_style);
        let sourcemap = match text("sourcemap")
            .as_deref()
            .map(|s| s.trim_start_matches(':'))
        {
            Some("never") => SourcemapMode::Never,
            Some("development") => SourcemapMode::Development,
            // Any other value behaves as `always` (only `never`/`development` are tested).
            _ => SourcemapMode::Always,
        };
        let passthrough = |key: &str| if safe { None } else { sass.get(key) };
        let line_comments = passthrough("line_comments").is_some_and(|v| v.is_truthy());
        let precision = passthrough("precision")
            .and_then(|v| v.as_i64())
            .filter(|p| (0..=64).contains(p))
            .map_or(10, |p| p as usize);
        let add_charset = sass.get("add_charset").is_some_and(|v| v.is_truthy());
        let sass_dir = text("sass_dir")
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "_sass".to_string());
        let user_paths: Vec<String> = match sass.get("load_paths") {
            Some(Value::Array(items)) => items.iter().map(crate::value::to_s).collect(),
            Some(v) if !v.is_nil() => vec![crate::value::to_s(&v)],
            _ => Vec::new(),
        };
        let load_paths = resolve_load_paths(source_dir, &user_paths, &sass_dir, safe);
        SassOptions {
            source_dir: source_dir.to_path_buf(),
            style,
            implementation,
            load_paths,
            sourcemap,
            jekyll_env: std::env::var("JEKYLL_ENV").unwrap_or_else(|_| "development".into()),
            line_comments,
            add_charset,
            precision,
            safe,
        }
    }

    /// Appends the theme's `_sass` directory (`site.theme.sass_path`), searched last.
    pub fn with_theme_sass_dir(mut self, dir: &Path) -> SassOptions {
        if dir.is_dir() && !self.load_paths.iter().any(|p| p == dir) {
            self.load_paths.push(dir.to_path_buf());
        }
        self
    }

    /// `sourcemap_required?` for a page (the filters never get one).
    pub fn sourcemap_required(&self) -> bool {
        match self.sourcemap {
            SourcemapMode::Always => true,
            SourcemapMode::Never => false,
            SourcemapMode::Development => self.jekyll_env == "development",
        }
    }
}

/// `sass_load_paths`: user paths then `sass_dir`, sanitized in safe mode, globbed relative to
/// the source, made absolute, deduplicated, and only existing directories kept.
fn resolve_load_paths(source: &Path, user: &[String], sass_dir: &str, safe: bool) -> Vec<PathBuf> {
    let sass_dir_rel = {
        let full = sanitized_path(source, sass_dir);
        let prefix = format!("{}/", source.display());
        let full = full.to_string_lossy().into_owned();
        full.strip_prefix(&prefix)
            .map(str::to_string)
            .unwrap_or(full)
    };
    let mut paths: Vec<String> = user.to_vec();
    paths.push(sass_dir_rel);
    if safe {
        paths = paths
            .iter()
            .map(|p| sanitized_path(source, p).to_string_lossy().into_owned())
            .collect();
    }
    let mut out: Vec<PathBuf> = Vec::new();
    for path in paths {
        for found in glob_relative(source, &path) {
            let resolved = if safe {
                sanitized_path(source, &found.to_string_lossy())
            } else {
                normalize(&source.join(&found))
            };
            if !out.contains(&resolved) {
                out.push(resolved);
            }
        }
    }
    out.retain(|p| p.is_dir());
    out
}

/// `Dir.glob(path)` run inside the source directory: plain paths come back as given when they
/// exist; patterns expand to the matching paths in sorted order.
fn glob_relative(source: &Path, pattern: &str) -> Vec<PathBuf> {
    let has_magic = pattern.contains(['*', '?', '[', '{']);
    if !has_magic {
        return if source.join(pattern).exists() {
            vec![PathBuf::from(pattern)]
        } else {
            Vec::new()
        };
    }
    let absolute = Path::new(pattern).is_absolute();
    let glob = match globset::GlobBuilder::new(pattern)
        .literal_separator(true)
        .build()
    {
        Ok(g) => g.compile_matcher(),
        Err(_) => return Vec::new(),
    };
    let root = if absolute {
        PathBuf::from("/")
    } else {
        source.to_path_buf()
    };
    let fixed_prefix: PathBuf = Path::new(pattern)
        .components()
        .take_while(|c| {
            !c.as_os_str()
                .to_string_lossy()
                .contains(['*', '?', '[', '{'])
        })
        .collect();
    let walk_root = root.join(&fixed_prefix);
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(&walk_root)
        .min_depth(1)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&root).ok()?.to_path_buf();
            let candidate = if absolute {
                Path::new("/").join(&rel)
            } else {
                rel
            };
            glob.is_match(&candidate).then_some(candidate)
        })
        .collect();
    found.sort();
    found
}

/// `Jekyll.sanitized_path`: `questionable` made absolute under `base`, never escaping it.
pub(crate) fn sanitized_path(base: &Path, questionable: &str) -> PathBuf {
    let q = if questionable.starts_with('~') {
        format!("/{questionable}")
    } else {
        questionable.to_string()
    };
    let clean = normalize(&Path::new("/").join(q));
    let base_str = base.to_string_lossy();
    let clean_str = clean.to_string_lossy().into_owned();
    if clean == base || clean_str.starts_with(&format!("{}/", base_str.trim_end_matches('/'))) {
        return clean;
    }
    let mut out = base.to_path_buf();
    out.push(clean_str.trim_start_matches('/'));
    out
}

/// Lexical `File.expand_path`: resolves `.` and `..` without touching the file system.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}
