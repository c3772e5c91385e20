//! jekyll-paginate (v1): splits `site.posts` over copies of the `index.html` page at
//! `paginate_path`, exposing each page's slice as `paginator`.

use crate::config::ConfigExt;
use crate::error::Result;
use crate::site::page::Page;
use crate::site::Site;
use crate::value::Value;

/// One page's pagination state (`Jekyll::Paginate::Pager`). `posts` are indexes into the
/// posts collection, newest first, as `site.posts` lists them.
#[derive(Debug, Clone)]
pub struct Pager {
    pub page: i64,
    pub per_page: i64,
    pub posts: Vec<usize>,
    pub total_posts: i64,
    pub total_pages: i64,
    pub previous_page: Option<i64>,
    pub previous_page_path: Option<String>,
    pub next_page: Option<i64>,
    pub next_page_path: Option<String>,
}

fn ensure_leading_slash(p: &str) -> String {
    if p.starts_with('/') {
        p.to_string()
    } else {
        format!("/{p}")
    }
}

/// `Pager.pagination_candidate?`: an `index.html` in the hierarchy of `paginate_path`.
fn candidate(site: &Site, page: &Page, paginate_path: &str) -> bool {
    if page.name != "index.html" {
        return false;
    }
    let page_path = crate::value::to_s(&page.liquid_path());
    let page_dir = crate::site::normalize(&site.source.join(page_path.trim_start_matches('/')));
    let page_dir = page_dir
        .parent()
        .map(|p| p.to_path_buf())
        .unwrap_or_default();
    let pp = crate::site::normalize(&site.source.join(paginate_path.trim_start_matches('/')));
    let mut dir = pp.parent().map(|p| p.to_path_buf()).unwrap_or_default();
    let source_parent = site.source.parent().map(|p| p.to_path_buf());
    loop {
        let Some(parent) = dir.parent().map(|p| p.to_path_buf()) else {
            return false;
        };
        if Some(&dir) == source_parent.as_ref() {
            return false;
        }
        if page_dir == dir {
            return true;
        }
        dir = parent;
    }
}

/// `Pagination#template_page`: the candidate with the longest path.
fn template_page(site: &Site, paginate_path: &str) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, p) in site.pages.iter().enumerate() {
        if candidate(site, p, paginate_path) {
            let len = crate::value::to_s(&p.liquid_path()).chars().count();
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((i, len));
            }
        }
    }
    best.map(|(i, _)| i)
}

/// The plugin: a generator at priority `:lowest`.
pub struct JekyllPaginate;

impl crate::plugins::Plugin for JekyllPaginate {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-paginate"]
    }

    fn priority(&self) -> i32 {
        -100
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// The generator. Runs when the plugin is enabled and `paginate` is set.
pub fn generate(site: &mut Site) -> Result<()> {
    let Some(per_page_value) = site.config.get("paginate").filter(|v| !v.is_nil()).cloned() else {
        return Ok(());
    };
    if site.pages.is_empty() {
        return Ok(());
    }
    let paginate_path = site
        .config
        .str_of("paginate_path")
        .unwrap_or_else(|| "/page:num".into());
    let Some(template) = template_page(site, &paginate_path) else {
        site.warn(
            "Pagination: Pagination is enabled, but I couldn't find an index.html page to use as the pagination template. Skipping pagination.",
        );
        return Ok(());
    };
    let per_page = match &per_page_value {
        Value::Int(i) => *i,
        other => crate::value::to_s(other).trim().parse::<i64>().unwrap_or(0),
    };
    // site.posts (newest first) without `hidden` posts.
    let all: Vec<usize> = match site.collections.get("posts") {
        Some(posts) => (0..posts.docs.len())
            .rev()
            .filter(|&i| {
                !posts.docs[i]
                    .data
                    .get("hidden")
                    .is_some_and(Value::is_truthy)
            })
            .collect(),
        None => Vec::new(),
    };
    if per_page <= 0 {
        return Err(crate::Error::new("divided by 0"));
    }
    let total = all.len() as i64;
    let pages = (total + per_page - 1) / per_page;
    let first_url = site.pages[template].url.clone();
    let path_for = |num: Option<i64>| -> Option<String> {
        let num = num?;
        if num <= 1 {
            return Some(first_url.clone());
        }
        Some(ensure_leading_slash(&paginate_path.replacen(
            ":num",
            &num.to_string(),
            1,
        )))
    };
    let mut new_pages = Vec::new();
    for num in 1..=pages {
        let init = ((num - 1) * per_page) as usize;
        let end = ((init as i64 + per_page - 1) as usize).min(all.len().saturating_sub(1));
        let posts = if init < all.len() {
            all[init..=end].to_vec()
        } else {
            Vec::new()
        };
        let previous_page = if num != 1 { Some(num - 1) } else { None };
        let next_page = if num != pages { Some(num + 1) } else { None };
        let pager = Pager {
            page: num,
            per_page,
            posts,
            total_posts: total,
            total_pages: pages,
            previous_page,
            previous_page_path: path_for(previous_page),
            next_page,
            next_page_path: path_for(next_page),
        };
        if num == 1 {
            site.pages[template].lazy_payload = Some(Box::new(pager));
        } else {
            let t = &site.pages[template];
            let dir = path_for(Some(num)).unwrap_or_default();
            let mut page = Page::new(
                t.path.clone(),
                &dir,
                &t.name,
                t.data.clone(),
                site.defaults
                    .all(&format!("{}/{}", dir.trim_matches('/'), t.name), "pages"),
                t.raw_content.clone(),
                t.content_line,
                &site.converters,
                &site.permalink_style,
            )?;
            page.lazy_payload = Some(Box::new(pager));
            new_pages.push(page);
        }
    }
    site.pages.extend(new_pages);
    Ok(())
}

impl crate::site::page::LazyPayload for Pager {
    fn payload(&self, site: &std::sync::Arc<Site>) -> crate::value::Hash {
        let mut h = crate::value::Hash::new();
        h.insert("paginator".into(), to_liquid(site, self));
        h
    }
}

/// `Pager#to_liquid`: the `paginator` variable.
pub fn to_liquid(site: &std::sync::Arc<Site>, pager: &Pager) -> Value {
    let posts_coll = site.collections.get_index_of("posts");
    let posts: Vec<Value> = match posts_coll {
        Some(c) => pager
            .posts
            .iter()
            .map(|&i| {
                crate::site::drops::DocumentDrop::value(
                    site,
                    crate::site::drops::DocId { coll: c, idx: i },
                )
            })
            .collect(),
        None => Vec::new(),
    };
    let opt_i = |v: Option<i64>| v.map(Value::Int).unwrap_or(Value::Nil);
    let opt_s = |v: &Option<String>| v.as_deref().map(Value::from).unwrap_or(Value::Nil);
    let mut h = crate::value::Hash::new();
    h.insert("page".into(), Value::Int(pager.page));
    h.insert("per_page".into(), Value::Int(pager.per_page));
    h.insert("posts".into(), Value::array(posts));
    h.insert("total_posts".into(), Value::Int(pager.total_posts));
    h.insert("total_pages".into(), Value::Int(pager.total_pages));
    h.insert("previous_page".into(), opt_i(pager.previous_page));
    h.insert(
        "previous_page_path".into(),
        opt_s(&pager.previous_page_path),
    );
    h.insert("next_page".into(), opt_i(pager.next_page));
    h.insert("next_page_path".into(), opt_s(&pager.next_page_path));
    Value::hash(h)
}
