//! YAML as Jekyll 4.3 loads it: `Psych.safe_load(yaml, permitted_classes: [Date, Time],
//! aliases: true)` (Debian's Jekyll, which the project's oracle runs, calls exactly this
//! where upstream Jekyll calls `SafeYAML.load`).
//!
//! Parsing is libyaml 0.2.5 itself (unsafe-libyaml, a Rust translation; see `libyaml`), the
//! parser inside Psych, so what is accepted or rejected and how scalars are scanned match
//! Ruby by construction. Everything Psych does on top is ours: scalar resolution (`resolve`),
//! timestamps (`timestamp`), tags, aliases and merge keys (`construct`), Ruby `to_s`/`inspect`
//! (`keys`) and `to_yaml` output (`dump`).
//!
//! Errors: a syntax error reads exactly as Psych's message (`(<unknown>): did not find
//! expected key while parsing a block mapping at line 2 column 1`; [`is_syntax_error`] tells
//! it apart, as Jekyll does with `Psych::SyntaxError`); other errors carry Ruby's message
//! (`Tried to load unspecified class: Symbol` for `:sym`). `Error::line` is the 1-based line
//! in `src` of the offending text (front matter callers add the offset of its first line).
//!
//! Known differences, all from the value model: hash keys are strings (Ruby's `1:` key is
//! the Integer 1, here `"1"`; `~:` is `""`), integers beyond 64 bits are kept as their decimal
//! string, a UTC time (`Z`) is a `+00:00` time, and a node that contains an alias to itself is
//! an error instead of a self-referencing object.

mod big;
mod construct;
mod dump;
mod keys;
mod libyaml;
mod resolve;
mod timestamp;
mod tree;

#[cfg(test)]
mod tests;

pub use dump::dump;
pub use keys::{ruby_float_to_s, ruby_inspect, ruby_time_to_s};
pub use timestamp::LocalZone;

use construct::Constructor;
use tree::DocumentReader;

use crate::value::Value;
use crate::Error;

/// How to load.
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// The zone a timestamp without offset is shown in (Jekyll: the `timezone` option).
    pub local_zone: LocalZone,
}

/// The first document of `src` (as `Psych.safe_load`): `Value::Nil` when there is none.
/// Like Psych, documents after the first are not read at all, so errors there are ignored.
pub fn load(src: &str) -> Result<Value, Error> {
    load_with(src, LoadOptions::default())
}

/// [`load`] with options.
pub fn load_with(src: &str, options: LoadOptions) -> Result<Value, Error> {
    guarded(|| {
        let mut reader = DocumentReader::new(src);
        match reader.next_document()? {
            Some(root) => Constructor::new(options.local_zone).build(&root),
            None => Ok(Value::Nil),
        }
    })
}

/// Reads and loads a YAML file (`SafeYAML.load_file` in Jekyll): errors name the file, and
/// text that is not UTF-8 is an error (Ruby would fail to parse it too).
pub fn load_file(path: &std::path::Path, options: LoadOptions) -> Result<Value, Error> {
    let bytes = std::fs::read(path).map_err(|e| Error::new(e.to_string()).in_file(path))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let mut err = Error::new("invalid byte sequence in UTF-8").in_file(path);
        err.line = Some(valid.iter().filter(|b| **b == b'\n').count() + 1);
        err
    })?;
    load_with(&text, options).map_err(|e| e.in_file(path))
}

/// Every document of `src` (as `Psych.load_stream` with the safe loader's rules).
pub fn load_all(src: &str) -> Result<Vec<Value>, Error> {
    load_all_with(src, LoadOptions::default())
}

/// [`load_all`] with options.
pub fn load_all_with(src: &str, options: LoadOptions) -> Result<Vec<Value>, Error> {
    guarded(|| {
        let mut reader = DocumentReader::new(src);
        let mut roots = Vec::new();
        while let Some(root) = reader.next_document()? {
            roots.push(root);
        }
        // Aliases do not cross documents.
        roots
            .iter()
            .map(|r| Constructor::new(options.local_zone).build(r))
            .collect()
    })
}

/// True when `err` is a YAML syntax error (Ruby's `Psych::SyntaxError`) rather than an error
/// raised while building values; Jekyll words its messages differently for the two.
pub fn is_syntax_error(err: &Error) -> bool {
    err.message.starts_with("(<unknown>): ")
}

/// The parser is third-party code; should it ever panic on a strange input, report an error
/// instead of taking the whole build down.
fn guarded<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(Error::new(
            "(<unknown>): the YAML parser failed on this input",
        ))
    })
}
