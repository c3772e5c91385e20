//! Writing `_site`: Jekyll's `Cleaner` (remove obsolete files, honour `keep_files`), the
//! conflicting-destination warning, then every rendered page/document and static file.
//!
//! The writer runs only after every page rendered successfully, so a failed build never
//! touches the previous destination.

use super::Site;
use crate::config::ConfigExt;
use crate::error::{Error, Result};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// One file the build produces.
pub enum Output<'a> {
    Rendered {
        dest: PathBuf,
        content: &'a str,
        source: String,
        /// Not counted in the conflicting-destinations warning.
        may_share: bool,
    },
    Copied {
        dest: PathBuf,
        from: &'a Path,
        mtime: Option<std::time::SystemTime>,
        source: String,
    },
}

impl Output<'_> {
    pub fn dest(&self) -> &Path {
        match self {
            Output::Rendered { dest, .. } | Output::Copied { dest, .. } => dest,
        }
    }

    fn source(&self) -> &str {
        match self {
            Output::Rendered { source, .. } | Output::Copied { source, .. } => source,
        }
    }
}

/// Every output of the site, in Jekyll's `each_site_file` order (collections' documents,
/// pages, static files).
pub fn outputs(site: &Site) -> Vec<Output<'_>> {
    let mut out = Vec::new();
    for coll in site.collections.values() {
        for doc in coll.docs.iter().filter(|d| d.write) {
            out.push(Output::Rendered {
                dest: doc.destination(&site.dest),
                content: doc.state.output.get().map(|o| &**o).unwrap_or(""),
                source: doc.relative_path.clone(),
                may_share: false,
            });
        }
    }
    for page in &site.pages {
        let dest = page.destination(&site.dest);
        if let Some(map) = page.state.source_map.get() {
            // The source map page sits next to the CSS page.
            let map_dest = dest.with_file_name(&map.name);
            out.push(Output::Rendered {
                dest: map_dest,
                content: &map.content,
                source: format!("{}.map", page.relative_path()),
                may_share: false,
            });
        }
        out.push(Output::Rendered {
            dest,
            content: page.state.output.get().map(|o| &**o).unwrap_or(""),
            source: page.relative_path(),
            may_share: page.allow_used_permalink,
        });
    }
    for f in site.static_files.iter().filter(|f| f.write) {
        out.push(Output::Copied {
            dest: f.destination(&site.dest),
            from: &f.path,
            mtime: f.modified_time,
            source: f.relative_path.trim_start_matches('/').to_string(),
        });
    }
    out
}

/// `Doctor.conflicting_urls`: warnings for destinations written by several files.
pub fn conflicts(outputs: &[Output]) -> Vec<String> {
    let mut by_dest: BTreeMap<&Path, Vec<&str>> = BTreeMap::new();
    for o in outputs {
        if matches!(
            o,
            Output::Rendered {
                may_share: true,
                ..
            }
        ) {
            continue;
        }
        by_dest.entry(o.dest()).or_default().push(o.source());
    }
    by_dest
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(dest, v)| {
            format!(
                "Conflict: The following destination is shared by multiple files.\n                    The written file may end up with unexpected contents.\n                    {}\n{}",
                dest.display(),
                v.iter().map(|s| format!("                     - {s}")).collect::<Vec<_>>().join("\n")
            )
        })
        .collect()
}

