//! `_data` as Jekyll 4.3's DataReader builds `site.data`, and `_config.toml`.
//!
//! - Files: `*.yaml`, `*.yml`, `*.json` (all three through the YAML loader, as Jekyll reads
//!   JSON with Psych too: `1e5` stays a string, key order is kept), `*.csv`, `*.tsv`.
//! - Order and precedence: Ruby globs `*.{yaml,yml,json,csv,tsv}` (each extension's files
//!   sorted, in that extension order) and then the subdirectories; a later entry with the same
//!   key replaces the value but keeps the position of the first. So `a.json` beats `a.yml`,
//!   which beats `a.yaml`, and a directory `a/` beats them all.
//! - Keys: the file's base name without its last extension, sanitised like Jekyll's
//!   `sanitize_filename` (`my data.yml` → `my_data`, `my.data.yml` → `mydata`).
//! - Dotfiles are not read; in `safe` mode symlinks leading out of the source are skipped.

mod converters;
mod csv;
mod sanitize;
mod toml;

pub use self::csv::{read_csv, CsvOptions, Headers};
pub use self::toml::load_toml;
pub use converters::Converter;
pub use sanitize::sanitize_filename;

use std::fs;
use std::path::{Path, PathBuf};

use crate::value::{Hash, Value};
use crate::yaml::{self, LoadOptions};
use crate::Error;

const DATA_EXTENSIONS: [&str; 5] = ["yaml", "yml", "json", "csv", "tsv"];

/// Reads a `_data` directory into the value of `site.data`. A missing directory is an empty
/// hash, as in Jekyll.
pub fn read_data_dir(dir: &Path, config: &Value) -> Result<Value, Error> {
    read_data_dir_with(dir, config, LoadOptions::default())
}

/// [`read_data_dir`] with the YAML options (the local zone for timestamps).
pub fn read_data_dir_with(
    dir: &Path,
    config: &Value,
    yaml_options: LoadOptions,
) -> Result<Value, Error> {
    let reader = DataReader::new(dir, config, yaml_options)?;
    let mut data = Hash::new();
    reader.read_into(dir, &mut data)?;
    Ok(Value::hash(data))
}

/// Reads one data file as Jekyll's `DataReader#read_data_file` would (by its extension).
pub fn read_data_file(
    path: &Path,
    config: &Value,
    yaml_options: LoadOptions,
) -> Result<Value, Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    DataReader::new(dir, config, yaml_options)?
        .read_file(path)
        .map_err(|e| e.in_file(path))
}

struct DataReader {
    csv: CsvOptions,
    tsv: CsvOptions,
    encoding: Encoding,
    yaml_options: LoadOptions,
    /// In safe mode, the canonical source directory symlinks must stay inside.
    safe_root: Option<PathBuf>,
}

impl DataReader {
    fn new(dir: &Path, config: &Value, yaml_options: LoadOptions) -> Result<Self, Error> {
        let encoding = Encoding::from_config(config.get("encoding").as_ref())?;
        let safe_root = if config.get("safe").is_some_and(|v| v.is_truthy()) {
            let source = match config.get("source") {
                Some(Value::Str(s)) => PathBuf::from(&*s),
                _ => dir.parent().map(Path::to_path_buf).unwrap_or_default(),
            };
            Some(fs::canonicalize(&source).unwrap_or(source))
        } else {
            None
        };
        Ok(DataReader {
            csv: csv_options(config, "csv_reader", ',')?,
            tsv: csv_options(config, "tsv_reader", '\t')?,
            encoding,
            yaml_options,
            safe_root,
        })
    }

    /// Jekyll's `EntryFilter#symlink?`: only in safe mode, a symlink resolving outside the
    /// source.
    fn is_forbidden_symlink(&self, path: &Path) -> bool {
        let Some(root) = &self.safe_root else {
            return false;
        };
        let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        is_link && !fs::canonicalize(path).is_ok_and(|real| real.starts_with(root))
    }

