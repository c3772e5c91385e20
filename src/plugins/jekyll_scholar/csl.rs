//! The `reference` and `cite` texts. jekyll-scholar renders them with citeproc-ruby and a
//! CSL style; hyde has no CSL engine yet, so this writes the APA 7 (`apa.csl`) forms
//! citeproc-ruby produces for the common entry types (article, book, chapter and
//! proceedings papers, theses, reports, misc) in HTML. Other styles are reported.

use super::bibtex::{Bibliography, Entry, Field};
use super::names::Name;

/// citeproc-ruby's HTML `finalize!`: only `& `, `< ` and ` >` are escaped (markup the
/// filters produced, such as `<i>`, passes through).
fn esc(s: &str) -> String {
    s.replace("& ", "&amp; ")
        .replace("< ", "&lt; ")
        .replace(" >", " &gt;")
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

/// citeproc's `initials_of` with APA's `initialize-with=". "`: each capital starts an
/// initial, the rest of its word dropped; hyphens kept tight ("Min-jun" → "M.-jun").
fn initials(first: &str) -> String {
    use once_cell::sync::Lazy;
    static INITIAL: Lazy<regex::Regex> =
        Lazy::new(|| regex::Regex::new(r"(\p{Lu})[^\p{Lu}\s-]*\s*").expect("initial"));
    static HYPHEN: Lazy<regex::Regex> = Lazy::new(|| regex::Regex::new(r"\s*-").expect("hyphen"));
    let s = INITIAL.replace_all(first, "$1. ");
    HYPHEN.replace_all(&s, "-").trim().to_string()
}

/// citeproc's `romanesque?`: only Latin, Greek, Cyrillic, Hebrew, Armenian, Georgian or
/// common characters (markup removed). Other names print family then given, as written.
fn romanesque(n: &Name) -> bool {
    use once_cell::sync::Lazy;
    use unicode_normalization::UnicodeNormalization;
    static ROMANESQUE: Lazy<regex::Regex> = Lazy::new(|| {
        regex::Regex::new(
            r"^[\p{Latin}\p{Greek}\p{Cyrillic}\p{Hebrew}\p{Armenian}\p{Georgian}\p{Common}]*$",
        )
        .expect("romanesque")
    });
    static MARKUP: Lazy<regex::Regex> =
        Lazy::new(|| regex::Regex::new(r"<[^>]*>").expect("markup"));
    let joined: String = format!(
        "{}{}",
        n.first.as_deref().unwrap_or("").nfc().collect::<String>(),
        n.last.as_deref().unwrap_or("").nfc().collect::<String>()
    );
    ROMANESQUE.is_match(&MARKUP.replace_all(&joined, ""))
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
    if !romanesque(n) {
        let mut parts = Vec::new();
        if let Some(l) = n.last.as_deref().filter(|s| !s.is_empty()) {
            parts.push(l.to_string());
        }
        if let Some(f) = n.first.as_deref().filter(|s| !s.is_empty()) {
            parts.push(f.to_string());
        }
        return parts.join(" ");
    }
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

fn pages(p: &str) -> String {
    p.replace("--", "–").replace('-', "–")
}

/// The text without HTML tags, to see how it really ends.
fn visible_end(s: &str) -> Option<char> {
    let mut t = s.trim_end();
    while t.ends_with('>') {
        match t.rfind('<') {
            Some(i) => t = t[..i].trim_end(),
            None => break,
        }
    }
    t.chars().last()
}

/// Appends `punct` + `text`, dropping the punctuation when what precedes already ends
/// with some (citeproc-ruby squeezes "Corporation,." to "Corporation,").
fn push(out: &mut String, punct: &str, text: &str) {
    let ends_punct = visible_end(out).is_some_and(|c| ".,:;!?".contains(c));
    let p = punct.trim_start_matches(|c: char| ends_punct && ".,:;!?".contains(c));
    out.push_str(p);
    out.push_str(text);
}

fn ends_sentence(out: &mut String) {
    push(out, ".", "");
}

const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "across",
    "afore",
    "after",
    "against",
    "along",
    "alongside",
    "amid",
    "amidst",
    "among",
    "amongst",
    "an",
    "and",
    "anenst",
    "apropos",
    "apud",
    "around",
    "as",
    "aside",
    "astride",
    "at",
    "athwart",
    "atop",
    "barring",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "but",
    "by",
    "circa",
    "despite",
    "d",
    "down",
    "during",
    "except",
    "for",
    "forenenst",
    "from",
    "given",
    "in",
    "inside",
    "into",
    "lest",
    "like",
    "modulo",
    "near",
    "next",
    "nor",
    "notwithstanding",
    "of",
    "off",
    "on",
    "onto",
    "or",
    "out",
    "over",
    "per",
    "plus",
    "pro",
    "qua",
    "sans",
    "since",
    "so",
    "than",
    "the",
    "through",
    "thru",
    "throughout",
    "thruout",
    "till",
    "to",
    "toward",
    "towards",
    "under",
    "underneath",
    "until",
    "unto",
    "up",
    "upon",
    "versus",
    "vs",
    "v",
    "via",
    "vis-à-vis",
    "with",
    "within",
    "without",
];

fn upcase_first(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// CSL `text-case="title"` as citeproc-ruby applies it (English): words of two or more
/// letters capitalised unless stop words (the first always), and the last word.
fn title_case(s: &str) -> String {
    use once_cell::sync::Lazy;
    static WORD: Lazy<regex::Regex> =
        Lazy::new(|| regex::Regex::new(r"\b(\p{L})([\p{L}.]+)\b").expect("word"));
    static LAST: Lazy<regex::Regex> =
        Lazy::new(|| regex::Regex::new(r"(\.|\b)(\p{Ll})([\p{L}.]+)\b$").expect("last"));
    let mut first = true;
    let out = WORD.replace_all(s, |c: &regex::Captures| {
        let word = &c[0];
        let lower_first = c[1].chars().all(char::is_lowercase);
        let stop = STOPWORDS.contains(&word.to_lowercase().as_str());
        let r = if lower_first && (!stop || first) {
            upcase_first(word)
        } else {
            word.to_string()
        };
        first = false;
        r
    });
    LAST.replace(&out, |c: &regex::Captures| {
        if &c[1] == "." {
            c[0].to_string()
        } else {
            format!("{}{}", c[1].to_string() + &upcase_first(&c[2]), &c[3])
        }
    })
    .into_owned()
}

/// The APA bibliography entry.
pub fn bibliography(bib: &Bibliography, e: &Entry, style: &str) -> Result<String, String> {
    supported(style)?;
    let title = get(bib, e, "title").map(|t| esc(&t));
    // No author: the editors take their place, labelled.
    let (authors, editor_label) = match names_of(bib, e, "author") {
        Some(a) => (Some(a), None),
        None => match names_of(bib, e, "editor") {
            Some(ed) => (
                Some(ed),
                Some(if ed.len() > 1 { "(Eds.)" } else { "(Ed.)" }),
            ),
            None => (None, None),
        },
    };
    // APA's "(2nd ed., Vol. 3)" after the title, or after the container of a chapter.
    let book_details = match e.kind.as_str() {
        "article" | "inproceedings" | "conference" => Vec::new(),
        _ => edition_and_volume(bib, e),
    };
    // citeproc-ruby gets the date from the entry's own `year` (not a crossref parent's)
    // and prints no date group at all without one.
    let date = e
        .fields
        .get("year")
        .map(|y| format!("({})", esc(&y.to_s())));
    let container = container_of(bib, e);
    let part_with_container = is_part(e) && container.is_some();
    let italic_title = !part_with_container;
    let title_text = |t: &str| {
        if italic_title {
            format!("<i>{t}</i>")
        } else {
            t.to_string()
        }
    };
    let title_details = if part_with_container || book_details.is_empty() {
        String::new()
    } else {
        format!(" ({})", book_details.join(", "))
    };
    let mut out = String::new();
    match authors {
        Some(a) => {
            out.push_str(&name_list(a));
            if let Some(label) = editor_label {
                push(&mut out, " ", label);
            }
            ends_sentence(&mut out);
            if let Some(d) = &date {
                push(&mut out, " ", d);
                ends_sentence(&mut out);
            }
            if let Some(t) = &title {
                push(&mut out, " ", &title_text(t));
                out.push_str(&title_details);
                ends_sentence(&mut out);
            }
        }
        None => {
            if let Some(t) = &title {
                out.push_str(&title_text(t));
                out.push_str(&title_details);
                ends_sentence(&mut out);
            }
            if let Some(d) = &date {
                push(&mut out, " ", d);
                ends_sentence(&mut out);
            }
            // citeproc-ruby's apa.csl, with the title standing in for the author, prints
            // the edition/volume group a second time with its labels only: "(ed.)".
            if !title_details.is_empty() {
                let labels: Vec<&str> = [
                    get(bib, e, "edition").map(|_| "ed."),
                    get(bib, e, "volume").map(|_| "Vol."),
                ]
                .into_iter()
                .flatten()
                .collect();
                push(&mut out, " ", &format!("({})", labels.join(", ")));
                ends_sentence(&mut out);
            }
        }
    }
    let issue = get(bib, e, "number").or_else(|| get(bib, e, "issue"));
    match (e.kind.as_str(), &container) {
        ("article", Some(j)) => {
            push(&mut out, " ", &format!("<i>{}</i>", esc(&title_case(j))));
            if let Some(v) = get(bib, e, "volume") {
                push(&mut out, ", ", &format!("<i>{}</i>", esc(&v)));
            }
            if let Some(n) = &issue {
                out.push_str(&format!("({})", esc(n)));
            }
            if let Some(p) = get(bib, e, "pages") {
                push(&mut out, ", ", &esc(&pages(&p)));
            }
            ends_sentence(&mut out);
        }
        ("inproceedings" | "conference", Some(b)) => {
            // citeproc-ruby's apa.csl prints a paper-conference's proceedings like a
            // periodical: "<i>Proceedings</i>, 1–10." and no publisher.
            push(&mut out, " ", &format!("<i>{}</i>", esc(&title_case(b))));
            if let Some(p) = get(bib, e, "pages") {
                push(&mut out, ", ", &esc(&pages(&p)));
            }
            ends_sentence(&mut out);
        }
        ("incollection" | "inbook", Some(b)) => {
            push(&mut out, " ", &format!("In <i>{}</i>", esc(&title_case(b))));
            let mut details = book_details.clone();
            if let Some(p) = get(bib, e, "pages") {
                details.push(format!("pp. {}", esc(&pages(&p))));
            }
            if !details.is_empty() {
                push(&mut out, " ", &format!("({})", details.join(", ")));
            }
            ends_sentence(&mut out);
            if let Some(p) = get(bib, e, "publisher") {
                push(&mut out, " ", &esc(&p));
                ends_sentence(&mut out);
            }
        }
        ("phdthesis" | "mastersthesis" | "thesis", _) => {
            // APA: "[Genre, School]." when the thesis is online (DOI or URL), else
            // "[Genre]. School.". bibtex-ruby names the genre after the entry type.
            let genre = match e.kind.as_str() {
                "phdthesis" => Some("PhD thesis"),
                "mastersthesis" => Some("Master's thesis"),
                _ => None,
            };
            let online = get(bib, e, "doi").is_some() || get(bib, e, "url").is_some();
            let school = get(bib, e, "school").map(|s| esc(&s));
            if let Some(g) = genre {
                let inner = match (&school, online) {
                    (Some(sc), true) => format!("{g}, {sc}"),
                    _ => g.to_string(),
                };
                // The bracket joins the title with a space, not a period.
                if out.ends_with('.') {
                    out.pop();
                }
                push(&mut out, " ", &format!("[{inner}]"));
                ends_sentence(&mut out);
            }
            if let Some(sc) = school.filter(|_| !online || genre.is_none()) {
                push(&mut out, " ", &sc);
                ends_sentence(&mut out);
            }
        }
        ("techreport", _) => {
            if let Some(s) = get(bib, e, "institution") {
                push(&mut out, " ", &esc(&s));
                ends_sentence(&mut out);
            }
        }
        ("article" | "inproceedings" | "conference" | "incollection" | "inbook", None) => {}
        _ => {
            if let Some(h) = get(bib, e, "howpublished") {
                push(&mut out, " ", &esc(&h));
                ends_sentence(&mut out);
            }
            if let Some(p) = get(bib, e, "publisher") {
                push(&mut out, " ", &esc(&p));
                ends_sentence(&mut out);
            }
        }
    }
    if let Some(d) = get(bib, e, "doi") {
        push(&mut out, " ", &format!("https://doi.org/{}", esc(&d)));
    } else if let Some(u) = get(bib, e, "url") {
        push(&mut out, " ", &esc(&u));
    }
    Ok(out)
}

fn container_of(bib: &Bibliography, e: &Entry) -> Option<String> {
    match e.kind.as_str() {
        "article" => get(bib, e, "journal"),
        "inproceedings" | "conference" | "incollection" | "inbook" => get(bib, e, "booktitle"),
        _ => None,
    }
}

/// The edition ("2nd ed.", or the text of a non-numeric edition) and the volume ("Vol. 3").
/// An edition is numeric for citeproc when it is a number, optionally with an ordinal
/// suffix ("2nd"); it is then printed as an English ordinal.
fn edition_and_volume(bib: &Bibliography, e: &Entry) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(ed) = get(bib, e, "edition") {
        let t = ed.trim();
        let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &t[digits.len()..];
        let numeric = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && ["", "st", "nd", "rd", "th"].contains(&suffix.to_ascii_lowercase().as_str());
        match digits.parse::<u64>() {
            Ok(n) if numeric => out.push(format!("{} ed.", ordinal(n))),
            _ => out.push(esc(t)),
        }
    }
    if let Some(v) = get(bib, e, "volume") {
        out.push(format!("Vol. {}", esc(&v)));
    }
    out
}

/// English ordinals as CSL's locale gives them: 1st, 2nd, 3rd, 4th, 11th–13th, 21st, ...
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
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
