//! Which converters apply to a file extension, and the output extension they produce
//! (Jekyll's `Renderer#converters`, `#output_ext`, `#permalink_ext`).

/// Jekyll's built-in converters, highest priority first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Converter {
    Markdown,
    Sass,
    Scss,
    Identity,
}

/// The converter set of a site (markdown extensions come from `markdown_ext`).
#[derive(Clone, Debug)]
pub struct Converters {
    markdown_exts: Vec<String>,
}

impl Converters {
    pub fn new(markdown_ext: &str) -> Self {
        Converters {
            markdown_exts: markdown_ext
                .split(',')
                .map(|e| e.trim().to_ascii_lowercase())
                .collect(),
        }
    }

    pub fn is_markdown(&self, ext: &str) -> bool {
        let e = ext.strip_prefix('.').unwrap_or(ext).to_ascii_lowercase();
        !e.is_empty() && self.markdown_exts.contains(&e)
    }

    /// The converters matching `ext`, in priority order (Identity always last).
    pub fn for_ext(&self, ext: &str) -> Vec<Converter> {
        let mut v = Vec::with_capacity(2);
        if self.is_markdown(ext) {
            v.push(Converter::Markdown);
        }
        match ext {
            ".sass" => v.push(Converter::Sass),
            ".scss" => v.push(Converter::Scss),
            _ => {}
        }
        v.push(Converter::Identity);
        v
    }

    /// `Renderer#output_ext` for a document with extension `ext` and front-matter `permalink`.
    pub fn output_ext(&self, ext: &str, permalink: Option<&str>) -> String {
        if let Some(p) = permalink {
            if !p.ends_with('/') {
                let e = ruby_extname(p);
                if !e.is_empty() {
                    return e.to_string();
                }
            }
        }
        let exts: Vec<String> = self
            .for_ext(ext)
            .into_iter()
            .map(|c| match c {
                Converter::Markdown => ".html".to_string(),
                Converter::Sass | Converter::Scss => ".css".to_string(),
                Converter::Identity => ext.to_string(),
            })
            .collect();
        if exts.len() == 1 {
            exts[0].clone()
        } else {
            exts[exts.len() - 2].clone()
        }
    }
}

/// Ruby's `File.extname`: the last `.ext` of the base name, not counting leading dots
/// (Ruby 3.1 returns `"."` for a name ending in a dot).
pub fn ruby_extname(path: &str) -> &str {
    let base = path.rsplit('/').next().unwrap_or(path);
    let trimmed = base.trim_start_matches('.');
    match trimmed.rfind('.') {
        Some(i) => {
            let offset = base.len() - trimmed.len();
            &base[offset + i..]
        }
        None => "",
    }
}

/// `File.basename(path, ".*")`.
pub fn basename_without_ext(path: &str) -> &str {
    let base = path.rsplit('/').next().unwrap_or(path);
    let ext = ruby_extname(base);
    &base[..base.len() - ext.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extname_like_ruby() {
        assert_eq!(ruby_extname("a/b.md"), ".md");
        assert_eq!(ruby_extname(".htaccess"), "");
        assert_eq!(ruby_extname("a.tar.gz"), ".gz");
        assert_eq!(ruby_extname("a."), ".");
        assert_eq!(basename_without_ext("x/a.b.md"), "a.b");
    }

    #[test]
    fn output_exts() {
        let c = Converters::new("markdown,mkdown,mkdn,mkd,md");
        assert_eq!(c.output_ext(".md", None), ".html");
        assert_eq!(c.output_ext(".MD", None), ".html");
        assert_eq!(c.output_ext(".txt", None), ".txt");
        assert_eq!(c.output_ext(".scss", None), ".css");
        assert_eq!(c.output_ext(".md", Some("/feed.xml")), ".xml");
    }
}
