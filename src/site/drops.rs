//! Jekyll's drops: how `site`, `page`, documents, collections, static files and `jekyll`
//! look from Liquid. Every drop holds the shared site and an index; nothing is copied per
//! page, and fields are computed only when a template asks for them.

use super::render::{observe, Item, Seen};
use super::Site;
use crate::value::{Drop, DropRef, Hash, Value};
use std::sync::Arc;

pub const JEKYLL_VERSION: &str = "4.3.1";

/// A document by position: `site.collections[coll].docs[idx]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DocId {
    pub coll: usize,
    pub idx: usize,
}

/// The fields a `DocumentDrop` exposes before its data, in Jekyll's order.
const DOCUMENT_FIELDS: &[&str] = &[
    "name",
    "id",
    "next",
    "previous",
    "relative_path",
    "content",
    "excerpt",
    "output",
    "title",
    "categories",
    "path",
    "url",
    "collection",
    "date",
    "tags",
];

/// Fields dropped from a nested document in JSON (`NESTED_OBJECT_FIELD_BLACKLIST`).
const COLLAPSED_FIELDS: &[&str] = &["content", "output", "excerpt", "next", "previous"];

pub struct DocumentDrop {
    pub site: Arc<Site>,
    pub id: DocId,
}

impl DocumentDrop {
    pub fn value(site: &Arc<Site>, id: DocId) -> Value {
        Value::Drop(DropRef::new(DocumentDrop {
            site: site.clone(),
            id,
        }))
    }

    fn doc(&self) -> &super::document::Document {
        &self.site.collections[self.id.coll].docs[self.id.idx]
    }
}

impl Drop for DocumentDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let doc = self.doc();
        let coll = &self.site.collections[self.id.coll];
        Some(match key {
            "name" => doc
                .data
                .get("name")
                .filter(|v| v.is_truthy())
                .cloned()
                .unwrap_or_else(|| Value::str(doc.basename())),
            "id" => Value::str(doc.id()),
            "next" => {
                if self.id.idx + 1 < coll.docs.len() {
                    DocumentDrop::value(
                        &self.site,
                        DocId {
                            coll: self.id.coll,
                            idx: self.id.idx + 1,
                        },
                    )
                } else {
                    Value::Nil
                }
            }
            "previous" => {
                if self.id.idx > 0 {
                    DocumentDrop::value(
                        &self.site,
                        DocId {
                            coll: self.id.coll,
                            idx: self.id.idx - 1,
                        },
                    )
                } else {
                    Value::Nil
                }
            }
            "relative_path" | "path" => Value::str(doc.relative_path.as_str()),
            "content" => match (
                observe(&self.site, Item::Doc(self.id)),
                doc.state.content.get(),
            ) {
                (Seen::Raw, _) | (_, None) => Value::str(doc.raw_content.as_str()),
                (_, Some(c)) => Value::Str(c.clone()),
            },
            "excerpt" => match doc.data.get("excerpt") {
                Some(v) => Value::str(crate::value::to_s(v)),
                None if doc.excerpt_source.is_some() => {
                    Value::str(super::render::excerpt_output(&self.site, self.id))
                }
                None => Value::str(""),
            },
            "output" => match (
                observe(&self.site, Item::Doc(self.id)),
                doc.state.output.get(),
            ) {
                (Seen::Raw, _) | (_, None) => Value::Nil,
                (_, Some(o)) => Value::Str(o.clone()),
            },
            "url" => Value::str(doc.url.as_str()),
            "collection" => Value::str(doc.collection.as_str()),
            "date" => Value::Time(doc.date),
            "title" | "categories" | "tags" => doc.data.get(key).cloned().unwrap_or(Value::Nil),
            _ => match doc.data.get(key) {
                Some(v) => v.clone(),
                None => {
                    return self
                        .site
                        .defaults
                        .find(&doc.relative_path, &doc.collection, key)
                }
            },
        })
    }

    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = DOCUMENT_FIELDS.iter().map(|s| s.to_string()).collect();
        for k in self.doc().data.keys() {
            if !DOCUMENT_FIELDS.contains(&k.as_str()) {
                keys.push(k.clone());
            }
        }
        keys
    }

    fn contains_key(&self, key: &str) -> bool {
        DOCUMENT_FIELDS.contains(&key) || self.doc().data.contains_key(key)
    }

    fn ruby_class(&self) -> &'static str {
        "Jekyll::Drops::DocumentDrop"
    }

    /// Two or more levels deep, `next` and `previous` become plain hashes without
    /// `content`, `output`, `excerpt`, `next` and `previous` (`DocumentDrop#hash_for_json`).
    fn hash_for_json(&self, depth: usize) -> Hash {
        let mut h = self.to_hash();
        if depth >= 2 {
            for key in ["previous", "next"] {
                if let Some(Value::Drop(d)) = h.get(key).cloned() {
                    let collapsed: Hash = d
                        .keys()
                        .into_iter()
                        .filter(|k| !COLLAPSED_FIELDS.contains(&k.as_str()))
                        .map(|k| {
                            let v = d.get(&k).unwrap_or(Value::Nil);
                            (k, v)
                        })
                        .collect();
                    h.insert(key.into(), Value::hash(collapsed));
                }
            }
        }
        h
    }

    fn to_liquid_string(&self) -> Option<String> {
        let doc = self.doc();
        if observe(&self.site, Item::Doc(self.id)) == Seen::Raw {
            return Some(doc.raw_content.clone());
        }
        Some(match (doc.state.output.get(), doc.state.content.get()) {
            (Some(o), _) => o.to_string(),
            (None, Some(c)) => c.to_string(),
            (None, None) => doc.raw_content.clone(),
        })
    }

    fn identity(&self) -> usize {
        self.doc() as *const _ as usize
    }
}

