//! Whole-build tests of both archive generators on small sites written to a temp dir.
//!
//! jekyll-archives (v1) expectations were printed by the reference Jekyll with
//! jekyll-archives 2.2.1 (`/work/shared/oracle/jekyll-oracle build`) on the same sites.
//!
//! jekyll-archives-v2 is NOT installed in the reference Jekyll, so no fixture/golden can be
//! made for it. Its expectations here were printed by the reference Jekyll running the
//! gem's own source (george-gca/jekyll-archives-v2 v0.0.5: lib/jekyll-archives-v2.rb,
//! archive.rb, page_drop.rb, concatenated into a temporary `_plugins/` file that is not part
//! of this repository) on the same sites; where noted, they come from reading that source.

use std::path::{Path, PathBuf};

struct TempSite {
    root: PathBuf,
}

impl TempSite {
    fn new(name: &str, files: &[(&str, &str)]) -> TempSite {
        let root =
            std::env::temp_dir().join(format!("hyde-archives-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let p = root.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        TempSite { root }
    }

    /// Builds the site; returns the warnings.
    fn build(&self) -> crate::error::Result<Vec<String>> {
        let loaded = crate::config::load(&self.root, &Default::default())?;
        let site = crate::site::Site::new(loaded.config, &self.root)?;
        let site = crate::build::process(site)?;
        Ok(site.warnings.clone())
    }

    fn output(&self, rel: &str) -> Option<String> {
        std::fs::read_to_string(self.root.join("_site").join(rel)).ok()
    }

    fn outputs(&self) -> Vec<String> {
        fn walk(dir: &Path, base: &Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, base, out);
                } else {
                    out.push(p.strip_prefix(base).unwrap().display().to_string());
                }
            }
        }
        let mut out = Vec::new();
        let site = self.root.join("_site");
        walk(&site, &site, &mut out);
        out.sort();
        out
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

const TAG_LAYOUT: &str =
    "{{ page.title | inspect }} {{ page.url }} {{ page.posts | map: \"title\" | join: \",\" }}\n";

#[test]
fn v1_integer_tag_and_repeated_tag() {
    // Jekyll: a non-String tag has no slug, so `/:name` drops out of the URL and the
    // title is nil; a tag listed twice lists its post twice.
    let site = TempSite::new(
        "v1-int",
        &[
            (
                "_config.yml",
                "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: [tags]\n",
            ),
            ("_layouts/archive.html", TAG_LAYOUT),
            (
                "_posts/2024-01-01-x.md",
                "---\ntitle: X\ntags: [2024, dup, dup]\n---\nx\n",
            ),
        ],
    );
    site.build().unwrap();
    assert_eq!(site.output("tag/index.html").unwrap(), "nil /tag/ X\n");
    assert_eq!(
        site.output("tag/dup/index.html").unwrap(),
        "&quot;dup&quot; /tag/dup/ X,X\n"
    );
}

#[test]
fn v1_enabled_must_be_all_true_or_a_list() {
    // `enabled: year` (a String other than "all") enables nothing.
    let site = TempSite::new(
        "v1-enabled",
        &[
            (
                "_config.yml",
                "plugins: [jekyll-archives]\njekyll-archives:\n  enabled: year\n",
            ),
            ("_posts/2024-01-01-x.md", "---\ntitle: X\n---\nx\n"),
        ],
    );
    site.build().unwrap();
    assert_eq!(site.outputs(), vec!["2024/01/01/x.html"]);
}

#[test]
fn v1_config_must_be_a_mapping() {
    // Jekyll: "no implicit conversion of Array into Hash (TypeError)".
    let site = TempSite::new(
        "v1-config",
        &[(
            "_config.yml",
            "plugins: [jekyll-archives]\njekyll-archives: [year]\n",
        )],
    );
    let err = site.build().unwrap_err();
    assert!(
        err.message
            .contains("no implicit conversion of Array into Hash"),
        "{err}"
    );
}

const V2_LAYOUT: &str = "{{ page.type }}|{{ page.collection_name }}|{{ page.title }}|{{ page.date }}|{{ page.url }}|{{ page.path }}|{{ page.name }}|{{ page.documents | map: \"title\" | join: \",\" }}|keys:{% for kv in page %} {{ kv }}{% endfor %}\n";

/// What `for kv in page` lists: the PageDrop's methods in Ruby's method-table order, then
/// its data.
const V2_KEYS: &str =
    "keys: name title documents date path collection_name type url permalink layout";

#[test]
fn v2_per_collection_dates_and_attributes() {
    let site = TempSite::new(
        "v2-basic",
        &[
            (
                "_config.yml",
                "plugins: [jekyll-archives-v2]\ncollections:\n  books:\n    output: true\njekyll-archives:\n  books:\n    enabled: [year, tags]\n  posts:\n    enabled: [month, categories]\n    layouts:\n      categories: missing\n",
            ),
            ("_layouts/archive.html", V2_LAYOUT),
            (
                "_books/one.md",
                "---\ntitle: One\ndate: 2023-05-01\ntags: [Sci Fi, classic]\nauthors: [Ann]\n---\n1\n",
            ),
            (
                "_books/two.md",
                "---\ntitle: Two\ndate: 2024-02-03\ntags: [Sci Fi]\nauthors: Bob\n---\n2\n",
            ),
            (
                "_posts/2024-03-04-p.md",
                "---\ntitle: P\ncategories: [News]\n---\np\n",
            ),
            (
                "index.html",
                "---\n---\n{{ site.archives | size }} {% for a in site.archives %}{{ a.url }} {{ a.type }} {{ a.title }} {{ a.layout }}|{% endfor %}\n",
            ),
        ],
    );
    site.build().unwrap();
    assert_eq!(
        site.outputs(),
        vec![
            "books/2023/index.html",
            "books/2024/index.html",
            "books/one.html",
            "books/tag/classic/index.html",
            "books/tag/sci-fi/index.html",
            "books/two.html",
            "index.html",
            "news/2024/03/04/p.html",
            "posts/2024/03/index.html",
            "posts/category/news/index.html",
        ]
    );
    assert_eq!(
        site.output("books/2023/index.html").unwrap(),
        format!("year|books||2023-01-01|/books/2023/|books/2023/index.html|index|One|{V2_KEYS}\n")
    );
    assert_eq!(
        site.output("books/tag/sci-fi/index.html").unwrap(),
        format!("tags|books|Sci Fi||/books/tag/sci-fi/|books/tag/sci-fi/index.html|index|Two,One|{V2_KEYS}\n")
    );
    // Its layout does not exist: an empty page (and Jekyll's build warning).
    assert_eq!(site.output("posts/category/news/index.html").unwrap(), "");
    // Collections in configuration order (posts first), each one's dates then attributes.
    assert_eq!(
        site.output("index.html").unwrap(),
        "6 /posts/2024/03/ month  archive|/posts/category/news/ categories News missing|/books/2023/ year  archive|/books/2024/ year  archive|/books/tag/sci-fi/ tags Sci Fi archive|/books/tag/classic/ tags classic archive|\n"
    );
}

fn v2_all_files(two: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        (
            "_config.yml",
            "plugins: [jekyll-archives-v2]\ncollections:\n  books:\n    output: true\njekyll-archives:\n  books:\n    enabled: all\n    slug_mode: raw\n    permalinks:\n      tags: /shelf/:name/\n      authors: /by/:type/:name.html\n",
        ),
        ("_layouts/archive.html", V2_LAYOUT),
        (
            "_books/one.md",
            "---\ntitle: One\ndate: 2023-05-01\ntags: [C++ Stuff, classic]\nauthors: [Ann Lee]\n---\n1\n",
        ),
        ("_books/two.md", two),
        ("_books/three.md", "---\ntitle: Three\ndate: 2022-12-31\n---\n3\n"),
    ]
}