/// `Cleaner#cleanup!`: removes files in the destination that this build does not produce,
/// except `keep_files` and hidden `.`/`..` entries.
pub fn cleanup(site: &Site, outputs: &[Output]) -> Result<()> {
    let dest = &site.dest;
    if !dest.exists() {
        return Ok(());
    }
    let new_files: HashSet<PathBuf> = outputs.iter().map(|o| o.dest().to_path_buf()).collect();
    let mut new_dirs: HashSet<PathBuf> = HashSet::new();
    for f in &new_files {
        let mut p = f.parent();
        while let Some(d) = p {
            if d == dest.as_path() || !d.starts_with(dest) {
                break;
            }
            new_dirs.insert(d.to_path_buf());
            p = d.parent();
        }
    }
    let keep: Vec<String> = site.config.list_of("keep_files");
    let keep_dirs: HashSet<PathBuf> = keep
        .iter()
        .flat_map(|k| {
            let full = super::in_dest_dir(dest, k);
            let mut dirs = Vec::new();
            let mut p = full.parent();
            while let Some(d) = p {
                if d == dest.as_path() || !d.starts_with(dest) {
                    break;
                }
                dirs.push(d.to_path_buf());
                p = d.parent();
            }
            dirs
        })
        .collect();
    let kept = |path: &Path| -> bool {
        let rel = path
            .strip_prefix(dest)
            .map(|r| r.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Jekyll's regex: dest/(keep1|keep2...) as a prefix, not anchored at the end.
        keep.iter().any(|k| rel.starts_with(k.as_str()))
    };
    let mut existing = Vec::new();
    collect_all(dest, &mut existing);
    let mut obsolete: Vec<PathBuf> = existing
        .into_iter()
        .filter(|f| !kept(f) && !keep_dirs.contains(f))
        .filter(|f| !new_files.contains(f) && !new_dirs.contains(f))
        .collect();
    // A new directory where an old file was: the file goes.
    obsolete.extend(new_dirs.iter().filter(|d| d.is_file()).cloned());
    obsolete.sort();
    for path in obsolete {
        let meta = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(_) => continue,
        };
        let res = if meta.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        res.map_err(|e| Error::at(&path, None, format!("could not remove obsolete file: {e}")))?;
    }
    Ok(())
}

fn collect_all(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.filter_map(|e| e.ok()) {
        let p = e.path();
        out.push(p.clone());
        if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            collect_all(&p, out);
        }
    }
}

/// Writes every output. Rendered files are written whole; static files are copied with
/// their modification time preserved, as Jekyll does.
pub fn write(outputs: &[Output]) -> Result<()> {
    write_outputs(outputs, false).map(|_| ())
}

/// Whether `o` already sits at its destination with the same bytes (a rendered file) or
/// the same size and modification time (a copied one, whose mtime the copy preserves).
fn up_to_date(o: &Output) -> bool {
    match o {
        Output::Rendered { dest, content, .. } => {
            std::fs::read(dest).is_ok_and(|old| old == content.as_bytes())
        }
        Output::Copied {
            dest, from, mtime, ..
        } => {
            let (Ok(d), Ok(f)) = (std::fs::metadata(dest), std::fs::metadata(from)) else {
                return false;
            };
            d.is_file() && d.len() == f.len() && mtime.is_some() && d.modified().ok() == *mtime
        }
    }
}

/// Writes the outputs; with `only_changed` (regenerating under `serve`/`--watch`), files
/// already up to date are left alone, so their mtimes stay and LiveReload hears only of
/// real changes. Returns the destinations written.
pub fn write_outputs(outputs: &[Output], only_changed: bool) -> Result<Vec<PathBuf>> {
    use rayon::prelude::*;
    // Jekyll writes one file after the other, so when several share a destination the last
    // one wins; writing in parallel, hyde writes only that one.
    let mut last: std::collections::HashMap<&Path, usize> = std::collections::HashMap::new();
    for (i, o) in outputs.iter().enumerate() {
        last.insert(o.dest(), i);
    }
    let winners: Vec<&Output> = outputs
        .iter()
        .enumerate()
        .filter(|(i, o)| last.get(o.dest()) == Some(i))
        .map(|(_, o)| o)
        .filter(|o| !(only_changed && up_to_date(o)))
        .collect();
    winners.par_iter().try_for_each(|o| -> Result<()> {
        let dest = o.dest();
        // A generator may write a file straight into the destination and register it as
        // a static file there (jekyll-imagemagick's `ImageFile#write` does nothing).
        if matches!(o, Output::Copied { from, .. } if *from == dest) {
            return Ok(());
        }
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::at(parent, None, e.to_string()))?;
        }
        if dest.is_dir() {
            std::fs::remove_dir_all(dest).map_err(|e| Error::at(dest, None, e.to_string()))?;
        }
        match o {
            Output::Rendered { content, .. } => std::fs::write(dest, content.as_bytes())
                .map_err(|e| Error::at(dest, None, e.to_string()))?,
            Output::Copied { from, mtime, .. } => {
                if std::fs::symlink_metadata(dest).is_ok() {
                    let _ = std::fs::remove_file(dest);
                }
                std::fs::copy(from, dest).map_err(|e| Error::at(*from, None, e.to_string()))?;
                if let Some(t) = mtime {
                    if let Ok(f) = std::fs::File::options().write(true).open(dest) {
                        let _ = f.set_modified(*t);
                    }
                }
            }
        }
        Ok(())
    })?;
    Ok(winners.iter().map(|o| o.dest().to_path_buf()).collect())
}
