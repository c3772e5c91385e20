//! Native versions of the Ruby plugins al-folio sites carry in `_plugins/` (2019–2025
//! variants), each doing what its Ruby does. `ruby_files` recognizes the files and picks
//! these.
//!
//! None of these files is packaged anywhere: the expectations in the tests come from reading
//! the files in al-folio's history and running them under the oracle's Jekyll (copies kept
//! outside the repository).

use super::ruby_regex;
use crate::liquid::{Body, Context, Engine, ErrorKind, LResult, LiquidError, Tag, Template};
use crate::value::Value;

fn internal(m: impl Into<String>) -> LiquidError {
    LiquidError::new(ErrorKind::Internal, m)
}

fn markdownify(ctx: &Context, s: &str) -> LResult<String> {
    crate::liquid::jekyll::services(ctx)?
        .markdownify(s)
        .map_err(internal)
}

/// Renders `source` as a Liquid template in the current context (Ruby's
/// `Liquid::Template.parse(s).render(context)`).
fn render_inline(ctx: &mut Context, source: &str) -> LResult<String> {
    let reg = ctx.registry.clone().unwrap_or_default();
    let t = Template::parse_with(reg, ctx.error_mode, source)?;
    let mut out = String::new();
    ctx.render_body(&t.inner.root, &mut out)?;
    Ok(out)
}

/// `details.rb`: `{% details CAPTION %}BODY{% enddetails %}` →
/// `<details><summary>CAPTION</summary>BODY</details>`, both converted from Markdown, the
/// caption without any tag matching `</?p[^>]*>` and without its last line break.
pub struct Details;

struct DetailsTag {
    caption: String,
    body: Body,
}

impl Tag for DetailsTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        static P_TAGS: once_cell::sync::Lazy<regex::Regex> =
            once_cell::sync::Lazy::new(|| regex::Regex::new(r"</?p[^>]*>").expect("valid"));
        let caption = markdownify(ctx, &self.caption)?;
        let caption = P_TAGS.replace_all(&caption, "");
        let caption = chomp(&caption);
        let mut inner = String::new();
        self.body.render(ctx, &mut inner)?;
        let body = markdownify(ctx, &inner)?;
        out.push_str(&format!(
            "<details><summary>{caption}</summary>{body}</details>"
        ));
        Ok(())
    }
}

/// Ruby's `chomp`: one trailing `\n`, `\r\n` or `\r`.
fn chomp(s: &str) -> &str {
    s.strip_suffix("\r\n")
        .or_else(|| s.strip_suffix('\n'))
        .or_else(|| s.strip_suffix('\r'))
        .unwrap_or(s)
}

impl crate::plugins::Plugin for Details {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_block_tag("details", |_, markup, body, _| {
            Ok(Box::new(DetailsTag {
                caption: markup.to_string(),
                body,
            }) as Box<dyn Tag>)
        });
    }
}

/// `file-exists.rb`: `{% file_exists PATH %}` prints `true` or `false` for
/// `site.source + "/" + PATH` (PATH rendered as Liquid, then stripped).
pub struct FileExists;

struct FileExistsTag {
    markup: String,
}

impl Tag for FileExistsTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let url = render_inline(ctx, &self.markup)?;
        let site = crate::site::liquid_setup::site_of(ctx)
            .ok_or_else(|| internal("no site in the Liquid registers"))?;
        let path = format!("{}/{url}", site.source.display());
        let stripped = crate::liquid::ruby::strip(&path);
        if stripped.len() == path.len() {
            // `File.exist?(file_path.strip!)`: `strip!` is nil when nothing was stripped.
            return Err(internal(
                "file_exists: no implicit conversion of nil into String (the path had no surrounding white space to strip)",
            ));
        }
        out.push_str(if std::path::Path::new(stripped).exists() {
            "true"
        } else {
            "false"
        });
        Ok(())
    }
}

impl crate::plugins::Plugin for FileExists {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("file_exists", |_, markup, _| {
            Ok(Box::new(FileExistsTag {
                markup: markup.to_string(),
            }) as Box<dyn Tag>)
        });
    }
}

/// `hideCustomBibtex.rb` (2022) and `hide-custom-bibtex.rb` (2023 on): the
/// `hideCustomBibtex` filter drops the lines of a BibTeX entry that name one of
/// `filtered_bibtex_keywords`; the 2025 file also strips the superscript marks
/// `*†‡§¶‖&^` from `author = {...}` lines.
#[derive(Clone, Copy)]
pub struct HideCustomBibtex {
    /// The line pattern around the keyword: (before, after).
    pub pattern: (&'static str, &'static str),
    pub clean_author_marks: bool,
}

pub static HIDE_BIBTEX_2022: HideCustomBibtex = HideCustomBibtex {
    pattern: (r"^\s*", r".*$\n"),
    clean_author_marks: false,
};
pub static HIDE_BIBTEX_2023: HideCustomBibtex = HideCustomBibtex {
    pattern: (r"^.*\b", r"\b *= *\{.*$\n"),
    clean_author_marks: false,
};
pub static HIDE_BIBTEX_2025: HideCustomBibtex = HideCustomBibtex {
    pattern: (r"^.*\b", r"\b *= *\{.*$\n"),
    clean_author_marks: true,
};

