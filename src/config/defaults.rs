//! Front matter defaults (`defaults:` in `_config.yml`), Jekyll's `FrontmatterDefaults`:
//! which sets apply to a path and type, and which set wins (longer path, then typed scope).

use super::jekyll_merge;
use crate::value::{Hash, Value};
use globset::{GlobBuilder, GlobMatcher};

#[derive(Debug)]
struct Set {
    path: String,
    glob: Option<GlobMatcher>,
    type_: Option<String>,
    values: Hash,
}

/// The parsed `defaults:` sets of a site.
#[derive(Debug, Default)]
pub struct FrontMatterDefaults {
    sets: Vec<Set>,
    collections_dir: String,
    pub warnings: Vec<String>,
}

fn sanitize_path(path: &str) -> String {
    // Jekyll strips one leading "/" and keeps the rest (the trailing-slash part of its
    // regex matches an empty string).
    path.strip_prefix('/').unwrap_or(path).to_string()
}

impl FrontMatterDefaults {
    pub fn new(config: &Hash) -> Self {
        let collections_dir = config
            .get("collections_dir")
            .map(crate::value::to_s)
            .unwrap_or_default();
        let mut out = FrontMatterDefaults {
            collections_dir,
            ..Default::default()
        };
        let Some(Value::Array(sets)) = config.get("defaults") else {
            return out;
        };
        for set in sets.iter() {
            let (Some(h), Some(Value::Hash(values))) = (set.as_hash(), set.get("values")) else {
                out.warnings.push(format!(
                    "Defaults: An invalid front-matter default set was found:\n{}",
                    crate::value::to_s(set)
                ));
                continue;
            };
            let scope = h.get("scope");
            let path = scope
                .and_then(|s| s.get("path"))
                .and_then(|p| p.as_str().map(str::to_string))
                .unwrap_or_default();
            let type_ = scope.and_then(|s| s.get("type")).map(|t| {
                let t = crate::value::to_s(&t);
                match t.as_str() {
                    "page" => "pages".to_string(),
                    "post" => "posts".to_string(),
                    "draft" => "drafts".to_string(),
                    _ => t,
                }
            });
            let glob = if path.contains('*') {
                GlobBuilder::new(&sanitize_path(&path))
                    .literal_separator(true)
                    .build()
                    .ok()
                    .map(|g| g.compile_matcher())
            } else {
                None
            };
            out.sets.push(Set {
                path,
                glob,
                type_,
                values: (*values).clone(),
            });
        }
        out
    }

    fn strip_collections_dir<'a>(&self, path: &'a str) -> &'a str {
        if self.collections_dir.is_empty() {
            return path;
        }
        let slashed = format!("{}/", self.collections_dir);
        path.strip_prefix(slashed.as_str()).unwrap_or(path)
    }

    fn applies(&self, set: &Set, path: &str, type_: &str) -> bool {
        if let Some(t) = &set.type_ {
            if t != type_ {
                return false;
            }
        }
        if set.path.is_empty() {
            return true;
        }
        let path = sanitize_path(path);
        match &set.glob {
            Some(glob) => {
                // Dir.glob yields existing entries relative to the source; the document
                // applies when one of them is a prefix of its path. The candidates are the
                // path's own ancestors, seen from the source (through `collections_dir` for
                // collection documents) and from the collections directory.
                let mut full_paths = vec![path.clone()];
                if !self.collections_dir.is_empty() {
                    full_paths.push(format!("{}/{}", self.collections_dir, path));
                }
                full_paths.iter().any(|full| {
                    let mut prefix = String::new();
                    full.split('/').enumerate().any(|(i, part)| {
                        if i > 0 {
                            prefix.push('/');
                        }
                        prefix.push_str(part);
                        glob.is_match(&prefix)
                    })
                })
            }
            None => path.starts_with(self.strip_collections_dir(&set.path)),
        }
    }

    fn has_precedence(old: Option<&Set>, new: &Set) -> bool {
        let Some(old) = old else { return true };
        let (np, op) = (sanitize_path(&new.path), sanitize_path(&old.path));
        if np.len() != op.len() {
            np.len() >= op.len()
        } else if new.type_.is_some() {
            true
        } else {
            old.type_.is_none()
        }
    }

    /// `FrontmatterDefaults#all(path, type)`: the merged defaults for a document.
    pub fn all(&self, path: &str, type_: &str) -> Hash {
        let mut defaults = Hash::new();
        let mut old: Option<&Set> = None;
        for set in self.sets.iter().filter(|s| self.applies(s, path, type_)) {
            if Self::has_precedence(old, set) {
                jekyll_merge(&mut defaults, &set.values);
                old = Some(set);
            } else {
                let mut merged = set.values.clone();
                jekyll_merge(&mut merged, &defaults);
                defaults = merged;
            }
        }
        defaults
    }

    /// `FrontmatterDefaults#find(path, type, key)`: one default value.
    pub fn find(&self, path: &str, type_: &str, key: &str) -> Option<Value> {
        let mut value = None;
        let mut old: Option<&Set> = None;
        for set in self.sets.iter().filter(|s| self.applies(s, path, type_)) {
            if let Some(v) = set.values.get(key) {
                if Self::has_precedence(old, set) {
                    value = Some(v.clone());
                    old = Some(set);
                }
            }
        }
        value
    }

    pub fn is_empty(&self) -> bool {
        self.sets.is_empty()
    }
}
