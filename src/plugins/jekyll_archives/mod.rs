//! jekyll-archives (2.2): archive pages of posts by year, month, day, tag and category, each
//! rendered with a layout and listing its posts as `page.posts`. `v2` is al-folio's
//! per-collection fork, jekyll-archives-v2.

pub mod archive;
pub mod inflector;
pub mod v2;

use crate::error::{Error, Result};
use crate::site::drops::DocId;
use crate::site::Site;
use crate::value::{Hash, Value};
use archive::{build_page, group_by, value_key, ArchiveSpec, Flavor, Title};
use chrono::Datelike;

/// The plugin: a generator at normal priority.
pub struct JekyllArchives;

impl crate::plugins::Plugin for JekyllArchives {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-archives"]
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// `Archives::DEFAULTS` deep-merged with the site's `jekyll-archives` (a nil value in the
/// site's keeps the default, as `Utils.deep_merge_hashes` does).
pub fn merged_config(site: &Site) -> Result<Hash> {
    let mut permalinks = Hash::new();
    for (k, v) in [
        ("year", "/:year/"),
        ("month", "/:year/:month/"),
        ("day", "/:year/:month/:day/"),
        ("tag", "/tag/:name/"),
        ("category", "/category/:name/"),
    ] {
        permalinks.insert(k.into(), Value::str(v));
    }
    let mut config = Hash::new();
    config.insert("layout".into(), Value::str("archive"));
    config.insert("enabled".into(), Value::array(Vec::new()));
    config.insert("permalinks".into(), Value::hash(permalinks));
    match site.config.get("jekyll-archives") {
        None => {}
        Some(Value::Hash(user)) => crate::config::jekyll_merge(&mut config, user),
        Some(other) => {
            return Err(Error::new(format!(
                "jekyll-archives: no implicit conversion of {} into Hash (the `jekyll-archives` setting must be a mapping)",
                ruby_class_name(other)
            )))
        }
    }
    Ok(config)
}

fn ruby_class_name(v: &Value) -> &'static str {
    match v {
        Value::Nil => "nil",
        Value::Bool(true) => "true",
        Value::Bool(false) => "false",
        other => other.ruby_class(),
    }
}

/// `Archives#enabled?`: `true`, `"all"`, or a list naming the type (`year`, `month`, `day`,
/// `tags`, `categories`).
fn enabled(config: &Hash, what: &str) -> bool {
    match config.get("enabled") {
        Some(Value::Bool(true)) => true,
        Some(Value::Str(s)) => &**s == "all",
        Some(Value::Array(list)) => list.iter().any(|v| v.as_str() == Some(what)),
        _ => false,
    }
}

/// `Archive#layout`: `layouts[type]` when set, else `layout`.
fn layout_for(config: &Hash, kind: &str) -> Value {
    if let Some(l) = config
        .get("layouts")
        .and_then(|l| l.get(kind))
        .filter(Value::is_truthy)
    {
        return l;
    }
    config.get("layout").cloned().unwrap_or(Value::Nil)
}

fn template_for(config: &Hash, kind: &str) -> String {
    config
        .get("permalinks")
        .and_then(|p| p.get(kind))
        .filter(|v| !v.is_nil())
        .map(|v| crate::value::to_s(&v))
        .unwrap_or_default()
}

/// The generator: tag archives, then category archives, then for each year (oldest first)
/// its archive, each of its months (newest first) and each month's days (newest first).
pub fn generate(site: &mut Site) -> Result<()> {
    let config = merged_config(site)?;
    site.config
        .insert("jekyll-archives".into(), Value::hash(config.clone()));
    let Some(coll) = site.collections.get_index_of("posts") else {
        return Ok(());
    };
    let mut specs: Vec<ArchiveSpec> = Vec::new();
    for (attr, kind) in [("tags", "tag"), ("categories", "category")] {
        if !enabled(&config, attr) {
            continue;
        }
        let docs = &site.collections[coll].docs;
        let pairs = docs.iter().enumerate().flat_map(|(i, d)| {
            let values: Vec<Value> = match d.data.get(attr) {
                Some(Value::Array(list)) => list.iter().cloned().collect(),
                _ => Vec::new(),
            };
            values.into_iter().map(move |v| (value_key(&v), i))
        });
        let groups = group_by(pairs.map(|((k, t), i)| (KeyTitle(k, t), i)));
        for (KeyTitle(_, title), idxs) in groups {
            specs.push(spec(site, &config, kind, title, coll, idxs)?);
        }
    }
    let docs = &site.collections[coll].docs;
    let years = group_by(
        docs.iter()
            .enumerate()
            .map(|(i, d)| (format!("{:04}", d.date.year()), i)),
    );
    for (year, year_docs) in years {
        if enabled(&config, "year") {
            let title = Title::Date {
                year: year.clone(),
                month: None,
                day: None,
            };
            specs.push(spec(site, &config, "year", title, coll, year_docs.clone())?);
        }
        let months = group_by(
            year_docs
                .iter()
                .map(|&i| (format!("{:02}", docs[i].date.month()), i)),
        );
        for (month, month_docs) in months {
            if enabled(&config, "month") {
                let title = Title::Date {
                    year: year.clone(),
                    month: Some(month.clone()),
                    day: None,
                };
                specs.push(spec(
                    site,
                    &config,
                    "month",
                    title,
                    coll,
                    month_docs.clone(),
                )?);
            }
            let days = group_by(
                month_docs
                    .iter()
                    .map(|&i| (format!("{:02}", docs[i].date.day()), i)),
            );
            for (day, day_docs) in days {
                if enabled(&config, "day") {
                    let title = Title::Date {
                        year: year.clone(),
                        month: Some(month.clone()),
                        day: Some(day),
                    };
                    specs.push(spec(site, &config, "day", title, coll, day_docs)?);
                }
            }
        }
    }
    add_pages(site, specs, "archives")
}

/// Appends the archive pages to `site.pages` and lists them as `site.<key>`.
pub fn add_pages(site: &mut Site, specs: Vec<ArchiveSpec>, key: &str) -> Result<()> {
    let mut indexes = Vec::with_capacity(specs.len());
    for spec in specs {
        let page = build_page(site, spec)?;
        indexes.push(site.pages.len());
        site.pages.push(page);
    }
    site.config.insert(key.into(), Value::array(Vec::new()));
    site.config_page_lists.insert(key.into(), indexes);
    Ok(())
}

/// A grouping key (Ruby's Hash key identity) with the title it gives.
#[derive(Clone)]
struct KeyTitle(String, Title);

impl PartialEq for KeyTitle {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

fn spec(
    site: &Site,
    config: &Hash,
    kind: &str,
    title: Title,
    coll: usize,
    idxs: Vec<usize>,
) -> Result<ArchiveSpec> {
    let slug = match &title {
        Title::Name(s) => Some(crate::utils::slugify(s, None, false)),
        _ => None,
    };
    let url = archive::archive_url(
        &title,
        slug,
        &template_for(config, kind),
        &[("type", Some(kind.to_string()))],
    )?;
    // Front matter defaults apply by path and by the archive's type (Archive#type).
    let defaults = site.defaults.all(&archive::relative_path_of(&url), kind);
    Ok(ArchiveSpec {
        flavor: Flavor::V1 { defaults },
        kind: kind.to_string(),
        title,
        docs: idxs.into_iter().map(|idx| DocId { coll, idx }).collect(),
        url,
        layout: layout_for(config, kind),
    })
}

#[cfg(test)]
mod tests;
