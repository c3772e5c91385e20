//! Jekyll's tags: `include` / `include_relative` (Jekyll's `key=value` syntax and
//! `include.*` scope), `highlight`, `link` and `post_url`.

use super::filters::relative_url;
use super::services;
use crate::liquid::error::{ErrorKind, LResult, LiquidError};
use crate::liquid::ruby::{self, to_s};
use crate::liquid::{filters, Body, Context, Engine, Expr, ParseInfo, Tag, Template};
use crate::value::{Hash, Value};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::HashMap;
use std::hash::{Hash as _, Hasher};
use std::sync::{Arc, RwLock};

/// Parsed includes shared by every render of an engine, keyed by path and source hash.
type IncludeCache = Arc<RwLock<HashMap<(String, u64), Template>>>;

/// Registers `include`, `include_relative`, `highlight`, `link` and `post_url`.
pub fn register_tags(engine: &mut Engine) {
    let cache: IncludeCache = Arc::default();
    for (name, relative) in [("include", false), ("include_relative", true)] {
        let cache = cache.clone();
        engine.register_tag(name, move |tag, markup, _info| {
            Ok(Box::new(IncludeTag::parse(tag, markup, relative, cache.clone())?) as Box<dyn Tag>)
        });
    }
    engine.register_block_tag("highlight", |_, markup, body, _| {
        Ok(Box::new(HighlightTag::parse(markup, body)?) as Box<dyn Tag>)
    });
    engine.register_tag("link", |_, markup, _| {
        Ok(Box::new(LinkTag {
            path: ruby::strip(markup).to_string(),
        }) as Box<dyn Tag>)
    });
    engine.register_tag("post_url", |_, markup, info: &ParseInfo| {
        Ok(Box::new(PostUrlTag::parse(markup, info)?) as Box<dyn Tag>)
    });
}

/// A Ruby exception that is not a Liquid error (Jekyll raises ArgumentError, IOError, ...).
fn ruby_error(message: impl Into<String>) -> LiquidError {
    LiquidError::new(ErrorKind::Internal, message)
}

enum ParamValue {
    Literal(String),
    Variable(Expr),
}

struct IncludeTag {
    tag_name: String,
    file: String,
    params: Option<Vec<(String, ParamValue)>>,
    relative: bool,
    cache: IncludeCache,
}

