//! jekyll-get-json 1.0: `jekyll_get_json: [{data: NAME, json: URL_OR_PATH}]` loads JSON
//! into `site.data.NAME` before anything renders (a generator at priority `:highest`).
//!
//! As the gem: a relative `json` is a file path from the working directory (Ruby's
//! `URI.open` opens files too); when `site.data.NAME` already exists the JSON is merged in
//! with the deep_merge gem's rule (existing values win, hashes merge, arrays unite); any
//! failure skips that entry silently; no configuration prints "No config". URLs go
//! through [`crate::net`] (cache, `--offline`).

use crate::error::Result;
use crate::site::Site;
use crate::value::Value;

pub struct JekyllGetJson;

impl crate::plugins::Plugin for JekyllGetJson {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-get-json"]
    }

    fn priority(&self) -> i32 {
        100
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        let entries = match site.config.get("jekyll_get_json") {
            None | Some(Value::Nil) => {
                eprintln!("\x1b[33mNo config\x1b[0m");
                return Ok(());
            }
            Some(Value::Array(a)) => a.to_vec(),
            Some(other) => vec![other.clone()],
        };
        let http = crate::net::Http::for_site(site);
        for entry in entries {
            let (Some(name), Some(source)) = (entry.get("data"), entry.get("json")) else {
                continue;
            };
            let name = crate::value::to_s(&name);
            let source = crate::value::to_s(&source);
            let Some(json) = load(&http, &source) else {
                continue;
            };
            let data = site.data.hash_mut();
            let Some(data) = data else { continue };
            match data.get_mut(&name) {
                Some(target) if !target.is_nil() => deep_merge(target, &json),
                _ => {
                    data.insert(name, json);
                }
            }
        }
        Ok(())
    }
}

fn load(http: &crate::net::Http, source: &str) -> Option<Value> {
    let text = if source.contains("://") {
        http.get(source, &[]).ok()?.text()
    } else {
        std::fs::read_to_string(source).ok()?
    };
    let v: serde_json::Value = serde_json::from_str(&text).ok()?;
    Some(crate::value::from_json(&v))
}

/// The deep_merge gem's `deep_merge` (`preserve_unmergeables: true`), merging `source`
/// into `dest` in place.
fn deep_merge(dest: &mut Value, source: &Value) {
    match (dest.hash_mut(), source) {
        (Some(d), Value::Hash(s)) => {
            for (k, v) in s.iter() {
                match d.get_mut(k) {
                    Some(existing) if !existing.is_nil() => deep_merge(existing, v),
                    _ => {
                        d.insert(k.clone(), v.clone());
                    }
                }
            }
            return;
        }
        (Some(_), _) => return,
        (None, _) => {}
    }
    if let (Some(d), Value::Array(s)) = (dest.array_mut(), source) {
        for v in s.iter() {
            if !d
                .iter()
                .any(|x| crate::value::inspect(x) == crate::value::inspect(v))
            {
                d.push(v.clone());
            }
        }
    }
    // Anything else is unmergeable: the existing value stays.
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Value {
        crate::value::from_json(&serde_json::from_str(s).unwrap())
    }

    #[test]
    fn merges_like_the_deep_merge_gem() {
        let mut dest = parse(r#"{"a":1,"h":{"x":1},"l":[1,2]}"#);
        deep_merge(
            &mut dest,
            &parse(r#"{"a":2,"b":3,"h":{"x":9,"y":2},"l":[2,3]}"#),
        );
        assert_eq!(
            crate::value::inspect(&dest),
            r#"{"a"=>1, "h"=>{"x"=>1, "y"=>2}, "l"=>[1, 2, 3], "b"=>3}"#
        );
    }
}
