//! LiveReload, as `jekyll serve --livereload` offers it: a WebSocket server on
//! `livereload_port` (35729) speaking LiveReload protocol 7, which also serves the client
//! script over plain HTTP on the same port, and the snippet injected into served HTML pages.
//!
//! After each regeneration the browsers hear one `reload` message per file written; a
//! stylesheet is swapped in place (`liveCSS`), anything else reloads the page. Unlike
//! Jekyll, which announces every page it rendered, hyde announces only files whose bytes
//! changed.

use crate::cli::log;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// hyde's own LiveReload client.
const CLIENT_JS: &str = include_str!("livereload.js");

/// The server side: one channel per connected browser.
#[derive(Default)]
pub struct Reactor {
    clients: Mutex<Vec<Sender<String>>>,
    connections: Mutex<usize>,
}

/// What the snippet and the server need from the `serve` options.
#[derive(Clone, Debug)]
pub struct Options {
    pub host: String,
    pub port: u16,
    pub min_delay: Option<String>,
    pub max_delay: Option<String>,
    /// `livereload_ignore` globs, matched against each written file's path under the site.
    pub ignore: Vec<String>,
}

impl Reactor {
    /// Starts listening; the accept loop runs on its own thread.
    pub fn start(opts: &Options) -> std::io::Result<Arc<Reactor>> {
        let listener = TcpListener::bind((opts.host.as_str(), opts.port))?;
        let reactor = Arc::new(Reactor::default());
        let r = reactor.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let r = r.clone();
                std::thread::spawn(move || r.handle(stream));
            }
        });
        log::info(
            "LiveReload address:",
            &format!("http://{}:{}", opts.host, opts.port),
        );
        Ok(reactor)
    }

    /// Tells every connected browser about the changed files (URL paths under the site).
    pub fn reload(&self, paths: &[String]) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        for path in paths {
            log::debug("LiveReload:", &format!("Reloading URL {path:?}"));
            let msg = serde_json::json!({"command": "reload", "path": path, "liveCSS": true});
            let text = msg.to_string();
            clients.retain(|c| c.send(text.clone()).is_ok());
        }
    }

    fn handle(&self, stream: TcpStream) {
        let Some(head) = peek_request_head(&stream) else {
            return;
        };
        let lower = head.to_ascii_lowercase();
        if lower.contains("upgrade: websocket") {
            self.websocket(stream);
        } else {
            serve_client_script(stream, &head);
        }
    }

    fn websocket(&self, stream: TcpStream) {
        let Ok(mut ws) = tungstenite::accept(stream) else {
            return;
        };
        let (tx, rx): (Sender<String>, Receiver<String>) = channel();
        {
            let mut n = self.connections.lock().unwrap_or_else(|e| e.into_inner());
            *n += 1;
            if *n == 1 {
                log::info("LiveReload:", "Browser connected");
            }
        }
        let hello = serde_json::json!({
            "command": "hello",
            "protocols": ["http://livereload.com/protocols/official-7"],
            "serverName": "jekyll"
        });
        if ws
            .send(tungstenite::Message::text(hello.to_string()))
            .is_err()
        {
            return;
        }
        self.clients
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(tx);
        // Poll the socket briefly, then flush whatever reload messages arrived meanwhile.
        let _ = ws
            .get_ref()
            .set_read_timeout(Some(Duration::from_millis(100)));
        loop {
            match ws.read() {
                Ok(tungstenite::Message::Text(t)) => print_message(t.as_str()),
                Ok(tungstenite::Message::Close(_)) => break,
                Ok(_) => {}
                Err(tungstenite::Error::Io(e))
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(_) => break,
            }
            let mut failed = false;
            while let Ok(msg) = rx.try_recv() {
                if ws.send(tungstenite::Message::text(msg)).is_err() {
                    failed = true;
                    break;
                }
            }
            if failed {
                break;
            }
        }
    }
}

/// `LiveReloadReactor#print_message`: the browser reports the URL it shows.
fn print_message(text: &str) {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        if v.get("command").and_then(|c| c.as_str()) == Some("url") {
            let url = v.get("url").and_then(|u| u.as_str()).unwrap_or("");
            log::info("LiveReload:", &format!("Browser URL: {url}"));
        }
    }
}

