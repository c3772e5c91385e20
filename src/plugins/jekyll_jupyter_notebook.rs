//! jekyll-jupyter-notebook (0.0.6, plus the unreleased `input` option): every `.ipynb`
//! static file becomes a page converted by `jupyter nbconvert --to html --stdout` and
//! written at `NAME.ipynb.html` (a collection's notebook also becomes a document of that
//! collection, and its page keeps the `_collection/` directory, as with the gem), and
//! `{% jupyter_notebook "NAME.ipynb" %}` prints an `<iframe>` pointing at it. Behaviour read from the gem's Ruby sources (it is not packaged
//! by Debian, so the oracle cannot run it).
//!
//! Jekyll converts the notebook after rendering its text with Liquid; hyde converts it
//! while generating and renders no Liquid in it (the converted HTML is not Liquid), and
//! warns when the notebook held Liquid markup. Without `jupyter` on PATH the gem crashes
//! the build; hyde warns, naming the notebook, and writes a short notice instead.

use super::Plugin;
use crate::liquid::{Context, Engine, Expr, LResult, Tag};
use crate::site::page::Page;
use crate::site::url::{self, Placeholders};
use crate::site::Site;
use crate::value::{Hash, Value};
use once_cell::sync::Lazy;
use regex::Regex;
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct JekyllJupyterNotebook;

impl Plugin for JekyllJupyterNotebook {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-jupyter-notebook"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("jupyter_notebook", |_name, markup, _info| {
            let fragment = first_fragment(markup);
            let after = markup
                .find(fragment)
                .map_or("", |i| &markup[i + fragment.len()..]);
            Ok(Box::new(NotebookTag {
                markup: markup.to_string(),
                expr: Expr::parse(fragment),
                has_filters: after.contains('|'),
            }))
        });
    }

    fn generate(&self, site: &mut Site) -> crate::Result<()> {
        let options = Options::read(&site.config);
        // A notebook with front matter is already a page: the converter alone applies
        // (its output is `NAME.html`).
        for i in 0..site.pages.len() {
            if site.pages[i].ext == ".ipynb" {
                let raw = std::mem::take(&mut site.pages[i].raw_content);
                let rel = site.pages[i].relative_path();
                let html = convert_with_warnings(site, &rel, &raw, &options);
                let page = &mut site.pages[i];
                page.raw_content = html;
                set_output_ext(page, ".html", &site.permalink_style)?;
            }
        }
        // Likewise a collection's notebook with front matter is already a document.
        let labels: Vec<String> = site.collections.keys().cloned().collect();
        for label in &labels {
            for i in 0..site.collections[label].docs.len() {
                if site.collections[label].docs[i].extname != ".ipynb" {
                    continue;
                }
                let raw = std::mem::take(&mut site.collections[label].docs[i].raw_content);
                let rel = site.collections[label].docs[i].relative_path.clone();
                let html = convert_with_warnings(site, &rel, &raw, &options);
                site.collections[label].docs[i].output_ext = ".html".into();
                let url = document_url(site, label, &site.collections[label].docs[i])?;
                let doc = &mut site.collections[label].docs[i];
                keep_liquid_out(&mut doc.data, &html);
                doc.raw_content = html;
                doc.url = url;
            }
        }
        // `site.static_files.reject!`: each static notebook (collection ones included, as
        // Jekyll lists them in `site.static_files` too) becomes a page whose output
        // extension is `.ipynb.html`, appended in static-file order. A collection's
        // notebook is then no longer written as a static file.
        let mut kept = Vec::with_capacity(site.static_files.len());
        let mut notebooks = Vec::new();
        for sf in std::mem::take(&mut site.static_files) {
            if sf.extname == ".ipynb" {
                notebooks.push(sf);
            } else {
                kept.push(sf);
            }
        }
        site.static_files = kept;
        // Each notebook is converted once, for its page and its collection document.
        let mut converted: Vec<(std::path::PathBuf, String)> = Vec::new();
        for sf in notebooks {
            let dir = sf.relative_path[..sf.relative_path.len() - sf.name.len()]
                .trim_end_matches('/')
                .to_string();
            let raw = read_notebook(&sf.path)?;
            let rel = sf.relative_path.trim_start_matches('/').to_string();
            let html = convert_with_warnings(site, &rel, &raw, &options);
            converted.push((sf.path.clone(), html.clone()));
            let defaults = site.defaults.all(&rel, "pages");
            let mut page = Page::new(
                Some(sf.path.clone()),
                &dir,
                &sf.name,
                Hash::new(),
                defaults,
                html,
                1,
                &site.converters,
                &site.permalink_style,
            )?;
            let ext = page.ext.clone();
            set_output_ext(&mut page, &format!("{ext}.html"), &site.permalink_style)?;
            site.pages.push(page);
        }
        // `collection.filtered_entries.reject!`: a collection's notebook also becomes one
        // of its documents (`NAME.ipynb.html` under the collection's permalink).
        for label in labels {
            let files: Vec<_> = site.collections[&label]
                .files
                .iter()
                .filter(|f| f.extname == ".ipynb")
                .map(|f| (f.path.clone(), f.relative_path.clone()))
                .collect();
            for (path, relative) in files {
                let html = match converted.iter().find(|(p, _)| *p == path) {
                    Some((_, html)) => html.clone(),
                    None => {
                        let raw = read_notebook(&path)?;
                        convert_with_warnings(site, &relative, &raw, &options)
                    }
                };
                let doc = notebook_document(site, &label, path, relative, html)?;
                site.collections[&label].docs.push(doc);
            }
        }
        Ok(())
    }
}

