//! Rendering (Jekyll's `Renderer`): Liquid in the content, then the converters, then the
//! layout chain.
//!
//! Order and parallelism: Jekyll renders every collection document that is written, then
//! every page. hyde keeps those two phases and renders the items of a phase in parallel.
//! What a template can observe of another item is its `content`: in Jekyll a page sees
//! every document's converted content (all documents are rendered before pages), and that
//! holds here. Inside the documents phase, Jekyll would show an earlier document's
//! converted content and a later one's raw content; hyde shows converted content only once
//! the other document has finished, so a document reading another document's `content`
//! (rare; listing pages are pages) may differ. See docs/architecture.md.

use super::drops::{jekyll_drop, DocId, DocumentDrop, PageDrop, SiteDrop};
use super::{converters::Converter, Site};
use crate::error::{Error, Result};
use crate::value::{DropRef, Hash, Value};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

pub struct Renderer {
    pub liquid: crate::liquid::Engine,
    /// Render statistics, kept when `--profile` asks for them.
    pub profile: Option<super::profile::Profile>,
    pub markdown: crate::markdown::Options,
    pub sass: crate::sass::SassOptions,
    /// Markdown conversions kept between builds (`cache_dir`).
    pub cache: super::cache::DiskCache,
    /// The Markdown options as a cache key component.
    markdown_key: String,
    layouts: HashMap<String, Arc<crate::liquid::Template>>,
    environment: String,
    /// Include files read during this build.
    pub includes: super::liquid_setup::IncludeFiles,
}

/// What is being rendered: a document or a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Doc(DocId),
    Page(usize),
}

impl Item {
    /// The item's place in Jekyll's render order: every collection's documents (in
    /// configuration order), then the pages.
    pub fn order(self, site: &Site) -> usize {
        match self {
            Item::Doc(id) => {
                site.collections
                    .values()
                    .take(id.coll)
                    .map(|c| c.docs.len())
                    .sum::<usize>()
                    + id.idx
            }
            Item::Page(i) => {
                site.collections
                    .values()
                    .map(|c| c.docs.len())
                    .sum::<usize>()
                    + i
            }
        }
    }

    fn state(self, site: &Site) -> &super::RenderState {
        match self {
            Item::Doc(id) => &site.collections[id.coll].docs[id.idx].state,
            Item::Page(i) => &site.pages[i].state,
        }
    }
}

thread_local! {
    /// What this thread is rendering (innermost last): an item's render order, or `None`
    /// for an excerpt.
    static RENDERING: std::cell::RefCell<Vec<Option<usize>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// What a template rendering now may see of another item's `content`/`output`.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    /// Jekyll rendered it before the current item: its converted content and output.
    Rendered,
    /// It is the item being rendered: its state as it is now.
    Current,
    /// Jekyll renders it later: its raw content and no output.
    Raw,
}

/// Jekyll renders one item after the other, so a template sees the converted content of
/// items before it and the raw content of items after it. hyde renders in parallel and
/// keeps that rule: an earlier item is rendered on demand (exactly once) before its content
/// is shown; a later one shows its raw content even if another thread has rendered it.
///
/// Excerpts render lazily, whenever something first asks for them, so in Jekyll what they
/// see depends on timing; hyde shows them raw content only, which also means an excerpt
/// never waits for another item (no cycle can form).
pub fn observe(site: &Arc<Site>, item: Item) -> Seen {
    let current = RENDERING.with(|r| r.borrow().last().copied());
    match current {
        None => Seen::Current,
        Some(None) => Seen::Raw,
        Some(Some(current)) => {
            let target = item.order(site);
            if target < current {
                let _ = ensure_rendered(site, item);
                Seen::Rendered
            } else if target == current {
                Seen::Current
            } else {
                Seen::Raw
            }
        }
    }
}

/// The page being rendered on this thread (`site.pages` index), if a page is.
pub fn current_page(site: &Site) -> Option<usize> {
    let order = RENDERING.with(|r| r.borrow().last().copied())??;
    let docs: usize = site.collections.values().map(|c| c.docs.len()).sum();
    order.checked_sub(docs)
}

