//! jekyll-twitter-plugin 2.1: `{% twitter URL [key=value ...] %}` (or `{% twitter VARIABLE
//! ... %}`, or the deprecated `{% twitter oembed URL %}`) embeds a tweet through Twitter's
//! oEmbed API: `<div class='jekyll-twitter-plugin'>HTML</div>`.
//!
//! As the gem: responses are kept in `./.tweet-cache/<md5>.cache` (the gem's own cache,
//! which sites often commit) and read from there first; an HTTP error or a timeout gives
//! `<p>There was a 'MESSAGE' error fetching URL: 'URL'</p>`, which is cached too; a
//! response without `html` gives `<p>Tweet could not be processed</p>`.
//!
//! Where hyde differs: a request that cannot connect at all (the gem lets Ruby's exception
//! fail the build) and `--offline` without a cached tweet produce the error paragraph with
//! a warning, uncached, so the build goes on.

use crate::liquid::{Context, Engine, LResult, LiquidError, Tag};
use md5::{Digest, Md5};
use std::path::PathBuf;

pub struct JekyllTwitterPlugin;

impl crate::plugins::Plugin for JekyllTwitterPlugin {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-twitter-plugin"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("twitter", |_, markup, _| {
            Ok(Box::new(TwitterTag::parse(markup)) as Box<dyn Tag>)
        });
    }
}

const LIBRARY_VERSION: &str = "jekyll-twitter-plugin-v2.0.0";
const ERROR_BODY_TEXT: &str = "<p>Tweet could not be processed</p>";
const API_URL: &str = "https://publish.twitter.com/oembed";

enum Source {
    /// A URL (or `oembed URL`) written in the tag.
    Literal(Vec<String>),
    /// A variable holding the URL, then the parameters.
    Variable(String, Vec<String>),
}

struct TwitterTag {
    source: Source,
}

/// `normalize_string_params`: quotes removed, split on whitespace.
fn normalize(markup: &str) -> Vec<String> {
    markup
        .replace(['"', '\''], "")
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

impl TwitterTag {
    fn parse(markup: &str) -> TwitterTag {
        let literal = {
            let m = markup.trim_start_matches(['"', '\'']);
            let lower = m.to_ascii_lowercase();
            // `/^("|')?(http|https):\/\//i` is anchored at the very start of the markup.
            let unquoted_start = markup.len() - m.len() <= 1;
            (unquoted_start && (lower.starts_with("http://") || lower.starts_with("https://")))
                || markup.starts_with("oembed")
        };
        let args = normalize(markup);
        if literal {
            TwitterTag {
                source: Source::Literal(args),
            }
        } else {
            let mut it = args.into_iter();
            let var = it.next().unwrap_or_default();
            TwitterTag {
                source: Source::Variable(var, it.collect()),
            }
        }
    }
}

/// `ApiRequest`: the tweet URL and the oEmbed parameters, in the order written.
struct Request {
    url: String,
    params: Vec<(String, String)>,
}

impl Request {
    fn from_args(mut args: Vec<Option<String>>) -> Result<Request, String> {
        if args.iter().all(Option::is_none) {
            return Err(format!(
                "Invalid arguments passed to 'jekyll-twitter-plugin': {}. Please see 'https://github.com/rob-murray/jekyll-twitter-plugin' for usage.",
                ruby_array_inspect(&args)
            ));
        }
        if args.first().and_then(|a| a.as_deref()) == Some("oembed") {
            eprintln!(
                "{LIBRARY_VERSION}: Passing 'oembed' as the first argument is not required anymore. This will result in an error in future versions.\nCalled with {}",
                ruby_array_inspect(&args)
            );
            args.remove(0);
        }
        let mut it = args.into_iter();
        let url = it.next().flatten().unwrap_or_default();
        let mut params: Vec<(String, String)> = Vec::new();
        for arg in it.flatten() {
            let mut parts = arg.split('=').map(str::trim);
            if let (Some(k), Some(v)) = (parts.next(), parts.next()) {
                if !k.is_empty() {
                    params.retain(|(pk, _)| pk != k);
                    params.push((k.to_string(), v.to_string()));
                }
            }
        }
        Ok(Request { url, params })
    }

    /// `URI.encode_www_form(params.merge(url: entity_url))`.
    fn uri(&self) -> String {
        let mut pairs: Vec<(String, String)> = self.params.clone();
        pairs.push(("url".into(), self.url.clone()));
        let q: Vec<String> = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", www_form(k), www_form(v)))
            .collect();
        format!("{API_URL}?{}", q.join("&"))
    }

    /// `Digest::MD5.hexdigest("TwitterJekyll::ApiRequest-#{url}-#{params}")`, `params`
    /// printed as Ruby (before 3.4) prints a Hash.
    fn cache_key(&self) -> String {
        let params: Vec<String> = self
            .params
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}=>{}",
                    crate::value::inspect_str(k),
                    crate::value::inspect_str(v)
                )
            })
            .collect();
        let key = format!(
            "TwitterJekyll::ApiRequest-{}-{{{}}}",
            self.url,
            params.join(", ")
        );
        let digest = Md5::digest(key.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }
}

