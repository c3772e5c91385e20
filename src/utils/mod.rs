//! Jekyll's `Utils`: slugs, titles, glob matching and other small rules shared by the reader,
//! URLs and filters.

pub mod fnmatch;
pub mod time;

use once_cell::sync::Lazy;
use regex::Regex;

/// `Utils.titleize_slug`: `"my-first-post"` → `"My First Post"` (Ruby's `capitalize` per word).
pub fn titleize_slug(slug: &str) -> String {
    slug.split('-')
        .map(ruby_capitalize)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Ruby's `String#capitalize`: first character upcased, the rest downcased.
pub fn ruby_capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

/// `Utils.has_liquid_construct?`: Jekyll skips Liquid for content without `{%` or `{{`.
pub fn has_liquid_construct(content: &str) -> bool {
    content.contains("{%") || content.contains("{{")
}

static SLUG_RAW: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s+").unwrap());
static SLUG_DEFAULT: Lazy<Regex> = Lazy::new(|| Regex::new(r"[^\p{M}\p{L}\p{Nd}]+").unwrap());
static SLUG_PRETTY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+").unwrap());
static SLUG_ASCII: Lazy<Regex> = Lazy::new(|| Regex::new(r"[^A-Za-z0-9]+").unwrap());

/// `Utils.slugify(string, mode:, cased:)` with Jekyll's modes: `raw`, `default`, `pretty`,
/// `ascii`, `latin` (transliterated first) and `none` (any unknown mode: only downcased).
pub fn slugify(input: &str, mode: Option<&str>, cased: bool) -> String {
    let mode = mode.unwrap_or("default");
    let pattern: &Regex = match mode {
        "raw" => &SLUG_RAW,
        "default" => &SLUG_DEFAULT,
        "pretty" => &SLUG_PRETTY,
        "ascii" => &SLUG_ASCII,
        "latin" => &SLUG_DEFAULT,
        _ => {
            return if cased {
                input.to_string()
            } else {
                ruby_downcase(input)
            }
        }
    };
    let source = if mode == "latin" {
        transliterate(input)
    } else {
        input.to_string()
    };
    let replaced = pattern.replace_all(&source, "-");
    let trimmed = replaced.strip_prefix('-').unwrap_or(&replaced);
    let trimmed = trimmed.strip_suffix('-').unwrap_or(trimmed);
    if cased {
        trimmed.to_string()
    } else {
        ruby_downcase(trimmed)
    }
}

/// Ruby's `String#downcase` (full Unicode case mapping).
pub fn ruby_downcase(s: &str) -> String {
    s.to_lowercase()
}

/// I18n.transliterate as Jekyll's `latin` slug mode uses it: decompose accented Latin letters
/// and drop the marks; a few letters that do not decompose map by I18n's table; anything
/// else that is not ASCII becomes `?` as I18n does.
pub fn transliterate(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if let Some(rep) = special_transliteration(c) {
            out.push_str(rep);
            continue;
        }
        let base: String = c.nfd().filter(|d| d.is_ascii()).collect();
        if base.is_empty() {
            out.push('?');
        } else {
            out.push_str(&base);
        }
    }
    out
}

fn special_transliteration(c: char) -> Option<&'static str> {
    Some(match c {
        'Æ' => "AE",
        'æ' => "ae",
        'Ð' => "D",
        'ð' => "d",
        'Ø' => "O",
        'ø' => "o",
        'Þ' => "Th",
        'þ' => "th",
        'ß' => "ss",
        'Œ' => "OE",
        'œ' => "oe",
        'Đ' => "D",
        'đ' => "d",
        'Ħ' => "H",
        'ħ' => "h",
        'ı' => "i",
        'Ł' => "L",
        'ł' => "l",
        'Ŧ' => "T",
        'ŧ' => "t",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from Jekyll 4.3.1: `ruby -rjekyll -e 'p Jekyll::Utils.slugify(...)'`.
    #[test]
    fn slugify_modes() {
        let s = "The _config.yml file?";
        assert_eq!(slugify(s, None, false), "the-config-yml-file");
        assert_eq!(slugify(s, Some("raw"), false), "the-_config.yml-file?");
        assert_eq!(slugify(s, Some("pretty"), false), "the-_config.yml-file");
        assert_eq!(slugify(s, Some("none"), false), "the _config.yml file?");
        assert_eq!(slugify("Café crème", Some("latin"), false), "cafe-creme");
        assert_eq!(slugify("Café crème", Some("ascii"), false), "caf-cr-me");
        assert_eq!(slugify("Hello World", None, true), "Hello-World");
    }

    #[test]
    fn titleize() {
        assert_eq!(titleize_slug("my-FIRST-post"), "My First Post");
    }
}
