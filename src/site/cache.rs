//! The disk cache (Jekyll's `Jekyll::Cache` under `cache_dir`, default `.jekyll-cache`):
//! Markdown conversions keyed by the converter options and the input, so a rebuild converts
//! only what changed. Jekyll keeps Ruby-marshalled files under `Jekyll/Cache/`; hyde keeps
//! one file of its own under `hyde/`, which Jekyll never reads (the two can share a site).
//!
//! Like Jekyll, no disk cache in safe mode or with `--disable-disk-cache`.

use std::collections::{HashMap, HashSet};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

const MAGIC: &[u8; 8] = b"HYDEC001";

type Key = [u8; 32];

pub struct DiskCache {
    file: Option<PathBuf>,
    /// Entries read from disk.
    stored: HashMap<Key, String>,
    /// Which stored entries this build used (only these are written back).
    used: Mutex<HashSet<Key>>,
    /// Entries this build computed. Their values are appended to a side file as they are
    /// made, not kept in memory: the documents hold the same strings, and on a large site
    /// a second copy of every converted page would be most of the build's memory.
    fresh: Mutex<Fresh>,
}

#[derive(Default)]
struct Fresh {
    keys: HashSet<Key>,
    /// The side file (created on the first fresh entry); `None` after a write error,
    /// which only costs the cache, never the build.
    out: Option<BufWriter<std::fs::File>>,
    failed: bool,
}

impl DiskCache {
    /// A cache in `cache_dir`, or a memory-only one when `enabled` is false.
    pub fn open(cache_dir: &Path, enabled: bool) -> DiskCache {
        let file = enabled.then(|| cache_dir.join("hyde").join("markdown.bin"));
        let stored = file.as_deref().map(read_entries).unwrap_or_default();
        DiskCache {
            file,
            stored,
            used: Mutex::new(HashSet::new()),
            fresh: Mutex::new(Fresh::default()),
        }
    }

    /// The key of an input under a converter configuration.
    pub fn key(config: &str, input: &str) -> Key {
        let mut h = blake3::Hasher::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(&(config.len() as u64).to_le_bytes());
        h.update(config.as_bytes());
        h.update(input.as_bytes());
        *h.finalize().as_bytes()
    }

    /// The cached value for `key`, or `compute()`'s (then remembered).
    pub fn get_or_insert<E>(
        &self,
        key: Key,
        compute: impl FnOnce() -> Result<String, E>,
    ) -> Result<String, E> {
        if let Some(v) = self.stored.get(&key) {
            lock(&self.used).insert(key);
            return Ok(v.clone());
        }
        let v = compute()?;
        if let Some(file) = &self.file {
            self.remember(file, key, &v);
        }
        Ok(v)
    }

    /// Appends a freshly computed entry to the side file.
    fn remember(&self, file: &Path, key: Key, value: &str) {
        let mut fresh = lock(&self.fresh);
        if fresh.failed || !fresh.keys.insert(key) {
            return;
        }
        if fresh.out.is_none() {
            match create_side_file(&side_file(file)) {
                Ok(w) => fresh.out = Some(w),
                Err(_) => {
                    fresh.failed = true;
                    return;
                }
            }
        }
        let ok = fresh
            .out
            .as_mut()
            .is_some_and(|w| write_entry(w, &key, value).is_ok());
        if !ok {
            fresh.failed = true;
            fresh.out = None;
        }
    }

    /// Writes the entries this build used or computed (stale ones are dropped). A failure
    /// to write the cache never fails the build.
    pub fn save(&self) {
        let Some(file) = &self.file else { return };
        let used = lock(&self.used);
        let mut fresh = lock(&self.fresh);
        let side = side_file(file);
        let out = fresh.out.take();
        if fresh.failed || (fresh.keys.is_empty() && used.len() == self.stored.len()) {
            drop(out);
            let _ = std::fs::remove_file(&side);
            return;
        }
        let written = out
            .map_or(Ok(()), |mut w| w.flush())
            .and_then(|_| write_cache(file, &side, &self.stored, &used));
        let _ = std::fs::remove_file(&side);
        if written.is_err() {
            let _ = std::fs::remove_file(file.with_extension("tmp"));
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn side_file(file: &Path) -> PathBuf {
    file.with_extension("new")
}

fn create_side_file(side: &Path) -> std::io::Result<BufWriter<std::fs::File>> {
    if let Some(dir) = side.parent() {
        std::fs::create_dir_all(dir)?;
    }
    Ok(BufWriter::new(std::fs::File::create(side)?))
}

fn write_entry(w: &mut impl Write, key: &Key, value: &str) -> std::io::Result<()> {
    w.write_all(key)?;
    w.write_all(&(value.len() as u64).to_le_bytes())?;
    w.write_all(value.as_bytes())
}

fn read_entries(file: &Path) -> HashMap<Key, String> {
    let mut out = HashMap::new();
    let Ok(mut f) = std::fs::File::open(file) else {
        return out;
    };
    let mut buf = Vec::new();
    if f.read_to_end(&mut buf).is_err() || !buf.starts_with(MAGIC) {
        return out;
    }
    let mut pos = MAGIC.len();
    while pos + 40 <= buf.len() {
        let mut key = [0u8; 32];
        key.copy_from_slice(&buf[pos..pos + 32]);
        let len = u64::from_le_bytes(buf[pos + 32..pos + 40].try_into().unwrap_or([0; 8])) as usize;
        pos += 40;
        let Some(bytes) = buf.get(pos..pos.saturating_add(len)) else {
            break;
        };
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                out.insert(key, s.to_string());
            }
            Err(_) => break,
        }
        pos += len;
    }
    out
}

/// The new cache file: the stored entries this build used, then the fresh ones from the
/// side file; written to a temporary file and renamed, so a crash leaves the old cache.
fn write_cache(
    file: &Path,
    side: &Path,
    stored: &HashMap<Key, String>,
    used: &HashSet<Key>,
) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
        // Jekyll keeps the cache directory out of git the same way.
        if let Some(cache_dir) = dir.parent() {
            let ignore = cache_dir.join(".gitignore");
            if !ignore.exists() {
                let _ = std::fs::write(ignore, "# ignore everything in this directory\n*\n");
            }
        }
    }
    let tmp = file.with_extension("tmp");
    {
        let mut w = BufWriter::new(std::fs::File::create(&tmp)?);
        w.write_all(MAGIC)?;
        for key in used {
            if let Some(v) = stored.get(key) {
                write_entry(&mut w, key, v)?;
            }
        }
        if let Ok(mut f) = std::fs::File::open(side) {
            std::io::copy(&mut f, &mut w)?;
        }
        w.flush()?;
    }
    std::fs::rename(tmp, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_drops_stale_entries() {
        let dir = std::env::temp_dir().join(format!("hyde-cache-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let c = DiskCache::open(&dir, true);
        let k1 = DiskCache::key("opts", "a");
        let k2 = DiskCache::key("opts", "b");
        assert_eq!(c.get_or_insert::<()>(k1, || Ok("A".into())), Ok("A".into()));
        assert_eq!(c.get_or_insert::<()>(k2, || Ok("B".into())), Ok("B".into()));
        c.save();
        let c = DiskCache::open(&dir, true);
        assert_eq!(c.get_or_insert::<()>(k1, || Err(())), Ok("A".into()));
        c.save();
        let c = DiskCache::open(&dir, true);
        assert!(c.get_or_insert::<()>(k2, || Err(())).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
