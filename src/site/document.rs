//! Documents: the files of a collection (posts, drafts, `_projects/*.md`, ...), Jekyll's
//! `Document`: data from defaults and front matter, date/slug/categories from the path,
//! excerpts, URL from the collection's permalink template.

use super::converters::{basename_without_ext, ruby_extname};
use super::url::{self, Placeholders};
use super::RenderState;
use crate::error::{Error, Result};
use crate::utils::time::{parse_time, LocalZone};
use crate::utils::{slugify, titleize_slug};
use crate::value::{Hash, Time, Value};
use once_cell::sync::Lazy;
use regex::Regex;
use std::path::PathBuf;

// Ruby: %r!^(?>.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$!
pub static DATE_FILENAME: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:.+/)*?(\d{2,4}-\d{1,2}-\d{1,2})-([^/]*)(\.[^.]+)$").unwrap());
// Ruby: %r!^(?:.+/)*(.*)(\.[^.]+)$!
pub static DATELESS_FILENAME: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(?:.+/)*(.*)(\.[^.]+)$").unwrap());

#[derive(Debug)]
pub struct Document {
    /// Absolute path of the source file.
    pub path: PathBuf,
    /// Path relative to the collections directory (`_posts/2024-01-01-x.md`).
    pub relative_path: String,
    pub collection: String,
    pub extname: String,
    pub data: Hash,
    /// The body after front matter, before any rendering.
    pub raw_content: String,
    /// The line of the source file where the body starts.
    pub content_line: usize,
    pub date: Time,
    pub draft: bool,
    pub url: String,
    pub output_ext: String,
    /// Whether `collection.output` (and publishing rules) make Jekyll write this document.
    pub write: bool,
    /// The excerpt's raw source, when the document has a generated excerpt.
    pub excerpt_source: Option<String>,
    pub state: RenderState,
}

/// What a document needs from its site while it is read.
pub struct DocContext<'a> {
    pub site_time: Time,
    pub zone: LocalZone,
    pub defaults: &'a crate::config::defaults::FrontMatterDefaults,
    pub excerpt_separator: String,
    pub collection_relative_dir: String,
    pub url_template: String,
    pub converters: &'a super::converters::Converters,
}

/// Ruby's `File.dirname`: trailing slashes do not count; `/` for top-level paths.
pub fn ruby_dirname(path: &str) -> String {
    let trimmed = path.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(0) => "/".into(),
        Some(i) => trimmed[..i].trim_end_matches('/').to_string(),
        None if path.starts_with('/') => "/".into(),
        None => ".".into(),
    }
}

/// `Document#merge_data!` (categories union, deep merge, date parsing).
fn merge_data(
    doc_data: &mut Hash,
    mut other: Hash,
    zone: &LocalZone,
    rel: &str,
    source: &str,
) -> Result<()> {
    if let Some(cats) = other.get("categories").cloned() {
        if !cats.is_nil() {
            let cats = match cats {
                Value::Str(s) => Value::array(s.split_whitespace().map(Value::from).collect()),
                c => c,
            };
            let cats = match (doc_data.get("categories"), &cats) {
                (Some(Value::Array(old)), Value::Array(new)) => {
                    let mut u: Vec<Value> = Vec::new();
                    for v in old.iter().chain(new.iter()) {
                        if !u
                            .iter()
                            .any(|x| crate::value::inspect(x) == crate::value::inspect(v))
                        {
                            u.push(v.clone());
                        }
                    }
                    Value::array(u)
                }
                _ => cats,
            };
            other.insert("categories".into(), cats);
        }
    }
    crate::config::jekyll_merge(doc_data, &other);
    if let Some(d) = doc_data.get("date") {
        let parsed = parse_date_value(d, zone).ok_or_else(|| {
            Error::new(format!(
                "Invalid date '{}': Document '{}' does not have a valid date in the {}.",
                crate::value::to_s(d),
                rel,
                source
            ))
        })?;
        doc_data.insert("date".into(), Value::Time(parsed));
    }
    Ok(())
}

/// `Utils.parse_date(value.to_s)`: `Time.parse(...).localtime`.
pub fn parse_date_value(v: &Value, zone: &LocalZone) -> Option<Time> {
    match v {
        Value::Time(t) => Some(zone.localtime(t)),
        other => parse_time(&crate::value::to_s(other), zone).map(|t| zone.localtime(&t)),
    }
}

