//! The `.css.map` content libsass writes (JSON indented with tabs, `sourcesContent` included
//! because the converter sets `source_map_contents`).
//!
//! Sources are relative to the site source: the converter names the map
//! `<source>/<basename>.css.map`, whatever directory the page is in.

use std::path::{Component, Path, PathBuf};

use super::options::SassOptions;

pub fn render(
    css_file: &str,
    sources: &[(PathBuf, String)],
    mappings: &str,
    opts: &SassOptions,
) -> String {
    let mut out = String::from("{\n\t\"version\": 3,\n\t\"file\": ");
    out.push_str(&json_string(css_file));
    out.push_str(",\n\t\"sources\": ");
    let names: Vec<String> = sources
        .iter()
        .map(|(path, _)| relative_to(path, &opts.source_dir))
        .collect();
    out.push_str(&json_array(&names));
    if !sources.is_empty() {
        out.push_str(",\n\t\"sourcesContent\": ");
        let contents: Vec<String> = sources.iter().map(|(_, text)| text.clone()).collect();
        out.push_str(&json_array(&contents));
    }
    out.push_str(",\n\t\"names\": [],\n\t\"mappings\": ");
    out.push_str(&json_string(mappings));
    out.push_str("\n}");
    out
}

fn json_array(items: &[String]) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    let body: Vec<String> = items
        .iter()
        .map(|s| format!("\t\t{}", json_string(s)))
        .collect();
    format!("[\n{}\n\t]", body.join(",\n"))
}

/// JSON string as libsass's json.cpp writes it: the usual escapes, other control characters as
/// `\u00XX`, everything else (non-ASCII included) as is.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `path` relative to the directory `base` (both absolute), with `..` where needed.
pub(super) fn relative_to(path: &Path, base: &Path) -> String {
    let p: Vec<Component> = path.components().collect();
    let b: Vec<Component> = base.components().collect();
    let common = p.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); b.len() - common];
    parts.extend(
        p[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}
