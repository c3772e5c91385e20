//! The development server: `_site` served the way `jekyll serve`'s WEBrick servlet serves
//! it. The site is mounted at `baseurl`; `/about` finds `about.html` or `about.xhtml`
//! (extensionless permalinks work); a directory without its trailing slash redirects to it;
//! directory indexes are WEBrick's list (`index.html`, `index.xml`, …); a site `404.html`
//! is the not-found page; text types get `charset=utf-8`; `webrick: headers:` from the
//! configuration are added to every response (default: no caching); with LiveReload, HTML
//! gets the client snippet after `<head>`.

use super::livereload;
use crate::cli::log;
use crate::value::{Hash, Value};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// WEBrick's `DirectoryIndex` as `jekyll serve` configures it.
const DIRECTORY_INDEX: &[&str] = &[
    "index.htm",
    "index.html",
    "index.rhtml",
    "index.xht",
    "index.xhtml",
    "index.cgi",
    "index.xml",
    "index.json",
];

/// Media types Jekyll adds `; charset=<encoding>` to (its `mime_types_charset.json`: every
/// `text/*` type it knows plus these).
const CHARSET_APPLICATION_TYPES: &[&str] = &[
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/vnd.syncml+xml",
    "application/vnd.syncml.dm+wbxml",
    "application/vnd.syncml.dm+xml",
    "application/vnd.syncml.dmddf+xml",
    "application/vnd.wap.wbxml",
];

/// Where Jekyll's `mime.types` (mime-db) and `mime_guess` disagree on a type sites serve,
/// Jekyll's choice.
const JEKYLL_TYPES: &[(&[&str], &str)] = &[
    (&["html", "htm", "shtml"], "text/html"),
    (&["css"], "text/css"),
    (&["js", "mjs"], "application/javascript"),
    (&["json", "map"], "application/json"),
    (&["xml", "xsl", "xsd", "rng"], "application/xml"),
    (&["svg", "svgz"], "image/svg+xml"),
    (&["txt", "text", "log", "conf", "ini"], "text/plain"),
    (&["woff"], "font/woff"),
    (&["woff2"], "font/woff2"),
    (&["wasm"], "application/wasm"),
    (&["pdf"], "application/pdf"),
    (&["md", "markdown"], "text/markdown"),
];

pub struct Server {
    pub root: PathBuf,
    /// The mount point: `baseurl` without its trailing slash (`""` for the root).
    pub mount: String,
    pub headers: Vec<(String, String)>,
    pub encoding: String,
    pub show_dir_listing: bool,
    pub livereload: Option<livereload::Options>,
    /// The latest regeneration's outcome: a failed build's error is shown over every
    /// served HTML page.
    pub status: Option<std::sync::Arc<super::BuildStatus>>,
}

