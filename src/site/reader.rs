//! Reading the source tree exactly as Jekyll's `Reader` does: layouts, then the directory
//! walk (posts, drafts, pages, static files), `include`d files, collections, then `_data`.

use super::document::{DocContext, Document, DATELESS_FILENAME, DATE_FILENAME};
use super::entry_filter::EntryFilter;
use super::frontmatter::{self, has_yaml_header};
use super::page::Page;
use super::static_file::StaticFile;
use super::{Collection, Layout, Site};
use crate::config::ConfigExt;
use crate::error::{Error, Result};
use crate::value::{Hash, Value};
use std::path::{Path, PathBuf};

/// A document read from disk, with the warning its front matter raised, if any.
type LoadedDocument = Result<(Option<Document>, Option<String>)>;

impl Site {
    fn entry_filter(&self) -> EntryFilter {
        EntryFilter::new(
            &self.source,
            self.config.list_of("include"),
            self.config.list_of("exclude"),
            self.flags.safe,
        )
    }

    /// `Reader#read`.
    pub fn read(&mut self) -> Result<()> {
        self.read_layouts()?;
        self.init_collections();
        self.read_directories("")?;
        self.read_included_files()?;
        self.pages.sort_by(|a, b| a.name.cmp(&b.name));
        self.static_files
            .sort_by(|a, b| a.relative_path.cmp(&b.relative_path));
        self.read_collections()?;
        self.read_theme_assets()?;
        self.read_data()?;
        self.sort_posts();
        self.limit_posts();
        Ok(())
    }

    fn read_layouts(&mut self) -> Result<()> {
        let dir = self.source.join(
            self.config
                .str_of("layouts_dir")
                .unwrap_or_else(|| "_layouts".into()),
        );
        self.read_layouts_in(&dir, false)?;
        if let Some(theme_dir) = self.theme.as_ref().and_then(|t| t.layouts_path()) {
            self.read_layouts_in(&theme_dir, true)?;
        }
        Ok(())
    }

    fn read_layouts_in(&mut self, dir: &Path, theme: bool) -> Result<()> {
        let dir = dir.to_path_buf();
        if !dir.is_dir() {
            return Ok(());
        }
        let filter = self.entry_filter();
        let mut entries = Vec::new();
        walk_files(&dir, "", &mut entries, true);
        // Dir["**/*.*"]: files whose name has a dot, not under dot-directories.
        entries.retain(|e| e.rsplit('/').next().is_some_and(|n| n.contains('.')));
        entries.sort();
        for rel in filter.filter("", entries) {
            let path = dir.join(&rel);
            let name = {
                let parts: Vec<&str> = rel.split('.').collect();
                parts[..parts.len() - 1].join(".")
            };
            let text = frontmatter::read_text(&path)?;
            let parsed = self.parse_front_matter(&text, &path)?;
            let relative_path = path
                .strip_prefix(&self.source)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_else(|_| rel.clone());
            if theme && self.layouts.contains_key(&name) {
                continue;
            }
            self.layouts.insert(
                name.clone(),
                Layout {
                    name,
                    path,
                    relative_path,
                    data: parsed.0,
                    content: parsed.1,
                    content_line: parsed.2,
                },
            );
        }
        Ok(())
    }

    /// Front matter of a page or layout; errors are warnings unless `strict_front_matter`
    /// (Jekyll's `Convertible#read_yaml`).
    fn parse_front_matter(&mut self, text: &str, path: &Path) -> Result<(Hash, String, usize)> {
        match frontmatter::parse(text, path) {
            Ok(p) => Ok((p.data.unwrap_or_default(), p.content, p.content_line)),
            Err(e) => {
                if self.flags.strict_front_matter {
                    return Err(e);
                }
                self.warn(format!("YAML Exception reading {}: {}", path.display(), e));
                // Jekyll drops the whole front matter and keeps the body after it.
                let (body, line) = frontmatter::body_after(text);
                Ok((Hash::new(), body, line))
            }
        }
    }

