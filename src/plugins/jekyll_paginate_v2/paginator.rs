//! The `paginator` variable of a pagination page (the gem's `Paginator` and `PageTrail`).

use super::config::format_page_number;
use crate::site::drops::{DocId, DocumentDrop};
use crate::site::page::LazyPayload;
use crate::site::Site;
use crate::value::{Hash, Value};
use std::sync::Arc;

/// One entry of `paginator.page_trail`.
#[derive(Debug, Clone)]
pub struct TrailEntry {
    pub num: i64,
    pub path: String,
    pub title: Value,
}

#[derive(Debug, Clone)]
pub struct Paginator {
    pub page: i64,
    pub per_page: i64,
    /// This page's documents; `None` where Ruby's slice is `nil`.
    pub posts: Option<Vec<DocId>>,
    pub total_posts: i64,
    pub total_pages: i64,
    pub page_path: String,
    pub previous_page: Option<i64>,
    pub previous_page_path: Option<String>,
    pub next_page: Option<i64>,
    pub next_page_path: Option<String>,
    pub first_page_path: String,
    pub last_page_path: String,
    pub page_trail: Option<Vec<TrailEntry>>,
}

/// `Utils.ensure_full_path`: an index name (and extension) for directory-like URLs.
fn ensure_full_path(url: &str, index: &str, ext: &str) -> String {
    if url.ends_with('/') {
        format!("{url}{index}{ext}")
    } else if !url.contains('.') {
        format!("{url}{index}")
    } else {
        url.to_string()
    }
}

/// What `Paginator.new` is given.
pub struct PagerInput<'a> {
    pub per_page: i64,
    pub first_index_page_url: &'a str,
    pub paginated_page_url: &'a str,
    pub posts: &'a [DocId],
    pub page: i64,
    pub total_pages: i64,
    /// `indexpage` without extension (`""` when unset).
    pub index_name: &'a str,
    /// `extension` with its dot (`""` when unset).
    pub index_ext: &'a str,
}

impl Paginator {
    pub fn new(i: &PagerInput) -> Paginator {
        let (page, per_page, total) = (i.page, i.per_page, i.total_pages);
        let len = i.posts.len() as i64;
        let init = (page - 1) * per_page;
        let last = if init + per_page > len {
            len
        } else {
            init + per_page - 1
        };
        // Ruby's `posts[init..last]`.
        let posts = if init < 0 || init > len {
            None
        } else {
            let end = (last + 1).clamp(init, len);
            Some(i.posts[init as usize..end as usize].to_vec())
        };
        let this_url = ensure_full_path(
            if page == 1 {
                i.first_index_page_url
            } else {
                i.paginated_page_url
            },
            if i.index_name.is_empty() {
                "index"
            } else {
                i.index_name
            },
            if i.index_ext.is_empty() {
                ".html"
            } else {
                i.index_ext
            },
        );
        let (mut first_url, mut paged_url) = (
            i.first_index_page_url.to_string(),
            i.paginated_page_url.to_string(),
        );
        if !i.index_name.is_empty() {
            first_url = ensure_full_path(&first_url, i.index_name, i.index_ext);
            paged_url = ensure_full_path(&paged_url, i.index_name, i.index_ext);
        }
        let previous_page = (page != 1).then_some(page - 1);
        let previous_page_path = match page {
            1 => None,
            2 => Some(format_page_number(&first_url, 1, total)),
            _ => Some(format_page_number(&paged_url, page - 1, total)),
        };
        let next_page = (page != total).then_some(page + 1);
        Paginator {
            page,
            per_page,
            posts,
            total_posts: len,
            total_pages: total,
            page_path: format_page_number(&this_url, page, total),
            previous_page,
            previous_page_path,
            next_page,
            next_page_path: next_page.map(|n| format_page_number(&paged_url, n, total)),
            first_page_path: format_page_number(&first_url, 1, total),
            last_page_path: format_page_number(&paged_url, total, total),
            page_trail: None,
        }
    }

