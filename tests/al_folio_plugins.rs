//! al-folio's plugins, natively: each site under `tests/alfolio-sites/` is built by hyde and
//! its pages compared with `_expected/`.
//!
//! None of these plugins is packaged by Debian, so the expected pages are not oracle-made in
//! the usual way: they come from running the oracle's Jekyll with the plugins' own Ruby
//! sources on RUBYLIB (gems) or in `_plugins/` (al-folio's files), fetched from their
//! repositories and not committed — see tests/alfolio-sites/README.md. The Ruby plugins
//! re-serialize pages through Nokogiri (libxml2), which hyde does not imitate byte for byte,
//! so pages are compared DOM-normalized (see `dom`); jekyll-tabs' random UUIDs are masked.

use hyde::plugins::html_scan::{decode_entities, tokenize, Token};
use std::path::{Path, PathBuf};

fn sites_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/alfolio-sites")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Builds a copy of `site` (plus `extra` files) into a temp dir; returns the destination
/// and the build's warnings.
fn build(name: &str, extra: &[(&str, String)]) -> (PathBuf, Vec<String>) {
    let root = std::env::temp_dir().join(format!("hyde-alfolio-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let src = root.join("src");
    copy_dir(&sites_dir().join(name), &src);
    for (rel, text) in extra {
        let p = src.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let dest = root.join("out");
    let mut values = hyde::value::Hash::new();
    values.insert("source".into(), hyde::Value::str(src.display().to_string()));
    values.insert(
        "destination".into(),
        hyde::Value::str(dest.display().to_string()),
    );
    values.insert("quiet".into(), hyde::Value::Bool(true));
    // Never the network: the citation tags print what the Ruby prints offline (`N/A`).
    values.insert("offline".into(), hyde::Value::Bool(true));
    let overrides = hyde::config::Overrides {
        values,
        config_files: Vec::new(),
    };
    let loaded = hyde::config::load(&root, &overrides).expect("configuration loads");
    let site = hyde::site::Site::new(loaded.config, &root).expect("site");
    let site = hyde::build::process(site).unwrap_or_else(|e| panic!("{name} builds: {e}"));
    (dest, site.warnings.clone())
}

fn mask_uuids(s: &str) -> String {
    let re =
        regex::Regex::new(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
            .unwrap();
    re.replace_all(s, "UUID").into_owned()
}

/// A DOM-level view of a page: start tags with their attributes sorted and decoded, and
/// text with entities decoded and white space collapsed. End tags, the doctype, the
/// `html`/`head`/`body` wrappers and the `<meta http-equiv="Content-Type">` libxml2 adds to
/// `head` are left out: they are where Nokogiri's serializer and the source legitimately
/// differ.
fn dom(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tok in tokenize(&mask_uuids(html)) {
        match tok {
            Token::Start { name, attrs, .. } => {
                if matches!(name.as_str(), "html" | "head" | "body") {
                    continue;
                }
                let mut a: Vec<String> = attrs
                    .iter()
                    .map(|a| format!("{}={:?}", a.name, a.value.clone().unwrap_or_default()))
                    .collect();
                a.sort();
                if name == "meta" && a.iter().any(|x| x.starts_with("http-equiv=")) {
                    continue;
                }
                out.push(format!("<{name} {}>", a.join(" ")));
            }
            Token::Text(r) => {
                let text = decode_entities(&mask_uuids(html)[r]);
                let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() {
                    out.push(t);
                }
            }
            Token::End { .. } | Token::Other(_) => {}
        }
    }
    out
}

/// Every file of `_expected/` must exist in `dest` with the same DOM (HTML) or bytes.
fn compare(site: &str, dest: &Path) {
    let expected = sites_dir().join(site).join("_expected");
    let mut files = Vec::new();
    collect(&expected, &mut files);
    assert!(!files.is_empty(), "{site}: no expected files");
    for f in files {
        let rel = f.strip_prefix(&expected).unwrap();
        let want = std::fs::read_to_string(&f).unwrap();
        let got = std::fs::read_to_string(dest.join(rel))
            .unwrap_or_else(|_| panic!("{site}: hyde did not write {}", rel.display()));
        if rel.extension().is_some_and(|e| e == "html") {
            let (w, g) = (dom(&want), dom(&got));
            if w != g {
                let at = w
                    .iter()
                    .zip(&g)
                    .position(|(a, b)| a != b)
                    .unwrap_or(w.len().min(g.len()));
                panic!(
                    "{site}/{}: DOM differs at node {at}\n  expected: {:?}\n  hyde:     {:?}",
                    rel.display(),
                    w.get(at),
                    g.get(at)
                );
            }
        } else {
            assert_eq!(
                mask_uuids(&got),
                mask_uuids(&want),
                "{site}/{}",
                rel.display()
            );
        }
    }
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            collect(&p, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn gem_plugins_match_the_ruby() {
    let (dest, warnings) = build("gems", &[]);
    compare("gems", &dest);
    // Byte-level checks where hyde's output is the Ruby's exactly (no re-serialization
    // involved): the emoji markup, the encoded address, the tab lists.
    let index = std::fs::read_to_string(dest.join("index.html")).unwrap();
    assert!(index.contains("Hello <img class=\"emoji\" title=\":smile:\" alt=\":smile:\" src=\"https://cdn.example.org/icons/emoji/unicode/1f604.png\" height=\"20\" width=\"20\"> and"));
    assert!(
        index.contains("<title>Home :smile:</title>"),
        "head is not emojified"
    );
    assert!(
        index.contains("href=\"mailto:%6D%65.%6E%61%6D%65+%78@%65%78-%61%6D%70%6C%65.%63%6F%6D\"")
    );
    assert!(index.contains("<p>Regex: Hell0 W0rld baa //2024</p>"));
    assert!(index.contains("/b/assets/css/main.css?v=dd73dee8fa9df71f08d9b50cf2275703"));
    assert!(index.contains("/b/assets/css/main.css?v=56e6d21525c4e62353eed610cf717316"));
    let feed = std::fs::read_to_string(dest.join("feed.xml")).unwrap();
    assert!(
        feed.contains("<title>:smile: gems</title>"),
        "not HTML: left alone"
    );
    assert!(
        warnings.iter().all(|w| !w.contains("Plugin:")),
        "every plugin is implemented: {warnings:?}"
    );
    cleanup(&dest);
}

fn cleanup(dest: &Path) {
    if let Some(root) = dest.parent() {
        let _ = std::fs::remove_dir_all(root);
    }
}

#[test]
fn target_blank_and_default_emoji_host_match_the_ruby() {
    let (dest, _) = build("target-blank", &[]);
    compare("target-blank", &dest);
    // No `<body>`: the whole fragment is processed; not HTML: left alone.
    let frag = std::fs::read_to_string(dest.join("fragment.html")).unwrap();
    assert!(frag.contains("class=\"ext-link\""));
    assert!(frag
        .contains("src=\"https://github.githubassets.com/images/icons/emoji/unicode/1f604.png\""));
    cleanup(&dest);
}

/// A stand-in for an al-folio `_plugins` file: the lines hyde recognizes it by (the real
/// files are not committed; the expected pages were made with them).
fn stand_in(name: &str, with: &str) -> (String, String) {
    let k = hyde::plugins::ruby_files::KNOWN
        .iter()
        .find(|k| k.name == name && k.markers.iter().any(|m| m.contains(with)))
        .unwrap_or_else(|| panic!("no known variant of {name} with {with:?}"));
    (format!("_plugins/{name}"), k.markers.join("\n"))
}

#[test]
fn al_folio_local_plugins_match_the_ruby() {
    let files: Vec<(String, String)> = vec![
        stand_in("details.rb", "details"),
        stand_in("file-exists.rb", "file_exists"),
        stand_in("hide-custom-bibtex.rb", "author"),
        stand_in("remove-accents.rb", "transliterate"),
        stand_in("cache-bust.rb", "'assets/_sass'"),
        stand_in("google-scholar-citations.rb", "N/A"),
        stand_in("strip.rb", "super.gsub"),
        stand_in("youtube.rb", "theme=light"),
    ];
    let extra: Vec<(&str, String)> = files.iter().map(|(p, t)| (p.as_str(), t.clone())).collect();
    let (dest, warnings) = build("local", &extra);
    compare("local", &dest);
    // These pages need no re-serialization: byte for byte.
    let got = std::fs::read_to_string(dest.join("index.html")).unwrap();
    let want = std::fs::read_to_string(sites_dir().join("local/_expected/index.html")).unwrap();
    assert_eq!(got, want);
    // The citation tag is native (it fetches through `hyde::net`; offline here, so `N/A`
    // as the Ruby prints without network): no warning for its file.
    assert!(
        !warnings
            .iter()
            .any(|w| w.contains("google-scholar-citations.rb")),
        "the citations file is supported: {warnings:?}"
    );
    assert!(
        !warnings.iter().any(|w| w.contains("does not know")),
        "every file is recognized: {warnings:?}"
    );
    cleanup(&dest);
}

#[test]
fn unknown_ruby_plugins_are_named_and_their_tags_fail() {
    let plugin = "module Jekyll\n  class ShoutTag < Liquid::Tag\n    def render(context) 'HEY' end\n  end\n  module Loud\n    def loud(input) input.upcase end\n  end\nend\nLiquid::Template.register_tag('shout', Jekyll::ShoutTag)\nLiquid::Template.register_filter(Jekyll::Loud)\n";
    let root = std::env::temp_dir().join(format!("hyde-alfolio-unknown-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("_plugins")).unwrap();
    std::fs::write(root.join("_plugins/shout.rb"), plugin).unwrap();
    std::fs::write(root.join("index.md"), "---\n---\n{% shout %}\n").unwrap();
    let mut values = hyde::value::Hash::new();
    values.insert("quiet".into(), hyde::Value::Bool(true));
    // Never the network: the citation tags print what the Ruby prints offline (`N/A`).
    values.insert("offline".into(), hyde::Value::Bool(true));
    let overrides = hyde::config::Overrides {
        values,
        config_files: Vec::new(),
    };
    let loaded = hyde::config::load(&root, &overrides).unwrap();
    let site = hyde::site::Site::new(loaded.config, &root).unwrap();
    let err = match hyde::build::process(site) {
        Ok(_) => panic!("an unknown plugin's tag must fail the build"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("Unknown tag 'shout'"), "{err}");
    assert!(err.contains("_plugins/shout.rb"), "{err}");
    let _ = std::fs::remove_dir_all(root);
}

#[test]
fn link_attributes_sections_and_utm_match_the_ruby() {
    let (dest, _) = build("link-utm", &[]);
    compare("link-utm", &dest);
    cleanup(&dest);
}
