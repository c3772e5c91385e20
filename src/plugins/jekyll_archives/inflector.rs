//! `String#singularize` from ActiveSupport's English inflections, which jekyll-archives-v2
//! uses for the `:type` placeholder (`tags` → `tag`, `categories` → `category`).

use once_cell::sync::Lazy;
use regex::Regex;

/// ActiveSupport's singular rules in the order they are defined; later rules are tried
/// first (`inflect.singular` prepends).
const SINGULAR_RULES: &[(&str, &str)] = &[
    (r"s$", ""),
    (r"(ss)$", "${1}"),
    (r"(n)ews$", "${1}ews"),
    (r"([ti])a$", "${1}um"),
    (
        r"((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)(sis|ses)$",
        "${1}sis",
    ),
    (r"(^analy)(sis|ses)$", "${1}sis"),
    (r"([^f])ves$", "${1}fe"),
    (r"(hive)s$", "${1}"),
    (r"(tive)s$", "${1}"),
    (r"([lr])ves$", "${1}f"),
    (r"([^aeiouy]|qu)ies$", "${1}y"),
    (r"(s)eries$", "${1}eries"),
    (r"(m)ovies$", "${1}ovie"),
    (r"(x|ch|ss|sh)es$", "${1}"),
    (r"^(m|l)ice$", "${1}ouse"),
    (r"(bus)(es)?$", "${1}"),
    (r"(o)es$", "${1}"),
    (r"(shoe)s$", "${1}"),
    (r"(cris|test)(is|es)$", "${1}is"),
    (r"^(a)x[ie]s$", "${1}xis"),
    (r"(octop|vir)(us|i)$", "${1}us"),
    (r"(alias|status)(es)?$", "${1}"),
    (r"^(ox)en", "${1}"),
    (r"(vert|ind)ices$", "${1}ex"),
    (r"(matr)ices$", "${1}ix"),
    (r"(quiz)zes$", "${1}"),
    (r"(database)s$", "${1}"),
];

/// `inflect.irregular(singular, plural)`, in definition order.
const IRREGULAR: &[(&str, &str)] = &[
    ("person", "people"),
    ("man", "men"),
    ("child", "children"),
    ("sex", "sexes"),
    ("move", "moves"),
    ("zombie", "zombies"),
];

const UNCOUNTABLE: &[&str] = &[
    "equipment",
    "information",
    "rice",
    "money",
    "species",
    "series",
    "fish",
    "sheep",
    "jeans",
    "police",
];

/// The rules in the order `apply_inflections` tries them.
static RULES: Lazy<Vec<(Regex, String)>> = Lazy::new(|| {
    let mut defined: Vec<(String, String)> = SINGULAR_RULES
        .iter()
        .map(|(p, r)| (p.to_string(), r.to_string()))
        .collect();
    for (singular, plural) in IRREGULAR {
        // Both words share their first letter, which the rule keeps as the capture (so
        // the case of the input's first letter survives).
        let (s0, srest) = singular.split_at(1);
        let (p0, prest) = plural.split_at(1);
        defined.push((format!("({s0}){srest}$"), format!("${{1}}{srest}")));
        defined.push((format!("({p0}){prest}$"), format!("${{1}}{srest}")));
    }
    defined
        .into_iter()
        .rev()
        .filter_map(|(p, r)| Regex::new(&format!("(?i){p}")).ok().map(|re| (re, r)))
        .collect()
});

static UNCOUNTABLE_RE: Lazy<Vec<Regex>> = Lazy::new(|| {
    UNCOUNTABLE
        .iter()
        .filter_map(|w| Regex::new(&format!(r"(?i)\b{w}\z")).ok())
        .collect()
});

/// `"tags".singularize` → `"tag"`: the first rule that matches replaces its first match.
pub fn singularize(word: &str) -> String {
    if word.is_empty() || UNCOUNTABLE_RE.iter().any(|re| re.is_match(word)) {
        return word.to_string();
    }
    for (re, replacement) in RULES.iter() {
        if re.is_match(word) {
            return re.replacen(word, 1, replacement.as_str()).into_owned();
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::singularize;

    /// Expected values printed by ActiveSupport's inflector (`ruby -ractive_support/inflector
    /// -e 'p "categories".singularize'`), the library jekyll-archives-v2 requires.
    #[test]
    fn english_singulars() {
        for (plural, singular) in [
            ("tags", "tag"),
            ("categories", "category"),
            ("year", "year"),
            ("series", "series"),
            ("people", "person"),
            ("statuses", "status"),
            ("analyses", "analysis"),
            ("wolves", "wolf"),
            ("boxes", "box"),
            ("news", "news"),
            ("authors", "author"),
            ("keywords", "keyword"),
            ("Tags", "Tag"),
            ("women", "woman"),
            ("", ""),
        ] {
            assert_eq!(singularize(plural), singular, "{plural}");
        }
    }
}
