//! jekyll-feed (0.17): an Atom feed of the posts at `/feed.xml`, optional feeds per post
//! category, per tag and per collection, and the `{% feed_meta %}` tag that links to the
//! main feed.
//!
//! The feeds are pages generated without a file, whose content is a Liquid template
//! (`template::FEED`) rendered like any other page; the generator only decides which feeds
//! exist, where, and what each one selects (`page.collection`, `page.category`,
//! `page.tags`).

mod meta_tag;
mod template;

use crate::error::{Error, Result};
use crate::liquid::ruby::equals;
use crate::liquid::Engine;
use crate::site::page::Page;
use crate::site::Site;
use crate::value::{Hash, Value};

/// The plugin: a generator at priority `:lowest`, plus the `feed_meta` tag.
pub struct JekyllFeed;

impl crate::plugins::Plugin for JekyllFeed {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-feed"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        meta_tag::register(engine);
    }

    fn priority(&self) -> i32 {
        -100
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// One feed to generate: where it goes and what it lists.
#[derive(Debug, Clone)]
struct FeedSpec {
    /// Destination path as jekyll-feed builds it (`/feed.xml`, `/feed/news.xml`).
    path: String,
    collection: String,
    category: Value,
    tag: Value,
}

/// A collection's feed settings: `feed: collections: NAME: {categories, path}`.
#[derive(Debug, Clone)]
struct CollectionFeed {
    name: String,
    categories: Vec<Value>,
    path: Option<String>,
}

fn plugin_error(message: String) -> Error {
    Error::new(format!("Jekyll Feed: {message}"))
}

/// The `feed:` configuration as a hash (empty when absent).
fn feed_config(site: &Site) -> Result<Hash> {
    match site.config.get("feed") {
        None | Some(Value::Nil) => Ok(Hash::new()),
        Some(Value::Hash(h)) => Ok((**h).clone()),
        Some(other) => Err(plugin_error(format!(
            "the `feed` setting must be a mapping, not {}",
            other.ruby_class()
        ))),
    }
}

/// `Jekyll.env`.
fn jekyll_env() -> String {
    std::env::var("JEKYLL_ENV").unwrap_or_else(|_| "development".into())
}

/// The collections to make feeds for, in order: those `feed: collections:` names (a list
/// or a mapping to settings), with `posts` added last when missing. The posts entry falls
/// back to the top-level `path` and `categories`.
fn collections(config: &Hash) -> Result<Vec<CollectionFeed>> {
    let mut entries: Vec<(String, Hash)> = match config.get("collections") {
        Some(Value::Array(names)) => {
            let mut unique: Vec<(String, Hash)> = Vec::new();
            for n in names.iter().map(crate::value::to_s) {
                if !unique.iter().any(|(u, _)| *u == n) {
                    unique.push((n, Hash::new()));
                }
            }
            unique
        }
        Some(Value::Hash(h)) => h
            .iter()
            .map(|(name, meta)| match meta {
                Value::Hash(m) => Ok((name.clone(), (**m).clone())),
                other => Err(plugin_error(format!(
                    "the settings of collection `{name}` in `feed: collections` must be a mapping, not {}",
                    other.ruby_class()
                ))),
            })
            .collect::<Result<_>>()?,
        _ => Vec::new(),
    };
    if !entries.iter().any(|(n, _)| n == "posts") {
        entries.push(("posts".into(), Hash::new()));
    }
    let mut out = Vec::new();
    for (name, mut meta) in entries {
        if name == "posts" {
            for key in ["path", "categories"] {
                if !meta.get(key).is_some_and(Value::is_truthy) {
                    if let Some(v) = config.get(key) {
                        meta.insert(key.into(), v.clone());
                    }
                }
            }
        }
        let categories = match meta.get("categories") {
            None | Some(Value::Nil) | Some(Value::Bool(false)) => Vec::new(),
            Some(Value::Array(list)) => {
                // A set: the first of equal names counts.
                let mut unique: Vec<Value> = Vec::new();
                for c in list.iter() {
                    if !unique.iter().any(|u| equals(u, c)) {
                        unique.push(c.clone());
                    }
                }
                unique
            }
            Some(other) => {
                return Err(plugin_error(format!(
                    "`categories` of the {name} feed must be a list, not {}",
                    other.ruby_class()
                )))
            }
        };
        let path = meta
            .get("path")
            .filter(|v| v.is_truthy())
            .map(crate::value::to_s);
        out.push(CollectionFeed {
            name,
            categories,
            path,
        });
    }
    Ok(out)
}

/// Where a collection's feed (or one category of it) goes.
fn feed_path(feed: &CollectionFeed, category: Option<&Value>) -> String {
    let prefix = if feed.name == "posts" {
        "/feed".to_string()
    } else {
        format!("/feed/{}", feed.name)
    };
    match category {
        Some(c) => format!("{prefix}/{}.xml", crate::value::to_s(c)),
        None => feed.path.clone().unwrap_or_else(|| format!("{prefix}.xml")),
    }
}

/// The tags of the posts, each once, in the order `site.tags` lists them.
fn post_tags(site: &Site) -> Vec<Value> {
    let mut tags: Vec<Value> = Vec::new();
    if let Some(posts) = site.posts() {
        for doc in &posts.docs {
            if let Some(Value::Array(list)) = doc.data.get("tags") {
                for t in list.iter() {
                    if !tags.iter().any(|u| equals(u, t)) {
                        tags.push(t.clone());
                    }
                }
            }
        }
    }
    tags
}

/// The per-tag feeds: `feed: tags:` true or a mapping with `only`, `except`, `path`. Tags
/// with anything but ASCII letters, digits and `_` get no feed (their path would need
/// escaping).
fn tag_feeds(site: &Site, config: &Hash) -> Result<Vec<FeedSpec>> {
    let Some(setting) = config.get("tags").filter(|v| v.is_truthy()) else {
        return Ok(Vec::new());
    };
    let all = post_tags(site);
    if all.is_empty() {
        return Ok(Vec::new());
    }
    let empty = Hash::new();
    let options = match setting {
        Value::Hash(h) => h.as_ref(),
        _ => &empty,
    };
    let list = |key: &str| -> Result<Option<Vec<Value>>> {
        match options.get(key) {
            None | Some(Value::Nil) | Some(Value::Bool(false)) => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a.to_vec())),
            Some(other) => Err(plugin_error(format!(
                "`feed: tags: {key}` must be a list, not {}",
                other.ruby_class()
            ))),
        }
    };
    let except = list("except")?.unwrap_or_default();
    let only = list("only")?.unwrap_or(all);
    let dir = options
        .get("path")
        .filter(|v| v.is_truthy())
        .map(crate::value::to_s)
        .unwrap_or_else(|| "/feed/by_tag/".into());
    let mut out = Vec::new();
    for tag in only
        .into_iter()
        .filter(|t| !except.iter().any(|e| equals(e, t)))
    {
        let Value::Str(name) = &tag else {
            return Err(plugin_error(format!(
                "cannot make a feed for tag {}: tags must be strings",
                crate::value::to_s(&tag)
            )));
        };
        if !feedable_tag(name) {
            continue;
        }
        crate::cli::log::info(
            "Jekyll Feed:",
            &format!("Generating feed for posts tagged {name}"),
        );
        out.push(FeedSpec {
            path: format!("{dir}{name}.xml"),
            collection: "posts".into(),
            category: Value::Nil,
            tag: tag.clone(),
        });
    }
    Ok(out)
}

