//! Runs grass on one page: the page is served to grass as `<source>/<page name>` (the input
//! path the converter gives libsass, so relative imports resolve from the site source), every
//! file read is recorded (source map `sources`, error import chains) and SCSS sources are
//! rewritten by `preprocess` on the way in.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use super::emit::{self, SourceHints};
use super::mapping::{Mapping, Sources};
use super::options::{Implementation, SassOptions, Style};
use super::positions::{self, FileIndex};
use super::{css_tree, preprocess, Syntax};
use crate::Error;

pub struct Compiled {
    /// libsass-formatted CSS (BOM included for non-ASCII compressed output).
    pub css: String,
    /// Every source in load order, the page first: (absolute path, original text).
    pub sources: Vec<(PathBuf, String)>,
    /// Source map mappings (only when asked for).
    pub mappings: Vec<Mapping>,
}

/// Stack for the compiler thread: grass recurses once per nesting level, mixin call and import,
/// so deep (but finite) recursion that libsass accepts must not overflow the caller's stack.
const COMPILER_STACK: usize = 256 * 1024 * 1024;

/// Compiles `content`; `None` for an empty input (SassC returns it untouched).
pub fn compile(
    content: &str,
    syntax: Syntax,
    name: &str,
    page_path: &Path,
    opts: &SassOptions,
) -> Result<Option<Compiled>, Error> {
    if content.is_empty() {
        return Ok(None);
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("sass".into())
            .stack_size(COMPILER_STACK)
            .spawn_scoped(scope, || {
                // `nested` style indents rules by where they were written.
                let want_positions = opts.implementation == Implementation::Sassc
                    && (opts.sourcemap_required()
                        || opts.line_comments
                        || opts.style == Style::Nested);
                let result = compile_here(content, syntax, name, page_path, opts, want_positions);
                // Errors are reported on the sources as written (markers shift columns).
                match result {
                    Err(_) if want_positions => {
                        compile_here(content, syntax, name, page_path, opts, false)
                    }
                    other => other,
                }
            })
            .map_err(|e| Error::new(format!("cannot start the Sass compiler: {e}")))?
            .join()
            .unwrap_or_else(|_| {
                Err(Error::new(format!(
                    "{}: Sass compiler failure",
                    page_display_path(page_path, opts)
                )))
            })
    })
}

fn compile_here(
    content: &str,
    syntax: Syntax,
    name: &str,
    page_path: &Path,
    opts: &SassOptions,
    want_positions: bool,
) -> Result<Option<Compiled>, Error> {
    let entry = opts.source_dir.join(name);
    let fs = RecordingFs {
        entry: entry.clone(),
        entry_content: content.to_string(),
        entry_syntax: syntax,
        rewrite: opts.implementation == Implementation::Sassc,
        compressed: opts.style == Style::Compressed,
        nested: opts.style == Style::Nested,
        reads: RefCell::new(Vec::new()),
        hints: RefCell::new(SourceHints::default()),
        positions: want_positions.then(|| RefCell::new(Vec::new())),
    };
    let logger = WarningLogger;
    let native_style = match (opts.implementation, opts.style) {
        (Implementation::SassEmbedded, Style::Compressed) => {
            grass_compiler::OutputStyle::Compressed
        }
        _ => grass_compiler::OutputStyle::Expanded,
    };
    let options = grass_compiler::Options::default()
        .fs(&fs)
        .logger(&logger)
        .style(native_style)
        .load_paths(&opts.load_paths)
        .input_syntax(match syntax {
            Syntax::Scss => grass_compiler::InputSyntax::Scss,
            Syntax::Sass => grass_compiler::InputSyntax::Sass,
        });
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        grass_compiler::from_path(&entry, &options)
    }));
    let display_entry = page_display_path(page_path, opts);
    let grass_css = match outcome {
        Ok(Ok(css)) => css,
        Ok(Err(err)) => return Err(sass_error(*err, &fs, &display_entry, opts)),
        Err(_) => {
            return Err(Error::new(format!(
                "{display_entry}: Sass compiler failure (grass panicked on this input)"
            )))
        }
    };
    let reads = fs.reads.into_inner();
    let hints = fs.hints.into_inner();
    let scanned = fs.positions.map(|p| {
        let mut sources = Sources::new(p.into_inner());
        if opts.line_comments {
            let cwd = std::env::current_dir().unwrap_or_default();
            // The filters' input is libsass's `stdin`, named as is.
            sources.line_comment_paths = Some(
                reads
                    .iter()
                    .map(|(path, _)| match *path == entry && name == "stdin" {
                        true => "stdin".to_string(),
                        false => super::source_map::relative_to(path, &cwd),
                    })
                    .collect(),
            );
        }
        sources
    });
    let (css, mappings) = match opts.implementation {
        Implementation::SassEmbedded => (grass_css.trim_end_matches('\n').to_string(), Vec::new()),
        Implementation::Sassc => {
            let tree = css_tree::parse(&grass_css);
            emit::emit(&tree, opts.style, &hints, opts.precision, scanned.as_ref())
        }
    };
    Ok(Some(Compiled {
        css,
        sources: reads,
        mappings,
    }))
}