static VALID_SYNTAX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r#"([0-9A-Za-z_-]+)[\t\n\x0B\x0C\r ]*=[\t\n\x0B\x0C\r ]*(?:"([^"\\]*(?:\\.[^"\\]*)*)"|'([^'\\]*(?:\\.[^'\\]*)*)'|([0-9A-Za-z_.-]+))"#,
    )
    .expect("valid regex")
});
static VARIABLE_PART: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\{\{[\t\n\x0B\x0C\r ]*[0-9A-Za-z_\-.]+[\t\n\x0B\x0C\r ]*(\|.*)?\}\}")
        .expect("valid regex")
});
static VALID_FILENAME: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?m)^[0-9A-Za-z_/.\-()+~#@]+$").expect("valid regex"));
static INVALID_SEQUENCES: Lazy<Regex> = Lazy::new(|| Regex::new(r"[./]{2,}").expect("valid regex"));

/// `VARIABLE_SYNTAX`: the file part when it holds `{{ ... }}`; (file, params).
fn split_variable_file(markup: &str) -> Option<(String, String)> {
    let first = markup.find("{{")?;
    if markup[..first].contains('{') {
        return None;
    }
    let mut pos = first;
    let mut end = None;
    while markup[pos..].starts_with("{{") {
        let rest = &markup[pos..];
        // `(\|.*)?` is greedy: with a filter the expression runs to the last `}}`.
        let len = match VARIABLE_PART.find(rest) {
            Some(m) => {
                if rest[..m.end()].contains('|') {
                    rest.rfind("}}").map(|i| i + 2).unwrap_or(m.end())
                } else {
                    m.end()
                }
            }
            None => break,
        };
        let mut e = pos + len;
        while let Some(c) = markup[e..].chars().next() {
            if ruby::is_regex_space(c) || c == '{' || c == '}' {
                break;
            }
            e += c.len_utf8();
        }
        end = Some(e);
        pos = e;
    }
    let end = end?;
    Some((
        markup[..end].trim().to_string(),
        markup[end..].trim().to_string(),
    ))
}

/// `FULL_VALID_SYNTAX = /\A\s*(?:VALID_SYNTAX(?=\s|\z)\s*)*\z/`
fn params_are_valid(params: &str) -> bool {
    let mut rest = params.trim_start_matches(ruby::is_regex_space);
    while !rest.is_empty() {
        let Some(m) = VALID_SYNTAX.find(rest) else {
            return false;
        };
        if m.start() != 0 {
            return false;
        }
        let after = &rest[m.end()..];
        if !(after.is_empty() || after.starts_with(ruby::is_regex_space)) {
            return false;
        }
        rest = after.trim_start_matches(ruby::is_regex_space);
    }
    true
}

impl IncludeTag {
    fn parse(
        tag_name: &str,
        markup: &str,
        relative: bool,
        cache: IncludeCache,
    ) -> LResult<IncludeTag> {
        let markup = ruby::strip(markup);
        let (file, params) = match split_variable_file(markup) {
            Some((f, p)) => (f, Some(p)),
            None => {
                let mut parts = markup.splitn(2, |c: char| ruby::is_regex_space(c));
                let f = parts.next().unwrap_or("").to_string();
                let p = parts
                    .next()
                    .map(|p| p.trim_start_matches(ruby::is_regex_space).to_string());
                (f, p)
            }
        };
        let example = format!("{{% {tag_name} file.ext param='value' param2='value' %}}");
        let params = match params {
            None => None,
            Some(p) => {
                if !params_are_valid(&p) {
                    return Err(ruby_error(format!(
                        "Invalid syntax for include tag:\n\n{p}\n\nValid syntax:\n\n{example}\n\n"
                    )));
                }
                let mut out = Vec::new();
                for c in VALID_SYNTAX.captures_iter(&p) {
                    let key = c[1].to_string();
                    let value = if let Some(d) = c.get(2) {
                        ParamValue::Literal(d.as_str().replace("\\\"", "\""))
                    } else if let Some(s) = c.get(3) {
                        ParamValue::Literal(s.as_str().replace("\\'", "'"))
                    } else {
                        ParamValue::Variable(Expr::parse(
                            c.get(4).map(|m| m.as_str()).unwrap_or(""),
                        ))
                    };
                    out.push((key, value));
                }
                Some(out)
            }
        };
        Ok(IncludeTag {
            tag_name: tag_name.to_string(),
            file,
            params,
            relative,
            cache,
        })
    }

    fn file_name(&self, ctx: &mut Context) -> LResult<String> {
        if split_variable_file(&self.file).is_none() {
            return Ok(self.file.clone());
        }
        let reg = ctx.registry.clone().unwrap_or_default();
        let t = Template::parse_with(reg, ctx.error_mode, &self.file)?;
        let mut out = String::new();
        ctx.render_body(&t.inner.root, &mut out)?;
        Ok(out)
    }

    fn load(&self, ctx: &Context, path: &str, source: &str) -> LResult<Template> {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        source.hash(&mut h);
        let key = (path.to_string(), h.finish());
        if let Ok(c) = self.cache.read() {
            if let Some(t) = c.get(&key) {
                return Ok(t.clone());
            }
        }
        let reg = ctx.registry.clone().unwrap_or_default();
        let t = Template::parse_with(reg, ctx.error_mode, source)
            .map_err(|e| included_error(e, path))?;
        if let Ok(mut c) = self.cache.write() {
            c.insert(key, t.clone());
        }
        Ok(t)
    }
}

fn included_error(mut e: LiquidError, path: &str) -> LiquidError {
    if e.kind == ErrorKind::Internal {
        return e;
    }
    e.template_name = Some(path.to_string());
    if e.markup_context.is_none() {
        e.markup_context = Some("included ".to_string());
    }
    e
}

impl Tag for IncludeTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let site = services(ctx)?;
        let file = self.file_name(ctx)?;
        if INVALID_SEQUENCES.is_match(&file) || !VALID_FILENAME.is_match(&file) {
            return Err(ruby_error(format!(
                "Invalid syntax for include tag. File contains invalid characters or sequences:\n\n  {file}\n\nValid syntax:\n\n  {{% {} file.ext param='value' param2='value' %}}\n\n",
                self.tag_name
            )));
        }
        let inc = site
            .read_include(&file, self.relative, &ctx.registers)
            .map_err(ruby_error)?;
        let template = self.load(ctx, &inc.path, &inc.source)?;
        let render = |ctx: &mut Context, out: &mut String| -> LResult<()> {
            // Jekyll renders includes with `render!`: from here on errors raise.
            ctx.rethrow = true;
            ctx.render_body(&template.inner.root, out)
                .map_err(|e| included_error(e, &inc.path))
        };
        match &self.params {
            None => render(ctx, out),
            Some(params) => ctx.with_scope(|ctx| {
                let mut h = Hash::new();
                for (k, v) in params {
                    let value = match v {
                        ParamValue::Literal(s) => Value::str(s.as_str()),
                        ParamValue::Variable(e) => ctx.evaluate(e)?,
                    };
                    h.insert(k.clone(), value);
                }
                ctx.set("include", Value::hash(h));
                render(ctx, out)
            }),
        }
    }
}