fn read_notebook(path: &std::path::Path) -> crate::Result<String> {
    std::fs::read(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|e| crate::Error::at(path, None, e.to_string()))
}

/// A collection document for a notebook (`Document.new` + `#read`, extended with
/// `IFramable`), its content already converted.
fn notebook_document(
    site: &Site,
    label: &str,
    path: std::path::PathBuf,
    relative: String,
    html: String,
) -> crate::Result<crate::site::document::Document> {
    let ctx = site.doc_context(label);
    let mut doc = crate::site::document::Document::read(path, relative, label, &ctx, "")?;
    doc.raw_content = html;
    doc.output_ext = format!("{}.html", doc.extname);
    doc.url = document_url(site, label, &doc)?;
    keep_liquid_out(&mut doc.data, &doc.raw_content);
    doc.write = site.collections[label].write() && doc.published();
    Ok(doc)
}

/// `Document#url` under the collection's permalink template.
fn document_url(
    site: &Site,
    label: &str,
    doc: &crate::site::document::Document,
) -> crate::Result<String> {
    let ctx = site.doc_context(label);
    let permalink = doc
        .data
        .get("permalink")
        .filter(|v| !v.is_nil())
        .map(crate::value::to_s);
    let lookup = |k: &str| doc.url_placeholder(k, &ctx.collection_relative_dir);
    url::generate(
        &ctx.url_template,
        &Placeholders::Drop(&lookup),
        permalink.as_deref(),
    )
}

/// The converted HTML is not Liquid (Jekyll renders the notebook's JSON, before
/// converting it): when it happens to hold `{{` or `{%`, `render_with_liquid: false` keeps
/// it as it is (the only case where the item's data shows that key).
fn keep_liquid_out(data: &mut Hash, html: &str) {
    if crate::utils::has_liquid_construct(html) {
        data.insert("render_with_liquid".into(), Value::Bool(false));
    }
}

/// Gives a page the converter's output extension (`IFramable#output_ext` for static
/// notebooks) and the URL that follows from it.
fn set_output_ext(page: &mut Page, output_ext: &str, permalink_style: &str) -> crate::Result<()> {
    page.output_ext = output_ext.to_string();
    let permalink = page
        .liquid_data
        .get("permalink")
        .filter(|v| !v.is_nil())
        .map(crate::value::to_s);
    let template = if page.is_html() {
        if page.is_index() {
            "/:path/".to_string()
        } else {
            url::add_permalink_suffix("/:path/:basename", permalink_style)
        }
    } else {
        "/:path/:basename:output_ext".to_string()
    };
    let ph = Placeholders::List(vec![
        ("path", Some(page.dir.clone())),
        ("basename", Some(page.basename.clone())),
        ("output_ext", Some(page.output_ext.clone())),
    ]);
    page.url = url::generate(&template, &ph, permalink.as_deref())?;
    keep_liquid_out(&mut page.liquid_data, &page.raw_content);
    Ok(())
}

/// The `jupyter_notebook` settings.
#[derive(Debug, Default, Clone, PartialEq)]
struct Options {
    /// `content`: `html` (whole document), `body`, `body-without-style`.
    content: String,
    prompt: bool,
    input: bool,
}

impl Options {
    fn read(config: &Hash) -> Options {
        let own = match config.get("jupyter_notebook") {
            Some(Value::Hash(h)) => (**h).clone(),
            _ => Hash::new(),
        };
        // `config.fetch(key, true)`: only a present falsy value turns it off.
        let flag = |k: &str| own.get(k).is_none_or(Value::is_truthy);
        Options {
            content: own
                .get("content")
                .filter(|v| v.is_truthy())
                .map(crate::value::to_s)
                .unwrap_or_else(|| "html".into()),
            prompt: flag("prompt"),
            input: flag("input"),
        }
    }
}

static CUSTOM_CSS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r#"<link.+?href="custom.css">"#).expect("valid regex"));
static UP_TO_TITLE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?s)\A.*?</title>").expect("valid"));
static UP_TO_BODY: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?s)\A.*?<body>").expect("valid"));
static FROM_BODY_END: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?s)</body>.*\z").expect("valid"));

