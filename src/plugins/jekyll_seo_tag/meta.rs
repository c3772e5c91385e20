//! What jekyll-seo-tag 2.8 knows about the page being rendered: titles, description,
//! author, image, canonical URL, locale and the JSON-LD fields, each derived the way the
//! gem's `Jekyll::SeoTag::Drop` derives it.

use crate::liquid::{Context, LResult};
use crate::value::{Hash, Value};
use once_cell::sync::Lazy;
use regex::Regex;

/// `HOMEPAGE_OR_ABOUT_REGEX`; Ruby's `^`/`$` are line anchors.
static HOMEPAGE_OR_ABOUT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?m)^/(about/)?(index.html?)?$").expect("valid regex"));

const TITLE_SEPARATOR: &str = " | ";

/// `key` of a hash or drop; nothing for any other value (Liquid's lookup on a string).
pub fn lookup(v: &Value, key: &str) -> Value {
    v.get(key).unwrap_or(Value::Nil)
}

/// `v[key]` when `v[key]` is a hash (the gem's `sub_hash`), else an empty hash.
fn sub_hash(v: &Value, key: &str) -> Value {
    match lookup(v, key) {
        h @ Value::Hash(_) => h,
        _ => Value::empty_hash(),
    }
}

/// The first truthy value (Ruby's `a || b`).
fn or(a: Value, b: impl FnOnce() -> Value) -> Value {
    if a.is_truthy() {
        a
    } else {
        b()
    }
}

/// The resolved page author (`AuthorDrop`): its fields, from the front matter's `author`,
/// the first of `authors`, or the site's `author`; a name is looked up in
/// `site.data.authors` for more fields.
pub struct Author {
    pub fields: Hash,
}

impl Author {
    fn resolve(page: &Value, site: &Value) -> Author {
        let mut sources = vec![lookup(page, "author")];
        if let Value::Array(a) = lookup(page, "authors") {
            sources.push(a.first().cloned().unwrap_or(Value::Nil));
        }
        sources.push(lookup(site, "author"));
        let resolved = sources
            .into_iter()
            .find(|s| !crate::value::to_s(s).is_empty())
            .unwrap_or(Value::Nil);
        let fields = match &resolved {
            Value::Hash(h) => (**h).clone(),
            Value::Drop(d) => d.to_hash(),
            Value::Str(name) => {
                let mut h = Hash::new();
                h.insert("name".into(), Value::Str(name.clone()));
                let data = lookup(&lookup(site, "data"), "authors");
                if matches!(data, Value::Hash(_)) {
                    if let Value::Hash(extra) = lookup(&data, name) {
                        for (k, v) in extra.iter() {
                            h.insert(k.clone(), v.clone());
                        }
                    }
                }
                h
            }
            _ => Hash::new(),
        };
        Author { fields }
    }

    pub fn get(&self, key: &str) -> Value {
        self.fields.get(key).cloned().unwrap_or(Value::Nil)
    }

    pub fn name(&self) -> Value {
        self.get("name")
    }

    /// `twitter`, else `name`, without a leading `@`; only strings count.
    pub fn twitter(&self) -> Option<String> {
        match or(self.get("twitter"), || self.get("name")) {
            Value::Str(s) => Some(s.strip_prefix('@').unwrap_or(&s).to_string()),
            _ => None,
        }
    }
}

/// The page image (`ImageDrop`): `image:` as a string, or a hash whose `path` (else
/// `facebook`, else `twitter`) is the picture.
pub struct Image {
    /// `{"path" => nil}` merged with the front matter hash.
    pub fields: Hash,
    /// The escaped absolute URL; the image counts only when there is one.
    pub path: String,
}

impl Image {
    fn resolve(ctx: &mut Context, page: &Value) -> LResult<Option<Image>> {
        let mut fields = Hash::new();
        fields.insert("path".into(), Value::Nil);
        match lookup(page, "image") {
            Value::Hash(h) => {
                for (k, v) in h.iter() {
                    fields.insert(k.clone(), v.clone());
                }
            }
            s @ Value::Str(_) => {
                fields.insert("path".into(), s);
            }
            _ => {}
        }
        let get = |k: &str| fields.get(k).cloned().unwrap_or(Value::Nil);
        let raw = or(or(get("path"), || get("facebook")), || get("twitter"));
        if !raw.is_truthy() {
            return Ok(None);
        }
        let absolute = match &raw {
            Value::Str(s) if absolute_url_p(s) == Some(false) => {
                ctx.invoke_filter("absolute_url", &raw, &[])?
            }
            _ => raw,
        };
        if !absolute.is_truthy() {
            return Ok(None);
        }
        let path = ctx.invoke_filter("uri_escape", &absolute, &[])?;
        Ok(Some(Image {
            fields,
            path: crate::liquid::ruby::to_s(&path),
        }))
    }

