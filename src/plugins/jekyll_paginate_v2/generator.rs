//! The pagination generator (`PaginationGenerator` + `PaginationModel`): every page whose
//! `pagination` front matter is enabled is replaced by one page per slice of the documents
//! it lists, each with its own `paginator`.

use super::config::{
    ensure_leading_dot, ensure_trailing_slash, file_join, format_page_title, list_or_space_sep,
    merged, pagination_defaults, ruby_split, to_i,
};
use super::indexer::{self, Index};
use super::paginator::{PagerInput, Paginator, TrailEntry};
use crate::cli::log;
use crate::error::{Error, Result};
use crate::site::drops::DocId;
use crate::site::page::Page;
use crate::site::Site;
use crate::value::{Hash, Value};
use std::cmp::Ordering;

const LEGACY_BOTH: &str = "The new jekyll-paginate-v2 and the old jekyll-paginate logic cannot both be configured in the site config at the same time. Please disable the old 'paginate:' config settings by either omitting the values or setting them to 'paginate:off'.";

/// A front matter value of a page the way the gem reads it (`page.data[key]`): the page's
/// own value, else its front matter default.
pub fn page_value(site: &Site, page: &Page, key: &str) -> Option<Value> {
    match page.data.get(key) {
        Some(v) => Some(v.clone()),
        None => site.defaults.find(&page.relative_path(), "pages", key),
    }
}

/// Ruby's `to_s` for the debug listing (arrays and hashes print as `inspect`).
fn ruby_to_s(v: Option<&Value>) -> String {
    match v {
        None => String::new(),
        Some(v @ (Value::Array(_) | Value::Hash(_))) => crate::value::inspect(v),
        Some(v) => crate::value::to_s(v),
    }
}

const DEBUG_PREFIX: &str = "        Pagination: ";

fn debug_config(config: &Hash, page_path: &str) {
    let line = |label: &str, value: String| println!("{DEBUG_PREFIX}{label:<20}{value}");
    println!("{DEBUG_PREFIX}----------------------------");
    println!("{DEBUG_PREFIX}Page: {page_path}");
    println!("{DEBUG_PREFIX} Active configuration");
    for (label, key) in [
        ("  Enabled: ", "enabled"),
        ("  Items per page: ", "per_page"),
        ("  Permalink: ", "permalink"),
        ("  Title: ", "title"),
        ("  Limit: ", "limit"),
        ("  Sort by: ", "sort_field"),
        ("  Sort reverse: ", "sort_reverse"),
    ] {
        line(label, ruby_to_s(config.get(key)));
    }
    println!("{DEBUG_PREFIX} Active Filters");
    line("  Collection: ", ruby_to_s(config.get("collection")));
    line("  Offset: ", ruby_to_s(config.get("offset")));
    let not_set = |v: Option<&Value>, also: Option<&str>| match v {
        None | Some(Value::Nil) => "[Not set]".to_string(),
        Some(Value::Str(s)) if Some(&**s) == also => "[Not set]".to_string(),
        v => ruby_to_s(v),
    };
    line(
        "  Category: ",
        not_set(config.get("category"), Some("posts")),
    );
    line("  Tag: ", not_set(config.get("tag"), None));
    line("  Locale: ", not_set(config.get("locale"), None));
}

fn debug_filter(debug: bool, name: &str, before: usize, after: usize) {
    if debug {
        println!("{DEBUG_PREFIX} Filtering by: {name:<9} {before:>3} => {after}");
    }
}

/// The documents of the collections `collection` names (a list, or a string split at `;`,
/// `,` and whitespace; `all` is every collection but posts), without pagination templates
/// and hidden documents.
fn docs_in_collections(site: &Site, names: Option<&Value>) -> Vec<DocId> {
    let names: Vec<String> = match names {
        Some(Value::Str(s)) => ruby_split(s, list_or_space_sep),
        Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
        Some(Value::Nil) | None => Vec::new(),
        Some(other) => vec![crate::value::to_s(other)],
    };
    let mut docs = Vec::new();
    let not_template =
        |c: usize, i: usize| !site.collections[c].docs[i].data.contains_key("pagination");
    for name in names {
        let name = indexer::clean_key(&name);
        if name == "all" {
            for (c, (label, coll)) in site.collections.iter().enumerate() {
                if label != "posts" {
                    docs.extend(
                        (0..coll.docs.len())
                            .filter(|&i| not_template(c, i))
                            .map(|idx| DocId { coll: c, idx }),
                    );
                }
            }
        } else if let Some(c) = site.collections.get_index_of(&name) {
            docs.extend(
                (0..site.collections[c].docs.len())
                    .filter(|&i| not_template(c, i))
                    .map(|idx| DocId { coll: c, idx }),
            );
        }
    }
    docs.retain(|id| {
        !site.collections[id.coll].docs[id.idx]
            .data
            .get("hidden")
            .is_some_and(Value::is_truthy)
    });
    docs
}

