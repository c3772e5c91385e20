//! The Ruby files al-folio sites carry in `_plugins/`, recognized by their content (the
//! lines that decide what they do; comments and spacing do not count, nor does the file
//! name, which Ruby ignores too) and mapped to native implementations. A file hyde does not
//! know gets a warning naming the tags, filters, generators and hooks it defines, and each
//! tag it defines fails where it is used, naming the file, as an unknown tag fails in
//! Jekyll.

use super::al_folio_local as local;
use super::Plugin;
use crate::liquid::{Engine, LiquidError, Tag};
use std::path::Path;

/// What hyde does with a recognized file.
pub enum Support {
    /// Implemented: the plugin that does the same.
    Native(&'static dyn Plugin),
    /// Implemented in part or degraded: the plugin plus a warning saying what is missing.
    Partial(&'static dyn Plugin, &'static str),
    /// Not implemented: why, for the warning, given when the configuration has the key
    /// the file acts on (or always, when that is `None`).
    Missing(&'static str, Option<&'static str>),
}

/// One known variant of an al-folio `_plugins/*.rb` file.
pub struct RubyFile {
    /// The file's usual name (for messages).
    pub name: &'static str,
    /// Lines that all appear in this variant (white space collapsed, comments removed).
    pub markers: &'static [&'static str],
    pub support: Support,
}

