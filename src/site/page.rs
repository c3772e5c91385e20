//! Pages: files with front matter outside collections (Jekyll's `Page`), and pages that
//! generators create without a file (`PageWithoutAFile`).

use super::converters::{ruby_extname, Converters};
use super::url::{self, Placeholders};
use super::RenderState;
use crate::error::Result;
use crate::value::{Hash, Value};
use std::path::PathBuf;

#[derive(Debug)]
pub struct Page {
    /// Absolute source path (None for generated pages).
    pub path: Option<PathBuf>,
    /// Directory relative to the source, as Jekyll keeps it (`""`, `/about`, `about`).
    pub dir: String,
    pub name: String,
    pub basename: String,
    pub ext: String,
    /// The front matter.
    pub data: Hash,
    /// What Liquid sees: front matter defaults deep-merged with the front matter
    /// (`Convertible#to_liquid`), in that key order.
    pub liquid_data: Hash,
    pub raw_content: String,
    pub content_line: usize,
    pub url: String,
    pub output_ext: String,
    pub state: RenderState,
    /// For generated pages whose Ruby class overrides `to_liquid` (jekyll-archives'
    /// `Archive`): the whole of what `page` shows, instead of Jekyll's `Page` fields.
    pub custom_liquid: Option<std::sync::Arc<dyn CustomLiquid>>,
    /// Top-level template variables a generator gives this page besides `page` and `site`,
    /// built at render time from the finished site (drops of documents need the shared
    /// `Site`): jekyll-paginate's and jekyll-paginate-v2's `paginator`.
    pub lazy_payload: Option<Box<dyn LazyPayload>>,
    /// Left out of the conflicting-destinations warning (jekyll-redirect-from's
    /// `RedirectPage`, which Jekyll's `Doctor#allow_used_permalink?` skips).
    pub allow_used_permalink: bool,
}

/// A generated page's own `to_liquid`: its keys in order and their values, computed when
/// a template asks (values such as document lists need the finished site).
pub trait CustomLiquid: Send + Sync + std::fmt::Debug {
    fn to_liquid(&self, site: &std::sync::Arc<super::Site>, page: &Page) -> Hash;

    /// The Ruby class of that value: a Hash, or a Drop (which Liquid's `for` walks by key).
    fn ruby_class(&self) -> &'static str {
        "Hash"
    }
}

/// Builds a page's extra template variables at render time, from the finished site.
pub trait LazyPayload: std::fmt::Debug + Send + Sync {
    fn payload(&self, site: &std::sync::Arc<super::Site>) -> Hash;
}

const HTML_EXTENSIONS: &[&str] = &[".html", ".xhtml", ".htm"];

impl Page {
    #[allow(clippy::too_many_arguments)] // mirrors Page.new(site, base, dir, name) plus its read data
    pub fn new(
        path: Option<PathBuf>,
        dir: &str,
        name: &str,
        data: Hash,
        defaults: Hash,
        raw_content: String,
        content_line: usize,
        converters: &Converters,
        permalink_style: &str,
    ) -> Result<Page> {
        let mut liquid_data = defaults;
        crate::config::jekyll_merge(&mut liquid_data, &data);
        let ext = ruby_extname(name).to_string();
        let basename = name[..name.len() - ext.len()]
            .trim_end_matches('.')
            .to_string();
        let permalink = liquid_data
            .get("permalink")
            .filter(|v| !v.is_nil())
            .map(crate::value::to_s);
        if permalink.as_deref() == Some("") {
            let file = path.clone().unwrap_or_default();
            return Err(crate::Error::at(
                file.clone(),
                None,
                format!("Invalid permalink in {}", file.display()),
            ));
        }
        let output_ext = converters.output_ext(&ext, permalink.as_deref());
        let mut page = Page {
            path,
            dir: dir.to_string(),
            name: name.to_string(),
            basename,
            ext,
            data,
            liquid_data,
            raw_content,
            content_line,
            url: String::new(),
            output_ext,
            state: RenderState::default(),
            custom_liquid: None,
            lazy_payload: None,
            allow_used_permalink: false,
        };
        let template = page.template(permalink_style);
        let ph = Placeholders::List(vec![
            ("path", Some(page.dir.clone())),
            ("basename", Some(page.basename.clone())),
            ("output_ext", Some(page.output_ext.clone())),
        ]);
        page.url = url::generate(&template, &ph, permalink.as_deref())?;
        Ok(page)
    }

    pub fn is_html(&self) -> bool {
        HTML_EXTENSIONS.contains(&self.output_ext.as_str())
    }

    pub fn is_index(&self) -> bool {
        self.basename == "index"
    }

    fn template(&self, style: &str) -> String {
        if !self.is_html() {
            "/:path/:basename:output_ext".into()
        } else if self.is_index() {
            "/:path/".into()
        } else {
            url::add_permalink_suffix("/:path/:basename", style)
        }
    }

    /// `Page#relative_path`.
    pub fn relative_path(&self) -> String {
        let joined = if self.dir.is_empty() {
            self.name.clone()
        } else {
            format!("{}/{}", self.dir.trim_end_matches('/'), self.name)
        };
        joined.strip_prefix('/').unwrap_or(&joined).to_string()
    }

    /// `Page#path`: front matter `path`, else the relative path.
    pub fn liquid_path(&self) -> Value {
        match self.liquid_data.get("path") {
            Some(v) => v.clone(),
            None => Value::str(self.relative_path()),
        }
    }

    /// `Page#dir`: the URL's directory with a trailing slash.
    pub fn url_dir(&self) -> String {
        if self.url.ends_with('/') {
            return self.url.clone();
        }
        let d = match self.url.rfind('/') {
            Some(0) | None => "/".to_string(),
            Some(i) => self.url[..i].to_string(),
        };
        if d.ends_with('/') {
            d
        } else {
            format!("{d}/")
        }
    }

    pub fn destination(&self, dest: &std::path::Path) -> PathBuf {
        let mut rel = url::unescape_path(&self.url);
        if rel.ends_with('/') {
            rel.push_str("index");
        }
        if !rel.ends_with(&self.output_ext) {
            rel.push_str(&self.output_ext);
        }
        super::in_dest_dir(dest, &rel)
    }

    pub fn published(&self) -> bool {
        !matches!(self.liquid_data.get("published"), Some(Value::Bool(false)))
    }

    pub fn is_asset(&self) -> bool {
        matches!(self.ext.as_str(), ".sass" | ".scss" | ".coffee")
    }
}
