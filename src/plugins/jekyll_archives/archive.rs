//! The archive page both jekyll-archives generators create (`Jekyll::Archives::Archive` and
//! `Jekyll::ArchivesV2::Archive`, both `Jekyll::Page` subclasses): its URL from a permalink
//! template, its output path, and what `page` shows in its layout.

use crate::error::{Error, Result};
use crate::site::drops::{DocId, DocumentDrop};
use crate::site::page::{CustomLiquid, Page};
use crate::site::url::{self, Placeholders};
use crate::site::Site;
use crate::value::{Hash, Value};
use std::sync::Arc;

/// What an archive groups by: a tag-like value (its `title`), or a date (`{year:, month:,
/// day:}` in Ruby, each as `strftime` printed it).
#[derive(Debug, Clone)]
pub enum Title {
    /// A String value: it has a title and a slug.
    Name(String),
    /// Any other value (a YAML integer tag): no title and no slug, so `:name` drops out.
    Other,
    Date {
        year: String,
        month: Option<String>,
        day: Option<String>,
    },
}

impl Title {
    /// `Date.new(*title.values.map(&:to_i))`: the first day of the year or month.
    fn date(&self) -> Option<chrono::NaiveDate> {
        let Title::Date { year, month, day } = self else {
            return None;
        };
        let num = |s: &Option<String>| s.as_deref().map_or(Some(1), |s| s.parse().ok());
        chrono::NaiveDate::from_ymd_opt(year.parse().ok()?, num(month)?, num(day)?)
    }
}

/// Which plugin's `Archive` this is: their `page` hashes differ.
#[derive(Debug, Clone)]
pub enum Flavor {
    /// jekyll-archives 2.2: front matter defaults (by the archive's type), `layout`, then
    /// `posts type title date name path url permalink`.
    V1 { defaults: Hash },
    /// jekyll-archives-v2: a `Drop` of `collection_name documents type title date name path
    /// url permalink`, then its data (`layout`); no front matter defaults.
    V2 { collection: String },
}

/// The archive's own `to_liquid` (see [`Flavor`]).
#[derive(Debug)]
pub struct ArchiveLiquid {
    flavor: Flavor,
    kind: String,
    title: Title,
    docs: Vec<DocId>,
    relative_path: String,
    cache: std::sync::OnceLock<Hash>,
}

/// Everything that makes one archive page.
pub struct ArchiveSpec {
    pub flavor: Flavor,
    /// `type`: `year`, `month`, `day`, `tag`, `category` (v1) or the attribute name (v2).
    pub kind: String,
    pub title: Title,
    /// Its documents, as `sort!.reverse!` leaves them: newest first.
    pub docs: Vec<DocId>,
    /// From [`archive_url`].
    pub url: String,
    pub layout: Value,
}