/// The file system grass sees: the page itself is virtual, real files are read from disk.
#[derive(Debug)]
struct RecordingFs {
    entry: PathBuf,
    entry_content: String,
    entry_syntax: Syntax,
    rewrite: bool,
    compressed: bool,
    nested: bool,
    reads: RefCell<Vec<(PathBuf, String)>>,
    hints: RefCell<SourceHints>,
    /// When a source map is made: each source of `reads` scanned (SCSS only).
    positions: Option<RefCell<Vec<Option<FileIndex>>>>,
}

impl std::fmt::Debug for SourceHints {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SourceHints").finish_non_exhaustive()
    }
}

impl RecordingFs {
    fn prepare(&self, path: &Path, text: String, scss: bool) -> Vec<u8> {
        let mut hints = self.hints.borrow_mut();
        let hints = &mut *hints;
        collect_attributes(&text, &mut hints.attributes);
        collect_nth_arguments(&text, &mut hints.nth_arguments);
        if self.nested {
            preprocess::collect_flat_selectors(&text, &mut hints.flat_selectors);
        }
        let sass = !scss
            && (path == self.entry && self.entry_syntax == Syntax::Sass
                || path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("sass")));
        let mut reads = self.reads.borrow_mut();
        let file = match reads.iter().position(|(p, _)| p == path) {
            Some(i) => i,
            None => {
                reads.push((path.to_path_buf(), text.clone()));
                reads.len() - 1
            }
        };
        drop(reads);
        let marked = match &self.positions {
            Some(positions) if scss => {
                let (index, marked) = positions::scan(&text, file);
                let mut positions = positions.borrow_mut();
                if positions.len() <= file {
                    positions.resize(file + 1, None);
                }
                positions[file] = Some(index);
                marked
            }
            _ => text.clone(),
        };
        let served = if scss && self.rewrite {
            preprocess::rewrite_scss(&marked, &mut hints.comments)
        } else if sass && self.rewrite {
            preprocess::rewrite_sass(&text, &mut hints.comments)
        } else {
            preprocess::collect_comments(&text, &mut hints.comments);
            text.clone()
        };
        if self.compressed {
            // What was written, without the source map markers.
            let unmarked = if self.positions.is_some() {
                positions::strip_markers(&served)
            } else {
                served.clone()
            };
            super::values::collect_literal_numbers(&unmarked, &mut hints.literal_numbers);
        }
        served.into_bytes()
    }
}

impl grass_compiler::Fs for RecordingFs {
    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }

    fn is_file(&self, path: &Path) -> bool {
        path == self.entry || path.is_file()
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        if path == self.entry {
            let scss = self.entry_syntax == Syntax::Scss;
            return Ok(self.prepare(path, self.entry_content.clone(), scss));
        }
        let bytes = std::fs::read(path)?;
        let text = String::from_utf8(bytes)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "Invalid UTF-8"))?;
        // libsass ignores a UTF-8 byte order mark at the start of an imported file.
        let text = text
            .strip_prefix('\u{feff}')
            .map(str::to_string)
            .unwrap_or(text);
        let scss = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("scss"));
        Ok(self.prepare(path, text, scss))
    }
}

/// Attribute selectors as written in a source, keyed by the form grass prints (quotes dropped
/// around identifier values).
fn collect_attributes(text: &str, out: &mut HashMap<String, String>) {
    static ATTR: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(
            r#"\[\s*([-\w]+)\s*([~|^$*]?=)\s*(?:"([^"\n]*)"|'([^'\n]*)')\s*(\s[iIsS])?\s*\]"#,
        )
        .expect("valid regex")
    });
    for cap in ATTR.captures_iter(text) {
        let (name, op) = (&cap[1], &cap[2]);
        let (value, quote) = match (cap.get(3), cap.get(4)) {
            (Some(v), _) => (v.as_str(), '"'),
            (_, Some(v)) => (v.as_str(), '\''),
            _ => continue,
        };
        let modifier = cap.get(5).map(|m| m.as_str().trim()).unwrap_or("");
        let modifier_part = if modifier.is_empty() {
            String::new()
        } else {
            format!(" {modifier}")
        };
        let original = format!("[{name}{op}{quote}{value}{quote}{modifier_part}]");
        let grass_form = if is_plain_identifier(value) {
            format!("[{name}{op}{value}{modifier_part}]")
        } else {
            format!("[{name}{op}\"{value}\"{modifier_part}]")
        };
        out.entry(grass_form).or_insert(original);
    }
}

/// `:nth-child(n + 3)`-style arguments as written (libsass keeps their spaces, grass drops
/// them), keyed by the argument without whitespace.
fn collect_nth_arguments(text: &str, out: &mut HashMap<String, String>) {
    static NTH: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r":nth-(?:last-)?(?:child|of-type)\(([^()#\n]*\s[^()#\n]*)\)")
            .expect("valid regex")
    });
    for cap in NTH.captures_iter(text) {
        // libsass trims An+B arguments but keeps `odd`/`even` with their spaces.
        let trimmed = cap[1].trim();
        let original = if matches!(trimmed, "odd" | "even") {
            cap[1].to_string()
        } else {
            trimmed.to_string()
        };
        let key: String = original.chars().filter(|c| !c.is_whitespace()).collect();
        out.entry(key).or_insert(original);
    }
}

