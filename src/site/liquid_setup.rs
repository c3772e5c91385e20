//! The Liquid engine as Jekyll configures it: options from `liquid:`, Jekyll's filters and
//! tags, and the registers (the site's services, the current page) they read.

use super::Site;
use crate::config::ConfigExt;
use crate::error::Result;
use crate::liquid::jekyll::{IncludeFile, JekyllServices, Services};
use crate::liquid::{Context, Engine, ErrorMode, Options, Template};
use crate::value::{Hash, Value};
use once_cell::sync::Lazy;
use std::path::PathBuf;
use std::sync::Arc;

/// `PostComparer::MATCHER`: `[dir/]YYYY-MM-DD-slug`.
static POST_NAME: Lazy<regex::Regex> =
    Lazy::new(|| regex::Regex::new(r"^(.+/)*(\d+-\d+-\d+)-(.*)$").unwrap());

/// Include files found during a build, by (directory of a relative include, name).
#[derive(Default)]
pub struct IncludeFiles(std::sync::RwLock<std::collections::HashMap<IncludeKey, (String, String)>>);

type IncludeKey = (Option<PathBuf>, String);

impl IncludeFiles {
    fn get(&self, key: &IncludeKey) -> Option<IncludeFile> {
        let map = self.0.read().unwrap_or_else(|e| e.into_inner());
        map.get(key).map(|(path, source)| IncludeFile {
            path: path.clone(),
            source: source.clone(),
        })
    }

    fn insert(&self, key: IncludeKey, found: &IncludeFile) {
        let mut map = self.0.write().unwrap_or_else(|e| e.into_inner());
        map.insert(key, (found.path.clone(), found.source.clone()));
    }
}

/// The site as Jekyll's filters and tags see it.
pub struct SiteServices {
    pub site: Arc<Site>,
}

impl JekyllServices for SiteServices {
    fn baseurl(&self) -> Option<String> {
        self.site.config.str_of("baseurl")
    }

    fn url(&self) -> Option<String> {
        self.site.config.str_of("url")
    }

    fn markdownify(&self, input: &str) -> std::result::Result<String, String> {
        let opts = match self.site.renderer.get() {
            Some(r) => r.markdown.clone(),
            None => {
                crate::markdown::Options::from_jekyll_config(&Value::hash(self.site.config.clone()))
            }
        };
        crate::markdown::markdownify(input, &opts).map_err(|e| e.message)
    }

    fn sassify(&self, input: &str, scss: bool) -> std::result::Result<String, String> {
        let opts = match self.site.renderer.get() {
            Some(r) => r.sass.clone(),
            None => crate::sass::SassOptions::from_jekyll_config(
                &Value::hash(self.site.config.clone()),
                &self.site.source,
            ),
        };
        let result = if scss {
            crate::sass::scssify(input, &opts)
        } else {
            crate::sass::sassify(input, &opts)
        };
        result.map_err(|e| e.message)
    }

    fn read_include(
        &self,
        file: &str,
        relative: bool,
        registers: &crate::liquid::Registers,
    ) -> std::result::Result<IncludeFile, String> {
        let site = &self.site;
        let dirs: Vec<PathBuf> = if relative {
            vec![self.page_dir(registers)]
        } else {
            site.includes_load_paths()
        };
        // Includes are looked up and read once per build per directory and name: Jekyll
        // parses each include once per build too, and nothing changes the source tree
        // while pages render.
        let key = (relative.then(|| dirs[0].clone()), file.to_string());
        let cache = site.renderer.get().map(|r| &r.includes);
        if let Some(found) = cache.and_then(|c| c.get(&key)) {
            return Ok(found);
        }
        for dir in &dirs {
            let path = dir.join(file);
            if !path.is_file() {
                continue;
            }
            if site.flags.safe {
                let inside = std::fs::canonicalize(&path)
                    .map(|real| real.to_string_lossy().starts_with(&*dir.to_string_lossy()))
                    .unwrap_or(false);
                if !inside {
                    continue;
                }
            }
            let source = super::frontmatter::read_text(&path).map_err(|e| e.message)?;
            let found = IncludeFile {
                path: path.to_string_lossy().into_owned(),
                source,
            };
            if let Some(c) = cache {
                c.insert(key, &found);
            }
            return Ok(found);
        }
        let listed: Vec<String> = dirs
            .iter()
            .map(|d| crate::value::inspect_str(&d.to_string_lossy()))
            .collect();
        Err(format!(
            "Could not locate the included file '{file}' in any of [{}]. Ensure it exists in one of those directories and{}",
            listed.join(", "),
            if site.flags.safe {
                " is not a symlink as those are not allowed in safe mode."
            } else {
                ", if it is a symlink, does not point outside your site source."
            }
        ))
    }