/// Makes sure an item Jekyll renders before the current one has rendered.
pub fn render_earlier(site: &Arc<Site>, item: Item) {
    let _ = ensure_rendered(site, item);
}

/// Renders `item` unless it has been rendered already; returns its result.
fn ensure_rendered(site: &Arc<Site>, item: Item) -> Result<()> {
    let Some(renderer) = site.renderer.get() else {
        return Ok(());
    };
    item.state(site)
        .done
        .get_or_init(|| {
            let order = item.order(site);
            RENDERING.with(|r| r.borrow_mut().push(Some(order)));
            let result = renderer.render_item(site, item);
            RENDERING.with(|r| r.borrow_mut().pop());
            result
        })
        .clone()
}

impl Renderer {
    pub fn new(site: &Arc<Site>) -> Result<Renderer> {
        let liquid = super::liquid_setup::engine(site);
        let mut layouts = HashMap::new();
        for (name, layout) in &site.layouts {
            let t = liquid
                .parse(&layout.content, &layout.relative_path)
                .map_err(|e| liquid_error(e, &layout.relative_path, layout.content_line))?;
            layouts.insert(name.clone(), Arc::new(t));
        }
        let environment = std::env::var("JEKYLL_ENV").unwrap_or_else(|_| "development".into());
        let mut sass = crate::sass::SassOptions::from_jekyll_config(
            &Value::hash(site.config.clone()),
            &site.source,
        );
        if let Some(dir) = site.theme.as_ref().and_then(|t| t.sass_path()) {
            sass = sass.with_theme_sass_dir(&dir);
        }
        let markdown =
            crate::markdown::Options::from_jekyll_config(&Value::hash(site.config.clone()));
        let cache_enabled = !site.flags.safe
            && !site
                .config
                .get("disable_disk_cache")
                .is_some_and(Value::is_truthy);
        let cache_dir = site.source.join(
            site.config
                .get("cache_dir")
                .map(crate::value::to_s)
                .unwrap_or_else(|| ".jekyll-cache".into()),
        );
        Ok(Renderer {
            cache: super::cache::DiskCache::open(&cache_dir, cache_enabled),
            markdown_key: format!("{markdown:?}"),
            profile: site
                .config
                .get("profile")
                .filter(|v| v.is_truthy())
                .map(|_| Default::default()),
            liquid,
            sass,
            markdown: crate::markdown::Options::from_jekyll_config(&Value::hash(
                site.config.clone(),
            )),
            layouts,
            environment,
            includes: Default::default(),
        })
    }

    /// The variables every template sees (`UnifiedPayloadDrop`).
    /// `ext` is the item's extension: `assign_highlighter_options!` gives Markdown items the
    /// converter's `highlighter_prefix`/`suffix` (newlines, so kramdown keeps `highlight`
    /// output as a block).
    fn payload(&self, site: &Arc<Site>, page: Value, current: Option<DocId>, ext: &str) -> Hash {
        let highlighter_wrap = if site.converters.is_markdown(ext) {
            Value::str("\n")
        } else {
            Value::Nil
        };
        let mut h = Hash::new();
        h.insert("content".into(), Value::Nil);
        h.insert("page".into(), page);
        h.insert("layout".into(), Value::Nil);
        h.insert("paginator".into(), Value::Nil);
        h.insert("highlighter_prefix".into(), highlighter_wrap.clone());
        h.insert("highlighter_suffix".into(), highlighter_wrap);
        h.insert("jekyll".into(), jekyll_drop(&self.environment));
        h.insert(
            "site".into(),
            Value::Drop(DropRef::new(SiteDrop {
                site: site.clone(),
                current,
            })),
        );
        h
    }

