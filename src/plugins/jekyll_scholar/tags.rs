//! The Liquid tags and the details generator.

use super::bibtex::{Bibliography, Entry, Field, ParseOptions};
use super::config::{split_list, Config};
use super::latex::Filter;
use crate::liquid::jekyll::Services;
use crate::liquid::{Body, Context, Engine, LResult, Tag};
use crate::site::liquid_setup::{site_of, CurrentPage, SiteRegister, SiteServices};
use crate::site::Site;
use crate::value::{Hash, Value};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

type LError = crate::liquid::LiquidError;

fn lerr(msg: impl Into<String>) -> LError {
    crate::liquid::LiquidError::new(crate::liquid::ErrorKind::Internal, msg)
}

/// What a tag's options set (`Utilities#optparse`).
#[derive(Default, Clone, Debug)]
pub struct Options {
    pub keys: Vec<String>,
    pub cited: bool,
    pub cited_in_order: bool,
    pub clear: bool,
    pub files: Vec<String>,
    pub query: Option<String>,
    pub list_tag: Option<String>,
    pub prefix: Option<String>,
    pub text: Option<String>,
    pub locators: Vec<String>,
    pub labels: Vec<String>,
    pub offset: i64,
    pub max: Option<i64>,
    pub style: Option<String>,
    pub group_by: Option<String>,
    pub group_order: Option<String>,
    pub template: Option<String>,
    pub suppress_author: bool,
    pub remove_duplicates: bool,
    /// `-r FIELDS`: the fields duplicates are matched on (split at a comma followed by
    /// whitespace, as jekyll-scholar splits them).
    pub match_fields: Vec<String>,
}

/// `split_arguments`: leading words up to the first `-option` are keys.
fn split_arguments(markup: &str) -> (Vec<String>, String) {
    let tokens: Vec<&str> = markup.split_whitespace().collect();
    let n = tokens.iter().take_while(|t| !t.starts_with('-')).count();
    (
        tokens[..n].iter().map(|s| s.to_string()).collect(),
        tokens[n..].join(" "),
    )
}

const SHORT: &str = "cCfhqptTsgGOlLomAr";
const LONG: &[&str] = &[
    "cited_in_order",
    "cited",
    "clear",
    "bibliography_list_tag",
    "file",
    "query",
    "prefix",
    "text",
    "style",
    "group_by",
    "group_order",
    "type_order",
    "template",
    "locator",
    "label",
    "offset",
    "max",
    "suppress_author",
    "remove_duplicates",
];

/// The markup split at option flags as jekyll-scholar's regex splits it: a flag starts
/// where `-` follows a non-word character (so `2020-21` stays whole).
fn split_flags(s: &str) -> Vec<String> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    while i < b.len() {
        let boundary_ok = i == 0 || !word(b[i - 1]);
        if b[i] == b'-' && boundary_ok {
            if b.get(i + 1) == Some(&b'-') {
                let rest = &s[i + 2..];
                let name = LONG
                    .iter()
                    .find(|n| rest.starts_with(**n))
                    .copied()
                    .unwrap_or("");
                parts.push(s[start..i].to_string());
                parts.push(format!("--{name}"));
                i += 2 + name.len();
                start = i;
                continue;
            }
            if let Some(&c) = b.get(i + 1) {
                if SHORT.as_bytes().contains(&c) {
                    parts.push(s[start..i].to_string());
                    parts.push(s[i..i + 2].to_string());
                    i += 2;
                    start = i;
                    continue;
                }
            }
        }
        i += 1;
    }
    parts.push(s[start..].to_string());
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

static MATCH_FIELDS_SEPARATOR: once_cell::sync::Lazy<regex::Regex> =
    once_cell::sync::Lazy::new(|| regex::Regex::new(r",\s+").expect("separator"));

fn parse_options(markup: &str, with_keys: bool) -> LResult<Options> {
    let mut o = Options::default();
    let rest = if with_keys {
        let (keys, rest) = split_arguments(markup);
        o.keys = keys;
        rest
    } else {
        markup.to_string()
    };
    let argv = split_flags(&rest);
    let mut it = argv.into_iter().peekable();
    while let Some(flag) = it.next() {
        let mut arg = |name: &str| -> LResult<String> {
            it.next()
                .ok_or_else(|| lerr(format!("missing argument: {name}")))
        };
        match flag.as_str() {
            "-c" | "--cited" => o.cited = true,
            "-C" | "--cited_in_order" => {
                o.cited = true;
                o.cited_in_order = true;
            }
            "--clear" => o.clear = true,
            "-r" | "--remove_duplicates" => {
                o.remove_duplicates = true;
                // OptionParser's optional argument: the next word unless it is an option.
                if let Some(fields) = it.next_if(|next| !next.starts_with('-')) {
                    o.match_fields = MATCH_FIELDS_SEPARATOR
                        .split(&fields)
                        .map(str::to_string)
                        .collect();
                }
            }
            "-A" | "--suppress_author" => o.suppress_author = true,
            "-f" | "--file" => o.files.push(arg(&flag)?),
            "-q" | "--query" => o.query = Some(arg(&flag)?),
            "-h" | "--bibliography_list_tag" => o.list_tag = Some(arg(&flag)?),
            "-p" | "--prefix" => o.prefix = Some(arg(&flag)?),
            "-t" | "--text" => o.text = Some(arg(&flag)?),
            "-l" | "--locator" => o.locators.push(arg(&flag)?),
            "-L" | "--label" => o.labels.push(arg(&flag)?),
            "-o" | "--offset" => o.offset = super::bibtex::ruby_to_i(&arg(&flag)?),
            "-m" | "--max" => o.max = Some(super::bibtex::ruby_to_i(&arg(&flag)?)),
            "-s" | "--style" => o.style = Some(arg(&flag)?),
            "-g" | "--group_by" | "-O" | "--type_order" => o.group_by = Some(arg(&flag)?),
            "-G" | "--group_order" => o.group_order = Some(arg(&flag)?),
            "-T" | "--template" => o.template = Some(arg(&flag)?),
            other => return Err(lerr(format!("invalid option: {other}"))),
        }
    }
    Ok(o)
}

