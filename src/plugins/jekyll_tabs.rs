//! jekyll-tabs (1.2.1): `{% tabs NAME %}` … `{% tab NAME LABEL %}`Markdown`{% endtab %}` …
//! `{% endtabs %}`. Each `tab` stores its converted Markdown under `LABEL` in the render's
//! environment (`tabs-NAME`, a hash kept in insertion order); `tabs` renders its body only
//! for that, then writes two lists from the ERB template, tied by a random UUID.
//!
//! Jekyll's environment is the site payload, shared by every page of a build: a later page
//! that uses the same group name also lists the earlier pages' tabs. hyde renders pages in
//! parallel, so it keeps the group per page and warns when a group name is used by more than
//! one page or document.
//!
//! Not packaged by Debian: the expectations in the tests come from reading Ovski4/jekyll-tabs
//! and running it under the oracle's Jekyll (RUBYLIB), UUIDs aside.

use crate::error::Result;
use crate::liquid::{Body, Context, Engine, ErrorKind, LResult, LiquidError, Tag};
use crate::site::Site;
use crate::value::{Hash, Value};
use std::collections::BTreeMap;

/// `sanitizeName`: stripped, lowercased, every character but `0-9a-z` a dash.
pub fn sanitize_name(name: &str) -> String {
    crate::liquid::ruby::strip(name)
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_digit() || c.is_ascii_lowercase() {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Ruby's `split(' ', 2)`: leading white space skipped, then split at the first run of it.
fn awk_split2(s: &str) -> Vec<&str> {
    let is_ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\0');
    let s = s.trim_start_matches(is_ws);
    if s.is_empty() {
        return Vec::new();
    }
    match s.find(is_ws) {
        None => vec![s],
        Some(i) => {
            let rest = s[i..].trim_start_matches(is_ws);
            if rest.is_empty() {
                vec![&s[..i]]
            } else {
                vec![&s[..i], rest]
            }
        }
    }
}

struct TabsBlock {
    name: String,
    body: Body,
}

struct TabBlock {
    name: String,
    label: String,
    body: Body,
}

fn env_key(name: &str) -> String {
    format!("tabs-{name}")
}

impl Tag for TabBlock {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let mut inner = String::new();
        self.body.render(ctx, &mut inner)?;
        let html = crate::liquid::jekyll::services(ctx)?
            .markdownify(&inner)
            .map_err(|m| LiquidError::new(ErrorKind::Internal, m))?;
        let key = env_key(&self.name);
        let globals = ctx.globals_mut();
        let mut group = match globals.get(&key) {
            Some(Value::Hash(h)) => (**h).clone(),
            _ => Hash::new(),
        };
        group.insert(self.label.clone(), Value::str(html.as_str()));
        globals.insert(key, Value::hash(group));
        // The Ruby `render` returns the assignment's value: the converted tab.
        out.push_str(&html);
        Ok(())
    }
}

impl Tag for TabsBlock {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let mut discarded = String::new();
        self.body.render(ctx, &mut discarded)?;
        let group: Vec<(String, String)> = match ctx.globals().get(&env_key(&self.name)) {
            Some(Value::Hash(h)) => h
                .iter()
                .map(|(k, v)| (k.clone(), crate::value::to_s(v)))
                .collect(),
            // Ruby: `nil.each_with_index`, a NoMethodError.
            _ => {
                return Err(LiquidError::new(
                    ErrorKind::Internal,
                    "jekyll-tabs: undefined method `each_with_index' for nil:NilClass (a tabs block without tab)",
                ))
            }
        };
        out.push_str(&render_template(
            &self.name,
            &uuid::Uuid::new_v4().to_string(),
            &group,
        ));
        Ok(())
    }
}

