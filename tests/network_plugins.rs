//! Plugins that fetch at build time, against a loopback server with recorded responses
//! (`HYDE_NET_MAP` points their fixed URLs at it): jekyll-twitter-plugin, jekyll-get-json,
//! al-folio's citation tags; then the same builds `--offline` and with the server gone.
//!
//! Not oracle-made: Debian packages none of these plugins, so the expected HTML is what
//! their Ruby sources produce for these responses (read from jekyll-twitter-plugin 2.1,
//! jekyll-get-json 1.0 and al-folio's `_plugins/*-citations.rb`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

/// Answers the oEmbed, JSON, Scholar and INSPIRE requests; counts the requests it served.
fn recorded_server() -> (String, Arc<AtomicUsize>) {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let base = format!("http://{}", server.server_addr().to_ip().unwrap());
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    std::thread::spawn(move || {
        for req in server.incoming_requests() {
            counter.fetch_add(1, Ordering::SeqCst);
            let url = req.url().to_string();
            let (status, body) = if url.starts_with("/oembed?") && url.contains("status%2F404") {
                (404, "{}".to_string())
            } else if url.starts_with("/oembed?") {
                (
                    200,
                    format!(
                        r#"{{"url":"x","html":"<blockquote class=\"twitter-tweet\">{}</blockquote>\n"}}"#,
                        if url.starts_with("/oembed?align=center&") {
                            "centered"
                        } else {
                            "plain"
                        }
                    ),
                )
            } else if url == "/data.json" {
                (200, r#"{"name":"Remote","list":[1,2]}"#.to_string())
            } else if url.starts_with("/citations?") {
                (
                    200,
                    r#"<html><head><meta name="description" content="A paper. Cited by 1,534 - Related"></head></html>"#.to_string(),
                )
            } else if url == "/feed" {
                (
                    200,
                    r#"<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>M</title><item><title><![CDATA[Remote Post: Ünïcode!]]></title><link>https://medium.example/@me/remote-post-1a2b</link><pubDate>Tue, 14 May 2024 10:30:00 GMT</pubDate><content:encoded><![CDATA[<p>Remote <b>body</b>.</p>]]></content:encoded><description>Short.</description></item></channel></rss>"#.to_string(),
                )
            } else if url == "/article" {
                (
                    200,
                    r#"<html><head><title> An Article </title><meta name="description" content="About it"></head><body><p>First.</p><p>Second.</p></body></html>"#.to_string(),
                )
            } else if url.starts_with("/api/literature/") {
                (
                    200,
                    r#"{"hits":{"hits":[{"metadata":{"citation_count":87}}]}}"#.to_string(),
                )
            } else {
                (404, "missing".to_string())
            };
            let _ = req.respond(tiny_http::Response::from_string(body).with_status_code(status));
        }
    });
    (base, hits)
}

fn site(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hyde-net-plugins-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("_data")).unwrap();
    std::fs::write(
        dir.join("_config.yml"),
        "plugins: [jekyll-twitter-plugin, jekyll-get-json]\njekyll_get_json:\n  - data: remote\n    json: https://data.example.test/data.json\n  - data: local\n    json: local.json\n  - data: broken\n    json: https://data.example.test/missing.json\nexclude: [local.json]\n",
    )
    .unwrap();
    std::fs::write(dir.join("local.json"), r#"{"from":"file"}"#).unwrap();
    std::fs::write(
        dir.join("index.html"),
        "---\ntweet: https://twitter.com/jekyllrb/status/2\n---\n{% twitter https://twitter.com/jekyllrb/status/1 align=center %}\n{% twitter page.tweet %}\n{% twitter https://twitter.com/jekyllrb/status/404 %}\n{{ site.data.remote.name }} {{ site.data.remote.list | join: ',' }} {{ site.data.local.from }} [{{ site.data.broken }}]\n",
    )
    .unwrap();
    dir
}

fn build(dir: &Path, base: &str, extra: &[&str]) -> (bool, String) {
    let map = format!(
        "https://publish.twitter.com={base},https://data.example.test={base},https://scholar.google.com={base},https://inspirehep.net={base},https://feeds.example.test={base}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_hyde"))
        .arg("build")
        .args(extra)
        .current_dir(dir)
        .env("HYDE_NET_MAP", map)
        .output()
        .unwrap();
    let html = std::fs::read_to_string(dir.join("_site/index.html")).unwrap_or_default();
    (out.status.success(), html)
}

const EXPECTED: &str = "<div class='jekyll-twitter-plugin'><blockquote class=\"twitter-tweet\">centered</blockquote>\n</div>\n<div class='jekyll-twitter-plugin'><blockquote class=\"twitter-tweet\">plain</blockquote>\n</div>\n<div class='jekyll-twitter-plugin'><p>There was a 'Not Found' error fetching URL: 'https://twitter.com/jekyllrb/status/404'</p></div>\nRemote 1,2 file []\n";