    /// `Paginator#to_liquid`, in its key order.
    pub fn to_liquid(&self, site: &Arc<Site>) -> Value {
        let int = |v: Option<i64>| v.map(Value::Int).unwrap_or(Value::Nil);
        let string = |v: &Option<String>| v.as_deref().map(Value::str).unwrap_or(Value::Nil);
        let posts = match &self.posts {
            Some(ids) => Value::array(
                ids.iter()
                    .map(|id| DocumentDrop::value(site, *id))
                    .collect(),
            ),
            None => Value::Nil,
        };
        let trail = match &self.page_trail {
            Some(entries) => Value::array(
                entries
                    .iter()
                    .map(|t| {
                        let mut h = Hash::new();
                        h.insert("num".into(), Value::Int(t.num));
                        h.insert("path".into(), Value::str(t.path.as_str()));
                        h.insert("title".into(), t.title.clone());
                        Value::hash(h)
                    })
                    .collect(),
            ),
            None => Value::Nil,
        };
        let mut h = Hash::new();
        h.insert("per_page".into(), Value::Int(self.per_page));
        h.insert("posts".into(), posts);
        h.insert("total_posts".into(), Value::Int(self.total_posts));
        h.insert("total_pages".into(), Value::Int(self.total_pages));
        h.insert("page".into(), Value::Int(self.page));
        h.insert("page_path".into(), Value::str(self.page_path.as_str()));
        h.insert("previous_page".into(), int(self.previous_page));
        h.insert(
            "previous_page_path".into(),
            string(&self.previous_page_path),
        );
        h.insert("next_page".into(), int(self.next_page));
        h.insert("next_page_path".into(), string(&self.next_page_path));
        h.insert("first_page".into(), Value::Int(1));
        h.insert(
            "first_page_path".into(),
            Value::str(self.first_page_path.as_str()),
        );
        h.insert("last_page".into(), Value::Int(self.total_pages));
        h.insert(
            "last_page_path".into(),
            Value::str(self.last_page_path.as_str()),
        );
        h.insert("page_trail".into(), trail);
        Value::hash(h)
    }
}

impl LazyPayload for Paginator {
    fn payload(&self, site: &Arc<Site>) -> Hash {
        let mut h = Hash::new();
        h.insert("paginator".into(), self.to_liquid(site));
        h
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<DocId> {
        (0..n).map(|idx| DocId { coll: 0, idx }).collect()
    }

    // Expected values from jekyll-paginate-v2 3.0.0 (`Paginator.new(2, "/blog/",
    // "/blog/page/:num/", posts, 2, 5, "", ".html")` in Ruby).
    #[test]
    fn paths_like_the_gem() {
        let posts = ids(9);
        let p = Paginator::new(&PagerInput {
            per_page: 2,
            first_index_page_url: "/blog/",
            paginated_page_url: "/blog/page/:num/",
            posts: &posts,
            page: 2,
            total_pages: 5,
            index_name: "",
            index_ext: ".html",
        });
        assert_eq!(p.page_path, "/blog/page/2/index.html");
        assert_eq!(p.previous_page_path.as_deref(), Some("/blog/"));
        assert_eq!(p.next_page_path.as_deref(), Some("/blog/page/3/"));
        assert_eq!(p.first_page_path, "/blog/");
        assert_eq!(p.last_page_path, "/blog/page/5/");
        assert_eq!(p.posts.as_ref().map(Vec::len), Some(2));
        let last = Paginator::new(&PagerInput {
            page: 5,
            index_name: "home",
            ..PagerInput {
                per_page: 2,
                first_index_page_url: "/blog/",
                paginated_page_url: "/blog/page/:num/",
                posts: &posts,
                page: 5,
                total_pages: 5,
                index_name: "",
                index_ext: ".htm",
            }
        });
        assert_eq!(last.page_path, "/blog/page/5/home.htm");
        assert_eq!(
            last.previous_page_path.as_deref(),
            Some("/blog/page/4/home.htm")
        );
        assert_eq!(last.first_page_path, "/blog/home.htm");
        assert_eq!(last.next_page_path, None);
        assert_eq!(last.posts.as_ref().map(Vec::len), Some(1));
    }
}