/// `interpolate`: `{{ var }}` in option values read from the context.
fn interpolate(ctx: &mut Context, s: &str) -> String {
    let re = regex::Regex::new(r"\{\{\s*([\w.]+)\s*\}\}").expect("interpolate");
    let mut out = String::new();
    let mut last = 0;
    for c in re.captures_iter(s) {
        let m = c.get(0).map(|m| m.range()).unwrap_or(0..0);
        out.push_str(&s[last..m.start]);
        let v = ctx.get(&c[1]);
        if v.is_truthy() {
            out.push_str(&crate::value::to_s(&v));
        } else {
            out.push_str(&s[m.clone()]);
        }
        last = m.end;
    }
    out.push_str(&s[last..]);
    out
}

/// Everything one tag render needs: the merged config, the options, the site.
pub struct Scope {
    /// The site, when rendering (the generator has none: it only builds page data).
    pub site: Option<Arc<Site>>,
    pub info: SiteInfo,
    pub config: Config,
    pub opts: Options,
    pub bib: Arc<Bibliography>,
    pub filters: Vec<Filter>,
}

/// Keys cited on the page so far (`page['cited']`), kept in the render's registers.
#[derive(Default)]
struct Cited(Vec<String>);

fn page_scholar(ctx: &Context) -> Option<Value> {
    ctx.registers
        .get::<CurrentPage>()
        .and_then(|p| p.0.get("scholar"))
}

fn bib_paths(site: &Site, config: &Config, files: &[String]) -> Vec<PathBuf> {
    let source = config.str("source");
    let src_dir = if source.starts_with('/') && std::path::Path::new(&source).exists() {
        PathBuf::from(&source)
    } else {
        // `File.join`, not a path join: a leading `/` does not make it absolute.
        site.source.join(source.trim_start_matches('/'))
    };
    let bibliography = config.str("bibliography");
    let mut names: Vec<String> = files.to_vec();
    if names.is_empty() {
        if bibliography.contains('*') {
            let pattern = src_dir.join(&bibliography).display().to_string();
            if let Ok(g) = globset::Glob::new(&pattern) {
                let m = g.compile_matcher();
                let mut found: Vec<String> = walkdir::WalkDir::new(&src_dir)
                    .into_iter()
                    .filter_map(|e| e.ok())
                    .filter(|e| m.is_match(e.path()))
                    .filter_map(|e| {
                        e.path()
                            .strip_prefix(&src_dir)
                            .ok()
                            .map(|p| p.display().to_string())
                    })
                    .collect();
                found.sort();
                names = found;
            }
        } else {
            names.push(bibliography.clone());
        }
    }
    names
        .into_iter()
        .map(|n| {
            let n = if n.is_empty() {
                bibliography.clone()
            } else {
                n
            };
            if n.starts_with('/') && std::path::Path::new(&n).exists() {
                return PathBuf::from(n);
            }
            let p = src_dir.join(n.trim_start_matches('/'));
            if p.extension().is_none() && !p.exists() {
                PathBuf::from(format!("{}.bib", p.display()))
            } else {
                p
            }
        })
        .collect()
}

fn filters_of(config: &Config) -> Vec<Filter> {
    named_filters(&config.strings("bibtex_filters"))
}

fn named_filters(names: &[String]) -> Vec<Filter> {
    let mut out = Vec::new();
    for name in names {
        match Filter::from_name(name) {
            Some(f) => out.push(f),
            None => warn_once(&format!(
                "bibtex filter '{name}' is not implemented by hyde; it is not applied"
            )),
        }
    }
    out
}

/// Warnings already printed this build.
static SEEN: once_cell::sync::Lazy<std::sync::Mutex<std::collections::HashSet<String>>> =
    once_cell::sync::Lazy::new(Default::default);

/// Prints a warning once per build.
fn warn_once(msg: &str) {
    if SEEN
        .lock()
        .map(|mut s| s.insert(msg.to_string()))
        .unwrap_or(false)
    {
        crate::cli::log::warn("Jekyll-scholar:", msg);
    }
}

fn parse_opts(config: &Config) -> ParseOptions {
    ParseOptions {
        replace_strings: config.truthy("replace_strings"),
        join_strings: config.truthy("join_strings"),
        parse_months: true,
    }
}

impl Scope {
    fn new(ctx: &mut Context, opts: &Options) -> LResult<Scope> {
        let (site, config, opts) = Scope::settings(ctx, opts)?;
        let paths = bib_paths(&site, &config, &opts.files);
        let mut bib = super::load(&paths, parse_opts(&config)).map_err(lerr)?;
        if opts.remove_duplicates || config.truthy("remove_duplicates") {
            bib = super::without_duplicates(&bib, &opts.match_fields);
        }
        Ok(Scope::with_bibliography(site, config, opts, bib))
    }

    /// The site, its `scholar:` configuration merged with the page's, and the tag's options
    /// with `{{ var }}` filled in.
    fn settings(ctx: &mut Context, opts: &Options) -> LResult<(Arc<Site>, Config, Options)> {
        let site = site_of(ctx)
            .cloned()
            .ok_or_else(|| lerr("jekyll-scholar: no site"))?;
        let config = Config::new(site.config.get("scholar"), page_scholar(ctx).as_ref());
        let mut opts = opts.clone();
        opts.files = opts.files.iter().map(|f| interpolate(ctx, f)).collect();
        opts.query = opts.query.as_ref().map(|q| interpolate(ctx, q));
        opts.group_by = opts.group_by.as_ref().map(|q| interpolate(ctx, q));
        opts.style = opts.style.as_ref().map(|q| interpolate(ctx, q));
        Ok((site, config, opts))
    }

    /// A scope over `bib` instead of the site's bibliography files.
    fn with_bibliography(
        site: Arc<Site>,
        config: Config,
        opts: Options,
        bib: Arc<Bibliography>,
    ) -> Scope {
        let filters = filters_of(&config);
        let locale = config.str("locale");
        if locale != "en" && !locale.starts_with("en-") {
            warn_once(&format!(
                "locale '{locale}' is not implemented by hyde (references use English terms)"
            ));
        }
        if config.truthy("allow_locale_overrides") {
            warn_once("allow_locale_overrides is not implemented by hyde");
        }
        let info = SiteInfo::of(&site, &config);
        Scope {
            site: Some(site),
            info,
            config,
            opts,
            bib,
            filters,
        }
    }

