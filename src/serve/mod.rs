//! `hyde serve` (Jekyll's `serve`/`server`/`s`) and `build --watch`: build, watch and
//! regenerate (`watch`), serve `_site` the way Jekyll's WEBrick servlet does (`http`), and
//! LiveReload (`livereload`).

pub mod http;
pub mod livereload;
pub mod watch;

use crate::cli::log;
use crate::config::{ConfigExt, Overrides};
use crate::value::{Hash, Value};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// The outcome of the latest regeneration while serving: the error of a failed build,
/// which served HTML pages show in an overlay until a build succeeds again.
#[derive(Default)]
pub struct BuildStatus {
    error: std::sync::Mutex<Option<String>>,
}

impl BuildStatus {
    pub fn set(&self, error: Option<String>) {
        *self.error.lock().unwrap_or_else(|e| e.into_inner()) = error;
    }

    pub fn error(&self) -> Option<String> {
        self.error.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// `serve`'s own options (Jekyll's `COMMAND_OPTIONS`), already parsed.
#[derive(Debug, Default, Clone)]
pub struct ServeOptions {
    pub host: Option<String>,
    pub port: Option<String>,
    pub open_url: bool,
    pub detach: bool,
    pub ssl_cert: Option<String>,
    pub ssl_key: Option<String>,
    pub show_dir_listing: bool,
    pub skip_initial_build: bool,
    pub livereload: bool,
    pub livereload_ignore: Vec<String>,
    pub livereload_min_delay: Option<String>,
    pub livereload_max_delay: Option<String>,
    pub livereload_port: Option<u16>,
}

impl ServeOptions {
    /// Adds the options to the command-line overrides, as Jekyll's `serve` action does
    /// (`serving: true`, `watch: true` unless `--no-watch`, `livereload_port` 35729).
    fn apply(&self, overrides: &mut Overrides) {
        let h = &mut overrides.values;
        let mut set = |k: &str, v: Value| {
            h.insert(k.to_string(), v);
        };
        if let Some(v) = &self.host {
            set("host", Value::str(v.as_str()));
        }
        if let Some(v) = &self.port {
            set("port", Value::str(v.as_str()));
        }
        for (k, on) in [
            ("open_url", self.open_url),
            ("detach", self.detach),
            ("show_dir_listing", self.show_dir_listing),
            ("skip_initial_build", self.skip_initial_build),
            ("livereload", self.livereload),
        ] {
            if on {
                set(k, Value::Bool(true));
            }
        }
        if let Some(v) = &self.ssl_cert {
            set("ssl_cert", Value::str(v.as_str()));
        }
        if let Some(v) = &self.ssl_key {
            set("ssl_key", Value::str(v.as_str()));
        }
        if !self.livereload_ignore.is_empty() {
            set(
                "livereload_ignore",
                Value::array(
                    self.livereload_ignore
                        .iter()
                        .map(|s| Value::str(s.as_str()))
                        .collect(),
                ),
            );
        }
        if let Some(v) = &self.livereload_min_delay {
            set("livereload_min_delay", Value::str(v.as_str()));
        }
        if let Some(v) = &self.livereload_max_delay {
            set("livereload_max_delay", Value::str(v.as_str()));
        }
        set(
            "livereload_port",
            Value::Int(i64::from(self.livereload_port.unwrap_or(35729))),
        );
        set("serving", Value::Bool(true));
        if !h.contains_key("watch") {
            h.insert("watch".into(), Value::Bool(true));
        }
    }
}

/// `jekyll serve`: build (unless `--skip-initial-build`), watch, serve. Returns the exit
/// code; while serving, it does not return.
pub fn command(cwd: &Path, overrides: &Overrides, opts: &ServeOptions) -> i32 {
    let mut overrides = overrides.clone();
    opts.apply(&mut overrides);
    let mut config = match crate::build::load_config(cwd, &overrides) {
        Ok(c) => c,
        Err(e) => return crate::build::fail(&e),
    };
    if let Err(message) = validate(&mut config, opts) {
        log::error("", &message);
        return 1;
    }
    let env = std::env::var("JEKYLL_ENV").unwrap_or_else(|_| "development".into());
    if env == "development" {
        config.insert("url".into(), Value::str(default_url(&config)));
    }

    // Build.process: the initial build, then the watcher.
    if config.bool_of("skip_initial_build") {
        log::warn(
            "Build Warning:",
            "Skipping the initial build. This may result in an out-of-date site.",
        );
    } else if let Err(code) = crate::build::build_once(cwd, &config) {
        return code;
    }
    let reactor: Arc<OnceLock<Arc<livereload::Reactor>>> = Arc::new(OnceLock::new());
    let status = Arc::new(BuildStatus::default());
    if config.bool_of("detach") {
        log::info(
            "Auto-regeneration:",
            "disabled when running server detached.",
        );
    } else if config.bool_of("watch") {
        if let Err(e) = watch::start(
            cwd.to_path_buf(),
            config.clone(),
            reactor.clone(),
            status.clone(),
        ) {
            log::error("Error:", &e);
            return 1;
        }
    } else {
        log::info("Auto-regeneration:", "disabled. Use --watch to enable.");
    }

    // Serve.process.
    let host = config.str_of("host").unwrap_or_else(|| "127.0.0.1".into());
    let lr_options = if config.bool_of("livereload") {
        let port = config
            .get("livereload_port")
            .and_then(|v| crate::value::to_s(v).parse::<u16>().ok())
            .unwrap_or(35729);
        let options = livereload::Options {
            host: host.clone(),
            port,
            min_delay: config.str_of("livereload_min_delay"),
            max_delay: config.str_of("livereload_max_delay"),
            ignore: opts.livereload_ignore.clone(),
        };
        match livereload::Reactor::start(&options) {
            Ok(r) => {
                let _ = reactor.set(r);
            }
            Err(e) => {
                log::error(
                    "Error:",
                    &format!("LiveReload could not listen on {host}:{port}: {e}"),
                );
                return 1;
            }
        }
        Some(options)
    } else {
        None
    };
    let dest = crate::site::normalize(
        &cwd.join(
            config
                .str_of("destination")
                .unwrap_or_else(|| "_site".into()),
        ),
    );
    if let Err(e) = std::fs::create_dir_all(&dest) {
        log::error("Error:", &format!("{}: {e}", dest.display()));
        return 1;
    }
    let port = config.str_of("port").unwrap_or_else(|| "4000".into());
    let Ok(port_num) = port.trim().parse::<u16>() else {
        log::error("Error:", &format!("invalid port {port:?}"));
        return 1;
    };
    let mut server_config = config.clone();
    server_config.insert(
        "destination".into(),
        Value::str(dest.to_string_lossy().into_owned()),
    );
    let listener = match tiny_http::Server::http((host.as_str(), port_num)) {
        Ok(s) => s,
        Err(e) => {
            log::error(
                "Error:",
                &format!("could not listen on {host}:{port_num}: {e}"),
            );
            return 1;
        }
    };
    let baseurl = config
        .get("baseurl")
        .filter(|v| !v.is_nil())
        .map(crate::value::to_s);
    let address = format_url(false, &host, port_num, baseurl.as_deref());
    log::info("Server address:", &address);
    if config.bool_of("open_url") {
        launch_browser(&address);
    }
    if config.bool_of("detach") {
        drop(listener);
        return detach(&address);
    }
    log::info("Server running...", "press ctrl-c to stop.");
    let mut server = http::Server::from_config(&server_config, lr_options);
    server.status = Some(status);
    let server = Arc::new(server);
    server.run(listener);
    0
}

/// Jekyll's `validate_options`: LiveReload excludes `--detach` and SSL, and its own options
/// need it.
fn validate(config: &mut Hash, opts: &ServeOptions) -> Result<(), String> {
    if opts.ssl_cert.is_some() || opts.ssl_key.is_some() {
        if opts.livereload {
            return Err("LiveReload does not support SSL".into());
        }
        return Err(
            "hyde serve does not serve HTTPS: --ssl-cert/--ssl-key are not supported".into(),
        );
    }
    if opts.livereload {
        if opts.detach {
            log::warn(
                "Warning:",
                "--detach and --livereload are mutually exclusive. Choosing --livereload",
            );
            config.insert("detach".into(), Value::Bool(false));
        }
        config.insert("watch".into(), Value::Bool(true));
    } else if opts.livereload_min_delay.is_some()
        || opts.livereload_max_delay.is_some()
        || !opts.livereload_ignore.is_empty()
        || opts.livereload_port.is_some()
    {
        return Err("--livereload-min-delay, --livereload-max-delay, --livereload-ignore, and --livereload-port require the --livereload option.".into());
    }
    Ok(())
}

/// `format_url`: `http://HOST:PORT` plus `BASEURL/`.
fn format_url(ssl: bool, host: &str, port: u16, baseurl: Option<&str>) -> String {
    let prefix = if ssl { "https" } else { "http" };
    let base = baseurl.map(|b| format!("{b}/")).unwrap_or_default();
    format!("{prefix}://{host}:{port}{base}")
}

/// `default_url`: the `url` a development server gives the site (`site.url`).
fn default_url(config: &Hash) -> String {
    let host = config.str_of("host").unwrap_or_else(|| "127.0.0.1".into());
    let host = if host == "127.0.0.1" {
        "localhost".to_string()
    } else {
        host
    };
    let port = config
        .str_of("port")
        .and_then(|p| p.trim().parse::<u16>().ok())
        .unwrap_or(4000);
    format_url(false, &host, port, None)
}

fn launch_browser(address: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "start"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(address).spawn() {
        log::error("", &format!("Could not launch a browser ({opener}): {e}"));
    }
}

/// `--detach`: the server goes on in a background process (this command, again, without
/// building or watching), and this one returns.
fn detach(_address: &str) -> i32 {
    let Ok(exe) = std::env::current_exe() else {
        log::error("Error:", "cannot find the hyde executable to detach");
        return 1;
    };
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "-B" && a != "--detach")
        .collect();
    args.push("--skip-initial-build".into());
    args.push("--no-watch".into());
    match std::process::Command::new(exe)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(child) => {
            let pid = child.id();
            log::info(
                &format!("Server detached with pid '{pid}'."),
                &format!("Run `pkill -f hyde' or `kill -9 {pid}' to stop the server."),
            );
            0
        }
        Err(e) => {
            log::error("Error:", &format!("could not detach the server: {e}"));
            1
        }
    }
}

/// `build --watch`: after the build, regenerate on every change until interrupted.
pub fn watch_forever(cwd: &Path, config: &Hash) -> i32 {
    if let Err(e) = watch::start(
        cwd.to_path_buf(),
        config.clone(),
        Arc::new(OnceLock::new()),
        Arc::new(BuildStatus::default()),
    ) {
        log::error("Error:", &e);
        return 1;
    }
    loop {
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_as_jekyll_formats_them() {
        assert_eq!(
            format_url(false, "127.0.0.1", 4000, Some("/blog")),
            "http://127.0.0.1:4000/blog/"
        );
        assert_eq!(
            format_url(false, "0.0.0.0", 4000, None),
            "http://0.0.0.0:4000"
        );
        let mut c = Hash::new();
        c.insert("host".into(), Value::str("127.0.0.1"));
        c.insert("port".into(), Value::str("4000"));
        assert_eq!(default_url(&c), "http://localhost:4000");
    }
}
