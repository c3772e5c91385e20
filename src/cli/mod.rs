//! The `hyde` command line: Jekyll's commands and flags, same names and meanings.

pub mod log;
pub mod scaffold;

use crate::value::{Hash, Value};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "hyde",
    version,
    about = "A Jekyll-compatible static site generator"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Show the full backtrace when an error occurs
    #[arg(short = 't', long, global = true)]
    trace: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Build your site
    #[command(alias = "b")]
    Build(BuildArgs),
    /// Serve your site locally
    #[command(aliases = ["server", "s"])]
    Serve {
        #[command(flatten)]
        build: BuildArgs,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Clean the site (removes site output and metadata file) without building.
    Clean(BuildArgs),
    /// Search site and print specific deprecation warnings
    #[command(alias = "hyde")]
    Doctor(BuildArgs),
    /// Creates a new Jekyll site scaffold in PATH
    New {
        path: Vec<String>,
        /// Force creation even if PATH already exists
        #[arg(long)]
        force: bool,
        /// Creates scaffolding but with empty files
        #[arg(long)]
        blank: bool,
        /// Skip 'bundle install'
        #[arg(long = "skip-bundle")]
        skip_bundle: bool,
    },
    /// Creates a new Jekyll theme scaffold
    #[command(name = "new-theme")]
    NewTheme {
        name: Vec<String>,
        /// Include a Code of Conduct. (defaults to false)
        #[arg(short = 'c', long = "code-of-conduct")]
        code_of_conduct: bool,
    },
}

/// Jekyll's global and build options.
#[derive(Args, Debug, Default, Clone)]
pub struct BuildArgs {
    /// Custom configuration file(s), comma separated
    #[arg(long = "config", value_name = "CONFIG_FILE[,CONFIG_FILE2,...]")]
    config: Option<String>,
    /// Source directory (defaults to ./)
    #[arg(short = 's', long = "source")]
    source: Option<String>,
    /// Destination directory (defaults to ./_site)
    #[arg(short = 'd', long = "destination")]
    destination: Option<String>,
    /// Safe mode (defaults to false)
    #[arg(long)]
    safe: bool,
    /// Plugins directory (defaults to ./_plugins)
    #[arg(short = 'p', long = "plugins")]
    plugins: Option<String>,
    /// Layouts directory (defaults to ./_layouts)
    #[arg(long = "layouts")]
    layouts: Option<String>,
    /// Generate a Liquid rendering profile
    #[arg(long)]
    profile: bool,
    /// Publishes posts with a future date
    #[arg(long)]
    future: bool,
    /// Limits the number of posts to parse and publish
    #[arg(long = "limit_posts", value_name = "MAX_POSTS")]
    limit_posts: Option<i64>,
    /// Watch for changes and rebuild
    #[arg(short = 'w', long = "watch", overrides_with = "no_watch")]
    watch: bool,
    #[arg(long = "no-watch", hide = true)]
    no_watch: bool,
    /// Serve the website from the given base URL
    #[arg(short = 'b', long = "baseurl")]
    baseurl: Option<String>,
    /// Force watch to use polling
    #[arg(long = "force_polling")]
    force_polling: bool,
    /// Use LSI for improved related posts (not supported: hyde warns)
    #[arg(long)]
    lsi: bool,
    /// Render posts in the _drafts folder
    #[arg(short = 'D', long = "drafts")]
    drafts: bool,
    /// Render posts that were marked as unpublished
    #[arg(long)]
    unpublished: bool,
    /// Disable caching to disk in non-safe mode
    #[arg(long = "disable-disk-cache")]
    disable_disk_cache: bool,
    /// Silence output.
    #[arg(short = 'q', long)]
    quiet: bool,
    /// Print verbose output.
    #[arg(short = 'V', long)]
    verbose: bool,
    /// Enable incremental rebuild.
    #[arg(short = 'I', long)]
    incremental: bool,
    /// Fail if errors are present in front matter
    #[arg(long = "strict_front_matter")]
    strict_front_matter: bool,
    /// hyde: fail (instead of warning) when the site uses a plugin or Ruby file hyde cannot provide
    #[arg(long)]
    strict: bool,
    /// hyde: never use the network; plugins that fetch use their cached responses
    #[arg(long)]
    offline: bool,
}

