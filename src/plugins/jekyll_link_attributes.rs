//! jekyll-link-attributes (2.0.1, which reads 1.0.1's flat settings too): after rendering,
//! every `<a>` whose `href` starts with `http://` or `https://` and not with the site's
//! `url` gets `rel` (default `external nofollow noopener`) and `target` (default `_blank`)
//! unless it has them or an exclude pattern (`^PATTERN$`) matches; with `utm.enabled` it
//! also gets UTM query parameters. Settings live under `external_links:`; per-attribute
//! sections (`rel: {value, exclude}`) win over the flat `rel:`/`target:`/`exclude:` keys.
//!
//! The Ruby reparses the whole page with Nokogiri and writes it back; hyde changes the same
//! attributes in place (see `html_scan`). It runs on every document and on `.html` pages,
//! as the gem's hooks do; documents with another output extension are left alone (Nokogiri
//! would wrap them in an HTML document).
//!
//! Not packaged by Debian: the expectations in the tests come from reading
//! twinsunllc/jekyll-link-attributes and running it under the oracle's Jekyll (RUBYLIB).

use super::html_scan::{attr, set_attr};
use super::ruby_regex;
use crate::error::{Error, Result};
use crate::site::render::Item;
use crate::site::Site;
use crate::value::Value;

fn section(ext: &Value, name: &str) -> Value {
    ext.get(name).unwrap_or(Value::Nil)
}

/// `resolve_value`: the section's `value`, or the flat key, or the default.
fn resolve_value(ext: &Value, name: &str, default: &str) -> String {
    match section(ext, name) {
        Value::Hash(h) => h
            .get("value")
            .filter(|v| v.is_truthy())
            .map(crate::value::to_s)
            .unwrap_or_else(|| default.to_string()),
        v if v.is_truthy() => crate::value::to_s(&v),
        _ => default.to_string(),
    }
}