/// `Utils.pluralized_array_from_hash(hash, singular, plural)`.
pub fn pluralized_array(data: &Hash, singular: &str, plural: &str) -> Vec<Value> {
    let value = match data.get(singular) {
        Some(v) if !v.is_nil() => Some(v.clone()),
        _ => match data.get(plural) {
            Some(Value::Str(s)) => Some(Value::array(
                s.split_whitespace().map(Value::from).collect(),
            )),
            Some(Value::Array(a)) => Some(Value::array(
                a.iter().filter(|v| !v.is_nil()).cloned().collect(),
            )),
            _ => None,
        },
    };
    let mut out = Vec::new();
    if let Some(v) = value {
        flatten_into(&v, &mut out);
    }
    out.retain(|v| !v.is_nil());
    out
}

fn flatten_into(v: &Value, out: &mut Vec<Value>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| flatten_into(x, out)),
        other => out.push(other.clone()),
    }
}

impl Document {
    /// Reads a document (`Document.new` + `#read`).
    pub fn read(
        path: PathBuf,
        relative_path: String,
        collection: &str,
        ctx: &DocContext,
        text: &str,
    ) -> Result<Document> {
        let extname = ruby_extname(&relative_path).to_string();
        let is_posts = collection == "posts";
        let draft = is_posts && !relative_path.contains(&ctx.collection_relative_dir);
        let mut data = Hash::new();
        // `Document#draft?` runs first in `initialize`, so `draft` is the first data key.
        data.insert("draft".into(), Value::Bool(draft));

        // categories_from_path
        let special_dir = if draft {
            "_drafts"
        } else {
            ctx.collection_relative_dir.as_str()
        };
        let basename = relative_path
            .rsplit('/')
            .next()
            .unwrap_or(&relative_path)
            .to_string();
        let superdirs: Vec<Value> = if relative_path.starts_with(special_dir) {
            Vec::new()
        } else {
            let cut = relative_path
                .find(special_dir)
                .map(|i| &relative_path[..i])
                .unwrap_or(&relative_path);
            cut.split('/')
                .filter(|c| !c.is_empty() && *c != special_dir && *c != basename)
                .map(Value::from)
                .collect()
        };
        let mut init = Hash::new();
        init.insert("categories".into(), Value::array(superdirs));
        merge_data(&mut data, init, &ctx.zone, &relative_path, "file path")?;

        let yaml_file = matches!(extname.as_str(), ".yaml" | ".yml");
        let type_ = collection;
        let defaults = ctx.defaults.all(&relative_path, type_);
        if !defaults.is_empty() {
            merge_data(
                &mut data,
                defaults,
                &ctx.zone,
                &relative_path,
                "front matter defaults",
            )?;
        }
        let (raw_content, content_line) = if yaml_file {
            (String::new(), 1)
        } else {
            let parsed = super::frontmatter::parse(text, &path)?;
            if let Some(fm) = parsed.data {
                merge_data(
                    &mut data,
                    fm,
                    &ctx.zone,
                    &relative_path,
                    "YAML front matter",
                )?;
            }
            (parsed.content, parsed.content_line)
        };

        // populate_title
        let (date_part, slug, ext) = if let Some(c) = DATE_FILENAME.captures(&relative_path) {
            (
                Some(c[1].to_string()),
                c[2].to_string(),
                Some(c[3].to_string()),
            )
        } else if let Some(c) = DATELESS_FILENAME.captures(&relative_path) {
            (None, c[1].to_string(), Some(c[2].to_string()))
        } else {
            (None, basename_without_ext(&relative_path).to_string(), None)
        };
        if let Some(d) = date_part {
            let same_as_site = match data.get("date") {
                Some(Value::Time(t)) => t.timestamp() == ctx.site_time.timestamp(),
                Some(v) => !v.is_truthy(),
                None => true,
            };
            if same_as_site {
                let mut h = Hash::new();
                h.insert("date".into(), Value::str(d));
                merge_data(&mut data, h, &ctx.zone, &relative_path, "filename")?;
            }
        }
        let slug = slug.trim_end_matches('.').to_string();
        if !data.get("title").is_some_and(Value::is_truthy) {
            data.insert("title".into(), Value::str(titleize_slug(&slug)));
        }
        if !data.get("slug").is_some_and(Value::is_truthy) {
            data.insert("slug".into(), Value::str(slug.clone()));
        }
        if !data.get("ext").is_some_and(Value::is_truthy) {
            if let Some(e) = ext {
                data.insert("ext".into(), Value::str(e));
            }
        }
        // populate_categories
        let mut cats: Vec<Value> = match data.get("categories") {
            Some(Value::Array(a)) => a.to_vec(),
            Some(Value::Nil) | None => Vec::new(),
            Some(v) => vec![v.clone()],
        };
        cats.extend(pluralized_array(&data, "category", "categories"));
        let mut flat = Vec::new();
        cats.iter().for_each(|c| flatten_into(c, &mut flat));
        let mut uniq: Vec<String> = Vec::new();
        for c in flat {
            let s = crate::value::to_s(&c);
            if !uniq.contains(&s) {
                uniq.push(s);
            }
        }
        let mut h = Hash::new();
        h.insert(
            "categories".into(),
            Value::array(uniq.into_iter().map(Value::from).collect()),
        );
        merge_data(&mut data, h, &ctx.zone, &relative_path, "YAML front matter")?;
        // populate_tags
        let tags = pluralized_array(&data, "tag", "tags");
        let mut h = Hash::new();
        h.insert("tags".into(), Value::array(tags));
        merge_data(&mut data, h, &ctx.zone, &relative_path, "YAML front matter")?;

        // Document#date: drafts without a date use the file's mtime, others the site time.
        let date = match data.get("date") {
            Some(Value::Time(t)) => *t,
            _ => {
                let t = if draft {
                    std::fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .map(|m| {
                            let utc: chrono::DateTime<chrono::Utc> = m.into();
                            ctx.zone.localtime(&utc.fixed_offset())
                        })
                        .unwrap_or(ctx.site_time)
                } else {
                    ctx.site_time
                };
                data.insert("date".into(), Value::Time(t));
                t
            }
        };

        // Excerpt (generated unless the separator is empty or front matter sets one).
        let separator = match data.get("excerpt_separator") {
            Some(v) if v.is_truthy() => crate::value::to_s(v),
            _ => ctx.excerpt_separator.clone(),
        };
        let excerpt_source = if !separator.is_empty() && !data.contains_key("excerpt") {
            Some(super::excerpt::extract(&raw_content, &separator))
        } else {
            None
        };

        let permalink = data
            .get("permalink")
            .filter(|v| v.is_truthy())
            .map(crate::value::to_s);
        let output_ext = ctx.converters.output_ext(&extname, permalink.as_deref());
        let mut doc = Document {
            path,
            relative_path,
            collection: collection.to_string(),
            extname,
            data,
            raw_content,
            content_line,
            date,
            draft,
            url: String::new(),
            output_ext,
            write: false,
            excerpt_source,
            state: RenderState::default(),
        };
        doc.url = doc.compute_url(
            &ctx.url_template,
            &ctx.collection_relative_dir,
            permalink.as_deref(),
        )?;
        Ok(doc)
    }