    /// `image[key]`: the escaped URL for `path`, the front matter for the rest.
    pub fn get(&self, key: &str) -> Value {
        if key == "path" {
            return Value::str(self.path.as_str());
        }
        self.fields.get(key).cloned().unwrap_or(Value::Nil)
    }
}

/// The gem's `absolute_url?`: whether Addressable parses `s` as an absolute URI; `None`
/// when it does not parse.
fn absolute_url_p(s: &str) -> Option<bool> {
    crate::liquid::jekyll::parse_absolute(s).ok()
}

/// Everything the tag prints, computed once per rendering.
pub struct Seo {
    pub page: Value,
    pub site: Value,
    pub paginator: Value,
    pub site_title: Option<String>,
    pub page_title: Option<String>,
    /// `<title>`, page number prefix included; `None` when there is no title at all.
    pub title: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub author: Author,
    pub image: Option<Image>,
    pub date_modified: Option<String>,
    pub date_published: Option<String>,
    pub page_type: Value,
    pub links: Value,
    pub logo: Option<String>,
    pub page_locale: String,
    pub canonical_url: Value,
}

/// `format_string`: markdownify, strip_html, normalize_whitespace, escape_once; `None`
/// when nothing is left.
fn format_string(ctx: &mut Context, v: &Value) -> LResult<Option<String>> {
    let mut s = v.clone();
    for f in [
        "markdownify",
        "strip_html",
        "normalize_whitespace",
        "escape_once",
    ] {
        s = ctx.invoke_filter(f, &s, &[])?;
    }
    let s = crate::liquid::ruby::to_s(&s);
    Ok(if s.is_empty() { None } else { Some(s) })
}

impl Seo {
    pub fn compute(ctx: &mut Context, page: Value, site: Value) -> LResult<Seo> {
        let paginator = ctx.get("paginator");
        let site_title = format_string(ctx, &or(lookup(&site, "title"), || lookup(&site, "name")))?;
        let site_tagline = format_string(ctx, &lookup(&site, "tagline"))?;
        let site_description = format_string(ctx, &lookup(&site, "description"))?;
        let page_title = format_string(ctx, &lookup(&page, "title"))?.or(site_title.clone());
        let mut title = match (&site_title, &page_title) {
            (Some(st), Some(pt)) if pt != st => Some(format!("{pt}{TITLE_SEPARATOR}{st}")),
            (Some(st), _) if site_description.is_some() => Some(format!(
                "{st}{TITLE_SEPARATOR}{}",
                site_tagline
                    .clone()
                    .or(site_description.clone())
                    .unwrap_or_default()
            )),
            _ => page_title.clone().or(site_title.clone()),
        };
        if let (Some(t), Some(prefix)) = (&title, page_number(&paginator, &site)) {
            title = Some(format!("{prefix}{t}"));
        }

        let page_url = lookup(&page, "url");
        let homepage_or_about = page_url
            .as_str()
            .is_some_and(|u| HOMEPAGE_OR_ABOUT.is_match(u));
        let page_seo = sub_hash(&page, "seo");
        let site_social = sub_hash(&site, "social");

        let seo_name = match lookup(&page_seo, "name") {
            v if v.is_truthy() => format_string(ctx, &v)?,
            _ => None,
        };
        let social_name = lookup(&site_social, "name");
        let name = if seo_name.is_some() {
            seo_name
        } else if !homepage_or_about {
            None
        } else if social_name.is_truthy() {
            format_string(ctx, &social_name)?
        } else {
            site_title.clone()
        };

        let description = format_string(
            ctx,
            &or(lookup(&page, "description"), || lookup(&page, "excerpt")),
        )?
        .or(site_description);

        let author = Author::resolve(&page, &site);
        let image = Image::resolve(ctx, &page)?;

        let modified = or(
            or(lookup(&page_seo, "date_modified"), || {
                lookup(&page, "last_modified_at")
            }),
            || lookup(&page, "date"),
        );
        let date_modified = xmlschema(ctx, &modified)?;
        let date_published = xmlschema(ctx, &lookup(&page, "date"))?;

        let page_type = if lookup(&page_seo, "type").is_truthy() {
            lookup(&page_seo, "type")
        } else if homepage_or_about {
            Value::str("WebSite")
        } else if lookup(&page, "date").is_truthy() {
            Value::str("BlogPosting")
        } else {
            Value::str("WebPage")
        };

        let links = if lookup(&page_seo, "links").is_truthy() {
            lookup(&page_seo, "links")
        } else if homepage_or_about {
            lookup(&site_social, "links")
        } else {
            Value::Nil
        };

        let logo = match lookup(&site, "logo") {
            v if v.is_truthy() => {
                let is_absolute = v.as_str().and_then(absolute_url_p).unwrap_or(false);
                let url = if is_absolute {
                    v
                } else {
                    ctx.invoke_filter("absolute_url", &v, &[])?
                };
                Some(crate::liquid::ruby::to_s(&ctx.invoke_filter(
                    "uri_escape",
                    &url,
                    &[],
                )?))
            }
            _ => None,
        };

        let lang = or(or(lookup(&page, "lang"), || lookup(&site, "lang")), || {
            Value::str("en_US")
        });
        let locale = or(
            or(lookup(&page, "locale"), || lookup(&site, "locale")),
            || lang,
        );
        let page_locale = crate::liquid::ruby::to_s(&locale).replace('-', "_");

        let canonical = lookup(&page, "canonical_url");
        let canonical_url = if crate::liquid::ruby::to_s(&canonical).is_empty() {
            let abs = ctx.invoke_filter("absolute_url", &page_url, &[])?;
            let abs = crate::liquid::ruby::to_s(&abs);
            Value::str(strip_index_html(&abs))
        } else {
            canonical
        };

        Ok(Seo {
            page,
            site,
            paginator,
            site_title,
            page_title,
            title,
            name,
            description,
            author,
            image,
            date_modified,
            date_published,
            page_type,
            links,
            logo,
            page_locale,
            canonical_url,
        })
    }
}

