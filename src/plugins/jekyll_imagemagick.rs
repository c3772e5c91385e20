//! jekyll-imagemagick (1.4): a lowest-priority generator that shells out to ImageMagick to
//! write resized copies of the images under `imagemagick.input_directories` straight into
//! the destination (`assets/img/a.jpg` → `_site/assets/img/a-480.webp`), and registers each
//! as a static file that is already in place (so `site.static_files` lists it and the
//! cleaner keeps it). An output is regenerated only when missing or not newer than its
//! source. Behaviour read from the gem's Ruby sources (it is not packaged by Debian, so the
//! oracle cannot run it).

use super::Plugin;
use crate::cli::log;
use crate::error::Result;
use crate::site::static_file::StaticFile;
use crate::site::Site;
use crate::value::{Hash, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const LOG_PREFIX: &str = "Imagemagick:";

pub struct JekyllImagemagick;

impl Plugin for JekyllImagemagick {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-imagemagick"]
    }

    /// `priority :lowest`: it runs after every other generator.
    fn priority(&self) -> i32 {
        -100
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        let config = match Settings::read(&site.config) {
            Ok(Some(c)) => c,
            Ok(None) => {
                log::info(LOG_PREFIX, "Disabled in site.config");
                return Ok(());
            }
            Err(problem) => {
                site.warn(format!(
                    "jekyll-imagemagick: {problem}; no images were generated."
                ));
                return Ok(());
            }
        };
        if !site.dest.is_dir() {
            std::fs::create_dir_all(&site.dest)
                .map_err(|e| crate::Error::at(&site.dest, None, e.to_string()))?;
        }
        let mut inputs = Vec::new();
        for dir in &config.input_directories {
            let pattern_base = ruby_join(&site.source, dir);
            log::info(LOG_PREFIX, &format!("Searching files in {pattern_base}"));
            for file in glob_images(&pattern_base) {
                let ext = crate::site::converters::ruby_extname(&file).to_lowercase();
                if config.input_formats.contains(&ext) {
                    inputs.push(file);
                }
            }
        }
        let jobs = transformations(site, &inputs, &config);
        for job in &jobs {
            if let Some(parent) = Path::new(&job.output).parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| crate::Error::at(parent, None, e.to_string()))?;
            }
        }
        let tool = converter_on_path();
        let mut generated = 0usize;
        let mut missing = Vec::new();
        for job in &jobs {
            if needs_regeneration(&job.input, &job.output) {
                let flags = config.flags_for(&job.output);
                log::info(LOG_PREFIX, &format!("Generating image \"{}\"", job.output));
                if let Some(tool) = tool {
                    run_convert(tool, job, &flags, &config.resize_flags);
                }
                generated += 1;
            }
            if !Path::new(&job.output).is_file() {
                missing.push(format!(
                    "{}/{}",
                    job.prefix.trim_matches('/'),
                    file_name(&job.output)
                ));
                continue;
            }
            let file_path = format!(
                "{}{}/{}",
                site.dest.display(),
                job.prefix,
                file_name(&job.output)
            );
            log::info(LOG_PREFIX, &format!("Adding static file {file_path}"));
            let mut sf = StaticFile::new(
                PathBuf::from(&job.output),
                &job.prefix,
                file_name(&job.output),
                None,
            );
            sf.data = site
                .defaults
                .all(sf.relative_path.trim_start_matches('/'), "");
            site.static_files.push(sf);
        }
        log::info(LOG_PREFIX, &format!("Generated {generated} file(s)"));
        if !missing.is_empty() {
            let why = match tool {
                None => "ImageMagick (`magick` or `convert`) is not on PATH",
                Some(_) => "ImageMagick failed to write them",
            };
            site.warn(format!(
                "jekyll-imagemagick: {why}; these images are missing from the site: {}",
                missing
                    .iter()
                    .map(|m| m.trim_start_matches('/'))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        Ok(())
    }
}

/// The `imagemagick` settings, merged over the gem's defaults (a shallow merge, as
/// `DEFAULTS.merge(site.config['imagemagick'])`).
#[derive(Debug, PartialEq)]
struct Settings {
    input_directories: Vec<String>,
    /// Long edges; 0 keeps the full size.
    widths: Vec<i64>,
    /// Lower-case extensions with their dot (`.png`).
    input_formats: Vec<String>,
    /// Output extension → ImageMagick flags, in configuration order.
    output_formats: Vec<(String, String)>,
    resize_flags: String,
}

impl Settings {
    /// `Ok(None)` when the plugin is disabled (its `enabled` is nil or false, the default);
    /// `Err` names a setting whose type the gem could not use (it would crash).
    fn read(config: &Hash) -> std::result::Result<Option<Settings>, String> {
        let own = match config.get("imagemagick") {
            Some(Value::Hash(h)) => (**h).clone(),
            None | Some(Value::Nil) => Hash::new(),
            Some(_) => return Err("`imagemagick` must be a mapping".into()),
        };
        if !own.get("enabled").is_some_and(Value::is_truthy) {
            return Ok(None);
        }
        let strings = |key: &str, default: &[&str]| -> std::result::Result<Vec<String>, String> {
            match own.get(key) {
                None => Ok(default.iter().map(|s| s.to_string()).collect()),
                Some(Value::Array(a)) => Ok(a.iter().map(crate::value::to_s).collect()),
                Some(_) => Err(format!("`imagemagick.{key}` must be a list")),
            }
        };
        let input_directories = strings("input_directories", &[])?;
        let input_formats = strings("input_formats", &[".png", ".tiff"])?;
        let widths = match own.get("widths") {
            None => vec![0],
            Some(Value::Array(a)) => a
                .iter()
                .map(|w| match w {
                    Value::Int(i) => Ok(*i),
                    other => Err(format!(
                        "`imagemagick.widths` must hold whole numbers, not {}",
                        crate::value::to_s(other)
                    )),
                })
                .collect::<std::result::Result<_, _>>()?,
            Some(_) => return Err("`imagemagick.widths` must be a list".into()),
        };
        let output_formats = match own.get("output_formats") {
            None => Vec::new(),
            Some(Value::Hash(h)) => h
                .iter()
                .map(|(k, v)| (k.to_string(), ruby_to_s(v)))
                .collect(),
            Some(_) => return Err("`imagemagick.output_formats` must be a mapping".into()),
        };
        let resize_flags = own.get("resize_flags").map(ruby_to_s).unwrap_or_default();
        Ok(Some(Settings {
            input_directories,
            widths,
            input_formats,
            output_formats,
            resize_flags,
        }))
    }

    /// `formats[extension]`: the flags of the output's format (nil, so empty, when the
    /// key differs from the file's extension).
    fn flags_for(&self, output: &str) -> String {
        let ext = crate::site::converters::ruby_extname(output).replacen('.', "", 1);
        self.output_formats
            .iter()
            .find(|(k, _)| *k == ext)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// Ruby's string interpolation of a value (`nil` → empty).
fn ruby_to_s(v: &Value) -> String {
    match v {
        Value::Nil => String::new(),
        other => crate::value::to_s(other),
    }
}

/// One image to write: the source, the output (absolute, under the destination), the long
/// edge, and the source's directory relative to the site source (`/assets/img`).
#[derive(Debug, PartialEq)]
struct Job {
    input: String,
    output: String,
    edge: i64,
    prefix: String,
}

/// `compute_transformations`: every input × output format × width, in that order.
fn transformations(site: &Site, inputs: &[String], config: &Settings) -> Vec<Job> {
    if config.output_formats.is_empty() {
        log::warn(LOG_PREFIX, "No output formats found!");
        return Vec::new();
    }
    let source = site.source.display().to_string();
    let dest = site.dest.display().to_string();
    let mut jobs = Vec::new();
    for input in inputs {
        let ext = crate::site::converters::ruby_extname(input);
        let stem = file_name(input);
        let stem = &stem[..stem.len() - ext.len()];
        // `File.dirname(input.sub(site.source, ''))`.
        let prefix = ruby_dirname(&input.replacen(&source, "", 1));
        for (format, _) in &config.output_formats {
            for &edge in &config.widths {
                let suffix = if edge == 0 {
                    String::new()
                } else {
                    format!("-{edge}")
                };
                let name = format!("{stem}{suffix}.{format}");
                let output = ruby_join_str(&format!("{dest}{prefix}"), &name);
                jobs.push(Job {
                    input: input.clone(),
                    output,
                    edge,
                    prefix: prefix.clone(),
                });
            }
        }
    }
    jobs
}

/// An output is (re)written when it is missing or not newer than its source.
fn needs_regeneration(input: &str, output: &str) -> bool {
    let mtime = |p: &str| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if !Path::new(output).is_file() {
        return true;
    }
    match (mtime(output), mtime(input)) {
        (Some(out), Some(inp)) => out <= inp,
        _ => true,
    }
}

/// The ImageMagick command line: `magick` (ImageMagick 7) when it is on PATH, otherwise
/// ImageMagick 6's `convert`; `None` when neither is.
fn converter_on_path() -> Option<&'static str> {
    let path = std::env::var_os("PATH")?;
    let on_path = |name: &str| {
        std::env::split_paths(&path).any(|dir| {
            let full = dir.join(name);
            full.is_file() && is_executable(&full)
        })
    };
    ["magick", "convert"].into_iter().find(|n| on_path(n))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(_path: &Path) -> bool {
    true
}

/// The shell command the gem runs: the flags are spliced in as written, so they are shell
/// words (quotes and all), exactly as with the gem's `Open3.popen3(cmd)`.
fn command_line(tool: &str, job: &Job, flags: &str, resize_flags: &str) -> String {
    let mut cmd = format!("{tool} \"{}\" {flags} ", job.input);
    if job.edge != 0 {
        // `>`: only shrink; an image already smaller than the edge keeps its size.
        cmd.push_str(&format!("-resize \"{}>\" {resize_flags} ", job.edge));
    }
    cmd.push_str(&format!("\"{}\"", job.output));
    cmd
}

fn run_convert(tool: &str, job: &Job, flags: &str, resize_flags: &str) {
    let cmd = command_line(tool, job, flags, resize_flags);
    log::debug(LOG_PREFIX, &format!("Running command \"{cmd}\""));
    let child = Command::new("/bin/sh")
        .arg("-c")
        .arg(&cmd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let result = child.and_then(|c| {
        let pid = c.id();
        c.wait_with_output().map(|out| (pid, out))
    });
    match result {
        Ok((_, out)) if out.status.success() => {}
        Ok((pid, out)) => {
            // The gem prints its `Process::Status` ("pid N exit C") and the first line of
            // standard error, newline included.
            let stderr = String::from_utf8_lossy(&out.stderr);
            let first = stderr.split_inclusive('\n').next().unwrap_or("");
            let status = match out.status.code() {
                Some(code) => format!("pid {pid} exit {code}"),
                None => format!("pid {pid} {}", out.status),
            };
            log::error(
                LOG_PREFIX,
                &format!("Command returned {status} with error {first}"),
            );
        }
        Err(e) => log::error(LOG_PREFIX, &format!("Command could not run: {e}")),
    }
}

/// `Dir[base + '**/*.*']` (the gem concatenates without a separator): with a trailing `/`
/// every non-hidden file with a dot in its name below `base`, depth first in sorted order;
/// otherwise `base`'s last part is a name prefix (`img**` globs like `img*`) and only the
/// files directly inside the matching directories count.
fn glob_images(base: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(dir) = base.strip_suffix('/') {
        walk(
            Path::new(if dir.is_empty() { "/" } else { dir }),
            true,
            &mut out,
        );
        return out;
    }
    let (parent, prefix) = match base.rsplit_once('/') {
        Some((p, n)) => (if p.is_empty() { "/" } else { p }, n),
        None => (".", base),
    };
    for entry in sorted_entries(Path::new(parent)) {
        let name = file_name(&entry);
        if name.starts_with(prefix)
            && (prefix.starts_with('.') || !name.starts_with('.'))
            && is_real_dir(Path::new(&entry))
        {
            walk(Path::new(&entry), false, &mut out);
        }
    }
    out
}

/// The files matching `*.*` in `dir`, and with `recursive` those in its non-hidden
/// subdirectories (not through symbolic links), in Ruby's sorted glob order.
fn walk(dir: &Path, recursive: bool, out: &mut Vec<String>) {
    for entry in sorted_entries(dir) {
        let name = file_name(&entry);
        if name.starts_with('.') {
            continue;
        }
        let path = Path::new(&entry);
        if recursive && is_real_dir(path) {
            walk(path, true, out);
        } else if name.contains('.') && path.exists() {
            out.push(entry);
        }
    }
}

fn is_real_dir(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_dir())
}

fn sorted_entries(dir: &Path) -> Vec<String> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let base = dir.display().to_string();
    names
        .into_iter()
        .map(|n| ruby_join_str(&base, &n))
        .collect()
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// Ruby's `File.join(source, dir)` (one `/` between the parts, a trailing one kept).
fn ruby_join(source: &Path, dir: &str) -> String {
    ruby_join_str(&source.display().to_string(), dir)
}

fn ruby_join_str(a: &str, b: &str) -> String {
    format!("{}/{}", a.trim_end_matches('/'), b.trim_start_matches('/'))
}

/// Ruby's `File.dirname`: `/assets/img/a.jpg` → `/assets/img`, `/a.jpg` → `/`,
/// `a.jpg` → `.`.
fn ruby_dirname(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(0) => "/".into(),
        Some(i) => trimmed[..i].trim_end_matches('/').to_string(),
        None if path.starts_with('/') => "/".into(),
        None => ".".into(),
    }
}

// Expected values come from the gem's Ruby sources (jekyll-imagemagick 1.4; not packaged
// by Debian), evaluated with `ruby` where they involve Ruby library behaviour.
#[cfg(test)]
mod tests {
    use super::*;

    fn config(yaml: &str) -> Hash {
        match crate::yaml::load(yaml).unwrap() {
            Value::Hash(h) => (*h).clone(),
            _ => Hash::new(),
        }
    }

    #[test]
    fn disabled_unless_enabled_is_truthy() {
        assert_eq!(Settings::read(&Hash::new()), Ok(None));
        assert_eq!(
            Settings::read(&config("imagemagick:\n  enabled: false\n")),
            Ok(None)
        );
        assert_eq!(
            Settings::read(&config("imagemagick:\n  widths: [480]\n")),
            Ok(None)
        );
    }

    #[test]
    fn defaults_fill_missing_keys() {
        let s = Settings::read(&config("imagemagick:\n  enabled: true\n"))
            .unwrap()
            .unwrap();
        assert_eq!(s.widths, vec![0]);
        assert_eq!(s.input_formats, vec![".png", ".tiff"]);
        assert!(s.input_directories.is_empty());
        assert!(s.output_formats.is_empty());
        assert_eq!(s.resize_flags, "");
    }

    #[test]
    fn al_folio_settings() {
        let s = Settings::read(&config(
            "imagemagick:\n  enabled: true\n  widths:\n    - 480\n    - 800\n    - 1400\n  input_directories:\n    - assets/img/\n  input_formats:\n    - \".jpg\"\n    - \".png\"\n  output_formats:\n    webp: \"-auto-orient -quality 85\"\n",
        ))
        .unwrap()
        .unwrap();
        assert_eq!(s.widths, vec![480, 800, 1400]);
        assert_eq!(s.input_directories, vec!["assets/img/"]);
        assert_eq!(
            s.output_formats,
            vec![("webp".to_string(), "-auto-orient -quality 85".to_string())]
        );
        assert_eq!(
            s.flags_for("/d/assets/img/a-480.webp"),
            "-auto-orient -quality 85"
        );
        assert_eq!(s.flags_for("/d/assets/img/a-480.avif"), "");
    }

    #[test]
    fn unusable_settings_are_reported() {
        let err = Settings::read(&config(
            "imagemagick:\n  enabled: true\n  widths: [\"480\"]\n",
        ));
        assert!(err.unwrap_err().contains("widths"));
        let err = Settings::read(&config(
            "imagemagick:\n  enabled: true\n  output_formats: [webp]\n",
        ));
        assert!(err.unwrap_err().contains("output_formats"));
    }

    #[test]
    fn command_line_matches_the_gem() {
        let job = Job {
            input: "/s/a.png".into(),
            output: "/d/a-480.webp".into(),
            edge: 480,
            prefix: "/".into(),
        };
        assert_eq!(
            command_line("convert", &job, "-auto-orient -quality 85", ""),
            "convert \"/s/a.png\" -auto-orient -quality 85 -resize \"480>\"  \"/d/a-480.webp\""
        );
        let full = Job { edge: 0, ..job };
        assert_eq!(
            command_line("magick", &full, "", "-strip"),
            "magick \"/s/a.png\"  \"/d/a-480.webp\""
        );
    }

    #[test]
    fn ruby_path_helpers() {
        assert_eq!(ruby_dirname("/assets/img/a.png"), "/assets/img");
        assert_eq!(ruby_dirname("/a.png"), "/");
        assert_eq!(ruby_dirname("a.png"), ".");
        assert_eq!(ruby_dirname("/x//y/"), "/x");
        assert_eq!(
            ruby_join(Path::new("/src"), "assets/img/"),
            "/src/assets/img/"
        );
        assert_eq!(ruby_join(Path::new("/src/"), "/pics"), "/src/pics");
        assert_eq!(ruby_join(Path::new("/src"), ""), "/src/");
    }

    #[test]
    fn glob_order_and_prefix_directories() {
        let root = std::env::temp_dir().join(format!("hyde-imagick-glob-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for f in [
            "img/b.png",
            "img/a.PNG",
            "img/sub/c.png",
            "img/z.png",
            "img/.hid/d.png",
            "img/.e.png",
            "img/noext",
            "images/f.png",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        let base = root.display().to_string();
        let names = |v: Vec<String>| -> Vec<String> {
            v.into_iter()
                .map(|p| p[base.len() + 1..].to_string())
                .collect()
        };
        // Ruby 3.1: Dir["ROOT/img/**/*.*"] and Dir["ROOT/img**/*.*"], Dir["ROOT/im**/*.*"].
        assert_eq!(
            names(glob_images(&format!("{base}/img/"))),
            vec!["img/a.PNG", "img/b.png", "img/sub/c.png", "img/z.png"]
        );
        assert_eq!(
            names(glob_images(&format!("{base}/img"))),
            vec!["img/a.PNG", "img/b.png", "img/z.png"]
        );
        assert_eq!(
            names(glob_images(&format!("{base}/im"))),
            vec!["images/f.png", "img/a.PNG", "img/b.png", "img/z.png"]
        );
        std::fs::remove_dir_all(&root).unwrap();
    }
}
