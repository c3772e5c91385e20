//! Auto-regeneration (`--watch`, on by default under `serve`), as jekyll-watch does it: the
//! source tree is watched (natively, or by polling with `--force_polling`), changes are
//! collected until the tree is quiet, then the site is rebuilt and the change reported the
//! way Jekyll reports it.
//!
//! Each regeneration is a full build from a fresh read with the configuration loaded at
//! start (Jekyll does not reload `_config.yml` either), so it is correct whatever changed —
//! includes, layouts, data, front matter defaults. It is fast because what is expensive to
//! redo is cached (converted Markdown in the disk cache), and only files whose bytes
//! changed are written, so browsers reload only for real changes.

use super::livereload::Reactor;
use crate::cli::log;
use crate::site::Site;
use crate::value::{Hash, Value};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// How long the tree must be quiet before a regeneration starts (Listen waits 0.1 s after
/// its 0.25 s latency).
const QUIET: Duration = Duration::from_millis(150);

/// Which changed paths do not trigger a regeneration: jekyll-watch's list (the config
/// files, the destination, the `exclude` entries that exist when watching starts,
/// `.jekyll-metadata`) plus the files Listen ignores by default.
pub struct Ignore {
    source: PathBuf,
    prefixes: Vec<String>,
}

/// Listen's `DEFAULT_IGNORED_FILES`: directories at the top of the watched tree.
const LISTEN_IGNORED_DIRS: &[&str] = &[
    ".git",
    ".svn",
    ".hg",
    ".rbx",
    ".bundle",
    "bundle",
    "vendor/bundle",
    "log",
    "tmp",
    "vendor/ruby",
];

impl Ignore {
    pub fn new(source: &Path, config: &Hash) -> Ignore {
        let mut absolute: Vec<PathBuf> = ["yml", "yaml", "toml"]
            .iter()
            .map(|ext| source.join(format!("_config.{ext}")))
            .collect();
        if let Some(dest) = config.get("destination") {
            absolute.push(PathBuf::from(crate::value::to_s(dest)));
        }
        if let Some(Value::Array(ex)) = config.get("exclude") {
            for e in ex.iter() {
                absolute.push(crate::site::in_dest_dir(source, &crate::value::to_s(e)));
            }
        }
        let mut prefixes = Vec::new();
        for p in absolute {
            if !p.exists() {
                continue;
            }
            let Ok(rel) = p.strip_prefix(source) else {
                continue;
            };
            let mut rel = rel.to_string_lossy().into_owned();
            if p.is_dir() {
                rel.push('/');
            }
            prefixes.push(rel);
        }
        prefixes.push(".jekyll-metadata".into());
        Ignore {
            source: source.to_path_buf(),
            prefixes,
        }
    }

    /// Whether a change at `path` is ignored. Like jekyll-watch's patterns, the excluded
    /// paths match as string prefixes of the path relative to the source.
    pub fn ignored(&self, path: &Path) -> bool {
        let Ok(rel) = path.strip_prefix(&self.source) else {
            return true;
        };
        let rel = rel.to_string_lossy();
        if self.prefixes.iter().any(|p| rel.starts_with(p.as_str())) {
            return true;
        }
        if LISTEN_IGNORED_DIRS
            .iter()
            .any(|d| rel == *d || rel.starts_with(&format!("{d}/")))
        {
            return true;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        editor_temporary(&name)
    }
}

/// Listen's `DEFAULT_IGNORED_EXTENSIONS`: editors' swap, backup and temporary files.
fn editor_temporary(name: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        ".swp",
        ".swx",
        ".swpx",
        "~",
        ".tmp",
        ".DS_Store",
        ".kate-swp",
    ];
    SUFFIXES.iter().any(|s| name.ends_with(s))
        || name == "4913"
        || name.contains(".goutputstream-")
        || name.contains("___jb_bak___")
        || name.contains("___jb_old___")
        || name.contains(".mutagen-temp-")
}