/// Tags that get a feed: only ASCII letters, digits and `_`, so the path needs no escaping.
fn feedable_tag(name: &str) -> bool {
    name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `file_exists?`: a file (or folder) of that name in the source keeps a feed from being
/// generated there.
fn exists_in_source(site: &Site, path: &str) -> bool {
    crate::site::in_dest_dir(&site.source, path).exists()
}

/// The generator.
pub fn generate(site: &mut Site) -> Result<()> {
    let mut config = feed_config(site)?;
    if config
        .get("disable_in_development")
        .is_some_and(Value::is_truthy)
        && jekyll_env() == "development"
    {
        crate::cli::log::info("Jekyll Feed:", "Skipping feed generation in development");
        return Ok(());
    }
    let feeds = collections(&config)?;
    // jekyll-feed writes the posts feed's path back into the site's `feed` settings, which
    // `{% feed_meta %}` and `site.feed.path` then see.
    if !config.get("path").is_some_and(Value::is_truthy) {
        if let Some(path) = feeds
            .iter()
            .find(|f| f.name == "posts")
            .and_then(|f| f.path.clone())
        {
            config.insert("path".into(), Value::str(path));
            if site.config.get("feed").is_some_and(|v| !v.is_nil()) {
                site.config
                    .insert("feed".into(), Value::hash(config.clone()));
            }
        }
    }
    let mut specs = Vec::new();
    for feed in &feeds {
        crate::cli::log::info(
            "Jekyll Feed:",
            &format!("Generating feed for {}", feed.name),
        );
        let categories = feed.categories.iter().map(Some).chain([None]);
        for category in categories {
            specs.push(FeedSpec {
                path: feed_path(feed, category),
                collection: feed.name.clone(),
                category: category.cloned().unwrap_or(Value::Nil),
                tag: Value::Nil,
            });
        }
    }
    specs.extend(tag_feeds(site, &config)?);
    let xsl = exists_in_source(site, "feed.xslt.xml");
    for spec in specs {
        if exists_in_source(site, &spec.path) {
            continue;
        }
        let page = feed_page(site, &spec, xsl)?;
        site.pages.push(page);
    }
    Ok(())
}

/// A feed page: the Atom template, no layout, left out of sitemaps.
fn feed_page(site: &Site, spec: &FeedSpec, xsl: bool) -> Result<Page> {
    let mut data = Hash::new();
    data.insert("layout".into(), Value::Nil);
    data.insert("sitemap".into(), Value::Bool(false));
    data.insert("xsl".into(), Value::Bool(xsl));
    data.insert("collection".into(), Value::str(spec.collection.as_str()));
    data.insert("category".into(), spec.category.clone());
    data.insert("tags".into(), spec.tag.clone());
    let relative = spec.path.trim_start_matches('/');
    Page::new(
        None,
        "",
        &spec.path,
        data,
        site.defaults.all(relative, "pages"),
        template::FEED.to_string(),
        1,
        &site.converters,
        &site.permalink_style,
    )
}

#[cfg(test)]
mod tests;
