//! jekyll-socials (0.0.6 and its later relative-URL fix): `{% social_links %}` writes one
//! link per entry of `site.data.socials`, in the data's order, joined by a space: a known
//! social gets its icon (Academicons, Font Awesome or Scholar Icons) and URL pattern; a
//! `logo:` overrides the icon (an image file when it ends in an image extension, else icon
//! classes); an unknown social needs `logo`, `url` and `title`.
//!
//! Not packaged by Debian: the expectations in the tests come from reading
//! george-gca/jekyll-socials and running it under the oracle's Jekyll (RUBYLIB).

use crate::liquid::{Context, Engine, ErrorKind, LResult, LiquidError, Tag};
use crate::utils::ruby_capitalize;
use crate::value::Value;

/// (key, icon classes, URL pattern with `%s`).
const SOCIALS: &[(&str, &str, &str)] = &[
    (
        "academia_edu",
        "ai ai-academia",
        "https://%s.academia.edu/%s",
    ),
    ("acm_id", "ai ai-acm", "https://dl.acm.org/profile/%s/"),
    ("arxiv_id", "ai ai-arxiv", "https://arxiv.org/a/%s.html"),
    ("blogger_url", "fa-brands fa-blogger-b", "%s"),
    ("bluesky_url", "fa-brands fa-bluesky", "%s"),
    ("cv_pdf", "ai ai-cv", "%s"),
    ("dblp_url", "ai ai-dblp", "%s"),
    (
        "discord_id",
        "fa-brands fa-discord",
        "https://discord.com/users/%s",
    ),
    ("email", "fa-solid fa-envelope", "mailto:%s"),
    (
        "facebook_id",
        "fa-brands fa-facebook",
        "https://facebook.com/%s",
    ),
    (
        "flickr_id",
        "fa-brands fa-flickr",
        "https://www.flickr.com/%s",
    ),
    (
        "github_username",
        "fa-brands fa-github",
        "https://github.com/%s",
    ),
    (
        "gitlab_username",
        "fa-brands fa-gitlab",
        "https://gitlab.com/%s",
    ),
    ("hal_id", "ai ai-hal", "https://cv.hal.science/%s"),
    (
        "ieee_id",
        "ai ai-ieee",
        "https://ieeexplore.ieee.org/author/%s/",
    ),
    (
        "inspirehep_id",
        "ai ai-inspire",
        "https://inspirehep.net/authors/%s",
    ),
    (
        "instagram_id",
        "fa-brands fa-instagram",
        "https://instagram.com/%s",
    ),
    (
        "kaggle_id",
        "fa-brands fa-kaggle",
        "https://www.kaggle.com/%s",
    ),
    (
        "keybase_username",
        "fa-brands fa-keybase",
        "https://keybase.io/%s",
    ),
    (
        "lastfm_id",
        "fa-brands fa-lastfm",
        "https://www.last.fm/user/%s",
    ),
    ("lattes_id", "ai ai-lattes", "http://lattes.cnpq.br/%s"),
    (
        "leetcode_id",
        "si si-leetcode",
        "https://leetcode.com/u/%s/",
    ),
    (
        "letterboxd_id",
        "fa-brands fa-square-letterboxd",
        "https://letterboxd.com/%s",
    ),
    (
        "linkedin_username",
        "fa-brands fa-linkedin",
        "https://www.linkedin.com/in/%s",
    ),
    ("mastodon_username", "fa-brands fa-mastodon", "https://%s"),
    (
        "medium_username",
        "fa-brands fa-medium",
        "https://medium.com/@%s",
    ),
    ("orcid_id", "ai ai-orcid", "https://orcid.org/%s"),
    ("osf_id", "ai ai-osf", "https://osf.io/%s/"),
    (
        "pinterest_id",
        "fa-brands fa-pinterest",
        "https://www.pinterest.com/%s",
    ),
    ("publons_id", "ai ai-publons", "https://publons.com/a/%s/"),
    (
        "quora_username",
        "fa-brands fa-quora",
        "https://www.quora.com/profile/%s",
    ),
    (
        "research_gate_profile",
        "ai ai-researchgate",
        "https://www.researchgate.net/profile/%s/",
    ),
    ("rss_icon", "fa-solid fa-square-rss", "%s"),
    (
        "scholar_userid",
        "ai ai-google-scholar",
        "https://scholar.google.com/citations?user=%s",
    ),
    (
        "scopus_id",
        "ai ai-scopus",
        "https://www.scopus.com/authid/detail.uri?authorId=%s",
    ),
    (
        "semanticscholar_id",
        "ai ai-semantic-scholar",
        "https://www.semanticscholar.org/author/%s",
    ),
    (
        "spotify_id",
        "fa-brands fa-spotify",
        "https://open.spotify.com/user/%s",
    ),
    (
        "stackoverflow_id",
        "fa-brands fa-stack-overflow",
        "https://stackoverflow.com/users/%s",
    ),
    (
        "strava_userid",
        "fa-brands fa-strava",
        "https://www.strava.com/athletes/%s",
    ),
    (
        "telegram_username",
        "fa-brands fa-telegram",
        "https://telegram.me/%s",
    ),
    (
        "unsplash_id",
        "fa-brands fa-unsplash",
        "https://unsplash.com/@%s",
    ),
    (
        "wechat_username",
        "fa-brands fa-weixin",
        "weixin://dl/chat?%s",
    ),
    (
        "whatsapp_number",
        "fa-brands fa-whatsapp",
        "https://wa.me/%s",
    ),
    (
        "wikidata_id",
        "fa-solid fa-barcode",
        "https://www.wikidata.org/wiki/%s",
    ),
    (
        "wikipedia_id",
        "fa-brands fa-wikipedia-w",
        "https://wikipedia.org/wiki/User:%s",
    ),
    ("work_url", "fa-solid fa-briefcase", "%s"),
    (
        "x_username",
        "fa-brands fa-x-twitter",
        "https://twitter.com/%s",
    ),
    (
        "youtube_id",
        "fa-brands fa-youtube",
        "https://youtube.com/@%s",
    ),
    (
        "zotero_username",
        "fa-brands fa-zotero",
        "https://www.zotero.org/%s",
    ),
];

