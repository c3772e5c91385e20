//! Plugins: which plugins a site enables (Jekyll's `PluginManager`), the native
//! implementations hyde has (one module per plugin, named after it), and a warning — an
//! error under `--strict` — for every plugin or Ruby file hyde cannot provide.

pub mod al_folio_local;
pub mod external_posts;
pub mod google_scholar_citations;
pub mod html_scan;
pub mod inspirehep_citations;
pub mod jekyll_3rd_party_libraries;
pub mod jekyll_archives;
pub mod jekyll_avatar;
pub mod jekyll_cache_bust;
pub mod jekyll_default_layout;
pub mod jekyll_email_protect;
pub mod jekyll_feed;
pub mod jekyll_get_json;
pub mod jekyll_gist;
pub mod jekyll_github_metadata;
pub mod jekyll_imagemagick;
pub mod jekyll_include_cache;
pub mod jekyll_jupyter_notebook;
pub mod jekyll_link_attributes;
pub mod jekyll_mentions;
pub mod jekyll_optional_front_matter;
pub mod jekyll_paginate;
pub mod jekyll_paginate_v2;
pub mod jekyll_readme_index;
pub mod jekyll_redirect_from;
pub mod jekyll_regex_replace;
pub mod jekyll_relative_links;
pub mod jekyll_scholar;
pub mod jekyll_seo_tag;
pub mod jekyll_sitemap;
pub mod jekyll_socials;
pub mod jekyll_tabs;
pub mod jekyll_target_blank;
pub mod jekyll_titles_from_headings;
pub mod jekyll_toc;
pub mod jekyll_twitter_plugin;
pub mod jemoji;
pub mod ruby_files;
pub mod ruby_regex;

use crate::config::ConfigExt;
use crate::error::{Error, Result};
use crate::liquid::Engine;
use crate::site::render::Item;
use crate::site::Site;
use std::path::Path;

/// What a Jekyll plugin contributes, each part at the point of Jekyll's pipeline where the
/// Ruby plugin would hook in. A plugin implements only the parts it has.
pub trait Plugin: Sync + Send {
    /// The gem names and require paths that load it (`jekyll-scholar`, `jekyll/scholar`).
    fn names(&self) -> &'static [&'static str];

    /// `Liquid::Template.register_tag` / `register_filter`: its tags and filters, registered
    /// when the plugin is loaded (before any template is parsed).
    fn register_liquid(&self, _engine: &mut Engine) {}

    /// `:site, :post_read` hooks: runs after reading, before every generator.
    fn post_read(&self, _site: &mut Site) -> Result<()> {
        Ok(())
    }

    /// The generator's `priority`: Jekyll's `:highest` 100, `:high` 10, `:normal` 0,
    /// `:low` -10, `:lowest` -100. Generators run highest first.
    fn priority(&self) -> i32 {
        0
    }

    /// `Generator#generate`.
    fn generate(&self, _site: &mut Site) -> Result<()> {
        Ok(())
    }

    /// `:pages`/`:documents`, `:post_render` hooks: rewrites an item's final output (after
    /// layouts). Runs for every rendered page and document, written or not.
    fn post_render(&self, _site: &Site, _item: Item, _output: &mut String) -> Result<()> {
        Ok(())
    }
}

/// Every plugin hyde implements natively, in the order Jekyll would load them when several
/// are enabled (the order generators of equal priority run in).
pub static ALL: &[&dyn Plugin] = &[
    &jekyll_paginate::JekyllPaginate,
    &jekyll_get_json::JekyllGetJson,
    &jekyll_twitter_plugin::JekyllTwitterPlugin,
    &jekyll_include_cache::JekyllIncludeCache,
    &jekyll_seo_tag::JekyllSeoTag,
    &jekyll_toc::JekyllToc,
    &jekyll_feed::JekyllFeed,
    &jekyll_sitemap::JekyllSitemap,
    &jekyll_archives::JekyllArchives,
    &jekyll_archives::v2::JekyllArchivesV2,
    &jekyll_redirect_from::JekyllRedirectFrom,
    &jekyll_optional_front_matter::JekyllOptionalFrontMatter,
    &jekyll_readme_index::JekyllReadmeIndex,
    &jekyll_titles_from_headings::JekyllTitlesFromHeadings,
    &jekyll_default_layout::JekyllDefaultLayout,
    &jekyll_relative_links::JekyllRelativeLinks,
    &jekyll_avatar::JekyllAvatar,
    &jekyll_gist::JekyllGist,
    &jekyll_paginate_v2::JekyllPaginateV2,
    &jekyll_mentions::JekyllMentions,
    &jekyll_scholar::JekyllScholar,
    &jekyll_github_metadata::JekyllGithubMetadata,
    &jemoji::Jemoji,
    &jekyll_email_protect::JekyllEmailProtect,
    &jekyll_link_attributes::JekyllLinkAttributes,
    &jekyll_target_blank::JekyllTargetBlank,
    &jekyll_regex_replace::JekyllRegexReplace,
    &jekyll_tabs::JekyllTabs,
    &jekyll_cache_bust::GEM,
    &jekyll_socials::JekyllSocials,
    &jekyll_3rd_party_libraries::Jekyll3rdPartyLibraries,
    &jekyll_imagemagick::JekyllImagemagick,
    &jekyll_jupyter_notebook::JekyllJupyterNotebook,
];

