//! Jekyll's `EntryFilter`: which directory entries the reader skips (dot/underscore/`#`/`~`
//! files, backups, `exclude`, unsafe symlinks) and which `include` brings back.

use crate::utils::fnmatch::fnmatch;
use std::path::{Path, PathBuf};

pub struct EntryFilter {
    source: PathBuf,
    include: Vec<String>,
    exclude: Vec<String>,
    safe: bool,
}

fn join(base: &str, entry: &str) -> String {
    // Jekyll's PathManager.join / File.join: one slash between parts.
    if base.is_empty() {
        return entry.to_string();
    }
    if entry.is_empty() {
        return base.to_string();
    }
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        entry.trim_start_matches('/')
    )
}

impl EntryFilter {
    pub fn new(source: &Path, include: Vec<String>, exclude: Vec<String>, safe: bool) -> Self {
        let exclude = exclude
            .into_iter()
            .filter(|e| !include.contains(e))
            .collect();
        EntryFilter {
            source: source.to_path_buf(),
            include,
            exclude,
            safe,
        }
    }

    /// Filters the entries of `base_dir` (a directory relative to the source, "" for the
    /// root); entries are names or relative paths below it.
    pub fn filter(&self, base_dir: &str, entries: Vec<String>) -> Vec<String> {
        entries
            .into_iter()
            .filter(|e| !self.rejects(base_dir, e))
            .collect()
    }

    pub fn rejects(&self, base_dir: &str, e: &str) -> bool {
        if e.ends_with('.') {
            return true;
        }
        let included = self.included(e);
        if self.excluded(base_dir, e) && !included {
            return true;
        }
        if self.unsafe_symlink(&self.source.join(join(base_dir, e))) {
            return true;
        }
        if included {
            return false;
        }
        special(e) || e.ends_with('~')
    }

    /// `EntryFilter#included?`: the entry or its base name matches `include`.
    pub fn included(&self, entry: &str) -> bool {
        let base = entry.rsplit('/').next().unwrap_or(entry);
        self.glob_include(&self.include, entry) || self.glob_include(&self.include, base)
    }

    fn excluded(&self, base_dir: &str, entry: &str) -> bool {
        self.glob_include(&self.exclude, &join(base_dir, entry))
    }

    /// `EntryFilter#symlink?`: in safe mode, a symlink pointing outside the source.
    pub fn unsafe_symlink(&self, path: &Path) -> bool {
        if !self.safe {
            return false;
        }
        let Ok(meta) = std::fs::symlink_metadata(path) else {
            return false;
        };
        if !meta.file_type().is_symlink() {
            return false;
        }
        match (
            std::fs::canonicalize(path),
            std::fs::canonicalize(&self.source),
        ) {
            (Ok(real), Ok(src)) => !real.starts_with(src),
            _ => true,
        }
    }

    /// `EntryFilter#glob_include?`: the entry matches one of the patterns (fnmatch or prefix).
    pub fn glob_include(&self, patterns: &[String], entry: &str) -> bool {
        let src = self.source.to_string_lossy();
        let entry_with_source = join(&src, entry);
        let is_dir = Path::new(&entry_with_source).is_dir();
        patterns.iter().any(|pattern| {
            let pattern_with_source = join(&src, pattern);
            fnmatch(&pattern_with_source, &entry_with_source)
                || entry_with_source.starts_with(&pattern_with_source)
                || (is_dir && pattern_with_source == format!("{entry_with_source}/"))
        })
    }
}

/// Names starting with `.`, `_`, `#` or `~` are special (skipped unless included).
fn special(entry: &str) -> bool {
    let is_special = |s: &str| s.starts_with(['.', '_', '#', '~']);
    is_special(entry) || is_special(entry.rsplit('/').next().unwrap_or(entry))
}
