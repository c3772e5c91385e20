//! Reading a file's YAML front matter as Jekyll does (`Document::YAML_FRONT_MATTER_REGEXP`).

use crate::error::{Error, Result};
use crate::value::{Hash, Value};
use once_cell::sync::Lazy;
use regex::Regex;
use std::path::Path;

// Ruby: %r!\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)!m  (Ruby's /m is Rust's (?s); Ruby's ^ and $
// are always line anchors, Rust's need (?m)). `\s` is spelled out: Ruby's is ASCII only.
static FRONT_MATTER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?sm)\A(---[ \t\r\n\f\x0B]*\n.*?\n?)^((?:---|\.\.\.)[ \t\r\n\f\x0B]*$\n?)")
        .unwrap()
});

static YAML_HEADER: Lazy<Regex> = Lazy::new(|| Regex::new(r"\A---[ \t\r\n\f\x0B]*\r?\n").unwrap());

/// `Utils.has_yaml_header?`: whether the file's first line is `---`. Only the first line is
/// read, as Jekyll does, so large static files cost one small read.
pub fn has_yaml_header(path: &Path) -> bool {
    use std::io::{BufRead, BufReader};
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = Vec::new();
    if BufReader::new(f).read_until(b'\n', &mut first).is_err() {
        return false;
    }
    let first = String::from_utf8_lossy(&first);
    YAML_HEADER.is_match(&first)
}

/// Reads a text file as Jekyll does with `encoding: utf-8` (`bom|utf-8`: a BOM is dropped).
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::at(path, None, e.to_string()))?;
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..valid]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            return Err(Error::at(
                path,
                Some(line),
                "invalid byte sequence in UTF-8",
            ));
        }
    };
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// The body after the front matter block (whatever its YAML), and the line it starts on.
pub fn body_after(text: &str) -> (String, usize) {
    match FRONT_MATTER.find(text) {
        Some(m) => (
            text[m.end()..].to_string(),
            text[..m.end()].matches('\n').count() + 1,
        ),
        None => (text.to_string(), 1),
    }
}

/// A file split into front matter data and body.
pub struct Parsed {
    pub data: Option<Hash>,
    pub content: String,
    /// The 1-based line of the file where `content` starts (for error messages).
    pub content_line: usize,
}

/// Splits and parses front matter. A YAML error carries the file's line number.
pub fn parse(text: &str, path: &Path) -> Result<Parsed> {
    let Some(c) = FRONT_MATTER.captures(text) else {
        return Ok(Parsed {
            data: None,
            content: text.to_string(),
            content_line: 1,
        });
    };
    let whole = c.get(0).unwrap();
    let yaml = c.get(1).unwrap().as_str();
    let content = text[whole.end()..].to_string();
    let content_line = text[..whole.end()].matches('\n').count() + 1;
    let data = match crate::yaml::load(yaml) {
        Ok(Value::Hash(h)) => Some((*h).clone()),
        Ok(Value::Nil) => None,
        Ok(Value::Bool(false)) => None,
        Ok(_) => {
            return Err(Error::at(
                path,
                Some(1),
                format!("Invalid YAML front matter in {}", path.display()),
            ))
        }
        Err(e) => {
            return Err(Error {
                file: Some(path.to_path_buf()),
                ..e
            })
        }
    };
    Ok(Parsed {
        data,
        content,
        content_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_like_jekyll() {
        let re = &*FRONT_MATTER;
        let text = "---\ntitle: x\n---\n\n\nbody\n";
        let m = re.captures(text).unwrap();
        assert_eq!(&m[1], "---\ntitle: x\n");
        // Jekyll's `\s*$\n?` eats the blank lines after the closing dashes.
        assert_eq!(&text[m.get(0).unwrap().end()..], "body\n");
        assert!(re.captures("---\n---\nbody").is_some());
        assert!(re.captures("--- \ntitle: x\n...\nbody").is_some());
        assert!(re.captures("text\n---\n").is_none());
    }
}
