use super::*;

fn yaml(text: &str) -> Hash {
    match crate::yaml::load(text).unwrap() {
        Value::Hash(h) => (*h).clone(),
        _ => Hash::new(),
    }
}

fn paths(config: &str) -> Vec<String> {
    let config = yaml(config);
    let mut out = Vec::new();
    for feed in collections(&config).unwrap() {
        for c in feed.categories.iter().map(Some).chain([None]) {
            out.push(feed_path(&feed, c));
        }
    }
    out
}

/// Feed paths and their order as jekyll-feed 0.17 generates them (checked with Jekyll).
#[test]
fn feed_paths_follow_jekyll_feed() {
    assert_eq!(paths("{}"), ["/feed.xml"]);
    assert_eq!(
        paths("path: /atom.xml\ncategories: [news, Travel, news]"),
        ["/feed/news.xml", "/feed/Travel.xml", "/atom.xml"]
    );
    assert_eq!(
        paths("collections: [docs]"),
        ["/feed/docs.xml", "/feed.xml"]
    );
    assert_eq!(
        paths("collections: [docs, posts, docs]"),
        ["/feed/docs.xml", "/feed.xml"]
    );
    assert_eq!(
        paths("collections:\n  docs:\n    categories: [a]\n    path: /d.xml\n  posts:\n    path: /p.xml\n"),
        ["/feed/docs/a.xml", "/d.xml", "/p.xml"]
    );
}

#[test]
fn bad_settings_are_errors_not_panics() {
    assert!(collections(&yaml("categories: news")).is_err());
    assert!(collections(&yaml("collections:\n  docs:\n")).is_err());
}

/// jekyll-feed skips tags matching `[^a-zA-Z0-9_]`.
#[test]
fn only_plain_tags_get_feeds() {
    for ok in ["ok", "news_tag", "Tag2", ""] {
        assert!(feedable_tag(ok), "{ok}");
    }
    for skipped in ["two words", "dash-tag", "C++", "é", "a.b"] {
        assert!(!feedable_tag(skipped), "{skipped}");
    }
}