/// `Utils.sort_get_post_data`: the value at `a:b:c` in the document's data, `nil` when a
/// level is missing or the value is a hash.
fn sort_value(data: &Hash, field: &str) -> Result<Value> {
    let mut current = Value::Hash(std::sync::Arc::new(data.clone()));
    for part in field.split(':') {
        let key = indexer::clean_key(part);
        let next = match &current {
            Value::Hash(h) => match h.get(&key) {
                Some(v) => v.clone(),
                None => return Ok(Value::Nil),
            },
            other => {
                return Err(Error::new(format!(
                    "jekyll-paginate-v2: sort_field '{field}': undefined method `has_key?' for {}",
                    crate::value::inspect(other)
                )))
            }
        };
        current = next;
    }
    Ok(match current {
        Value::Hash(_) => Value::Nil,
        v => v,
    })
}

fn date_instant(d: &crate::value::Date) -> chrono::DateTime<chrono::Utc> {
    d.and_time(chrono::NaiveTime::MIN).and_utc()
}

/// `Utils.sort_values`: `nil` first, strings without case, everything else by `<=>`.
fn compare_sort_values(a: &Value, b: &Value) -> Result<Ordering> {
    match (a.is_nil(), b.is_nil()) {
        (true, false) => return Ok(Ordering::Less),
        (false, true) => return Ok(Ordering::Greater),
        (true, true) => return Ok(Ordering::Equal),
        _ => {}
    }
    let result = match (a, b) {
        (Value::Str(x), Value::Str(y)) => Some(x.to_lowercase().cmp(&y.to_lowercase())),
        (Value::Str(_), other) => {
            return Err(Error::new(format!(
                "jekyll-paginate-v2: sorting by sort_field: undefined method `downcase' for {}:{}",
                crate::value::inspect(other),
                other.ruby_class()
            )))
        }
        // `to_datetime`: a Date is its midnight in UTC.
        (Value::Date(d), Value::Time(t)) => Some(date_instant(d).cmp(&t.to_utc())),
        (Value::Time(t), Value::Date(d)) => Some(t.to_utc().cmp(&date_instant(d))),
        _ => crate::value::compare(a, b),
    };
    result.ok_or_else(|| {
        Error::new(format!(
            "jekyll-paginate-v2: comparison of {} with {} failed (sort_field values of different types)",
            a.ruby_class(),
            b.ruby_class()
        ))
    })
}

/// One pagination page before it becomes a `Page`.
struct NewPage {
    /// `indexpage` + `extension` (`.html` by default): the page's `name` and `path`.
    file_name: String,
    data: Hash,
    pager: Paginator,
    url: String,
}

/// The template pages: pages whose `pagination` (front matter or default) is a hash with
/// `enabled` set.
fn templates(site: &Site) -> Vec<usize> {
    (0..site.pages.len())
        .filter(|&i| {
            matches!(page_value(site, &site.pages[i], "pagination"),
                Some(Value::Hash(h)) if h.get("enabled").is_some_and(Value::is_truthy))
        })
        .collect()
}

