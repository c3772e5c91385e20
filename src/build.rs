//! The `build`, `clean` and `doctor` commands: `Site#process` with Jekyll's messages.

use crate::cli::log;
use crate::config::{ConfigExt, Overrides};
use crate::error::{Error, Result};
use crate::site::{writer, Site};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

/// Loads the configuration and creates the site, printing Jekyll's preamble.
fn setup(cwd: &Path, overrides: &Overrides) -> Result<Site> {
    Site::new(load_config(cwd, overrides)?, cwd)
}

/// `Jekyll.configuration(override)`, printing the configuration files read and their
/// warnings as Jekyll does.
pub fn load_config(cwd: &Path, overrides: &Overrides) -> Result<crate::value::Hash> {
    let loaded = crate::config::load(cwd, overrides)?;
    let quiet = loaded.config.bool_of("quiet");
    let verbose = loaded.config.bool_of("verbose");
    log::set_verbosity(quiet, verbose);
    for f in &loaded.files_read {
        log::info("Configuration file:", &f.display().to_string());
    }
    for w in &loaded.warnings {
        if let Some(rest) = w.strip_prefix("Configuration file: ") {
            log::warn("Configuration file:", rest);
        } else {
            log::warn("", w);
        }
    }
    Ok(loaded.config)
}

/// `Site#process`: read, generate, render, then clean up and write. Nothing is written
/// unless every page rendered.
pub fn process(site: Site) -> Result<Arc<Site>> {
    process_writing(site, false).map(|(site, _)| site)
}

/// [`process`], writing only the files that changed when `only_changed` (regeneration);
/// also returns the destinations written.
pub fn process_writing(
    site: Site,
    only_changed: bool,
) -> Result<(Arc<Site>, Vec<std::path::PathBuf>)> {
    let mut site = site;
    let profile = site.config.bool_of("profile");
    let mut phases: Vec<(&str, f64)> = Vec::new();
    let mut t = Instant::now();
    let mut lap = |name: &'static str, phases: &mut Vec<(&str, f64)>| {
        phases.push((name, t.elapsed().as_secs_f64()));
        t = Instant::now();
    };
    lap("RESET", &mut phases);
    crate::plugins::load(&mut site)?;
    site.read()?;
    crate::plugins::post_read(&mut site)?;
    lap("READ", &mut phases);
    crate::plugins::generate(&mut site)?;
    crate::site::render::prepare_config(&mut site);
    lap("GENERATE", &mut phases);
    let site = Arc::new(site);
    crate::site::render::render_site(&site)?;
    lap("RENDER", &mut phases);
    let outputs = writer::outputs(&site);
    for c in writer::conflicts(&outputs) {
        log::warn("", &c);
    }
    writer::cleanup(&site, &outputs)?;
    lap("CLEANUP", &mut phases);
    let written = writer::write_outputs(&outputs, only_changed)?;
    lap("WRITE", &mut phases);
    if profile {
        let mut rows = vec![vec!["PHASE".to_string(), "TIME".to_string()]];
        let total: f64 = phases.iter().map(|(_, s)| s).sum();
        rows.extend(
            phases
                .iter()
                .map(|(n, s)| vec![n.to_string(), format!("{s:.4}")]),
        );
        rows.push(vec!["TOTAL TIME".into(), format!("{total:.4}")]);
        log::info("\nBuild Process Summary:", "");
        println!("{}", crate::site::profile::tabulate(&rows));
        log::info("\nSite Render Stats:", "");
        if let Some(p) = site.renderer.get().and_then(|r| r.profile.as_ref()) {
            println!("{}", p.stats_table());
        }
    }
    Ok((site, written))
}

pub fn print_warnings(site: &Site) {
    for w in &site.warnings {
        match w.split_once(": ") {
            Some((topic, msg)) if !topic.contains(' ') || topic.len() < 19 => {
                log::warn(&format!("{topic}:"), msg)
            }
            _ => log::warn("", w),
        }
    }
}

