//! jekyll-readme-index (0.3.0): a directory's README (a Markdown file without front matter,
//! so a static file) becomes its index page when the directory has none. `readme_index:`
//! `enabled: false` turns it off, `remove_originals: true` stops copying the README itself,
//! `with_frontmatter: true` also moves READMEs that have front matter to their directory's URL.

use super::jekyll_optional_front_matter::{page_from_static_file, plugin_option};
use crate::config::ConfigExt;
use crate::error::Result;
use crate::site::document::ruby_dirname;
use crate::site::page::Page;
use crate::site::Site;
use crate::value::{Hash, Value};
use regex::Regex;

const CONFIG_KEY: &str = "readme_index";

/// `/readme(.md|.markdown|...)$` over the site's Markdown extensions: `readme` in any case,
/// the extension only lower-case (the plugin embeds `Regexp.union` of the extensions, which
/// keeps its own case-sensitive flags).
fn readme_regex(site: &Site) -> Regex {
    let exts: Vec<String> = site
        .config
        .str_of("markdown_ext")
        .unwrap_or_default()
        .split(',')
        .map(|e| regex::escape(&format!(".{}", e.to_lowercase())))
        .collect();
    Regex::new(&format!("(?i)/readme(?-i:{})$", exts.join("|"))).expect("escaped pattern")
}

/// `dir_has_index?`: a page or static file whose URL is the directory itself or an
/// `index.html`/`.htm`/`.xhtml`/`.xml` in it.
fn dir_has_index(site: &Site, dir: &str) -> bool {
    let mut dir = dir.to_string();
    if !dir.ends_with('/') {
        dir.push('/');
    }
    let re = Regex::new(&format!(
        r"(?i)^{}(?:$|index\.(?:html?|xhtml|xml)$)",
        regex::escape(&dir)
    ))
    .expect("escaped pattern");
    site.pages.iter().any(|p| re.is_match(&p.url))
        || site.static_files.iter().any(|f| re.is_match(&f.url))
}

/// The permalink that puts a file at its directory's URL: `File.dirname(url) + "/"`.
fn directory_permalink(url: &str) -> Value {
    Value::str(format!("{}/", ruby_dirname(url)))
}

/// `Page#update_permalink`: the page again, with the directory permalink in its front matter.
fn with_directory_permalink(site: &Site, page: &Page) -> Result<Page> {
    let mut data = page.data.clone();
    data.insert("permalink".into(), directory_permalink(&page.url));
    let defaults = site.defaults.all(&page.relative_path(), "pages");
    Page::new(
        page.path.clone(),
        &page.dir,
        &page.name,
        data,
        defaults,
        page.raw_content.clone(),
        page.content_line,
        &site.converters,
        &site.permalink_style,
    )
}

/// The plugin: a generator at priority `:low`.
pub struct JekyllReadmeIndex;

impl crate::plugins::Plugin for JekyllReadmeIndex {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-readme-index"]
    }

    fn priority(&self) -> i32 {
        -10
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// The generator.
pub fn generate(site: &mut Site) -> Result<()> {
    let option = |site: &Site, key: &str| plugin_option(site, CONFIG_KEY, key);
    if matches!(option(site, "enabled"), Some(Value::Bool(false))) {
        return Ok(());
    }
    let cleanup = matches!(option(site, "remove_originals"), Some(Value::Bool(true)));
    let with_frontmatter = matches!(option(site, "with_frontmatter"), Some(Value::Bool(true)));
    let re = readme_regex(site);
    let readmes: Vec<String> = site
        .static_files
        .iter()
        .filter(|f| re.is_match(&f.relative_path))
        .map(|f| f.relative_path.clone())
        .collect();
    for rel in readmes {
        let Some(i) = site
            .static_files
            .iter()
            .position(|f| f.relative_path == rel)
        else {
            continue;
        };
        if dir_has_index(site, &ruby_dirname(&site.static_files[i].url)) {
            continue;
        }
        let mut extra = Hash::new();
        extra.insert(
            "permalink".into(),
            directory_permalink(&site.static_files[i].url),
        );
        let page = page_from_static_file(site, &site.static_files[i], extra)?;
        site.pages.push(page);
        // Collection files are written with their collection even when removed from
        // `site.static_files` (hyde writes them from that list, so they stay).
        if cleanup && site.static_files[i].collection.is_none() {
            site.static_files.remove(i);
        }
    }
    if with_frontmatter {
        for i in 0..site.pages.len() {
            let path = format!("/{}", crate::value::to_s(&site.pages[i].liquid_path()));
            if !re.is_match(&path) {
                continue;
            }
            if dir_has_index(site, &ruby_dirname(&site.pages[i].url)) {
                continue;
            }
            site.pages[i] = with_directory_permalink(site, &site.pages[i])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_permalinks_follow_ruby_dirname() {
        // File.dirname("/README.md") is "/", so the root README's permalink is "//".
        assert_eq!(crate::value::to_s(&directory_permalink("/README.md")), "//");
        assert_eq!(
            crate::value::to_s(&directory_permalink("/docs/README.md")),
            "/docs/"
        );
        // A page already at its directory's URL moves up one level (the plugin's quirk).
        assert_eq!(crate::value::to_s(&directory_permalink("/docs/")), "//");
    }
}
