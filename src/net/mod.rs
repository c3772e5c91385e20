//! HTTP for the plugins that fetch at build time (citation counts, external posts, remote
//! JSON data, tweets): one client with timeouts, a persistent cache under the site's
//! `cache_dir`, and `--offline`.
//!
//! The policy, the same for every plugin:
//! * online, a request goes to the network as the Ruby plugin's would, every build, and a
//!   successful response is kept in the cache;
//! * when the network fails (no connection, timeout, an error status) and the cache has a
//!   response for that URL, the cached one is used, with a warning naming the URL — the Ruby
//!   plugin has no cache and would fall back to its degraded output ("N/A" and the like);
//! * with neither, the caller produces the Ruby plugin's degraded output;
//! * `--offline` never touches the network: cached responses or the degraded output.
//!
//! `HYDE_NET_MAP=https://scholar.google.com=http://127.0.0.1:8080,...` sends requests for an
//! origin elsewhere: tests point the plugins' fixed URLs at a loopback server with recorded
//! responses.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a request may take before it counts as failed.
const TIMEOUT: Duration = Duration::from_secs(20);

/// What a request returned.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    /// Served from the cache (offline, or the network failed).
    pub cached: bool,
}

impl Fetched {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Why there is no response.
#[derive(Debug, Clone)]
pub enum NetError {
    /// `--offline` and nothing cached.
    Offline,
    /// The network failed and nothing was cached: the failure, as the Ruby exception
    /// message would describe it.
    Failed(String),
}

impl std::fmt::Display for NetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NetError::Offline => f.write_str("offline, and no cached response"),
            NetError::Failed(m) => f.write_str(m),
        }
    }
}

/// The client a build uses.
#[derive(Debug, Clone)]
pub struct Http {
    /// `<cache_dir>/hyde/http`, or `None` when the disk cache is off (safe mode,
    /// `--disable-disk-cache`).
    cache: Option<PathBuf>,
    offline: bool,
    timeout: Duration,
}

impl Http {
    pub fn new(cache_dir: Option<&Path>, offline: bool) -> Http {
        Http {
            cache: cache_dir.map(|d| d.join("hyde").join("http")),
            offline,
            timeout: TIMEOUT,
        }
    }

    /// The client for a site: its cache directory, `--offline` from the configuration.
    pub fn for_site(site: &crate::site::Site) -> Http {
        use crate::config::ConfigExt;
        let disabled = site.flags.safe || site.config.bool_of("disable_disk_cache");
        let cache_dir = site
            .config
            .str_of("cache_dir")
            .unwrap_or_else(|| ".jekyll-cache".into());
        let dir = site.source.join(cache_dir);
        Http::new(
            (!disabled).then_some(dir.as_path()),
            site.config.bool_of("offline"),
        )
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Http {
        self.timeout = timeout;
        self
    }

    /// `GET url` with extra request headers, under the policy above. A non-2xx status
    /// counts as a failure (Ruby's `open-uri` raises on it; plugins using `Net::HTTP.get`
    /// would parse the error body and fail there instead).
    pub fn get(&self, url: &str, headers: &[(&str, &str)]) -> Result<Fetched, NetError> {
        if self.offline {
            return self.cached(url).ok_or(NetError::Offline);
        }
        match self.fetch(url, headers) {
            Ok(f) => {
                self.store(url, &f);
                Ok(f)
            }
            Err(message) => match self.cached(url) {
                Some(c) => {
                    crate::cli::log::warn(
                        "Network:",
                        &format!("{url}: {message}; using the response cached earlier"),
                    );
                    Ok(c)
                }
                None => Err(NetError::Failed(message)),
            },
        }
    }

    fn fetch(&self, url: &str, headers: &[(&str, &str)]) -> Result<Fetched, String> {
        let target = remap(url);
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(self.timeout))
            .http_status_as_error(false)
            .build()
            .into();
        let mut req = agent.get(&target);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let mut resp = req.call().map_err(|e| e.to_string())?;
        let status = resp.status().as_u16();
        let content_type = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = resp
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()
            .map_err(|e| e.to_string())?;
        if !(200..300).contains(&status) {
            return Err(format!("{status} {}", reason(status)));
        }
        Ok(Fetched {
            status,
            content_type,
            body,
            cached: false,
        })
    }