    fn init_collections(&mut self) {
        let names: Vec<(String, Hash)> = match self.config.get("collections") {
            Some(Value::Hash(h)) => h
                .iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        v.as_hash().map(|h| (**h).clone()).unwrap_or_default(),
                    )
                })
                .collect(),
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| (crate::value::to_s(v), Hash::new()))
                .collect(),
            _ => Vec::new(),
        };
        let base = self.collections_path();
        for (name, metadata) in names {
            let label: String = name
                .chars()
                .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
                .collect();
            let relative_directory = format!("_{label}");
            let directory = base.join(&relative_directory);
            self.collections.insert(
                label.clone(),
                Collection {
                    label,
                    metadata,
                    docs: Vec::new(),
                    files: Vec::new(),
                    relative_directory,
                    directory,
                },
            );
        }
    }

    fn url_template_for(&self, label: &str) -> String {
        let coll = &self.collections[label];
        match coll.metadata.get("permalink").filter(|v| !v.is_nil()) {
            Some(p) => crate::value::to_s(p),
            None => super::url::add_permalink_suffix("/:collection/:path", &self.permalink_style),
        }
    }

    pub(crate) fn doc_context(&self, label: &str) -> DocContext<'_> {
        let excerpt_separator = match self.config.get("excerpt_separator") {
            Some(v) if !v.is_nil() => crate::value::to_s(v),
            _ => String::new(),
        };
        DocContext {
            site_time: self.time,
            zone: self.zone,
            defaults: &self.defaults,
            excerpt_separator,
            collection_relative_dir: self.collections[label].relative_directory.clone(),
            url_template: self.url_template_for(label),
            converters: &self.converters,
        }
    }

    /// `Reader#read_directories(dir)`; `dir` is "" or "/sub/dir".
    fn read_directories(&mut self, dir: &str) -> Result<()> {
        let base = super::in_dest_dir(&self.source, dir);
        if !base.is_dir() {
            return Ok(());
        }
        let mut names: Vec<String> = std::fs::read_dir(&base)
            .map_err(|e| Error::at(&base, None, e.to_string()))?
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let filter = self.entry_filter();
        let names = filter.filter(dir.trim_start_matches('/'), names);
        let (mut dirs, mut pages, mut statics) = (Vec::new(), Vec::new(), Vec::new());
        for name in names {
            let path = base.join(&name);
            if path.is_dir() {
                dirs.push(name);
            } else if has_yaml_header(&path) {
                pages.push(name);
            } else {
                statics.push(name);
            }
        }
        self.retrieve_posts(dir)?;
        for d in dirs {
            let rel = format!("{dir}/{d}");
            if super::normalize(&base.join(&d)) != self.dest {
                self.read_directories(&rel)?;
            }
        }
        for name in pages {
            self.read_page(dir, &name)?;
        }
        for name in statics {
            let path = base.join(&name);
            let mut sf = StaticFile::new(path, dir, &name, None);
            self.static_defaults(&mut sf, "");
            self.static_files.push(sf);
        }
        Ok(())
    }

    fn read_page(&mut self, dir: &str, name: &str) -> Result<()> {
        let path = super::in_dest_dir(&self.source, dir).join(name);
        let text = frontmatter::read_text(&path).map_err(|mut e| {
            // Jekyll warns "Error reading file" and then fails converting the file; an
            // unreadable or non-UTF-8 source is an error here, with its line.
            e.jekyll_log = Some((
                "Error reading file".into(),
                format!("{}: {}", path.display(), e.message),
            ));
            e
        })?;
        let (data, content, line) = self.parse_front_matter(&text, &path)?;
        let rel = {
            let joined = if dir.is_empty() {
                name.to_string()
            } else {
                format!("{}/{name}", dir.trim_end_matches('/'))
            };
            joined.trim_start_matches('/').to_string()
        };
        let defaults = self.defaults.all(&rel, "pages");
        let page = Page::new(
            Some(path),
            dir,
            name,
            data,
            defaults,
            content,
            line,
            &self.converters,
            &self.permalink_style,
        )?;
        let published = page.published();
        if published || self.flags.unpublished {
            self.pages.push(page);
        }
        Ok(())
    }

    fn outside_configured_directory(&self, dir: &str) -> bool {
        let cd = self.config.str_of("collections_dir").unwrap_or_default();
        !cd.is_empty() && !dir.starts_with(&format!("/{cd}"))
    }

    fn retrieve_posts(&mut self, dir: &str) -> Result<()> {
        if self.outside_configured_directory(dir) || !self.collections.contains_key("posts") {
            return Ok(());
        }
        let mut docs = self.read_publishable(dir, "_posts", false)?;
        if self.flags.show_drafts {
            docs.extend(self.read_publishable(dir, "_drafts", true)?);
        }
        self.collections["posts"].docs.extend(docs);
        Ok(())
    }

    /// `Reader#get_entries(dir, subfolder)`: files below it, filtered.
    fn get_entries(&self, dir: &str, subfolder: &str) -> Vec<String> {
        let base = super::in_dest_dir(&self.source, dir).join(subfolder);
        if !base.exists() {
            return Vec::new();
        }
        let mut entries = Vec::new();
        walk_files(&base, "", &mut entries, false);
        entries.sort();
        let filter = self.entry_filter();
        let rel_base = format!("{}/{subfolder}", dir.trim_start_matches('/'));
        let rel_base = rel_base.trim_start_matches('/');
        filter.filter(rel_base, entries)
    }

    fn read_publishable(&mut self, dir: &str, magic: &str, drafts: bool) -> Result<Vec<Document>> {
        use rayon::prelude::*;
        let matcher = if drafts {
            &*DATELESS_FILENAME
        } else {
            &*DATE_FILENAME
        };
        let entries = self.get_entries(dir, magic);
        let coll_base = self.collections_path();
        let base = super::in_dest_dir(&self.source, dir).join(magic);
        let paths: Vec<(PathBuf, String)> = entries
            .into_iter()
            .filter(|entry| matcher.is_match(entry))
            .map(|entry| {
                let path = base.join(&entry);
                let relative = path
                    .strip_prefix(&coll_base)
                    .map(|p| p.to_string_lossy().into_owned())
                    .unwrap_or(entry);
                (path, relative)
            })
            .collect();
        // Reading and parsing front matter is independent per file; the results are then
        // taken in directory order, so warnings and the first error are Jekyll's.
        let loaded: Vec<_> = paths
            .into_par_iter()
            .map(|(path, relative)| self.load_document(path, relative, "posts"))
            .collect();
        let mut out = Vec::new();
        for result in loaded {
            let Some(doc) = self.take_loaded(result)? else {
                continue;
            };
            if self.publishable(&doc, true) {
                out.push(doc);
            }
        }
        Ok(out)
    }

    /// Reads one document; a read error is a warning unless `strict_front_matter`
    /// (Jekyll's `Document#handle_read_error`), except invalid dates, which are fatal.
    /// Only reads the site, so documents load in parallel; the warning is returned for
    /// [`Site::take_loaded`] to record in order.
    fn load_document(&self, path: PathBuf, relative: String, label: &str) -> LoadedDocument {
        let text = frontmatter::read_text(&path).map_err(|mut e| {
            // Jekyll warns "Error reading file" and then fails converting the file; an
            // unreadable or non-UTF-8 source is an error here, with its line.
            e.jekyll_log = Some((
                "Error reading file".into(),
                format!("{}: {}", path.display(), e.message),
            ));
            e
        })?;
        let result = Document::read(
            path.clone(),
            relative.clone(),
            label,
            &self.doc_context(label),
            &text,
        );
        match result {
            Ok(d) => Ok((Some(d), None)),
            Err(e) if e.message.starts_with("Invalid date") => Err(e.in_file(path)),
            Err(e) if e.line.is_some() && !self.flags.strict_front_matter => {
                let warning = format!("Error: YAML Exception reading {}: {}", path.display(), e);
                // Jekyll keeps the document with whatever data it had (defaults, path data).
                let empty = strip_front_matter(&text);
                let doc = Document::read(path, relative, label, &self.doc_context(label), &empty)?;
                Ok((Some(doc), Some(warning)))
            }
            Err(e) => Err(e),
        }
    }

    /// Records a loaded document's warning and hands over the document.
    fn take_loaded(&mut self, loaded: LoadedDocument) -> Result<Option<Document>> {
        let (doc, warning) = loaded?;
        if let Some(w) = warning {
            self.warn(w);
        }
        Ok(doc)
    }

    /// `StaticFile#data` (defaults for its relative path) and `#write?` (whose `published`
    /// default is looked up by URL).
    fn static_defaults(&self, sf: &mut StaticFile, type_: &str) {
        sf.data = self
            .defaults
            .all(sf.relative_path.trim_start_matches('/'), type_);
        let by_url = self.defaults.all(&sf.url, type_);
        sf.write = !matches!(by_url.get("published"), Some(Value::Bool(false)));
    }

    /// `Publisher#publish?`.
    pub(crate) fn publishable(&mut self, doc: &Document, warn_future: bool) -> bool {
        let can = doc.published() || self.flags.unpublished;
        let future = !self.flags.future && doc.date.timestamp() > self.time.timestamp();
        if can && future && warn_future {
            self.warn(format!("Skipping: {} has a future date", doc.relative_path));
        }
        can && !future
    }

    fn read_included_files(&mut self) -> Result<()> {
        let filter = self.entry_filter();
        for entry in self.config.list_of("include") {
            let path = super::in_dest_dir(&self.source, &entry);
            if !path.is_file() || filter.unsafe_symlink(&path) {
                continue;
            }
            let rel = path
                .strip_prefix(&self.source)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            let (dir, name) = match rel.rsplit_once('/') {
                Some((d, n)) => (format!("/{d}"), n.to_string()),
                None => (String::new(), rel.clone()),
            };
            if has_yaml_header(&path) {
                if self.pages.iter().any(|p| p.relative_path() == rel) {
                    continue;
                }
                self.read_page(&dir, &name)?;
            } else {
                if self
                    .static_files
                    .iter()
                    .any(|s| s.relative_path.trim_start_matches('/') == rel)
                {
                    continue;
                }
                let mut sf = StaticFile::new(path, &dir, &name, None);
                self.static_defaults(&mut sf, "");
                self.static_files.push(sf);
            }
        }
        Ok(())
    }

    /// `CollectionReader`: every collection but posts.
    fn read_collections(&mut self) -> Result<()> {
        let labels: Vec<String> = self
            .collections
            .keys()
            .filter(|l| *l != "posts")
            .cloned()
            .collect();
        let filter = self.entry_filter();
        for label in labels {
            let (directory, rel_dir) = {
                let c = &self.collections[&label];
                (c.directory.clone(), c.relative_directory.clone())
            };
            if !directory.is_dir() || filter.unsafe_symlink(&directory) {
                continue;
            }
            let mut entries = Vec::new();
            walk_files(&directory, "", &mut entries, false);
            entries.sort();
            let entries = filter.filter(&rel_dir, entries);
            let coll_base = self.collections_path();
            let template = self.url_template_for(&label);
            let write = self.collections[&label].write();
            // Documents (files with front matter) are read in parallel, then everything is
            // taken in directory order.
            let read: Vec<(String, PathBuf, Option<LoadedDocument>)> = {
                use rayon::prelude::*;
                let site = &*self;
                entries
                    .into_par_iter()
                    .filter_map(|entry| {
                        let full = directory.join(&entry);
                        if filter.unsafe_symlink(&full) {
                            return None;
                        }
                        let doc = has_yaml_header(&full).then(|| {
                            let relative = full
                                .strip_prefix(&coll_base)
                                .unwrap_or(&full)
                                .to_string_lossy()
                                .into_owned();
                            site.load_document(full.clone(), relative, &label)
                        });
                        Some((entry, full, doc))
                    })
                    .collect()
            };
            let mut docs = Vec::new();
            let mut files = Vec::new();
            for (entry, full, loaded) in read {
                if let Some(loaded) = loaded {
                    let Some(mut doc) = self.take_loaded(loaded)? else {
                        continue;
                    };
                    if self.flags.unpublished || doc.published() {
                        doc.write = write && self.publishable(&doc, false);
                        docs.push(doc);
                    }
                } else {
                    let (sub, name) = match entry.rsplit_once('/') {
                        Some((d, n)) => (format!("{rel_dir}/{d}"), n.to_string()),
                        None => (rel_dir.clone(), entry.clone()),
                    };
                    let mut sf =
                        StaticFile::new(full, &sub, &name, Some((&label, &rel_dir, &template)));
                    // Defaults by relative path for `data`, by URL for `published`.
                    self.static_defaults(&mut sf, &label);
                    sf.write = sf.write && write;
                    files.push(sf);
                }
            }
            self.static_files.extend(files.iter().cloned());
            let coll = &mut self.collections[&label];
            coll.docs = docs;
            coll.files = files;
            sort_collection(coll, &mut self.warnings);
        }
        Ok(())
    }

    fn read_data(&mut self) -> Result<()> {
        let dir = self.source.join(
            self.config
                .str_of("data_dir")
                .unwrap_or_else(|| "_data".into()),
        );
        if dir.is_dir() {
            self.data = crate::data::read_data_dir(&dir, &Value::hash(self.config.clone()))?;
        }
        if let Some(theme_dir) = self.theme.as_ref().and_then(|t| t.data_path()) {
            let theme_data =
                crate::data::read_data_dir(&theme_dir, &Value::hash(self.config.clone()))?;
            if let Value::Hash(mut merged) = theme_data {
                if let Value::Hash(site) = &self.data {
                    crate::config::jekyll_merge(std::sync::Arc::make_mut(&mut merged), site);
                }
                self.data = Value::Hash(merged);
            }
        }
        // `Site#site_data`: a `data:` value in the configuration replaces the data files.
        if let Some(config_data) = self.config.get("data").filter(|v| !v.is_nil()) {
            self.data = config_data.clone();
        }
        Ok(())
    }

    /// `ThemeAssetsReader`: the theme's `assets/`, unless the site has the same file.
    fn read_theme_assets(&mut self) -> Result<()> {
        let Some(theme) = self.theme.clone() else {
            return Ok(());
        };
        let Some(assets) = theme.assets_path() else {
            return Ok(());
        };
        let mut files = Vec::new();
        walk_files(&assets, "", &mut files, false);
        for rel in files {
            let path = assets.join(&rel);
            if std::fs::symlink_metadata(&path)
                .map(|m| m.file_type().is_symlink())
                .unwrap_or(false)
            {
                self.warn(format!(
                    "Theme reader: Ignored symlinked asset: {}",
                    path.display()
                ));
                continue;
            }
            let under_root = path
                .strip_prefix(&theme.root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            let (dir, name) = match under_root.rsplit_once('/') {
                Some((d, n)) => (d.to_string(), n.to_string()),
                None => (".".to_string(), under_root.clone()),
            };
            if has_yaml_header(&path) {
                let text = frontmatter::read_text(&path)?;
                let (data, content, line) = self.parse_front_matter(&text, &path)?;
                let rel = format!("{dir}/{name}");
                let defaults = self.defaults.all(rel.trim_start_matches('/'), "pages");
                let page = Page::new(
                    Some(path),
                    &dir,
                    &name,
                    data,
                    defaults,
                    content,
                    line,
                    &self.converters,
                    &self.permalink_style,
                )?;
                if !self
                    .pages
                    .iter()
                    .any(|p| p.relative_path() == page.relative_path())
                {
                    self.pages.push(page);
                }
            } else {
                let mut sf = StaticFile::new(path, &format!("/{dir}"), &name, None);
                if self
                    .static_files
                    .iter()
                    .any(|s| s.relative_path == sf.relative_path)
                {
                    continue;
                }
                self.static_defaults(&mut sf, "");
                self.static_files.push(sf);
            }
        }
        Ok(())
    }

    fn sort_posts(&mut self) {
        if let Some(posts) = self.collections.get_mut("posts") {
            posts.docs.sort_by(|a, b| a.cmp_jekyll(b));
            for d in posts.docs.iter_mut() {
                d.write = true;
            }
        }
    }

    /// `Site#limit_posts!`: keep the most recent N posts.
    fn limit_posts(&mut self) {
        let n = self.flags.limit_posts as usize;
        if n == 0 {
            return;
        }
        if let Some(posts) = self.collections.get_mut("posts") {
            let len = posts.docs.len();
            if len > n {
                posts.docs.drain(..len - n);
            }
        }
    }
}

