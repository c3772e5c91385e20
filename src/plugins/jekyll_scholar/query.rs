//! bibtex-ruby's query language, as `{% bibliography --query %}` uses it:
//! `@type[cond, cond || cond]`, several such selectors (any may match), `!@type` for
//! "not this type", `@*` for every entry. Conditions: `field` (present), `field=value`,
//! `!=`, `^=` (starts with), `~=`/`=~` (regex), `!~`, `<`, `>`, `<=`, `>=` (numeric when
//! both sides are digits, text otherwise), joined by `,`/`&&` and `||`.

use super::bibtex::{Bibliography, Entry};
use once_cell::sync::Lazy;
use regex::Regex;

static SELECTOR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(!)?@(\*|\w+)(?:\[([^\]]*)\])?").expect("selector"));
static OPERATOR: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\s*([!~/^<>]?=|!~|=~|<|>)\s*").expect("operator"));
static OR: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*\|\|\s*").expect("or"));
static AND: Lazy<Regex> = Lazy::new(|| Regex::new(r"\s*(?:,|&&)\s*").expect("and"));

/// `Element#matches?` for an entry.
pub fn matches(bib: &Bibliography, e: &Entry, query: &str) -> bool {
    if query.is_empty() {
        return true;
    }
    if !SELECTOR.is_match(query) {
        return e.key == query;
    }
    SELECTOR.captures_iter(query).any(|c| {
        let negated = c.get(1).is_some();
        let ty = &c[2];
        let has_type =
            ty == "*" || ty.eq_ignore_ascii_case("entry") || e.kind.eq_ignore_ascii_case(ty);
        if has_type == negated {
            return false;
        }
        match c.get(3).map(|m| m.as_str()) {
            None | Some("") => true,
            Some(cond) => split_ruby(&OR, cond)
                .iter()
                .any(|all| split_ruby(&AND, all).iter().all(|c| meets(bib, e, c))),
        }
    })
}

/// Ruby's `String#split(regex)`: trailing empty parts dropped.
fn split_ruby<'a>(re: &Regex, s: &'a str) -> Vec<&'a str> {
    let mut parts: Vec<&str> = re.split(s).collect();
    while parts.last().is_some_and(|p| p.is_empty()) {
        parts.pop();
    }
    parts
}

/// The value a condition compares: the entry's key, the year, or a field (also from
/// the `crossref` parent).
fn actual(bib: &Bibliography, e: &Entry, property: &str) -> Option<String> {
    match property {
        "key" | "id" => Some(e.key.clone()),
        "type" => e.fields.get("type").map(|f| f.to_s()),
        "year" => match e.fields.get("year") {
            Some(y) => Some(y.to_s()),
            None => e.fields.get("date").and_then(|d| {
                let s = d.to_s();
                let re = Regex::new(r"\d{4}").ok()?;
                re.find(&s).map(|m| m.as_str().to_string())
            }),
        },
        _ => bib.field(e, property).map(|f| f.to_s()),
    }
}

fn all_digits_line(s: &str) -> bool {
    s.split('\n')
        .any(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_digit()))
}

fn ruby_match(text: &str, pattern: &str) -> bool {
    Regex::new(pattern).is_ok_and(|re| re.is_match(text))
}

/// `Element#meets_condition?`.
fn meets(bib: &Bibliography, e: &Entry, condition: &str) -> bool {
    let (property, op, value) = match OPERATOR.captures(condition) {
        Some(c) => {
            let m = c.get(0).map(|m| m.range()).unwrap_or(0..0);
            let value_end = OPERATOR
                .find_at(condition, m.end)
                .map(|n| n.start())
                .unwrap_or(condition.len());
            (
                &condition[..m.start],
                Some(c[1].to_string()),
                Some(condition[m.end..value_end].trim()),
            )
        }
        None => (condition, None, None),
    };
    let property = property.trim();
    if property.is_empty() && op.is_none() {
        return true;
    }
    let Some(op) = op else {
        return bib.provides(e, property);
    };
    let value = value.unwrap_or("");
    let actual = actual(bib, e, property);
    match op.as_str() {
        "!=" | "/=" => actual.is_none_or(|a| a != value),
        "^=" => actual.is_some_and(|a| ruby_match(&a, &format!("^{value}"))),
        "~=" | "=~" => actual.is_some_and(|a| ruby_match(&a, value)),
        "!~" => actual.is_none_or(|a| !ruby_match(&a, value)),
        "<=" | ">=" | "<" | ">" => {
            let Some(a) = actual else { return false };
            let ord = if all_digits_line(&a) && all_digits_line(value) {
                super::bibtex::ruby_to_i(&a).cmp(&super::bibtex::ruby_to_i(value))
            } else {
                a.as_bytes().cmp(value.as_bytes())
            };
            match op.as_str() {
                "<=" => ord.is_le(),
                ">=" => ord.is_ge(),
                "<" => ord.is_lt(),
                _ => ord.is_gt(),
            }
        }
        _ => actual.is_some_and(|a| a == value),
    }
}

#[cfg(test)]
mod tests {
    use super::super::bibtex::{parse_files, ParseOptions};
    use super::*;

    // Expected selections from bibtex-ruby 6.2.0's `Bibliography#query`.
    #[test]
    fn selects_like_bibtex_ruby() {
        let bib = parse_files(
            &[(
                "t.bib".into(),
                "@article{a, year={2024}, selected={true}}\n@book{b, year={2019}}\n@misc{c, year={2024}, note={x}}\n".into(),
            )],
            ParseOptions::default(),
        );
        let q = |query: &str| -> Vec<String> {
            bib.entries
                .iter()
                .filter(|e| matches(&bib, e, query))
                .map(|e| e.key.clone())
                .collect()
        };
        assert_eq!(q("@*"), ["a", "b", "c"]);
        assert_eq!(q("@*[selected=true]*"), ["a"]);
        assert_eq!(q("@*[year=2024]"), ["a", "c"]);
        assert_eq!(q("@article"), ["a"]);
        assert_eq!(q("!@article"), ["b", "c"]);
        assert_eq!(q("@*[year<2024]"), ["b"]);
        assert_eq!(q("@*[year!=2024]"), ["b"]);
        assert_eq!(q("@*[note]"), ["c"]);
        assert_eq!(q("@*[year=2019 || note=x]"), ["b", "c"]);
        assert_eq!(q("@*[year=2024 && note=x]"), ["c"]);
        assert_eq!(q("@book, @misc"), ["b", "c"]);
    }
}