    fn path_for(&self, url: &str) -> Option<PathBuf> {
        let dir = self.cache.as_ref()?;
        Some(dir.join(blake3::hash(url.as_bytes()).to_hex().as_str()))
    }

    /// Cache file: `status\ncontent-type\nurl\n` then the body.
    fn store(&self, url: &str, f: &Fetched) {
        let Some(path) = self.path_for(url) else {
            return;
        };
        if let Some(dir) = path.parent() {
            if std::fs::create_dir_all(dir).is_err() {
                return;
            }
        }
        let mut data = format!(
            "{}\n{}\n{}\n",
            f.status,
            f.content_type.as_deref().unwrap_or(""),
            url.replace('\n', " ")
        )
        .into_bytes();
        data.extend_from_slice(&f.body);
        let tmp = path.with_extension("tmp");
        if std::fs::write(&tmp, data).is_ok() {
            let _ = std::fs::rename(tmp, path);
        }
    }

    fn cached(&self, url: &str) -> Option<Fetched> {
        let data = std::fs::read(self.path_for(url)?).ok()?;
        let mut parts = data.splitn(4, |b| *b == b'\n');
        let status = std::str::from_utf8(parts.next()?).ok()?.parse().ok()?;
        let ct = String::from_utf8_lossy(parts.next()?).into_owned();
        let stored_url = parts.next()?;
        if stored_url != url.replace('\n', " ").as_bytes() {
            return None;
        }
        let body = parts.next().unwrap_or_default().to_vec();
        Some(Fetched {
            status,
            content_type: (!ct.is_empty()).then_some(ct),
            body,
            cached: true,
        })
    }
}

/// `HYDE_NET_MAP`: origin rewrites for tests.
fn remap(url: &str) -> String {
    let Ok(map) = std::env::var("HYDE_NET_MAP") else {
        return url.to_string();
    };
    for pair in map.split(',') {
        if let Some((from, to)) = pair.split_once('=') {
            if let Some(rest) = url.strip_prefix(from) {
                return format!("{to}{rest}");
            }
        }
    }
    url.to_string()
}

fn reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::Arc;

    /// A loopback server answering `/ok` with 200 and everything else with 404, while
    /// `up` is set; when `up` is cleared it answers nothing (the connection is dropped).
    fn server(up: Arc<AtomicBool>) -> String {
        let s = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let addr = format!("http://{}", s.server_addr().to_ip().unwrap());
        std::thread::spawn(move || {
            for req in s.incoming_requests() {
                if !up.load(Ordering::SeqCst) {
                    drop(req);
                    continue;
                }
                let resp = if req.url() == "/ok" {
                    tiny_http::Response::from_string("hello").with_status_code(200)
                } else {
                    tiny_http::Response::from_string("missing").with_status_code(404)
                };
                let _ = req.respond(resp);
            }
        });
        addr
    }

    #[test]
    fn caches_and_falls_back_and_goes_offline() {
        let dir = std::env::temp_dir().join(format!("hyde-net-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let up = Arc::new(AtomicBool::new(true));
        let base = server(up.clone());
        let http = Http::new(Some(&dir), false).with_timeout(Duration::from_secs(5));
        let ok = format!("{base}/ok");
        let f = http.get(&ok, &[]).unwrap();
        assert_eq!(
            (f.status, f.text().as_str(), f.cached),
            (200, "hello", false)
        );
        // A 404 is a failure, and nothing is cached for it.
        assert!(matches!(
            http.get(&format!("{base}/nope"), &[]),
            Err(NetError::Failed(m)) if m.starts_with("404")
        ));
        // The server goes away: the cached response is used.
        up.store(false, Ordering::SeqCst);
        let f = http.get(&ok, &[]).unwrap();
        assert_eq!((f.text().as_str(), f.cached), ("hello", true));
        // Offline: cache only, never the network.
        let offline = Http::new(Some(&dir), true);
        assert_eq!(offline.get(&ok, &[]).unwrap().text(), "hello");
        assert!(matches!(
            offline.get(&format!("{base}/other"), &[]),
            Err(NetError::Offline)
        ));
        // Without a disk cache, a failure is a failure.
        let uncached = Http::new(None, false).with_timeout(Duration::from_secs(5));
        assert!(uncached.get(&ok, &[]).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }
}
