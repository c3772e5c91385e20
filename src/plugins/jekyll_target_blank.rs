//! jekyll-target-blank (2.0.2): after rendering, every `<a href>` that is not `mailto:` and
//! points to a host other than the site `url`'s gets `target="_blank"` and `noopener
//! noreferrer` (plus any `target-blank.rel`) appended to its `rel`; `target-blank.css_class`
//! limits it to links with that class, `add_css_classes` prepends classes, and `noopener:
//! false` / `noreferrer: false` drop those values. Only the body is processed when the page
//! has one.
//!
//! The Ruby reparses the fragment with Nokogiri and writes it back; hyde changes the same
//! attributes in place (see `html_scan`).
//!
//! Not packaged by Debian: the expectations in the tests come from reading
//! keithmifsud/jekyll-target-blank and running it under the oracle's Jekyll (RUBYLIB).

use super::html_scan::{attr, set_attr};
use crate::error::{Error, Result};
use crate::site::render::Item;
use crate::site::Site;
use crate::value::Value;

/// The `target-blank:` settings.
#[derive(Default)]
struct Settings {
    css_class: Option<String>,
    add_css_classes: Option<String>,
    noopener: bool,
    noreferrer: bool,
    extra_rel: Option<String>,
}

fn truthy_str(v: Option<Value>) -> Option<String> {
    v.filter(|v| v.is_truthy()).map(|v| crate::value::to_s(&v))
}

impl Settings {
    fn from(site: &Site) -> Settings {
        let c = site
            .config
            .get("target-blank")
            .cloned()
            .unwrap_or(Value::Nil);
        if c.is_nil() {
            return Settings {
                noopener: true,
                noreferrer: true,
                ..Settings::default()
            };
        }
        Settings {
            css_class: truthy_str(c.get("css_class")),
            add_css_classes: truthy_str(c.get("add_css_classes")),
            noopener: !matches!(c.get("noopener"), Some(Value::Bool(false))),
            noreferrer: !matches!(c.get("noreferrer"), Some(Value::Bool(false))),
            extra_rel: truthy_str(c.get("rel")),
        }
    }
}

/// `URI.parse(u).host`: the authority's host of `scheme://host...`, else none; an error for
/// what `URI.parse` rejects.
fn host(u: &str) -> std::result::Result<Option<String>, String> {
    if u.chars()
        .any(|c| !c.is_ascii() || c.is_ascii_whitespace() || "<>\"{}|\\^`".contains(c))
    {
        return Err(format!("bad URI(is not URI?): {u:?}"));
    }
    let Some(colon) = u.find(':') else {
        return Ok(None);
    };
    let scheme = &u[..colon];
    let scheme_ok = scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let rest = &u[colon + 1..];
    if !scheme_ok || !rest.starts_with("//") {
        return Ok(None);
    }
    let authority = rest[2..].split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit('@').next().unwrap_or("");
    let host = match host_port.strip_prefix('[') {
        Some(v6) => format!("[{}", v6.split(']').next().unwrap_or("")) + "]",
        None => host_port.split(':').next().unwrap_or("").to_string(),
    };
    Ok(Some(host))
}