#[test]
fn v2_enabled_all_uses_every_array_key_and_slug_mode() {
    let site = TempSite::new(
        "v2-all",
        &v2_all_files("---\ntitle: Two\ndate: 2023-05-03\ntags: [C++ Stuff]\n---\n2\n"),
    );
    site.build().unwrap();
    assert_eq!(
        site.outputs(),
        vec![
            "books/2022/12/31/index.html",
            "books/2022/12/index.html",
            "books/2022/index.html",
            "books/2023/05/01/index.html",
            "books/2023/05/03/index.html",
            "books/2023/05/index.html",
            "books/2023/index.html",
            "books/one.html",
            "books/three.html",
            "books/two.html",
            "by/author/ann-lee.html",
            // raw slug mode keeps `+` (the default mode would give `c-stuff`).
            "shelf/c++-stuff/index.html",
            "shelf/classic/index.html",
        ]
    );
    assert_eq!(
        site.output("by/author/ann-lee.html").unwrap(),
        format!("authors|books|Ann Lee||/by/author/ann-lee.html|by/author/ann-lee.html|ann-lee|One|{V2_KEYS}\n")
    );
    assert_eq!(
        site.output("books/2022/12/31/index.html").unwrap(),
        format!("day|books||2022-12-31|/books/2022/12/31/|books/2022/12/31/index.html|index|Three|{V2_KEYS}\n")
    );
}