/// Reads the request head without consuming it, so a WebSocket handshake can still read it.
fn peek_request_head(stream: &TcpStream) -> Option<String> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut buf = vec![0u8; 8192];
    for _ in 0..50 {
        let n = stream.peek(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        let text = String::from_utf8_lossy(&buf[..n]).into_owned();
        if text.contains("\r\n\r\n") || n == buf.len() {
            let _ = stream.set_read_timeout(None);
            return Some(text);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// The plain-HTTP side of the port: `/livereload.js`, nothing else.
fn serve_client_script(mut stream: TcpStream, head: &str) {
    let path = head
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("/");
    let path = path.split('?').next().unwrap_or(path);
    // Consume the request we peeked at.
    let mut sink = vec![0u8; head.len()];
    let _ = stream.read(&mut sink);
    let response = if path.ends_with("/livereload.js") {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: application/javascript\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
            CLIENT_JS.len(),
            CLIENT_JS
        )
    } else {
        let body = "Not found";
        format!(
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
    };
    let _ = stream.write_all(response.as_bytes());
}

/// The snippet Jekyll's servlet adds after `<head>`: it loads the client from the
/// LiveReload port of whatever host the page came from.
pub fn snippet(opts: &Options) -> String {
    let mut args = String::new();
    if let Some(d) = &opts.min_delay {
        args.push_str(&format!("&amp;mindelay={d}"));
    }
    if let Some(d) = &opts.max_delay {
        args.push_str(&format!("&amp;maxdelay={d}"));
    }
    args.push_str(&format!("&amp;port={}", opts.port));
    format!(
        "<script>\n  document.write(\n    '<script src=\"' + location.protocol + '//' +\n    (location.host || 'localhost').split(':')[0] +\n    ':{}/livereload.js?snipver=1{args}\"' +\n    '></' +\n    'script>');\n</script>\n",
        opts.port
    )
}

/// Inserts the snippet after each `<head>` (or `<head attr…>`, not `<header>`) of the
/// first line containing `<head`, as Jekyll's `BodyProcessor` does (it then stops looking,
/// whether that line matched or not). `None` when nothing was inserted.
pub fn inject(html: &str, snippet: &str) -> Option<String> {
    let mut offset = 0;
    for line in html.split_inclusive('\n') {
        if line.contains("<head") {
            let tags = head_tags(line);
            if tags.is_empty() {
                return None;
            }
            let mut out = String::with_capacity(html.len() + snippet.len() * tags.len());
            out.push_str(&html[..offset]);
            let mut last = 0;
            for end in tags {
                out.push_str(&line[last..end]);
                out.push_str(snippet);
                last = end;
            }
            out.push_str(&line[last..]);
            out.push_str(&html[offset + line.len()..]);
            return Some(out);
        }
        offset += line.len();
    }
    None
}

/// The end offsets of the matches of `<head>|<head[^(er)][^<]*>` in `line`, leftmost
/// first and not overlapping (Ruby's `gsub`).
fn head_tags(line: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut from = 0;
    while let Some(i) = line[from..].find("<head") {
        let after = from + i + 5;
        let end = if line[after..].starts_with('>') {
            Some(after + 1)
        } else {
            match line[after..].chars().next() {
                Some(c) if !"(er)".contains(c) => {
                    let rest = after + c.len_utf8();
                    // `[^<]*>` is greedy: the last `>` before the next `<`.
                    let segment_end = line[rest..].find('<').map_or(line.len(), |j| rest + j);
                    line[rest..segment_end].rfind('>').map(|j| rest + j + 1)
                }
                _ => None,
            }
        };
        match end {
            Some(e) => {
                ends.push(e);
                from = e;
            }
            None => from += i + 1,
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options {
            host: "127.0.0.1".into(),
            port: 35729,
            min_delay: None,
            max_delay: None,
            ignore: Vec::new(),
        }
    }

    #[test]
    fn snippet_matches_jekylls_template() {
        assert_eq!(
            snippet(&opts()),
            "<script>\n  document.write(\n    '<script src=\"' + location.protocol + '//' +\n    (location.host || 'localhost').split(':')[0] +\n    ':35729/livereload.js?snipver=1&amp;port=35729\"' +\n    '></' +\n    'script>');\n</script>\n"
        );
    }

    #[test]
    fn injects_after_head_not_header() {
        let s = "S";
        assert_eq!(
            inject("<html>\n<head>\n<title>", s).as_deref(),
            Some("<html>\n<head>S\n<title>")
        );
        assert_eq!(
            inject("<head lang=\"en\"><x>", s).as_deref(),
            Some("<head lang=\"en\">S<x>")
        );
        assert_eq!(inject("<header>\n<p>", s), None);
        assert_eq!(inject("<body>no head</body>", s), None);
    }
}