/// Reports an error the way Jekyll does and returns the exit code.
pub fn fail(e: &Error) -> i32 {
    if let Some((topic, msg)) = &e.jekyll_log {
        log::error(topic, msg);
    }
    log::error("Error:", &e.to_string());
    1
}

pub fn command(cwd: &Path, overrides: &Overrides) -> i32 {
    let config = match load_config(cwd, overrides) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    if let Err(code) = build_once(cwd, &config) {
        return code;
    }
    if config.bool_of("detach") {
        log::info(
            "Auto-regeneration:",
            "disabled when running server detached.",
        );
        0
    } else if config.bool_of("watch") {
        crate::serve::watch_forever(cwd, &config)
    } else {
        log::info("Auto-regeneration:", "disabled. Use --watch to enable.");
        0
    }
}

/// `Build#build`: one build with Jekyll's messages. `Err` holds the exit code.
pub fn build_once(cwd: &Path, config: &crate::value::Hash) -> std::result::Result<(), i32> {
    let site = Site::new(config.clone(), cwd).map_err(|e| fail(&e))?;
    let start = Instant::now();
    log::info("Source:", &site.source.display().to_string());
    log::info("Destination:", &site.dest.display().to_string());
    let incremental = site.config.bool_of("incremental");
    log::info(
        "Incremental build:",
        if incremental {
            "enabled"
        } else {
            "disabled. Enable with --incremental"
        },
    );
    log::info("Generating...", "");
    if site.config.bool_of("lsi") {
        log::warn(
            "LSI:",
            "hyde does not implement LSI; related_posts uses the ten most recent posts.",
        );
    }
    // `--incremental`: hyde's rebuilds are always complete (nothing can go stale, unlike
    // Jekyll's regenerator); what is incremental is the writing: files already up to date in
    // the destination are left alone.
    match process_writing(site, incremental) {
        Ok((site, _)) => {
            print_warnings(&site);
            log::info(
                "",
                &format!(
                    "done in {} seconds.",
                    // Ruby's `(Time.now - t).round(3)`: `0.5`, not `0.500`.
                    crate::value::float_to_s(
                        (start.elapsed().as_secs_f64() * 1000.0).round() / 1000.0
                    )
                ),
            );
            Ok(())
        }
        Err(e) => Err(fail(&e)),
    }
}

/// `jekyll clean`: removes the destination, `.jekyll-metadata`, the cache and `.sass-cache`.
pub fn clean(cwd: &Path, overrides: &Overrides) -> i32 {
    let site = match setup(cwd, overrides) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let cache_dir = site
        .config
        .str_of("cache_dir")
        .unwrap_or_else(|| ".jekyll-cache".into());
    let targets = [
        ("Cleaner:", site.dest.clone(), "site"),
        ("Cleaner:", site.source.join(".jekyll-metadata"), "metadata"),
        ("Cleaner:", site.source.join(&cache_dir), "cache"),
        ("Cleaner:", site.source.join(".sass-cache"), "sass cache"),
    ];
    for (topic, path, _) in targets {
        if path.exists() {
            log::info(topic, &format!("Removing {}...", path.display()));
            let res = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            if let Err(e) = res {
                return fail(&Error::at(&path, None, e.to_string()));
            }
        } else {
            log::info(topic, &format!("Nothing to do for {}.", path.display()));
        }
    }
    0
}

/// `jekyll doctor`: reads and renders the site without writing, and reports conflicting
/// destinations and URLs.
pub fn doctor(cwd: &Path, overrides: &Overrides) -> i32 {
    let mut site = match setup(cwd, overrides) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    if let Err(e) = crate::plugins::load(&mut site)
        .and_then(|_| site.read())
        .and_then(|_| crate::plugins::post_read(&mut site))
        .and_then(|_| crate::plugins::generate(&mut site))
    {
        return fail(&e);
    }
    let outputs = writer::outputs(&site);
    let conflicts = writer::conflicts(&outputs);
    for c in &conflicts {
        log::warn("", c);
    }
    if conflicts.is_empty() {
        log::info("Your test results", "are in. Everything looks fine.");
        0
    } else {
        1
    }
}