#[test]
fn fetches_caches_and_builds_offline() {
    let dir = site("main");
    let (base, hits) = recorded_server();
    let (ok, html) = build(&dir, &base, &[]);
    assert!(ok);
    assert_eq!(html, EXPECTED);
    // The gem's own tweet cache, with the error response cached too.
    let cached = std::fs::read_dir(dir.join(".tweet-cache")).unwrap().count();
    assert_eq!(cached, 3);
    let served = hits.load(Ordering::SeqCst);

    // Offline: nothing goes to the network and the page is the same.
    let (ok, html) = build(&dir, &base, &["--offline"]);
    assert!(ok);
    assert_eq!(html, EXPECTED);
    assert_eq!(hits.load(Ordering::SeqCst), served);

    // Offline without the gem's tweet cache: hyde's own HTTP cache still has every
    // successful response (an error status is not cached by hyde, only by the gem).
    std::fs::remove_dir_all(dir.join(".tweet-cache")).unwrap();
    let (ok, html) = build(&dir, &base, &["--offline"]);
    assert!(ok);
    assert_eq!(
        html,
        EXPECTED.replace(
            "'Not Found' error",
            "'offline, and no cached response' error"
        )
    );

    // Offline with no cache at all: the tweets degrade to the gem's error paragraph and
    // the remote JSON is skipped, as the gem skips any entry that fails.
    std::fs::remove_dir_all(dir.join(".tweet-cache")).unwrap();
    let (ok, html) = build(&dir, &base, &["--offline", "--disable-disk-cache"]);
    assert!(ok);
    assert!(html.starts_with("<div class='jekyll-twitter-plugin'><p>There was a 'offline, and no cached response' error fetching URL: 'https://twitter.com/jekyllrb/status/1'</p></div>"), "{html}");
    assert!(html.ends_with("\n  file []\n"), "{html}");
    assert!(
        !dir.join(".tweet-cache").exists()
            || std::fs::read_dir(dir.join(".tweet-cache")).unwrap().count() == 0
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn citation_tags_fetch_and_degrade() {
    let dir = std::env::temp_dir().join(format!("hyde-net-cites-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("_plugins")).unwrap();
    std::fs::write(dir.join("_config.yml"), "scholar_userid: abc\n").unwrap();
    std::fs::write(
        dir.join("index.html"),
        "---\npaper: xyz\nrecid: '451647'\n---\n{% google_scholar_citations site.scholar_userid page.paper %} {% inspirehep_citations page.recid %}\n",
    )
    .unwrap();
    hyde_test_support::copy_plugin_files(&dir);
    let (base, _) = recorded_server();
    let (ok, html) = build(&dir, &base, &[]);
    assert!(ok);
    assert_eq!(html, "1.5K 87\n");
    let (_, html) = build(
        &dir,
        "http://127.0.0.1:9",
        &["--offline", "--disable-disk-cache"],
    );
    assert_eq!(html, "N/A N/A\n");
    let _ = std::fs::remove_dir_all(dir);
}

/// al-folio's external-posts generator: a feed and a page become posts (expectations from
/// reading `_plugins/external-posts.rb`: Feedjira's fields, Nokogiri's text, the slug rule).
#[test]
fn external_posts_from_feed_and_page() {
    let dir = std::env::temp_dir().join(format!("hyde-net-external-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("_plugins")).unwrap();
    std::fs::create_dir_all(dir.join("_posts")).unwrap();
    std::fs::write(
        dir.join("_plugins/external-posts.rb"),
        "module ExternalPosts\n  class ExternalPostsGenerator < Jekyll::Generator\n  end\nend\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("_config.yml"),
        "permalink: /blog/:year/:title/\nexternal_sources:\n  - name: medium.com\n    rss_url: https://feeds.example.test/feed\n    tags: [medium]\n  - name: Example Blog\n    posts:\n      - url: https://feeds.example.test/article\n        published_date: 2023-02-03\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("_posts/2024-01-01-local.md"),
        "---\ntitle: Local\n---\nLocal body.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("index.html"),
        "---\n---\n{% for p in site.posts %}{{ p.title }}|{{ p.url }}|{{ p.date | date: '%F %T %z' }}|{{ p.redirect }}|{{ p.description }}|{{ p.tags | join: ',' }}|{{ p.external_source }}\n{% endfor %}",
    )
    .unwrap();
    let (base, _) = recorded_server();
    let (ok, html) = build(&dir, &base, &[]);
    assert!(ok);
    assert_eq!(
        html,
        "Remote Post: Ünïcode!|/blog/2024/remote-post-ncode/|2024-05-14 10:30:00 +0000|https://medium.example/@me/remote-post-1a2b|Short.|medium|medium.com\nLocal|/blog/2024/local/|2024-01-01 00:00:00 +0000||||\nAn Article|/blog/2023/an-article/|2023-02-03 00:00:00 +0000|https://feeds.example.test/article|About it||Example Blog\n"
    );
    let post =
        std::fs::read_to_string(dir.join("_site/blog/2024/remote-post-ncode/index.html")).unwrap();
    assert_eq!(post, "<p>Remote <b>body</b>.</p>\n");
    let _ = std::fs::remove_dir_all(dir);
}

mod hyde_test_support {
    use std::path::Path;

    /// Stand-ins for al-folio's plugin files: the lines hyde recognises them by.
    pub fn copy_plugin_files(dir: &Path) {
        std::fs::write(
            dir.join("_plugins/google-scholar-citations.rb"),
            "module Jekyll\n  class GoogleScholarCitationsTag < Liquid::Tag\n    def render(context)\n      citation_count = \"N/A\"\n    end\n  end\nend\nLiquid::Template.register_tag('google_scholar_citations', Jekyll::GoogleScholarCitationsTag)\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("_plugins/inspirehep-citations.rb"),
            "module Jekyll\n  class InspireHEPCitationsTag < Liquid::Tag\n    def render(context)\n      citation_count = \"N/A\"\n    end\n  end\nend\nLiquid::Template.register_tag('inspirehep_citations', Jekyll::InspireHEPCitationsTag)\n",
        )
        .unwrap();
    }
}