/// Every variant hyde knows, most specific first (a variant whose lines include another's
/// comes before it).
pub static KNOWN: &[RubyFile] = &[
    RubyFile {
        name: "details.rb",
        markers: &[
            "class DetailsTag < Liquid::Block",
            "caption = converter.convert(@caption).gsub(/<\\/?p[^>]*>/, '').chomp",
            "body = converter.convert(super(context))",
            "\"<details><summary>#{caption}</summary>#{body}</details>\"",
            "Liquid::Template.register_tag('details', Jekyll::Tags::DetailsTag)",
        ],
        support: Support::Native(&local::Details),
    },
    RubyFile {
        name: "file-exists.rb",
        markers: &[
            "url = Liquid::Template.parse(@path).render context",
            "file_path = site_source + '/' + url",
            "\"#{File.exist?(file_path.strip!)}\"",
            "Liquid::Template.register_tag('file_exists', Jekyll::FileExistsTag)",
        ],
        support: Support::Native(&local::FileExists),
    },
    RubyFile {
        name: "hideCustomBibtex.rb",
        markers: &[
            "def hideCustomBibtex(input)",
            "keywords = @context.registers[:site].config['filtered_bibtex_keywords']",
            "input = input.gsub(/^\\s*#{keyword}.*$\\n/, '')",
            "Liquid::Template.register_filter(Jekyll::HideCustomBibtex)",
        ],
        support: Support::Native(&local::HIDE_BIBTEX_2022),
    },
    RubyFile {
        name: "hide-custom-bibtex.rb",
        markers: &[
            "def hideCustomBibtex(input)",
            "keywords = @context.registers[:site].config['filtered_bibtex_keywords']",
            "input = input.gsub(/^.*\\b#{keyword}\\b *= *\\{.*$\\n/, '')",
            "input = input.gsub(/^.*\\bauthor\\b *= *\\{.*$\\n/) { |line| line.gsub(/[*†‡§¶‖&^]/, '') }",
            "Liquid::Template.register_filter(Jekyll::HideCustomBibtex)",
        ],
        support: Support::Native(&local::HIDE_BIBTEX_2025),
    },
    RubyFile {
        name: "hide-custom-bibtex.rb",
        markers: &[
            "def hideCustomBibtex(input)",
            "keywords = @context.registers[:site].config['filtered_bibtex_keywords']",
            "input = input.gsub(/^.*\\b#{keyword}\\b *= *\\{.*$\\n/, '')",
            "Liquid::Template.register_filter(Jekyll::HideCustomBibtex)",
        ],
        support: Support::Native(&local::HIDE_BIBTEX_2023),
    },
    RubyFile {
        name: "remove-accents.rb",
        markers: &[
            "I18n.config.available_locales = :en",
            "I18n.transliterate(string)",
            "def remove_accents(string) RemoveAccents.new(string: string).digest! end",
            "Liquid::Template.register_filter(Jekyll::CleanString)",
        ],
        support: Support::Native(&local::RemoveAccents),
    },
    RubyFile {
        name: "cache-bust.rb",
        markers: &[
            "[file_name, '?', Digest::MD5.hexdigest(file_contents)].join",
            "local_file_name = file_name.slice((file_name.index('assets/')..-1))",
            "CacheDigester.new(file_name: file_name, directory: '_sass').digest!",
            "Liquid::Template.register_filter(Jekyll::CacheBust)",
        ],
        support: Support::Native(&CACHE_BUST_SASS),
    },
    RubyFile {
        name: "cache-bust.rb",
        markers: &[
            "[file_name, '?', Digest::MD5.hexdigest(file_contents)].join",
            "local_file_name = file_name.slice((file_name.index('assets/')..-1))",
            "CacheDigester.new(file_name: file_name, directory: 'assets/_sass').digest!",
            "Liquid::Template.register_filter(Jekyll::CacheBust)",
        ],
        support: Support::Native(&CACHE_BUST_ASSETS_SASS),
    },
    RubyFile {
        name: "strip.rb",
        markers: &[
            "module StripHTML def strip(content) if strip_enabled? super.gsub(/\\n(\\s*\\n)+/,\"\\n\")",
            "true?(config['strip'])",
            "obj.to_s.downcase == 'true'",
            "Liquid::Template.register_filter(Jekyll::StripHTML)",
        ],
        support: Support::Native(&local::STRIP_SUPER),
    },
    RubyFile {
        name: "strip.rb",
        markers: &[
            "module StripHTML def strip(content) if strip_enabled? content.gsub(/\\n(\\s*\\n)+/,\"\\n\")",
            "true?(config['strip'])",
            "obj.to_s.downcase == 'true'",
            "Liquid::Template.register_filter(Jekyll::StripHTML)",
        ],
        support: Support::Native(&local::STRIP_CONTENT),
    },
    RubyFile {
        name: "youtube.rb",
        markers: &[
            "class YouTube < Liquid::Tag",
            "Syntax = /^\\s*([^\\s]+)(\\s+(\\d+)\\s+(\\d+)\\s*)?/",
            "@width = $2.to_i @height = $3.to_i",
            "def render(context) \"<iframe width=\\\"#{@width}\\\" height=\\\"#{@height}\\\" src=\\\"http://www.youtube.com/embed/#{@id}?color=white&theme=light\\\"></iframe>\" end",
            "Liquid::Template.register_tag \"youtube\", self",
        ],
        support: Support::Native(&local::YouTube),
    },
    RubyFile {
        name: "emoji.rb",
        markers: &[
            "module EmojiFilter def emojify(content) return false if !content",
            "content.to_str.gsub(/:([a-z0-9\\+\\-_]+):/) do |match|",
            "if Emoji.find_by_alias($1) and emoji_dir",
            "'<img alt=\"' + $1 + '\" src=\"' + emoji_dir + \"/#{$1}.png\" + '\" class=\"emoji\" />'",
            "Liquid::Template.register_filter(Jekyll::EmojiFilter)",
        ],
        support: Support::Partial(
            &local::EmojiFilter,
            "its generator, which copies gemoji's images into a local `emoji_dir`, is not run (hyde has no gemoji images); the `emojify` filter works",
        ),
    },
    RubyFile {
        name: "minify.rb",
        markers: &[
            "require 'htmlcompressor'",
            "def minify(content) if minify_enabled? compressor = HtmlCompressor::Compressor.new compressor.compress content else content end end",
            "true?(config['minify'])",
            "Liquid::Template.register_filter(Jekyll::MinifyFilter)",
        ],
        support: Support::Native(&local::MINIFY),
    },
    RubyFile {
        name: "beautify.rb",
        markers: &[
            "require 'htmlbeautifier'",
            "def beautify(content) if beautify_enabled? content = HtmlBeautifier.beautify(content) else content end end",
            "true?(config['beautify'])",
            "Liquid::Template.register_filter(Jekyll::StripHTML)",
        ],
        support: Support::Native(&local::BEAUTIFY),
    },
    RubyFile {
        name: "google-scholar-citations.rb",
        markers: &[
            "class GoogleScholarCitationsTag < Liquid::Tag",
            "citation_count = \"N/A\"",
            "Liquid::Template.register_tag('google_scholar_citations', Jekyll::GoogleScholarCitationsTag)",
        ],
        support: Support::Native(&super::google_scholar_citations::GoogleScholarCitations),
    },
    RubyFile {
        name: "inspirehep-citations.rb",
        markers: &[
            "class InspireHEPCitationsTag < Liquid::Tag",
            "citation_count = \"N/A\"",
            "Liquid::Template.register_tag('inspirehep_citations', Jekyll::InspireHEPCitationsTag)",
        ],
        support: Support::Native(&super::inspirehep_citations::InspireHepCitations),
    },
    RubyFile {
        name: "external-posts.rb",
        markers: &["class ExternalPostsGenerator < Jekyll::Generator"],
        support: Support::Native(&super::external_posts::ExternalPosts),
    },
    RubyFile {
        name: "download-3rd-party.rb",
        markers: &[
            "Jekyll::Hooks.register :site, :after_init do |site|",
            "site.config['third_party_libraries'].each do |key, value|",
            "url2.gsub('{{version}}', site.config['third_party_libraries'][key]['version'])",
            "def download_file(url, dest)",
        ],
        // Its `{{version}}` pass is jekyll-3rd-party-libraries' (which warns about downloads).
        support: Support::Native(&super::jekyll_3rd_party_libraries::Jekyll3rdPartyLibraries),
    },
    RubyFile {
        name: "upcoming_events.rb",
        markers: &[
            "site.data['upcoming_events'] = collection.docs.select { |event| event.data['start'] >= Time.now }",
            "site.data['previous_events'] = collection.docs.select { |event| event.data['end'] < Time.now }",
        ],
        support: Support::Missing(
            "its generator (site.data.upcoming_events and previous_events from the events collection) is not implemented yet",
            None,
        ),
    },
    RubyFile {
        name: "protector.rb",
        markers: &["class ProtectedPageGenerator < Generator", "def aes256_encrypt(password, cleardata)"],
        support: Support::Missing(
            "its generator (AES-encrypted pages from the protected collection) is not implemented yet",
            None,
        ),
    },
];

