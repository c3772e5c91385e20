//! jekyll-3rd-party-libraries (george-gca): a `:site, :after_init` hook that writes each
//! library's `version` into its `{{version}}` URL placeholders in
//! `site.third_party_libraries` (URLs directly under `url:`, or one level deeper), so
//! layouts print CDN URLs next to the SRI `integrity` values the configuration holds.
//!
//! `download: true` makes the Ruby fetch every library (and the fonts and images of some)
//! into `assets/libs/` and point the URLs there; that needs the network, which this plugin
//! does not use yet: hyde warns and keeps the CDN URLs.
//!
//! Not packaged by Debian: the expectations in the tests come from reading
//! george-gca/jekyll-3rd-party-libraries and running it under the oracle's Jekyll (RUBYLIB).

use crate::error::{Error, Result};
use crate::site::Site;
use crate::value::{Hash, Value};

const PLACEHOLDER: &str = "{{version}}";

fn replace_in(url: &Value, version: &Option<String>, lib: &str) -> Result<Option<Value>> {
    let Value::Str(s) = url else {
        return Err(Error::new(format!(
            "jekyll-3rd-party-libraries: third_party_libraries.{lib}.url holds {} where a URL string was expected (undefined method `include?')",
            crate::value::inspect(url)
        )));
    };
    if !s.contains(PLACEHOLDER) {
        return Ok(None);
    }
    let Some(v) = version else {
        return Err(Error::new(format!(
            "jekyll-3rd-party-libraries: third_party_libraries.{lib}.version must be a string to fill {PLACEHOLDER} (no implicit conversion into String)"
        )));
    };
    Ok(Some(Value::str(s.replace(PLACEHOLDER, v))))
}

/// The hook's `{{version}}` pass over `third_party_libraries`.
pub fn fill_versions(libs: &mut Hash) -> Result<()> {
    for (key, lib) in libs.iter_mut() {
        if key == "download" {
            continue;
        }
        let version = match lib.get("version") {
            Some(Value::Str(v)) => Some(v.to_string()),
            _ => None,
        };
        let Some(lib_hash) = lib.hash_mut() else {
            return Err(Error::new(format!(
                "jekyll-3rd-party-libraries: third_party_libraries.{key} is not a mapping"
            )));
        };
        let Some(urls) = lib_hash.get_mut("url").and_then(Value::hash_mut) else {
            return Err(Error::new(format!(
                "jekyll-3rd-party-libraries: third_party_libraries.{key} has no url mapping (undefined method `each' for nil)"
            )));
        };
        for (_, url) in urls.iter_mut() {
            if let Some(inner) = url.hash_mut() {
                for (_, url2) in inner.iter_mut() {
                    if let Some(new) = replace_in(url2, &version, key)? {
                        *url2 = new;
                    }
                }
            } else if let Some(new) = replace_in(url, &version, key)? {
                *url = new;
            }
        }
    }
    Ok(())
}

/// The plugin: its `after_init` hook runs before reading, and here in `post_read`, before
/// anything renders.
pub struct Jekyll3rdPartyLibraries;

impl crate::plugins::Plugin for Jekyll3rdPartyLibraries {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-3rd-party-libraries"]
    }

    fn post_read(&self, site: &mut Site) -> Result<()> {
        let Some(libs) = site.config.get_mut("third_party_libraries") else {
            // Ruby: `nil.each`, which stops the build.
            return Err(Error::new(
                "jekyll-3rd-party-libraries: the configuration has no third_party_libraries",
            ));
        };
        let Some(libs) = libs.hash_mut() else {
            return Err(Error::new(
                "jekyll-3rd-party-libraries: third_party_libraries is not a mapping",
            ));
        };
        fill_versions(libs)?;
        let download = libs.get("download").is_some_and(Value::is_truthy);
        if download {
            site.warn(
                "jekyll-3rd-party-libraries: `third_party_libraries.download: true` asks to download every library into assets/libs; hyde does not download them yet, so the pages keep the CDN URLs.",
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_versions_one_and_two_levels_deep() {
        let yaml = "download: false\nbootstrap:\n  integrity:\n    css: sha384-x\n  url:\n    css: https://cdn/bootstrap@{{version}}/b.css\n    js: https://cdn/plain.js\n  version: \"5.3.3\"\nmathjax:\n  url:\n    fonts:\n      a: https://x/{{version}}/a\n  version: \"3.2\"\n";
        let Value::Hash(h) = crate::yaml::load(yaml).unwrap() else {
            panic!("not a hash")
        };
        let mut h = (*h).clone();
        fill_versions(&mut h).unwrap();
        let get = |p: &[&str]| {
            let mut v = Value::hash(h.clone());
            for k in p {
                v = v.get(k).unwrap();
            }
            crate::value::to_s(&v)
        };
        assert_eq!(
            get(&["bootstrap", "url", "css"]),
            "https://cdn/bootstrap@5.3.3/b.css"
        );
        assert_eq!(get(&["bootstrap", "url", "js"]), "https://cdn/plain.js");
        assert_eq!(get(&["mathjax", "url", "fonts", "a"]), "https://x/3.2/a");
    }

    #[test]
    fn a_number_version_fails_like_ruby() {
        let yaml = "x:\n  url:\n    js: https://cdn/{{version}}/x.js\n  version: 1.5\n";
        let Value::Hash(h) = crate::yaml::load(yaml).unwrap() else {
            panic!("not a hash")
        };
        assert!(fill_versions(&mut (*h).clone()).is_err());
    }
}
