//! The parts of Addressable that Jekyll's URL filters use: `normalize_component`
//! (`uri_escape`) and `URI.parse(...).normalize` (`relative_url`, `absolute_url`).

const UNRESERVED: &str = "-._~";
const SUB_DELIMS: &str = "!$&'()*+,;=";
const GEN_DELIMS: &str = ":/?#[]@";

fn percent(b: u8) -> String {
    format!("%{b:02X}")
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes what `allowed` rejects; an existing `%XX` is decoded when it stands for
/// an allowed (`decode_ok`) character and kept (upper-cased) otherwise.
fn encode(s: &str, allowed: impl Fn(u8) -> bool, decode_ok: impl Fn(u8) -> bool) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                let v = h * 16 + l;
                if decode_ok(v) {
                    out.push(v as char);
                } else {
                    out.push_str(&percent(v));
                }
                i += 3;
                continue;
            }
        }
        if c.is_ascii_alphanumeric() || (c.is_ascii() && allowed(c)) {
            out.push(c as char);
        } else {
            out.push_str(&percent(c));
        }
        i += 1;
    }
    out
}

/// `Addressable::URI.normalize_component(input)` (Jekyll's `uri_escape`).
pub fn normalize_component(s: &str) -> String {
    let ok = |c: u8| {
        UNRESERVED.contains(c as char)
            || SUB_DELIMS.contains(c as char)
            || GEN_DELIMS.contains(c as char)
    };
    encode(s, ok, |c| c.is_ascii_alphanumeric() || ok(c))
}

/// `Addressable::URI.parse(url).normalize.to_s` for the URLs Jekyll builds.
pub fn normalize_url(url: &str) -> String {
    let (before_frag, frag) = match url.find('#') {
        Some(i) => (&url[..i], Some(&url[i + 1..])),
        None => (url, None),
    };
    let (path, query) = match before_frag.find('?') {
        Some(i) => (&before_frag[..i], Some(&before_frag[i + 1..])),
        None => (before_frag, None),
    };
    let unreserved = |c: u8| c.is_ascii_alphanumeric() || UNRESERVED.contains(c as char);
    let path_ok = |c: u8| {
        UNRESERVED.contains(c as char)
            || SUB_DELIMS.contains(c as char)
            || ":@/".contains(c as char)
    };
    let query_ok = |c: u8| path_ok(c) || c == b'?';
    let mut out = encode(path, path_ok, unreserved);
    if let Some(q) = query {
        out.push('?');
        out.push_str(&encode(q, query_ok, unreserved));
    }
    if let Some(f) = frag {
        out.push('#');
        out.push_str(&encode(f, query_ok, unreserved));
    }
    out
}

/// Addressable's parse: `Err` when the text before the first `:` (and before any `/?#`)
/// is not a valid scheme; `Ok(true)` when there is a valid scheme (absolute URL).
pub fn parse_absolute(s: &str) -> Result<bool, String> {
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    match s[..end].find(':') {
        Some(i) if i > 0 => {
            if is_absolute(s) {
                Ok(true)
            } else {
                Err(format!("Invalid scheme format: '{}'", &s[..i]))
            }
        }
        _ => Ok(false),
    }
}

/// Whether Addressable would call `s` absolute (it has a scheme).
pub fn is_absolute(s: &str) -> bool {
    match s.find(':') {
        Some(i) if i > 0 => {
            let scheme = &s[..i];
            scheme
                .chars()
                .next()
                .map(|c| c.is_ascii_alphabetic())
                .unwrap_or(false)
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_addressable() {
        assert_eq!(
            normalize_component("a b/é?x=[1]%20"),
            "a%20b/%C3%A9?x=[1]%20"
        );
        assert_eq!(normalize_component("a%2fb"), "a/b");
        assert_eq!(normalize_component("100%"), "100%25");
        assert_eq!(
            normalize_url("/base//x/?q=1&b=[2]#frag"),
            "/base//x/?q=1&b=%5B2%5D#frag"
        );
        assert_eq!(normalize_url("/base/a%2fb"), "/base/a%2Fb");
    }
}