/// `page` while a document's excerpt renders (Jekyll's `ExcerptDrop` over an `Excerpt`):
/// the document's data without `layout` and `excerpt`, the excerpt's own content, and no
/// `excerpt` (which is what keeps an excerpt from rendering itself).
pub struct ExcerptDrop {
    pub site: Arc<Site>,
    pub id: DocId,
}

impl ExcerptDrop {
    pub fn value(site: &Arc<Site>, id: DocId) -> Value {
        Value::Drop(DropRef::new(ExcerptDrop {
            site: site.clone(),
            id,
        }))
    }

    fn doc(&self) -> &super::document::Document {
        &self.site.collections[self.id.coll].docs[self.id.idx]
    }
}

impl Drop for ExcerptDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let doc = self.doc();
        Some(match key {
            "excerpt" => Value::Nil,
            "layout" => doc.data.get("layout").cloned().unwrap_or(Value::Nil),
            "id" => Value::str(format!("{}#excerpt", doc.id())),
            "relative_path" | "path" => Value::str(format!("{}/#excerpt", doc.relative_path)),
            "content" => match doc.state.excerpt.get() {
                Some(c) => Value::str(c.as_str()),
                None => Value::str(doc.excerpt_source.as_deref().unwrap_or("")),
            },
            "output" => doc
                .state
                .excerpt
                .get()
                .map(|c| Value::str(c.as_str()))
                .unwrap_or(Value::Nil),
            _ => {
                return DocumentDrop {
                    site: self.site.clone(),
                    id: self.id,
                }
                .get(key)
            }
        })
    }

    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = DOCUMENT_FIELDS.iter().map(|s| s.to_string()).collect();
        keys.push("layout".into());
        for k in self.doc().data.keys() {
            if !keys.contains(k) && k != "excerpt" {
                keys.push(k.clone());
            }
        }
        keys
    }

    fn ruby_class(&self) -> &'static str {
        "Jekyll::Drops::ExcerptDrop"
    }

    fn to_liquid_string(&self) -> Option<String> {
        let doc = self.doc();
        Some(
            doc.state
                .excerpt
                .get()
                .cloned()
                .unwrap_or_else(|| doc.excerpt_source.clone().unwrap_or_default()),
        )
    }
}