/// The implementation a gem name or require path refers to.
pub fn find(name: &str) -> Option<&'static dyn Plugin> {
    ALL.iter().copied().find(|p| p.names().contains(&name))
}

/// Gems that are part of Jekyll itself or change nothing in the output, so naming them is
/// not a loss: they need no warning.
/// Libraries in that list (sites put them in the `:jekyll_plugins` group too) are loaded by
/// the plugins that need them and define nothing themselves; the converters hyde has
/// built in (kramdown, Rouge, Sass) are listed here as well. `classifier-reborn` only
/// matters with `lsi: true`, which hyde reports on its own.
const NO_OUTPUT_EFFECT: &[&str] = &[
    "jekyll",
    "jekyll-watch",
    "webrick",
    "tzinfo",
    "tzinfo-data",
    "wdm",
    "http_parser.rb",
    "kramdown",
    "kramdown-parser-gfm",
    "rouge",
    "sassc",
    "jekyll-sass-converter",
    "classifier-reborn",
    "unicode_utils",
    "observer",
    "ostruct",
    "csv",
    "base64",
    "bigdecimal",
    "logger",
    "json",
];

/// The plugins a site asks for: `plugins:` (and the older `gems:`), plus the Gemfile's
/// `:jekyll_plugins` group, which Jekyll requires through Bundler unless
/// `JEKYLL_NO_BUNDLER_REQUIRE` is set. In safe mode only `whitelist`ed ones load.
pub fn requested(site: &Site) -> Vec<String> {
    let mut names = site.config.list_of("plugins");
    for g in site.config.list_of("gems") {
        if !names.contains(&g) {
            names.push(g);
        }
    }
    if std::env::var_os("JEKYLL_NO_BUNDLER_REQUIRE").is_none() {
        for g in gemfile_jekyll_plugins(&site.source.join("Gemfile")) {
            if !names.contains(&g) {
                names.push(g);
            }
        }
    }
    if site.flags.safe {
        let whitelist = site.config.list_of("whitelist");
        names.retain(|n| whitelist.contains(n));
    }
    names
}

/// Gems in the Gemfile's `group :jekyll_plugins do ... end` block or declared with
/// `group: :jekyll_plugins`.
pub fn gemfile_jekyll_plugins(gemfile: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(gemfile) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut in_group = false;
    let mut depth = 0usize;
    for line in text.lines() {
        let l = line.split('#').next().unwrap_or("").trim();
        if l.starts_with("group") && l.contains(":jekyll_plugins") && l.ends_with("do") {
            in_group = true;
            depth = 1;
            continue;
        }
        if in_group {
            if l.ends_with(" do") || l == "do" {
                depth += 1;
            }
            if l == "end" {
                depth -= 1;
                if depth == 0 {
                    in_group = false;
                }
                continue;
            }
        }
        if let Some(rest) = l.strip_prefix("gem ") {
            let name = rest.trim().trim_start_matches(['"', '\'']);
            let name: String = name
                .chars()
                .take_while(|c| *c != '"' && *c != '\'')
                .collect();
            let grouped = l.contains("group: :jekyll_plugins")
                || l.contains(":group => :jekyll_plugins")
                || l.contains("group: [:jekyll_plugins");
            if (in_group || grouped) && !name.is_empty() {
                out.push(name);
            }
        }
    }
    out
}

