//! jekyll-sitemap (1.4): `sitemap.xml` listing the documents of written collections, the
//! HTML pages and the static HTML/PDF files, and a `robots.txt` pointing to it. Each is
//! generated only when the site has no page or static file at that URL already.
//!
//! Both are pages generated without a file whose content is Liquid, rendered like any
//! other page, so `sitemap: false`, `last_modified_at` and URL escaping follow the usual
//! Liquid and Jekyll rules.

use crate::error::Result;
use crate::site::page::Page;
use crate::site::Site;
use crate::value::{Hash, Value};

/// The sitemap, on jekyll-sitemap's layout: a newline after the XML declaration, the
/// stylesheet line, the `<urlset>` tag and each element's closing tag, nothing else
/// between tags. (`\` at a line end continues the Rust string without the newline and the
/// next line's indentation; `\n` is an output newline.)
const SITEMAP: &str = "\
<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
{% if page.xsl %}\
<?xml-stylesheet type=\"text/xsl\" href=\"{{ '/sitemap.xsl' | absolute_url }}\"?>\n\
{% endif %}\
<urlset xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
xsi:schemaLocation=\"http://www.sitemaps.org/schemas/sitemap/0.9 \
http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd\" \
xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n\
{% assign written = site.collections | where_exp: 'c', 'c.output != false' %}\
{% for c in written %}\
{% assign listed = c.docs | where_exp: 'd', 'd.sitemap != false' %}\
{% for d in listed %}\
<url>\n\
<loc>{{ d.url | replace: '/index.html', '/' | absolute_url | xml_escape }}</loc>\n\
{% if d.last_modified_at or d.date %}\
<lastmod>{{ d.last_modified_at | default: d.date | date_to_xmlschema }}</lastmod>\n\
{% endif %}\
</url>\n\
{% endfor %}\
{% endfor %}\
{% assign listed = site.html_pages | where_exp: 'p', 'p.sitemap != false' \
| where_exp: 'p', 'p.url != \"/404.html\"' %}\
{% for p in listed %}\
<url>\n\
<loc>{{ p.url | replace: '/index.html', '/' | absolute_url | xml_escape }}</loc>\n\
{% if p.last_modified_at %}\
<lastmod>{{ p.last_modified_at | date_to_xmlschema }}</lastmod>\n\
{% endif %}\
</url>\n\
{% endfor %}\
{% assign listed = page.static_files | where_exp: 'f', 'f.sitemap != false' \
| where_exp: 'f', 'f.name != \"404.html\"' %}\
{% for f in listed %}\
<url>\n\
<loc>{{ f.path | replace: '/index.html', '/' | absolute_url | xml_escape }}</loc>\n\
<lastmod>{{ f.modified_time | date_to_xmlschema }}</lastmod>\n\
</url>\n\
{% endfor %}\
</urlset>\n";

/// `robots.txt`: only the sitemap's address.
const ROBOTS: &str = "Sitemap: {{ \"sitemap.xml\" | absolute_url }}\n";

/// Static files that belong in a sitemap, by extension (case matters, as in Ruby).
const LISTED_EXTENSIONS: &[&str] = &[".htm", ".html", ".xhtml", ".pdf"];

/// The plugin: a generator at priority `:lowest`.
pub struct JekyllSitemap;

