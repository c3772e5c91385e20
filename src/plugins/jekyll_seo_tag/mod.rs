//! jekyll-seo-tag (2.8): `{% seo %}` prints the page's `<title>`, description, canonical
//! URL, Open Graph and Twitter metadata and a JSON-LD block, byte for byte as the gem's
//! minified template renders them (one element per line, no indentation).
//! `{% seo title=false %}` leaves the `<title>` out.

mod meta;

use crate::liquid::ruby::output_s;
use crate::liquid::{Context, Engine, LResult, Tag};
use crate::site::liquid_setup::CurrentPage;
use crate::value::{Hash, Value};
use meta::{lookup, Seo};

/// The gem version the output announces.
const VERSION: &str = "2.8.0";

/// The plugin: one tag.
pub struct JekyllSeoTag;

impl crate::plugins::Plugin for JekyllSeoTag {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-seo-tag"]
    }

    /// `seo_paginator_message` is a Ruby format string; hyde fills in `%<current>s`,
    /// `%<total>s` and `%%` only, and says so when the message uses anything else.
    fn post_read(&self, site: &mut crate::site::Site) -> crate::error::Result<()> {
        let message = site
            .config
            .get("seo_paginator_message")
            .map(crate::value::to_s)
            .unwrap_or_default();
        let rest = message
            .replace("%<current>s", "")
            .replace("%<total>s", "")
            .replace("%%", "");
        if rest.contains('%') {
            site.warn(format!(
                "jekyll-seo-tag: seo_paginator_message {message:?} uses format directives hyde does not support (only %<current>s, %<total>s and %%); they are printed as written."
            ));
        }
        Ok(())
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("seo", |_name, markup, _info| {
            Ok(Box::new(SeoTag {
                show_title: !markup.to_lowercase().contains("title=false"),
            }) as Box<dyn Tag>)
        });
    }
}

struct SeoTag {
    /// False for `{% seo title=false %}` (any case).
    show_title: bool,
}

/// Appends `<tag attr="value" />` lines.
struct Lines<'a>(&'a mut String);

impl Lines<'_> {
    fn meta(&mut self, attr: &str, key: &str, content: &str) {
        self.0.push_str(&format!(
            "<meta {attr}=\"{key}\" content=\"{content}\" />\n"
        ));
    }

    fn link(&mut self, rel: &str, href: &str) {
        self.0
            .push_str(&format!("<link rel=\"{rel}\" href=\"{href}\" />\n"));
    }
}

impl Tag for SeoTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let page = ctx
            .registers
            .get::<CurrentPage>()
            .map(|p| p.0.clone())
            .unwrap_or(Value::Nil);
        let site = ctx.globals().get("site").cloned().unwrap_or(Value::Nil);
        let seo = Seo::compute(ctx, page, site)?;
        let jekyll_version = ctx
            .globals()
            .get("jekyll")
            .map(|j| lookup(j, "version"))
            .unwrap_or(Value::Nil);
        let json = json_ld(&seo)?;
        write(
            ctx,
            &seo,
            self.show_title,
            &output_s(&jekyll_version),
            &json,
            out,
        )
    }
}

