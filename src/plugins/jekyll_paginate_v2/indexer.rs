//! `PaginationIndexer`: documents indexed by category, tag or locale, and the filters that
//! keep only the documents carrying every requested value.

use super::config::{list_or_space_sep, list_sep, ruby_split, ruby_strip};
use crate::error::{Error, Result};
use crate::site::drops::DocId;
use crate::site::Site;
use crate::value::{Hash, Value};
use indexmap::IndexMap;

pub type Index = IndexMap<String, Vec<DocId>>;

/// The values of a document's `key` the gem indexes it under, as written (before
/// lowercasing): an array's items, or a string split at `;`, `,` and whitespace. `None` when
/// the document is skipped (no such key, or an empty value).
pub fn raw_values(data: &Hash, key: &str) -> Result<Option<Vec<String>>> {
    let Some(v) = data.get(key) else {
        return Ok(None);
    };
    let empty = match v {
        Value::Nil => true,
        Value::Str(s) => s.is_empty() || ruby_strip(s).is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Hash(h) => h.is_empty(),
        _ => false,
    };
    if empty {
        return Ok(None);
    }
    match v {
        Value::Str(s) => Ok(Some(ruby_split(s, list_or_space_sep))),
        Value::Array(a) => Ok(Some(a.iter().map(crate::value::to_s).collect())),
        other => Err(Error::new(format!(
            "jekyll-paginate-v2: undefined method `each' for {} ({key} must be a list or a string)",
            crate::value::inspect(other)
        ))),
    }
}

/// Ruby's `downcase.strip`.
pub fn clean_key(s: &str) -> String {
    ruby_strip(&s.to_lowercase()).to_string()
}

/// `PaginationIndexer.index_posts_by`: the documents under each lowercased value of `key`.
pub fn index_posts_by(site: &Site, posts: &[DocId], key: &str) -> Result<Index> {
    let mut index = Index::new();
    for &id in posts {
        let data = &site.collections[id.coll].docs[id.idx].data;
        let Some(values) = raw_values(data, key)? else {
            continue;
        };
        for key in index_keys(&values) {
            index.entry(key).or_default().push(id);
        }
    }
    Ok(index)
}

/// The index keys of a document's values: each lowercased, stripped and split again at
/// `;` and `,`.
fn index_keys(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| ruby_split(&clean_key(v), list_sep))
        .map(|part| clean_key(&part))
        .collect()
}

/// `Array#&`: the items of `first` also in `other`, in `first`'s order, without repeats.
fn intersect(first: &[DocId], other: &[DocId]) -> Vec<DocId> {
    let mut out: Vec<DocId> = Vec::new();
    for id in first {
        if other.contains(id) && !out.contains(id) {
            out.push(*id);
        }
    }
    out
}

/// `read_config_value_and_filter_posts`: narrows `posts` to those indexed under every value
/// of the filter option `key` (a list, or a string split at `;` and `,`).
pub fn filter(config: &Hash, key: &str, posts: Vec<DocId>, index: &Index) -> Vec<DocId> {
    let values = match config.get(key) {
        None | Some(Value::Nil) => return posts,
        Some(Value::Str(s)) => ruby_split(s, list_sep),
        Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
        Some(other) => vec![crate::value::to_s(other)],
    };
    let mut posts = posts;
    for v in values {
        posts = match index.get(&clean_key(&v)) {
            Some(list) => intersect(&posts, list),
            None => Vec::new(),
        };
    }
    posts
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from the gem: `PaginationIndexer.index_posts_by` over posts whose
    // `tags` are "A; b ,c" and ["X, y", "Z"] indexes them under a b c and x y z.
    #[test]
    fn keys_like_the_gem() {
        let mut data = Hash::new();
        data.insert("tags".into(), Value::str("A; b ,c"));
        let values = raw_values(&data, "tags").unwrap().unwrap();
        assert_eq!(index_keys(&values), vec!["a", "b", "c"]);
        data.insert(
            "tags".into(),
            Value::array(vec![Value::str("X, y"), Value::str("Z")]),
        );
        let values = raw_values(&data, "tags").unwrap().unwrap();
        assert_eq!(index_keys(&values), vec!["x", "y", "z"]);
        data.insert("tags".into(), Value::str("  "));
        assert!(raw_values(&data, "tags").unwrap().is_none());
    }
}
