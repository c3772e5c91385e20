//! jekyll-avatar (0.8.0): `{% avatar hubot size=50 %}`, `{% avatar user=page.author %}`,
//! `{% avatar {{ var }} lazy=true %}` print a GitHub avatar `<img>` with a 1x–4x `srcset`.
//! The avatar host is `avatarsN.githubusercontent.com` (N from a CRC32 of the path) or
//! `PAGES_AVATARS_URL`.

use crate::liquid::LResult;
use crate::liquid::{Context, Engine, Tag, Template};
use crate::value::Value;
use once_cell::sync::Lazy;
use regex::Regex;

const DEFAULT_SIZE: &str = "40";
const API_VERSION: &str = "3";
const SERVERS: u32 = 4;

static SIZE: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?i)\bsize=(\d+)\b").expect("valid regex"));
static USER_VARIABLE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\buser=([A-Za-z0-9_.]+)\b").expect("valid regex"));

/// zlib's CRC-32 (the server number is `crc32(path) % 4`).
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

/// The parsed tag: the markup (itself Liquid), and what is read from it before rendering.
struct AvatarTag {
    text: String,
    size: String,
    user_variable: Option<String>,
}

impl AvatarTag {
    fn parse(markup: &str) -> AvatarTag {
        let text = crate::liquid::ruby::strip(markup).to_string();
        let size = SIZE
            .captures(&text)
            .map(|c| c[1].to_string())
            .unwrap_or_else(|| DEFAULT_SIZE.to_string());
        let user_variable = USER_VARIABLE.captures(&text).map(|c| c[1].to_string());
        AvatarTag {
            text,
            size,
            user_variable,
        }
    }

    /// The user: the `user=` variable's value (its name when unset), else the first word of
    /// the rendered markup without a leading `@`.
    fn username(&self, ctx: &mut Context, rendered: &str) -> String {
        if let Some(var) = &self.user_variable {
            return match ctx.get(var) {
                Value::Nil | Value::Bool(false) => var.clone(),
                v => crate::value::to_s(&v),
            };
        }
        let first = if rendered.contains(' ') {
            rendered.split_whitespace().next().unwrap_or("")
        } else {
            rendered
        };
        first.strip_prefix('@').unwrap_or(first).to_string()
    }
}

/// `PAGES_AVATARS_URL`, when set: avatars come from there.
fn custom_host() -> Option<String> {
    std::env::var("PAGES_AVATARS_URL")
        .ok()
        .filter(|h| !h.is_empty())
}

/// The avatar's URL at a scale.
fn url(host: &Option<String>, username: &str, size: &str, scale: i64) -> String {
    let scaled = if scale == 1 {
        size.to_string()
    } else {
        (size.parse::<i64>().unwrap_or(0) * scale).to_string()
    };
    let path = format!("{username}?v={API_VERSION}&s={scaled}");
    match host {
        Some(h) => {
            // Addressable: the host's path gets a trailing slash, then the path joins it.
            let base = if h.ends_with('/') {
                h.clone()
            } else {
                format!("{h}/")
            };
            format!("{base}{path}")
        }
        None => {
            let first = format!("{username}?v={API_VERSION}&s={size}");
            let server = crc32(first.as_bytes()) % SERVERS;
            format!("https://avatars{server}.githubusercontent.com/{path}")
        }
    }
}

impl Tag for AvatarTag {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let reg = ctx.registry.clone().unwrap_or_default();
        let t = Template::parse_with(reg, ctx.error_mode, &self.text)?;
        let mut rendered = String::new();
        ctx.render_body(&t.inner.root, &mut rendered)?;
        let lazy = rendered.contains("lazy=true");
        let username = self.username(ctx, &rendered);
        let host = custom_host();
        let size = &self.size;
        let src = url(&host, &username, size, 1);
        let srcset = (1..=4)
            .map(|s| format!("{} {s}x", url(&host, &username, size, s)))
            .collect::<Vec<_>>()
            .join(", ");
        let class = if size.parse::<i64>().unwrap_or(0) < 48 {
            "avatar avatar-small"
        } else {
            "avatar"
        };
        let head = format!(
            r#"<img class="{class}" alt="{username}" width="{size}" height="{size}" data-proofer-ignore="true" "#
        );
        out.push_str(&head);
        if lazy {
            out.push_str(&format!(
                r#"src="" data-src="{src}" data-srcset="{srcset}" />"#
            ));
        } else {
            out.push_str(&format!(r#"src="{src}" srcset="{srcset}" />"#));
        }
        Ok(())
    }
}

/// The plugin: the `avatar` tag.
pub struct JekyllAvatar;

impl crate::plugins::Plugin for JekyllAvatar {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-avatar"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("avatar", |_, markup, _| {
            Ok(Box::new(AvatarTag::parse(markup)) as Box<dyn Tag>)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_matches_zlib() {
        // Zlib.crc32("hubot?v=3&s=40") % 4 == 3 and ("hubot?v=3&s=50") % 4 == 2 (Ruby).
        assert_eq!(crc32(b"hubot?v=3&s=40") % 4, 3);
        assert_eq!(crc32(b"hubot?v=3&s=50") % 4, 2);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn urls() {
        assert_eq!(
            url(&None, "hubot", "40", 2),
            "https://avatars3.githubusercontent.com/hubot?v=3&s=80"
        );
        assert_eq!(
            url(&Some("http://avatars.example.com".into()), "hubot", "40", 1),
            "http://avatars.example.com/hubot?v=3&s=40"
        );
    }
}