    /// The scope of a `{% bibtex %}` block: the site's configuration and the tag's options,
    /// over the BibTeX text the block renders to.
    fn for_bibtex_block(ctx: &mut Context, opts: &Options, text: &str) -> LResult<Scope> {
        let (site, config, opts) = Scope::settings(ctx, opts)?;
        let bib = super::bibtex::parse_files(
            &[("(bibtex tag)".to_string(), text.to_string())],
            parse_opts(&config),
        );
        super::print_warnings(&bib);
        Ok(Scope::with_bibliography(site, config, opts, Arc::new(bib)))
    }

    fn query(&self) -> String {
        self.opts
            .query
            .clone()
            .unwrap_or_else(|| self.config.str("query"))
    }

    fn skip_sort(&self) -> bool {
        self.opts.cited_in_order || self.config.str("sort_by") == "none"
    }

    /// `entries`: the query's entries, sorted. The result is shared by every tag of the
    /// build that asks the same question of the same bibliography.
    fn entries(&self) -> Vec<&Entry> {
        let q = self.query();
        let sort_key = if self.skip_sort() {
            String::new()
        } else {
            format!(
                "{:?}|{:?}",
                self.config.list("sort_by"),
                self.config.list("order")
            )
        };
        let cache_key = (self.bib.id, q.clone(), sort_key);
        if let Some(hit) = QUERY_CACHE
            .lock()
            .ok()
            .and_then(|c| c.get(&cache_key).cloned())
        {
            return hit.iter().map(|&i| &self.bib.entries[i]).collect();
        }
        let selected: Vec<usize> = (0..self.bib.entries.len())
            .filter(|&i| super::query::matches(&self.bib, &self.bib.entries[i], &q))
            .collect();
        let sorted = self.sort_indices(selected);
        if let Ok(mut c) = QUERY_CACHE.lock() {
            c.insert(cache_key, Arc::new(sorted.clone()));
        }
        sorted.iter().map(|&i| &self.bib.entries[i]).collect()
    }

    /// `sort`: by each `sort_by` key in turn, each ascending or descending (`order`);
    /// stable, as Ruby's sort is on glibc.
    fn sort_indices(&self, items: Vec<usize>) -> Vec<usize> {
        if self.skip_sort() {
            return items;
        }
        let keys: Vec<String> = self
            .config
            .list("sort_by")
            .into_iter()
            .map(|k| {
                if k == "month" {
                    "month_numeric".into()
                } else {
                    k
                }
            })
            .collect();
        let orders = self.config.list("order");
        let desc: Vec<bool> = (0..keys.len())
            .map(|i| {
                orders
                    .get(i)
                    .or(orders.last())
                    .is_some_and(|o| is_descending(o))
            })
            .collect();
        let mut decorated: Vec<(Vec<SortValue>, usize)> = items
            .into_iter()
            .map(|i| {
                let e = &self.bib.entries[i];
                (keys.iter().map(|k| self.sort_value(e, k)).collect(), i)
            })
            .collect();
        decorated.sort_by(|(a, _), (b, _)| {
            for (i, (va, vb)) in a.iter().zip(b).enumerate() {
                let c = if desc[i] { vb.cmp(va) } else { va.cmp(vb) };
                if c != std::cmp::Ordering::Equal {
                    return c;
                }
            }
            std::cmp::Ordering::Equal
        });
        decorated.into_iter().map(|(_, i)| i).collect()
    }

    fn sort_value(&self, e: &Entry, key: &str) -> SortValue {
        if key == "name" {
            let v = [
                "author",
                "editor",
                "institution",
                "organization",
                "publisher",
            ]
            .iter()
            .find_map(|f| e.fields.get(*f))
            .map(|f| f.to_s())
            .unwrap_or_default();
            let trimmed = v
                .trim_start_matches(|c: char| c == '{' || c.is_whitespace())
                .trim_end_matches(|c: char| c == '}' || c.is_whitespace());
            return SortValue::Text(trimmed.to_lowercase());
        }
        match self.bib.field(e, key) {
            None => SortValue::Text(String::new()),
            Some(Field::Names(ns)) => SortValue::Names(ns.iter().map(|n| n.sort_order()).collect()),
            Some(f) if f.numeric() => SortValue::Num(f.to_i(), f.to_s()),
            Some(f) => SortValue::Text(f.to_s()),
        }
    }