    /// Runs the converters matching `ext` (Jekyll's `Renderer#convert`). A Sass page also
    /// produces its `.css.map` page, returned through `source_map`.
    fn convert(
        &self,
        site: &Site,
        content: &str,
        ext: &str,
        rel: &str,
        source_map: Option<&mut Option<crate::sass::SourceMapPage>>,
    ) -> Result<String> {
        let mut out = content.to_string();
        let mut source_map = source_map;
        for c in site.converters.for_ext(ext) {
            out = match c {
                Converter::Markdown => {
                    let key = super::cache::DiskCache::key(&self.markdown_key, &out);
                    self.cache
                        .get_or_insert(key, || crate::markdown::to_html(&out, &self.markdown))
                        .map_err(|e| Error {
                            file: e.file.or_else(|| Some(rel.into())),
                            ..e
                        })?
                }
                Converter::Sass | Converter::Scss => {
                    let syntax = if c == Converter::Sass {
                        crate::sass::Syntax::Sass
                    } else {
                        crate::sass::Syntax::Scss
                    };
                    let file = site.source.join(rel);
                    match source_map.take() {
                        Some(slot) => {
                            let converted =
                                crate::sass::convert_page(&out, syntax, &file, &self.sass)
                                    .map_err(|e| e.in_file(rel))?;
                            *slot = converted.source_map;
                            converted.css
                        }
                        // Sass outside pages (collection documents) converts like the filters.
                        None => match syntax {
                            crate::sass::Syntax::Scss => crate::sass::scssify(&out, &self.sass),
                            crate::sass::Syntax::Sass => crate::sass::sassify(&out, &self.sass),
                        }
                        .map_err(|e| e.in_file(rel))?,
                    }
                }
                Converter::Identity => out,
            };
        }
        Ok(out)
    }

    pub fn render_item(&self, site: &Arc<Site>, item: Item) -> Result<()> {
        let (raw, ext, rel, line, data, state, page_value, current, asset) = match item {
            Item::Doc(id) => {
                let d = &site.collections[id.coll].docs[id.idx];
                (
                    &d.raw_content,
                    d.extname.as_str(),
                    d.relative_path.clone(),
                    d.content_line,
                    &d.data,
                    &d.state,
                    DocumentDrop::value(site, id),
                    Some(id),
                    d.is_asset() || d.is_yaml(),
                )
            }
            Item::Page(i) => {
                let p = &site.pages[i];
                (
                    &p.raw_content,
                    p.ext.as_str(),
                    p.relative_path(),
                    p.content_line,
                    &p.liquid_data,
                    &p.state,
                    PageDrop::value(site, i, true),
                    None,
                    p.is_asset(),
                )
            }
        };
        crate::cli::log::debug("Rendering:", &rel);
        let mut payload = self.payload(site, page_value.clone(), current, ext);
        if let Item::Page(i) = item {
            if let Some(lazy) = &site.pages[i].lazy_payload {
                payload.extend(lazy.payload(site));
            }
        }
        let render_liquid = !matches!(data.get("render_with_liquid"), Some(Value::Bool(false)))
            && crate::utils::has_liquid_construct(raw);
        let mut output = if render_liquid {
            self.render_liquid(site, raw, &rel, line, &payload, &page_value)?
        } else {
            raw.clone()
        };
        let mut source_map = None;
        let map_slot = if matches!(item, Item::Page(_)) {
            Some(&mut source_map)
        } else {
            None
        };
        output = self.convert(site, &output, ext, &rel, map_slot)?;
        if let Some(map) = source_map {
            let _ = state.source_map.set(map);
        }
        let _ = state.content.set(Arc::from(output.as_str()));

        let layout_name = match item {
            Item::Doc(id) => site.collections[id.coll].docs[id.idx]
                .data
                .get("layout")
                .cloned(),
            // A page's own `layout` key, even a null one, wins over front matter defaults
            // (Jekyll's defaults only fill keys the data lacks).
            Item::Page(i) => {
                let p = &site.pages[i];
                match p.data.get("layout") {
                    Some(own) => Some(own.clone()),
                    None => p.liquid_data.get("layout").cloned(),
                }
            }
        };
        let no_layout = matches!(&layout_name, Some(Value::Str(s)) if &**s == "none");
        if !asset && !no_layout {
            output =
                self.place_in_layouts(site, output, layout_name, &rel, &mut payload, &page_value)?;
        }
        crate::plugins::post_render(site, item, &mut output)?;
        let _ = state.output.set(Arc::from(output));
        Ok(())
    }

