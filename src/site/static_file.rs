//! Static files: copied as they are (Jekyll's `StaticFile`).

use super::url::{self, Placeholders};
use crate::value::{Hash, Value};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

#[derive(Debug, Clone)]
pub struct StaticFile {
    /// Absolute source path.
    pub path: PathBuf,
    /// `relative_path`: `/dir/name` for site files, `_coll/dir/name` for collection files.
    pub relative_path: String,
    pub name: String,
    pub extname: String,
    pub collection: Option<String>,
    pub url: String,
    pub modified_time: Option<SystemTime>,
    /// Front matter defaults for the file's URL (`StaticFile#data`).
    pub data: Hash,
    pub write: bool,
}

impl StaticFile {
    /// `dir` is relative to the source (`""` or `/assets`) or, for collection files,
    /// `_coll/sub`.
    pub fn new(
        path: PathBuf,
        dir: &str,
        name: &str,
        collection: Option<(&str, &str, &str)>,
    ) -> StaticFile {
        // File.join(dir, name): a root file is "/name".
        let relative_path = format!("{}/{name}", dir.trim_end_matches('/'));
        let extname = super::converters::ruby_extname(name).to_string();
        let cleaned = {
            let mut c = relative_path[..relative_path.len() - extname.len()]
                .trim_end_matches('.')
                .to_string();
            if let Some((_, rel_dir, _)) = collection {
                c = c.replacen(rel_dir, "", 1);
            }
            c
        };
        let url = match collection {
            None => format!("{}{}", cleaned.trim_end_matches('/'), extname),
            Some((label, _, template)) => {
                let basename = super::converters::basename_without_ext(name)
                    .trim_end_matches('.')
                    .to_string();
                let ph = Placeholders::List(vec![
                    ("collection", Some(label.to_string())),
                    ("path", Some(cleaned.clone())),
                    ("output_ext", Some(String::new())),
                    ("name", Some(basename)),
                    ("title", Some(String::new())),
                ]);
                let base = url::generate(template, &ph, None).unwrap_or_default();
                format!("{}{}", base.trim_end_matches('/'), extname)
            }
        };
        let modified_time = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        StaticFile {
            path,
            relative_path,
            name: name.to_string(),
            extname,
            collection: collection.map(|c| c.0.to_string()),
            url,
            modified_time,
            data: Hash::new(),
            write: true,
        }
    }

    pub fn basename(&self) -> &str {
        super::converters::basename_without_ext(&self.name).trim_end_matches('.')
    }

    pub fn destination(&self, dest: &Path) -> PathBuf {
        super::in_dest_dir(dest, &url::unescape_path(&self.url))
    }

    pub fn published_by_defaults(&self) -> bool {
        !matches!(self.data.get("published"), Some(Value::Bool(false)))
    }
}