/// A page as Liquid sees it: `Page#to_liquid` (its data merged with content, dir, excerpt,
/// name, path, url). `raw_content` makes it a snapshot taken before rendering, as the
/// `page` variable of the page being rendered is in Jekyll.
pub struct PageDrop {
    pub site: Arc<Site>,
    pub idx: usize,
    pub raw_content: bool,
}

const PAGE_FIELDS: &[&str] = &["content", "dir", "excerpt", "name", "path", "url"];

impl PageDrop {
    pub fn value(site: &Arc<Site>, idx: usize, raw_content: bool) -> Value {
        Value::Drop(DropRef::new(PageDrop {
            site: site.clone(),
            idx,
            raw_content,
        }))
    }
}

/// The `.css.map` page of a Sass page (`Jekyll::SourceMapPage`): the Sass page's data,
/// its own name, path and URL, the map as its content.
pub struct SourceMapPageDrop {
    site: Arc<Site>,
    /// The Sass page's index in `site.pages`.
    css_page: usize,
}

impl SourceMapPageDrop {
    pub fn value(site: &Arc<Site>, css_page: usize) -> Value {
        Value::Drop(DropRef::new(SourceMapPageDrop {
            site: site.clone(),
            css_page,
        }))
    }

    fn name(&self) -> String {
        let page = &self.site.pages[self.css_page];
        format!("{}.css.map", page.basename)
    }

    fn url(&self) -> String {
        let page = &self.site.pages[self.css_page];
        format!("{}{}", page.url_dir(), self.name())
    }
}

impl Drop for SourceMapPageDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let page = &self.site.pages[self.css_page];
        Some(match key {
            "content" => page
                .state
                .source_map
                .get()
                .map(|m| Value::str(m.content.as_str()))
                .unwrap_or(Value::Nil),
            "dir" => Value::str(page.url_dir()),
            "excerpt" => Value::Nil,
            "name" => Value::str(self.name()),
            "path" => {
                let dir = page.dir.trim_matches('/');
                if dir.is_empty() {
                    Value::str(self.name())
                } else {
                    Value::str(format!("{dir}/{}", self.name()))
                }
            }
            "url" => Value::str(self.url()),
            _ => return page.liquid_data.get(key).cloned(),
        })
    }

    fn keys(&self) -> Vec<String> {
        let page = &self.site.pages[self.css_page];
        let mut keys: Vec<String> = page.liquid_data.keys().cloned().collect();
        for f in PAGE_FIELDS {
            if !page.liquid_data.contains_key(*f) {
                keys.push(f.to_string());
            }
        }
        keys
    }

    fn contains_key(&self, key: &str) -> bool {
        PAGE_FIELDS.contains(&key) || self.site.pages[self.css_page].liquid_data.contains_key(key)
    }

    fn ruby_class(&self) -> &'static str {
        "Hash"
    }

    fn to_liquid_string(&self) -> Option<String> {
        Some(crate::value::inspect(&Value::hash(self.to_hash())))
    }

    fn identity(&self) -> usize {
        (&self.site.pages[self.css_page] as *const _ as usize) ^ 1
    }
}