/// `PaginationGenerator#generate` after the autopages (which start at
/// `site.pages[first_autopage]`). Returns how many pages before the autopages it removed.
pub fn run(site: &mut Site, first_autopage: usize) -> Result<usize> {
    let site_pagination = site.config.get("pagination").cloned();
    let mut default_config = merged(&pagination_defaults(), site_pagination.as_ref());
    if site.config.get("paginate").is_some_and(|v| !v.is_nil()) {
        log::info(
            "Pagination:",
            "Legacy paginate configuration settings detected and will be used.",
        );
        if site_pagination.as_ref().is_some_and(|v| !v.is_nil()) {
            log::error("", LEGACY_BOTH);
            return Err(Error::new(LEGACY_BOTH));
        }
        default_config.insert("enabled".into(), Value::Bool(true));
    }
    if !default_config.get("enabled").is_some_and(Value::is_truthy) {
        log::info("Pagination:", "Disabled in site.config.");
        return Ok(0);
    }
    if default_config
        .get("title_suffix")
        .is_some_and(|v| !v.is_nil())
    {
        log::warn("Deprecation:", "Pagination: The 'title_suffix' configuration has been deprecated. Please use 'title'. See https://github.com/sverrirs/jekyll-paginate-v2/blob/master/README-GENERATOR.md#site-configuration");
    }
    if site.config.get("paginate").is_some_and(|v| !v.is_nil()) {
        log::warn("Pagination:", "You are running jekyll-paginate backwards compatible pagination logic. Please ignore all earlier warnings displayed related to the old jekyll-paginate gem.");
        return Err(Error::new(
            "Legacy jekyll-paginate configuration compatibility mode has expired. Please upgrade to jekyll-paginate-v2 configuration.",
        ));
    }
    log::debug("Pagination:", "Starting");

    let templates = templates(site);
    if templates.is_empty() {
        log::warn("Pagination:", "Is enabled, but I couldn't find any pagination page. Skipping pagination. Pages must have 'pagination: enabled: true' in their front-matter for pagination to work.");
        log::info("Pagination:", "Complete, processed  pagination page(s)");
        return Ok(0);
    }
    let site_title = site.config.get("title").cloned().unwrap_or(Value::Nil);
    let mut removed = Vec::new();
    let mut added: Vec<Page> = Vec::new();
    for &t in &templates {
        let Some(Value::Hash(page_config)) = page_value(site, &site.pages[t], "pagination") else {
            continue;
        };
        let mut config = merged(&default_config, Some(&Value::Hash(page_config)));
        if let Some(suffix) = config.shift_remove("title_suffix") {
            if !suffix.is_nil() && config.get("title").is_none_or(Value::is_nil) {
                config.insert(
                    "title".into(),
                    Value::str(format!(":title{}", crate::value::to_s(&suffix))),
                );
            }
        }
        let debug = config.get("debug").is_some_and(Value::is_truthy);
        let template_path = crate::value::to_s(&site.pages[t].liquid_path());
        if debug {
            debug_config(&config, &template_path);
        }
        if !config.get("enabled").is_some_and(Value::is_truthy) {
            continue;
        }
        if !debug {
            log::debug("Pagination:", &format!("found page: {template_path}"));
        }
        let all_posts = docs_in_collections(site, config.get("collection"));
        let mut categories = indexer::index_posts_by(site, &all_posts, "categories")?;
        categories.insert("posts".into(), all_posts.clone());
        let tags = indexer::index_posts_by(site, &all_posts, "tags")?;
        let locales = indexer::index_posts_by(site, &all_posts, "locale")?;
        let indexes = [
            ("Category", "category", &categories),
            ("Tag", "tag", &tags),
            ("Locale", "locale", &locales),
        ];
        let new_pages = paginate(site, t, &config, &site_title, all_posts, &indexes, debug)?;
        removed.push(t);
        let template = &site.pages[t];
        for np in new_pages {
            added.push(to_page(site, template, np)?);
        }
    }
    let removed_before = removed.iter().filter(|&&i| i < first_autopage).count();
    let mut i = 0;
    site.pages.retain(|_| {
        let keep = !removed.contains(&i);
        i += 1;
        keep
    });
    site.pages.extend(added);
    log::info(
        "Pagination:",
        &format!("Complete, processed {} pagination page(s)", templates.len()),
    );
    Ok(removed_before)
}