/// `serve`'s own options.
#[derive(Args, Debug, Default, Clone)]
pub struct ServeArgs {
    /// Host to bind to
    #[arg(short = 'H', long)]
    host: Option<String>,
    /// Port to listen on
    #[arg(short = 'P', long)]
    port: Option<String>,
    /// Launch your site in a browser
    #[arg(short = 'o', long = "open-url")]
    open_url: bool,
    /// Run the server in the background
    #[arg(short = 'B', long)]
    detach: bool,
    /// X.509 (SSL) certificate (not supported by hyde)
    #[arg(long = "ssl-cert")]
    ssl_cert: Option<String>,
    /// X.509 (SSL) Private Key (not supported by hyde)
    #[arg(long = "ssl-key")]
    ssl_key: Option<String>,
    /// Show a directory listing instead of loading your index file.
    #[arg(long = "show-dir-listing")]
    show_dir_listing: bool,
    /// Skips the initial site build which occurs before the server is started.
    #[arg(long = "skip-initial-build")]
    skip_initial_build: bool,
    /// Use LiveReload to automatically refresh browsers
    #[arg(short = 'l', long)]
    livereload: bool,
    /// Files for LiveReload to ignore (GLOB1[,GLOB2[,...]])
    #[arg(long = "livereload-ignore", value_delimiter = ',')]
    livereload_ignore: Vec<String>,
    /// Minimum reload delay
    #[arg(long = "livereload-min-delay")]
    livereload_min_delay: Option<String>,
    /// Maximum reload delay
    #[arg(long = "livereload-max-delay")]
    livereload_max_delay: Option<String>,
    /// Port for LiveReload to listen on
    #[arg(long = "livereload-port")]
    livereload_port: Option<u16>,
}

impl ServeArgs {
    fn options(&self) -> crate::serve::ServeOptions {
        crate::serve::ServeOptions {
            host: self.host.clone(),
            port: self.port.clone(),
            open_url: self.open_url,
            detach: self.detach,
            ssl_cert: self.ssl_cert.clone(),
            ssl_key: self.ssl_key.clone(),
            show_dir_listing: self.show_dir_listing,
            skip_initial_build: self.skip_initial_build,
            livereload: self.livereload,
            livereload_ignore: self.livereload_ignore.clone(),
            livereload_min_delay: self.livereload_min_delay.clone(),
            livereload_max_delay: self.livereload_max_delay.clone(),
            livereload_port: self.livereload_port,
        }
    }
}

impl BuildArgs {
    /// The `override` hash Jekyll builds from the flags.
    pub fn overrides(&self) -> crate::config::Overrides {
        let mut h = Hash::new();
        let mut set = |k: &str, v: Value| {
            h.insert(k.to_string(), v);
        };
        if let Some(s) = &self.source {
            set("source", Value::str(s.as_str()));
        }
        if let Some(d) = &self.destination {
            set("destination", Value::str(d.as_str()));
        }
        let flags = [
            ("safe", self.safe),
            ("profile", self.profile),
            ("future", self.future),
            ("lsi", self.lsi),
            ("show_drafts", self.drafts),
            ("unpublished", self.unpublished),
            ("disable_disk_cache", self.disable_disk_cache),
            ("quiet", self.quiet),
            ("verbose", self.verbose),
            ("incremental", self.incremental),
            ("strict_front_matter", self.strict_front_matter),
            ("force_polling", self.force_polling),
            ("strict", self.strict),
            ("offline", self.offline),
        ];
        for (k, v) in flags {
            if v {
                set(k, Value::Bool(true));
            }
        }
        if self.watch {
            set("watch", Value::Bool(true));
        }
        if self.no_watch {
            set("watch", Value::Bool(false));
        }
        if let Some(n) = self.limit_posts {
            set("limit_posts", Value::Int(n));
        }
        if let Some(b) = &self.baseurl {
            set("baseurl", Value::str(b.as_str()));
        }
        if let Some(p) = &self.plugins {
            set(
                "plugins_dir",
                Value::array(p.split(',').map(Value::from).collect()),
            );
        }
        if let Some(l) = &self.layouts {
            set("layouts_dir", Value::str(l.as_str()));
        }
        let config_files = self
            .config
            .as_deref()
            .map(|c| {
                c.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        crate::config::Overrides {
            values: h,
            config_files,
        }
    }
}

/// Runs the CLI with `args` (without the program name) and returns the exit code.
pub fn run<I: IntoIterator<Item = String>>(args: I) -> i32 {
    let argv = std::iter::once("hyde".to_string()).chain(args);
    let cli = match Cli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 1 } else { 0 };
            let _ = e.print();
            return code;
        }
    };
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    match cli.command {
        Command::Build(args) => crate::build::command(&cwd, &args.overrides()),
        Command::Serve { build, serve } => {
            crate::serve::command(&cwd, &build.overrides(), &serve.options())
        }
        Command::Clean(args) => crate::build::clean(&cwd, &args.overrides()),
        Command::Doctor(args) => crate::build::doctor(&cwd, &args.overrides()),
        Command::New {
            path,
            force,
            blank,
            skip_bundle,
        } => {
            if path.is_empty() {
                log::error("Error:", "You must specify a path.");
                return 1;
            }
            scaffold::new_site(&cwd, &path.join(" "), force, blank, skip_bundle)
        }
        Command::NewTheme {
            name,
            code_of_conduct,
        } => {
            if name.is_empty() {
                log::error("Error:", "You must specify a theme name.");
                return 1;
            }
            scaffold::new_theme(&cwd, &name.join("_"), code_of_conduct)
        }
    }
}