fn ruby_array_inspect(args: &[Option<String>]) -> String {
    let items: Vec<String> = args
        .iter()
        .map(|a| match a {
            Some(s) => crate::value::inspect_str(s),
            None => "nil".into(),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// `URI.encode_www_form_component`: `*-._` and alphanumerics kept, space as `+`.
fn www_form(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

impl Tag for TwitterTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let args: Vec<Option<String>> = match &self.source {
            Source::Literal(a) => a.iter().cloned().map(Some).collect(),
            Source::Variable(var, rest) => {
                let url = ctx.get(var);
                let url = (!url.is_nil()).then(|| crate::value::to_s(&url));
                std::iter::once(url)
                    .chain(rest.iter().cloned().map(Some))
                    .collect()
            }
        };
        let request = Request::from_args(args).map_err(LiquidError::argument)?;
        let site = crate::site::liquid_setup::site_of(ctx).cloned();
        let html = match site {
            Some(site) => response_html(&site, &request),
            None => None,
        };
        out.push_str("<div class='jekyll-twitter-plugin'>");
        out.push_str(html.as_deref().unwrap_or(ERROR_BODY_TEXT));
        out.push_str("</div>");
        Ok(())
    }
}

/// The gem's cache folder: `./.tweet-cache`, from the working directory.
fn cache_file(key: &str) -> PathBuf {
    PathBuf::from(".tweet-cache").join(format!("{key}.cache"))
}

/// The `html` of the cached or live response (`None`: the response has none).
fn response_html(site: &crate::site::Site, request: &Request) -> Option<String> {
    let file = cache_file(&request.cache_key());
    if let Ok(text) = std::fs::read_to_string(&file) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) {
            return v.get("html").and_then(|h| h.as_str()).map(str::to_string);
        }
    }
    let http = crate::net::Http::for_site(site).with_timeout(std::time::Duration::from_secs(10));
    let error_html = |message: &str| {
        format!(
            "<p>There was a '{message}' error fetching URL: '{}'</p>",
            request.url
        )
    };
    match http.get(&request.uri(), &[("User-Agent", LIBRARY_VERSION)]) {
        Ok(f) => {
            let parsed = serde_json::from_slice::<serde_json::Value>(&f.body).ok();
            let value = parsed.unwrap_or(serde_json::Value::Null);
            write_cache(&file, &value);
            value
                .get("html")
                .and_then(|h| h.as_str())
                .map(str::to_string)
        }
        Err(crate::net::NetError::Failed(message)) if is_http_status(&message) => {
            // `Net::HTTPResponse#message`: the reason phrase.
            let reason = message.split_once(' ').map(|(_, r)| r).unwrap_or(&message);
            let html = error_html(reason);
            write_cache(&file, &serde_json::json!({ "html": html }));
            Some(html)
        }
        Err(e) => {
            crate::cli::log::warn("Twitter:", &format!("could not fetch {}: {e}", request.url));
            Some(error_html(&e.to_string()))
        }
    }
}

fn is_http_status(message: &str) -> bool {
    message.len() >= 3 && message[..3].bytes().all(|b| b.is_ascii_digit())
}

fn write_cache(file: &std::path::Path, value: &serde_json::Value) {
    if let Some(dir) = file.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let _ = std::fs::write(file, value.to_string());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(markup: &str) -> Request {
        let tag = TwitterTag::parse(markup);
        match tag.source {
            Source::Literal(a) => Request::from_args(a.into_iter().map(Some).collect()).unwrap(),
            Source::Variable(..) => panic!("variable"),
        }
    }

    #[test]
    fn parses_arguments_as_the_gem() {
        let r = req("https://twitter.com/jekyllrb/status/1 align=center hide_media=true");
        assert_eq!(r.url, "https://twitter.com/jekyllrb/status/1");
        assert_eq!(
            r.uri(),
            "https://publish.twitter.com/oembed?align=center&hide_media=true&url=https%3A%2F%2Ftwitter.com%2Fjekyllrb%2Fstatus%2F1"
        );
        let r = req("oembed 'https://twitter.com/x/status/2'");
        assert_eq!(r.url, "https://twitter.com/x/status/2");
        assert!(matches!(
            TwitterTag::parse("page.tweet align=left").source,
            Source::Variable(ref v, ref rest) if v == "page.tweet" && rest == &["align=left"]
        ));
    }

    /// The key the gem computes (Ruby: `Digest::MD5.hexdigest(
    /// "TwitterJekyll::ApiRequest-https://twitter.com/jekyllrb/status/1-{\"align\"=>\"center\"}")`).
    #[test]
    fn cache_key_matches_ruby() {
        let r = req("https://twitter.com/jekyllrb/status/1 align=center");
        assert_eq!(r.cache_key(), "4c24452c4b62c703a383ba4329d2fc31");
    }
}