impl crate::plugins::Plugin for JekyllSitemap {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-sitemap"]
    }

    fn priority(&self) -> i32 {
        -100
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// The generator. Which URLs exist is decided once, before either file is added.
pub fn generate(site: &mut Site) -> Result<()> {
    let taken: Vec<String> = site
        .pages
        .iter()
        .map(|p| p.url.clone())
        .chain(site.static_files.iter().map(|f| f.url.clone()))
        .collect();
    let exists = |url: &str| taken.iter().any(|u| u == url);
    let sitemap = if exists("/sitemap.xml") {
        None
    } else {
        let mut data = Hash::new();
        data.insert("layout".into(), Value::Nil);
        data.insert(
            "static_files".into(),
            Value::array(listed_static_files(site)),
        );
        data.insert("xsl".into(), Value::Bool(exists("/sitemap.xsl")));
        Some(page(site, "sitemap.xml", data, SITEMAP)?)
    };
    let robots = if exists("/robots.txt") {
        None
    } else {
        let mut data = Hash::new();
        data.insert("layout".into(), Value::Nil);
        Some(page(site, "robots.txt", data, ROBOTS)?)
    };
    site.pages.extend(sitemap);
    site.pages.extend(robots);
    Ok(())
}

fn page(site: &Site, name: &str, data: Hash, content: &str) -> Result<Page> {
    Page::new(
        None,
        "",
        name,
        data,
        site.defaults.all(name, "pages"),
        content.to_string(),
        1,
        &site.converters,
        &site.permalink_style,
    )
}

/// The static HTML and PDF files, as the Liquid objects the sitemap template reads (the
/// fields of `site.static_files` entries, front matter defaults included).
fn listed_static_files(site: &Site) -> Vec<Value> {
    site.static_files
        .iter()
        .filter(|f| LISTED_EXTENSIONS.contains(&f.extname.as_str()))
        .map(|f| {
            let mut h = Hash::new();
            h.insert("name".into(), Value::str(f.name.as_str()));
            h.insert("extname".into(), Value::str(f.extname.as_str()));
            let modified = match f.modified_time {
                Some(t) => {
                    let utc: chrono::DateTime<chrono::Utc> = t.into();
                    Value::Time(site.zone.localtime(&utc.fixed_offset()))
                }
                None => Value::Nil,
            };
            h.insert("modified_time".into(), modified);
            h.insert("basename".into(), Value::str(f.basename()));
            h.insert("path".into(), Value::str(f.relative_path.as_str()));
            h.insert(
                "collection".into(),
                f.collection
                    .as_deref()
                    .map(Value::from)
                    .unwrap_or(Value::Nil),
            );
            for (k, v) in &f.data {
                if !h.contains_key(k) {
                    h.insert(k.clone(), v.clone());
                }
            }
            Value::hash(h)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    /// Static files need a fixed modification time, which a fixture checked out by git
    /// cannot have: this builds a site in a temporary folder with every file's mtime set to
    /// 2021-02-03 04:05:06 UTC. Expected output from jekyll-sitemap 1.4 on the same files.
    #[test]
    fn lists_static_html_and_pdf_files_with_their_mtime() {
        let root = std::env::temp_dir().join(format!("hyde-sitemap-{}", std::process::id()));
        let src = root.join("src");
        let dest = root.join("dest");
        let _ = std::fs::remove_dir_all(&root);
        let config = "url: https://example.com\ntimezone: Etc/UTC\ntime: 2024-01-02 03:04:05 +0000\nplugins: [jekyll-sitemap]\ncollections:\n  stuff:\n    output: true\ndefaults:\n  - scope: {path: skip.htm}\n    values: {sitemap: false}\n";
        let mtime = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_612_325_106);
        for dir in ["assets", "docs", "errors", "_stuff"] {
            std::fs::create_dir_all(src.join(dir)).unwrap();
        }
        std::fs::write(src.join("_config.yml"), config).unwrap();
        for name in [
            "assets/manual.pdf",
            "assets/page.html",
            "docs/index.html",
            "a b.xhtml",
            "x.HTML",
            "errors/404.html",
            "skip.htm",
            "_stuff/file.pdf",
            "style.css",
        ] {
            std::fs::write(src.join(name), "x\n").unwrap();
            let f = std::fs::File::options()
                .write(true)
                .open(src.join(name))
                .unwrap();
            f.set_modified(mtime).unwrap();
        }
        let args = [
            "build",
            "-q",
            "-s",
            src.to_str().unwrap(),
            "-d",
            dest.to_str().unwrap(),
        ];
        assert_eq!(crate::cli::run(args.iter().map(|s| s.to_string())), 0);
        let sitemap = std::fs::read_to_string(dest.join("sitemap.xml")).unwrap();
        let _ = std::fs::remove_dir_all(&root);
        let entry = |loc: &str| {
            format!("<url>\n<loc>https://example.com{loc}</loc>\n<lastmod>2021-02-03T04:05:06+00:00</lastmod>\n</url>\n")
        };
        let expected = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.sitemaps.org/schemas/sitemap/0.9 http://www.sitemaps.org/schemas/sitemap/0.9/sitemap.xsd\" xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{}{}{}{}{}</urlset>\n",
            entry("/a%20b.xhtml"),
            entry("/assets/manual.pdf"),
            entry("/assets/page.html"),
            entry("/docs/"),
            entry("/_stuff/file.pdf"),
        );
        assert_eq!(sitemap, expected);
    }
}