/// An `include` tag as jekyll-include-cache's `include_cached` reuses it: the same
/// syntax and rendering, plus what its cache key is made of.
pub struct IncludeForCache(IncludeTag);

impl IncludeForCache {
    /// Parses `markup` as `{% include %}` does, under the name `tag_name`.
    pub fn parse(tag_name: &str, markup: &str) -> LResult<IncludeForCache> {
        IncludeTag::parse(tag_name, markup, false, IncludeCache::default()).map(IncludeForCache)
    }

    /// The included file's path and, when the tag has parameters, their values ordered by
    /// parameter name (the gem's key ignores the names themselves).
    pub fn cache_key(&self, ctx: &mut Context) -> LResult<(String, Option<Vec<Value>>)> {
        let site = services(ctx)?;
        let file = self.0.file_name(ctx)?;
        let inc = site
            .read_include(&file, false, &ctx.registers)
            .map_err(ruby_error)?;
        let Some(params) = &self.0.params else {
            return Ok((inc.path, None));
        };
        let mut named = Vec::new();
        for (k, v) in params {
            let value = match v {
                ParamValue::Literal(s) => Value::str(s.as_str()),
                ParamValue::Variable(e) => ctx.evaluate(e)?,
            };
            named.push((k.clone(), value));
        }
        named.sort_by(|a, b| a.0.cmp(&b.0));
        Ok((inc.path, Some(named.into_iter().map(|(_, v)| v).collect())))
    }

    /// Renders the include.
    pub fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        self.0.render(ctx, out)
    }
}

static HIGHLIGHT_SYNTAX: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?m)^([a-zA-Z0-9.+#_-]+)(([\t\n\x0B\x0C\r ]+[0-9A-Za-z_]+(=([0-9A-Za-z_]+|"([0-9]+[\t\n\x0B\x0C\r ])*[0-9]+"))?)*)$"#)
        .expect("valid regex")
});
static HIGHLIGHT_OPTIONS: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r#"(?:[0-9A-Za-z_]="[^"]*"|[0-9A-Za-z_]=[0-9A-Za-z_]|[0-9A-Za-z_])+"#)
        .expect("valid regex")
});