/// `PluginManager#conscientious_require`: loads the enabled plugins into `site.plugins`,
/// and reports plugins and Ruby files hyde cannot run, naming each, as nothing may be left
/// out silently.
pub fn load(site: &mut Site) -> Result<()> {
    let strict = site.config.bool_of("strict");
    let mut problems = Vec::new();
    let plugins = requested(site);
    site.plugins.clear();
    for name in &plugins {
        if let Some(p) = find(name) {
            if !site.plugins.iter().any(|q| std::ptr::eq(*q, p)) {
                site.plugins.push(p);
            }
            continue;
        }
        if NO_OUTPUT_EFFECT.contains(&name.as_str()) {
            continue;
        }
        problems.push(format!(
            "Plugin: '{name}' is not implemented by hyde; the tags, filters and pages it provides will be missing."
        ));
    }
    if !site.flags.safe {
        let mut local_plugins = 0;
        let mut unknown_tags = Vec::new();
        let dirs = site.config.list_of("plugins_dir");
        let dirs = if dirs.is_empty() {
            vec!["_plugins".to_string()]
        } else {
            dirs
        };
        for d in dirs {
            let mut files = Vec::new();
            collect_rb(&site.source.join(&d), &mut files);
            files.sort();
            for f in files {
                let rel = f
                    .strip_prefix(&site.source)
                    .unwrap_or(&f)
                    .display()
                    .to_string();
                let (found, warning, tags) = ruby_files::classify(&f, &rel, &site.config);
                // `_plugins` load before the `plugins:` gems: later registrations win.
                for p in found {
                    if !site.plugins.iter().any(|q| std::ptr::eq(*q, p)) {
                        site.plugins.insert(local_plugins, p);
                        local_plugins += 1;
                    }
                }
                problems.extend(warning);
                unknown_tags.extend(tags.into_iter().map(|t| (t, rel.clone())));
            }
        }
        if !unknown_tags.is_empty() {
            // One small allocation per build that meets unknown Ruby plugins with tags.
            let p: &'static ruby_files::UnknownTags =
                Box::leak(Box::new(ruby_files::UnknownTags { tags: unknown_tags }));
            site.plugins.insert(0, p);
        }
    }
    if strict && !problems.is_empty() {
        return Err(Error::new(problems.join("\n")));
    }
    // Reported now, as Jekyll reports plugin problems while loading them: a build that
    // then fails (say on a tag the missing plugin would define) still says why.
    for p in problems {
        match p.split_once(": ") {
            Some((topic, msg)) => crate::cli::log::warn(&format!("{topic}:"), msg),
            None => crate::cli::log::warn("", &p),
        }
    }
    Ok(())
}

/// The `:site, :post_read` hooks of the loaded plugins.
pub fn post_read(site: &mut Site) -> Result<()> {
    for p in site.plugins.clone() {
        p.post_read(site)?;
    }
    Ok(())
}

/// `Site#generate`: the loaded plugins' generators, highest priority first (a stable sort,
/// so equal priorities keep load order).
pub fn generate(site: &mut Site) -> Result<()> {
    let mut generators = site.plugins.clone();
    generators.sort_by_key(|p| std::cmp::Reverse(p.priority()));
    for p in generators {
        p.generate(site)?;
    }
    Ok(())
}

/// Registers the loaded plugins' Liquid tags and filters.
pub fn register_liquid(site: &Site, engine: &mut Engine) {
    for p in &site.plugins {
        p.register_liquid(engine);
    }
}

/// The loaded plugins' `:post_render` hooks, in load order.
pub fn post_render(site: &Site, item: Item, output: &mut String) -> Result<()> {
    for p in &site.plugins {
        p.post_render(site, item, output)?;
    }
    Ok(())
}

fn collect_rb(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.filter_map(|e| e.ok()) {
        let p = e.path();
        if p.is_dir() {
            collect_rb(&p, out);
        } else if p.extension().is_some_and(|e| e == "rb") {
            out.push(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_gemfile_groups() {
        let dir = std::env::temp_dir().join(format!("hyde-gemfile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let gemfile = dir.join("Gemfile");
        std::fs::write(
            &gemfile,
            "source \"https://rubygems.org\"\ngem \"jekyll\", \"~> 4.3\"\ngroup :jekyll_plugins do\n  gem \"jekyll-feed\"\n  gem 'jekyll-sitemap'\nend\ngem \"jemoji\", group: :jekyll_plugins\n",
        )
        .unwrap();
        assert_eq!(
            gemfile_jekyll_plugins(&gemfile),
            vec!["jekyll-feed", "jekyll-sitemap", "jemoji"]
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