impl Drop for PageDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let page = &self.site.pages[self.idx];
        if let Some(custom) = &page.custom_liquid {
            return custom.to_liquid(&self.site, page).get(key).cloned();
        }
        Some(match key {
            "content" => {
                if self.raw_content {
                    return Some(Value::str(page.raw_content.as_str()));
                }
                match (
                    observe(&self.site, Item::Page(self.idx)),
                    page.state.content.get(),
                ) {
                    (Seen::Raw, _) | (_, None) => Value::str(page.raw_content.as_str()),
                    (_, Some(c)) => Value::Str(c.clone()),
                }
            }
            "dir" => Value::str(page.url_dir()),
            "excerpt" => page
                .liquid_data
                .get("excerpt")
                .map(|v| Value::str(crate::value::to_s(v)))
                .unwrap_or(Value::Nil),
            "name" => Value::str(page.name.as_str()),
            "path" => page.liquid_path(),
            "url" => Value::str(page.url.as_str()),
            _ => return page.liquid_data.get(key).cloned(),
        })
    }

    fn keys(&self) -> Vec<String> {
        let page = &self.site.pages[self.idx];
        if let Some(custom) = &page.custom_liquid {
            return custom.to_liquid(&self.site, page).keys().cloned().collect();
        }
        let mut keys: Vec<String> = page.liquid_data.keys().cloned().collect();
        for f in PAGE_FIELDS {
            if !page.liquid_data.contains_key(*f) {
                keys.push(f.to_string());
            }
        }
        keys
    }

    fn contains_key(&self, key: &str) -> bool {
        let page = &self.site.pages[self.idx];
        if let Some(custom) = &page.custom_liquid {
            return custom.to_liquid(&self.site, page).contains_key(key);
        }
        PAGE_FIELDS.contains(&key) || page.liquid_data.contains_key(key)
    }

    fn ruby_class(&self) -> &'static str {
        match &self.site.pages[self.idx].custom_liquid {
            Some(custom) => custom.ruby_class(),
            None => "Hash",
        }
    }

    fn to_liquid_string(&self) -> Option<String> {
        Some(crate::value::inspect(&Value::hash(self.to_hash())))
    }

    fn identity(&self) -> usize {
        &self.site.pages[self.idx] as *const _ as usize
    }
}

pub struct StaticFileDrop {
    pub site: Arc<Site>,
    pub idx: usize,
}

const STATIC_FIELDS: &[&str] = &[
    "name",
    "extname",
    "modified_time",
    "basename",
    "path",
    "collection",
];

impl Drop for StaticFileDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let f = &self.site.static_files[self.idx];
        Some(match key {
            "name" => Value::str(f.name.as_str()),
            "extname" => Value::str(f.extname.as_str()),
            "modified_time" => match f.modified_time {
                Some(t) => {
                    let utc: chrono::DateTime<chrono::Utc> = t.into();
                    Value::Time(self.site.zone.localtime(&utc.fixed_offset()))
                }
                None => Value::Nil,
            },
            "basename" => Value::str(f.basename()),
            "path" => Value::str(f.relative_path.as_str()),
            "collection" => f
                .collection
                .as_deref()
                .map(Value::from)
                .unwrap_or(Value::Nil),
            _ => return f.data.get(key).cloned(),
        })
    }

    fn keys(&self) -> Vec<String> {
        let f = &self.site.static_files[self.idx];
        let mut keys: Vec<String> = STATIC_FIELDS.iter().map(|s| s.to_string()).collect();
        keys.extend(
            f.data
                .keys()
                .filter(|k| !STATIC_FIELDS.contains(&k.as_str()))
                .cloned(),
        );
        keys
    }

    fn ruby_class(&self) -> &'static str {
        "Jekyll::Drops::StaticFileDrop"
    }
}

pub struct CollectionDrop {
    pub site: Arc<Site>,
    pub coll: usize,
}

const COLLECTION_FIELDS: &[&str] = &[
    "output",
    "label",
    "docs",
    "files",
    "directory",
    "relative_directory",
];

impl Drop for CollectionDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let c = &self.site.collections[self.coll];
        Some(match key {
            "output" => Value::Bool(c.write()),
            "label" => Value::str(c.label.as_str()),
            "docs" => self.site.cache.collection_docs(&self.site, self.coll),
            "files" => {
                let files: Vec<Value> = self
                    .site
                    .static_files
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.collection.as_deref() == Some(c.label.as_str()))
                    .map(|(i, _)| {
                        Value::Drop(DropRef::new(StaticFileDrop {
                            site: self.site.clone(),
                            idx: i,
                        }))
                    })
                    .collect();
                Value::array(files)
            }
            "directory" => Value::str(c.directory.to_string_lossy().as_ref()),
            "relative_directory" => Value::str(c.relative_directory.as_str()),
            _ => return c.metadata.get(key).cloned(),
        })
    }

    fn keys(&self) -> Vec<String> {
        let c = &self.site.collections[self.coll];
        let mut keys: Vec<String> = COLLECTION_FIELDS.iter().map(|s| s.to_string()).collect();
        keys.extend(
            c.metadata
                .keys()
                .filter(|k| !COLLECTION_FIELDS.contains(&k.as_str()))
                .cloned(),
        );
        keys
    }

    fn ruby_class(&self) -> &'static str {
        "Jekyll::Drops::CollectionDrop"
    }

    /// `CollectionDrop#to_s` is `docs.to_s`: Ruby's inspect of the `Document` objects.
    fn to_liquid_string(&self) -> Option<String> {
        let c = &self.site.collections[self.coll];
        let parts: Vec<String> = c
            .docs
            .iter()
            .map(|d| {
                format!(
                    "#<Jekyll::Document {} collection={}>",
                    d.relative_path, c.label
                )
            })
            .collect();
        Some(format!("[{}]", parts.join(", ")))
    }
}