    fn render_liquid(
        &self,
        site: &Arc<Site>,
        source: &str,
        rel: &str,
        line: usize,
        payload: &Hash,
        page: &Value,
    ) -> Result<String> {
        let template = self
            .liquid
            .parse(source, rel)
            .map_err(|e| liquid_error(e, rel, line))?;
        self.timed(rel, || {
            super::liquid_setup::render(&self.liquid, &template, site, payload, page)
        })
        .map_err(|e| liquid_error(e, rel, line))
    }

    fn place_in_layouts(
        &self,
        site: &Arc<Site>,
        content: String,
        layout_name: Option<Value>,
        rel: &str,
        payload: &mut Hash,
        page: &Value,
    ) -> Result<String> {
        let Some(name) = layout_name.filter(|v| !v.is_nil()) else {
            return Ok(content);
        };
        let name = crate::value::to_s(&name);
        let mut output = content;
        let Some(mut layout) = site.layouts.get(&name) else {
            crate::cli::log::warn(
                "Build Warning:",
                &format!("Layout '{name}' requested in {rel} does not exist."),
            );
            return Ok(output);
        };
        let mut used = vec![layout.name.clone()];
        payload.insert("layout".into(), Value::Nil);
        loop {
            payload.insert("content".into(), Value::str(output.as_str()));
            let mut merged = layout.data.clone();
            if let Some(Value::Hash(prev)) = payload.get("layout") {
                crate::config::jekyll_merge(&mut merged, prev);
            }
            payload.insert("layout".into(), Value::hash(merged));
            let template = &self.layouts[&layout.name];
            output = self
                .timed(&layout.relative_path, || {
                    super::liquid_setup::render(&self.liquid, template, site, payload, page)
                })
                .map_err(|e| liquid_error(e, &layout.relative_path, layout.content_line))?;
            let next = layout.data.get("layout").map(crate::value::to_s);
            match next.and_then(|n| site.layouts.get(&n)) {
                Some(l) if !used.contains(&l.name) => {
                    used.push(l.name.clone());
                    layout = l;
                }
                _ => break,
            }
        }
        Ok(output)
    }

    /// Runs a Liquid render, recording it for `--profile`.
    fn timed(&self, file: &str, render: impl FnOnce() -> Result<String>) -> Result<String> {
        let Some(profile) = &self.profile else {
            return render();
        };
        let start = std::time::Instant::now();
        let out = render();
        if let Ok(o) = &out {
            profile.record(file, o.len(), start.elapsed());
        }
        out
    }

    /// Renders a document's excerpt: Liquid and conversion, no layout.
    fn render_excerpt(&self, site: &Arc<Site>, id: DocId) -> Result<String> {
        let d = &site.collections[id.coll].docs[id.idx];
        let source = d.excerpt_source.as_deref().unwrap_or("");
        let rel = format!("{}/#excerpt", d.relative_path);
        let page = super::drops::ExcerptDrop::value(site, id);
        let payload = self.payload(site, page.clone(), None, &d.extname);
        let render_liquid = !matches!(d.data.get("render_with_liquid"), Some(Value::Bool(false)))
            && crate::utils::has_liquid_construct(source);
        let out = if render_liquid {
            self.render_liquid(site, source, &rel, d.content_line, &payload, &page)?
        } else {
            source.to_string()
        };
        self.convert(site, &out, &d.extname, &rel, None)
    }
}

