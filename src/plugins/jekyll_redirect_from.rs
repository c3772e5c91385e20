//! jekyll-redirect-from (0.16): `redirect_from` in a page's or document's front matter
//! makes a small HTML page at each old path that sends the browser to the item;
//! `redirect_to` turns the item itself into such a page; `redirects.json` lists them all.

use crate::config::ConfigExt;
use crate::error::{Error, Result};
use crate::site::page::Page;
use crate::site::{Layout, Site};
use crate::value::{Hash, Value};

/// The plugin: a generator at normal priority.
pub struct JekyllRedirectFrom;

impl crate::plugins::Plugin for JekyllRedirectFrom {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-redirect-from"]
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// The layout the plugin provides as `redirect` when the site (or its theme) has none: a
/// canonical link, a script, a meta refresh and a link, all to `page.redirect.to`.
fn default_layout_source() -> String {
    let target = "{{ page.redirect.to }}";
    let mut lines = vec![
        "<!DOCTYPE html>".to_string(),
        "<html lang=\"en-US\">".to_string(),
    ];
    let body = [
        "<meta charset=\"utf-8\">".to_string(),
        "<title>Redirecting&hellip;</title>".to_string(),
        format!("<link rel=\"canonical\" href=\"{target}\">"),
        format!("<script>location=\"{target}\"</script>"),
        format!("<meta http-equiv=\"refresh\" content=\"0; url={target}\">"),
        "<meta name=\"robots\" content=\"noindex\">".to_string(),
        "<h1>Redirecting&hellip;</h1>".to_string(),
        format!("<a href=\"{target}\">Click here if you are not redirected.</a>"),
    ];
    lines.extend(body.iter().map(|l| format!("  {l}")));
    lines.push("</html>".to_string());
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// An item that can redirect: a document that is written, or a page.
#[derive(Clone, Copy)]
enum Target {
    Doc(usize, usize),
    Page(usize),
}

fn data_of(site: &Site, t: Target) -> &Hash {
    match t {
        Target::Doc(c, i) => &site.collections[c].docs[i].data,
        Target::Page(i) => &site.pages[i].liquid_data,
    }
}

fn url_of(site: &Site, t: Target) -> String {
    match t {
        Target::Doc(c, i) => site.collections[c].docs[i].url.clone(),
        Target::Page(i) => site.pages[i].url.clone(),
    }
}

fn describe(site: &Site, t: Target) -> String {
    match t {
        Target::Doc(c, i) => site.collections[c].docs[i].relative_path.clone(),
        Target::Page(i) => site.pages[i].relative_path(),
    }
}

/// `Redirectable#redirect_from`: a list without its nils, or the one value.
fn redirect_from(data: &Hash) -> Vec<Value> {
    match data.get("redirect_from") {
        Some(Value::Array(list)) => list.iter().filter(|v| !v.is_nil()).cloned().collect(),
        Some(Value::Nil) | None => Vec::new(),
        Some(v) => vec![v.clone()],
    }
}

/// `Redirectable#redirect_to`: the first non-nil entry of a list, or the value.
fn redirect_to(data: &Hash) -> Option<Value> {
    let v = match data.get("redirect_to") {
        Some(Value::Array(list)) => list.iter().find(|v| !v.is_nil()).cloned(),
        other => other.cloned(),
    };
    v.filter(Value::is_truthy)
}

/// A redirect path must be a String (Ruby calls String methods on it).
fn path_string(site: &Site, t: Target, key: &str, v: &Value) -> Result<String> {
    match v {
        Value::Str(s) => Ok(s.to_string()),
        other => Err(Error::new(format!(
            "jekyll-redirect-from: `{key}` in {} must be a string, not {} ({})",
            describe(site, t),
            other.ruby_class(),
            crate::value::inspect(other)
        ))),
    }
}

/// The URL filters' `ensure_leading_slash`.
fn ensure_leading_slash(s: &str) -> String {
    if s.is_empty() || s.starts_with('/') {
        s.to_string()
    } else {
        format!("/{s}")
    }
}

/// `RedirectPage#set_paths`' target: an `http(s)://` URL as is, anything else through
/// `absolute_url` (site `url` + `baseurl`).
fn absolute_target(site: &Site, to: &str) -> Result<String> {
    if to
        .split('\n')
        .any(|l| l.starts_with("http://") || l.starts_with("https://"))
    {
        return Ok(to.to_string());
    }
    crate::liquid::jekyll::absolute_url(
        to,
        site.config.str_of("baseurl").as_deref(),
        site.config.str_of("url").as_deref(),
    )
    .map_err(|e| Error::new(format!("jekyll-redirect-from: {e}")))
}

/// `RedirectPage#data` after `set_paths(from, to)`.
fn redirect_data(from: &str, to: &str) -> Hash {
    let mut redirect = Hash::new();
    redirect.insert("from".into(), Value::str(from));
    redirect.insert("to".into(), Value::str(to));
    let mut data = Hash::new();
    data.insert("sitemap".into(), Value::Bool(false));
    data.insert("layout".into(), Value::str("redirect"));
    data.insert("permalink".into(), Value::str(from));
    data.insert("redirect".into(), Value::hash(redirect));
    data
}

/// A page at the site root with no file behind it (`Page.new(site, source, "", name)`
/// whose `read_yaml` gives it `data`).
fn page_without_file(site: &Site, name: &str, data: Hash, content: String) -> Result<Page> {
    Page::new(
        None,
        "",
        name,
        data,
        site.defaults.all(name, "pages"),
        content,
        1,
        &site.converters,
        &site.permalink_style,
    )
}

/// `RedirectPage.from_paths(site, from, to)`. Jekyll checks permalinks only when it reads
/// a file, so an empty `redirect_from` is a page at `/`.
fn redirect_page(site: &Site, from: &str, to: &str) -> Result<Page> {
    let mut data = redirect_data(from, to);
    if !from.is_empty() {
        let mut page = page_without_file(site, "redirect.html", data, String::new())?;
        page.allow_used_permalink = true;
        return Ok(page);
    }
    let permalink = data.shift_remove("permalink").unwrap_or(Value::Nil);
    let mut page = page_without_file(site, "redirect.html", data, String::new())?;
    page.data
        .shift_insert(2, "permalink".into(), permalink.clone());
    let at = page.liquid_data.get_index_of("redirect").unwrap_or(0);
    page.liquid_data
        .shift_insert(at, "permalink".into(), permalink);
    page.url = crate::site::url::sanitize("");
    page.allow_used_permalink = true;
    Ok(page)
}

/// The generator.
pub fn generate(site: &mut Site) -> Result<()> {
    if !site.layouts.contains_key("redirect") {
        site.layouts.insert(
            "redirect".into(),
            Layout {
                name: "redirect".into(),
                path: std::path::PathBuf::from("jekyll-redirect-from/redirect.html"),
                relative_path: "_layouts/redirect.html".into(),
                data: Hash::new(),
                content: default_layout_source(),
                content_line: 1,
            },
        );
    }
    // `site.docs_to_write + site.pages.dup`: pages added below are not visited.
    let mut targets = Vec::new();
    for (c, coll) in site.collections.values().enumerate() {
        for (i, d) in coll.docs.iter().enumerate() {
            if d.write {
                targets.push(Target::Doc(c, i));
            }
        }
    }
    targets.extend((0..site.pages.len()).map(Target::Page));

    let mut redirects: Vec<(String, String)> = Vec::new();
    let mut record = |from: String, to: String| match redirects.iter_mut().find(|(f, _)| *f == from)
    {
        Some(entry) => entry.1 = to,
        None => redirects.push((from, to)),
    };
    for t in targets {
        let data = data_of(site, t);
        let froms = redirect_from(data);
        let to = redirect_to(data);
        let url = url_of(site, t);
        for from in froms {
            let from = ensure_leading_slash(&path_string(site, t, "redirect_from", &from)?);
            let target = absolute_target(site, &url)?;
            let page = redirect_page(site, &from, &target)?;
            record(from, target);
            site.pages.push(page);
        }
        if let Some(to) = to {
            let to = path_string(site, t, "redirect_to", &to)?;
            let from = ensure_leading_slash(&url);
            let target = absolute_target(site, &to)?;
            let extra = redirect_data(&from, &target);
            match t {
                Target::Doc(c, i) => {
                    let d = &mut site.collections[c].docs[i];
                    for (k, v) in &extra {
                        d.data.insert(k.clone(), v.clone());
                    }
                    d.raw_content = String::new();
                }
                Target::Page(i) => {
                    let p = &mut site.pages[i];
                    for (k, v) in &extra {
                        p.data.insert(k.clone(), v.clone());
                    }
                    crate::config::jekyll_merge(&mut p.liquid_data, &extra);
                    p.raw_content = String::new();
                }
            }
            record(from, target);
        }
    }
    if json_enabled(site)? && !site.source.join("redirects.json").exists() {
        let mut data = Hash::new();
        data.insert("layout".into(), Value::Nil);
        // `data["layout"] = nil`: no layout, though `page.layout` still shows a default one.
        let page = page_without_file(site, "redirects.json", data, to_json(&redirects))?;
        site.pages.push(page);
    }
    Ok(())
}

/// `site.config.dig("redirect_from", "json") != false`.
fn json_enabled(site: &Site) -> Result<bool> {
    match site.config.get("redirect_from") {
        None | Some(Value::Nil) => Ok(true),
        Some(Value::Hash(h)) => Ok(!matches!(h.get("json"), Some(Value::Bool(false)))),
        Some(other) => Err(Error::new(format!(
            "jekyll-redirect-from: the `redirect_from` setting must be a mapping (`json: false`), not {} ({})",
            other.ruby_class(),
            crate::value::inspect(other)
        ))),
    }
}

/// Ruby's `Hash#to_json` for string pairs (Jekyll's `jsonify` writes JSON the same way).
fn to_json(pairs: &[(String, String)]) -> String {
    let mut h = Hash::new();
    for (k, v) in pairs {
        h.insert(k.clone(), Value::str(v.as_str()));
    }
    crate::liquid::jekyll::jsonify(&Value::hash(h)).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings printed by Ruby's json (`ruby -rjson -e 'puts({...}.to_json)'`).
    #[test]
    fn json_like_ruby() {
        assert_eq!(to_json(&[]), "{}");
        assert_eq!(
            to_json(&[
                ("/a/".into(), "http://x.org/b/".into()),
                ("/é\"\\".into(), "\u{1}\t".into()),
            ]),
            r#"{"/a/":"http://x.org/b/","/é\"\\":"\u0001\t"}"#
        );
    }

    #[test]
    fn leading_slash() {
        assert_eq!(ensure_leading_slash("old"), "/old");
        assert_eq!(ensure_leading_slash("/old"), "/old");
    }
}