/// `site`: the site's computed fields, its collections by label, then its configuration.
pub struct SiteDrop {
    pub site: Arc<Site>,
    /// The document being rendered (for `site.related_posts`).
    pub current: Option<DocId>,
}

const SITE_FIELDS: &[&str] = &[
    "time",
    "pages",
    "static_files",
    "tags",
    "categories",
    "posts",
    "html_pages",
    "collections",
    "documents",
    "related_posts",
    "data",
];

impl Drop for SiteDrop {
    fn get(&self, key: &str) -> Option<Value> {
        let site = &self.site;
        let cache = &site.cache;
        Some(match key {
            "time" => Value::Time(site.time),
            "pages" => cache.pages(site),
            "static_files" => cache.static_files(site),
            "tags" => cache.post_attr_hash(site, "tags"),
            "categories" => cache.post_attr_hash(site, "categories"),
            "posts" => cache.posts(site),
            "html_pages" => cache.html_pages(site),
            "collections" => cache.collections(site),
            "documents" => cache.documents(site),
            "data" => site.data.clone(),
            "related_posts" => match self.current {
                Some(id)
                    if site
                        .collections
                        .get_index(id.coll)
                        .is_some_and(|(l, _)| l == "posts") =>
                {
                    related_posts(site, id)
                }
                _ => Value::Nil,
            },
            _ => {
                if let Some(i) = site.collections.get_index_of(key) {
                    if key != "posts" {
                        return Some(cache.collection_docs(site, i));
                    }
                }
                if let Some(pages) = site.config_page_lists.get(key) {
                    return Some(Value::array(
                        pages
                            .iter()
                            .map(|&i| PageDrop::value(site, i, false))
                            .collect(),
                    ));
                }
                return site.config.get(key).cloned();
            }
        })
    }

    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = SITE_FIELDS.iter().map(|s| s.to_string()).collect();
        keys.extend(
            self.site
                .config
                .keys()
                .filter(|k| !SITE_FIELDS.contains(&k.as_str()))
                .cloned(),
        );
        keys
    }

    fn contains_key(&self, key: &str) -> bool {
        SITE_FIELDS.contains(&key)
            || (key != "posts" && self.site.collections.contains_key(key))
            || self.site.config.contains_key(key)
    }

    fn ruby_class(&self) -> &'static str {
        "Jekyll::Drops::SiteDrop"
    }
}

/// `RelatedPosts#most_recent_posts` (the non-LSI rule): the ten most recent other posts.
fn related_posts(site: &Arc<Site>, id: DocId) -> Value {
    let docs = &site.collections[id.coll].docs;
    if docs.len() <= 1 {
        return Value::array(Vec::new());
    }
    let start = docs.len().saturating_sub(11);
    let out: Vec<Value> = (start..docs.len())
        .rev()
        .filter(|&i| i != id.idx)
        .take(10)
        .map(|i| {
            DocumentDrop::value(
                site,
                DocId {
                    coll: id.coll,
                    idx: i,
                },
            )
        })
        .collect();
    Value::array(out)
}