struct HighlightTag {
    lang: String,
    linenos: bool,
    body: Body,
}

impl HighlightTag {
    fn parse(markup: &str, body: Body) -> LResult<HighlightTag> {
        let m = ruby::strip(markup);
        let Some(c) = HIGHLIGHT_SYNTAX.captures(m) else {
            return Err(LiquidError::syntax(format!(
                "Syntax Error in tag 'highlight' while parsing the following markup:\n\n{markup}\n\nValid syntax: highlight <lang> [linenos]\n"
            )));
        };
        let lang = c[1].to_lowercase();
        let opts = c.get(2).map(|x| x.as_str()).unwrap_or("");
        let linenos = HIGHLIGHT_OPTIONS
            .find_iter(opts)
            .any(|o| o.as_str().split('=').next() == Some("linenos"));
        Ok(HighlightTag {
            lang,
            linenos,
            body,
        })
    }
}

/// Rouge's `HTMLTable` formatter around already formatted code.
fn rouge_table(code: &str, formatted: &str) -> String {
    let mut formatted = formatted.to_string();
    let mut lines = code.matches('\n').count();
    if !code.ends_with('\n') {
        lines += 1;
        formatted.push('\n');
    }
    let numbers: Vec<String> = (1..=lines).map(|i| i.to_string()).collect();
    format!(
        "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">{}\n</pre></td><td class=\"code\"><pre>{formatted}</pre></td></tr></tbody></table>",
        numbers.join("\n")
    )
}

impl Tag for HighlightTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let prefix = to_s(&ctx.get("highlighter_prefix"));
        let suffix = to_s(&ctx.get("highlighter_suffix"));
        let mut raw = String::new();
        ctx.render_body(&self.body, &mut raw)?;
        let code = raw
            .trim_start_matches(['\n', '\r'])
            .trim_end_matches(['\n', '\r']);
        let site = services(ctx)?;
        let highlighted = match site.highlighter().as_deref() {
            Some("rouge") | Some("pygments") => {
                let tokens = crate::highlight::highlight_tokens(code, &self.lang)
                    .unwrap_or_else(|| crate::highlight::escape_html(code));
                if self.linenos {
                    rouge_table(code, &tokens)
                } else {
                    tokens
                }
            }
            _ => ruby::strip(&filters::html_escape(code)).to_string(),
        };
        let body = highlighted
            .strip_suffix("\r\n")
            .or_else(|| highlighted.strip_suffix('\n'))
            .unwrap_or(&highlighted);
        out.push_str(&prefix);
        out.push_str(&format!(
            "<figure class=\"highlight\"><pre><code class=\"language-{}\" data-lang=\"{}\">{body}</code></pre></figure>",
            self.lang.replace('+', "-"),
            self.lang
        ));
        out.push_str(&suffix);
        Ok(())
    }
}

struct LinkTag {
    path: String,
}

impl Tag for LinkTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let reg = ctx.registry.clone().unwrap_or_default();
        let t = Template::parse_with(reg, ctx.error_mode, &self.path)?;
        let mut path = String::new();
        ctx.render_body(&t.inner.root, &mut path)?;
        let site = services(ctx)?;
        let with_slash = if path.starts_with('/') {
            path.clone()
        } else {
            format!("/{path}")
        };
        match site.link(&path).or_else(|| site.link(&with_slash)) {
            Some(url) => {
                out.push_str(&relative_url(&url, site.baseurl().as_deref())?);
                Ok(())
            }
            None => Err(ruby_error(format!(
                "Could not find document '{path}' in tag 'link'.\n\nMake sure the document exists and the path is correct.\n"
            ))),
        }
    }
}

static POST_NAME: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^(.+/)*([0-9]+-[0-9]+-[0-9]+)-(.*)$").expect("valid regex"));

struct PostUrlTag {
    name: String,
}