/// `Collection#sort_docs!`: `order` list, `sort_by` key, or date/path.
fn sort_collection(coll: &mut Collection, warnings: &mut Vec<String>) {
    if let Some(Value::Array(order)) = coll.metadata.get("order") {
        let mut docs = std::mem::take(&mut coll.docs);
        docs.sort_by(|a, b| a.cmp_jekyll(b));
        let mut ordered = Vec::new();
        for entry in order.iter() {
            let want = format!("{}/{}", coll.relative_directory, crate::value::to_s(entry));
            if let Some(i) = docs.iter().position(|d| d.relative_path == want) {
                ordered.push(docs.remove(i));
            }
        }
        ordered.extend(docs);
        coll.docs = ordered;
    } else if let Some(Value::Str(key)) = coll.metadata.get("sort_by") {
        let key = key.to_string();
        let mut docs = std::mem::take(&mut coll.docs);
        docs.sort_by(|a, b| {
            let (av, bv) = (a.data.get(&key), b.data.get(&key));
            let ord = match (av.filter(|v| !v.is_nil()), bv.filter(|v| !v.is_nil())) {
                (None, Some(_)) => Some(std::cmp::Ordering::Greater),
                (Some(_), None) => Some(std::cmp::Ordering::Less),
                (Some(x), Some(y)) => crate::value::compare(x, y),
                (None, None) => None,
            };
            match ord {
                Some(o) if o != std::cmp::Ordering::Equal => o,
                _ => a.cmp_jekyll(b),
            }
        });
        for d in &docs {
            if d.data.get(&key).filter(|v| !v.is_nil()).is_none() {
                warnings.push(format!(
                    "Sort warning: '{key}' not defined in {}",
                    d.relative_path
                ));
            }
        }
        coll.docs = docs;
    } else {
        coll.docs.sort_by(|a, b| a.cmp_jekyll(b));
    }
}

/// Files below `dir` as relative paths (`a/b.md`). Jekyll's globs (`**/*` with DOTMATCH
/// for collections) descend into every directory; `skip_dot_dirs` mimics `Dir["**/*.*"]`.
pub(crate) fn walk_files(dir: &Path, prefix: &str, out: &mut Vec<String>, skip_dot_dirs: bool) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let path = e.path();
        if path.is_dir() {
            if skip_dot_dirs && name.starts_with('.') {
                continue;
            }
            walk_files(&path, &rel, out, skip_dot_dirs);
        } else {
            out.push(rel);
        }
    }
}

/// The text with its front matter removed, for documents whose YAML failed to parse.
fn strip_front_matter(text: &str) -> String {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if !first.starts_with("---") {
        return text.to_string();
    }
    let mut rest = String::new();
    let mut closed = false;
    for l in lines {
        if closed {
            rest.push_str(l);
        } else if l.trim_end() == "---" || l.trim_end() == "..." {
            closed = true;
        }
    }
    if closed {
        rest
    } else {
        text.to_string()
    }
}
