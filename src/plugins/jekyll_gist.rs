//! jekyll-gist (1.5.0): `{% gist user/id [file] %}` prints a `<script>` that embeds the
//! gist, preceded by a `<noscript>` copy of its code that the plugin downloads. hyde never
//! goes to the network, so it behaves as Jekyll does offline: the download fails, Jekyll
//! warns that the `<noscript>` tag could not be generated, and the tag prints the logger's
//! return value (`true`, or `false` under `--quiet`) in its place. `gist: {noscript: false}`
//! turns the download off, and then nothing is printed before the script.

use crate::config::ConfigExt;
use crate::liquid::{Context, Engine, Tag};
use crate::liquid::{ErrorKind, LResult, LiquidError};
use crate::site::liquid_setup::site_of;
use crate::value::Value;
use once_cell::sync::Lazy;
use regex::Regex;

/// The plugin's argument pattern: one word (or anything up to and past a `/`), then an
/// optional file name. Ruby's `\Z` also allows one final newline.
static ARGUMENTS: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\A(\S+|.*/.+)\s?(\S*)\n?\z").expect("valid regex"));

struct GistTag {
    markup: String,
}

fn syntax_error(markup: &str) -> LiquidError {
    LiquidError::new(
        ErrorKind::Internal,
        format!(
            "  Syntax error in tag 'gist' while parsing the following markup:\n\n    {markup}\n\n  Valid syntax:\n    {{% gist user/1234567 %}}\n    {{% gist user/1234567 foo.js %}}\n    {{% gist 28949e1d5ee2273f9fd3 %}}\n    {{% gist 28949e1d5ee2273f9fd3 best.md %}}\n"
        ),
    )
}

/// The gist id and file name of the tag's markup.
fn arguments(markup: &str) -> Option<(String, String)> {
    let stripped = crate::liquid::ruby::strip(markup);
    let c = ARGUMENTS.captures(stripped)?;
    Some((
        crate::liquid::ruby::strip(&c[1]).to_string(),
        crate::liquid::ruby::strip(&c[2]).to_string(),
    ))
}

/// A name the template defines stands for its value (`{% gist page.gist %}`).
fn resolve(ctx: &mut Context, name: &str) -> String {
    if name.is_empty() {
        return String::new();
    }
    match ctx.get(name) {
        Value::Nil => name.to_string(),
        v => crate::value::to_s(&v),
    }
}

fn script_tag(id: &str, file: &str) -> String {
    let mut url = format!("https://gist.github.com/{id}.js");
    if !file.is_empty() {
        url.push_str(&format!("?file={file}"));
    }
    format!("<script src=\"{url}\"> </script>")
}

impl Tag for GistTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let Some((id, file)) = arguments(&self.markup) else {
            return Err(syntax_error(&self.markup));
        };
        let id = resolve(ctx, &id);
        let file = resolve(ctx, &file);
        let site = site_of(ctx).cloned();
        let noscript_off = site.as_ref().is_some_and(|s| {
            matches!(
                s.config.get("gist"),
                Some(Value::Hash(h)) if matches!(h.get("noscript"), Some(Value::Bool(false)))
            )
        });
        if !noscript_off {
            // The download Jekyll would try fails offline; it warns and prints the
            // logger's result.
            crate::cli::log::warn(
                "Warning:",
                &format!("The <noscript> tag for your gist {id} "),
            );
            crate::cli::log::warn("", "could not be generated. This will affect users who do ");
            crate::cli::log::warn("", "not have JavaScript enabled in their browsers.");
            let quiet = site
                .as_ref()
                .is_some_and(|s| s.flags.quiet || s.config.bool_of("quiet"));
            out.push_str(if quiet { "false" } else { "true" });
        }
        out.push_str(&script_tag(&id, &file));
        Ok(())
    }
}

/// The plugin: the `gist` tag.
pub struct JekyllGist;

impl crate::plugins::Plugin for JekyllGist {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-gist"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("gist", |_, markup, _| {
            Ok(Box::new(GistTag {
                markup: markup.to_string(),
            }) as Box<dyn Tag>)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_arguments_like_the_plugin() {
        assert_eq!(
            arguments(" parkr/c08ee0f2726fd0e3909d test.md "),
            Some(("parkr/c08ee0f2726fd0e3909d".into(), "test.md".into()))
        );
        assert_eq!(
            arguments("28949e1d5ee2273f9fd3"),
            Some(("28949e1d5ee2273f9fd3".into(), String::new()))
        );
        assert_eq!(arguments("a b c"), None);
    }

    #[test]
    fn script_tags() {
        assert_eq!(
            script_tag("u/1", "f.js"),
            "<script src=\"https://gist.github.com/u/1.js?file=f.js\"> </script>"
        );
    }
}
