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
    let forced = config.get("force_polling").is_some_and(Value::is_truthy);
    let unreliable = if forced {
        None
    } else {
        events_unreliable_on(&source)
    };
    if let Some(fs) = &unreliable {
        log::warn(
            "Auto-regeneration:",
            &format!("the source is on a '{fs}' file system, where change events may not arrive; polling instead (as with --force_polling)"),
        );
    }
    let watcher = if forced || unreliable.is_some() {
        poll_watcher(handler, &source)?
    } else {
        // The native watcher can fail to start (inotify's watch limit on a big tree):
        // polling still works there.
        let handler_copy = handler.clone();
        match native_watcher(handler, &source) {
            Ok(w) => w,
            Err(e) => {
                log::warn(
                    "Auto-regeneration:",
                    &format!("file events unavailable ({e}); polling instead"),
                );
                poll_watcher(handler_copy, &source)?
            }
        }
    };
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

type Watcher = Box<dyn notify::Watcher + Send>;

fn poll_watcher(handler: impl notify::EventHandler, source: &Path) -> Result<Watcher, String> {
    let cfg = notify::Config::default().with_poll_interval(Duration::from_secs(1));
    let mut w = notify::PollWatcher::new(handler, cfg).map_err(|e| e.to_string())?;
    notify::Watcher::watch(&mut w, source, notify::RecursiveMode::Recursive)
        .map_err(|e| format!("{}: {e}", source.display()))?;
    Ok(Box::new(w))
}

fn native_watcher(handler: impl notify::EventHandler, source: &Path) -> Result<Watcher, String> {
    let mut w = notify::recommended_watcher(handler).map_err(|e| e.to_string())?;
    notify::Watcher::watch(&mut w, source, notify::RecursiveMode::Recursive)
        .map_err(|e| format!("{}: {e}", source.display()))?;
    Ok(Box::new(w))
}

/// File systems whose change notifications do not reach this machine: network shares and
/// folders shared by a hypervisor or by WSL (a Windows drive under `/mnt/c`), where
/// Jekyll users have to remember `--force_polling`.
const UNRELIABLE_EVENTS: &[&str] = &[
    "9p",
    "drvfs",
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "vboxsf",
    "vmhgfs",
    "prl_fs",
    "fuse.sshfs",
    "fuse.vmhgfs-fuse",
];

/// The type of the file system holding `dir`, when it is one without reliable change events.
fn events_unreliable_on(dir: &Path) -> Option<String> {
    let mountinfo = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    let dir = std::fs::canonicalize(dir).ok()?;
    let fs = fs_type_of(&mountinfo, &dir)?;
    UNRELIABLE_EVENTS.contains(&fs.as_str()).then_some(fs)
}

/// The file system type of the mount (in `/proc/self/mountinfo` format) that holds `path`:
/// the longest mount point containing it.
fn fs_type_of(mountinfo: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in mountinfo.lines() {
        let (fields, rest) = line.split_once(" - ")?;
        let mount_point = unescape_mount_path(fields.split(' ').nth(4)?);
        let fs_type = rest.split(' ').next()?;
        let depth = Path::new(&mount_point).components().count();
        if path.starts_with(&mount_point) && best.as_ref().is_none_or(|(d, _)| depth >= *d) {
            best = Some((depth, fs_type.to_string()));
        }
    }
    best.map(|(_, fs)| fs)
}

/// Mount points in mountinfo escape space, tab, newline and backslash as octal.
fn unescape_mount_path(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let code = rest
            .get(i + 1..i + 4)
            .and_then(|o| u8::from_str_radix(o, 8).ok());
        match code {
            Some(c) => {
                out.push(c as char);
                rest = &rest[i + 4..];
            }
            None => {
                out.push('\\');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
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
    fn finds_the_file_system_of_a_path() {
        let info = "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
95 22 0:52 / /mnt/c rw,noatime - 9p drvfs rw,dirsync
96 22 0:53 / /mnt/my\\040share rw - cifs //srv/share rw
97 95 0:54 / /mnt/c/local rw - ext4 /dev/sdb rw";
        let fs = |p: &str| fs_type_of(info, Path::new(p));
        assert_eq!(fs("/home/me/site").as_deref(), Some("ext4"));
        assert_eq!(fs("/mnt/c/Users/me/site").as_deref(), Some("9p"));
        assert_eq!(fs("/mnt/c/local/site").as_deref(), Some("ext4"));
        assert_eq!(fs("/mnt/my share/site").as_deref(), Some("cifs"));
        assert_eq!(fs("/mnt/c2").as_deref(), Some("ext4"));
        assert!(UNRELIABLE_EVENTS.contains(&"9p"));
    }

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
