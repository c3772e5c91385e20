//! URLs and permalinks: Jekyll's `URL` class (template placeholders, escaping, sanitizing).

use crate::error::{Error, Result};

/// Placeholder values for a URL template. Documents resolve names lazily through a closure
/// (their `UrlDrop`); pages and static files pass an ordered list (Jekyll's hash form).
pub enum Placeholders<'a> {
    Drop(&'a dyn Fn(&str) -> Option<String>),
    List(Vec<(&'static str, Option<String>)>),
}

/// `URL.new(template:, placeholders:, permalink:).to_s`.
pub fn generate(
    template: &str,
    placeholders: &Placeholders,
    permalink: Option<&str>,
) -> Result<String> {
    let raw = match permalink {
        Some(p) => fill(p, placeholders)?,
        None => fill(template, placeholders)?,
    };
    Ok(sanitize(&raw))
}

fn fill(template: &str, placeholders: &Placeholders) -> Result<String> {
    match placeholders {
        Placeholders::List(list) => {
            let mut result = template.to_string();
            for (key, value) in list {
                if !result.contains(':') {
                    break;
                }
                match value {
                    None => result = result.replace(&format!("/:{key}"), ""),
                    Some(v) => result = result.replace(&format!(":{key}"), &escape_path(v)),
                }
            }
            Ok(result)
        }
        Placeholders::Drop(lookup) => {
            let mut out = String::with_capacity(template.len() + 16);
            let bytes = template.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b':' {
                    let start = i + 1;
                    let mut end = start;
                    while end < bytes.len()
                        && (bytes[end].is_ascii_lowercase() || bytes[end] == b'_')
                    {
                        end += 1;
                    }
                    if end > start {
                        let name = &template[start..end];
                        let pool: Vec<&str> = match name.strip_suffix('_') {
                            Some(stem) => vec![name, stem],
                            None => vec![name],
                        };
                        let winner = pool.iter().find_map(|k| lookup(k).map(|v| (*k, v)));
                        let Some((key, value)) = winner else {
                            return Err(Error::new(format!(
                                "The URL template doesn't have {} keys. Check your permalink template!",
                                pool.join(" or ")
                            )));
                        };
                        out.push_str(&escape_path(&value));
                        // Only `:key` is replaced; an unused trailing `_` stays in the URL.
                        out.push_str(&name[key.len()..]);
                        i = end;
                        continue;
                    }
                }
                let ch = template[i..].chars().next().unwrap();
                out.push(ch);
                i += ch.len_utf8();
            }
            Ok(out)
        }
    }
}

/// `URL#sanitize_url`: leading slash, `..` → `/`, drop `./`, squeeze slashes.
pub fn sanitize(s: &str) -> String {
    let mut r = format!("/{s}").replace("..", "/").replace("./", "");
    let mut out = String::with_capacity(r.len());
    let mut prev_slash = false;
    for c in r.drain(..) {
        if c == '/' {
            if prev_slash {
                continue;
            }
            prev_slash = true;
        } else {
            prev_slash = false;
        }
        out.push(c);
    }
    out
}

fn is_pchar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/".contains(&c)
}

fn encode_component(s: &str, extra: &[u8], out: &mut String) {
    for &b in s.as_bytes() {
        if is_pchar(b) || extra.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
}

/// `URL.escape_path`: Addressable's URI encoding of a path (its query and fragment parts
/// keep `?`), then the first `#` becomes `%23`.
pub fn escape_path(path: &str) -> String {
    if path.is_empty()
        || path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'/' || b == b'-')
    {
        return path.to_string();
    }
    let (before_fragment, fragment) = match path.split_once('#') {
        Some((a, f)) => (a, Some(f)),
        None => (path, None),
    };
    let (p, query) = match before_fragment.split_once('?') {
        Some((a, q)) => (a, Some(q)),
        None => (before_fragment, None),
    };
    let mut out = String::with_capacity(path.len() + 8);
    encode_component(p, &[], &mut out);
    if let Some(q) = query {
        out.push('?');
        encode_component(q, b"?", &mut out);
    }
    if let Some(f) = fragment {
        out.push_str("%23");
        encode_component(f, b"?", &mut out);
    }
    out
}

/// `URL.unescape_path`: percent-decoding (invalid sequences stay as they are).
pub fn unescape_path(path: &str) -> String {
    if !path.contains('%') {
        return path.to_string();
    }
    percent_encoding::percent_decode_str(path)
        .decode_utf8_lossy()
        .into_owned()
}

/// `Utils.add_permalink_suffix(template, permalink_style)`.
pub fn add_permalink_suffix(template: &str, style: &str) -> String {
    let mut t = template.to_string();
    match style {
        "pretty" => t.push('/'),
        "date" | "ordinal" | "none" => t.push_str(":output_ext"),
        other => {
            if other.ends_with('/') {
                t.push('/');
            }
            if other.ends_with(":output_ext") {
                t.push_str(":output_ext");
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizes() {
        assert_eq!(sanitize("//a/../b/./c"), "/a/b/c");
    }

    #[test]
    fn escapes_like_addressable() {
        assert_eq!(escape_path("/a b/ü"), "/a%20b/%C3%BC");
        assert_eq!(escape_path("/c#sharp"), "/c%23sharp");
        assert_eq!(escape_path("/q?x y"), "/q?x%20y");
        assert_eq!(escape_path("/100%"), "/100%25");
    }

    #[test]
    fn fills_list_placeholders() {
        let ph = Placeholders::List(vec![
            ("path", Some("about".into())),
            ("basename", Some("index".into())),
            ("output_ext", Some(".html".into())),
        ]);
        assert_eq!(
            generate("/:path/:basename:output_ext", &ph, None).unwrap(),
            "/about/index.html"
        );
    }
}