    fn read_into(&self, dir: &Path, data: &mut Hash) -> Result<(), Error> {
        if !dir.is_dir() || self.is_forbidden_symlink(dir) {
            return Ok(());
        }
        for entry in data_entries(dir)? {
            let path = dir.join(&entry);
            if self.is_forbidden_symlink(&path) {
                continue;
            }
            if path.is_dir() {
                let mut sub = Hash::new();
                self.read_into(&path, &mut sub)?;
                data.insert(sanitize_filename(&entry), Value::hash(sub));
            } else {
                let stem = match entry.rfind('.') {
                    Some(i) if i > 0 => &entry[..i],
                    _ => entry.as_str(),
                };
                let value = self.read_file(&path).map_err(|e| e.in_file(&path))?;
                data.insert(sanitize_filename(stem), value);
            }
        }
        Ok(())
    }

    fn read_file(&self, path: &Path) -> Result<Value, Error> {
        let bytes = fs::read(path)?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            // Ruby CSV reads with the configured encoding and no BOM handling: a BOM stays
            // in the first header.
            "csv" => read_csv(&self.encoding.decode(&bytes, false)?, &self.csv),
            "tsv" => read_csv(&self.encoding.decode(&bytes, false)?, &self.tsv),
            _ => yaml::load_with(&self.encoding.decode(&bytes, true)?, self.yaml_options),
        }
    }
}

/// The entries Jekyll reads in a directory, in its order: the data files of each extension
/// (sorted by byte value, extension by extension), then every subdirectory. Names starting
/// with a dot are not matched by Ruby's `*`.
fn data_entries(dir: &Path) -> Result<Vec<String>, Error> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| Error::new(e.to_string()).in_file(dir))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let mut entries = Vec::new();
    for ext in DATA_EXTENSIONS {
        let suffix = format!(".{ext}");
        entries.extend(names.iter().filter(|n| n.ends_with(&suffix)).cloned());
    }
    entries.extend(names.iter().filter(|n| dir.join(n).is_dir()).cloned());
    Ok(entries)
}

/// `csv_reader`/`tsv_reader`: `csv_converters` (names), `headers` (default true), and the
/// column separator (a tab for TSV).
fn csv_options(config: &Value, key: &str, col_sep: char) -> Result<CsvOptions, Error> {
    let reader = config.get(key).unwrap_or(Value::Nil);
    let mut converters = Vec::new();
    if let Some(Value::Array(names)) = reader.get("csv_converters") {
        for name in names.iter() {
            let name = match name {
                Value::Str(s) => s.to_string(),
                other => crate::yaml::ruby_inspect(other),
            };
            converters.extend(Converter::by_name(&name)?);
        }
    }
    let headers = match reader.get("headers") {
        None | Some(Value::Bool(true)) => Headers::FirstRow,
        Some(Value::Nil | Value::Bool(false)) => Headers::None,
        Some(Value::Array(names)) => Headers::Given(names.to_vec()),
        Some(_) => Headers::FirstRow,
    };
    Ok(CsvOptions {
        col_sep,
        headers,
        converters,
    })
}

/// The `encoding` option, for the encodings whose text we can decode.
#[derive(Clone, Copy, Debug)]
enum Encoding {
    Utf8,
    Latin1,
}

impl Encoding {
    fn from_config(v: Option<&Value>) -> Result<Self, Error> {
        let name = match v {
            Some(Value::Str(s)) => s.to_ascii_lowercase(),
            _ => return Ok(Encoding::Utf8),
        };
        match name.trim_start_matches("bom|") {
            "utf-8" | "utf8" => Ok(Encoding::Utf8),
            "iso-8859-1" | "iso8859-1" | "latin1" | "binary" | "ascii-8bit" => Ok(Encoding::Latin1),
            other => Err(Error::new(format!("unsupported encoding: {other}"))),
        }
    }

    /// The file's text; `strip_bom`: Jekyll reads YAML with `bom|<encoding>`.
    fn decode(self, bytes: &[u8], strip_bom: bool) -> Result<String, Error> {
        match self {
            Encoding::Utf8 => {
                let bytes = if strip_bom {
                    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
                } else {
                    bytes
                };
                String::from_utf8(bytes.to_vec()).map_err(|e| {
                    let line = bytes[..e.utf8_error().valid_up_to()]
                        .iter()
                        .filter(|b| **b == b'\n')
                        .count()
                        + 1;
                    let mut err = Error::new("invalid byte sequence in UTF-8");
                    err.line = Some(line);
                    err
                })
            }
            Encoding::Latin1 => Ok(bytes.iter().map(|&b| b as char).collect()),
        }
    }
}

#[cfg(test)]
mod tests;