/// `Converter#convert`'s clean-up of nbconvert's document (each a first-match `sub!`).
fn trim_html(html: &str, content: &str) -> String {
    let mut html = CUSTOM_CSS.replace(html, "").into_owned();
    match content {
        "body" => {
            html = UP_TO_TITLE.replace(&html, "").into_owned();
            html = html.replacen("</head>", "", 1);
            html = html.replacen("<body>", "", 1);
            html = FROM_BODY_END.replace(&html, "").into_owned();
        }
        "body-without-style" => {
            html = UP_TO_BODY.replace(&html, "").into_owned();
            html = FROM_BODY_END.replace(&html, "").into_owned();
        }
        _ => {}
    }
    html
}

/// The nbconvert arguments, as the gem passes them.
fn nbconvert_args(options: &Options, notebook: &str) -> Vec<String> {
    let mut args: Vec<String> = ["nbconvert", "--to", "html", "--stdout"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    if !options.input {
        args.push("--no-input".into());
    }
    if !options.prompt {
        args.push("--no-prompt".into());
    }
    args.push(notebook.to_string());
    args
}

/// Why a notebook could not be converted.
#[derive(Debug, PartialEq)]
enum Failure {
    NoJupyter,
    Other(String),
}

/// Runs nbconvert on the notebook's text through a temporary file (as the gem does, so
/// the HTML's `<title>` is that file's name). Its standard error passes through.
fn nbconvert(raw: &str, options: &Options) -> Result<String, Failure> {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let date = chrono::Local::now().format("%Y%m%d");
    let path = std::env::temp_dir().join(format!(
        "jekyll-jupyter-notebook{date}-{}-{n}.ipynb",
        std::process::id()
    ));
    let write = std::fs::File::create(&path).and_then(|mut f| f.write_all(raw.as_bytes()));
    if let Err(e) = write {
        return Err(Failure::Other(format!(
            "could not write {}: {e}",
            path.display()
        )));
    }
    let result = Command::new("jupyter")
        .args(nbconvert_args(options, &path.display().to_string()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .output();
    let _ = std::fs::remove_file(&path);
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Failure::NoJupyter),
        Err(e) => Err(Failure::Other(e.to_string())),
        Ok(out) => {
            let html = String::from_utf8_lossy(&out.stdout).into_owned();
            if out.status.success() {
                Ok(html)
            } else {
                Err(Failure::Other(format!(
                    "`jupyter nbconvert` {}",
                    out.status
                )))
            }
        }
    }
}

/// The converted page content; a failure is reported as a warning naming the notebook.
fn convert_with_warnings(site: &mut Site, rel: &str, raw: &str, options: &Options) -> String {
    if crate::utils::has_liquid_construct(raw) {
        site.warn(format!(
            "jekyll-jupyter-notebook: {rel} contains Liquid markup, which Jekyll would render before converting the notebook; hyde converts it as it is."
        ));
    }
    match nbconvert(raw, options) {
        Ok(html) => trim_html(&html, &options.content),
        Err(Failure::NoJupyter) => {
            site.warn(format!(
                "jekyll-jupyter-notebook: `jupyter` is not on PATH, so {rel} was not converted (Jekyll would stop with \"No such file or directory - jupyter\")."
            ));
            missing_jupyter_notice(rel)
        }
        Err(Failure::Other(why)) => {
            // The gem keeps whatever nbconvert printed, usually nothing.
            site.warn(format!(
                "jekyll-jupyter-notebook: converting {rel} failed: {why}"
            ));
            String::new()
        }
    }
}

fn missing_jupyter_notice(rel: &str) -> String {
    format!(
        "<p class=\"jupyter-notebook-missing\">This notebook ({}) could not be converted: <code>jupyter</code> was not available when the site was built.</p>\n",
        escape_html(rel)
    )
}

/// The tag: its markup is a Liquid expression (`"blog.ipynb"`, `page.notebook`); an
/// undefined one is taken literally, with the gem's warning.
struct NotebookTag {
    markup: String,
    expr: Expr,
    /// `Liquid::Variable` would apply filters after the expression; hyde does not.
    has_filters: bool,
}

impl Tag for NotebookTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        if self.has_filters {
            crate::cli::log::warn(
                "jekyll-jupyter-notebook:",
                &format!(
                    "filters in {{% jupyter_notebook {} %}} are not applied by hyde; the path is the value before them.",
                    crate::liquid::ruby::strip(&self.markup)
                ),
            );
        }
        let path = match ctx.evaluate(&self.expr)? {
            Value::Nil => {
                let stripped = crate::liquid::ruby::strip(&self.markup);
                crate::cli::log::warn(
                    "Warning:",
                    &format!(
                        "Jupyter Notebook path be string literal: <{}>",
                        ruby_inspect(stripped)
                    ),
                );
                stripped.to_string()
            }
            v => crate::value::to_s(&v),
        };
        out.push_str(&iframe(&format!("{path}.html")));
        Ok(())
    }
}