impl HideCustomBibtex {
    pub fn apply(&self, ctx: &Context, input: &Value) -> LResult<Value> {
        let site = crate::site::liquid_setup::site_of(ctx)
            .ok_or_else(|| internal("no site in the Liquid registers"))?;
        let keywords = match site.config.get("filtered_bibtex_keywords") {
            Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect::<Vec<_>>(),
            _ => {
                return Err(internal(
                    "hideCustomBibtex: undefined method `each' for nil (filtered_bibtex_keywords is not a list in _config.yml)",
                ))
            }
        };
        let Value::Str(s) = input else {
            return Err(internal(format!(
                "hideCustomBibtex: undefined method `gsub' for {}",
                crate::value::inspect(input)
            )));
        };
        let mut text = s.to_string();
        for k in keywords {
            let re = ruby_regex::compile(&format!("{}{k}{}", self.pattern.0, self.pattern.1))
                .map_err(internal)?;
            text = ruby_regex::replace(&text, &re, "", true).map_err(internal)?;
        }
        if self.clean_author_marks {
            static AUTHOR: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
                regex::Regex::new(r"(?m)^.*\bauthor\b *= *\{.*\n").expect("valid")
            });
            text = AUTHOR
                .replace_all(&text, |c: &regex::Captures| {
                    c[0].chars()
                        .filter(|ch| !"*†‡§¶‖&^".contains(*ch))
                        .collect::<String>()
                })
                .into_owned();
        }
        Ok(Value::str(text))
    }
}

impl crate::plugins::Plugin for HideCustomBibtex {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        let me = *self;
        engine.register_filter("hideCustomBibtex", 1, 1, move |v, _, ctx| me.apply(ctx, v));
    }
}

/// `remove-accents.rb`: the `remove_accents` filter is `I18n.transliterate` with the
/// default (English) rules.
pub struct RemoveAccents;

impl crate::plugins::Plugin for RemoveAccents {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_filter("remove_accents", 1, 1, |v, _, _| {
            Ok(Value::str(crate::liquid::jekyll::transliterate(
                &crate::value::to_s(v),
            )))
        });
    }
}

/// `strip.rb`: replaces Liquid's `strip`. With `strip: true` in the configuration, runs of
/// blank lines become one line break — after Liquid's own strip (`super`, the 2024 file) or
/// instead of it (the 2023 file); otherwise the input comes back as it is, unstripped.
#[derive(Clone, Copy)]
pub struct StripHtml {
    pub calls_super: bool,
}

pub static STRIP_SUPER: StripHtml = StripHtml { calls_super: true };
pub static STRIP_CONTENT: StripHtml = StripHtml { calls_super: false };

impl StripHtml {
    pub fn apply(&self, ctx: &Context, input: &Value) -> LResult<Value> {
        static BLANKS: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
            regex::Regex::new(r"\n[ \t\n\x0B\x0C\r]*\n").expect("valid")
        });
        let site = crate::site::liquid_setup::site_of(ctx)
            .ok_or_else(|| internal("no site in the Liquid registers"))?;
        let enabled = site
            .config
            .get("strip")
            .is_some_and(|v| crate::value::to_s(v).to_lowercase() == "true");
        if !enabled {
            return Ok(input.clone());
        }
        let text = if self.calls_super {
            crate::liquid::ruby::strip(&crate::value::to_s(input)).to_string()
        } else {
            match input {
                Value::Str(s) => s.to_string(),
                other => {
                    return Err(internal(format!(
                        "strip: undefined method `gsub' for {}",
                        crate::value::inspect(other)
                    )))
                }
            }
        };
        Ok(Value::str(BLANKS.replace_all(&text, "\n").into_owned()))
    }
}

impl crate::plugins::Plugin for StripHtml {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        let me = *self;
        engine.register_filter("strip", 1, 1, move |v, _, ctx| me.apply(ctx, v));
    }
}

/// `youtube.rb` (2019): `{% youtube ID [WIDTH HEIGHT] %}`. The Ruby reads the width from
/// the whole optional group and the height from its first number, so an explicit size
/// gives a square of the width; without one it is 560 × 420.
pub struct YouTube;

struct YouTubeTag {
    id: String,
    width: i64,
    height: i64,
}

/// Parses the tag's markup as `/^\s*([^\s]+)(\s+(\d+)\s+(\d+)\s*)?/` does.
fn youtube_markup(markup: &str) -> Option<YouTubeTag> {
    static SYNTAX: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"(?m)^[ \t\n\x0B\x0C\r]*([^ \t\n\x0B\x0C\r]+)([ \t\n\x0B\x0C\r]+([0-9]+)[ \t\n\x0B\x0C\r]+([0-9]+)[ \t\n\x0B\x0C\r]*)?")
            .expect("valid")
    });
    let c = SYNTAX.captures(markup)?;
    let id = c[1].to_string();
    let (width, height) = match c.get(2) {
        None => (560, 420),
        Some(g) => (
            crate::liquid::ruby::str_to_i(g.as_str()),
            crate::liquid::ruby::str_to_i(&c[3]),
        ),
    };
    Some(YouTubeTag { id, width, height })
}