/// al-folio's `cache-bust.rb` of 2023 (`?` and `_sass`).
pub static CACHE_BUST_SASS: super::jekyll_cache_bust::CacheBust =
    super::jekyll_cache_bust::CacheBust {
        separator: "?",
        sass_dir: "_sass",
        names: &[],
    };

/// al-folio's earlier `cache-bust.rb` (`?` and `assets/_sass`).
pub static CACHE_BUST_ASSETS_SASS: super::jekyll_cache_bust::CacheBust =
    super::jekyll_cache_bust::CacheBust {
        separator: "?",
        sass_dir: "assets/_sass",
        names: &[],
    };

/// Ruby source with comment lines dropped and every run of white space made one space.
pub fn normalize(source: &str) -> String {
    let kept: Vec<&str> = source
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect();
    kept.join("\n")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The known variant `source` is, if any.
pub fn recognize(source: &str) -> Option<&'static RubyFile> {
    let n = normalize(source);
    KNOWN
        .iter()
        .find(|k| k.markers.iter().all(|m| n.contains(&normalize(m))))
}

/// What an unknown Ruby file defines, read from its text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Definitions {
    pub tags: Vec<String>,
    pub filters: Vec<String>,
    pub generators: usize,
    pub hooks: usize,
}

/// Scans Ruby source: `register_tag('name'`, the public `def`s of a file that registers
/// filter modules, `< Generator` classes and `Hooks.register` calls.
pub fn scan(source: &str) -> Definitions {
    static TAG: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r#"register_tag[\s(]*['":]([\w-]+)['"]?"#).expect("valid")
    });
    static DEF: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"^\s*def\s+(?:self\.)?([a-z_]\w*[?!]?)").expect("valid")
    });
    let mut d = Definitions::default();
    for c in TAG.captures_iter(source) {
        if !d.tags.contains(&c[1].to_string()) {
            d.tags.push(c[1].to_string());
        }
    }
    if source.contains("register_filter") {
        let mut private = false;
        for line in source.lines() {
            let t = line.trim();
            if t == "private" || t == "protected" {
                private = true;
            } else if t.starts_with("module ") || t.starts_with("class ") {
                private = false;
            }
            if let Some(c) = DEF.captures(line) {
                let name = c[1].to_string();
                if !private
                    && name != "initialize"
                    && name != "render"
                    && !d.filters.contains(&name)
                {
                    d.filters.push(name);
                }
            }
        }
    }
    d.generators =
        source.matches("< Generator").count() + source.matches("< Jekyll::Generator").count();
    d.hooks = source.matches("Hooks.register").count();
    d
}

