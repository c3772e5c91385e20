//! jekyll-relative-links (0.7.0): in Markdown pages (and, with `collections: true`, written
//! documents), links to other source files (`[x](other.md)`, `[x]: other.md`) are rewritten
//! to those files' URLs before conversion. The plugin works on the raw Markdown text, so it
//! rewrites links inside code spans and blocks as well. `relative_links:` has `enabled`,
//! `collections` and `exclude` (globs of files to leave alone).

use super::jekyll_optional_front_matter::plugin_option;
use crate::config::ConfigExt;
use crate::error::Result;
use crate::site::entry_filter::EntryFilter;
use crate::site::Site;
use crate::value::Value;
use fancy_regex::{Captures, Regex};
use once_cell::sync::Lazy;

const CONFIG_KEY: &str = "relative_links";

/// The plugin's `LINK_REGEX`: an inline link `[text](path#frag "title")` or a reference
/// definition line `[text]: path#frag "title"`. Groups: 2–5 inline text, path, fragment,
/// title; 6–9 the same for a reference. `\s` is spelled out (Ruby's is ASCII only); the
/// second title form really opens with `"` and closes with `'`, as in the plugin.
static LINK: Lazy<Regex> = Lazy::new(|| {
    let s = r"[ \t\r\n\f\x0B]";
    let title = format!(r#"({s}+"(?:\\"|[^"])*(?<!\\)"|{s}+"(?:\\'|[^'])*(?<!\\)')?"#);
    let frag_and_title = format!("(#.+?|)?{title}");
    let inline = format!(r"\[(.*?)\]\(([^)]+?){frag_and_title}\)");
    let reference = format!(r"^{s}*?\[(.*?)\]: (.+?){frag_and_title}{s}*?$");
    Regex::new(&format!("(?m)({inline}|{reference})")).expect("valid regex")
});

/// One link found in the Markdown text.
struct Link<'a> {
    inline: bool,
    text: &'a str,
    path: &'a str,
    fragment: &'a str,
    title: &'a str,
}