    /// `Document.new(path, site:, collection:)` without `#read`, as generators create
    /// documents: `draft` and `categories` from the path, then the generator's `data` and
    /// content. Front matter defaults are looked up, not merged into the data (Jekyll's
    /// `default_proc`), so they come last here. No title, slug or excerpt is derived.
    pub fn generated(
        path: PathBuf,
        relative_path: String,
        collection: &str,
        ctx: &DocContext,
        extra: Hash,
        content: String,
    ) -> Result<Document> {
        let extname = ruby_extname(&relative_path).to_string();
        let draft = collection == "posts" && !relative_path.contains(&ctx.collection_relative_dir);
        let mut data = Hash::new();
        data.insert("draft".into(), Value::Bool(draft));
        data.insert("categories".into(), Value::array(Vec::new()));
        merge_data(&mut data, extra, &ctx.zone, &relative_path, "generator")?;
        for (k, v) in ctx.defaults.all(&relative_path, collection) {
            if !data.contains_key(&k) {
                data.insert(k, v);
            }
        }
        let date = match data.get("date") {
            Some(Value::Time(t)) => *t,
            _ => ctx.site_time,
        };
        let permalink = data
            .get("permalink")
            .filter(|v| v.is_truthy())
            .map(crate::value::to_s);
        let output_ext = ctx.converters.output_ext(&extname, permalink.as_deref());
        let mut doc = Document {
            path,
            relative_path,
            collection: collection.to_string(),
            extname,
            data,
            raw_content: content,
            content_line: 1,
            date,
            draft,
            url: String::new(),
            output_ext,
            write: false,
            excerpt_source: None,
            state: RenderState::default(),
        };
        doc.url = doc.compute_url(
            &ctx.url_template,
            &ctx.collection_relative_dir,
            permalink.as_deref(),
        )?;
        Ok(doc)
    }

    pub fn basename(&self) -> &str {
        self.relative_path
            .rsplit('/')
            .next()
            .unwrap_or(&self.relative_path)
    }

    pub fn basename_without_ext(&self) -> &str {
        basename_without_ext(self.basename())
    }