    fn cited_keys<'c>(&self, ctx: &'c mut Context) -> &'c mut Vec<String> {
        if ctx.registers.get::<Cited>().is_none() {
            ctx.registers.insert(Cited::default());
        }
        &mut ctx.registers.get_mut::<Cited>().expect("cited register").0
    }

    /// `cited_entries`.
    fn cited_entries(&self, ctx: &mut Context) -> Vec<&Entry> {
        let items = self.entries();
        if !self.opts.cited {
            return items;
        }
        let cited = self.cited_keys(ctx).clone();
        let out = if self.skip_sort() {
            let mut seen = Vec::new();
            cited
                .iter()
                .filter(|k| {
                    let new = !seen.contains(k);
                    seen.push(*k);
                    new
                })
                .filter_map(|k| items.iter().find(|e| &e.key == k).copied())
                .collect()
        } else {
            items
                .into_iter()
                .filter(|e| cited.contains(&e.key))
                .collect()
        };
        if self.opts.clear {
            self.cited_keys(ctx).clear();
        }
        out
    }

    pub fn details_link_for(&self, e: &Entry) -> String {
        file_join(
            &self.info.base_url,
            &details_path_for(&self.info.permalink, &self.config, e),
        )
    }

    /// `reference_tag`: the CSL reference in its `<span id=...>`.
    fn reference_tag(&self, e: &Entry) -> String {
        let converted = convert_entry(e, &self.filters);
        let style = self
            .opts
            .style
            .clone()
            .unwrap_or_else(|| self.config.str("style"));
        let text = match super::csl::bibliography(&self.bib, &converted, &style) {
            Ok(t) => t,
            Err(msg) => {
                warn_once(&msg);
                String::new()
            }
        };
        let id: Vec<&str> = self
            .opts
            .prefix
            .as_deref()
            .into_iter()
            .chain(std::iter::once(e.key.as_str()))
            .collect();
        content_tag(
            &self.config.str("reference_tagname"),
            &text,
            &[("id".into(), id.join("-"))],
        )
    }

    fn reference_data(&self, e: &Entry) -> Hash {
        let q = self.config.strings("bibtex_quotes");
        let open = q.first().cloned().unwrap_or_default();
        let close = q.last().cloned().unwrap_or_default();
        let skip = self.config.strings("bibtex_skip_fields");
        let raw_filters = named_filters(&self.config.strings("raw_bibtex_filters"));
        // The entry hash and the reference depend only on the entry and these settings:
        // computed once per build, whatever the number of pages listing the entry.
        let key = (
            self.bib.id,
            e.key.clone(),
            format!(
                "{:?}|{raw_filters:?}|{skip:?}|{open}|{close}|{:?}|{:?}|{}|{}",
                self.filters,
                self.opts.style,
                self.opts.prefix,
                self.config.str("style"),
                self.config.str("reference_tagname")
            ),
        );
        let cached = ENTRY_CACHE.lock().ok().and_then(|c| c.get(&key).cloned());
        let (entry, reference) = match cached {
            Some(hit) => hit,
            None => {
                let made = (
                    super::liquidify::entry_hash(
                        e,
                        &self.filters,
                        &raw_filters,
                        &skip,
                        (&open, &close),
                    ),
                    Value::str(self.reference_tag(e)),
                );
                if let Ok(mut c) = ENTRY_CACHE.lock() {
                    c.insert(key, made.clone());
                }
                made
            }
        };
        let mut h = Hash::new();
        h.insert("entry".into(), entry);
        h.insert("reference".into(), reference);
        h.insert("key".into(), Value::str(e.key.clone()));
        h.insert("type".into(), Value::str(e.kind.clone()));
        let (link, links) = self.repository_links(e);
        h.insert("link".into(), link);
        h.insert("links".into(), links);
        h
    }

    /// `repository_link_for` and `repository_links_for`: the entry's files in the
    /// `repository` folder (named after the key, `:` and spaces as `_`), the PDF (else
    /// PostScript) one as `link`, all of them by extension as `links`.
    fn repository_links(&self, e: &Entry) -> (Value, Value) {
        let Some(site) = &self.site else {
            return (Value::Nil, Value::empty_hash());
        };
        let repo = repository(site, &self.config);
        let name = REPOSITORY_NAME.replace_all(&e.key, "_");
        let Some(files) = repo.get(name.as_ref()) else {
            return (Value::Nil, Value::empty_hash());
        };
        let url = |f: &String| Value::str(file_join(&self.info.base_url, f));
        let link = files
            .iter()
            .find(|(ext, _)| ext == "pdf")
            .or_else(|| files.iter().find(|(ext, _)| ext == "ps"))
            .map(|(_, f)| url(f))
            .unwrap_or(Value::Nil);
        let mut links = Hash::new();
        for (ext, f) in files {
            links.insert(ext.clone(), url(f));
        }
        (link, Value::hash(links))
    }

    /// `bibliography_tag`: one entry through the bibliography template.
    fn render_entry(&self, ctx: &mut Context, e: &Entry, index: usize) -> LResult<String> {
        let tmpl = self
            .opts
            .template
            .clone()
            .unwrap_or_else(|| self.config.str("bibliography_template"));
        let (source, path) = if tmpl.is_empty() {
            ("{{reference}}".to_string(), "scholar-template".to_string())
        } else if let Some(l) = self.site.as_ref().and_then(|s| s.layouts.get(&tmpl)) {
            (l.content.clone(), l.relative_path.clone())
        } else {
            (tmpl.clone(), "scholar-template".to_string())
        };
        let site = self
            .site
            .clone()
            .ok_or_else(|| lerr("jekyll-scholar: no site"))?;
        let engine = engine_of(&site);
        let t = engine
            .parse_cached(&source, &path)
            .map_err(|e| lerr(e.message))?;
        let mut env = self.reference_data(e);
        for k in ["site", "jekyll"] {
            if let Some(v) = ctx.globals().get(k) {
                env.insert(k.into(), v.clone());
            }
        }
        env.insert("index".into(), Value::Int(index as i64));
        let page = ctx
            .registers
            .get::<CurrentPage>()
            .map(|p| p.0.clone())
            .unwrap_or(Value::Nil);
        env.insert("page".into(), page.clone());
        env.insert("details".into(), Value::str(self.details_link_for(e)));
        let mut inner = Context::new(env);
        inner
            .registers
            .insert(Services(Arc::new(SiteServices { site: site.clone() })));
        inner.registers.insert(CurrentPage(page));
        inner.registers.insert(SiteRegister(site));
        t.render_liquid(&mut inner)
    }

    fn render_items(&self, ctx: &mut Context, items: &[&Entry]) -> LResult<String> {
        let mut lis = Vec::new();
        for (i, e) in items.iter().enumerate() {
            let mut reference = self.render_entry(ctx, e, i + 1)?;
            if self.info.details_layout && self.config.truthy("details_link") {
                reference.push_str(&content_tag(
                    "a",
                    &self.config.str("details_link"),
                    &[
                        ("class".into(), self.config.str("details_link_class")),
                        ("href".into(), self.details_link_for(e)),
                    ],
                ));
            }
            lis.push(content_tag(
                &self.config.str("bibliography_item_tag"),
                &reference,
                &self.config.hash("bibliography_item_attributes"),
            ));
        }
        let mut attrs = vec![("class".to_string(), self.config.str("bibliography_class"))];
        for (k, v) in self.config.hash("bibliography_list_attributes") {
            match attrs.iter_mut().find(|(a, _)| *a == k) {
                Some(slot) => slot.1 = v,
                None => attrs.push((k, v)),
            }
        }
        let list_tag = self
            .opts
            .list_tag
            .clone()
            .unwrap_or_else(|| self.config.str("bibliography_list_tag"));
        Ok(content_tag(&list_tag, &lis.join("\n"), &attrs))
    }

    fn group_value(&self, key: &str, e: &Entry) -> GroupValue {
        match key {
            "type" => {
                let aliases = self.config.merged_map("type_aliases");
                GroupValue::Text(
                    aliases
                        .get(&e.kind)
                        .map(crate::value::to_s)
                        .unwrap_or_else(|| e.kind.clone()),
                )
            }
            "year" | "date" => {
                GroupValue::Text(self.bib.field(e, key).map(|f| f.to_s()).unwrap_or_default())
            }
            "name" => GroupValue::Text(
                [
                    "author",
                    "editor",
                    "institution",
                    "organization",
                    "publisher",
                ]
                .iter()
                .find_map(|f| self.bib.field(e, f))
                .map(|f| f.to_s())
                .unwrap_or_default(),
            ),
            _ => match self.bib.field(e, key) {
                Some(f) if f.numeric() => GroupValue::Num(f.to_i()),
                Some(f) => GroupValue::Text(f.to_s()),
                None => GroupValue::Text(String::new()),
            },
        }
    }

    fn group_name(&self, key: &str, v: &GroupValue) -> String {
        match (key, v) {
            ("type", GroupValue::Text(t)) => self
                .config
                .merged_map("type_names")
                .get(t)
                .map(crate::value::to_s)
                .unwrap_or_else(|| t.clone()),
            ("month_numeric", v) => {
                let n = match v {
                    GroupValue::Num(n) => *n,
                    GroupValue::Text(_) => -1,
                };
                let custom = self.config.strings("month_names");
                let name = if custom.is_empty() {
                    MONTH_NAMES
                        .get(n as usize)
                        .filter(|_| n >= 1)
                        .map(|s| s.to_string())
                } else {
                    n.checked_sub(1)
                        .filter(|i| *i >= 0)
                        .and_then(|i| custom.get(i as usize).cloned())
                };
                name.unwrap_or_else(|| "(unknown)".into())
            }
            (_, GroupValue::Num(n)) => n.to_string(),
            (_, GroupValue::Text(t)) => t.clone(),
        }
    }

    fn render_groups(
        &self,
        ctx: &mut Context,
        items: Vec<&Entry>,
        keys: &[String],
        orders: &[String],
        tags: &[String],
        all: (&[String], &[String]),
    ) -> LResult<String> {
        let (all_orders, all_tags) = all;
        let Some(key) = keys.first() else {
            return self.render_items(ctx, &items);
        };
        let mut groups: Vec<(GroupValue, Vec<&Entry>)> = Vec::new();
        for e in items {
            let v = self.group_value(key, e);
            match groups.iter_mut().find(|(g, _)| *g == v) {
                Some((_, list)) => list.push(e),
                None => groups.push((v, vec![e])),
            }
        }
        let desc = orders
            .first()
            .or(all_orders.last())
            .is_some_and(|o| is_descending(o));
        let type_order = self.config.strings("type_order");
        groups.sort_by(|(a, _), (b, _)| {
            let (x, y) = if desc { (b, a) } else { (a, b) };
            if key == "type" {
                let pos = |v: &GroupValue| match v {
                    GroupValue::Text(t) => type_order.iter().position(|o| o == t),
                    GroupValue::Num(_) => None,
                };
                match (pos(x), pos(y)) {
                    (None, None) => std::cmp::Ordering::Equal,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (Some(i), Some(j)) => i.cmp(&j),
                }
            } else {
                x.cmp(y)
            }
        });
        let tag = tags
            .first()
            .or(all_tags.last())
            .cloned()
            .unwrap_or_else(|| "h2".into());
        let mut parts = Vec::new();
        for (v, list) in groups {
            let head = content_tag(
                &tag,
                &self.group_name(key, &v),
                &[("class".into(), self.config.str("bibliography_class"))],
            );
            let body = self.render_groups(
                ctx,
                list,
                &keys[1..],
                orders.get(1..).unwrap_or(&[]),
                tags.get(1..).unwrap_or(&[]),
                (all_orders, all_tags),
            )?;
            parts.push(format!("{head}\n{body}"));
        }
        Ok(parts.join("\n"))
    }

    fn group_by(&self) -> String {
        self.opts
            .group_by
            .clone()
            .unwrap_or_else(|| self.config.str("group_by"))
    }

    fn render_bibliography(&self, ctx: &mut Context) -> LResult<String> {
        let items = self.cited_entries(ctx);
        let group_by = self.group_by();
        if group_by != "none" {
            let keys: Vec<String> = split_list(Some(&Value::str(group_by)))
                .into_iter()
                .map(|k| {
                    if k == "month" {
                        "month_numeric".into()
                    } else {
                        k
                    }
                })
                .collect();
            let orders = match &self.opts.group_order {
                Some(o) => split_list(Some(&Value::str(o.clone()))),
                None => self.config.list("group_order"),
            };
            let tags = self.config.list("bibliography_group_tag");
            return self.render_groups(ctx, items, &keys, &orders, &tags, (&orders, &tags));
        }
        let len = items.len() as i64;
        let start = self.opts.offset;
        let end = match self.opts.max {
            None => -1,
            Some(m) => m + start - 1,
        };
        let end = if end < 0 { len + end } else { end.min(len - 1) };
        let slice: Vec<&Entry> = if start < 0 || start > len || end < start {
            Vec::new()
        } else {
            items[start as usize..=end as usize].to_vec()
        };
        self.render_items(ctx, &slice)
    }

    /// `cite`: the CSL citation in a link to the first key's reference.
    fn cite(&self, ctx: &mut Context, keys: &[String]) -> String {
        let mut entries = Vec::new();
        for k in keys {
            match self.bib.get(k) {
                Some(e) => entries.push(convert_entry(e, &self.filters)),
                None => return self.config.str("missing_reference"),
            }
        }
        for e in &entries {
            let cited = self.cited_keys(ctx);
            if !cited.contains(&e.key) {
                cited.push(e.key.clone());
            }
        }
        if self.config.truthy("separate_links") {
            // Each entry cited alone, without the style's prefix and suffix, in a link of
            // its own; the links joined with the style's delimiter (APA: "(", ")", "; ").
            let items: Vec<String> = entries
                .iter()
                .map(|e| {
                    let text = self.citation_text(&[e]);
                    let text = text.strip_prefix('(').unwrap_or(&text);
                    let text = text.strip_suffix(')').unwrap_or(text);
                    self.cite_link(&e.key, text)
                })
                .collect();
            return format!("({})", items.join("; "));
        }
        let text = self.citation_text(&entries.iter().collect::<Vec<_>>());
        self.cite_link(keys.first().map(String::as_str).unwrap_or(""), &text)
    }

    /// The CSL citation of `entries` with the tag's locators and labels.
    fn citation_text(&self, entries: &[&Entry]) -> String {
        let style = self
            .opts
            .style
            .clone()
            .unwrap_or_else(|| self.config.str("style"));
        match super::csl::citation(
            &self.bib,
            entries,
            &style,
            &self.opts.locators,
            &self.opts.labels,
            self.opts.suppress_author,
        ) {
            Ok(t) => t,
            Err(msg) => {
                warn_once(&msg);
                String::new()
            }
        }
    }

    /// `link_to link_target_for(key)`: `<a class=cite_class href="relative#prefix-key">`.
    fn cite_link(&self, key: &str, text: &str) -> String {
        let relative = self.config.str("relative");
        let id: Vec<&str> = self
            .opts
            .prefix
            .as_deref()
            .into_iter()
            .chain(Some(key))
            .collect();
        content_tag(
            "a",
            text,
            &[
                ("class".into(), self.config.str("cite_class")),
                ("href".into(), format!("{relative}#{}", id.join("-"))),
            ],
        )
    }
}