/// Liquid's lax `Variable` parse takes the first quoted fragment as the expression.
fn first_fragment(markup: &str) -> &str {
    static FRAGMENT: Lazy<Regex> = Lazy::new(|| {
        Regex::new(r#""[^"]*"|'[^']*'|(?:[^\s,|'"]|"[^"]*"|'[^']*')+"#).expect("valid regex")
    });
    FRAGMENT.find(markup).map(|m| m.as_str()).unwrap_or("")
}

/// The gem's markup: a container the iframe's `onload` grows to the notebook's height.
fn iframe(src: &str) -> String {
    let lines = [
        "<div".to_string(),
        "  class=\"jupyter-notebook\"".to_string(),
        "  style=\"position: relative; width: 100%; margin: 0 auto;\">".to_string(),
        "  <div class=\"jupyter-notebook-iframe-container\">".to_string(),
        "    <iframe".to_string(),
        format!("      src=\"{}\"", escape_html(src)),
        "      style=\"position: absolute; top: 0; left: 0; border-style: none;\"".to_string(),
        "      width=\"100%\"".to_string(),
        "      height=\"100%\"".to_string(),
        "      onload=\"this.parentElement.style.paddingBottom = (this.contentWindow.document.documentElement.scrollHeight + 10) + 'px'\"></iframe>".to_string(),
        "  </div>".to_string(),
        "</div>".to_string(),
    ];
    let mut html = lines.join("\n");
    html.push('\n');
    html
}

/// `CGI.escapeHTML`.
fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Ruby's `String#inspect` for the characters a tag's markup can hold.
fn ruby_inspect(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// Expected values come from the gem's Ruby sources (jekyll-jupyter-notebook 0.0.6 and its
// unreleased `input` option; not packaged by Debian), the regular expressions and
// `CGI.escapeHTML` / `String#inspect` evaluated with `ruby`.
#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\" />\n<title>t</title>\n<link rel=\"stylesheet\" href=\"custom.css\">\n<style>a{}</style>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n";

    #[test]
    fn content_modes() {
        assert_eq!(
            trim_html(DOC, "html"),
            "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\" />\n<title>t</title>\n\n<style>a{}</style>\n</head>\n<body>\n<p>x</p>\n</body>\n</html>\n"
        );
        assert_eq!(
            trim_html(DOC, "body"),
            "\n\n<style>a{}</style>\n\n\n<p>x</p>\n"
        );
        assert_eq!(trim_html(DOC, "body-without-style"), "\n<p>x</p>\n");
        // An unknown value leaves the document whole (only custom.css goes).
        assert_eq!(trim_html(DOC, "other"), trim_html(DOC, "html"));
    }

    fn options(yaml: &str) -> Options {
        match crate::yaml::load(yaml).unwrap() {
            Value::Hash(h) => Options::read(&h),
            _ => Options::read(&Hash::new()),
        }
    }

    #[test]
    fn command_line_options() {
        let o = options("x: 1\n");
        assert_eq!(o.content, "html");
        assert_eq!(
            nbconvert_args(&o, "/t/n.ipynb"),
            vec!["nbconvert", "--to", "html", "--stdout", "/t/n.ipynb"]
        );
        // `config.fetch(key, true)`: nil turns the option off too.
        let o = options("jupyter_notebook:\n  prompt: false\n  input: ~\n  content: body\n");
        assert_eq!(o.content, "body");
        assert_eq!(
            nbconvert_args(&o, "n.ipynb"),
            vec![
                "nbconvert",
                "--to",
                "html",
                "--stdout",
                "--no-input",
                "--no-prompt",
                "n.ipynb"
            ]
        );
    }

    #[test]
    fn tag_markup() {
        assert_eq!(first_fragment(" \"a b.ipynb\" "), "\"a b.ipynb\"");
        assert_eq!(first_fragment(" page.nb | x"), "page.nb");
        assert_eq!(first_fragment("python.ipynb"), "python.ipynb");
        assert_eq!(
            escape_html("a&b<c>\"d'e.html"),
            "a&amp;b&lt;c&gt;&quot;d&#39;e.html"
        );
        assert_eq!(ruby_inspect("a\"b\\c"), "\"a\\\"b\\\\c\"");
        let html = iframe("x.ipynb.html");
        assert!(html.starts_with("<div\n  class=\"jupyter-notebook\"\n"));
        assert!(html.contains("\n      src=\"x.ipynb.html\"\n"));
        assert!(html.ends_with("</iframe>\n  </div>\n</div>\n"));
    }
}