/// The gem's `template.erb`, with its white space.
pub fn render_template(name: &str, uuid: &str, group: &[(String, String)]) -> String {
    let mut s =
        format!("<ul id=\"{name}\" class=\"tab\" data-tab=\"{uuid}\" data-name=\"{name}\">\n  ");
    for (i, (key, _)) in group.iter().enumerate() {
        let active = if i == 0 { " class=\"active\"" } else { "" };
        let id = format!("{name}-{}", sanitize_name(key));
        s.push_str(&format!(
            "\n      <li{active} id=\"{id}\">\n          <a href=\"#\">{key}</a>\n      </li>\n  "
        ));
    }
    s.push_str(&format!(
        "\n</ul>\n<ul class=\"tab-content\" id=\"{uuid}\" data-name=\"{name}\">\n  "
    ));
    for (i, (_, value)) in group.iter().enumerate() {
        let active = if i == 0 { " class=\"active\"" } else { "" };
        s.push_str(&format!("\n      <li{active}>{value}</li>\n  "));
    }
    s.push_str("\n</ul>\n");
    s
}

/// The plugin: two block tags, and a check for group names shared between pages.
pub struct JekyllTabs;

impl crate::plugins::Plugin for JekyllTabs {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-tabs"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_block_tag("tabs", |tag, markup, body, _| {
            if markup.is_empty() {
                return Err(LiquidError::new(
                    ErrorKind::Syntax,
                    format!("Block {tag} requires 1 attribute"),
                ));
            }
            Ok(Box::new(TabsBlock {
                name: sanitize_name(markup),
                body,
            }) as Box<dyn Tag>)
        });
        engine.register_block_tag("tab", |tag, markup, body, _| {
            let parts = awk_split2(markup);
            if parts.len() != 2 {
                return Err(LiquidError::new(
                    ErrorKind::Syntax,
                    format!("Block {tag} requires 2 attributes"),
                ));
            }
            Ok(Box::new(TabBlock {
                name: sanitize_name(parts[0]),
                label: parts[1].to_string(),
                body,
            }) as Box<dyn Tag>)
        });
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        let re = regex::Regex::new(r"\{%-?\s*tabs\s+(.*?)-?%\}").expect("valid pattern");
        let mut users: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut scan = |rel: String, text: &str| {
            let mut seen = Vec::new();
            for c in re.captures_iter(text) {
                let name = sanitize_name(&c[1]);
                if !seen.contains(&name) {
                    seen.push(name.clone());
                    users.entry(name).or_default().push(rel.clone());
                }
            }
        };
        for coll in site.collections.values() {
            for d in &coll.docs {
                scan(d.relative_path.clone(), &d.raw_content);
            }
        }
        for p in &site.pages {
            scan(p.relative_path(), &p.raw_content);
        }
        for (name, items) in users {
            if items.len() > 1 {
                site.warn(format!(
                    "jekyll-tabs: the tab group '{name}' is used by {}; Jekyll keeps tab groups in the payload every page shares, so its later pages would also list the earlier pages' tabs; hyde lists each page's own.",
                    items.join(", ")
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_labels() {
        assert_eq!(sanitize_name(" My Tabs! "), "my-tabs-");
        assert_eq!(sanitize_name("Été"), "-t-");
        assert_eq!(awk_split2("log  js thing "), vec!["log", "js thing "]);
        assert_eq!(awk_split2("log "), vec!["log"]);
        assert_eq!(awk_split2("  a\tb"), vec!["a", "b"]);
    }

    #[test]
    fn template_whitespace() {
        // The oracle's output for tabs `log` with tabs "php " and "js thing ".
        let out = render_template(
            "log",
            "U",
            &[
                ("php ".into(), "<p>a</p>\n".into()),
                ("js thing ".into(), "<p>b</p>\n".into()),
            ],
        );
        assert_eq!(
            out,
            "<ul id=\"log\" class=\"tab\" data-tab=\"U\" data-name=\"log\">\n  \n      <li class=\"active\" id=\"log-php\">\n          <a href=\"#\">php </a>\n      </li>\n  \n      <li id=\"log-js-thing\">\n          <a href=\"#\">js thing </a>\n      </li>\n  \n</ul>\n<ul class=\"tab-content\" id=\"U\" data-name=\"log\">\n  \n      <li class=\"active\"><p>a</p>\n</li>\n  \n      <li><p>b</p>\n</li>\n  \n</ul>\n"
        );
    }
}