impl PostUrlTag {
    fn parse(markup: &str, _info: &ParseInfo) -> LResult<PostUrlTag> {
        let name = ruby::strip(markup).to_string();
        let bare = name.strip_prefix('/').unwrap_or(&name);
        if !POST_NAME.is_match(bare) {
            return Err(ruby_error(format!(
                "Could not parse name of post \"{name}\" in tag 'post_url'.\n Make sure the post exists and the name is correct.\n"
            )));
        }
        Ok(PostUrlTag { name })
    }
}

impl Tag for PostUrlTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let site = services(ctx)?;
        match site.post_url(&self.name) {
            Some(url) => {
                out.push_str(&relative_url(&url, site.baseurl().as_deref())?);
                Ok(())
            }
            None => Err(ruby_error(format!(
                "Could not find post \"{}\" in tag 'post_url'.\nMake sure the post exists and the name is correct.\n",
                self.name
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variable_file_names_split_like_jekyll() {
        assert_eq!(
            split_variable_file("{{ page.x }}.html a=1"),
            Some(("{{ page.x }}.html".into(), "a=1".into()))
        );
        assert_eq!(split_variable_file("foo.html a=1"), None);
        assert!(params_are_valid("a=1 b=\"x y\" c=page.title"));
        assert!(!params_are_valid("a=1 junk"));
    }

    #[test]
    fn rouge_table_matches_rouge() {
        assert_eq!(
            rouge_table("a\nb", "a\nb"),
            "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n2\n</pre></td><td class=\"code\"><pre>a\nb\n</pre></td></tr></tbody></table>"
        );
    }
}

/// Jekyll's message when an include cannot be found (`IncludeTag#could_not_locate_message`);
/// `dirs` are the include directories searched, printed as a Ruby array.
pub fn could_not_locate_message(file: &str, dirs: &[String], safe: bool) -> String {
    let list: Vec<String> = dirs.iter().map(|d| ruby::inspect_str(d)).collect();
    let tail = if safe {
        " is not a symlink as those are not allowed in safe mode."
    } else {
        ", if it is a symlink, does not point outside your site source."
    };
    format!(
        "Could not locate the included file '{file}' in any of [{}]. Ensure it exists in one of those directories and{tail}",
        list.join(", ")
    )
}

/// Whether `{% post_url name %}` names the post at `relative_path` (Jekyll's
/// `PostComparer#==`: `[dir/]YYYY-MM-DD-slug` against `_posts/...` or `dir/_posts/...`).
pub fn post_url_matches(name: &str, relative_path: &str) -> bool {
    let bare = name.strip_prefix('/').unwrap_or(name);
    let Some(c) = POST_NAME.captures(bare) else {
        return false;
    };
    let path = c.get(1).map(|m| m.as_str()).unwrap_or("");
    let basename = format!("{}-{}", &c[2], regex::escape(&c[3]));
    let path = regex::escape(path);
    let pattern = format!(r"^_posts/{path}{basename}\.[^.]+|^{path}_posts/?{basename}\.[^.]+");
    Regex::new(&pattern)
        .map(|re| re.is_match(relative_path))
        .unwrap_or(false)
}

#[cfg(test)]
mod helper_tests {
    use super::*;

    #[test]
    fn post_names_match_like_jekyll() {
        assert!(post_url_matches(
            "2024-01-02-hello",
            "_posts/2024-01-02-hello.md"
        ));
        assert!(post_url_matches(
            "news/2024-01-02-hello",
            "news/_posts/2024-01-02-hello.md"
        ));
        assert!(post_url_matches(
            "news/2024-01-02-hello",
            "_posts/news/2024-01-02-hello.markdown"
        ));
        assert!(!post_url_matches(
            "2024-01-02-hello",
            "_posts/2024-01-02-hello-world.md"
        ));
        assert!(!post_url_matches("hello", "_posts/2024-01-02-hello.md"));
    }
}
