//! The `scholar:` configuration: jekyll-scholar's defaults, then the site's `scholar:`,
//! then the page's `scholar:` (`set_context_to` merges both, shallowly).

use crate::value::{Hash, Value};

/// jekyll-scholar's `Scholar.defaults`, as values.
fn defaults() -> Hash {
    let s = |v: &str| Value::str(v);
    let list = |v: &[&str]| Value::array(v.iter().map(|x| Value::str(*x)).collect());
    let mut h = Hash::new();
    h.insert("style".into(), s("apa"));
    h.insert("locale".into(), s("en"));
    h.insert("sort_by".into(), s("none"));
    h.insert("order".into(), s("ascending"));
    h.insert("group_by".into(), s("none"));
    h.insert("group_order".into(), s("ascending"));
    h.insert("bibliography_group_tag".into(), s("h2,h3,h4,h5"));
    h.insert("bibliography_list_tag".into(), s("ol"));
    h.insert("bibliography_item_tag".into(), s("li"));
    h.insert("bibliography_list_attributes".into(), Value::empty_hash());
    h.insert("bibliography_item_attributes".into(), Value::empty_hash());
    h.insert("source".into(), s("./_bibliography"));
    h.insert("bibliography".into(), s("references.bib"));
    h.insert("repository".into(), Value::Nil);
    h.insert("repository_file_delimiter".into(), s("."));
    h.insert(
        "bibtex_filters".into(),
        list(&[
            "smallcaps",
            "superscript",
            "italics",
            "textit",
            "lowercase",
            "textregistered",
            "tiny",
            "latex",
        ]),
    );
    h.insert("raw_bibtex_filters".into(), list(&[]));
    h.insert(
        "bibtex_skip_fields".into(),
        list(&["abstract", "month_numeric"]),
    );
    h.insert("bibtex_quotes".into(), list(&["{", "}"]));
    h.insert("replace_strings".into(), Value::Bool(true));
    h.insert("join_strings".into(), Value::Bool(true));
    h.insert("remove_duplicates".into(), Value::Bool(false));
    h.insert("details_dir".into(), s("bibliography"));
    h.insert("details_layout".into(), s("bibtex.html"));
    h.insert("details_link".into(), s("Details"));
    h.insert(
        "details_permalink".into(),
        s("/:details_dir/:key:extension"),
    );
    h.insert("bibliography_class".into(), s("bibliography"));
    h.insert("bibliography_template".into(), s("{{reference}}"));
    h.insert("reference_tagname".into(), s("span"));
    h.insert("missing_reference".into(), s("(missing reference)"));
    h.insert("details_link_class".into(), s("details"));
    h.insert("query".into(), s("@*"));
    h.insert("cite_class".into(), s("citation"));
    h.insert("separate_links".into(), Value::Bool(false));
    h.insert("type_names".into(), Value::hash(type_names()));
    let mut aliases = Hash::new();
    aliases.insert("phdthesis".into(), s("thesis"));
    aliases.insert("mastersthesis".into(), s("thesis"));
    h.insert("type_aliases".into(), Value::hash(aliases));
    h.insert("type_order".into(), list(&[]));
    h.insert("month_names".into(), Value::Nil);
    h
}

fn type_names() -> Hash {
    let mut h = Hash::new();
    for (k, v) in [
        ("article", "Journal Articles"),
        ("book", "Books"),
        ("incollection", "Book Chapters"),
        ("inproceedings", "Conference Articles"),
        ("thesis", "Theses"),
        ("mastersthesis", "Master's Theses"),
        ("phdthesis", "PhD Theses"),
        ("manual", "Manuals"),
        ("techreport", "Technical Reports"),
        ("misc", "Miscellaneous"),
        ("unpublished", "Unpublished"),
    ] {
        h.insert(k.into(), Value::str(v));
    }
    h
}

/// The merged configuration one tag renders with.
#[derive(Clone, Debug)]
pub struct Config {
    pub h: Hash,
}

impl Config {
    pub fn new(site_scholar: Option<&Value>, page_scholar: Option<&Value>) -> Config {
        let mut h = defaults();
        for over in [site_scholar, page_scholar].into_iter().flatten() {
            if let Some(o) = over.as_hash() {
                for (k, v) in o.iter() {
                    h.insert(k.clone(), v.clone());
                }
            }
        }
        Config { h }
    }

    pub fn get(&self, k: &str) -> Option<&Value> {
        self.h.get(k).filter(|v| !v.is_nil())
    }

    pub fn str(&self, k: &str) -> String {
        self.get(k).map(crate::value::to_s).unwrap_or_default()
    }

    pub fn truthy(&self, k: &str) -> bool {
        self.h.get(k).is_some_and(Value::is_truthy)
    }

    /// `Array(config[k])` with each element split at commas (sort and group keys).
    pub fn list(&self, k: &str) -> Vec<String> {
        split_list(self.get(k))
    }

    /// A list setting of plain strings (`bibtex_filters`, `bibtex_skip_fields`).
    pub fn strings(&self, k: &str) -> Vec<String> {
        match self.get(k) {
            Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
            Some(v) => vec![crate::value::to_s(v)],
            None => Vec::new(),
        }
    }

    pub fn hash(&self, k: &str) -> Vec<(String, String)> {
        match self.get(k).and_then(|v| v.as_hash().cloned()) {
            Some(h) => h
                .iter()
                .map(|(k, v)| (k.to_string(), crate::value::to_s(v)))
                .collect(),
            None => Vec::new(),
        }
    }

    /// `type_names` / `type_aliases`: the defaults merged with the configured ones.
    pub fn merged_map(&self, k: &str) -> Hash {
        let mut base = defaults()
            .get(k)
            .and_then(|v| v.as_hash().map(|h| (**h).clone()))
            .unwrap_or_default();
        if let Some(Value::Hash(h)) = self.h.get(k) {
            for (a, b) in h.iter() {
                base.insert(a.clone(), b.clone());
            }
        }
        base
    }
}

/// `Array(value).map { split(/\s*,\s*/) }.flatten`.
pub fn split_list(v: Option<&Value>) -> Vec<String> {
    let items: Vec<String> = match v {
        None => Vec::new(),
        Some(Value::Array(a)) => a.iter().map(crate::value::to_s).collect(),
        Some(v) => vec![crate::value::to_s(v)],
    };
    items
        .iter()
        .flat_map(|s| {
            let mut parts: Vec<String> = s.split(',').map(|p| p.trim().to_string()).collect();
            // Ruby's split drops trailing empty fields.
            while parts.last().is_some_and(|p| p.is_empty()) {
                parts.pop();
            }
            // Leading whitespace of the first part stays (the regex only eats around commas).
            if let (Some(first), Some(orig)) = (parts.first_mut(), s.split(',').next()) {
                *first = orig.trim_end().to_string();
            }
            parts
        })
        .collect()
}