/// `jekyll`: version and environment.
pub fn jekyll_drop(environment: &str) -> Value {
    let mut h = Hash::new();
    h.insert("version".into(), Value::str(JEKYLL_VERSION));
    h.insert("environment".into(), Value::str(environment));
    Value::hash(h)
}

/// Lists every page shares, built once per build on first use.
#[derive(Default)]
pub struct SiteCache {
    posts: std::sync::OnceLock<Value>,
    pages: std::sync::OnceLock<Value>,
    html_pages: std::sync::OnceLock<Value>,
    static_files: std::sync::OnceLock<Value>,
    documents: std::sync::OnceLock<Value>,
    collections: std::sync::OnceLock<Value>,
    tags: std::sync::OnceLock<Value>,
    categories: std::sync::OnceLock<Value>,
    collection_docs: std::sync::OnceLock<Vec<std::sync::OnceLock<Value>>>,
    /// `site.pages` indexes of the Sass pages, in order.
    sass_pages: std::sync::OnceLock<Vec<usize>>,
    /// `site.pages` as seen after the first N Sass pages converted (N ≥ 1), by N.
    pages_with_maps: std::sync::Mutex<std::collections::HashMap<usize, Value>>,
}

impl std::fmt::Debug for SiteCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SiteCache")
    }
}

impl SiteCache {
    fn posts_coll(site: &Site) -> Option<usize> {
        site.collections.get_index_of("posts")
    }

    /// `site.posts`: newest first.
    pub fn posts(&self, site: &Arc<Site>) -> Value {
        self.posts
            .get_or_init(|| {
                let Some(c) = Self::posts_coll(site) else {
                    return Value::array(Vec::new());
                };
                // `posts.docs.sort { |a, b| b <=> a }`: date, then path, newest first. The
                // reader sorted the documents already, but generators may have appended
                // more.
                let docs = &site.collections[c].docs;
                let mut order: Vec<usize> = (0..docs.len()).rev().collect();
                let key = |i: &usize| (docs[*i].date.timestamp_nanos_opt(), &docs[*i].path);
                if !order.windows(2).all(|w| key(&w[0]) >= key(&w[1])) {
                    order.sort_by(|a, b| key(b).cmp(&key(a)));
                }
                Value::array(
                    order
                        .into_iter()
                        .map(|i| DocumentDrop::value(site, DocId { coll: c, idx: i }))
                        .collect(),
                )
            })
            .clone()
    }

    pub fn collection_docs(&self, site: &Arc<Site>, coll: usize) -> Value {
        let slots = self.collection_docs.get_or_init(|| {
            (0..site.collections.len())
                .map(|_| std::sync::OnceLock::new())
                .collect()
        });
        slots[coll]
            .get_or_init(|| {
                let n = site.collections[coll].docs.len();
                Value::array(
                    (0..n)
                        .map(|i| DocumentDrop::value(site, DocId { coll, idx: i }))
                        .collect(),
                )
            })
            .clone()
    }