/// Starts watching `source` on a background thread; each regeneration rebuilds the site
/// from `config` and, when `reactor` is set by then, tells LiveReload what changed.
pub fn start(
    cwd: PathBuf,
    config: Hash,
    reactor: Arc<OnceLock<Arc<Reactor>>>,
    status: Arc<super::BuildStatus>,
) -> Result<(), String> {
    let source = PathBuf::from(
        config
            .get("source")
            .map(crate::value::to_s)
            .unwrap_or_else(|| ".".into()),
    );
    let source = crate::site::normalize(&cwd.join(source));
    let ignore = Ignore::new(&source, &config);
    let (tx, rx) = channel::<PathBuf>();
    let handler = move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            if matches!(event.kind, notify::EventKind::Access(_)) {
                return;
            }
            for p in event.paths {
                let _ = tx.send(p);
            }
        }
    };
    let polling = config.get("force_polling").is_some_and(Value::is_truthy);
    let mut watcher: Box<dyn notify::Watcher + Send> = if polling {
        let cfg = notify::Config::default().with_poll_interval(Duration::from_secs(1));
        Box::new(notify::PollWatcher::new(handler, cfg).map_err(|e| e.to_string())?)
    } else {
        Box::new(notify::recommended_watcher(handler).map_err(|e| e.to_string())?)
    };
    watcher
        .watch(&source, notify::RecursiveMode::Recursive)
        .map_err(|e| format!("{}: {e}", source.display()))?;
    log::info(
        "Auto-regeneration:",
        &format!("enabled for '{}'", source.display()),
    );
    std::thread::spawn(move || {
        let _watcher = watcher;
        loop {
            let Ok(first) = rx.recv() else {
                return;
            };
            let mut changed = vec![first];
            loop {
                match rx.recv_timeout(QUIET) {
                    Ok(p) => changed.push(p),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            let mut seen = std::collections::HashSet::new();
            changed.retain(|p| !ignore.ignored(p) && seen.insert(p.clone()));
            if changed.is_empty() {
                continue;
            }
            regenerate(&cwd, &config, &source, &changed, reactor.get(), &status);
        }
    });
    Ok(())
}

/// jekyll-watch's handler: the report, then `site.process`.
fn regenerate(
    cwd: &Path,
    config: &Hash,
    source: &Path,
    changed: &[PathBuf],
    reactor: Option<&Arc<Reactor>>,
    status: &super::BuildStatus,
) {
    let start = Instant::now();
    let now = chrono::Local::now();
    log::info(
        "Regenerating:",
        &format!(
            "{} file(s) changed at {}",
            changed.len(),
            now.format("%Y-%m-%d %H:%M:%S")
        ),
    );
    for p in changed {
        let rel = p.strip_prefix(source).unwrap_or(p);
        log::info("", &rel.to_string_lossy());
    }
    let result =
        Site::new(config.clone(), cwd).and_then(|site| crate::build::process_writing(site, true));
    match result {
        Ok((site, written)) => {
            crate::build::print_warnings(&site);
            log::info(
                "",
                &format!(
                    "...done in {} seconds.",
                    crate::value::float_to_s(start.elapsed().as_secs_f64())
                ),
            );
            let had_error = status.error().is_some();
            status.set(None);
            if let Some(r) = reactor {
                let mut paths = reload_paths(&site, &written, config);
                if had_error && paths.is_empty() {
                    // The error overlay must go even if no file changed.
                    paths.push("/".into());
                }
                r.reload(&paths);
            }
        }
        Err(e) => {
            log::warn("Error:", &e.to_string());
            log::warn("Error:", "Run jekyll build --trace for more information.");
            // The previous `_site` stays served; pages show the error until a build
            // succeeds.
            status.set(Some(e.to_string()));
            if let Some(r) = reactor {
                r.reload(&["/".to_string()]);
            }
        }
    }
    log::info("", "");
}

/// The URL paths (under the site, without `baseurl`) of the files written, less those
/// `livereload_ignore` matches.
fn reload_paths(site: &Site, written: &[PathBuf], config: &Hash) -> Vec<String> {
    let ignore: Vec<String> = match config.get("livereload_ignore") {
        Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
        Some(v) if !v.is_nil() => vec![crate::value::to_s(v)],
        _ => Vec::new(),
    };
    written
        .iter()
        .filter_map(|p| p.strip_prefix(&site.dest).ok())
        .map(|rel| rel.to_string_lossy().replace('\\', "/"))
        .filter(|rel| {
            !ignore
                .iter()
                .any(|g| crate::utils::fnmatch::fnmatch(g, rel))
        })
        .map(|rel| format!("/{rel}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_what_jekyll_watch_ignores() {
        let dir = std::env::temp_dir().join(format!("hyde-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("_site")).unwrap();
        std::fs::create_dir_all(dir.join("node_modules")).unwrap();
        std::fs::write(dir.join("_config.yml"), "").unwrap();
        let mut config = Hash::new();
        config.insert(
            "destination".into(),
            Value::str(dir.join("_site").to_string_lossy()),
        );
        config.insert(
            "exclude".into(),
            Value::array(vec![Value::str("node_modules"), Value::str("missing")]),
        );
        let ig = Ignore::new(&dir, &config);
        assert!(ig.ignored(&dir.join("_config.yml")));
        assert!(ig.ignored(&dir.join("_site/index.html")));
        assert!(ig.ignored(&dir.join("node_modules/x.js")));
        assert!(ig.ignored(&dir.join(".git/index")));
        assert!(ig.ignored(&dir.join("_posts/.a.md.swp")));
        assert!(ig.ignored(&dir.join("about.md~")));
        assert!(!ig.ignored(&dir.join("missing/x.md")));
        assert!(!ig.ignored(&dir.join("_posts/2024-01-01-a.md")));
        assert!(!ig.ignored(&dir.join("_site2/a.md")));
        let _ = std::fs::remove_dir_all(dir);
    }
}
