//! AutoPages: one page per tag, category and collection, each built from a layout file and
//! paginated over the documents it names when pagination is enabled.

use super::config::{
    autopages_defaults, file_join, list_sep, merged, pagination_defaults, ruby_split, ruby_strip,
};
use crate::cli::log;
use crate::error::Result;
use crate::site::page::Page;
use crate::site::Site;
use crate::value::{Hash, Value};
use indexmap::IndexMap;

/// The three kinds of autopages: config key, the document data they index, the permalink
/// and title macro, and the pagination filter they set.
const KINDS: &[(&str, &str, &str, &str)] = &[
    ("tags", "tags", ":tag", "tag"),
    ("categories", "categories", ":cat", "category"),
    ("collections", "__coll", ":coll", "collection"),
];

/// The document data key recording each document's collection, which the gem adds to every
/// document (so it shows in their data) to index collections like tags.
const COLLECTION_KEY: &str = "__coll";

/// `ap_index_posts_by`: each lowercased value, with the spelling it first appeared in (the
/// page's `display_name`).
fn index_values(site: &Site, key: &str) -> Result<IndexMap<String, String>> {
    let mut index = IndexMap::new();
    for coll in site.collections.values() {
        for doc in &coll.docs {
            if doc.data.contains_key("pagination") {
                continue;
            }
            let Some(values) = super::indexer::raw_values(&doc.data, key)? else {
                continue;
            };
            for value in values {
                for raw in ruby_split(ruby_strip(&value), list_sep) {
                    let k = super::indexer::clean_key(&raw);
                    index.entry(k).or_insert(raw);
                }
            }
        }
    }
    Ok(index)
}

/// `format_tag_macro` & co: the first macro replaced by the slugified value.
fn format_macro(pattern: &str, mac: &str, value: &str, slugify: Option<&Value>) -> String {
    let (mode, cased) = match slugify {
        Some(Value::Hash(h)) => (
            h.get("mode")
                .filter(|v| !v.is_nil())
                .map(crate::value::to_s),
            h.get("cased").is_some_and(Value::is_truthy),
        ),
        _ => (None, false),
    };
    pattern.replacen(
        mac,
        &crate::utils::slugify(value, mode.as_deref(), cased),
        1,
    )
}

/// `PaginateV2::AutoPages.create_autopages`.
pub fn create(site: &mut Site) -> Result<()> {
    let config = merged(&autopages_defaults(), site.config.get("autopages"));
    let pagination = merged(&pagination_defaults(), site.config.get("pagination"));
    if !config.get("enabled").is_some_and(Value::is_truthy) {
        log::info("AutoPages:", "Disabled/Not configured in site.config.");
        return Ok(());
    }
    for coll in site.collections.values_mut() {
        let label = Value::str(coll.label.as_str());
        for doc in coll.docs.iter_mut() {
            if !doc.data.contains_key("pagination") {
                doc.data.insert(COLLECTION_KEY.into(), label.clone());
            }
        }
    }
    for &(config_key, index_key, mac, filter_key) in KINDS {
        let Some(Value::Hash(kind)) = config.get(config_key) else {
            continue;
        };
        if !kind.get("enabled").is_some_and(Value::is_truthy) {
            log::info(
                "AutoPages:",
                &format!("{config_key} pages are disabled/not configured in site.config."),
            );
            continue;
        }
        log::info("AutoPages:", &format!("Generating {config_key} pages"));
        let layouts: Vec<String> = match kind.get("layouts") {
            Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
            Some(Value::Nil) | None => Vec::new(),
            Some(v) => vec![crate::value::to_s(v)],
        };
        for (key, display) in index_values(site, index_key)? {
            for layout in &layouts {
                let page = autopage(
                    site,
                    kind,
                    &pagination,
                    layout,
                    (mac, filter_key),
                    &key,
                    &display,
                )?;
                site.pages.push(page);
            }
        }
    }
    Ok(())
}

/// `BaseAutoPage.new`: the layout file read as a page (its front matter and body), at the
/// kind's permalink, using that layout, paginating over the documents with `key`.
fn autopage(
    site: &Site,
    kind: &Hash,
    pagination: &Hash,
    layout: &str,
    (mac, filter_key): (&str, &str),
    key: &str,
    display: &str,
) -> Result<Page> {
    let path = site.source.join("_layouts").join(layout);
    let (mut data, content, line) = match crate::site::frontmatter::read_text(&path) {
        Ok(text) => {
            let parsed = crate::site::frontmatter::parse(&text, &path)?;
            (
                parsed.data.unwrap_or_default(),
                parsed.content,
                parsed.content_line,
            )
        }
        Err(_) => {
            let shown = path.display();
            log::warn(
                "",
                &format!(
                    "Error reading file {shown}: No such file or directory @ rb_sysopen - {shown}"
                ),
            );
            (Hash::new(), String::new(), 1)
        }
    };
    let mut page_pagination = merged(pagination, data.get("pagination"));
    page_pagination.insert(filter_key.into(), Value::str(key));
    let kind_config = merged(kind, data.get("autopages"));
    let slugify = kind.get("slugify");
    let text_of = |k: &str| {
        kind_config
            .get(k)
            .map(crate::value::to_s)
            .unwrap_or_default()
    };
    let permalink = format_macro(&text_of("permalink"), mac, key, slugify);
    let title = format_macro(&text_of("title"), mac, key, slugify);
    data.insert("permalink".into(), Value::str(permalink.as_str()));
    data.insert(
        "layout".into(),
        Value::str(crate::site::converters::basename_without_ext(layout)),
    );
    data.insert("title".into(), Value::str(title));
    data.insert("pagination".into(), Value::hash(page_pagination));
    let mut info = Hash::new();
    info.insert(
        "layout_path".into(),
        Value::str(file_join("_layouts", layout)),
    );
    info.insert("display_name".into(), Value::str(display));
    data.insert("autopage".into(), Value::hash(info));
    // Jekyll memoises the page's relative path (`index.html`, as the directory is not set
    // yet) while reading the layout file: it is the page's `path`, and what its front matter
    // defaults are looked up by.
    let defaults = site.defaults.all("index.html", "pages");
    let mut page = Page::new(
        Some(path),
        "",
        "index.html",
        data,
        defaults,
        content,
        line,
        &site.converters,
        &site.permalink_style,
    )?;
    page.url = file_join(&permalink, "index.html");
    Ok(page)
}
