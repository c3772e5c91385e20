//! Gem-based themes (`theme: minima`): Jekyll's `Theme`. hyde has no RubyGems, so it finds
//! the installed gem the way RubyGems lays it out: `<gem dir>/specifications/NAME-VER.gemspec`
//! next to `<gem dir>/gems/NAME-VER/`, searching `$GEM_HOME`, `$GEM_PATH`, Bundler's
//! `vendor/bundle` in the site, the user's gem dir and the system gem dirs. The highest
//! version found wins, as `Gem::Specification.find_by_name` picks it.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub root: PathBuf,
}

impl Theme {
    fn path_for(&self, folder: &str) -> Option<PathBuf> {
        let p = self.root.join(folder);
        let real = std::fs::canonicalize(&p).ok()?;
        if real.starts_with(&self.root) && real.is_dir() {
            Some(real)
        } else {
            None
        }
    }

    pub fn includes_path(&self) -> Option<PathBuf> {
        self.path_for("_includes")
    }

    pub fn layouts_path(&self) -> Option<PathBuf> {
        self.path_for("_layouts")
    }

    pub fn sass_path(&self) -> Option<PathBuf> {
        self.path_for("_sass")
    }

    pub fn assets_path(&self) -> Option<PathBuf> {
        self.path_for("assets")
    }

    pub fn data_path(&self) -> Option<PathBuf> {
        self.path_for("_data")
    }

    /// Finds the installed theme gem `name` (`Jekyll::Theme.new(name)`).
    pub fn find(name: &str, site_source: &Path) -> Result<Theme> {
        let name = name.trim().to_lowercase();
        let mut best: Option<(Vec<u64>, PathBuf)> = None;
        for dir in gem_dirs(site_source) {
            let Ok(rd) = std::fs::read_dir(dir.join("specifications")) else {
                continue;
            };
            for e in rd.filter_map(|e| e.ok()) {
                let file = e.file_name().to_string_lossy().into_owned();
                let Some(stem) = file.strip_suffix(".gemspec") else {
                    continue;
                };
                let Some(version) = stem.strip_prefix(&format!("{name}-")) else {
                    continue;
                };
                if !version.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                    continue;
                }
                let root = dir.join("gems").join(stem);
                if !root.exists() {
                    continue;
                }
                let v = version_key(version);
                if best.as_ref().is_none_or(|(bv, _)| v > *bv) {
                    best = Some((v, root));
                }
            }
        }
        match best {
            Some((_, root)) => {
                let root = std::fs::canonicalize(&root).map_err(|_| {
                    Error::new(format!(
                        "Path {} does not exist, is not accessible or includes a symbolic link loop",
                        root.display()
                    ))
                })?;
                Ok(Theme { name, root })
            }
            None => Err(Error::new(format!("The {name} theme could not be found."))),
        }
    }
}

fn version_key(v: &str) -> Vec<u64> {
    v.split(['.', '-'])
        .map(|p| p.parse::<u64>().unwrap_or(0))
        .collect()
}

/// Where RubyGems would look for installed gems.
fn gem_dirs(site_source: &Path) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    for var in ["GEM_HOME", "GEM_PATH"] {
        if let Ok(v) = std::env::var(var) {
            dirs.extend(v.split(':').filter(|s| !s.is_empty()).map(PathBuf::from));
        }
    }
    // Bundler's `--path vendor/bundle` layout: vendor/bundle/ruby/<abi>/.
    for base in [
        site_source.join("vendor/bundle/ruby"),
        PathBuf::from(".bundle/ruby"),
    ] {
        if let Ok(rd) = std::fs::read_dir(&base) {
            dirs.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    if let Ok(home) = std::env::var("HOME") {
        if let Ok(rd) = std::fs::read_dir(Path::new(&home).join(".gem/ruby")) {
            dirs.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    for sys in [
        "/var/lib/gems",
        "/usr/lib/ruby/gems",
        "/usr/local/lib/ruby/gems",
    ] {
        if let Ok(rd) = std::fs::read_dir(sys) {
            dirs.extend(rd.filter_map(|e| e.ok()).map(|e| e.path()));
        }
    }
    dirs.push(PathBuf::from("/usr/share/rubygems-integration/all"));
    dirs
}