/// Forgets what the previous build cached: query results, entry data, printed warnings.
pub(super) fn begin_build() {
    fn clear<K, V>(m: &std::sync::Mutex<std::collections::HashMap<K, V>>) {
        m.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
    clear(&ENTRY_CACHE);
    clear(&QUERY_CACHE);
    clear(&REPOSITORIES);
    SEEN.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// The `entry` hash and `reference` of an entry by (bibliography, key, settings).
type EntryKey = (u64, String, String);
static ENTRY_CACHE: once_cell::sync::Lazy<
    std::sync::Mutex<std::collections::HashMap<EntryKey, (Value, Value)>>,
> = once_cell::sync::Lazy::new(Default::default);

/// Sorted query results by (bibliography, query, sort settings).
type QueryKey = (u64, String, String);
static QUERY_CACHE: once_cell::sync::Lazy<
    std::sync::Mutex<std::collections::HashMap<QueryKey, Arc<Vec<usize>>>>,
> = once_cell::sync::Lazy::new(Default::default);

const MONTH_NAMES: [&str; 13] = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_descending(o: &str) -> bool {
    let l = o.to_ascii_lowercase();
    l.starts_with("desc") || l.starts_with("reverse")
}

/// A sort key: `BibTeX::Value#<=>` compares numbers numerically when both sides are
/// numbers, text otherwise; name lists compare name by name.
#[derive(PartialEq, Eq, Debug)]
enum SortValue {
    Num(i64, String),
    Text(String),
    Names(Vec<String>),
}

impl SortValue {
    fn text(&self) -> String {
        match self {
            SortValue::Num(_, s) | SortValue::Text(s) => s.clone(),
            SortValue::Names(n) => n.join(" and "),
        }
    }
}

impl PartialOrd for SortValue {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SortValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (SortValue::Num(a, _), SortValue::Num(b, _)) => a.cmp(b),
            (SortValue::Names(a), SortValue::Names(b)) => a.cmp(b),
            _ => self.text().as_bytes().cmp(other.text().as_bytes()),
        }
    }
}