/// `gsub(%r!/index\.html$!, "/")`: at the end of the string or of any line.
fn strip_index_html(url: &str) -> String {
    static INDEX: Lazy<Regex> =
        Lazy::new(|| Regex::new(r"(?m)/index\.html$").expect("valid regex"));
    INDEX.replace_all(url, "/").into_owned()
}

fn xmlschema(ctx: &mut Context, v: &Value) -> LResult<Option<String>> {
    if !v.is_truthy() {
        return Ok(None);
    }
    let s = ctx.invoke_filter("date_to_xmlschema", v, &[])?;
    Ok(Some(crate::liquid::ruby::to_s(&s)))
}

/// "Page 2 of 5 for " on paginated pages after the first (`seo_paginator_message`).
fn page_number(paginator: &Value, site: &Value) -> Option<String> {
    let current = lookup(paginator, "page");
    if !paginator.is_truthy() || !current.is_truthy() {
        return None;
    }
    if !matches!(current, Value::Int(i) if i > 1) {
        return None;
    }
    let total = lookup(paginator, "total_pages");
    let message = match lookup(site, "seo_paginator_message") {
        v if v.is_truthy() => crate::liquid::ruby::to_s(&v),
        _ => "Page %<current>s of %<total>s for ".to_string(),
    };
    Some(
        message
            .replace("%<current>s", &crate::liquid::ruby::to_s(&current))
            .replace("%<total>s", &crate::liquid::ruby::to_s(&total))
            .replace("%%", "%"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homepage_or_about_matches_like_the_gem() {
        for u in [
            "/",
            "/index.html",
            "/about/",
            "/about/index.htm",
            "/indexxhtml",
        ] {
            assert!(HOMEPAGE_OR_ABOUT.is_match(u), "{u}");
        }
        for u in ["/about", "/blog/", "/about/me.html"] {
            assert!(!HOMEPAGE_OR_ABOUT.is_match(u), "{u}");
        }
    }

    #[test]
    fn canonical_drops_index_html() {
        assert_eq!(
            strip_index_html("https://x.org/a/index.html"),
            "https://x.org/a/"
        );
        assert_eq!(
            strip_index_html("https://x.org/a/index.htm"),
            "https://x.org/a/index.htm"
        );
    }

    #[test]
    fn page_number_prefix() {
        let mut p = Hash::new();
        p.insert("page".into(), Value::Int(2));
        p.insert("total_pages".into(), Value::Int(3));
        let p = Value::hash(p);
        assert_eq!(
            page_number(&p, &Value::empty_hash()).as_deref(),
            Some("Page 2 of 3 for ")
        );
    }
}