    fn post_url(&self, name: &str) -> Option<String> {
        let posts = self.site.collections.get("posts")?;
        let name = name.strip_prefix('/').unwrap_or(name);
        let caps = POST_NAME.captures(name)?;
        let path = caps.get(1).map(|m| m.as_str()).unwrap_or("");
        let (date, slug) = (&caps[2], &caps[3]);
        let base = format!("{}-{}\\.[^.]+", regex::escape(date), regex::escape(slug));
        let re = regex::Regex::new(&format!(
            "^_posts/{p}{base}|^{p}_posts/?{base}",
            p = regex::escape(path)
        ))
        .ok()?;
        if let Some(d) = posts.docs.iter().find(|d| re.is_match(&d.relative_path)) {
            return Some(d.url.clone());
        }
        // Jekyll's deprecated matching: same slug (with the name's folder) and same day.
        let day = super::document::parse_date_value(&Value::str(date), &self.site.zone)?;
        let found = posts.docs.iter().find(|d| {
            let doc_slug = d
                .data
                .get("slug")
                .map(crate::value::to_s)
                .unwrap_or_default();
            let folder = d.basename().rsplit_once('/').map(|(f, _)| f).unwrap_or("");
            let full = if folder.is_empty() {
                doc_slug
            } else {
                format!("{folder}/{doc_slug}")
            };
            full == slug && d.date.date_naive() == day.date_naive()
        })?;
        crate::cli::log::warn(
            "Deprecation:",
            &format!(
                "A call to '{{% post_url {name} %}}' did not match a post using the new matching method of checking name (path-date-slug) equality. Please make sure that you change this tag to match the post's name exactly."
            ),
        );
        Some(found.url.clone())
    }

    fn link(&self, path: &str) -> Option<String> {
        let with_slash = format!("/{}", path.trim_start_matches('/'));
        let matches = |rel: &str| rel == path || rel == with_slash;
        let site = &self.site;
        for c in site.collections.values() {
            if let Some(d) = c.docs.iter().find(|d| d.write && matches(&d.relative_path)) {
                return Some(d.url.clone());
            }
        }
        if let Some(p) = site.pages.iter().find(|p| matches(&p.relative_path())) {
            return Some(p.url.clone());
        }
        site.static_files
            .iter()
            .find(|f| f.write && matches(&f.relative_path))
            .map(|f| f.url.clone())
    }

    fn smartify(&self, input: &str) -> std::result::Result<String, String> {
        let opts = match self.site.renderer.get() {
            Some(r) => r.markdown.clone(),
            None => {
                crate::markdown::Options::from_jekyll_config(&Value::hash(self.site.config.clone()))
            }
        };
        crate::markdown::smartify(input, &opts).map_err(|e| e.message)
    }
}

impl SiteServices {
    /// The directory `include_relative` reads from: the current page's source directory.
    fn page_dir(&self, registers: &crate::liquid::Registers) -> PathBuf {
        let site = &self.site;
        let Some(CurrentPage(page)) = registers.get::<CurrentPage>() else {
            return site.source.clone();
        };
        let mut path = page
            .get("path")
            .map(|p| crate::value::to_s(&p))
            .unwrap_or_default();
        if page.get("collection").is_some_and(|c| c.is_truthy()) {
            let cd = site.config.str_of("collections_dir").unwrap_or_default();
            if !cd.is_empty() {
                path = format!("{cd}/{path}");
            }
        }
        let path = path.strip_suffix("/#excerpt").unwrap_or(&path);
        let dir = match path.rfind('/') {
            Some(i) => &path[..i],
            None => "",
        };
        super::in_dest_dir(&site.source, dir)
    }
}

/// The site, as Jekyll's `registers[:site]`: how plugin tags and filters reach it.
#[derive(Clone)]
pub struct SiteRegister(pub Arc<Site>);

/// The site a tag or filter renders for (`context.registers[:site]`).
pub fn site_of(ctx: &Context) -> Option<&Arc<Site>> {
    ctx.registers.get::<SiteRegister>().map(|s| &s.0)
}

/// The current page, as Jekyll's `registers[:page]`.
#[derive(Clone)]
pub struct CurrentPage(pub Value);

/// The engine every template of the site is parsed with.
pub fn engine(site: &Arc<Site>) -> Engine {
    let liquid = site.config.get("liquid");
    let get = |k: &str| liquid.as_ref().and_then(|l| l.get(k));
    let error_mode = get("error_mode")
        .and_then(|v| v.as_str().and_then(ErrorMode::from_name))
        .unwrap_or(ErrorMode::Warn);
    let options = Options {
        error_mode,
        strict_variables: get("strict_variables").is_some_and(|v| v.is_truthy()),
        strict_filters: get("strict_filters").is_some_and(|v| v.is_truthy()),
    };
    let mut engine = Engine::with_options(options);
    crate::liquid::jekyll::register_all(&mut engine);
    crate::plugins::register_liquid(site, &mut engine);
    engine
}

/// Renders `template` with Jekyll's payload and registers.
pub fn render(
    engine: &Engine,
    template: &Template,
    site: &Arc<Site>,
    payload: &Hash,
    page: &Value,
) -> Result<String> {
    let _ = engine;
    let mut ctx = Context::new(payload.clone());
    ctx.registers
        .insert(Services(Arc::new(SiteServices { site: site.clone() })));
    ctx.registers.insert(CurrentPage(page.clone()));
    ctx.registers.insert(SiteRegister(site.clone()));
    template.render(&mut ctx)
}