/// A response before it is sent.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Server {
    pub fn from_config(config: &Hash, livereload: Option<livereload::Options>) -> Server {
        let root = PathBuf::from(
            config
                .get("destination")
                .map(crate::value::to_s)
                .unwrap_or_else(|| "_site".into()),
        );
        let mount = config
            .get("baseurl")
            .filter(|v| !v.is_nil())
            .map(crate::value::to_s)
            .unwrap_or_default()
            .trim_end_matches('/')
            .to_string();
        let mut headers: Vec<(String, String)> = Vec::new();
        if let Some(Value::Hash(h)) = config
            .get("webrick")
            .and_then(|w| w.get("headers"))
            .as_ref()
        {
            for (k, v) in h.iter() {
                headers.push((k.clone(), crate::value::to_s(v)));
            }
        }
        if !headers.iter().any(|(k, _)| k == "Cache-Control") {
            headers.push((
                "Cache-Control".into(),
                "private, max-age=0, proxy-revalidate, no-store, no-cache, must-revalidate".into(),
            ));
        }
        let encoding = config
            .get("encoding")
            .map(crate::value::to_s)
            .unwrap_or_else(|| "utf-8".into());
        Server {
            root,
            mount,
            headers,
            encoding,
            show_dir_listing: config
                .get("show_dir_listing")
                .is_some_and(|v| v.is_truthy()),
            livereload,
            status: None,
        }
    }

    /// Serves requests until the process ends, one thread per request.
    pub fn run(self: Arc<Self>, server: tiny_http::Server) {
        for request in server.incoming_requests() {
            let me = self.clone();
            std::thread::spawn(move || me.respond(request));
        }
    }

    fn respond(&self, request: tiny_http::Request) {
        let host = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Host"))
            .map(|h| h.value.as_str().to_string())
            .unwrap_or_else(|| "localhost".into());
        let since = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("If-Modified-Since"))
            .map(|h| h.value.as_str().to_string());
        let head_only = *request.method() == tiny_http::Method::Head;
        let reply = match request.method() {
            tiny_http::Method::Get | tiny_http::Method::Head => {
                self.get(request.url(), &host, since.as_deref())
            }
            _ => self.error(405, "Method Not Allowed"),
        };
        let mut response =
            tiny_http::Response::from_data(if head_only { Vec::new() } else { reply.body })
                .with_status_code(reply.status);
        for (k, v) in reply.headers.iter().chain(self.headers.iter()) {
            if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
                response.add_header(h);
            }
        }
        let _ = request.respond(response);
    }

    /// `GET`: mount point, path resolution, then the file.
    fn get(&self, url: &str, host: &str, if_modified_since: Option<&str>) -> Reply {
        let path = url.split(['?', '#']).next().unwrap_or("/");
        let rest = if self.mount.is_empty() {
            Some(path)
        } else {
            path.strip_prefix(&self.mount)
                .filter(|r| r.is_empty() || r.starts_with('/'))
        };
        let Some(rest) = rest else {
            return self.not_found();
        };
        let decoded = percent_encoding::percent_decode_str(rest).decode_utf8_lossy();
        match self.resolve(&decoded) {
            Resolved::File(file) => self.file(&file, if_modified_since),
            Resolved::AddSlash => Reply {
                status: 301,
                headers: vec![("Location".into(), format!("http://{host}{path}/"))],
                body: Vec::new(),
            },
            Resolved::Listing(dir) => self.listing(&dir, path),
            Resolved::NotFound => self.not_found(),
        }
    }

    /// WEBrick's `set_filename` with Jekyll's `search_file` (`name`, `name.html`,
    /// `name.xhtml`) and `search_index_file`.
    fn resolve(&self, path: &str) -> Resolved {
        let mut current = self.root.clone();
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        for (i, part) in parts.iter().enumerate() {
            if *part == ".." || *part == "." || nondisclosed(part) {
                return Resolved::NotFound;
            }
            let next = current.join(part);
            if next.is_dir() {
                current = next;
                continue;
            }
            let last = i + 1 == parts.len();
            for candidate in [
                part.to_string(),
                format!("{part}.html"),
                format!("{part}.xhtml"),
            ] {
                let f = current.join(&candidate);
                if f.is_file() {
                    // A file in the middle of the path (`/a.html/extra`) is served as WEBrick
                    // does for path info only when it is the last segment.
                    return if last {
                        Resolved::File(f)
                    } else {
                        Resolved::NotFound
                    };
                }
            }
            return Resolved::NotFound;
        }
        if !path.ends_with('/') && current != self.root {
            return Resolved::AddSlash;
        }
        if !self.show_dir_listing {
            let indexes = DIRECTORY_INDEX.iter().copied().chain([".html", ".xhtml"]);
            for index in indexes {
                let f = current.join(index);
                if f.is_file() {
                    return Resolved::File(f);
                }
            }
        }
        // `jekyll serve` turns WEBrick's FancyIndexing on: a directory without an index
        // is listed.
        Resolved::Listing(current)
    }

    fn file(&self, file: &Path, if_modified_since: Option<&str>) -> Reply {
        let Ok(meta) = std::fs::metadata(file) else {
            return self.not_found();
        };
        let modified = meta.modified().ok();
        let last_modified = modified.map(http_date);
        if let (Some(lm), Some(since)) = (&last_modified, if_modified_since) {
            if lm == since {
                return Reply {
                    status: 304,
                    headers: vec![("Last-Modified".into(), lm.clone())],
                    body: Vec::new(),
                };
            }
        }
        let Ok(mut body) = std::fs::read(file) else {
            return self.error(403, "Forbidden");
        };
        let content_type = self.content_type(file);
        let mut headers = vec![("Content-Type".to_string(), content_type.clone())];
        if let Some(lm) = last_modified {
            headers.push(("Last-Modified".into(), lm));
        }
        if let Some(error) = self.status.as_ref().and_then(|s| s.error()) {
            if content_type.contains("text/html") {
                body.extend_from_slice(error_overlay(&error).as_bytes());
            }
        }
        if let Some(lr) = &self.livereload {
            if content_type.contains("text/html") {
                if let Ok(html) = std::str::from_utf8(&body) {
                    if let Some(new) = livereload::inject(html, &livereload::snippet(lr)) {
                        body = new.into_bytes();
                        headers.push(("X-Rack-LiveReload".into(), "1".into()));
                    }
                }
            }
        }
        Reply {
            status: 200,
            headers,
            body,
        }
    }

    fn content_type(&self, file: &Path) -> String {
        let ext = file
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let mime = JEKYLL_TYPES
            .iter()
            .find(|(exts, _)| exts.contains(&ext.as_str()))
            .map(|(_, m)| *m)
            .or_else(|| mime_guess::from_path(file).first_raw())
            .unwrap_or("application/octet-stream");
        if mime.starts_with("text/") || CHARSET_APPLICATION_TYPES.contains(&mime) {
            format!("{mime}; charset={}", self.encoding)
        } else {
            mime.to_string()
        }
    }

    fn listing(&self, dir: &Path, url_path: &str) -> Reply {
        let mut names: Vec<(String, bool)> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| {
                        let name = e.file_name().to_string_lossy().into_owned();
                        (name, e.path().is_dir())
                    })
                    .filter(|(n, _)| !nondisclosed(n))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        let esc = crate::liquid::filters::html_escape;
        let mut html = format!(
            "<!DOCTYPE html>\n<html><head><title>Index of {0}</title></head>\n<body>\n<h1>Index of {0}</h1>\n<ul>\n",
            esc(url_path)
        );
        if url_path != "/" {
            html.push_str("<li><a href=\"..\">Parent Directory</a></li>\n");
        }
        for (name, is_dir) in names {
            let slash = if is_dir { "/" } else { "" };
            let href: String =
                percent_encoding::utf8_percent_encode(&name, percent_encoding::NON_ALPHANUMERIC)
                    .to_string();
            html.push_str(&format!(
                "<li><a href=\"{href}{slash}\">{}{slash}</a></li>\n",
                esc(&name)
            ));
        }
        html.push_str("</ul>\n</body></html>\n");
        Reply {
            status: 200,
            headers: vec![(
                "Content-Type".into(),
                format!("text/html; charset={}", self.encoding),
            )],
            body: html.into_bytes(),
        }
    }

    /// The site's `404.html` when it has one (`jekyll serve` swaps WEBrick's error page
    /// for it), else a plain page.
    fn not_found(&self) -> Reply {
        let custom = self.root.join("404.html");
        if let Ok(body) = std::fs::read(&custom) {
            return Reply {
                status: 404,
                headers: vec![("Content-Type".into(), "text/html; charset=UTF-8".into())],
                body,
            };
        }
        self.error(404, "Not Found")
    }

    fn error(&self, status: u16, reason: &str) -> Reply {
        log::debug("Server:", &format!("{status} {reason}"));
        Reply {
            status,
            headers: vec![(
                "Content-Type".into(),
                "text/html; charset=ISO-8859-1".into(),
            )],
            body: format!(
                "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0//EN\">\n<HTML>\n  <HEAD><TITLE>{reason}</TITLE></HEAD>\n  <BODY>\n    <H1>{reason}</H1>\n  </BODY>\n</HTML>\n"
            )
            .into_bytes(),
        }
    }
}