/// The warning for a file hyde does not know.
pub fn unknown_file_message(rel: &str, d: &Definitions) -> String {
    let mut parts = Vec::new();
    if !d.tags.is_empty() {
        let t: Vec<String> = d.tags.iter().map(|t| format!("{{% {t} %}}")).collect();
        parts.push(format!("the tags {}", t.join(", ")));
    }
    if !d.filters.is_empty() {
        parts.push(format!("the filters {}", d.filters.join(", ")));
    }
    if d.generators > 0 {
        parts.push(format!("{} generator(s)", d.generators));
    }
    if d.hooks > 0 {
        parts.push(format!("{} hook(s)", d.hooks));
    }
    let what = if parts.is_empty() {
        "whatever it defines".to_string()
    } else {
        parts.join(", ")
    };
    format!(
        "Plugin: {rel} is a Ruby plugin hyde does not know and cannot run; {what} will be missing."
    )
}

/// The tags of unknown Ruby files: each fails where a template uses it, naming the file.
pub struct UnknownTags {
    pub tags: Vec<(String, String)>,
}

impl Plugin for UnknownTags {
    fn names(&self) -> &'static [&'static str] {
        &[]
    }
    fn register_liquid(&self, engine: &mut Engine) {
        for (tag, file) in &self.tags {
            let file = file.clone();
            engine.register_tag(tag, move |name, _, _| {
                Err::<Box<dyn Tag>, _>(LiquidError::syntax(format!(
                    "Unknown tag '{name}' (defined by the Ruby plugin {file}, which hyde cannot run)"
                )))
            });
        }
    }
}