    /// `site.pages`. Converting a Sass page appends its `.css.map` page to `site.pages`
    /// (jekyll-sass-converter's `SourceMapPage`), so a page rendered after a Sass page also
    /// lists that map, at the end.
    pub fn pages(&self, site: &Arc<Site>) -> Value {
        let base = self
            .pages
            .get_or_init(|| {
                Value::array(
                    (0..site.pages.len())
                        .map(|i| PageDrop::value(site, i, false))
                        .collect(),
                )
            })
            .clone();
        let Some(current) = super::render::current_page(site) else {
            return base;
        };
        let sass = self.sass_pages.get_or_init(|| {
            site.pages
                .iter()
                .enumerate()
                .filter(|(_, p)| matches!(p.ext.as_str(), ".scss" | ".sass"))
                .map(|(i, _)| i)
                .collect()
        });
        // Every page after the same Sass pages sees the same list: built once per count.
        let before = sass.partition_point(|&i| i < current);
        if before == 0 {
            return base;
        }
        if let Some(v) = self
            .pages_with_maps
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&before)
        {
            return v.clone();
        }
        let maps: Vec<Value> = sass[..before]
            .iter()
            .filter_map(|&i| {
                super::render::render_earlier(site, Item::Page(i));
                site.pages[i]
                    .state
                    .source_map
                    .get()
                    .map(|_| SourceMapPageDrop::value(site, i))
            })
            .collect();
        let list = if maps.is_empty() {
            base
        } else {
            let mut all = base.as_array().map(|a| a.to_vec()).unwrap_or_default();
            all.extend(maps);
            Value::array(all)
        };
        self.pages_with_maps
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(before, list.clone());
        list
    }

    pub fn html_pages(&self, site: &Arc<Site>) -> Value {
        self.html_pages
            .get_or_init(|| {
                Value::array(
                    site.pages
                        .iter()
                        .enumerate()
                        .filter(|(_, p)| p.is_html() || p.url.ends_with('/'))
                        .map(|(i, _)| PageDrop::value(site, i, false))
                        .collect(),
                )
            })
            .clone()
    }

    pub fn static_files(&self, site: &Arc<Site>) -> Value {
        self.static_files
            .get_or_init(|| {
                Value::array(
                    (0..site.static_files.len())
                        .map(|i| {
                            Value::Drop(DropRef::new(StaticFileDrop {
                                site: site.clone(),
                                idx: i,
                            }))
                        })
                        .collect(),
                )
            })
            .clone()
    }

    /// `site.documents`: every collection's documents and files.
    pub fn documents(&self, site: &Arc<Site>) -> Value {
        self.documents
            .get_or_init(|| {
                let mut out = Vec::new();
                for (ci, c) in site.collections.values().enumerate() {
                    out.extend(
                        (0..c.docs.len())
                            .map(|i| DocumentDrop::value(site, DocId { coll: ci, idx: i })),
                    );
                    for (si, f) in site.static_files.iter().enumerate() {
                        if f.collection.as_deref() == Some(c.label.as_str()) {
                            out.push(Value::Drop(DropRef::new(StaticFileDrop {
                                site: site.clone(),
                                idx: si,
                            })));
                        }
                    }
                }
                Value::array(out)
            })
            .clone()
    }

    /// `site.collections`: sorted by label.
    pub fn collections(&self, site: &Arc<Site>) -> Value {
        self.collections
            .get_or_init(|| {
                let mut idx: Vec<usize> = (0..site.collections.len()).collect();
                idx.sort_by(|a, b| {
                    site.collections
                        .get_index(*a)
                        .unwrap()
                        .0
                        .cmp(site.collections.get_index(*b).unwrap().0)
                });
                Value::array(
                    idx.into_iter()
                        .map(|c| {
                            Value::Drop(DropRef::new(CollectionDrop {
                                site: site.clone(),
                                coll: c,
                            }))
                        })
                        .collect(),
                )
            })
            .clone()
    }

    /// `site.tags` / `site.categories`: name → posts, newest first (`Site#post_attr_hash`).
    pub fn post_attr_hash(&self, site: &Arc<Site>, attr: &str) -> Value {
        let cell = if attr == "tags" {
            &self.tags
        } else {
            &self.categories
        };
        cell.get_or_init(|| {
            let mut h: indexmap::IndexMap<String, Vec<usize>> = indexmap::IndexMap::new();
            let Some(c) = Self::posts_coll(site) else {
                return Value::empty_hash();
            };
            for (i, d) in site.collections[c].docs.iter().enumerate() {
                if let Some(Value::Array(vals)) = d.data.get(attr) {
                    for v in vals.iter() {
                        h.entry(crate::value::to_s(v)).or_default().push(i);
                    }
                }
            }
            let out: Hash = h
                .into_iter()
                .map(|(k, mut v)| {
                    v.sort_unstable();
                    v.dedup();
                    let arr = v
                        .into_iter()
                        .rev()
                        .map(|i| DocumentDrop::value(site, DocId { coll: c, idx: i }))
                        .collect();
                    (k, Value::array(arr))
                })
                .collect();
            Value::hash(out)
        })
        .clone()
    }
}