/// `excluded?`: the section's `exclude` list, or (for rel and target) the flat one.
fn excluded(ext: &Value, name: &str, url: &str) -> Result<bool> {
    let list = match section(ext, name) {
        Value::Hash(h) => h.get("exclude").cloned().unwrap_or(Value::Nil),
        _ if name == "utm" => Value::Nil,
        _ => section(ext, "exclude"),
    };
    let patterns = match list {
        Value::Array(a) => a.iter().map(crate::value::to_s).collect(),
        Value::Nil => Vec::new(),
        other => vec![crate::value::to_s(&other)],
    };
    for p in patterns {
        let re = ruby_regex::compile(&format!("^{p}$"))
            .map_err(|m| Error::new(format!("jekyll-link-attributes: exclude pattern: {m}")))?;
        if re.is_match(url).unwrap_or(false) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `external_link?`: `^https?://` (at any line start, as Ruby's `^`) and not under `url`.
fn external(site_url: Option<&str>, url: Option<&str>) -> bool {
    let Some(url) = url else {
        return false;
    };
    let http = std::iter::once(url)
        .chain(url.split('\n').skip(1))
        .any(|line| line.starts_with("http://") || line.starts_with("https://"));
    http && site_url.is_none_or(|s| !url.starts_with(s))
}

/// `URI.encode_www_form_component`.
fn form_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `URI.decode_www_form_component`.
fn form_decode(s: &str) -> String {
    let s = s.replace('+', " ");
    crate::liquid::filters::cgi_unescape(&s).unwrap_or(s)
}

/// `append_utm_params`: the query's pairs (later duplicates win, in first-seen order), plus
/// each UTM pair the query lacks, written back form-encoded. A URL `URI.parse` rejects
/// stays as it is.
fn append_utm(url: &str, params: &[(String, String)]) -> String {
    if url
        .chars()
        .any(|c| !c.is_ascii() || c.is_ascii_whitespace() || "<>\"{}|\\^`".contains(c))
    {
        return url.to_string();
    }
    let (before_frag, frag) = match url.find('#') {
        Some(i) => (&url[..i], Some(&url[i..])),
        None => (url, None),
    };
    let (base, query) = match before_frag.find('?') {
        Some(i) => (&before_frag[..i], Some(&before_frag[i + 1..])),
        None => (before_frag, None),
    };
    let mut pairs: Vec<(String, String)> = Vec::new();
    for part in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let (k, v) = (form_decode(k), form_decode(v));
        match pairs.iter_mut().find(|(pk, _)| *pk == k) {
            Some(p) => p.1 = v,
            None => pairs.push((k, v)),
        }
    }
    for (k, v) in params {
        if !pairs.iter().any(|(pk, _)| pk == k) {
            pairs.push((k.clone(), v.clone()));
        }
    }
    let q: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", form_encode(k), form_encode(v)))
        .collect();
    format!("{base}?{}{}", q.join("&"), frag.unwrap_or(""))
}

/// `build_utm_params` for one page or document.
fn utm_params(
    site: &Site,
    ext: &Value,
    layout: Option<Value>,
    url: &str,
    slug: Option<Value>,
) -> Option<Vec<(String, String)>> {
    let utm = section(ext, "utm");
    if !matches!(utm.get("enabled"), Some(Value::Bool(true))) {
        return None;
    }
    let source = match utm.get("source").filter(|v| v.is_truthy()) {
        Some(v) => crate::value::to_s(&v),
        None => match site.config.get("url").filter(|v| !v.is_nil()) {
            Some(u) => {
                let u = crate::value::to_s(u);
                u.strip_prefix("https://")
                    .or_else(|| u.strip_prefix("http://"))
                    .unwrap_or(&u)
                    .to_string()
            }
            None => "website".into(),
        },
    };
    let medium = utm
        .get("medium")
        .filter(|v| v.is_truthy())
        .map(|v| crate::value::to_s(&v))
        .unwrap_or_else(|| "website".into());
    let campaign = match layout.as_ref().and_then(Value::as_str) {
        Some("post") | Some("blog") => "blog".to_string(),
        _ => {
            let path = url.strip_prefix('/').unwrap_or(url);
            let path = path.strip_suffix('/').unwrap_or(path);
            if path.is_empty() {
                "homepage".into()
            } else {
                path.split('/').next().unwrap_or("").to_string()
            }
        }
    };
    let mut content = match slug.filter(|v| v.is_truthy()) {
        Some(s) => crate::value::to_s(&s),
        None => {
            let u = url.strip_suffix('/').unwrap_or(url);
            u.rsplit('/').next().unwrap_or("").to_string()
        }
    };
    if content.is_empty() {
        content = "index".into();
    }
    Some(vec![
        ("utm_source".into(), source),
        ("utm_medium".into(), medium),
        ("utm_campaign".into(), campaign),
        ("utm_content".into(), content),
    ])
}

/// `LinkAttributes.post_render_html` on one output.
pub fn rewrite(
    site: &Site,
    output: &str,
    layout: Option<Value>,
    url: &str,
    slug: Option<Value>,
) -> Result<String> {
    let ext = site
        .config
        .get("external_links")
        .cloned()
        .unwrap_or(Value::Nil);
    let site_url = site
        .config
        .get("url")
        .filter(|v| !v.is_nil())
        .map(crate::value::to_s);
    let utm = utm_params(site, &ext, layout, url, slug);
    let mut failure = None;
    let out = super::html_scan::rewrite_anchors(output, |attrs| {
        let href = attr(attrs, "href").map(str::to_string);
        if !external(site_url.as_deref(), href.as_deref()) {
            return false;
        }
        let href = href.unwrap_or_default();
        let mut changed = false;
        let mut check = |name: &str| match excluded(&ext, name, &href) {
            Ok(b) => b,
            Err(e) => {
                failure.get_or_insert(e);
                true
            }
        };
        if let Some(params) = &utm {
            if !check("utm") {
                let new = append_utm(&href, params);
                set_attr(attrs, "href", &new);
                changed = true;
            }
        }
        if attr(attrs, "rel").is_none() && !check("rel") {
            set_attr(
                attrs,
                "rel",
                &resolve_value(&ext, "rel", "external nofollow noopener"),
            );
            changed = true;
        }
        if attr(attrs, "target").is_none() && !check("target") {
            set_attr(attrs, "target", &resolve_value(&ext, "target", "_blank"));
            changed = true;
        }
        changed
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// The plugin: `:documents`, `:pages` (HTML only) and `:posts` `:post_render` hooks.
pub struct JekyllLinkAttributes;

impl crate::plugins::Plugin for JekyllLinkAttributes {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-link-attributes"]
    }

    fn post_render(&self, site: &Site, item: Item, output: &mut String) -> Result<()> {
        let enabled = site
            .config
            .get("external_links")
            .and_then(|e| e.get("enabled"))
            .is_none_or(|v| v.is_truthy());
        if !enabled {
            return Ok(());
        }
        let (ext, layout, url, slug) = match item {
            Item::Page(i) => {
                let p = &site.pages[i];
                (
                    p.output_ext.as_str(),
                    p.liquid_data.get("layout").cloned(),
                    p.url.as_str(),
                    p.liquid_data.get("slug").cloned(),
                )
            }
            Item::Doc(id) => {
                let d = &site.collections[id.coll].docs[id.idx];
                (
                    d.output_ext.as_str(),
                    d.data.get("layout").cloned(),
                    d.url.as_str(),
                    d.data.get("slug").cloned(),
                )
            }
        };
        if ext != ".html" {
            return Ok(());
        }
        *output = rewrite(site, output, layout, url, slug)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_links() {
        assert!(external(None, Some("https://x.com")));
        assert!(external(Some("https://me.org"), Some("http://x.com")));
        assert!(!external(Some("https://me.org"), Some("https://me.org/a")));
        assert!(!external(Some(""), Some("https://x.com")));
        assert!(!external(None, Some("/a")));
        assert!(!external(None, None));
    }

    #[test]
    fn utm_query_like_uri() {
        // Ruby: URI.encode_www_form({"a"=>"1 2","utm_source"=>"me.org"}) etc.
        let p = vec![
            ("utm_source".to_string(), "me.org".to_string()),
            ("utm_medium".into(), "web site".into()),
        ];
        assert_eq!(
            append_utm("https://x.com/p?a=1+2&utm_medium=keep#f", &p),
            "https://x.com/p?a=1+2&utm_medium=keep&utm_source=me.org#f"
        );
        assert_eq!(
            append_utm("https://x.com", &p),
            "https://x.com?utm_source=me.org&utm_medium=web+site"
        );
        assert_eq!(append_utm("https://x.com/a b", &p), "https://x.com/a b");
    }
}
