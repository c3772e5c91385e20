//! `{% feed_meta %}`: a `<link>` to the posts feed for a page's `<head>`.

use crate::liquid::jekyll::absolute_url;
use crate::liquid::{Context, Engine, ErrorKind, LResult, LiquidError, Tag};
use crate::value::Value;

pub fn register(engine: &mut Engine) {
    engine.register_tag(
        "feed_meta",
        |_, _, _| Ok(Box::new(FeedMeta) as Box<dyn Tag>),
    );
}

struct FeedMeta;

impl Tag for FeedMeta {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let site = crate::site::liquid_setup::site_of(ctx)
            .cloned()
            .ok_or_else(|| {
                LiquidError::new(ErrorKind::Internal, "no site in the Liquid registers")
            })?;
        let config = &site.config;
        let path = match config.get("feed") {
            Some(Value::Hash(feed)) => feed.get("path").filter(|v| !v.is_nil()).cloned(),
            _ => None,
        };
        let path = path.map_or_else(|| "feed.xml".to_string(), |p| crate::value::to_s(&p));
        let title = [config.get("title"), config.get("name")]
            .into_iter()
            .flatten()
            .find(|v| v.is_truthy());
        let text = |k: &str| {
            config
                .get(k)
                .filter(|v| !v.is_nil())
                .map(crate::value::to_s)
        };
        let href = absolute_url(&path, text("baseurl").as_deref(), text("url").as_deref())?;
        out.push_str(&link_element(
            &href,
            title.map(crate::value::to_s).as_deref(),
        ));
        Ok(())
    }
}

/// The element, attribute values escaped as XML attributes.
fn link_element(href: &str, title: Option<&str>) -> String {
    let attr = crate::liquid::jekyll::xml_escape;
    let mut out = format!(
        "<link type=\"application/atom+xml\" rel=\"alternate\" href=\"{}\"",
        attr(href)
    );
    if let Some(t) = title {
        out.push_str(&format!(" title=\"{}\"", attr(t)));
    }
    out.push_str(" />");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from jekyll-feed 0.17 (`{% feed_meta %}` with these settings).
    #[test]
    fn link_with_and_without_title() {
        assert_eq!(
            link_element("https://example.com/feed.xml", Some("Jane's \"Notes\" & Things")),
            "<link type=\"application/atom+xml\" rel=\"alternate\" href=\"https://example.com/feed.xml\" title=\"Jane&apos;s &quot;Notes&quot; &amp; Things\" />"
        );
        assert_eq!(
            link_element("/blog/atom.xml", None),
            "<link type=\"application/atom+xml\" rel=\"alternate\" href=\"/blog/atom.xml\" />"
        );
    }
}
