//! Configuration exactly as Jekyll builds it: `DEFAULTS` < config files (in order) < command
//! line overrides, then the default collections and excludes.

pub mod defaults;

use crate::error::{Error, Result};
use crate::value::{Hash, Value};
use std::path::{Path, PathBuf};

/// Jekyll's `Configuration::DEFAULTS`, in Jekyll's key order (it shows in `site | jsonify`).
pub fn jekyll_defaults(cwd: &Path) -> Hash {
    let mut h = Hash::new();
    let s = |v: &str| Value::str(v);
    let arr = |v: &[&str]| Value::array(v.iter().map(|x| Value::str(*x)).collect());
    h.insert("source".into(), s(&cwd.to_string_lossy()));
    h.insert(
        "destination".into(),
        s(&cwd.join("_site").to_string_lossy()),
    );
    h.insert("collections_dir".into(), s(""));
    h.insert("cache_dir".into(), s(".jekyll-cache"));
    h.insert("plugins_dir".into(), s("_plugins"));
    h.insert("layouts_dir".into(), s("_layouts"));
    h.insert("data_dir".into(), s("_data"));
    h.insert("includes_dir".into(), s("_includes"));
    h.insert("collections".into(), Value::empty_hash());
    h.insert("safe".into(), Value::Bool(false));
    h.insert("include".into(), arr(&[".htaccess"]));
    h.insert("exclude".into(), arr(&[]));
    h.insert("keep_files".into(), arr(&[".git", ".svn"]));
    h.insert("encoding".into(), s("utf-8"));
    h.insert("markdown_ext".into(), s("markdown,mkdown,mkdn,mkd,md"));
    h.insert("strict_front_matter".into(), Value::Bool(false));
    h.insert("show_drafts".into(), Value::Nil);
    h.insert("limit_posts".into(), Value::Int(0));
    h.insert("future".into(), Value::Bool(false));
    h.insert("unpublished".into(), Value::Bool(false));
    h.insert("whitelist".into(), arr(&[]));
    h.insert("plugins".into(), arr(&[]));
    h.insert("markdown".into(), s("kramdown"));
    h.insert("highlighter".into(), s("rouge"));
    h.insert("lsi".into(), Value::Bool(false));
    h.insert("excerpt_separator".into(), s("\n\n"));
    h.insert("incremental".into(), Value::Bool(false));
    h.insert("detach".into(), Value::Bool(false));
    h.insert("port".into(), s("4000"));
    h.insert("host".into(), s("127.0.0.1"));
    h.insert("baseurl".into(), Value::Nil);
    h.insert("show_dir_listing".into(), Value::Bool(false));
    h.insert("permalink".into(), s("date"));
    h.insert("paginate_path".into(), s("/page:num"));
    h.insert("timezone".into(), Value::Nil);
    h.insert("quiet".into(), Value::Bool(false));
    h.insert("verbose".into(), Value::Bool(false));
    h.insert("defaults".into(), arr(&[]));
    let mut liquid = Hash::new();
    liquid.insert("error_mode".into(), s("warn"));
    liquid.insert("strict_filters".into(), Value::Bool(false));
    liquid.insert("strict_variables".into(), Value::Bool(false));
    h.insert("liquid".into(), Value::hash(liquid));
    let mut kd = Hash::new();
    kd.insert("auto_ids".into(), Value::Bool(true));
    kd.insert(
        "toc_levels".into(),
        Value::array((1..=6).map(Value::Int).collect()),
    );
    kd.insert("entity_output".into(), s("as_char"));
    kd.insert("smart_quotes".into(), s("lsquo,rsquo,ldquo,rdquo"));
    kd.insert("input".into(), s("GFM"));
    kd.insert("hard_wrap".into(), Value::Bool(false));
    kd.insert("guess_lang".into(), Value::Bool(true));
    kd.insert("footnote_nr".into(), Value::Int(1));
    kd.insert("show_warnings".into(), Value::Bool(false));
    h.insert("kramdown".into(), Value::hash(kd));
    h
}

