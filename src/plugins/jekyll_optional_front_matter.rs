//! jekyll-optional-front-matter (0.3.2): Markdown files without front matter, which Jekyll
//! reads as static files, also become pages (`about.md` → `about.html`). Files named like
//! repository boilerplate (README, LICENSE, ...) stay static unless `include` names them.
//! `optional_front_matter: {enabled: false}` turns it off; `remove_originals: true` (or
//! `require_front_matter`) stops copying the Markdown sources.

use crate::config::ConfigExt;
use crate::error::Result;
use crate::site::entry_filter::EntryFilter;
use crate::site::page::Page;
use crate::site::static_file::StaticFile;
use crate::site::Site;
use crate::value::{Hash, Value};

/// Base names (compared upper-cased) that stay static files.
const FILENAME_BLACKLIST: &[&str] = &[
    "README",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "CODE_OF_CONDUCT",
    "CONTRIBUTING",
    "ISSUE_TEMPLATE",
    "PULL_REQUEST_TEMPLATE",
];

/// `site.config[plugin_key][key]`, nil when the plugin's config is not a hash.
pub fn plugin_option(site: &Site, plugin_key: &str, key: &str) -> Option<Value> {
    match site.config.get(plugin_key) {
        Some(Value::Hash(h)) => h.get(key).cloned(),
        _ => None,
    }
}

/// Whether the Markdown converter matches the static file's extension. Collection files
/// count too: Jekyll lists them in `site.static_files`.
pub fn is_markdown_static(site: &Site, file: &StaticFile) -> bool {
    site.converters.is_markdown(&file.extname)
}

/// `Jekyll::Page.new(site, base, dir, name)` for a static file's source: the file is read
/// again as a page (without front matter, the whole file is its content). `extra` is front
/// matter set on the new page right after it is created (readme-index's `permalink`).
pub fn page_from_static_file(site: &Site, file: &StaticFile, extra: Hash) -> Result<Page> {
    let rel = file.relative_path.trim_start_matches('/');
    let dir = match file.relative_path.rfind('/') {
        Some(i) => file.relative_path[..i].to_string(),
        None => String::new(),
    };
    let text = crate::site::frontmatter::read_text(&file.path)?;
    let parsed = crate::site::frontmatter::parse(&text, &file.path)?;
    let mut data = parsed.data.unwrap_or_default();
    for (k, v) in extra {
        data.insert(k, v);
    }
    let defaults = site.defaults.all(rel, "pages");
    Page::new(
        Some(file.path.clone()),
        &dir,
        &file.name,
        data,
        defaults,
        parsed.content,
        parsed.content_line,
        &site.converters,
        &site.permalink_style,
    )
}

/// `EntryFilter#included?` against the site's `include` list.
pub fn whitelisted(site: &Site, relative_path: &str) -> bool {
    let filter = EntryFilter::new(
        &site.source,
        site.config.list_of("include"),
        site.config.list_of("exclude"),
        site.flags.safe,
    );
    filter.included(relative_path)
}

/// Whether a file with this base name and relative path stays a static file. The plugin
/// checks pages by their relative path (`about.md`) and static files by theirs (`/about.md`).
fn blacklisted(site: &Site, basename: &str, relative_path: &str) -> bool {
    if matches!(site.config.get("include"), Some(Value::Array(_)))
        && whitelisted(site, relative_path)
    {
        return false;
    }
    FILENAME_BLACKLIST.contains(&basename.to_uppercase().as_str())
}

/// The plugin: a generator at priority `:normal`.
pub struct JekyllOptionalFrontMatter;

impl crate::plugins::Plugin for JekyllOptionalFrontMatter {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-optional-front-matter"]
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// The generator.
pub fn generate(site: &mut Site) -> Result<()> {
    let require_front_matter = site
        .config
        .get("require_front_matter")
        .is_some_and(Value::is_truthy);
    let disabled = matches!(
        plugin_option(site, "optional_front_matter", "enabled"),
        Some(Value::Bool(false))
    ) || require_front_matter;
    if disabled {
        return Ok(());
    }
    let cleanup = matches!(
        plugin_option(site, "optional_front_matter", "remove_originals"),
        Some(Value::Bool(true))
    ) || require_front_matter;
    let mut new_pages = Vec::new();
    let mut remove = Vec::new();
    for (i, file) in site.static_files.iter().enumerate() {
        if !is_markdown_static(site, file) {
            continue;
        }
        // A collection's files are written with its documents even once they leave
        // `site.static_files`, so they stay (hyde writes them from that list).
        if file.collection.is_none() && !blacklisted(site, file.basename(), &file.relative_path) {
            remove.push(i);
        }
        let page = page_from_static_file(site, file, Hash::new())?;
        if !blacklisted(site, &page.basename, &page.relative_path()) {
            new_pages.push(page);
        }
    }
    site.pages.extend(new_pages);
    if cleanup {
        let mut i = 0;
        site.static_files.retain(|_| {
            let keep = !remove.contains(&i);
            i += 1;
            keep
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blacklist_is_case_insensitive() {
        assert!(FILENAME_BLACKLIST.contains(&"readme".to_uppercase().as_str()));
        assert!(FILENAME_BLACKLIST.contains(&"Code_Of_Conduct".to_uppercase().as_str()));
        assert!(!FILENAME_BLACKLIST.contains(&"about".to_uppercase().as_str()));
    }
}