impl Tag for YouTubeTag {
    fn render(&self, _: &mut Context, out: &mut String) -> LResult<()> {
        out.push_str(&format!(
            "<iframe width=\"{}\" height=\"{}\" src=\"http://www.youtube.com/embed/{}?color=white&theme=light\"></iframe>",
            self.width, self.height, self.id
        ));
        Ok(())
    }
}

impl crate::plugins::Plugin for YouTube {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("youtube", |_, markup, _| {
            youtube_markup(markup)
                .map(|t| Box::new(t) as Box<dyn Tag>)
                .ok_or_else(|| internal("No YouTube ID provided in the \"youtube\" tag"))
        });
    }
}

/// `emoji.rb` (2015, from chriskempson/jekyll-emoji): the `emojify` filter turns
/// `:alias:` into `<img alt="alias" src="EMOJI_DIR/alias.png" class="emoji" />` when
/// `emoji_dir` is set and gemoji knows the alias.
pub struct EmojiFilter;

/// The filter's substitution.
pub fn emojify_local(content: &str, emoji_dir: Option<&str>) -> String {
    static NAME: once_cell::sync::Lazy<regex::Regex> =
        once_cell::sync::Lazy::new(|| regex::Regex::new(r":([a-z0-9+\-_]+):").expect("valid"));
    NAME.replace_all(content, |c: &regex::Captures| match emoji_dir {
        Some(dir) if super::jemoji::image_filename(&c[1]).is_some() => {
            format!(
                "<img alt=\"{}\" src=\"{dir}/{}.png\" class=\"emoji\" />",
                &c[1], &c[1]
            )
        }
        _ => c[0].to_string(),
    })
    .into_owned()
}

impl crate::plugins::Plugin for EmojiFilter {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_filter("emojify", 1, 1, |v, _, ctx| {
            if !v.is_truthy() {
                return Ok(Value::Bool(false));
            }
            let site = crate::site::liquid_setup::site_of(ctx)
                .ok_or_else(|| internal("no site in the Liquid registers"))?;
            let dir = site
                .config
                .get("emoji_dir")
                .filter(|d| d.is_truthy())
                .map(crate::value::to_s);
            Ok(Value::str(emojify_local(
                &crate::value::to_s(v),
                dir.as_deref(),
            )))
        });
    }
}

/// `minify.rb` (htmlcompressor) and `beautify.rb` (htmlbeautifier): filters that return
/// their input unchanged unless `minify: true` / `beautify: true`. hyde has neither Ruby
/// formatter, so with the setting on it warns and leaves the HTML as it is.
#[derive(Clone, Copy)]
pub struct GatedFormatter {
    pub filter: &'static str,
    pub key: &'static str,
    pub gem: &'static str,
}

pub static MINIFY: GatedFormatter = GatedFormatter {
    filter: "minify",
    key: "minify",
    gem: "htmlcompressor",
};
pub static BEAUTIFY: GatedFormatter = GatedFormatter {
    filter: "beautify",
    key: "beautify",
    gem: "htmlbeautifier",
};

/// The Ruby files' `true?(config[key])`: `to_s.downcase == 'true'`.
fn config_true(site: &crate::site::Site, key: &str) -> bool {
    site.config
        .get(key)
        .is_some_and(|v| crate::value::to_s(v).to_lowercase() == "true")
}

impl crate::plugins::Plugin for GatedFormatter {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_filter(self.filter, 1, 1, |v, _, _| Ok(v.clone()));
    }
    fn post_read(&self, site: &mut crate::site::Site) -> crate::error::Result<()> {
        if config_true(site, self.key) {
            site.warn(format!(
                "Plugin: `{}: true` asks the `{}` filter to reformat pages with the Ruby gem {}, which hyde does not have: pages keep their HTML as rendered.",
                self.key, self.filter, self.gem
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn youtube_sizes_like_the_ruby() {
        // The Ruby: `@width = $2.to_i; @height = $3.to_i` ($2 is the whole size group).
        let t = youtube_markup("abc123 ").unwrap();
        assert_eq!((t.id.as_str(), t.width, t.height), ("abc123", 560, 420));
        let t = youtube_markup("abc123 640 480 ").unwrap();
        assert_eq!((t.width, t.height), (640, 640));
        assert!(youtube_markup("").is_none());
    }

    #[test]
    fn local_emojify() {
        assert_eq!(
            emojify_local("hi :smile: :nope: :+1:", Some("/images/emoji")),
            "hi <img alt=\"smile\" src=\"/images/emoji/smile.png\" class=\"emoji\" /> :nope: <img alt=\"+1\" src=\"/images/emoji/+1.png\" class=\"emoji\" />"
        );
        assert_eq!(emojify_local(":smile:", None), ":smile:");
    }

    #[test]
    fn chomp_one_line_break() {
        assert_eq!(chomp("a\n\n"), "a\n");
        assert_eq!(chomp("a\r\n"), "a");
    }
}