impl<'a> Link<'a> {
    fn from_captures(c: &Captures<'a, str>) -> Link<'a> {
        let inline = c.get(2).is_some();
        let base = if inline { 2 } else { 6 };
        let group = |i: usize| c.get(base + i).map(|m| m.as_str()).unwrap_or("");
        Link {
            inline,
            text: group(0),
            path: group(1),
            fragment: group(2),
            title: group(3),
        }
    }

    /// The link again, pointing at `url`. A reference definition is written on a line of
    /// its own (the plugin adds a newline before it).
    fn with_url(&self, url: &str) -> String {
        if self.inline {
            format!("[{}]({url}{}{})", self.text, self.fragment, self.title)
        } else {
            format!("\n[{}]: {url}{}{}", self.text, self.fragment, self.title)
        }
    }
}

/// `CGI.unescape`: `+` is a space, `%XX` a byte; anything else stays.
fn cgi_unescape(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `path_from_root`: the link's path resolved against the linking file's directory
/// (`File.expand_path` relative to the build directory, which is then cut off). A path that
/// climbs out of that directory can match no file: `None`.
fn path_from_root(path: &str, url_base: &str) -> Option<String> {
    let (path, base) = match path.strip_prefix('/') {
        Some(p) => (p, ""),
        None => (path, url_base),
    };
    if path.starts_with('~') {
        // File.expand_path reads `~` as a home directory, outside the site.
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in base.split('/').chain(path.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// The plugin: a generator at priority `:lowest`.
pub struct JekyllRelativeLinks;

impl crate::plugins::Plugin for JekyllRelativeLinks {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-relative-links"]
    }

    fn priority(&self) -> i32 {
        -100
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// Every file a link may point at, as (relative path without a leading `/`, URL): pages,
/// static files (collection files included), then written documents.
fn potential_targets(site: &Site) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in &site.pages {
        out.push((p.relative_path(), p.url.clone()));
    }
    for f in &site.static_files {
        out.push((
            f.relative_path.trim_start_matches('/').to_string(),
            f.url.clone(),
        ));
    }
    for c in site.collections.values() {
        for d in c.docs.iter().filter(|d| d.write) {
            out.push((d.relative_path.clone(), d.url.clone()));
        }
    }
    out
}

/// Rewrites the links of one Markdown text. `url_base` is the directory of the file's
/// relative path (`File.dirname`).
pub fn rewrite(
    content: &str,
    url_base: &str,
    targets: &[(String, String)],
    baseurl: Option<&str>,
) -> String {
    let mut out = String::with_capacity(content.len());
    let mut last = 0;
    for c in LINK.captures_iter(content) {
        // A regex that gives up (backtracking limit) leaves the rest of the text as it is.
        let Ok(c) = c else { break };
        let whole = c.get(0).expect("group 0");
        out.push_str(&content[last..whole.start()]);
        last = whole.end();
        let link = Link::from_captures(&c);
        let url = replaceable(link.path)
            .then(|| path_from_root(link.path, url_base))
            .flatten()
            .and_then(|p| {
                let p = cgi_unescape(&p);
                targets.iter().find(|(rel, _)| *rel == p).map(|(_, u)| u)
            })
            .and_then(|u| crate::liquid::jekyll::relative_url(u, baseurl).ok());
        match url {
            Some(url) => out.push_str(&link.with_url(&url)),
            None => out.push_str(whole.as_str()),
        }
    }
    out.push_str(&content[last..]);
    out
}

/// Neither a fragment (`#x`) nor an absolute URL. Addressable calls a URL absolute when it
/// has a valid scheme before the first `:` (ahead of any `/`, `?`, `#`); an invalid one
/// makes it raise, which the plugin treats as "not absolute".
fn replaceable(path: &str) -> bool {
    if path.starts_with('#') {
        return false;
    }
    let end = path.find(['/', '?', '#']).unwrap_or(path.len());
    let Some(colon) = path[..end].find(':') else {
        return true;
    };
    let scheme = &path[..colon];
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-'));
    !valid
}

/// The generator.
pub fn generate(site: &mut Site) -> Result<()> {
    let option = |site: &Site, key: &str| plugin_option(site, CONFIG_KEY, key);
    if matches!(option(site, "enabled"), Some(Value::Bool(false))) {
        return Ok(());
    }
    let collections = matches!(option(site, "collections"), Some(Value::Bool(true)));
    let exclude: Option<Vec<String>> = match option(site, "exclude") {
        Some(Value::Array(a)) => Some(a.iter().map(crate::value::to_s).collect()),
        Some(Value::Str(s)) => Some(vec![s.to_string()]),
        _ => None,
    };
    let filter = EntryFilter::new(
        &site.source,
        site.config.list_of("include"),
        site.config.list_of("exclude"),
        site.flags.safe,
    );
    let excluded = |rel: &str| {
        exclude
            .as_ref()
            .is_some_and(|globs| filter.glob_include(globs, rel))
    };
    let targets = potential_targets(site);
    let baseurl = site.config.str_of("baseurl");
    for i in 0..site.pages.len() {
        let page = &site.pages[i];
        let rel = page.relative_path();
        if !site.converters.is_markdown(&page.ext) || excluded(&rel) {
            continue;
        }
        let base = crate::site::document::ruby_dirname(&rel);
        let new = rewrite(&page.raw_content, &base, &targets, baseurl.as_deref());
        site.pages[i].raw_content = new;
    }
    if !collections {
        return Ok(());
    }
    let excerpt_separator = site
        .config
        .get("excerpt_separator")
        .map(crate::value::to_s)
        .unwrap_or_else(|| "\n\n".into());
    let labels: Vec<String> = site.collections.keys().cloned().collect();
    for label in labels {
        let coll = &site.collections[&label];
        let mut updates = Vec::new();
        for (i, doc) in coll.docs.iter().enumerate() {
            if !doc.write || !site.converters.is_markdown(&doc.extname) {
                continue;
            }
            let rel = doc.relative_path.clone();
            if excluded(&rel) {
                continue;
            }
            let base = crate::site::document::ruby_dirname(&rel);
            updates.push((
                i,
                rewrite(&doc.raw_content, &base, &targets, baseurl.as_deref()),
            ));
        }
        let coll = site.collections.get_mut(&label).expect("label");
        for (i, content) in updates {
            let doc = &mut coll.docs[i];
            doc.raw_content = content;
            // The excerpt is cut again from the rewritten content.
            if doc.excerpt_source.is_some() || doc.data.get("excerpt").is_some_and(Value::is_truthy)
            {
                let separator = match doc.data.get("excerpt_separator") {
                    Some(v) if v.is_truthy() => crate::value::to_s(v),
                    _ => excerpt_separator.clone(),
                };
                doc.data.shift_remove("excerpt");
                doc.excerpt_source =
                    Some(crate::site::excerpt::extract(&doc.raw_content, &separator));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Vec<(String, String)> {
        vec![
            ("about.md".into(), "/about.html".into()),
            ("sub/other.md".into(), "/sub/other.html".into()),
            ("README.md".into(), "/".into()),
        ]
    }

    #[test]
    fn rewrites_inline_and_reference_links() {
        let t = targets();
        assert_eq!(
            rewrite("[a](about.md) [b](sub/other.md#x \"t\")", ".", &t, None),
            "[a](/about.html) [b](/sub/other.html#x \"t\")"
        );
        assert_eq!(
            rewrite("x\n\n[r]: sub/other.md\n", ".", &t, None),
            "x\n\n[r]: /sub/other.html\n"
        );
        assert_eq!(
            rewrite("[a](../about.md) [b](/about.md)", "sub", &t, Some("/base")),
            "[a](/base/about.html) [b](/base/about.html)"
        );
    }

    #[test]
    fn leaves_other_links_alone() {
        let t = targets();
        for s in [
            "[a](#frag)",
            "[a](http://x.com/about.md)",
            "[a](mailto:a@about.md)",
            "[a](nope.md)",
            "[a](../about.md)",
        ] {
            assert_eq!(rewrite(s, ".", &t, None), s);
        }
    }

    #[test]
    fn unescapes_like_cgi() {
        assert_eq!(cgi_unescape("a%20b+c%zz%4"), "a b c%zz%4");
    }
}
