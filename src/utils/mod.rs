//! Jekyll's `Utils`: slugs, titles, glob matching and other small rules shared by the reader,
//! URLs and filters.

pub mod active_support;
pub mod fnmatch;
pub mod time;

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

/// `Utils.slugify(string, mode:, cased:)` with Jekyll's modes (`raw`, `default`, `pretty`,
/// `ascii`, `latin`; any other mode only downcases). One implementation serves URLs and
/// the `slugify` filter: `liquid::jekyll::slugify`.
pub fn slugify(input: &str, mode: Option<&str>, cased: bool) -> String {
    crate::liquid::jekyll::slugify(input, mode, cased)
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
