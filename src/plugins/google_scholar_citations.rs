//! al-folio's `_plugins/google-scholar-citations.rb`: `{% google_scholar_citations
//! SCHOLAR_ID ARTICLE_ID %}` prints an article's "Cited by" count from its Google Scholar
//! page, in ActiveSupport's human form (`1.2K`), or `N/A` when it cannot be had.
//!
//! As the Ruby tag: both arguments are Liquid expressions; counts are remembered per article
//! for the life of the process (so `serve` fetches each once); requests are spaced 1.5–3.5 s
//! apart to avoid being blocked; the count is read from the page's `description` (else
//! `og:description`) meta tag, `0` when it has no "Cited by". The request goes through
//! [`crate::net`] (cache, `--offline`).

use crate::liquid::{Context, Engine, Expr, LResult, Tag};
use crate::site::Site;
use once_cell::sync::Lazy;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct GoogleScholarCitations;

impl crate::plugins::Plugin for GoogleScholarCitations {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("google_scholar_citations", |_, markup, _| {
            let mut parts = markup.split(' ').map(str::trim).filter(|s| !s.is_empty());
            let scholar = parts.next().unwrap_or("").to_string();
            let article = parts.next().unwrap_or("").to_string();
            if scholar.is_empty() {
                println!("Invalid scholar_id provided");
            }
            if article.is_empty() {
                println!("Invalid article_id provided");
            }
            Ok(Box::new(CitationsTag {
                scholar: Expr::parse(&scholar),
                article: Expr::parse(&article),
            }) as Box<dyn Tag>)
        });
    }
}

/// Counts fetched so far in this process, by article id (the Ruby class-level hash).
static COUNTS: Lazy<Mutex<HashMap<String, String>>> = Lazy::new(Default::default);
/// When the last request went out: requests are spaced as the Ruby tag spaces them.
static LAST_REQUEST: Lazy<Mutex<Option<Instant>>> = Lazy::new(Default::default);

static CITED_BY: Lazy<regex::Regex> =
    Lazy::new(|| regex::Regex::new(r"Cited by (\d+[,\d]*)").expect("valid regex"));

struct CitationsTag {
    scholar: Expr,
    article: Expr,
}

impl Tag for CitationsTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let article = crate::value::to_s(&ctx.evaluate(&self.article)?);
        let scholar = crate::value::to_s(&ctx.evaluate(&self.scholar)?);
        if let Some(c) = COUNTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&article)
        {
            out.push_str(c);
            return Ok(());
        }
        let url = format!(
            "https://scholar.google.com/citations?view_op=view_citation&hl=en&user={scholar}&citation_for_view={scholar}:{article}"
        );
        let count = match crate::site::liquid_setup::site_of(ctx) {
            Some(site) => fetch_count(site, &url),
            None => Err("no site".into()),
        };
        let count = count.unwrap_or_else(|message| {
            println!("Error fetching citation count for {article} in {url}: {message}");
            "N/A".to_string()
        });
        COUNTS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(article, count.clone());
        out.push_str(&count);
        Ok(())
    }
}

fn fetch_count(site: &Site, url: &str) -> Result<String, String> {
    let http = crate::net::Http::for_site(site);
    let page = {
        // One request at a time, 1.5–3.5 s apart (the Ruby tag sleeps that long before
        // each request).
        let mut last = LAST_REQUEST.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(t) = *last {
            let wait = Duration::from_millis(1500 + u64::from(rand_below(2000)));
            let elapsed = t.elapsed();
            if elapsed < wait && !site.config.get("offline").is_some_and(|v| v.is_truthy()) {
                std::thread::sleep(wait - elapsed);
            }
        }
        let page = http.get(url, &[("User-Agent", "Ruby/3.1.2")]);
        *last = Some(Instant::now());
        page
    }
    .map_err(|e| e.to_string())?;
    Ok(crate::utils::active_support::number_to_human_k(count_in(
        &page.text(),
    )))
}

/// The "Cited by N" count in an article page's meta description.
fn count_in(html: &str) -> i64 {
    let doc = scraper::Html::parse_document(html);
    let meta = |sel: &str| {
        let selector = scraper::Selector::parse(sel).ok()?;
        doc.select(&selector)
            .next()
            .map(|m| m.value().attr("content").unwrap_or("").to_string())
    };
    let text =
        meta(r#"meta[name="description"]"#).or_else(|| meta(r#"meta[property="og:description"]"#));
    let Some(text) = text else {
        return 0;
    };
    let Some(m) = CITED_BY.captures(&text) else {
        return 0;
    };
    // Ruby: `matches[1].sub(",", "").to_i` — only the first comma goes, and `to_i` stops
    // at the next one.
    let digits = m[1].replacen(',', "", 1);
    let leading: String = digits.chars().take_while(char::is_ascii_digit).collect();
    leading.parse().unwrap_or(0)
}

/// A small pseudo-random number (spacing requests needs no more).
fn rand_below(n: u32) -> u32 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    nanos % n.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cited_by_as_the_ruby_tag() {
        let page = |meta: &str| format!("<html><head>{meta}</head><body></body></html>");
        assert_eq!(
            count_in(&page(
                r#"<meta name="description" content="Some paper. Cited by 1,234,567 - Related articles">"#
            )),
            1234
        );
        assert_eq!(
            count_in(&page(
                r#"<meta property="og:description" content="Cited by 42">"#
            )),
            42
        );
        assert_eq!(
            count_in(&page(
                r#"<meta name="description" content="No count here">"#
            )),
            0
        );
        assert_eq!(count_in("<html></html>"), 0);
    }
}