#[derive(PartialEq, Eq, Debug, Clone)]
enum GroupValue {
    Num(i64),
    Text(String),
}

impl PartialOrd for GroupValue {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for GroupValue {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (GroupValue::Num(a), GroupValue::Num(b)) => a.cmp(b),
            (GroupValue::Text(a), GroupValue::Text(b)) => a.as_bytes().cmp(b.as_bytes()),
            (GroupValue::Num(_), GroupValue::Text(_)) => std::cmp::Ordering::Less,
            (GroupValue::Text(_), GroupValue::Num(_)) => std::cmp::Ordering::Greater,
        }
    }
}

/// `entry.convert(*bibtex_filters)`.
fn convert_entry(e: &Entry, filters: &[Filter]) -> Entry {
    let mut c = e.clone();
    for f in c.fields.values_mut() {
        *f = super::liquidify::convert(f, filters);
    }
    c
}

fn engine_of(site: &Arc<Site>) -> Engine {
    match site.renderer.get() {
        Some(r) => r.liquid.clone(),
        None => crate::site::liquid_setup::engine(site),
    }
}

/// `content_tag`: `<name k="v">content</name>`.
pub fn content_tag(name: &str, content: &str, attrs: &[(String, String)]) -> String {
    let mut open = name.to_string();
    for (k, v) in attrs {
        open.push_str(&format!(" {k}=\"{v}\""));
    }
    format!("<{open}>{content}</{name}>")
}

/// Ruby's `File.join(base, path)`.
static REPOSITORY_NAME: once_cell::sync::Lazy<regex::Regex> =
    once_cell::sync::Lazy::new(|| regex::Regex::new(r"[:\s]+").expect("repository name"));

/// The `repository` folder's files by entry name, then extension (after the first
/// `repository_file_delimiter`), as paths relative to the site source: read once per build.
/// Folders, which jekyll-scholar files under a `nil` extension, are left out.
type Repository = HashMap<String, Vec<(String, String)>>;
static REPOSITORIES: once_cell::sync::Lazy<std::sync::Mutex<HashMap<String, Arc<Repository>>>> =
    once_cell::sync::Lazy::new(Default::default);

fn repository(site: &Site, config: &Config) -> Arc<Repository> {
    let dir = config.str("repository");
    if dir.is_empty() {
        return Arc::default();
    }
    let delimiter = config.str("repository_file_delimiter");
    let key = format!("{}|{dir}|{delimiter}", site.source.display());
    let mut cache = REPOSITORIES.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(key)
        .or_insert_with(|| Arc::new(read_repository(&site.source, &dir, &delimiter)))
        .clone()
}