#[test]
fn v2_attribute_that_is_not_a_list_is_an_error() {
    // Ruby: "undefined method `each' for \"Bob\":String (NoMethodError)".
    let site = TempSite::new(
        "v2-string",
        &v2_all_files(
            "---\ntitle: Two\ndate: 2023-05-03\ntags: [C++ Stuff]\nauthors: Bob\n---\n2\n",
        ),
    );
    let err = site.build().unwrap_err();
    assert!(err.message.contains("'authors'"), "{err}");
}

#[test]
fn v2_config_not_a_mapping_warns_and_generates_nothing() {
    // From the source (Archives#initialize): two warnings, no archives.
    let site = TempSite::new(
        "v2-bad",
        &[
            (
                "_config.yml",
                "plugins: [jekyll-archives-v2]\njekyll-archives: all\n",
            ),
            ("_posts/2024-03-04-p.md", "---\ntitle: P\n---\np\n"),
        ],
    );
    let warnings = site.build().unwrap();
    assert!(warnings
        .iter()
        .any(|w| w == "Archives: Expected a hash but got \"all\""));
    assert!(warnings
        .iter()
        .any(|w| w == "Archives will not be generated for this site."));
    assert_eq!(site.outputs(), vec!["2024/03/04/p.html"]);
}

#[test]
fn v2_al_folio_configuration() {
    // al-folio's settings: posts by year, tag and category under /blog/, layouts per type.
    let site = TempSite::new(
        "v2-al-folio",
        &[
            (
                "_config.yml",
                "plugins: [jekyll-archives-v2]\nurl: https://example.org\ncollections:\n  books:\n    output: true\n    permalink: /books/:title/\njekyll-archives:\n  posts:\n    enabled:\n      - year\n      - tags\n      - categories\n    layouts:\n      year: archive-year\n      tags: archive-tag\n      categories: archive-category\n    permalinks:\n      year: /blog/:year/\n      tags: /blog/:type/:name/\n      categories: /blog/:type/:name/\n  books:\n    enabled: [year, tags]\n    layouts:\n      year: archive-year\n      tags: archive-tag\n    permalinks:\n      year: /books/:year/\n      tags: /books/:type/:name/\n",
            ),
            (
                "_layouts/archive-year.html",
                "---\nlayout: default\n---\n<h1>{{ page.date | date: \"%Y\" }}</h1>{% for d in page.documents %}<a href=\"{{ d.url | relative_url }}\">{{ d.title }}</a>{% endfor %}\n",
            ),
            (
                "_layouts/archive-tag.html",
                "---\nlayout: default\n---\n<h1>{{ page.title }}</h1>{% for d in page.documents %}<a href=\"{{ d.url | relative_url }}\">{{ d.title }}</a>{% endfor %}\n",
            ),
            (
                "_layouts/archive-category.html",
                "---\nlayout: default\n---\n<h1>Category {{ page.title }}</h1>{{ page.documents | size }}\n",
            ),
            ("_layouts/default.html", "<html>{{ content }}</html>\n"),
            (
                "_posts/2024-01-27-p1.md",
                "---\ntitle: P1\ntags: [formatting, links]\ncategories: [sample-posts]\n---\np\n",
            ),
            (
                "_posts/2023-07-04-p2.md",
                "---\ntitle: P2\ntags: [formatting]\ncategories: sample-posts external-services\n---\np\n",
            ),
            (
                "_books/b1.md",
                "---\ntitle: B1\ndate: 2022-01-01\ntags: [novel]\n---\nb\n",
            ),
        ],
    );
    site.build().unwrap();
    assert_eq!(
        site.outputs(),
        vec![
            "blog/2023/index.html",
            "blog/2024/index.html",
            "blog/category/external-services/index.html",
            "blog/category/sample-posts/index.html",
            "blog/tag/formatting/index.html",
            "blog/tag/links/index.html",
            "books/2022/index.html",
            "books/b1/index.html",
            "books/tag/novel/index.html",
            "sample-posts/2024/01/27/p1.html",
            "sample-posts/external-services/2023/07/04/p2.html",
        ]
    );
    for (path, expected) in [
        (
            "blog/2023/index.html",
            "<html><h1>2023</h1><a href=\"/sample-posts/external-services/2023/07/04/p2.html\">P2</a>\n</html>\n",
        ),
        (
            "blog/tag/formatting/index.html",
            "<html><h1>formatting</h1><a href=\"/sample-posts/2024/01/27/p1.html\">P1</a><a href=\"/sample-posts/external-services/2023/07/04/p2.html\">P2</a>\n</html>\n",
        ),
        (
            "blog/category/sample-posts/index.html",
            "<html><h1>Category sample-posts</h1>2\n</html>\n",
        ),
        (
            "books/2022/index.html",
            "<html><h1>2022</h1><a href=\"/books/b1/\">B1</a>\n</html>\n",
        ),
    ] {
        assert_eq!(site.output(path).unwrap(), expected, "{path}");
    }
}