const DEFAULT_EXCLUDES: &[&str] = &[
    ".sass-cache",
    ".jekyll-cache",
    "gemfiles",
    "Gemfile",
    "Gemfile.lock",
    "node_modules",
    "vendor/bundle/",
    "vendor/cache/",
    "vendor/gems/",
    "vendor/ruby/",
];

/// `Utils.deep_merge_hashes`: like [`deep_merge`] but a `nil` in the overlay keeps the old value.
pub fn jekyll_merge(base: &mut Hash, overlay: &Hash) {
    for (k, v) in overlay {
        match (base.get_mut(k), v) {
            (Some(_), Value::Nil) => {}
            (Some(Value::Hash(b)), Value::Hash(o)) => {
                jekyll_merge(std::sync::Arc::make_mut(b), o);
            }
            (Some(slot), _) => *slot = v.clone(),
            (None, _) => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

/// What the command line contributes: the `override` hash Jekyll builds from flags, plus the
/// list of config files (`--config a.yml,b.yml`).
#[derive(Default, Clone, Debug)]
pub struct Overrides {
    pub values: Hash,
    pub config_files: Vec<String>,
}

/// A loaded configuration plus the messages Jekyll prints while loading it.
pub struct Loaded {
    pub config: Hash,
    pub files_read: Vec<PathBuf>,
    pub warnings: Vec<String>,
}

/// `Jekyll.configuration(override)`.
pub fn load(cwd: &Path, overrides: &Overrides) -> Result<Loaded> {
    let mut config = jekyll_defaults(cwd);
    let mut warnings = Vec::new();
    let mut files_read = Vec::new();
    let source = overrides
        .values
        .get("source")
        .and_then(Value::as_str)
        .map(|s| cwd.join(s))
        .unwrap_or_else(|| cwd.to_path_buf());

    let explicit = !overrides.config_files.is_empty();
    let files: Vec<PathBuf> = if explicit {
        overrides.config_files.iter().map(|f| cwd.join(f)).collect()
    } else {
        let ext = ["yml", "yaml", "toml"]
            .into_iter()
            .find(|e| source.join(format!("_config.{e}")).exists())
            .unwrap_or("yml");
        vec![source.join(format!("_config.{ext}"))]
    };
    for file in files {
        match read_config_file(&file) {
            Ok(Some(h)) => {
                files_read.push(file.clone());
                jekyll_merge(&mut config, &h);
            }
            Ok(None) => {
                if explicit {
                    return Err(Error::new(format!(
                        "The Configuration file '{}' could not be found.",
                        file.display()
                    )));
                }
                warnings.push("Configuration file: none".into());
            }
            Err(e) if e.message.starts_with("Configuration file: (INVALID)") => {
                // Jekyll warns and goes on with the defaults for an invalid (non-hash) file.
                warnings.push(format!(
                    "WARNING: Error reading configuration. Using defaults (and options).\n{}",
                    e.message
                ));
            }
            Err(e) => return Err(e),
        }
    }
    validate(&config)?;
    add_default_collections(&mut config);
    jekyll_merge(&mut config, &overrides.values);
    add_default_collections(&mut config);
    add_default_excludes(&mut config);
    Ok(Loaded {
        config,
        files_read,
        warnings,
    })
}

/// Reads one config file; `Ok(None)` when it does not exist.
fn read_config_file(path: &Path) -> Result<Option<Hash>> {
    let text = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(_) => return Ok(None),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let value = match ext.as_str() {
        "toml" => crate::data::load_toml(text).map_err(|e| e.in_file(path))?,
        "yml" | "yaml" => crate::yaml::load(text).map_err(|e| e.in_file(path))?,
        _ => {
            return Err(Error::at(
                path,
                None,
                format!(
                    "No parser for '{}' is available. Use a .y(a)ml or .toml file instead.",
                    path.display()
                ),
            ))
        }
    };
    match value {
        Value::Hash(h) => Ok(Some((*h).clone())),
        Value::Nil => Ok(Some(Hash::new())),
        _ => Err(Error::new(format!(
            "Configuration file: (INVALID) {}",
            path.display()
        ))),
    }
}

fn validate(config: &Hash) -> Result<()> {
    for key in ["include", "exclude"] {
        if let Some(v) = config.get(key) {
            if !matches!(v, Value::Array(_)) {
                return Err(Error::new(format!(
                    "'{key}' should be set as an array, but was: {}.",
                    crate::value::inspect(v)
                )));
            }
        }
    }
    if let Some(v) = config.get("plugins") {
        if !matches!(v, Value::Array(_)) {
            return Err(Error::new(format!(
                "'plugins' should be set as an array, but was: {}.",
                crate::value::inspect(v)
            )));
        }
    }
    Ok(())
}

/// `STYLE_TO_PERMALINK`: the built-in permalink styles; anything else is a template.
pub fn style_to_permalink(style: &str) -> String {
    match style {
        "none" => "/:categories/:title:output_ext".into(),
        "date" => "/:categories/:year/:month/:day/:title:output_ext".into(),
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext".into(),
        "pretty" => "/:categories/:year/:month/:day/:title/".into(),
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext".into(),
        other => other.into(),
    }
}

fn add_default_collections(config: &mut Hash) {
    let collections = match config.get("collections") {
        None | Some(Value::Nil) => return,
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| (crate::value::to_s(v), Value::empty_hash()))
            .collect::<Hash>(),
        Some(Value::Hash(h)) => (**h).clone(),
        Some(_) => return,
    };
    let mut merged = Hash::new();
    merged.insert("posts".into(), Value::empty_hash());
    jekyll_merge(&mut merged, &collections);
    let permalink = config.get("permalink").cloned();
    if let Some(Value::Hash(posts)) = merged.get_mut("posts") {
        let posts = std::sync::Arc::make_mut(posts);
        posts.insert("output".into(), Value::Bool(true));
        if let Some(p) = permalink.filter(Value::is_truthy) {
            if !posts.get("permalink").is_some_and(Value::is_truthy) {
                let style = crate::value::to_s(&p);
                posts.insert("permalink".into(), Value::str(style_to_permalink(&style)));
            }
        }
    } else {
        merged.insert("posts".into(), {
            let mut p = Hash::new();
            p.insert("output".into(), Value::Bool(true));
            Value::hash(p)
        });
    }
    config.insert("collections".into(), Value::hash(merged));
}

fn add_default_excludes(config: &mut Hash) {
    if let Some(Value::Array(a)) = config.get_mut("exclude") {
        let a = std::sync::Arc::make_mut(a);
        for e in DEFAULT_EXCLUDES {
            if !a.iter().any(|v| v.as_str() == Some(e)) {
                a.push(Value::str(*e));
            }
        }
        let mut seen = Vec::new();
        a.retain(|v| {
            let s = crate::value::to_s(v);
            if seen.contains(&s) {
                false
            } else {
                seen.push(s);
                true
            }
        });
    }
}

/// Typed read access to the merged configuration hash.
pub trait ConfigExt {
    fn str_of(&self, key: &str) -> Option<String>;
    fn bool_of(&self, key: &str) -> bool;
    fn list_of(&self, key: &str) -> Vec<String>;
}

impl ConfigExt for Hash {
    fn str_of(&self, key: &str) -> Option<String> {
        match self.get(key) {
            None | Some(Value::Nil) => None,
            Some(v) => Some(crate::value::to_s(v)),
        }
    }

    fn bool_of(&self, key: &str) -> bool {
        self.get(key).is_some_and(Value::is_truthy)
    }

    fn list_of(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
            Some(Value::Str(s)) => vec![s.to_string()],
            _ => Vec::new(),
        }
    }
}
