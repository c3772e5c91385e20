//! Excerpts (`Jekyll::Excerpt`): the part of a document before `excerpt_separator`, with the
//! Markdown link definitions it uses and closing tags for Liquid blocks it cuts through.

use once_cell::sync::Lazy;
use regex::Regex;

static LIQUID_TAG: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?s)\{%-?\s*(\w+)\s*.*?-?%\}").unwrap());
static LINK_REF: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?m)^ {0,3}(\[[^\]]+\])(:.+)$").unwrap());

/// Liquid's block tags (those with an `end` tag) known to Jekyll's Liquid.
const BLOCK_TAGS: &[&str] = &[
    "capture",
    "case",
    "comment",
    "for",
    "if",
    "ifchanged",
    "raw",
    "tablerow",
    "unless",
    "highlight",
];

/// Whether extracting the excerpt had to close a Liquid block (Jekyll warns).
pub fn extract(content: &str, separator: &str) -> String {
    extract_with_warning(content, separator).0
}

pub fn extract_with_warning(content: &str, separator: &str) -> (String, bool) {
    let Some(idx) = content.find(separator) else {
        return (content.to_string(), false);
    };
    let mut head = content[..idx].to_string();
    let tail = &content[idx + separator.len()..];
    if tail.is_empty() {
        return (head, false);
    }
    let mut modified = false;
    if head.contains("{%") {
        let names: Vec<String> = LIQUID_TAG
            .captures_iter(&head)
            .map(|c| c[1].to_string())
            .collect();
        for name in names.iter().rev() {
            if !BLOCK_TAGS.contains(&name.as_str()) {
                continue;
            }
            let end = Regex::new(&format!(
                r"(?s)\{{%-?\s*end{}.*?\s*-?%\}}",
                regex::escape(name)
            ))
            .unwrap();
            if end.is_match(&head) {
                continue;
            }
            modified = true;
            head.push_str(&format!("\n{{% end{name} %}}"));
        }
    }
    let definitions: Vec<String> = LINK_REF
        .captures_iter(tail)
        .filter(|c| head.contains(&c[1]))
        .map(|c| format!("{}{}", &c[1], &c[2]))
        .collect();
    if definitions.is_empty() {
        return (head, modified);
    }
    head.push_str("\n\n");
    head.push_str(&definitions.join("\n"));
    (head, modified)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_and_keeps_link_refs() {
        let c = "Intro [x][a].\n\nMore.\n\n[a]: http://a\n";
        assert_eq!(extract(c, "\n\n"), "Intro [x][a].\n\n[a]: http://a");
        assert_eq!(
            extract("{% if x %}a\n\nb{% endif %}", "\n\n"),
            "{% if x %}a\n{% endif %}"
        );
        assert_eq!(extract("no separator", "\n\n"), "no separator");
    }
}