    /// `Document#cleaned_relative_path`: `:path` of a collection URL.
    pub fn cleaned_relative_path(&self, collection_dir: &str) -> String {
        let without_ext = &self.relative_path[..self.relative_path.len() - self.extname.len()];
        let replaced = without_ext.replacen(collection_dir, "", 1);
        replaced.trim_end_matches('.').to_string()
    }

    /// A URL placeholder of this document (Jekyll's `UrlDrop`).
    pub fn url_placeholder(&self, key: &str, collection_dir: &str) -> Option<String> {
        let d = &self.date;
        let f = |fmt: &str| Some(d.format(fmt).to_string());
        let slug_src = self
            .data
            .get("slug")
            .filter(|v| !v.is_nil())
            .map(crate::value::to_s);
        Some(match key {
            "output_ext" => self.output_ext.clone(),
            "path" => self.cleaned_relative_path(collection_dir),
            "collection" => self.collection.clone(),
            "name" => slugify(self.basename_without_ext(), None, false),
            "title" => slugify(
                slug_src.as_deref().unwrap_or(self.basename_without_ext()),
                Some("pretty"),
                true,
            ),
            "slug" => slugify(
                slug_src.as_deref().unwrap_or(self.basename_without_ext()),
                None,
                false,
            ),
            "categories" => {
                let mut seen: Vec<String> = Vec::new();
                for c in self.categories() {
                    let c = c.to_lowercase();
                    if !seen.contains(&c) {
                        seen.push(c);
                    }
                }
                seen.join("/")
            }
            "slugified_categories" => {
                let mut seen: Vec<String> = Vec::new();
                for c in self.categories() {
                    let c = slugify(&c, None, false);
                    if !seen.contains(&c) {
                        seen.push(c);
                    }
                }
                seen.join("/")
            }
            "year" => return f("%Y"),
            "month" => return f("%m"),
            "day" => return f("%d"),
            "hour" => return f("%H"),
            "minute" => return f("%M"),
            "second" => return f("%S"),
            "i_day" => return f("%-d"),
            "i_month" => return f("%-m"),
            "short_month" => return f("%b"),
            "long_month" => return f("%B"),
            "short_year" => return f("%y"),
            "w_year" => return f("%G"),
            "week" => return f("%V"),
            "w_day" => return f("%u"),
            "short_day" => return f("%a"),
            "long_day" => return f("%A"),
            "y_day" => return f("%j"),
            _ => return None,
        })
    }

    pub fn categories(&self) -> Vec<String> {
        match self.data.get("categories") {
            Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
            Some(Value::Nil) | None => Vec::new(),
            Some(v) => vec![crate::value::to_s(v)],
        }
    }

    fn compute_url(
        &self,
        template: &str,
        collection_dir: &str,
        permalink: Option<&str>,
    ) -> Result<String> {
        let lookup = |k: &str| self.url_placeholder(k, collection_dir);
        url::generate(template, &Placeholders::Drop(&lookup), permalink)
            .map_err(|e| e.in_file(self.path.clone()))
    }

    /// `Document#id`: `File.join(File.dirname(url), slug)`.
    pub fn id(&self) -> String {
        let dir = ruby_dirname(&self.url);
        let slug = self
            .data
            .get("slug")
            .filter(|v| !v.is_nil())
            .map(crate::value::to_s)
            .unwrap_or_else(|| self.basename_without_ext().to_string());
        if dir.ends_with('/') {
            format!("{dir}{slug}")
        } else {
            format!("{dir}/{slug}")
        }
    }

    /// Whether `published: false` hides it.
    pub fn published(&self) -> bool {
        !matches!(self.data.get("published"), Some(Value::Bool(false)))
    }

    /// Destination path under `dest` (`Document#destination`).
    pub fn destination(&self, dest: &std::path::Path) -> PathBuf {
        let mut rel = url::unescape_path(&self.url);
        if rel.ends_with('/') {
            rel.push_str("index.html");
        } else if !rel.ends_with(&self.output_ext) {
            rel.push_str(&self.output_ext);
        }
        super::in_dest_dir(dest, &rel)
    }

    pub fn is_yaml(&self) -> bool {
        matches!(self.extname.as_str(), ".yaml" | ".yml")
    }

    pub fn is_asset(&self) -> bool {
        matches!(self.extname.as_str(), ".sass" | ".scss" | ".coffee")
    }

    /// Jekyll's `<=>` for documents: by date, then by path.
    pub fn cmp_jekyll(&self, other: &Document) -> std::cmp::Ordering {
        self.date
            .cmp(&other.date)
            .then_with(|| self.path.as_os_str().cmp(other.path.as_os_str()))
    }
}