/// The tag's output, in the gem's template order.
fn write(
    ctx: &mut Context,
    seo: &Seo,
    show_title: bool,
    jekyll_version: &str,
    json: &str,
    out: &mut String,
) -> LResult<()> {
    let (page, site) = (&seo.page, &seo.site);
    out.push_str(&format!("<!-- Begin Jekyll SEO tag v{VERSION} -->\n"));
    let mut l = Lines(out);
    if let (true, Some(title)) = (show_title, &seo.title) {
        l.0.push_str(&format!("<title>{title}</title>\n"));
    }
    l.meta("name", "generator", &format!("Jekyll v{jekyll_version}"));
    if let Some(t) = &seo.page_title {
        l.meta("property", "og:title", t);
    }
    let author_name = seo.author.name();
    if author_name.is_truthy() {
        l.meta("name", "author", &output_s(&author_name));
    }
    l.meta("property", "og:locale", &seo.page_locale);
    if let Some(d) = &seo.description {
        l.meta("name", "description", d);
        l.meta("property", "og:description", d);
    }
    if lookup(site, "url").is_truthy() {
        let url = output_s(&seo.canonical_url);
        l.link("canonical", &url);
        l.meta("property", "og:url", &url);
    }
    if let Some(t) = &seo.site_title {
        l.meta("property", "og:site_name", t);
    }
    if let Some(image) = &seo.image {
        l.meta("property", "og:image", &image.path);
        for key in ["height", "width", "alt"] {
            let v = image.get(key);
            if v.is_truthy() {
                l.meta("property", &format!("og:image:{key}"), &output_s(&v));
            }
        }
    }
    let date = lookup(page, "date");
    if date.is_truthy() {
        l.meta("property", "og:type", "article");
        let published = ctx.invoke_filter("date_to_xmlschema", &date, &[])?;
        l.meta("property", "article:published_time", &output_s(&published));
    } else {
        l.meta("property", "og:type", "website");
    }
    for (rel, number, path) in [
        ("prev", "previous_page", "previous_page_path"),
        ("next", "next_page", "next_page_path"),
    ] {
        if lookup(&seo.paginator, number).is_truthy() {
            let href = ctx.invoke_filter("absolute_url", &lookup(&seo.paginator, path), &[])?;
            l.link(rel, &output_s(&href));
        }
    }
    if let Some(image) = &seo.image {
        let card = ctx.invoke_filter(
            "default",
            &lookup(&lookup(page, "twitter"), "card"),
            &[lookup(&lookup(site, "twitter"), "card")],
        )?;
        let card = ctx.invoke_filter("default", &card, &[Value::str("summary_large_image")])?;
        l.meta("name", "twitter:card", &output_s(&card));
        l.meta("property", "twitter:image", &image.path);
    } else {
        l.meta("name", "twitter:card", "summary");
    }
    if let Some(alt) = seo.image.as_ref().map(|i| i.get("alt")) {
        if alt.is_truthy() {
            l.meta("name", "twitter:image:alt", &output_s(&alt));
        }
    }
    if let Some(t) = &seo.page_title {
        l.meta("property", "twitter:title", t);
    }
    let twitter = lookup(site, "twitter");
    if twitter.is_truthy() {
        let at = [Value::str("@")];
        let username = ctx.invoke_filter("remove", &lookup(&twitter, "username"), &at)?;
        l.meta("name", "twitter:site", &format!("@{}", output_s(&username)));
        if let Some(handle) = seo.author.twitter() {
            let handle = ctx.invoke_filter("remove", &Value::str(handle), &at)?;
            l.meta(
                "name",
                "twitter:creator",
                &format!("@{}", output_s(&handle)),
            );
        }
    }
    let facebook = lookup(site, "facebook");
    if facebook.is_truthy() {
        for (key, property) in [
            ("admins", "fb:admins"),
            ("publisher", "article:publisher"),
            ("app_id", "fb:app_id"),
        ] {
            let v = lookup(&facebook, key);
            if v.is_truthy() {
                l.meta("property", property, &output_s(&v));
            }
        }
    }
    let verifications = lookup(site, "webmaster_verifications");
    if verifications.is_truthy() {
        for (key, name) in [
            ("google", "google-site-verification"),
            ("bing", "msvalidate.01"),
            ("alexa", "alexaVerifyID"),
            ("yandex", "yandex-verification"),
            ("baidu", "baidu-site-verification"),
            ("facebook", "facebook-domain-verification"),
        ] {
            let v = lookup(&verifications, key);
            if v.is_truthy() {
                l.meta("name", name, &output_s(&v));
            }
        }
    } else {
        let google = lookup(site, "google_site_verification");
        if google.is_truthy() {
            l.meta("name", "google-site-verification", &output_s(&google));
        }
    }
    out.push_str("<script type=\"application/ld+json\">\n");
    out.push_str(json);
    out.push_str("</script>\n<!-- End Jekyll SEO tag -->\n");
    Ok(())
}