/// The overlay a served page gets while the latest build has failed: the error as hyde
/// printed it (`file:line: message`), over the last good page.
fn error_overlay(error: &str) -> String {
    format!(
        "\n<div id=\"hyde-build-error\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2em;background:rgba(30,0,0,.92);color:#fff;font:14px/1.5 monospace;white-space:pre-wrap\"><strong>hyde: the site failed to build; this page is from the last good build.</strong>\n\n{}</div>\n",
        crate::liquid::filters::html_escape(error)
    )
}

enum Resolved {
    File(PathBuf),
    AddSlash,
    Listing(PathBuf),
    NotFound,
}

/// `NondisclosureName`: `.ht*` and `~*` are never served.
fn nondisclosed(name: &str) -> bool {
    name.starts_with(".ht") || name.starts_with('~')
}

/// An HTTP date (`Tue, 15 Nov 1994 08:12:31 GMT`).
fn http_date(t: std::time::SystemTime) -> String {
    let dt: chrono::DateTime<chrono::Utc> = t.into();
    dt.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(root: &Path, mount: &str) -> Server {
        Server {
            root: root.to_path_buf(),
            mount: mount.into(),
            headers: Vec::new(),
            encoding: "utf-8".into(),
            show_dir_listing: false,
            livereload: None,
            status: None,
        }
    }

    fn site(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("hyde-http-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("blog/post")).unwrap();
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        std::fs::write(dir.join("index.html"), "<html><head></head>home</html>").unwrap();
        std::fs::write(dir.join("about.html"), "about").unwrap();
        std::fs::write(dir.join("blog/post/index.html"), "post").unwrap();
        std::fs::write(dir.join("feed.xml"), "<feed/>").unwrap();
        std::fs::write(dir.join("404.html"), "custom 404").unwrap();
        std::fs::write(dir.join(".htaccess"), "secret").unwrap();
        dir
    }

    #[test]
    fn resolves_like_jekylls_servlet() {
        let root = site("resolves");
        let s = server(&root, "");
        let get = |p: &str| s.get(p, "localhost:4000", None);
        assert_eq!(get("/").body, b"<html><head></head>home</html>");
        assert_eq!(get("/about").body, b"about");
        assert_eq!(get("/about.html").body, b"about");
        assert_eq!(get("/blog/post/").body, b"post");
        let r = get("/blog/post");
        assert_eq!(r.status, 301);
        assert_eq!(r.headers[0].1, "http://localhost:4000/blog/post/");
        let r = get("/missing");
        assert_eq!((r.status, r.body.as_slice()), (404, &b"custom 404"[..]));
        assert_eq!(get("/.htaccess").status, 404);
        assert_eq!(get("/empty/").status, 200);
        let r = get("/feed.xml");
        assert_eq!(r.headers[0].1, "application/xml");
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn serves_under_baseurl_only() {
        let root = site("serves_u");
        let s = server(&root, "/blog");
        assert_eq!(s.get("/blog/about", "h", None).body, b"about");
        assert_eq!(s.get("/about", "h", None).status, 404);
        assert_eq!(s.get("/blogabout", "h", None).status, 404);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn shows_a_failed_build_over_html_pages() {
        let root = site("overlay");
        let mut s = server(&root, "");
        let status = std::sync::Arc::new(super::super::BuildStatus::default());
        s.status = Some(status.clone());
        status.set(Some("_posts/a.md:3: Liquid syntax error <x>".into()));
        let body = String::from_utf8(s.get("/about", "h", None).body).unwrap();
        assert!(body.starts_with("about\n<div id=\"hyde-build-error\""));
        assert!(body.contains("_posts/a.md:3: Liquid syntax error &lt;x&gt;"));
        assert_eq!(s.get("/feed.xml", "h", None).body, b"<feed/>");
        status.set(None);
        assert_eq!(s.get("/about", "h", None).body, b"about");
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn injects_livereload_into_html() {
        let root = site("injects_");
        let mut s = server(&root, "");
        s.livereload = Some(livereload::Options {
            host: "127.0.0.1".into(),
            port: 35729,
            min_delay: None,
            max_delay: None,
            ignore: Vec::new(),
        });
        let body = String::from_utf8(s.get("/", "h", None).body).unwrap();
        assert!(body.starts_with("<html><head><script>\n  document.write("));
        assert!(body.ends_with("</script>\n</head>home</html>"));
        let _ = std::fs::remove_dir_all(root);
    }
}
