//! `hyde serve` end to end: the initial build, the served pages (extensionless URLs,
//! baseurl mount, LiveReload snippet), a regeneration after an edit that writes only what
//! changed, and the LiveReload messages a browser receives.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

struct Serving(Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyde-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("_layouts")).unwrap();
    std::fs::create_dir_all(dir.join("css")).unwrap();
    std::fs::write(dir.join("_config.yml"), "title: Served\nbaseurl: /base\n").unwrap();
    std::fs::write(
        dir.join("_layouts/default.html"),
        "<html>\n<head>\n<title>{{ page.title }}</title>\n</head>\n<body>{{ content }}</body>\n</html>\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("index.md"),
        "---\nlayout: default\ntitle: Home\n---\nHello from {{ site.title }}, {{ site.url }}.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("about.md"),
        "---\nlayout: default\ntitle: About\npermalink: /about\n---\nAbout page.\n",
    )
    .unwrap();
    std::fs::write(dir.join("css/site.css"), "body { color: red; }\n").unwrap();
    dir
}

fn http_get(port: u16, path: &str) -> (u16, String) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = out.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    (status, body.to_string())
}

fn wait_for(port: u16) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "server did not start"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn mtime(p: &Path) -> std::time::SystemTime {
    std::fs::metadata(p).unwrap().modified().unwrap()
}

#[test]
fn serves_regenerates_and_reloads() {
    let dir = site("main");
    let port = free_port();
    let lr_port = free_port();
    let _server = Serving(
        Command::new(env!("CARGO_BIN_EXE_hyde"))
            .args([
                "serve",
                "--livereload",
                "--port",
                &port.to_string(),
                "--livereload-port",
                &lr_port.to_string(),
            ])
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for(port);
    wait_for(lr_port);

    // Served under baseurl, with `site.url` set to the development server's address and
    // the LiveReload snippet right after `<head>`.
    let (status, home) = http_get(port, "/base/");
    assert_eq!(status, 200);
    assert!(
        home.contains("Hello from Served, http://localhost:"),
        "{home}"
    );
    assert!(
        home.starts_with("<html>\n<head><script>\n  document.write("),
        "{home}"
    );
    assert!(home.contains(&format!(
        ":{lr_port}/livereload.js?snipver=1&amp;port={lr_port}"
    )));
    assert_eq!(http_get(port, "/base/about").0, 200);
    assert_eq!(http_get(port, "/about").0, 404);
    let (status, js) = http_get(lr_port, "/livereload.js");
    assert_eq!(status, 200);
    assert!(js.contains("official-7"));

    // A browser connects, then a page is edited.
    let (mut ws, _) = tungstenite::connect(format!("ws://127.0.0.1:{lr_port}/livereload")).unwrap();
    let hello = ws.read().unwrap();
    assert!(hello.to_text().unwrap().contains("\"command\":\"hello\""));
    let untouched = dir.join("_site/about.html");
    let before = mtime(&untouched);
    std::thread::sleep(Duration::from_millis(1100));
    std::fs::write(
        dir.join("index.md"),
        "---\nlayout: default\ntitle: Home\n---\nEdited.\n",
    )
    .unwrap();
    match ws.get_mut() {
        tungstenite::stream::MaybeTlsStream::Plain(s) => {
            s.set_read_timeout(Some(Duration::from_secs(30))).unwrap()
        }
        _ => unreachable!(),
    }
    let msg = ws.read().unwrap();
    let text = msg.to_text().unwrap();
    assert_eq!(
        text,
        "{\"command\":\"reload\",\"path\":\"/index.html\",\"liveCSS\":true}"
    );
    let (_, home) = http_get(port, "/base/");
    assert!(home.contains("Edited."), "{home}");
    // Only what changed was written.
    assert_eq!(mtime(&untouched), before);

    // A stylesheet edit is announced as such (the client swaps it in place).
    std::fs::write(dir.join("css/site.css"), "body { color: blue; }\n").unwrap();
    let msg = ws.read().unwrap();
    assert!(msg
        .to_text()
        .unwrap()
        .contains("\"path\":\"/css/site.css\""));

    // A broken edit: the last good pages stay served, with the error over them, until a
    // good save.
    std::fs::write(
        dir.join("about.md"),
        "---\nlayout: default\ntitle: About\npermalink: /about\n---\n{% if %}\n",
    )
    .unwrap();
    let msg = ws.read().unwrap();
    assert!(msg.to_text().unwrap().contains("\"path\":\"/\""));
    let (status, page) = http_get(port, "/base/about");
    assert_eq!(status, 200);
    assert!(page.contains("About page."), "{page}");
    assert!(page.contains("id=\"hyde-build-error\""), "{page}");
    assert!(page.contains("about.md"), "{page}");
    std::fs::write(
        dir.join("about.md"),
        "---\nlayout: default\ntitle: About\npermalink: /about\n---\nFixed.\n",
    )
    .unwrap();
    let _ = ws.read().unwrap();
    let (_, page) = http_get(port, "/base/about");
    assert!(
        page.contains("Fixed.") && !page.contains("hyde-build-error"),
        "{page}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn livereload_options_need_livereload() {
    let dir = site("opts");
    let out = Command::new(env!("CARGO_BIN_EXE_hyde"))
        .args(["serve", "--livereload-port", "4444"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("require the --livereload option"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn build_watch_regenerates() {
    let dir = site("watch");
    let mut child = Serving(
        Command::new(env!("CARGO_BIN_EXE_hyde"))
            .args(["build", "--watch"])
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let out = dir.join("_site/index.html");
    let start = Instant::now();
    while !out.exists() {
        assert!(start.elapsed() < Duration::from_secs(60));
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(
        dir.join("index.md"),
        "---\nlayout: default\n---\nWatched edit.\n",
    )
    .unwrap();
    let start = Instant::now();
    loop {
        let html = std::fs::read_to_string(&out).unwrap_or_default();
        if html.contains("Watched edit.") {
            break;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "not regenerated");
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.0.kill();
    let mut stdout = String::new();
    child
        .0
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut stdout)
        .unwrap();
    assert!(
        stdout.contains("Auto-regeneration: enabled for"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Regenerating: 1 file(s) changed at"),
        "{stdout}"
    );
    let _ = std::fs::remove_dir_all(dir);
}
