//! Ruby regular expressions and `String#sub`/`gsub` replacement strings, for plugins whose
//! Ruby code builds a `Regexp` from user text (jekyll-regex-replace, al-folio's
//! hide-custom-bibtex, jekyll-link-attributes' exclude patterns).

use fancy_regex::{Captures, Regex, RegexBuilder};

/// Compiles a Ruby regexp: `^`/`$` match at every line (always so in Ruby), `\w \d \s \h`
/// are ASCII, and Ruby's inline `m` flag (dot matches newline) is the `s` flag here.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    RegexBuilder::new(&crate::highlight::rubyize(&plain_groups(&inline_flags(
        pattern,
    ))))
    .multi_line(true)
    .oniguruma_mode(true)
    .backtrack_limit(1_000_000)
    .build()
    .map_err(|e| format!("invalid regexp /{pattern}/: {e}"))
}

/// Onigmo: once a pattern names a group, its plain `(...)` groups do not capture (so `\\1`
/// in a replacement is empty). They become `(?:...)` here.
fn plain_groups(p: &str) -> String {
    let named = p.contains("(?<")
        && p.match_indices("(?<")
            .any(|(i, _)| !matches!(p.as_bytes().get(i + 3), Some(b'=') | Some(b'!')))
        || p.contains("(?'");
    if !named {
        return p.to_string();
    }
    let mut out = String::with_capacity(p.len() + 8);
    let mut chars = p.chars().peekable();
    let mut in_class = false;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            '(' if !in_class && chars.peek() != Some(&'?') => out.push_str("(?:"),
            _ => out.push(c),
        }
    }
    out
}

/// Rewrites `(?m)`, `(?m:`, `(?im)` ... to the `s` flag.
fn inline_flags(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    let b = p.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && i + 1 < b.len() {
            out.push_str(&p[i..i + 2 + utf8_extra(b[i + 1])]);
            i += 2 + utf8_extra(b[i + 1]);
            continue;
        }
        if p[i..].starts_with("(?") {
            let flags_end = p[i + 2..]
                .find(|c: char| !matches!(c, 'm' | 'i' | 'x' | '-'))
                .map(|k| i + 2 + k);
            if let Some(e) = flags_end.filter(|&e| e > i + 2 && matches!(b[e], b')' | b':')) {
                out.push_str("(?");
                out.push_str(&p[i + 2..e].replace('m', "s"));
                i = e;
                continue;
            }
        }
        let len = p[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&p[i..i + len]);
        i += len;
    }
    out
}

fn utf8_extra(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 3,
        0xE0..=0xEF => 2,
        0xC0..=0xDF => 1,
        _ => 0,
    }
}

/// Expands a Ruby replacement string for one match: `\0`/`\&`, `\1`..`\9`, `\k<name>`,
/// `` \` `` (before the match), `\'` (after it) and `\\`; other backslashes stay.
pub fn expand(replacement: &str, caps: &Captures<'_, str>, haystack: &str) -> String {
    let mut out = String::with_capacity(replacement.len());
    let mut chars = replacement.char_indices().peekable();
    let whole = caps.get(0).expect("group 0 always matches");
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(&(_, n)) = chars.peek() else {
            out.push('\\');
            break;
        };
        match n {
            '0'..='9' => {
                chars.next();
                let k = n as usize - '0' as usize;
                if let Some(m) = caps.get(k) {
                    out.push_str(m.as_str());
                }
            }
            '&' => {
                chars.next();
                out.push_str(whole.as_str());
            }
            '`' => {
                chars.next();
                out.push_str(&haystack[..whole.start()]);
            }
            '\'' => {
                chars.next();
                out.push_str(&haystack[whole.end()..]);
            }
            '\\' => {
                chars.next();
                out.push('\\');
            }
            'k' if replacement[i + 2..].starts_with('<') => match replacement[i + 3..].find('>') {
                Some(e) => {
                    let name = &replacement[i + 3..i + 3 + e];
                    if let Some(m) = caps.name(name) {
                        out.push_str(m.as_str());
                    }
                    while chars.peek().is_some_and(|&(j, _)| j <= i + 3 + e) {
                        chars.next();
                    }
                }
                None => out.push('\\'),
            },
            _ => out.push('\\'),
        }
    }
    out
}

/// `String#gsub(regexp, replacement)` (`all`) or `String#sub` (first match only).
pub fn replace(haystack: &str, re: &Regex, replacement: &str, all: bool) -> Result<String, String> {
    let mut out = String::with_capacity(haystack.len());
    let mut last = 0;
    for caps in re.captures_iter(haystack) {
        let caps = caps.map_err(|e| e.to_string())?;
        let m = caps.get(0).expect("group 0 always matches");
        out.push_str(&haystack[last..m.start()]);
        out.push_str(&expand(replacement, &caps, haystack));
        last = m.end();
        if !all {
            break;
        }
    }
    out.push_str(&haystack[last..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gsub(s: &str, p: &str, r: &str) -> String {
        replace(s, &compile(p).unwrap(), r, true).unwrap()
    }

    #[test]
    fn replacement_escapes_like_ruby() {
        // Each expected value printed by Ruby 3.1's String#gsub.
        assert_eq!(gsub("Hello World", "o(.)", "0\\1"), "Hell0 W0rld");
        assert_eq!(gsub("ab", "(?<x>a)", "[\\k<x>]"), "[a]b");
        assert_eq!(gsub("abc", "b", "<\\`|\\'|\\&|\\0>"), "a<a|c|b|b>c");
        assert_eq!(gsub("abc", "b", "\\\\n\\q"), "a\\n\\qc");
        assert_eq!(gsub("aaa", "", "-"), "-a-a-a-");
        // With a named group, Ruby's plain groups do not capture (the oracle printed //2024).
        assert_eq!(
            gsub("2024-01-02", "(?<y>\\d+)-(\\d+)-(\\d+)", "\\3/\\2/\\k<y>"),
            "//2024"
        );
    }

    #[test]
    fn anchors_are_per_line_and_classes_ascii() {
        assert_eq!(gsub("x = 1\ny = 2\n", "^y.*$\\n", ""), "x = 1\n");
        assert_eq!(gsub("é1_", "\\w", "."), "é..");
        assert_eq!(gsub("a\nb", "(?m)a.b", "X"), "X");
        assert_eq!(gsub("a\nb", "a.b", "X"), "a\nb");
    }
}
