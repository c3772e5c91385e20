//! al-folio's `_plugins/external-posts.rb`: posts from elsewhere, listed in
//! `external_sources:` — an RSS/Atom feed (`rss_url`) or pages (`posts: [{url,
//! published_date}]`) — become documents of the `posts` collection, with the source's
//! `categories` and `tags`, `external_source`, `feed_content`, `description` and
//! `redirect` (the original URL). A generator at priority `:high`.
//!
//! As the Ruby plugin: feed entries are read as Feedjira reads them (RSS `link`,
//! `content:encoded`, `description`, `pubDate`; Atom `link`, `content`, `summary`,
//! `published`/`updated`), pages as it reads them with Nokogiri (`head title`, the
//! description meta tags, the text of every `<p>`); the slug is the lowercased title with
//! spaces as dashes and everything but ASCII word characters and dashes removed; it prints
//! the same progress lines. Requests go through [`crate::net`].
//!
//! Where hyde differs: a feed or page that cannot be fetched is skipped with a warning (the
//! Ruby plugin's exception fails the build).

use crate::error::Result;
use crate::site::document::Document;
use crate::site::Site;
use crate::value::{Hash, Time, Value};

pub struct ExternalPosts;

impl crate::plugins::Plugin for ExternalPosts {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }

    fn priority(&self) -> i32 {
        10
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        let sources = match site.config.get("external_sources") {
            Some(Value::Array(a)) => a.to_vec(),
            _ => return Ok(()),
        };
        let http = crate::net::Http::for_site(site);
        for src in sources {
            let name = src
                .get("name")
                .map(|v| crate::value::to_s(&v))
                .unwrap_or_default();
            println!("Fetching external posts from {name}:");
            let entries = if let Some(rss) = src.get("rss_url").filter(Value::is_truthy) {
                from_feed(&http, &crate::value::to_s(&rss))
            } else if let Some(Value::Array(posts)) = src.get("posts") {
                from_pages(site, &http, &posts)?
            } else {
                Vec::new()
            };
            for entry in entries {
                add_post(site, &name, entry, &src)?;
            }
        }
        Ok(())
    }
}

/// One post to create: the Ruby plugin's `content` hash.
#[derive(Debug, Default, Clone, PartialEq)]
struct Entry {
    url: String,
    title: String,
    content: Option<String>,
    summary: Option<String>,
    published: Option<Time>,
}

fn from_feed(http: &crate::net::Http, url: &str) -> Vec<Entry> {
    let xml = match http.get(url, &[]) {
        Ok(f) => f.text(),
        Err(e) => {
            crate::cli::log::warn("External posts:", &format!("{url}: {e}; skipped"));
            return Vec::new();
        }
    };
    match parse_feed(&xml) {
        Ok(entries) => {
            for e in &entries {
                println!("...fetching {}", e.url);
            }
            entries
        }
        Err(message) => {
            println!("Error parsing RSS feed from {url} - {message}");
            Vec::new()
        }
    }
}

/// RSS 2.0 / RSS 1.0 / Atom entries, in document order.
fn parse_feed(xml: &str) -> std::result::Result<Vec<Entry>, String> {
    let doc = roxmltree::Document::parse(xml).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    let atom = root.tag_name().name() == "feed";
    let item_name = if atom { "entry" } else { "item" };
    let text_of = |node: roxmltree::Node, name: &str, ns: Option<&str>| -> Option<String> {
        node.children()
            .rev()
            .find(|c| {
                c.is_element()
                    && c.tag_name().name() == name
                    && ns.is_none_or(|n| c.tag_name().namespace() == Some(n))
            })
            .map(|c| {
                c.descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect::<String>()
            })
    };
    let mut out = Vec::new();
    for item in root
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == item_name)
    {
        let mut e = Entry {
            title: text_of(item, "title", None).unwrap_or_default(),
            ..Entry::default()
        };
        if atom {
            let link = item
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "link")
                .find(|c| matches!(c.attribute("rel"), None | Some("alternate")));
            e.url = link
                .and_then(|l| l.attribute("href"))
                .unwrap_or_default()
                .to_string();
            e.content = text_of(item, "content", None);
            e.summary = text_of(item, "summary", None);
            e.published = text_of(item, "published", None)
                .or_else(|| text_of(item, "issued", None))
                .or_else(|| text_of(item, "updated", None))
                .and_then(|d| parse_feed_date(&d));
        } else {
            e.url = text_of(item, "link", None).unwrap_or_default();
            e.content = text_of(
                item,
                "encoded",
                Some("http://purl.org/rss/1.0/modules/content/"),
            );
            e.summary = text_of(item, "description", None);
            e.published = text_of(item, "pubDate", None)
                .or_else(|| text_of(item, "pubdate", None))
                .or_else(|| text_of(item, "date", Some("http://purl.org/dc/elements/1.1/")))
                .and_then(|d| parse_feed_date(&d));
        }
        out.push(e);
    }
    Ok(out)
}

