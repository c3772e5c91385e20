//! Jekyll's `Utils.slugify` with its modes (`raw`, `default`, `pretty`, `ascii`, `latin`).

use once_cell::sync::Lazy;
use regex::Regex;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

static RAW: Lazy<Regex> = Lazy::new(|| Regex::new(r"[ \t\r\n\f\v]+").expect("valid regex"));
static DEFAULT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[^\p{M}\p{L}\p{Nd}]+").expect("valid regex"));
static PRETTY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+").expect("valid regex"));
static ASCII: Lazy<Regex> = Lazy::new(|| Regex::new(r"[^A-Za-z0-9]+").expect("valid regex"));

/// `I18n.transliterate`: Latin letters lose their accents; other characters become `?`.
pub fn transliterate(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if is_combining_mark(c) {
            continue;
        }
        let rep = match c {
            'Æ' => "AE",
            'æ' => "ae",
            'Ð' => "D",
            'ð' => "d",
            'Ø' => "O",
            'ø' => "o",
            'Þ' => "Th",
            'þ' => "th",
            'ß' => "ss",
            'Đ' => "D",
            'đ' => "d",
            'Ħ' => "H",
            'ħ' => "h",
            'ı' => "i",
            'Ĳ' => "IJ",
            'ĳ' => "ij",
            'ĸ' => "k",
            'Ŀ' => "L",
            'ŀ' => "l",
            'Ł' => "L",
            'ł' => "l",
            'ŉ' => "'n",
            'Ŋ' => "NG",
            'ŋ' => "ng",
            'Œ' => "OE",
            'œ' => "oe",
            'Ŧ' => "T",
            'ŧ' => "t",
            _ => "?",
        };
        out.push_str(rep);
    }
    out
}

/// `Jekyll::Utils.slugify(input, mode: mode)`; `cased` keeps the letter case.
pub fn slugify(input: &str, mode: Option<&str>, cased: bool) -> String {
    let mode = mode.unwrap_or("default");
    let lower = |s: String| if cased { s } else { s.to_lowercase() };
    let (text, re): (String, &Regex) = match mode {
        "raw" => (input.to_string(), &RAW),
        "default" => (input.to_string(), &DEFAULT),
        "pretty" => (input.to_string(), &PRETTY),
        "ascii" => (input.to_string(), &ASCII),
        "latin" => (transliterate(input), &DEFAULT),
        _ => return lower(input.to_string()),
    };
    let slug = re.replace_all(&text, "-").into_owned();
    // `gsub(/^-|-$/, "")`: Ruby anchors are per line.
    let slug: Vec<String> = slug
        .split('\n')
        .map(|line| {
            let l = line.strip_prefix('-').unwrap_or(line);
            l.strip_suffix('-').unwrap_or(l).to_string()
        })
        .collect();
    lower(slug.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_match_jekyll() {
        let s = "The _config.yml file?! Été";
        assert_eq!(
            slugify(s, Some("pretty"), false),
            "the-_config.yml-file-!-été"
        );
        assert_eq!(slugify(s, None, false), "the-config-yml-file-été");
        assert_eq!(slugify(s, Some("latin"), false), "the-config-yml-file-ete");
        assert_eq!(slugify(s, Some("raw"), false), "the-_config.yml-file?!-été");
        assert_eq!(slugify(s, Some("ascii"), false), "the-config-yml-file-t");
        assert_eq!(
            slugify(s, Some("none"), false),
            "the _config.yml file?! été"
        );
    }
}
