//! jekyll-archives-v2 (0.0.5, george-gca/jekyll-archives-v2, used by al-folio): archives per
//! collection, by year/month/day and by any array-valued front matter key.
//!
//! This gem is not installed in the reference Jekyll, so its behaviour here comes from
//! reading its source (lib/jekyll-archives-v2.rb, archive.rb, page_drop.rb at v0.0.5), not
//! from differential fixtures; the tests in `tests.rs` say so.

use super::archive::{archive_url, group_by, value_key, ArchiveSpec, Flavor, Title};
use super::inflector::singularize;
use crate::error::{Error, Result};
use crate::site::drops::DocId;
use crate::site::Site;
use crate::value::{Hash, Value};
use chrono::Datelike;

/// The plugin: a generator at normal priority.
pub struct JekyllArchivesV2;

impl crate::plugins::Plugin for JekyllArchivesV2 {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-archives-v2"]
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

const DATE_TYPES: &[&str] = &["year", "month", "day"];

/// The per-collection defaults (one entry per configured collection, `posts` first as
/// Jekyll's configuration lists them) deep-merged with the site's `jekyll-archives`; `None`
/// (with Jekyll's two warnings) when that setting is not a mapping.
pub fn merged_config(site: &mut Site) -> Option<Hash> {
    let mut defaults = Hash::new();
    let names: Vec<String> = match site.config.get("collections") {
        Some(Value::Hash(h)) => h.keys().cloned().collect(),
        _ => site.collections.keys().cloned().collect(),
    };
    for name in names {
        let mut permalinks = Hash::new();
        for (k, v) in [
            ("year", "/:collection/:year/"),
            ("month", "/:collection/:year/:month/"),
            ("day", "/:collection/:year/:month/:day/"),
            ("tags", "/:collection/:type/:name/"),
        ] {
            permalinks.insert(k.into(), Value::str(v));
        }
        let mut c = Hash::new();
        c.insert("layout".into(), Value::str("archive"));
        c.insert("enabled".into(), Value::array(Vec::new()));
        c.insert("permalinks".into(), Value::hash(permalinks));
        defaults.insert(name, Value::hash(c));
    }
    match site.config.get("jekyll-archives").cloned() {
        None => Some(defaults),
        Some(Value::Hash(user)) => {
            crate::config::jekyll_merge(&mut defaults, &user);
            Some(defaults)
        }
        Some(other) => {
            site.warn(format!(
                "Archives: Expected a hash but got {}",
                crate::value::inspect(&other)
            ));
            site.warn("Archives will not be generated for this site.");
            None
        }
    }
}

/// The generator: for each configured collection, its date archives (each year, oldest
/// first, then its months and days, newest first), then its attribute archives.
pub fn generate(site: &mut Site) -> Result<()> {
    let Some(config) = merged_config(site) else {
        return Ok(());
    };
    site.config
        .insert("jekyll-archives".into(), Value::hash(config.clone()));
    let mut specs = Vec::new();
    for (collection, coll_config) in &config {
        let Value::Hash(coll_config) = coll_config else {
            continue;
        };
        read(site, collection, coll_config, &mut specs)?;
    }
    super::add_pages(site, specs, "archives")
}

/// `Archives#read` for one collection.
fn read(site: &Site, collection: &str, config: &Hash, specs: &mut Vec<ArchiveSpec>) -> Result<()> {
    let (use_dates, attributes): ([bool; 3], Vec<String>) = match config.get("enabled") {
        Some(Value::Array(list)) => {
            let has = |t: &str| list.iter().any(|v| v.as_str() == Some(t));
            let attrs = list
                .iter()
                .filter(|v| !v.as_str().is_some_and(|s| DATE_TYPES.contains(&s)))
                .map(crate::value::to_s)
                .collect();
            ([has("year"), has("month"), has("day")], attrs)
        }
        Some(Value::Bool(true)) => ([true; 3], all_array_attributes(site, collection)?),
        Some(Value::Str(s)) if &**s == "all" => {
            ([true; 3], all_array_attributes(site, collection)?)
        }
        _ => return Ok(()),
    };
    if use_dates.iter().any(|b| *b) {
        read_dates(site, collection, config, use_dates, specs)?;
    }
    for attr in attributes {
        read_attr(site, collection, config, &attr, specs)?;
    }
    Ok(())
}

fn collection_index(site: &Site, collection: &str) -> Result<usize> {
    site.collections.get_index_of(collection).ok_or_else(|| {
        Error::new(format!(
            "jekyll-archives-v2: `jekyll-archives` configures '{collection}', which is not a collection (undefined method `docs' for nil)"
        ))
    })
}

/// `enabled: all`: every front matter key of the collection's documents (first-seen order)
/// that holds an Array in at least one of them.
fn all_array_attributes(site: &Site, collection: &str) -> Result<Vec<String>> {
    let coll = collection_index(site, collection)?;
    let docs = &site.collections[coll].docs;
    let mut keys: Vec<String> = Vec::new();
    for d in docs {
        for k in d.data.keys() {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    keys.retain(|k| {
        docs.iter()
            .any(|d| matches!(d.data.get(k), Some(Value::Array(_))))
    });
    Ok(keys)
}

fn read_dates(
    site: &Site,
    collection: &str,
    config: &Hash,
    [use_year, use_month, use_day]: [bool; 3],
    specs: &mut Vec<ArchiveSpec>,
) -> Result<()> {
    let coll = collection_index(site, collection)?;
    let docs = &site.collections[coll].docs;
    let years = group_by(
        docs.iter()
            .enumerate()
            .map(|(i, d)| (format!("{:04}", d.date.year()), i)),
    );
    for (year, year_docs) in years {
        if use_year {
            let title = Title::Date {
                year: year.clone(),
                month: None,
                day: None,
            };
            specs.push(spec(
                config,
                collection,
                "year",
                title,
                coll,
                year_docs.clone(),
            )?);
        }
        if !(use_month || use_day) {
            continue;
        }
        let months = group_by(
            year_docs
                .iter()
                .map(|&i| (format!("{:02}", docs[i].date.month()), i)),
        );
        for (month, month_docs) in months {
            if use_month {
                let title = Title::Date {
                    year: year.clone(),
                    month: Some(month.clone()),
                    day: None,
                };
                specs.push(spec(
                    config,
                    collection,
                    "month",
                    title,
                    coll,
                    month_docs.clone(),
                )?);
            }
            if !use_day {
                continue;
            }
            let days = group_by(
                month_docs
                    .iter()
                    .map(|&i| (format!("{:02}", docs[i].date.day()), i)),
            );
            for (day, day_docs) in days {
                let title = Title::Date {
                    year: year.clone(),
                    month: Some(month.clone()),
                    day: Some(day),
                };
                specs.push(spec(config, collection, "day", title, coll, day_docs)?);
            }
        }
    }
    Ok(())
}

/// `doc_attr_hash`: one archive per value of `attr` across the collection's documents.
fn read_attr(
    site: &Site,
    collection: &str,
    config: &Hash,
    attr: &str,
    specs: &mut Vec<ArchiveSpec>,
) -> Result<()> {
    let coll = collection_index(site, collection)?;
    let docs = &site.collections[coll].docs;
    let mut pairs = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        match d.data.get(attr) {
            None | Some(Value::Nil) => {}
            Some(Value::Array(list)) => {
                for v in list.iter() {
                    pairs.push((KeyTitle::of(v), i));
                }
            }
            Some(other) => {
                return Err(Error::at(
                    d.path.clone(),
                    None,
                    format!(
                        "jekyll-archives-v2: '{attr}' of {} is a {}, not a list (undefined method `each')",
                        d.relative_path,
                        other.ruby_class()
                    ),
                ))
            }
        }
    }
    for (key, idxs) in group_by(pairs.into_iter()) {
        specs.push(spec(config, collection, attr, key.1, coll, idxs)?);
    }
    Ok(())
}

#[derive(Clone)]
struct KeyTitle(String, Title);

impl KeyTitle {
    fn of(v: &Value) -> KeyTitle {
        let (k, t) = value_key(v);
        KeyTitle(k, t)
    }
}

impl PartialEq for KeyTitle {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

/// `Archive.new(site, title, type, collection, documents)`.
fn spec(
    config: &Hash,
    collection: &str,
    kind: &str,
    title: Title,
    coll: usize,
    idxs: Vec<usize>,
) -> Result<ArchiveSpec> {
    let slug = match &title {
        Title::Name(s) => {
            let mode = config
                .get("slug_mode")
                .filter(|v| !v.is_nil())
                .map(crate::value::to_s);
            Some(crate::utils::slugify(s, mode.as_deref(), false))
        }
        _ => None,
    };
    let template = config
        .get("permalinks")
        .and_then(|p| p.get(kind))
        .filter(Value::is_truthy)
        .map(|v| crate::value::to_s(&v))
        .unwrap_or_else(|| "/:collection/:type/:name/".to_string());
    let layout = config
        .get("layouts")
        .and_then(|l| l.get(kind))
        .filter(Value::is_truthy)
        .or_else(|| config.get("layout").cloned())
        .unwrap_or(Value::Nil);
    let url = archive_url(
        &title,
        slug,
        &template,
        &[
            ("collection", Some(collection.to_string())),
            ("type", Some(singularize(kind))),
        ],
    )?;
    Ok(ArchiveSpec {
        flavor: Flavor::V2 {
            collection: collection.to_string(),
        },
        kind: kind.to_string(),
        title,
        docs: idxs.into_iter().map(|idx| DocId { coll, idx }).collect(),
        url,
        layout,
    })
}
