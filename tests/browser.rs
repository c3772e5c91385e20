//! `hyde serve --livereload` in a real browser: headless Chromium (Debian's `chromium`)
//! driven over the DevTools protocol loads a post, the post is edited on disk, and the
//! browser must reload by itself and show the new text; once at the site root and once
//! under `--baseurl`.
//!
//! CI installs Chromium (`.ci/run`); where it is missing outside CI the test says so and
//! passes without a browser.

use serde_json::{json, Value};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

type Socket = tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>;

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| {
            std::env::var_os("PATH")
                .map(|p| {
                    std::env::split_paths(&p)
                        .map(|d| d.join(name))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
        .find(|p| p.is_file())
}

fn wait_until<T>(what: &str, timeout: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyde-browser-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("_layouts")).unwrap();
    std::fs::create_dir_all(dir.join("_posts")).unwrap();
    std::fs::write(dir.join("_config.yml"), "title: Browser test\n").unwrap();
    std::fs::write(
        dir.join("_layouts/default.html"),
        "<!DOCTYPE html>\n<html>\n<head>\n<title>{{ page.title }}</title>\n</head>\n<body>{{ content }}</body>\n</html>\n",
    )
    .unwrap();
    write_post(&dir, "The original text.");
    dir
}

fn write_post(dir: &Path, body: &str) {
    std::fs::write(
        dir.join("_posts/2024-05-01-hello.md"),
        format!("---\nlayout: default\ntitle: Hello\n---\n{body}\n"),
    )
    .unwrap();
}

/// A DevTools connection to one page (flattened session).
struct Page {
    ws: Socket,
    session: String,
    next_id: u64,
}

impl Page {
    fn open(browser_ws: &str, url: &str) -> Page {
        let (mut ws, _) = tungstenite::connect(browser_ws).unwrap();
        if let tungstenite::stream::MaybeTlsStream::Plain(s) = ws.get_mut() {
            s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        }
        let mut page = Page {
            ws,
            session: String::new(),
            next_id: 0,
        };
        let target = page.call(None, "Target.createTarget", json!({ "url": url }));
        let target_id = target["targetId"].as_str().unwrap().to_string();
        let attached = page.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
        );
        page.session = attached["sessionId"].as_str().unwrap().to_string();
        page
    }

    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(tungstenite::Message::text(msg.to_string()))
            .unwrap();
        loop {
            let reply = self.ws.read().expect("DevTools connection");
            let Ok(text) = reply.to_text() else { continue };
            let v: Value = serde_json::from_str(text).unwrap();
            if v["id"] == json!(id) {
                return v.get("result").cloned().unwrap_or(Value::Null);
            }
        }
    }

    /// Evaluates `expression` in the page; `None` while the page is between documents.
    fn eval(&mut self, expression: &str) -> Option<Value> {
        let session = self.session.clone();
        let r = self.call(
            Some(&session),
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true }),
        );
        r.get("result")?.get("value").cloned()
    }

    fn text(&mut self) -> String {
        self.eval("document.body ? document.body.innerText : ''")
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

fn edit_reloads_the_page(name: &str, extra: &[&str], path: &str) {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium for the browser test"
        );
        eprintln!("browser test skipped: no chromium on PATH");
        return;
    };
    let dir = site(name);
    let (port, lr_port) = (free_port(), free_port());
    let mut args = vec![
        "serve".to_string(),
        "--livereload".into(),
        "--port".into(),
        port.to_string(),
        "--livereload-port".into(),
        lr_port.to_string(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let _server = Killed(
        Command::new(env!("CARGO_BIN_EXE_hyde"))
            .args(&args)
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_until("hyde serve", Duration::from_secs(60), || {
        TcpStream::connect(("127.0.0.1", port)).ok()
    });

    let profile = dir.join("chromium-profile");
    let _browser = Killed(
        Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    // Chromium writes the port and path of its DevTools endpoint into the profile.
    let browser_ws = wait_until("Chromium's DevTools port", Duration::from_secs(60), || {
        let s = std::fs::read_to_string(profile.join("DevToolsActivePort")).ok()?;
        let mut lines = s.lines();
        let (port, path) = (lines.next()?, lines.next()?);
        Some(format!("ws://127.0.0.1:{port}{path}"))
    });

    let url = format!("http://127.0.0.1:{port}{path}");
    let mut page = Page::open(&browser_ws, &url);
    wait_until("the post in the browser", Duration::from_secs(30), || {
        page.text().contains("The original text.").then_some(())
    });
    // The LiveReload client is loaded from the LiveReload port and connects from there.
    wait_until("the LiveReload client", Duration::from_secs(30), || {
        page.eval(
            "performance.getEntriesByType('resource').some(e => e.name.includes('livereload.js'))",
        )
        .filter(|v| v == &json!(true))
    });
    std::thread::sleep(Duration::from_millis(1500));

    write_post(&dir, "The edited text.");
    wait_until(
        "the browser to reload with the edit",
        Duration::from_secs(30),
        || page.text().contains("The edited text.").then_some(()),
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_browser_reloads_after_an_edit() {
    edit_reloads_the_page("root", &[], "/2024/05/01/hello.html");
}

#[test]
fn a_browser_reloads_after_an_edit_under_baseurl() {
    edit_reloads_the_page(
        "base",
        &["--baseurl", "/base"],
        "/base/2024/05/01/hello.html",
    );
}
