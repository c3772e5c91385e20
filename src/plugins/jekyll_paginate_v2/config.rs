//! The plugin's configuration defaults and the few Ruby conversions its options go through
//! (`to_i`, `String#split`, `File.join`), so option values behave as in the gem.

use crate::value::{Hash, Value};

fn hash_of(pairs: &[(&str, Value)]) -> Hash {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// The pagination generator's defaults (`PaginateV2::Generator::DEFAULT`), in its key order.
pub fn pagination_defaults() -> Hash {
    hash_of(&[
        ("enabled", Value::Bool(false)),
        ("collection", Value::str("posts")),
        ("offset", Value::Int(0)),
        ("per_page", Value::Int(10)),
        ("permalink", Value::str("/page:num/")),
        ("title", Value::str(":title - page :num")),
        ("page_num", Value::Int(1)),
        ("sort_reverse", Value::Bool(false)),
        ("sort_field", Value::str("date")),
        ("limit", Value::Int(0)),
        (
            "trail",
            Value::hash(hash_of(&[
                ("before", Value::Int(0)),
                ("after", Value::Int(0)),
            ])),
        ),
        ("indexpage", Value::Nil),
        ("extension", Value::str("html")),
        ("debug", Value::Bool(false)),
        ("legacy", Value::Bool(false)),
    ])
}

fn autopage_type_defaults(layout: &str, title: &str, permalink: &str) -> Value {
    Value::hash(hash_of(&[
        ("layouts", Value::array(vec![Value::str(layout)])),
        ("title", Value::str(title)),
        ("permalink", Value::str(permalink)),
        ("enabled", Value::Bool(true)),
        (
            "slugify",
            Value::hash(hash_of(&[
                ("mode", Value::str("none")),
                ("cased", Value::Bool(false)),
            ])),
        ),
    ]))
}

/// The autopages defaults (`PaginateV2::AutoPages::DEFAULT`).
pub fn autopages_defaults() -> Hash {
    hash_of(&[
        ("enabled", Value::Bool(false)),
        (
            "tags",
            autopage_type_defaults("autopage_tags.html", "Posts tagged with :tag", "/tag/:tag"),
        ),
        (
            "categories",
            autopage_type_defaults(
                "autopage_category.html",
                "Posts in category :cat",
                "/category/:cat",
            ),
        ),
        (
            "collections",
            autopage_type_defaults(
                "autopage_collection.html",
                "Posts in collection :coll",
                "/collection/:coll",
            ),
        ),
    ])
}

/// `Jekyll::Utils.deep_merge_hashes(base, overlay)` where the overlay may be any value
/// (`site.config['pagination'] || {}`: a non-hash overlay counts as empty).
pub fn merged(base: &Hash, overlay: Option<&Value>) -> Hash {
    let mut out = base.clone();
    if let Some(Value::Hash(h)) = overlay {
        crate::config::jekyll_merge(&mut out, h);
    }
    out
}

/// Ruby's `to_i` on a config value: integers, floats (truncated), strings (their leading
/// integer, `_` separators allowed) and `nil` (0).
pub fn to_i(v: Option<&Value>) -> i64 {
    match v {
        Some(Value::Int(i)) => *i,
        Some(Value::Float(f)) if f.is_finite() => f.trunc() as i64,
        Some(Value::Str(s)) => str_to_i(s),
        _ => 0,
    }
}

fn str_to_i(s: &str) -> i64 {
    let t = s.trim_start();
    let (neg, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut n: i64 = 0;
    let mut prev_digit = false;
    for c in digits.chars() {
        match c {
            '0'..='9' => {
                n = n.saturating_mul(10).saturating_add(c as i64 - '0' as i64);
                prev_digit = true;
            }
            '_' if prev_digit => prev_digit = false,
            _ => break,
        }
    }
    if neg {
        -n
    } else {
        n
    }
}

/// Ruby's `String#split(regex)` for single-character separators: empty fields are kept
/// except at the end, and an empty string splits into nothing.
pub fn ruby_split(s: &str, is_sep: impl Fn(char) -> bool) -> Vec<String> {
    let mut parts: Vec<String> = s.split(is_sep).map(str::to_string).collect();
    while parts.last().is_some_and(String::is_empty) {
        parts.pop();
    }
    parts
}

/// The separators of `/;|,|\s/`.
pub fn list_or_space_sep(c: char) -> bool {
    c == ';' || c == ',' || is_ruby_space(c)
}

/// The separators of `/;|,/`.
pub fn list_sep(c: char) -> bool {
    c == ';' || c == ','
}

/// Ruby regexp `\s` (ASCII whitespace only).
fn is_ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r')
}

/// Ruby's `String#strip` (ASCII whitespace and NUL).
pub fn ruby_strip(s: &str) -> &str {
    s.trim_matches(|c: char| is_ruby_space(c) || c == '\0')
}

/// `File.join(a, b)`: one separator between the two parts.
pub fn file_join(a: &str, b: &str) -> String {
    format!("{}/{}", a.trim_end_matches('/'), b.trim_start_matches('/'))
}

pub fn ensure_trailing_slash(s: &str) -> String {
    if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    }
}

pub fn ensure_leading_dot(s: &str) -> String {
    if s.starts_with('.') {
        s.to_string()
    } else {
        format!(".{s}")
    }
}

/// `Utils.format_page_number`: the first `:num` (and the first `:max`) replaced.
pub fn format_page_number(pattern: &str, num: i64, max: i64) -> String {
    pattern
        .replacen(":num", &num.to_string(), 1)
        .replacen(":max", &max.to_string(), 1)
}

/// `Utils.format_page_title`: the first `:title`, then `:num` and `:max`.
pub fn format_page_title(pattern: &str, title: &str, num: i64, max: i64) -> String {
    format_page_number(&pattern.replacen(":title", title, 1), num, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from Ruby 3.1: `p "a,,b;".split(/;|,/)`, `p "".split(/,/)`, `"12_3x".to_i`,
    // `File.join("/blog/", "/page/:num/")`.
    #[test]
    fn ruby_conversions() {
        assert_eq!(ruby_split("a,,b;", list_sep), vec!["a", "", "b"]);
        assert!(ruby_split("", list_sep).is_empty());
        assert_eq!(ruby_split(" a b", list_or_space_sep), vec!["", "a", "b"]);
        assert_eq!(str_to_i("12_3x"), 123);
        assert_eq!(str_to_i(" -7"), -7);
        assert_eq!(str_to_i("x"), 0);
        assert_eq!(file_join("/blog/", "/page/:num/"), "/blog/page/:num/");
        assert_eq!(file_join("/", "page:num"), "/page:num");
        assert_eq!(file_join("/tag/a", "index.html"), "/tag/a/index.html");
        assert_eq!(
            format_page_title(":title - :num/:max :num", "T", 2, 5),
            "T - 2/5 :num"
        );
    }
}
