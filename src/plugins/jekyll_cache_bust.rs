//! jekyll-cache-bust (george-gca, 0.0.x) and al-folio's `_plugins/cache-bust.rb`: the
//! `bust_file_cache` filter appends the MD5 of the named asset (`file?v=MD5`), and
//! `bust_css_cache` the MD5 of every file under the Sass directory, read in `Dir.glob`
//! order. The gem writes `?v=` and digests `assets/_sass`; al-folio's file wrote `?` and
//! digested `_sass` (2023) or `assets/_sass` (earlier).
//!
//! The Ruby reads paths relative to the working directory (Jekyll is run from the site);
//! hyde reads them there when they exist, else relative to the site source. A missing file
//! is the error Ruby raises (`No such file or directory`).
//!
//! Not packaged by Debian: the expectations in the tests come from reading
//! george-gca/jekyll-cache-bust and al-folio's file, and running them under the oracle.

use crate::liquid::{Context, Engine, ErrorKind, LiquidError};
use crate::value::Value;
use md5::{Digest, Md5};
use std::path::{Path, PathBuf};

/// One variant of the filters.
#[derive(Clone, Copy)]
pub struct CacheBust {
    /// What goes between the file name and the digest.
    pub separator: &'static str,
    /// The directory `bust_css_cache` digests.
    pub sass_dir: &'static str,
    pub names: &'static [&'static str],
}

/// The gem.
pub static GEM: CacheBust = CacheBust {
    separator: "?v=",
    sass_dir: "assets/_sass",
    names: &["jekyll-cache-bust"],
};

fn err(m: impl Into<String>) -> LiquidError {
    LiquidError::new(ErrorKind::Internal, m)
}

/// A path the Ruby would open relative to the working directory.
fn resolve(ctx: &Context, rel: &str) -> PathBuf {
    let p = Path::new(rel);
    if p.is_absolute() || p.exists() {
        return p.to_path_buf();
    }
    match crate::site::liquid_setup::site_of(ctx) {
        Some(site) => site.source.join(rel),
        None => p.to_path_buf(),
    }
}

/// `Dir[File.join(dir, '**', '*')]`: each directory's entries in byte order (no dot
/// files), a directory's contents right after it.
pub fn glob_all(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut names: Vec<_> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .filter(|n| !n.to_string_lossy().starts_with('.'))
        .collect();
    names.sort_by(|a, b| a.as_encoded_bytes().cmp(b.as_encoded_bytes()));
    for n in names {
        let p = dir.join(n);
        out.push(p.clone());
        if p.is_dir() {
            glob_all(&p, out);
        }
    }
}

fn md5_hex(bytes: &[u8]) -> String {
    let d = Md5::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn file_name_of(v: &Value) -> Result<String, LiquidError> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(err(format!(
            "undefined method `index' for {}",
            crate::value::inspect(other)
        ))),
    }
}

impl CacheBust {
    /// `bust_file_cache`: the file from its first `assets/` on (the whole name if none).
    pub fn bust_file(&self, ctx: &Context, input: &Value) -> Result<String, LiquidError> {
        let name = file_name_of(input)?;
        let local = name.find("assets/").map_or(name.as_str(), |i| &name[i..]);
        let path = resolve(ctx, local);
        let bytes = std::fs::read(&path)
            .map_err(|_| err(format!("No such file or directory @ rb_sysopen - {local}")))?;
        Ok(format!("{name}{}{}", self.separator, md5_hex(&bytes)))
    }

    /// `bust_css_cache`: every file under the Sass directory, concatenated.
    pub fn bust_css(&self, ctx: &Context, input: &Value) -> Result<String, LiquidError> {
        let name = file_name_of(input)?;
        let dir = resolve(ctx, self.sass_dir);
        let mut files = Vec::new();
        glob_all(&dir, &mut files);
        let mut all = Vec::new();
        for f in files.iter().filter(|f| !f.is_dir()) {
            let bytes = std::fs::read(f).map_err(|e| err(format!("{}: {e}", f.display())))?;
            all.extend_from_slice(&bytes);
        }
        Ok(format!("{name}{}{}", self.separator, md5_hex(&all)))
    }
}

impl crate::plugins::Plugin for CacheBust {
    fn names(&self) -> &'static [&'static str] {
        self.names
    }

    fn register_liquid(&self, engine: &mut Engine) {
        let me = *self;
        engine.register_filter("bust_file_cache", 1, 1, move |v, _, ctx| {
            me.bust_file(ctx, v).map(Value::str)
        });
        engine.register_filter("bust_css_cache", 1, 1, move |v, _, ctx| {
            me.bust_css(ctx, v).map(Value::str)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_order_is_rubys() {
        // Ruby 3.1: Dir["s/**/*"] on this tree printed
        // ["s/Z.scss", "s/_x.scss", "s/a-x", "s/a-x/y.scss", "s/a.scss", "s/b", "s/b/c.scss", "s/b.scss"]
        let root = std::env::temp_dir().join(format!("hyde-glob-{}", std::process::id()));
        let s = root.join("s");
        std::fs::create_dir_all(s.join("b")).unwrap();
        std::fs::create_dir_all(s.join("a-x")).unwrap();
        for f in [
            "a.scss",
            "b/c.scss",
            "b.scss",
            "Z.scss",
            "_x.scss",
            "a-x/y.scss",
            ".hidden",
        ] {
            std::fs::write(s.join(f), f).unwrap();
        }
        let mut out = Vec::new();
        glob_all(&s, &mut out);
        let rel: Vec<String> = out
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap().display().to_string())
            .collect();
        assert_eq!(
            rel,
            [
                "s/Z.scss",
                "s/_x.scss",
                "s/a-x",
                "s/a-x/y.scss",
                "s/a.scss",
                "s/b",
                "s/b/c.scss",
                "s/b.scss"
            ]
        );
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn md5_is_hex() {
        assert_eq!(md5_hex(b""), "d41d8cd98f00b204e9800998ecf8427e");
    }
}