/// Feedjira's `DateTime.parse(s).feed_utils_to_gm_time`: RFC 822 or ISO 8601, in UTC.
fn parse_feed_date(s: &str) -> Option<Time> {
    let s = s.trim();
    let utc = chrono::FixedOffset::east_opt(0)?;
    chrono::DateTime::parse_from_rfc2822(s)
        .or_else(|_| chrono::DateTime::parse_from_rfc3339(s))
        .ok()
        .map(|t| t.with_timezone(&utc))
        .or_else(|| {
            let zone = crate::utils::time::LocalZone::Named(chrono_tz::UTC);
            crate::utils::time::parse_time(s, &zone).map(|t| t.with_timezone(&utc))
        })
}

fn from_pages(site: &Site, http: &crate::net::Http, posts: &[Value]) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for post in posts {
        let url = post
            .get("url")
            .map(|v| crate::value::to_s(&v))
            .unwrap_or_default();
        println!("...fetching {url}");
        let html = match http.get(&url, &[]) {
            Ok(f) => f.text(),
            Err(e) => {
                crate::cli::log::warn("External posts:", &format!("{url}: {e}; skipped"));
                continue;
            }
        };
        let mut entry = page_entry(&html);
        entry.url = url.clone();
        entry.published = match post.get("published_date") {
            Some(Value::Str(s)) => crate::utils::time::parse_time(&s, &site.zone)
                .map(|t| t.with_timezone(&chrono::FixedOffset::east_opt(0).expect("UTC"))),
            Some(Value::Date(d)) => {
                // `Date#to_time.utc`: local midnight, then UTC.
                let local = site.zone.local(&d.and_hms_opt(0, 0, 0).expect("midnight"));
                Some(local.with_timezone(&chrono::FixedOffset::east_opt(0).expect("UTC")))
            }
            Some(Value::Time(t)) => {
                Some(t.with_timezone(&chrono::FixedOffset::east_opt(0).expect("UTC")))
            }
            other => {
                return Err(crate::Error::new(format!(
                    "Invalid date format for {}",
                    other.map(|v| crate::value::to_s(&v)).unwrap_or_default()
                )))
            }
        };
        out.push(entry);
    }
    Ok(out)
}

/// `fetch_content_from_url`: the page's title, description and paragraph text.
fn page_entry(html: &str) -> Entry {
    let doc = scraper::Html::parse_document(html);
    let first = |sel: &str| {
        scraper::Selector::parse(sel)
            .ok()
            .and_then(|s| doc.select(&s).next())
    };
    let title = first("head title")
        .map(|t| ruby_strip(&t.text().collect::<String>()))
        .unwrap_or_default();
    let summary = [
        r#"head meta[name="description"]"#,
        r#"head meta[name="og:description"]"#,
        r#"head meta[property="og:description"]"#,
    ]
    .iter()
    .find_map(|sel| first(sel).and_then(|m| m.value().attr("content").map(str::to_string)));
    let paragraphs = scraper::Selector::parse("p").expect("valid selector");
    let content: String = doc
        .select(&paragraphs)
        .map(|p| p.text().collect::<String>())
        .collect();
    Entry {
        title,
        content: Some(content),
        summary,
        ..Entry::default()
    }
}

/// Ruby's `String#strip`: ASCII whitespace and NUL.
fn ruby_strip(s: &str) -> String {
    s.trim_matches(|c: char| c.is_ascii_whitespace() || c == '\0' || c == '\x0b')
        .to_string()
}

/// `name.downcase.strip.gsub(' ', '-').gsub(/[^\w-]/, '')` (Ruby's `\w` is ASCII here).
fn slug_part(s: &str) -> String {
    ruby_strip(&s.to_lowercase())
        .replace(' ', "-")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect()
}