/// What `load` does with one `_plugins` file: the plugin to load (if any) and the warning
/// to give (if any).
pub fn classify(
    path: &Path,
    rel: &str,
    config: &crate::value::Hash,
) -> (Vec<&'static dyn Plugin>, Option<String>, Vec<String>) {
    let source = match std::fs::read(path) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => {
            return (
                Vec::new(),
                Some(format!("Plugin: {rel} could not be read: {e}")),
                Vec::new(),
            )
        }
    };
    match recognize(&source) {
        Some(k) => match &k.support {
            Support::Native(p) => (vec![*p], None, Vec::new()),
            Support::Partial(p, why) => (
                vec![*p],
                Some(format!(
                    "Plugin: {rel} (al-folio's {}) runs natively, but {why}.",
                    k.name
                )),
                Vec::new(),
            ),
            Support::Missing(_, Some(key)) if config.get(*key).is_none_or(|v| v.is_nil()) => {
                (Vec::new(), None, Vec::new())
            }
            Support::Missing(why, _) => (
                Vec::new(),
                Some(format!(
                    "Plugin: {rel} (al-folio's {}) is recognized, but {why}.",
                    k.name
                )),
                Vec::new(),
            ),
        },
        None => {
            // A file that only requires gems (al-folio's 2016 `jekyll-scholar.rb` is
            // `require 'jekyll/scholar'`) loads those gems.
            let required = requires(&source);
            let only_requires = normalize(&source)
                .split("require ")
                .all(|part| part.trim().is_empty() || is_quoted_name(part.trim()));
            if only_requires && !required.is_empty() {
                let plugins: Vec<&'static dyn Plugin> =
                    required.iter().filter_map(|r| super::find(r)).collect();
                let missing: Vec<&String> = required
                    .iter()
                    .filter(|r| super::find(r).is_none())
                    .collect();
                let warning = (!missing.is_empty()).then(|| {
                    let names: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
                    format!(
                        "Plugin: {rel} requires {}, which hyde does not implement; the tags, filters and pages it provides will be missing.",
                        names.join(", ")
                    )
                });
                return (plugins, warning, Vec::new());
            }
            let d = scan(&source);
            let msg = unknown_file_message(rel, &d);
            (Vec::new(), Some(msg), d.tags)
        }
    }
}

/// The names of `require 'name'` lines.
fn requires(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("require "))
        .map(|r| r.trim())
        .filter(|r| is_quoted_name(r))
        .map(|r| r[1..r.len() - 1].to_string())
        .collect()
}

fn is_quoted_name(s: &str) -> bool {
    s.len() >= 2
        && (s.starts_with('\'') && s.ends_with('\'') || s.starts_with('"') && s.ends_with('"'))
        && !s[1..s.len() - 1].contains(['\'', '"', ' '])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_comments_and_space() {
        assert_eq!(
            normalize("# c\n  def x\n\t  y # not a line comment\n"),
            "def x y # not a line comment"
        );
    }

    #[test]
    fn every_marker_set_is_distinct() {
        for (i, a) in KNOWN.iter().enumerate() {
            let text = a.markers.join("\n");
            assert_eq!(
                recognize(&text).map(|k| k as *const RubyFile),
                Some(a as *const RubyFile),
                "variant {i} ({}) is shadowed",
                a.name
            );
        }
    }

    #[test]
    fn a_file_of_requires_loads_those_gems() {
        let dir = std::env::temp_dir().join(format!("hyde-rb-req-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("x.rb");
        std::fs::write(&f, "require 'jemoji'\nrequire \"jekyll/nothing\"\n").unwrap();
        let (plugins, warning, _) = classify(&f, "_plugins/x.rb", &crate::value::Hash::new());
        assert_eq!(plugins.len(), 1);
        assert!(warning.unwrap().contains("requires 'jekyll/nothing'"));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn scans_unknown_files() {
        let src = "module Jekyll\n  module Foo\n    def shout(input)\n      input.upcase\n    end\n    private\n    def helper\n    end\n  end\n  class BarTag < Liquid::Tag\n    def render(context)\n    end\n  end\n  class G < Generator\n  end\nend\nLiquid::Template.register_filter(Jekyll::Foo)\nLiquid::Template.register_tag('bar', Jekyll::BarTag)\nJekyll::Hooks.register :site, :post_write do |s| end\n";
        let d = scan(src);
        assert_eq!(d.tags, vec!["bar"]);
        assert_eq!(d.filters, vec!["shout"]);
        assert_eq!((d.generators, d.hooks), (1, 1));
        let m = unknown_file_message("_plugins/foo.rb", &d);
        assert_eq!(m, "Plugin: _plugins/foo.rb is a Ruby plugin hyde does not know and cannot run; the tags {% bar %}, the filters shout, 1 generator(s), 1 hook(s) will be missing.");
    }
}