/// `Archive#url`: the permalink template filled with the title's placeholders (the date
/// parts, or the slug as `name`), then `extra` ones (`type`; v2 also `collection`).
pub fn archive_url(
    title: &Title,
    slug: Option<String>,
    template: &str,
    extra: &[(&'static str, Option<String>)],
) -> Result<String> {
    let mut list: Vec<(&'static str, Option<String>)> = match title {
        Title::Date { year, month, day } => {
            let mut l = vec![("year", Some(year.clone()))];
            if let Some(m) = month {
                l.push(("month", Some(m.clone())));
            }
            if let Some(d) = day {
                l.push(("day", Some(d.clone())));
            }
            l
        }
        Title::Name(_) | Title::Other => vec![("name", slug)],
    };
    list.extend(extra.iter().cloned());
    if template.is_empty() {
        return Err(Error::new(format!(
            "Template \"{template}\" provided is invalid."
        )));
    }
    url::generate(template, &Placeholders::List(list), None)
}

/// `Archive#relative_path`: the unescaped URL without its leading slash, `index.html` added
/// to a directory URL.
pub fn relative_path_of(url: &str) -> String {
    let unescaped = url::unescape_path(url);
    let mut path = unescaped
        .strip_prefix('/')
        .unwrap_or(&unescaped)
        .to_string();
    if url.ends_with('/') {
        // Ruby's File.join: one separator between the parts (and "/index.html" after "").
        path = format!("{}/index.html", path.trim_end_matches('/'));
    }
    path
}

/// Builds the archive page (`Archive.new`) with its URL and `page` hash.
pub fn build_page(site: &Site, spec: ArchiveSpec) -> Result<Page> {
    let url = spec.url;
    let relative_path = relative_path_of(&url);
    let (dir, name) = match relative_path.rfind('/') {
        Some(i) => (&relative_path[..i], &relative_path[i + 1..]),
        None => ("", relative_path.as_str()),
    };
    let mut data = Hash::new();
    data.insert("layout".into(), spec.layout.clone());
    // The data carries no defaults and no permalink of its own, so the output extension is
    // the path's (Archive#permalink is `data["permalink"]`: nil).
    let mut page = Page::new(
        None,
        dir,
        name,
        data.clone(),
        Hash::new(),
        String::new(),
        0,
        &site.converters,
        &site.permalink_style,
    )?;
    page.url = url;
    // Other plugins (jekyll-redirect-from) read `to_liquid` keys from `liquid_data`: v1
    // archives see the defaults there. Rendering takes the layout from `data`.
    if let Flavor::V1 { defaults } = &spec.flavor {
        let mut merged = defaults.clone();
        crate::config::jekyll_merge(&mut merged, &data);
        page.liquid_data = merged;
    }
    page.custom_liquid = Some(Arc::new(ArchiveLiquid {
        flavor: spec.flavor,
        kind: spec.kind,
        title: spec.title,
        docs: spec.docs,
        relative_path,
        cache: std::sync::OnceLock::new(),
    }));
    Ok(page)
}

impl ArchiveLiquid {
    fn build(&self, site: &Arc<Site>, page: &Page) -> Hash {
        let docs = Value::array(
            self.docs
                .iter()
                .map(|&id| DocumentDrop::value(site, id))
                .collect(),
        );
        let title = match &self.title {
            Title::Name(s) => Value::str(s.as_str()),
            _ => Value::Nil,
        };
        let date = self.title.date().map(Value::Date).unwrap_or(Value::Nil);
        let ext = crate::site::converters::ruby_extname(&page.name);
        let name = page.name[..page.name.len() - ext.len()].to_string();
        let layout = page.data.get("layout").cloned().unwrap_or(Value::Nil);
        let mut further = Hash::new();
        match &self.flavor {
            Flavor::V1 { .. } => {
                further.insert("posts".into(), docs);
            }
            Flavor::V2 { collection } => {
                further.insert("collection_name".into(), Value::str(collection.as_str()));
                further.insert("documents".into(), docs);
            }
        }
        further.insert("type".into(), Value::str(self.kind.as_str()));
        further.insert("title".into(), title);
        further.insert("date".into(), date);
        further.insert("name".into(), Value::str(name));
        further.insert("path".into(), Value::str(self.relative_path.as_str()));
        further.insert("url".into(), Value::str(page.url.as_str()));
        further.insert("permalink".into(), Value::Nil);
        match &self.flavor {
            Flavor::V1 { defaults } => {
                // deep_merge_hashes(defaults, deep_merge_hashes(data, further_data))
                let mut own = Hash::new();
                own.insert("layout".into(), layout);
                crate::config::jekyll_merge(&mut own, &further);
                let mut out = defaults.clone();
                crate::config::jekyll_merge(&mut out, &own);
                out
            }
            Flavor::V2 { .. } => {
                // A Drop: its delegated methods in the order Ruby's method table lists
                // them (as the reference Jekyll printed them), then its data (`layout`).
                let mut out = Hash::new();
                for key in [
                    "name",
                    "title",
                    "documents",
                    "date",
                    "path",
                    "collection_name",
                    "type",
                    "url",
                    "permalink",
                ] {
                    if let Some(v) = further.shift_remove(key) {
                        out.insert(key.into(), v);
                    }
                }
                out.entry("layout".into()).or_insert(layout);
                out
            }
        }
    }
}

impl CustomLiquid for ArchiveLiquid {
    fn to_liquid(&self, site: &Arc<Site>, page: &Page) -> Hash {
        self.cache.get_or_init(|| self.build(site, page)).clone()
    }

    /// v1's `to_liquid` is a Hash; v2's is its `Jekyll::ArchivesV2::PageDrop`.
    fn ruby_class(&self) -> &'static str {
        match self.flavor {
            Flavor::V1 { .. } => "Hash",
            Flavor::V2 { .. } => "Jekyll::ArchivesV2::PageDrop",
        }
    }
}

/// `hash[key] << doc` over documents in order, then `sort!.reverse!` per key: documents in
/// Jekyll's sort order (their index), newest first; a document listing a value twice is
/// there twice. Keys keep first-seen order.
pub fn group_by<K: PartialEq + Clone>(
    items: impl Iterator<Item = (K, usize)>,
) -> Vec<(K, Vec<usize>)> {
    let mut out: Vec<(K, Vec<usize>)> = Vec::new();
    for (key, idx) in items {
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(idx),
            None => out.push((key, vec![idx])),
        }
    }
    for (_, v) in &mut out {
        v.sort_unstable();
        v.reverse();
    }
    out
}

/// A Ruby Hash key for a YAML value: equal when Ruby's `eql?` would be (same class, same
/// printed form), with the title it gives an archive.
pub fn value_key(v: &Value) -> (String, Title) {
    let key = format!("{}:{}", v.ruby_class(), crate::value::inspect(v));
    let title = match v {
        Value::Str(s) => Title::Name(s.to_string()),
        _ => Title::Other,
    };
    (key, title)
}