const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "gif", "webp", "svg"];

fn err(m: impl Into<String>) -> LiquidError {
    LiquidError::new(ErrorKind::Internal, format!("jekyll-socials: {}", m.into()))
}

/// Ruby's `format('%s', v)`: `to_s`.
fn fill(pattern: &str, args: &[String]) -> String {
    let mut out = String::new();
    let mut it = args.iter();
    let mut rest = pattern;
    while let Some(i) = rest.find("%s") {
        out.push_str(&rest[..i]);
        out.push_str(it.next().map(String::as_str).unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

/// Ruby's `value[key]`: a hash's entry; on a string, the key itself if the string holds it.
fn index(v: &Value, key: &str) -> Value {
    match v {
        Value::Hash(h) => h.get(key).cloned().unwrap_or(Value::Nil),
        Value::Str(s) if s.contains(key) => Value::str(key),
        _ => Value::Nil,
    }
}

/// `logo_value.split('.').last.downcase`.
fn extension(logo: &str) -> Option<String> {
    logo.split('.')
        .rev()
        .find(|p| !p.is_empty())
        .map(|p| p.to_lowercase())
}

struct Renderer {
    baseurl: String,
}

impl Renderer {
    /// The tag's `relative_url` helper: absolute URLs as they are, else baseurl + path.
    fn relative_url(&self, path: &str) -> String {
        if path.contains("://") {
            path.to_string()
        } else {
            format!("{}{path}", self.baseurl)
        }
    }

    /// A link whose content is the `logo` (image or icon classes).
    fn logo_link(&self, url: &str, title: &str, alt: &str, logo: &str) -> LResult<String> {
        let ext = extension(logo).ok_or_else(|| err(format!("logo '{logo}' has no name")))?;
        let inner = if IMAGE_EXTENSIONS.contains(&ext.as_str()) {
            let src = if logo.contains("://") {
                logo.to_string()
            } else {
                self.relative_url(logo)
            };
            if ext == "svg" {
                format!("<svg><image xlink:href='{src}' /></svg>")
            } else {
                format!("<img src='{src}' alt='{alt}'>")
            }
        } else {
            format!("<i class='{logo}'></i>")
        };
        Ok(format!("<a href='{url}' title='{title}'>{inner}</a>"))
    }

    /// The URL of a known social from its value.
    fn url(&self, key: &str, pattern: &str, value: &Value) -> String {
        let s = |v: &Value| crate::value::to_s(v);
        match key {
            "academia_edu" => fill(
                pattern,
                &[
                    s(&index(value, "organization")),
                    s(&index(value, "username")),
                ],
            ),
            "cv_pdf" => {
                let v = s(value);
                if v.contains("://") {
                    v
                } else {
                    format!("{}{v}", self.baseurl)
                }
            }
            "rss_icon" => fill(pattern, &[format!("{}/feed.xml", self.baseurl)]),
            _ => fill(pattern, &[s(value)]),
        }
    }

    fn link(&self, key: &str, value: &Value) -> LResult<String> {
        let known = SOCIALS.iter().find(|(k, _, _)| *k == key);
        let title = ruby_capitalize(&key.replace('_', " "));
        match known {
            Some((_, icon, pattern)) => {
                let logo = match value {
                    Value::Hash(h) => h.get("logo").filter(|l| l.is_truthy()).cloned(),
                    _ => None,
                };
                match logo {
                    Some(logo) => {
                        // With a logo the value is a hash: `value` or the social's own key.
                        let inner = match (index(value, "value"), key) {
                            (_, "academia_edu") => value.clone(),
                            (v, _) if v.is_truthy() => v,
                            _ => index(value, key),
                        };
                        let url = self.url(key, pattern, &inner);
                        self.logo_link(&url, &title, &title, &crate::value::to_s(&logo))
                    }
                    None => {
                        let url = self.url(key, pattern, value);
                        Ok(format!(
                            "<a href='{url}' title='{title}'><i class='{icon}'></i></a>"
                        ))
                    }
                }
            }
            None => {
                let logo = index(value, "logo");
                if logo.is_nil() {
                    return Err(err(format!(
                        "'{key}' is not a known social and has no logo (undefined method `split' for nil:NilClass)"
                    )));
                }
                let url = crate::value::to_s(&index(value, "url"));
                let title = crate::value::to_s(&index(value, "title"));
                self.logo_link(&url, &title, &title, &crate::value::to_s(&logo))
            }
        }
    }
}

struct SocialLinks;

impl Tag for SocialLinks {
    fn render(&self, ctx: &mut Context, out: &mut String) -> LResult<()> {
        let site = crate::site::liquid_setup::site_of(ctx)
            .ok_or_else(|| err("no site in the Liquid registers"))?;
        let baseurl = site
            .config
            .get("baseurl")
            .map(|v| crate::value::to_s(&v.clone()))
            .unwrap_or_default();
        let r = Renderer { baseurl };
        let socials = site.data.get("socials").unwrap_or(Value::Nil);
        let links = match &socials {
            Value::Hash(h) => h
                .iter()
                .map(|(k, v)| r.link(k, v))
                .collect::<LResult<Vec<_>>>()?,
            Value::Nil => Vec::new(),
            other => {
                return Err(err(format!(
                    "site.data.socials is a {}, not a mapping of social to value",
                    other.ruby_class()
                )))
            }
        };
        out.push_str(&links.join(" "));
        Ok(())
    }
}

/// The plugin: one Liquid tag.
pub struct JekyllSocials;

impl crate::plugins::Plugin for JekyllSocials {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-socials"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_tag("social_links", |_, _, _| {
            Ok(Box::new(SocialLinks) as Box<dyn Tag>)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_custom_socials() {
        let r = Renderer {
            baseurl: "/b".into(),
        };
        assert_eq!(
            r.link("github_username", &Value::str("octo")).unwrap(),
            "<a href='https://github.com/octo' title='Github username'><i class='fa-brands fa-github'></i></a>"
        );
        assert_eq!(
            r.link("cv_pdf", &Value::str("/assets/cv.pdf")).unwrap(),
            "<a href='/b/assets/cv.pdf' title='Cv pdf'><i class='ai ai-cv'></i></a>"
        );
        assert_eq!(
            r.link("rss_icon", &Value::Bool(true)).unwrap(),
            "<a href='/b/feed.xml' title='Rss icon'><i class='fa-solid fa-square-rss'></i></a>"
        );
        assert!(r.link("mystery", &Value::str("x")).is_err());
    }
}