/// Processes the anchors of an HTML fragment.
fn process_anchors(html: &str, s: &Settings, site_url: Option<&str>) -> Result<String> {
    let mut failure = None;
    let out = super::html_scan::rewrite_anchors(html, |attrs| {
        let Some(href) = attr(attrs, "href").map(str::to_string) else {
            return false;
        };
        if href.starts_with("mailto:") || !(href.contains("http:") || href.contains("https:")) {
            return false;
        }
        let hosts = site_url
            .ok_or_else(|| "bad URI(is not URI?): nil (the site has no `url`)".to_string())
            .and_then(|su| Ok((host(&href)?, host(su)?)));
        let (link_host, site_host) = match hosts {
            Ok(h) => h,
            Err(m) => {
                failure.get_or_insert(Error::new(format!("jekyll-target-blank: {m}")));
                return false;
            }
        };
        if link_host == site_host {
            return false;
        }
        let classes = attr(attrs, "class").unwrap_or("").to_string();
        if let Some(required) = &s.css_class {
            if !classes.split(' ').any(|c| c == required) {
                return false;
            }
        }
        set_attr(attrs, "target", "_blank");
        let mut rel = attr(attrs, "rel").unwrap_or("").to_string();
        let mut add = |v: &str| {
            if !rel.is_empty() {
                rel.push(' ');
            }
            rel.push_str(v);
        };
        if s.noopener {
            add("noopener");
        }
        if s.noreferrer {
            add("noreferrer");
        }
        if let Some(extra) = &s.extra_rel {
            add(extra);
        }
        if !rel.is_empty() {
            set_attr(attrs, "rel", &rel);
        }
        if let Some(add_classes) = &s.add_css_classes {
            let joined = if classes.is_empty() {
                add_classes.clone()
            } else {
                format!("{add_classes} {classes}")
            };
            set_attr(attrs, "class", &joined);
        }
        true
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// `TargetBlank.process` on one output.
pub fn process(site: &Site, output: &str) -> Result<Option<String>> {
    if !output.contains("<a") {
        return Ok(None);
    }
    let s = Settings::from(site);
    let site_url = site
        .config
        .get("url")
        .filter(|v| !v.is_nil())
        .map(crate::value::to_s);
    if !output.contains("<body") {
        return process_anchors(output, &s, site_url.as_deref()).map(Some);
    }
    // `/<body([^<>]*)>\s*/` and the first `</body>` after it.
    let Some(start) = output.find("<body") else {
        return Ok(None);
    };
    let open = match output[start + 5..].find(['<', '>']) {
        Some(k) if output.as_bytes()[start + 5 + k] == b'>' => start + 5 + k + 1,
        _ => return process_anchors(output, &s, site_url.as_deref()).map(Some),
    };
    let open = open
        + output[open..]
            .find(|c: char| !c.is_ascii_whitespace())
            .unwrap_or(output.len() - open);
    let (body, rest) = match output[open..].find("</body>") {
        Some(k) => (&output[open..open + k], &output[open + k..]),
        None => (&output[open..], ""),
    };
    let body = process_anchors(body, &s, site_url.as_deref())?;
    Ok(Some(format!("{}{body}{rest}", &output[..open])))
}

/// The plugin: a `:pages`/`:documents` `:post_render` hook.
pub struct JekyllTargetBlank;

impl crate::plugins::Plugin for JekyllTargetBlank {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-target-blank"]
    }

    fn post_render(&self, site: &Site, item: Item, output: &mut String) -> Result<()> {
        if !super::jemoji::emojiable(site, item) {
            return Ok(());
        }
        if let Some(new) = process(site, output)? {
            *output = new;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_like_uri_parse() {
        assert_eq!(
            host("https://Ex.COM:80/x").unwrap().as_deref(),
            Some("Ex.COM")
        );
        assert_eq!(host("/a?to=https://e.com").unwrap(), None);
        assert_eq!(host("https:x").unwrap(), None);
        assert!(host("https://e.com/a b").is_err());
    }

    #[test]
    fn rel_and_classes() {
        let s = Settings {
            add_css_classes: Some("ext".into()),
            noopener: true,
            noreferrer: false,
            extra_rel: Some("nofollow".into()),
            ..Settings::default()
        };
        let out = process_anchors(
            "<a href=\"https://x.com\" class=\"btn\" rel=\"me\">x</a> <a href=\"https://me.org/a\">in</a> <a href=\"mailto:a@b\">m</a>",
            &s,
            Some("https://me.org"),
        )
        .unwrap();
        assert_eq!(
            out,
            "<a href=\"https://x.com\" class=\"ext btn\" rel=\"me noopener nofollow\" target=\"_blank\">x</a> <a href=\"https://me.org/a\">in</a> <a href=\"mailto:a@b\">m</a>"
        );
    }
}