fn is_plain_identifier(s: &str) -> bool {
    let body = s.trim_start_matches('-');
    let dashes = s.len() - body.len();
    dashes <= 2
        && body.chars().next().is_some_and(|c| {
            c.is_alphabetic() || c == '_' || (dashes == 2 && !c.is_ascii_digit()) || !c.is_ascii()
        })
        && body
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_' || !c.is_ascii())
}

/// The page's path for messages: relative to the site source when inside it.
fn page_display_path(page: &Path, opts: &SassOptions) -> String {
    let full = if page.is_absolute() {
        page.to_path_buf()
    } else {
        opts.source_dir.join(page)
    };
    display_path(&full, opts)
}

fn display_path(path: &Path, opts: &SassOptions) -> String {
    path.strip_prefix(&opts.source_dir)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// `path:line:col: message`, then the chain of files that imported the failing one.
fn sass_error(
    err: grass_compiler::Error,
    fs: &RecordingFs,
    entry_display: &str,
    opts: &SassOptions,
) -> Error {
    match err.kind() {
        grass_compiler::ErrorKind::ParseError { message, loc, .. } => {
            let file = PathBuf::from(loc.file.name());
            let shown = if file == fs.entry {
                entry_display.to_string()
            } else {
                display_path(&file, opts)
            };
            let position = format!("{shown}:{}:{}", loc.begin.line + 1, loc.begin.column + 1);
            let mut text = if message.starts_with("Can't find stylesheet to import") {
                // libsass's wording, and where it looked.
                let url = if loc.begin.line == loc.end.line {
                    let line = loc.file.source_line(loc.begin.line);
                    line.get(loc.begin.column..loc.end.column)
                        .unwrap_or("")
                        .trim_matches(['"', '\''])
                        .to_string()
                } else {
                    String::new()
                };
                let base = file.parent().map(Path::to_path_buf).unwrap_or_default();
                let mut searched = vec![display_or_abs(&base, opts)];
                searched.extend(opts.load_paths.iter().map(|p| display_or_abs(p, opts)));
                format!(
                    "{position}: File to import not found or unreadable: {url}. Load paths: {}",
                    searched.join(", ")
                )
            } else {
                format!("{position}: {message}")
            };
            for importer in import_chain(&file, fs) {
                let shown = if importer == fs.entry {
                    entry_display.to_string()
                } else {
                    display_path(&importer, opts)
                };
                text.push_str(&format!("\n  imported from {shown}"));
            }
            Error::new(text)
        }
        grass_compiler::ErrorKind::FromUtf8Error(msg) => Error::new(format!(
            "{entry_display}: invalid UTF-8 in a Sass source: {msg}"
        )),
        grass_compiler::ErrorKind::IoError(io) => Error::new(format!("{entry_display}: {io}")),
        _ => Error::new(format!("{entry_display}: Sass error")),
    }
}

fn display_or_abs(path: &Path, opts: &SassOptions) -> String {
    let shown = display_path(path, opts);
    if shown.is_empty() {
        ".".into()
    } else {
        shown
    }
}

/// Who imported `file`: for each file, the last source read before it whose `@import`s name
/// it, up to the page. grass does not report the chain itself.
fn import_chain(file: &Path, fs: &RecordingFs) -> Vec<PathBuf> {
    let reads = fs.reads.borrow();
    let mut chain = Vec::new();
    let mut current = file.to_path_buf();
    while current != fs.entry && chain.len() < 32 {
        let Some(pos) = reads.iter().position(|(p, _)| *p == current) else {
            break;
        };
        let stem = current
            .file_stem()
            .map(|s| s.to_string_lossy().trim_start_matches('_').to_string())
            .unwrap_or_default();
        let importer = reads[..pos].iter().rev().find(|(_, text)| {
            text.lines().any(|l| {
                l.contains(stem.as_str())
                    && (l.contains("@import")
                        || l.trim_start().starts_with('"')
                        || l.trim_start().starts_with('\''))
            })
        });
        match importer {
            Some((p, _)) => {
                chain.push(p.clone());
                current = p.clone();
            }
            None => break,
        }
    }
    chain
}

/// `@warn`/`@debug` go to standard error, as sassc prints them.
#[derive(Debug)]
struct WarningLogger;

impl grass_compiler::Logger for WarningLogger {
    fn debug(&self, location: grass_compiler::codemap::SpanLoc, message: &str) {
        eprintln!(
            "{}:{} DEBUG: {}",
            location.file.name(),
            location.begin.line + 1,
            message
        );
    }

    fn warn(&self, location: grass_compiler::codemap::SpanLoc, message: &str) {
        eprintln!(
            "WARNING: {}\n         on line {} of {}",
            message,
            location.begin.line + 1,
            location.file.name()
        );
    }
}