/// `JSONLDDrop#to_json`: its keys sorted, nil values left out.
fn json_ld(seo: &Seo) -> LResult<String> {
    let opt = |s: &Option<String>| s.as_deref().map(Value::str).unwrap_or(Value::Nil);
    let mut fields: Vec<(&str, Value)> = vec![
        ("@context", Value::str("https://schema.org")),
        ("@type", seo.page_type.clone()),
        ("author", json_author(seo)),
        ("dateModified", opt(&seo.date_modified)),
        ("datePublished", opt(&seo.date_published)),
        ("description", opt(&seo.description)),
        ("headline", opt(&seo.page_title)),
        ("image", json_image(seo)),
        ("mainEntityOfPage", json_main_entity(seo)),
        ("name", opt(&seo.name)),
        ("publisher", json_publisher(seo)),
        ("sameAs", seo.links.clone()),
        ("url", seo.canonical_url.clone()),
    ];
    fields.sort_by(|a, b| a.0.cmp(b.0));
    let h: Hash = fields
        .into_iter()
        .filter(|(_, v)| !v.is_nil())
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    crate::liquid::jekyll::jsonify(&Value::hash(h))
}

fn json_author(seo: &Seo) -> Value {
    let name = seo.author.name();
    if !name.is_truthy() {
        return Value::Nil;
    }
    let author_type = seo.author.get("type");
    let valid = match &author_type {
        v if !v.is_truthy() => true,
        Value::Str(s) => matches!(&**s, "Organization" | "Person"),
        _ => false,
    };
    if !valid {
        return Value::Nil;
    }
    let mut h = Hash::new();
    let author_type = if author_type.is_truthy() {
        author_type
    } else {
        Value::str("Person")
    };
    h.insert("@type".into(), author_type);
    h.insert("name".into(), name);
    let url = seo.author.get("url");
    if url.is_truthy() {
        h.insert("url".into(), url);
    }
    Value::hash(h)
}

/// A plain URL when the image has nothing but a path; otherwise its fields, `path`
/// renamed `url` (moved last), and `"@type": "imageObject"`.
fn json_image(seo: &Seo) -> Value {
    let Some(image) = &seo.image else {
        return Value::Nil;
    };
    if image.fields.len() == 1 {
        return Value::str(image.path.as_str());
    }
    let mut h = Hash::new();
    for k in image.fields.keys() {
        h.insert(k.clone(), image.get(k));
    }
    let path = h.shift_remove("path").unwrap_or(Value::Nil);
    h.insert("url".into(), path);
    h.insert("@type".into(), Value::str("imageObject"));
    Value::hash(h)
}

fn json_main_entity(seo: &Seo) -> Value {
    if !matches!(seo.page_type.as_str(), Some("BlogPosting" | "CreativeWork")) {
        return Value::Nil;
    }
    let mut h = Hash::new();
    h.insert("@type".into(), Value::str("WebPage"));
    h.insert("@id".into(), seo.canonical_url.clone());
    Value::hash(h)
}

fn json_publisher(seo: &Seo) -> Value {
    let Some(logo) = &seo.logo else {
        return Value::Nil;
    };
    let mut image = Hash::new();
    image.insert("@type".into(), Value::str("ImageObject"));
    image.insert("url".into(), Value::str(logo.as_str()));
    let mut h = Hash::new();
    h.insert("@type".into(), Value::str("Organization"));
    h.insert("logo".into(), Value::hash(image));
    let name = seo.author.name();
    if name.is_truthy() {
        h.insert("name".into(), name);
    }
    Value::hash(h)
}