/// `PaginationModel#paginate` for one template page.
fn paginate(
    site: &Site,
    t: usize,
    config: &Hash,
    site_title: &Value,
    all_posts: Vec<DocId>,
    indexes: &[(&str, &str, &Index)],
    debug: bool,
) -> Result<Vec<NewPage>> {
    let template = &site.pages[t];
    let mut posts = all_posts;
    for (name, key, index) in indexes {
        let before = posts.len();
        posts = indexer::filter(config, key, posts, index);
        debug_filter(debug, name, before, posts.len());
    }
    if let Some(field) = config.get("sort_field").filter(|v| v.is_truthy()) {
        let field = crate::value::to_s(field);
        if debug {
            println!("{DEBUG_PREFIX}Rolling through the date fields for all documents");
        }
        let mut keyed: Vec<(Value, DocId)> = posts
            .iter()
            .map(|id| {
                Ok((
                    sort_value(&site.collections[id.coll].docs[id.idx].data, &field)?,
                    *id,
                ))
            })
            .collect::<Result<_>>()?;
        let mut failure = None;
        let _ = crate::liquid::filters::ruby_sort(
            &mut keyed,
            &mut |a, b| match compare_sort_values(&a.0, &b.0) {
                Ok(o) => Ok(o),
                Err(e) => {
                    failure.get_or_insert(e);
                    Ok(Ordering::Equal)
                }
            },
        );
        if let Some(e) = failure {
            return Err(e);
        }
        posts = keyed.into_iter().map(|(_, id)| id).collect();
        // `pop(offset)`: the gem drops the offset from the end of the ascending list.
        let offset = to_i(config.get("offset")).max(0) as usize;
        posts.truncate(posts.len().saturating_sub(offset));
        if config.get("sort_reverse").is_some_and(Value::is_truthy) {
            posts.reverse();
        }
    }
    let per_page = to_i(config.get("per_page"));
    if per_page == 0 {
        return Err(Error::new(format!(
            "jekyll-paginate-v2: per_page is 0 in {} (FloatDomainError)",
            crate::value::to_s(&template.liquid_path())
        )));
    }
    let mut total_pages = (posts.len() as f64 / per_page as f64).ceil() as i64;
    let limit = to_i(config.get("limit"));
    if config.get("limit").is_some_and(Value::is_truthy) && limit > 0 && limit < total_pages {
        total_pages = limit;
    }
    let index_name = match config.get("indexpage") {
        None | Some(Value::Nil) => String::new(),
        Some(v) => crate::value::to_s(v)
            .split('.')
            .next()
            .unwrap_or("")
            .to_string(),
    };
    let index_ext = match config.get("extension") {
        None | Some(Value::Nil) => String::new(),
        Some(v) => ensure_leading_dot(&crate::value::to_s(v)),
    };
    let index_file = format!("{index_name}{index_ext}");
    if total_pages == 0 {
        total_pages = 1;
    }
    let template_permalink = page_value(site, template, "permalink").filter(Value::is_truthy);
    let first_index_page_url = ensure_trailing_slash(&match &template_permalink {
        Some(p) => crate::value::to_s(p),
        None => template.url_dir(),
    });
    let paginated_page_url = file_join(
        &first_index_page_url,
        &config
            .get("permalink")
            .map(crate::value::to_s)
            .unwrap_or_default(),
    );
    let title = page_value(site, template, "title")
        .filter(Value::is_truthy)
        .unwrap_or_else(|| site_title.clone());
    let autopage = page_value(site, template, "autopage").filter(Value::is_truthy);
    let mut pages = Vec::new();
    for num in 1..=total_pages {
        let mut data = template.data.clone();
        if let Some(Value::Hash(ap)) = &autopage {
            if ap.contains_key("display_name") {
                data.insert("autopages".into(), Value::Hash(ap.clone()));
            }
        }
        let mut info = Hash::new();
        info.insert("curr_page".into(), Value::Int(num));
        info.insert("total_pages".into(), Value::Int(total_pages));
        data.insert("pagination_info".into(), Value::hash(info));
        let pager = Paginator::new(&PagerInput {
            per_page,
            first_index_page_url: &first_index_page_url,
            paginated_page_url: &paginated_page_url,
            posts: &posts,
            page: num,
            total_pages,
            index_name: &index_name,
            index_ext: &index_ext,
        });
        let url = if pager.page_path.ends_with('/') {
            file_join(&pager.page_path, &index_file)
        } else if pager.page_path.ends_with(&index_ext) {
            pager.page_path.clone()
        } else {
            format!("{}{index_ext}", pager.page_path)
        };
        if template_permalink.is_some() {
            data.insert("permalink".into(), Value::str(pager.page_path.as_str()));
        }
        let page_title = if num > 1 && config.contains_key("title") {
            let pattern = config
                .get("title")
                .map(crate::value::to_s)
                .unwrap_or_default();
            Value::str(format_page_title(
                &pattern,
                &crate::value::to_s(&title),
                num,
                total_pages,
            ))
        } else {
            title.clone()
        };
        data.insert("title".into(), page_title);
        if num > 1 {
            data.insert("autogen".into(), Value::str("jekyll-paginate-v2"));
        }
        pages.push(NewPage {
            file_name: index_file.clone(),
            data,
            pager,
            url,
        });
    }
    add_trails(config, &mut pages);
    Ok(pages)
}

/// `paginator.page_trail`: up to `before + after + 1` neighbouring pages, kept that long
/// near the ends by shifting the window.
fn add_trails(config: &Hash, pages: &mut [NewPage]) {
    let Some(trail) = config.get("trail").filter(|v| v.is_truthy()) else {
        return;
    };
    if pages.len() <= 1 {
        return;
    }
    let before = to_i(trail.get("before").as_ref()).max(0);
    let after = to_i(trail.get("after").as_ref()).max(0);
    if before == 0 && after == 0 {
        return;
    }
    let length = before + after + 1;
    let n = pages.len() as i64;
    let entries: Vec<TrailEntry> = pages
        .iter()
        .map(|p| TrailEntry {
            num: 0,
            path: p.pager.page_path.clone(),
            title: p.data.get("title").cloned().unwrap_or(Value::Nil),
        })
        .collect();
    for page in pages.iter_mut() {
        let mut start = (page.pager.page - before - 1).max(0);
        let end = (start + length).min(n);
        if end - start < length {
            start = (start - (length - (end - start))).max(0);
        }
        page.pager.page_trail = Some(
            (start..end)
                .map(|i| TrailEntry {
                    num: i + 1,
                    ..entries[i as usize].clone()
                })
                .collect(),
        );
    }
}