fn read_repository(source: &std::path::Path, dir: &str, delimiter: &str) -> Repository {
    let root = source.join(dir);
    let mut files = Vec::new();
    // `Dir['**/*']`: sorted, without dot files and dot folders.
    crate::site::reader::walk_files(&root, "", &mut files, true);
    let mut repo = Repository::new();
    for in_repo in files {
        if in_repo
            .rsplit('/')
            .next()
            .is_some_and(|n| n.starts_with('.'))
        {
            continue;
        }
        let Some((name, ext)) = (!delimiter.is_empty())
            .then(|| in_repo.split_once(delimiter))
            .flatten()
        else {
            continue;
        };
        let in_site = std::path::Path::new(dir).join(&in_repo);
        repo.entry(name.to_string())
            .or_default()
            .push((ext.to_string(), in_site.to_string_lossy().into_owned()));
    }
    repo
}

/// Ruby's `File.join(base, path)`, as jekyll-scholar joins `base_url` and a link: one `/`
/// between the parts.
fn file_join(base: &str, path: &str) -> String {
    format!(
        "{}/{}",
        base.trim_end_matches('/'),
        path.trim_start_matches('/')
    )
}

/// `details_path_for`: `details_permalink` with the entry's fields (slugified), `:key`,
/// `:details_dir`, `:doi` and `:extension` filled in.
fn details_path_for(permalink: &str, config: &Config, e: &Entry) -> String {
    let mut ph: Vec<(String, String)> = Vec::new();
    for (k, v) in &e.fields {
        let s = v.to_s();
        let s = if k == "doi" || s.is_empty() {
            s
        } else {
            crate::utils::slugify(&s, Some("pretty"), false)
        };
        ph.push((k.clone(), s));
    }
    let key = e
        .key
        .split(|c: char| c == ':' || c.is_whitespace())
        .collect::<Vec<_>>();
    let key = collapse_separators(&key);
    ph.push(("key".into(), key.clone()));
    ph.push(("details_dir".into(), config.str("details_dir")));
    let ext = if permalink == "pretty" || permalink.ends_with('/') {
        "/"
    } else {
        ".html"
    };
    ph.push(("extension".into(), ext.into()));
    let has_doi = e.fields.get("doi").is_some_and(|d| !d.to_s().is_empty());
    if !has_doi {
        ph.push(("doi".into(), key));
    }
    // Jekyll's `URL#generate_url_from_hash`, placeholders in order, then `sanitize_url`.
    let mut result = config.str("details_permalink");
    for (k, v) in ph {
        if !result.contains(':') {
            break;
        }
        result = result.replace(&format!(":{k}"), &crate::site::url::escape_path(&v));
    }
    crate::site::url::sanitize(&result)
}

/// `gsub(/[:\s]+/, '_')` on the key, from its pieces.
fn collapse_separators(parts: &[&str]) -> String {
    let mut out = String::new();
    let mut pending = false;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            pending = true;
        }
        if !p.is_empty() {
            if pending {
                out.push('_');
                pending = false;
            }
            out.push_str(p);
        }
    }
    if pending {
        out.push('_');
    }
    out
}

struct BibliographyTag(Options);
impl Tag for BibliographyTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let s = Scope::new(ctx, &self.0)?;
        out.push_str(&s.render_bibliography(ctx)?);
        Ok(())
    }
}

struct CountTag(Options);
impl Tag for CountTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let s = Scope::new(ctx, &self.0)?;
        out.push_str(&s.cited_entries(ctx).len().to_string());
        Ok(())
    }
}

/// Keys may be variables (`{% cite page.key %}`): `context[key] || key`.
fn resolve_keys(ctx: &mut Context, keys: &[String]) -> Vec<String> {
    keys.iter()
        .map(|k| {
            let v = ctx.get(k);
            if v.is_truthy() {
                crate::value::to_s(&v)
            } else {
                k.clone()
            }
        })
        .collect()
}

struct CiteTag(Options);
impl Tag for CiteTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let s = Scope::new(ctx, &self.0)?;
        let keys = resolve_keys(ctx, &self.0.keys);
        out.push_str(&s.cite(ctx, &keys));
        Ok(())
    }
}

struct NociteTag(Options);
impl Tag for NociteTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let s = Scope::new(ctx, &self.0)?;
        let keys = resolve_keys(ctx, &self.0.keys);
        for k in keys {
            if s.bib.get(&k).is_none() {
                out.push_str(&s.config.str("missing_reference"));
                return Ok(());
            }
            let cited = s.cited_keys(ctx);
            if !cited.contains(&k) {
                cited.push(k);
            }
        }
        Ok(())
    }
}

struct ReferenceTag(Options);
impl Tag for ReferenceTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let s = Scope::new(ctx, &self.0)?;
        let keys = resolve_keys(ctx, &self.0.keys);
        let parts: Vec<String> = keys
            .iter()
            .map(|k| match s.bib.get(k) {
                Some(e) => s.reference_tag(e),
                None => s.config.str("missing_reference"),
            })
            .collect();
        out.push_str(&parts.join("\n"));
        Ok(())
    }
}

struct QuoteTag(Options, Body);
impl Tag for QuoteTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let s = Scope::new(ctx, &self.0)?;
        let mut inner = String::new();
        self.1.render(ctx, &mut inner)?;
        let quote = inner
            .trim()
            .replace("\n\n", "</p><p>")
            .replace('\n', "<br/>");
        let keys = resolve_keys(ctx, &self.0.keys);
        let citation = s.cite(ctx, &keys);
        let body = format!("<p>{quote}</p><cite>{citation}</cite>");
        out.push_str(&format!("<blockquote>{body}</blockquote>"));
        Ok(())
    }
}

/// `{% bibtex %}...{% endbibtex %}`: the block's BibTeX, each entry as its reference tag.
struct BibtexTag(Options, Body);
impl Tag for BibtexTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let mut text = String::new();
        self.1.render(ctx, &mut text)?;
        let s = Scope::for_bibtex_block(ctx, &self.0, &text)?;
        let parts: Vec<String> = s.bib.entries.iter().map(|e| s.reference_tag(e)).collect();
        out.push_str(&parts.join("\n"));
        Ok(())
    }
}

struct DetailsLinkTag(Options);
impl Tag for DetailsLinkTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let s = Scope::new(ctx, &self.0)?;
        let keys = resolve_keys(ctx, &self.0.keys);
        let key = keys.first().cloned().unwrap_or_default();
        match s.bib.get(&key) {
            Some(e) => out.push_str(&s.details_link_for(e)),
            None => return Err(lerr(format!("Could not find entry for key '{key}'"))),
        }
        Ok(())
    }
}