fn slug_for(source_name: &str, e: &Entry) -> String {
    let fallback = || {
        format!(
            "{}-{}",
            slug_part(source_name),
            e.url.rsplit('/').next().unwrap_or("")
        )
    };
    let word_chars = e
        .title
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .count();
    if word_chars == 0 {
        return fallback();
    }
    let slug = slug_part(&e.title);
    if slug.is_empty() {
        fallback()
    } else {
        slug
    }
}

fn add_post(site: &mut Site, source_name: &str, e: Entry, src: &Value) -> Result<()> {
    if !site.collections.contains_key("posts") {
        return Ok(());
    }
    let slug = slug_for(source_name, &e);
    let relative_path = format!("_posts/{slug}.md");
    let path = site.source.join(&relative_path);
    let mut data = Hash::new();
    data.insert("external_source".into(), Value::str(source_name));
    data.insert("title".into(), Value::str(e.title.as_str()));
    let opt = |s: &Option<String>| s.as_deref().map(Value::str).unwrap_or(Value::Nil);
    data.insert("feed_content".into(), opt(&e.content));
    data.insert("description".into(), opt(&e.summary));
    data.insert(
        "date".into(),
        e.published.map(Value::Time).unwrap_or(Value::Nil),
    );
    data.insert("redirect".into(), Value::str(e.url.as_str()));
    for key in ["categories", "tags"] {
        if let Some(Value::Array(list)) = src.get(key) {
            if !list.is_empty() {
                data.insert(key.into(), Value::Array(list));
            }
        }
    }
    let ctx = site.doc_context("posts");
    let doc = Document::generated(
        path,
        relative_path,
        "posts",
        &ctx,
        data,
        e.content.clone().unwrap_or_default(),
    )?;
    drop(ctx);
    let mut doc = doc;
    let write = site.collections["posts"].write();
    doc.write = write && site.publishable(&doc, false);
    if let Some(posts) = site.collections.get_mut("posts") {
        posts.docs.push(doc);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel><title>Blog</title>
<item><title><![CDATA[Hello, World! Ünïcode]]></title><link>https://medium.com/@x/hello-world-123</link>
<pubDate>Tue, 14 May 2024 10:30:00 GMT</pubDate><content:encoded><![CDATA[<p>Body</p>]]></content:encoded></item>
<item><title>日本語</title><link>https://medium.com/@x/abc</link><description>Sum</description></item>
</channel></rss>"#;

    #[test]
    fn reads_rss_as_feedjira() {
        let entries = parse_feed(RSS).unwrap();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].title, "Hello, World! Ünïcode");
        assert_eq!(entries[0].url, "https://medium.com/@x/hello-world-123");
        assert_eq!(entries[0].content.as_deref(), Some("<p>Body</p>"));
        assert_eq!(
            entries[0].published.unwrap().to_rfc3339(),
            "2024-05-14T10:30:00+00:00"
        );
        assert_eq!(entries[1].summary.as_deref(), Some("Sum"));
        // Slugs as the Ruby expressions make them.
        assert_eq!(slug_for("medium.com", &entries[0]), "hello-world-ncode");
        assert_eq!(slug_for("medium.com", &entries[1]), "mediumcom-abc");
    }

    #[test]
    fn reads_atom() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link rel="alternate" href="https://x/a"/><updated>2024-01-02T03:04:05Z</updated><summary>S</summary></entry></feed>"#;
        let e = &parse_feed(atom).unwrap()[0];
        assert_eq!(
            (e.url.as_str(), e.summary.as_deref()),
            ("https://x/a", Some("S"))
        );
        assert_eq!(
            e.published.unwrap().to_rfc3339(),
            "2024-01-02T03:04:05+00:00"
        );
    }

    #[test]
    fn reads_pages_as_nokogiri() {
        let e = page_entry(
            "<html><head><title>\n  A Page \n</title><meta property=\"og:description\" content=\"D\"></head><body><p>One</p><div><p>Two <b>x</b></p></div></body></html>",
        );
        assert_eq!(e.title, "A Page");
        assert_eq!(e.summary.as_deref(), Some("D"));
        assert_eq!(e.content.as_deref(), Some("OneTwo x"));
    }
}
