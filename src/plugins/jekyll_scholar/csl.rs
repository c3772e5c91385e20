//! The `reference` and `cite` texts. jekyll-scholar renders them with citeproc-ruby and a
//! CSL style; hyde has no CSL engine yet, so this writes the APA 7 (`apa.csl`) forms
//! citeproc-ruby produces for the common entry types (article, book, chapter and
//! proceedings papers, theses, reports, misc) in HTML. Other styles are reported.

use super::bibtex::{Bibliography, Entry, Field};
use super::names::Name;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn supported(style: &str) -> Result<(), String> {
    if style == "apa" {
        Ok(())
    } else {
        Err(format!(
            "CSL style '{style}' is not implemented by hyde (only apa); references are left empty"
        ))
    }
}

fn get(bib: &Bibliography, e: &Entry, k: &str) -> Option<String> {
    bib.field(e, k)
        .map(|f| f.to_s())
        .filter(|s| !s.trim().is_empty())
}

fn names_of<'a>(bib: &'a Bibliography, e: &'a Entry, k: &str) -> Option<&'a [Name]> {
    match bib.field(e, k) {
        Some(Field::Names(n)) if !n.is_empty() => Some(n),
        _ => None,
    }
}

/// "Donald E." → "D. E."; "Jean-Paul" → "J.-P.".
fn initials(first: &str) -> String {
    first
        .split_whitespace()
        .map(|w| {
            w.split('-')
                .filter_map(|p| p.chars().next().map(|c| format!("{c}.")))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn family(n: &Name) -> String {
    let mut parts = Vec::new();
    if let Some(p) = &n.prefix {
        parts.push(p.clone());
    }
    if let Some(l) = &n.last {
        parts.push(l.clone());
    }
    parts.join(" ")
}

/// APA's inverted name: "van Beethoven, L." / "Smith, J., Jr.".
fn inverted(n: &Name) -> String {
    let mut s = family(n);
    if let Some(f) = n.first.as_deref().filter(|f| !f.is_empty()) {
        s.push_str(", ");
        s.push_str(&initials(f));
    }
    if let Some(j) = &n.suffix {
        s.push_str(", ");
        s.push_str(j);
    }
    s
}

fn name_list(names: &[Name]) -> String {
    let parts: Vec<String> = names.iter().map(inverted).collect();
    match parts.len() {
        0 => String::new(),
        1 => parts[0].clone(),
        n if n <= 20 => format!("{}, &amp; {}", parts[..n - 1].join(", "), parts[n - 1]),
        n => format!("{}, … {}", parts[..19].join(", "), parts[n - 1]),
    }
}

fn terminate(s: &str) -> String {
    if s.ends_with(['.', '?', '!']) {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

fn pages(p: &str) -> String {
    p.replace("--", "–").replace('-', "–")
}

/// The APA bibliography entry.
pub fn bibliography(bib: &Bibliography, e: &Entry, style: &str) -> Result<String, String> {
    supported(style)?;
    let mut out = Vec::new();
    let title = get(bib, e, "title").map(|t| esc(&t));
    let authors = names_of(bib, e, "author").or_else(|| names_of(bib, e, "editor"));
    let year = get(bib, e, "year").unwrap_or_else(|| "n.d.".into());
    let italic_title = !is_part(e);
    match authors {
        Some(a) => {
            out.push(terminate(&name_list(a)));
            out.push(format!("({year})."));
            if let Some(t) = &title {
                out.push(if italic_title {
                    format!("<i>{}</i>.", t.trim_end_matches('.'))
                } else {
                    terminate(t)
                });
            }
        }
        None => {
            if let Some(t) = &title {
                out.push(if italic_title {
                    format!("<i>{}</i>.", t.trim_end_matches('.'))
                } else {
                    terminate(t)
                });
            }
            out.push(format!("({year})."));
        }
    }
    match e.kind.as_str() {
        "article" => {
            let mut c = String::new();
            if let Some(j) = get(bib, e, "journal") {
                c.push_str(&format!("<i>{}</i>", esc(&j)));
            }
            if let Some(v) = get(bib, e, "volume") {
                c.push_str(&format!(", <i>{}</i>", esc(&v)));
            }
            if let Some(n) = get(bib, e, "number") {
                c.push_str(&format!("({})", esc(&n)));
            }
            if let Some(p) = get(bib, e, "pages") {
                c.push_str(&format!(", {}", esc(&pages(&p))));
            }
            if !c.is_empty() {
                out.push(format!("{c}."));
            }
        }
        "inproceedings" | "conference" => {
            // citeproc-ruby's apa.csl prints a paper-conference's proceedings like a
            // periodical: "<i>Proceedings</i>, 1–10." and no publisher.
            if let Some(b) = get(bib, e, "booktitle") {
                let mut c = format!("<i>{}</i>", esc(&b));
                if let Some(p) = get(bib, e, "pages") {
                    c.push_str(&format!(", {}", esc(&pages(&p))));
                }
                out.push(format!("{c}."));
            }
        }
        "incollection" | "inbook" => {
            if let Some(b) = get(bib, e, "booktitle") {
                let mut c = format!("In <i>{}</i>", esc(&b));
                if let Some(p) = get(bib, e, "pages") {
                    c.push_str(&format!(" (pp. {})", esc(&pages(&p))));
                }
                out.push(format!("{c}."));
            }
            if let Some(p) = get(bib, e, "publisher") {
                out.push(terminate(&esc(&p)));
            }
        }
        "phdthesis" | "mastersthesis" | "thesis" => {
            if let Some(s) = get(bib, e, "school") {
                out.push(terminate(&esc(&s)));
            }
        }
        "techreport" => {
            if let Some(s) = get(bib, e, "institution") {
                out.push(terminate(&esc(&s)));
            }
        }
        _ => {
            if let Some(h) = get(bib, e, "howpublished") {
                out.push(terminate(&esc(&h)));
            }
            if let Some(p) = get(bib, e, "publisher") {
                out.push(terminate(&esc(&p)));
            }
        }
    }
    if let Some(d) = get(bib, e, "doi") {
        out.push(format!("https://doi.org/{}", esc(&d)));
    } else if let Some(u) = get(bib, e, "url") {
        out.push(esc(&u));
    }
    Ok(out.join(" "))
}

/// Entries whose title is part of a container (not italicised by APA).
fn is_part(e: &Entry) -> bool {
    matches!(
        e.kind.as_str(),
        "article" | "inproceedings" | "incollection" | "inbook" | "conference"
    )
}

fn short_authors(bib: &Bibliography, e: &Entry) -> String {
    match names_of(bib, e, "author").or_else(|| names_of(bib, e, "editor")) {
        Some(n) if n.len() == 1 => family(&n[0]),
        Some(n) if n.len() == 2 => format!("{} &amp; {}", family(&n[0]), family(&n[1])),
        Some(n) => format!("{} et al.", family(&n[0])),
        None => get(bib, e, "title")
            .map(|t| format!("<i>{}</i>", esc(&t)))
            .unwrap_or_default(),
    }
}

/// The APA in-text citation: "(Knuth et al., 1984; Lamport, 1994)".
pub fn citation(
    bib: &Bibliography,
    entries: &[&Entry],
    style: &str,
    locators: &[String],
    labels: &[String],
    suppress_author: bool,
) -> Result<String, String> {
    supported(style)?;
    let parts: Vec<String> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let year = get(bib, e, "year").unwrap_or_else(|| "n.d.".into());
            let mut s = if suppress_author {
                // citeproc-ruby suppresses the names; APA's substitute is the title.
                match get(bib, e, "title") {
                    Some(t) if is_part(e) => format!("“{}”, {year}", esc(&t)),
                    Some(t) => format!("<i>{}</i>, {year}", esc(&t)),
                    None => year,
                }
            } else {
                format!("{}, {year}", short_authors(bib, e))
            };
            if let Some(l) = locators.get(i) {
                let label = labels.get(i).map(String::as_str).unwrap_or("page");
                let abbrev = match label {
                    "page" if l.contains(['-', '–', ',']) => "pp.",
                    "page" => "p.",
                    "chapter" => "Chapter",
                    "section" => "Section",
                    other => other,
                };
                s.push_str(&format!(", {abbrev} {}", esc(&pages(l))));
            }
            s
        })
        .collect();
    Ok(format!("({})", parts.join("; ")))
}