struct CiteDetailsTag(Options);
impl Tag for CiteDetailsTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let s = Scope::new(ctx, &self.0)?;
        let keys = resolve_keys(ctx, &self.0.keys);
        let parts: Vec<String> = keys
            .iter()
            .map(|k| match s.bib.get(k) {
                Some(e) => content_tag(
                    "a",
                    &s.opts
                        .text
                        .clone()
                        .unwrap_or_else(|| s.config.str("details_link")),
                    &[("href".into(), s.details_link_for(e))],
                ),
                None => s.config.str("missing_reference"),
            })
            .collect();
        out.push_str(&parts.join("\n"));
        Ok(())
    }
}

pub fn register(engine: &mut Engine) {
    engine.register_tag("bibliography", |_, m, _| {
        Ok(Box::new(BibliographyTag(parse_options(m, false)?)) as Box<dyn Tag>)
    });
    engine.register_tag("bibliography_count", |_, m, _| {
        Ok(Box::new(CountTag(parse_options(m, false)?)) as Box<dyn Tag>)
    });
    engine.register_tag("cite", |_, m, _| {
        Ok(Box::new(CiteTag(parse_options(m, true)?)) as Box<dyn Tag>)
    });
    engine.register_tag("nocite", |_, m, _| {
        Ok(Box::new(NociteTag(parse_options(m, true)?)) as Box<dyn Tag>)
    });
    engine.register_tag("reference", |_, m, _| {
        Ok(Box::new(ReferenceTag(parse_options(m, true)?)) as Box<dyn Tag>)
    });
    engine.register_tag("details_link", |_, m, _| {
        Ok(Box::new(DetailsLinkTag(parse_options(m, true)?)) as Box<dyn Tag>)
    });
    engine.register_tag("cite_details", |_, m, _| {
        Ok(Box::new(CiteDetailsTag(parse_options(m, true)?)) as Box<dyn Tag>)
    });
    engine.register_block_tag("quote", |_, m, body, _| {
        Ok(Box::new(QuoteTag(parse_options(m, true)?, body)) as Box<dyn Tag>)
    });
    engine.register_block_tag("bibtex", |_, m, body, _| {
        Ok(Box::new(BibtexTag(parse_options(m, true)?, body)) as Box<dyn Tag>)
    });
}

/// The details generator (`priority :high`): one page per entry of the default
/// bibliography, from the `details_layout` file, when that layout exists.
pub fn generate_details(site: &mut Site) -> crate::error::Result<()> {
    let config = Config::new(site.config.get("scholar"), None);
    // jekyll-scholar also converts `.bib` pages to HTML references; hyde does not.
    let bib_pages: Vec<String> = site
        .pages
        .iter()
        .filter(|p| {
            let n = p.name.to_ascii_lowercase();
            n.ends_with(".bib") || n.ends_with(".bibtex")
        })
        .map(|p| p.name.clone())
        .collect();
    for name in bib_pages {
        site.warn(format!(
            "Jekyll-scholar: the BibTeX converter is not implemented by hyde; {name} is not converted to HTML"
        ));
    }
    if config.h.contains_key("use_raw_bibtex_entry") {
        crate::cli::log::warn(
            "Jekyll-scholar:",
            "Option `use_raw_bibtex_entry` is no longer supported",
        );
    }
    let layout_file = config.str("details_layout");
    let layout_name = layout_file
        .strip_suffix(".html")
        .unwrap_or(&layout_file)
        .to_string();
    if !site.layouts.contains_key(&layout_name) {
        return Ok(());
    }
    let paths = bib_paths(site, &config, &[]);
    let bib = super::load(&paths, parse_opts(&config)).map_err(crate::error::Error::new)?;
    let scope = Scope {
        site: None,
        info: SiteInfo::of(site, &config),
        config: config.clone(),
        opts: Options::default(),
        bib: bib.clone(),
        filters: filters_of(&config),
    };
    let layout_path = site.source.join("_layouts").join(&layout_file);
    let text = crate::site::frontmatter::read_text(&layout_path)?;
    let parsed = crate::site::frontmatter::parse(&text, &layout_path)?;
    let (data, content, line) = (
        parsed.data.unwrap_or_default(),
        parsed.content,
        parsed.content_line,
    );
    let dir = format!("/{}", config.str("details_dir"));
    let mut pages = Vec::new();
    for e in scope.entries() {
        let name = format!(
            "{}.html",
            collapse_separators(
                &e.key
                    .split(|c: char| c == ':' || c.is_whitespace())
                    .collect::<Vec<_>>()
            )
        );
        let mut d = data.clone();
        for (k, v) in scope.reference_data(e) {
            d.insert(k, v);
        }
        if let Some(t) = d.get("entry").and_then(|en| en.get("title")) {
            d.insert("title".into(), t);
        }
        let defaults = site
            .defaults
            .all(&format!("{}/{}", dir.trim_matches('/'), name), "pages");
        let mut page = crate::site::page::Page::new(
            None,
            &dir,
            &name,
            d,
            defaults,
            content.clone(),
            line,
            &site.converters,
            &site.permalink_style,
        )?;
        page.url = details_path_for(&scope.info.permalink, &config, e);
        pages.push(page);
    }
    site.pages.extend(pages);
    Ok(())
}

/// What the scope reads from the site besides templates.
pub struct SiteInfo {
    pub base_url: String,
    pub permalink: String,
    /// `generate_details?`: the `details_layout` exists.
    pub details_layout: bool,
}

impl SiteInfo {
    fn of(site: &Site, config: &Config) -> SiteInfo {
        let s = |k: &str| {
            site.config
                .get(k)
                .filter(|v| !v.is_nil())
                .map(crate::value::to_s)
        };
        let layout = config.str("details_layout");
        let name = layout.strip_suffix(".html").unwrap_or(&layout);
        SiteInfo {
            base_url: s("baseurl").or_else(|| s("base_url")).unwrap_or_default(),
            permalink: s("permalink").unwrap_or_default(),
            details_layout: site.layouts.contains_key(name),
        }
    }
}