/// What Jekyll's kramdown converter writes into `site.config["kramdown"]` when it is first
/// set up (before the first Markdown conversion), visible as `site.kramdown` afterwards.
pub fn prepare_config(site: &mut Site) {
    let uses_markdown = site
        .collections
        .values()
        .flat_map(|c| c.docs.iter())
        .any(|d| site.converters.is_markdown(&d.extname))
        || site
            .pages
            .iter()
            .any(|p| site.converters.is_markdown(&p.ext));
    if !uses_markdown {
        return;
    }
    let highlighter = site
        .config
        .get("highlighter")
        .map(crate::value::to_s)
        .unwrap_or_else(|| "rouge".into());
    let Some(Value::Hash(kd)) = site.config.get_mut("kramdown") else {
        return;
    };
    let kd = Arc::make_mut(kd);
    if !kd.get("syntax_highlighter").is_some_and(Value::is_truthy) {
        let h = match highlighter.as_str() {
            "pygments" | "rouge" => "rouge".to_string(),
            "coderay" => "coderay".to_string(),
            "" | "none" | "false" => String::new(),
            other => other.to_string(),
        };
        kd.insert(
            "syntax_highlighter".into(),
            if h.is_empty() {
                Value::Nil
            } else {
                Value::str(h)
            },
        );
    }
    let guess = kd.get("guess_lang").cloned().unwrap_or(Value::Nil);
    let opts = kd
        .entry("syntax_highlighter_opts".to_string())
        .or_insert_with(Value::empty_hash);
    if let Some(o) = opts.hash_mut() {
        if !o.get("default_lang").is_some_and(Value::is_truthy) {
            o.insert("default_lang".into(), Value::str("plaintext"));
        }
        o.insert("guess_lang".into(), guess);
    }
    if !kd.get("coderay").is_some_and(Value::is_truthy) {
        kd.insert("coderay".into(), Value::empty_hash());
    }
}

/// Adds the file and the file's line offset to a Liquid error.
fn liquid_error(e: Error, rel: &str, content_line: usize) -> Error {
    let line = e.line.map(|l| l + content_line - 1);
    let jekyll_log = Some((
        "Liquid Exception:".to_string(),
        format!("{} in {rel}", e.message),
    ));
    Error {
        file: e.file.or_else(|| Some(rel.into())),
        line,
        message: e.message,
        jekyll_log,
    }
}

fn with_excerpt_context<T>(f: impl FnOnce() -> T) -> T {
    RENDERING.with(|r| r.borrow_mut().push(None));
    let out = f();
    RENDERING.with(|r| r.borrow_mut().pop());
    out
}

/// `post.excerpt`: rendered once, on first use.
pub fn excerpt_output(site: &Arc<Site>, id: DocId) -> String {
    let d = &site.collections[id.coll].docs[id.idx];
    d.state
        .excerpt
        .get_or_init(|| match site.renderer.get() {
            Some(r) => with_excerpt_context(|| r.render_excerpt(site, id)).unwrap_or_else(|e| {
                crate::cli::log::error("Liquid Exception:", &e.to_string());
                String::new()
            }),
            None => d.excerpt_source.clone().unwrap_or_default(),
        })
        .clone()
}

/// `Site#render`: every collection document (written or not: `output: false` documents
/// still get converted content), then pages; each phase in parallel.
pub fn render_site(site: &Arc<Site>) -> Result<()> {
    let renderer = Arc::new(Renderer::new(site)?);
    let _ = site.renderer.set(renderer.clone());
    let docs: Vec<DocId> = site
        .collections
        .values()
        .enumerate()
        .flat_map(|(ci, c)| (0..c.docs.len()).map(move |i| DocId { coll: ci, idx: i }))
        .collect();
    // Every item renders exactly once, in parallel; the first error in Jekyll's order is
    // reported, so the message does not depend on thread timing.
    let mut items: Vec<Item> = docs.into_iter().map(Item::Doc).collect();
    items.extend((0..site.pages.len()).map(Item::Page));
    let results: Vec<Result<()>> = items
        .par_iter()
        .map(|item| ensure_rendered(site, *item))
        .collect();
    if let Some(e) = results.into_iter().find_map(|r| r.err()) {
        return Err(e);
    }
    renderer.cache.save();
    Ok(())
}
