//! Whole-build tests of both archive generators on small sites written to a temp dir.
//!
//! jekyll-archives (v1) expectations were printed by the reference Jekyll with
//! jekyll-archives 2.2.1 (`/work/shared/oracle/jekyll-oracle build`) on the same sites.
//! jekyll-archives-v2 is NOT installed in the reference Jekyll: its expectations are
//! derived from reading its source (v0.0.5: lib/jekyll-archives-v2.rb, archive.rb,
//! page_drop.rb), not made by an oracle.

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

const V2_LAYOUT: &str = "{{ page.type }}|{{ page.collection_name }}|{{ page.title }}|{{ page.date }}|{{ page.url }}|{{ page.path }}|{{ page.name }}|{{ page.documents | map: \"title\" | join: \",\" }}|keys:{% for kv in page %} {{ kv[0] }}{% endfor %}\n";

fn v2_files(config: &'static str) -> Vec<(&'static str, &'static str)> {
    vec![
        ("_config.yml", config),
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
    ]
}

#[test]
fn v2_per_collection_dates_and_attributes() {
    // From the source: per collection, date archives (year/month/day) then one archive per
    // value of each other enabled key; `:type` is the key singularized; the default
    // permalinks are /:collection/:year/... and /:collection/:type/:name/; `page` is a Drop
    // of collection_name documents type title date name path url permalink, then `layout`.
    let site = TempSite::new(
        "v2-basic",
        &v2_files(
            "plugins: [jekyll-archives-v2]\ncollections:\n  books:\n    output: true\njekyll-archives:\n  books:\n    enabled: [year, tags]\n  posts:\n    enabled: [month, categories]\n    layouts:\n      categories: missing\n",
        ),
    );
    site.build().unwrap();
    assert_eq!(
        site.output("books/2023/index.html").unwrap(),
        "year|books||2023-01-01|/books/2023/|books/2023/index.html|index|One|keys: collection_name documents type title date name path url permalink layout\n"
    );
    assert_eq!(
        site.output("books/tag/sci-fi/index.html").unwrap(),
        "tags|books|Sci Fi||/books/tag/sci-fi/|books/tag/sci-fi/index.html|index|Two,One|keys: collection_name documents type title date name path url permalink layout\n"
    );
    assert!(site.output("books/tag/classic/index.html").is_some());
    assert!(site.output("posts/2024/03/index.html").is_some());
    // Only `year` and `tags` for books: no month archives, no `authors` archives.
    assert!(site.output("books/2023/05/index.html").is_none());
    // `permalinks` has no `categories` entry: the fallback template, with `category`; its
    // layout does not exist, so the page is empty.
    assert_eq!(site.output("posts/category/news/index.html").unwrap(), "");
}

#[test]
fn v2_enabled_all_uses_every_array_key_and_slug_mode() {
    // From the source: `enabled: all` means year, month, day, and every front matter key
    // that is an Array in at least one document (`authors` is, in `one`; the String in
    // `two` is then an error in Ruby, `undefined method 'each'`).
    let site = TempSite::new(
        "v2-all",
        &v2_files(
            "plugins: [jekyll-archives-v2]\ncollections:\n  books:\n    output: true\njekyll-archives:\n  books:\n    enabled: all\n    slug_mode: raw\n    permalinks:\n      tags: /shelf/:name/\n",
        ),
    );
    let err = site.build().unwrap_err();
    assert!(err.message.contains("'authors'"), "{err}");

    let site = TempSite::new(
        "v2-all-ok",
        &[
            (
                "_config.yml",
                "plugins: [jekyll-archives-v2]\ncollections:\n  books:\n    output: true\njekyll-archives:\n  books:\n    enabled: all\n    slug_mode: raw\n    permalinks:\n      tags: /shelf/:name/\n",
            ),
            ("_layouts/archive.html", V2_LAYOUT),
            (
                "_books/one.md",
                "---\ntitle: One\ndate: 2023-05-01\ntags: [C++ Stuff]\n---\n1\n",
            ),
        ],
    );
    site.build().unwrap();
    let outputs = site.outputs();
    for expected in [
        "books/2023/index.html",
        "books/2023/05/index.html",
        "books/2023/05/01/index.html",
        // raw mode: only whitespace becomes `-` (Jekyll::Utils.slugify("C++ Stuff",
        // mode: "raw") is "c++-stuff"; the default mode would give "c-stuff").
        "shelf/c++-stuff/index.html",
    ] {
        assert!(outputs.contains(&expected.to_string()), "{outputs:?}");
    }
}

#[test]
fn v2_config_not_a_mapping_warns_and_generates_nothing() {
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