/// A `PaginationPage`: named after `indexpage`/`extension` (`.html` by default), with no
/// directory, at the URL the pager computed.
fn to_page(site: &Site, template: &Page, np: NewPage) -> Result<Page> {
    let file_name = np.file_name;
    let content = if np.data.contains_key("autopage") {
        String::new()
    } else {
        template.raw_content.clone()
    };
    let defaults = site.defaults.all(&file_name, "pages");
    let mut page = Page::new(
        template.path.clone(),
        "",
        &file_name,
        np.data,
        defaults,
        content,
        template.content_line,
        &site.converters,
        &site.permalink_style,
    )?;
    // The renderer finds the layout through the template's own defaults.
    if !page.data.contains_key("layout") {
        if let Some(layout) = page_value(site, template, "layout") {
            page.liquid_data.insert("layout".into(), layout);
        }
    }
    page.url = np.url;
    page.lazy_payload = Some(Box::new(np.pager));
    Ok(page)
}

/// Jekyll caches parsed Liquid templates by the page's `path`, and every pagination page has
/// the same one (its file name), so each of them renders the template of the first page with
/// that path whose Liquid ran. Among the pages sharing a path with a generated page, the
/// later ones get the first one's source.
pub fn share_parsed_templates(site: &mut Site, first_generated: usize) {
    let renders_liquid = |p: &Page| {
        !matches!(
            p.liquid_data.get("render_with_liquid"),
            Some(Value::Bool(false))
        ) && crate::utils::has_liquid_construct(&p.raw_content)
    };
    let key = |p: &Page| crate::value::to_s(&p.liquid_path());
    let mut first_source: indexmap::IndexMap<String, String> = indexmap::IndexMap::new();
    let generated_keys: std::collections::HashSet<String> =
        site.pages[first_generated..].iter().map(key).collect();
    for page in site.pages.iter_mut() {
        let k = key(page);
        if !generated_keys.contains(&k) || !renders_liquid(page) {
            continue;
        }
        match first_source.get(&k) {
            Some(src) => page.raw_content = src.clone(),
            None => {
                first_source.insert(k, page.raw_content.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from Ruby with the gem loaded:
    // `Utils.sort_values(nil, "a")` => -1, `("b", "A")` => 1, `("a", "A")` => 0,
    // `(Date.new(2020,1,1), Time.utc(2019,12,31,23))` => 1, `(2, 10)` => -1, `("a", 1)` raises.
    #[test]
    fn sort_values_like_the_gem() {
        let s = |x: &str| Value::str(x);
        assert_eq!(
            compare_sort_values(&Value::Nil, &s("a")).unwrap(),
            Ordering::Less
        );
        assert_eq!(
            compare_sort_values(&s("b"), &s("A")).unwrap(),
            Ordering::Greater
        );
        assert_eq!(
            compare_sort_values(&s("a"), &s("A")).unwrap(),
            Ordering::Equal
        );
        let date = Value::Date(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap());
        let time =
            Value::Time(chrono::DateTime::parse_from_rfc3339("2019-12-31T23:00:00+00:00").unwrap());
        assert_eq!(
            compare_sort_values(&date, &time).unwrap(),
            Ordering::Greater
        );
        assert_eq!(compare_sort_values(&time, &date).unwrap(), Ordering::Less);
        assert_eq!(
            compare_sort_values(&Value::Int(2), &Value::Int(10)).unwrap(),
            Ordering::Less
        );
        assert!(compare_sort_values(&s("a"), &Value::Int(1)).is_err());
    }

    #[test]
    fn nested_sort_field() {
        let mut inner = Hash::new();
        inner.insert("rank".into(), Value::Int(3));
        let mut data = Hash::new();
        data.insert("meta".into(), Value::hash(inner));
        assert_eq!(sort_value(&data, "Meta : rank").unwrap().as_i64(), Some(3));
        assert!(sort_value(&data, "meta").unwrap().is_nil());
        assert!(sort_value(&data, "missing:rank").unwrap().is_nil());
    }
}
