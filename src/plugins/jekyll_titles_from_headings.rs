//! jekyll-titles-from-headings (0.5.3): a Markdown page without a `title` takes the text of
//! its first heading (ATX `#`–`###` or Setext) as its title. `titles_from_headings:` has
//! `enabled`, `strip_title` (remove that heading from the content; a page's own
//! `strip_title` front matter wins) and `collections` (documents too — whose titles, always
//! inferred by Jekyll, the heading then replaces even when front matter sets one).

use super::jekyll_optional_front_matter::plugin_option;
use crate::error::Result;
use crate::site::Site;
use crate::value::{Hash, Value};
use once_cell::sync::Lazy;
use regex::Regex;

const CONFIG_KEY: &str = "titles_from_headings";

/// The plugin's `TITLE_REGEX`: leading whitespace, then an ATX heading of one to three `#`
/// or a line underlined with `-`/`=`. `\s` is spelled out: Ruby's is ASCII only.
static TITLE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?m)\A[ \t\r\n\f\x0B]*(?:\#{1,3}[ \t\r\n\f\x0B]+(.*)(?:[ \t\r\n\f\x0B]+\#{1,3})?|(.*)\r?\n[-=]+[ \t\r\n\f\x0B]*)$",
    )
    .expect("valid regex")
});

/// Footnote markers markdownify leaves in a heading's text (`[^1]`).
static FOOTNOTE: Lazy<Regex> = Lazy::new(|| Regex::new(r"\[\^[^\]]*\]").expect("valid regex"));

/// The heading text of `content`'s first heading, when it starts with one.
pub fn heading_of(content: &str) -> Option<String> {
    let c = TITLE.captures(content)?;
    c.get(1)
        .or_else(|| c.get(2))
        .map(|m| m.as_str().to_string())
}

/// `content` without its leading heading, stripped (`gsub(TITLE_REGEX, "").strip`).
pub fn strip_heading(content: &str) -> String {
    crate::liquid::ruby::strip(&TITLE.replace(content, "")).to_string()
}

/// Turns heading source into plain text: `markdownify | strip_html | normalize_whitespace`,
/// then footnote markers removed.
fn strip_markup(site: &Site, text: &str, plain_text: &crate::liquid::Template) -> Result<String> {
    let opts = crate::markdown::Options::from_jekyll_config(&Value::hash(site.config.clone()));
    let html = crate::markdown::markdownify(text, &opts)?;
    let mut vars = Hash::new();
    vars.insert("html".into(), Value::str(html));
    let mut ctx = crate::liquid::Context::new(vars);
    let plain = plain_text.render(&mut ctx)?;
    Ok(FOOTNOTE.replace_all(&plain, "").into_owned())
}

/// The template that applies Jekyll's `strip_html` and `normalize_whitespace` filters.
fn plain_text_template() -> Result<crate::liquid::Template> {
    let mut engine = crate::liquid::Engine::new();
    crate::liquid::jekyll::register_all(&mut engine);
    engine.parse(
        "{{ html | strip_html | normalize_whitespace }}",
        "jekyll-titles-from-headings",
    )
}

/// Whether the heading is removed: the item's own `strip_title` when it has the key, else
/// the site option.
fn strip_title(own: Option<&Value>, site_option: bool) -> bool {
    match own {
        Some(v) => matches!(v, Value::Bool(true)),
        None => site_option,
    }
}

/// The plugin: a generator at priority `:lowest`.
pub struct JekyllTitlesFromHeadings;

impl crate::plugins::Plugin for JekyllTitlesFromHeadings {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-titles-from-headings"]
    }

    fn priority(&self) -> i32 {
        -100
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
    let site_strip = matches!(option(site, "strip_title"), Some(Value::Bool(true)));
    let collections = matches!(option(site, "collections"), Some(Value::Bool(true)));
    let template = plain_text_template()?;

    for i in 0..site.pages.len() {
        let page = &site.pages[i];
        if !site.converters.is_markdown(&page.ext) {
            continue;
        }
        if page.liquid_data.get("title").is_some_and(|t| !t.is_nil()) {
            continue;
        }
        let title = match heading_of(&page.raw_content) {
            Some(h) => Value::str(strip_markup(site, &h, &template)?),
            // No heading: the page keeps what it had (nil).
            None => page.liquid_data.get("title").cloned().unwrap_or(Value::Nil),
        };
        let strip = strip_title(page.data.get("strip_title"), site_strip);
        let page = &mut site.pages[i];
        page.data.insert("title".into(), title.clone());
        page.liquid_data.insert("title".into(), title);
        if strip {
            page.raw_content = strip_heading(&page.raw_content);
        }
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
        let count = site.collections[&label].docs.len();
        for i in 0..count {
            let doc = &site.collections[&label].docs[i];
            if !doc.write || !site.converters.is_markdown(&doc.extname) {
                continue;
            }
            // Documents always count as untitled: Jekyll inferred their title.
            let title = match heading_of(&doc.raw_content) {
                Some(h) => Value::str(strip_markup(site, &h, &template)?),
                None => doc.data.get("title").cloned().unwrap_or(Value::Nil),
            };
            let strip = strip_title(doc.data.get("strip_title"), site_strip);
            let doc = &mut site.collections.get_mut(&label).expect("label").docs[i];
            doc.data.insert("title".into(), title);
            if !strip {
                continue;
            }
            doc.raw_content = strip_heading(&doc.raw_content);
            let separator = match doc.data.get("excerpt_separator") {
                Some(v) if v.is_truthy() => crate::value::to_s(v),
                _ => excerpt_separator.clone(),
            };
            // Posts re-extract their excerpt from the stripped content.
            if label == "posts" && !separator.is_empty() {
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

    #[test]
    fn finds_headings_like_the_plugin() {
        assert_eq!(heading_of("# Title\n\nbody").as_deref(), Some("Title"));
        assert_eq!(heading_of("\n\n## Two\n").as_deref(), Some("Two"));
        // The closing hashes stay (the capture is greedy).
        assert_eq!(heading_of("# Title #\n").as_deref(), Some("Title #"));
        assert_eq!(heading_of("Setext\n======\n").as_deref(), Some("Setext"));
        assert_eq!(heading_of("Setext\n---\n").as_deref(), Some("Setext"));
        assert_eq!(heading_of("#### Four\n"), None);
        assert_eq!(heading_of("text\n\n# Later\n"), None);
    }

    #[test]
    fn strips_the_heading() {
        assert_eq!(strip_heading("# Title\n\nbody\n"), "body");
        assert_eq!(strip_heading("Setext\n===\n\nbody"), "body");
    }
}
