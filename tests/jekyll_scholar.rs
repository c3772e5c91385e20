//! jekyll-scholar sites built by hyde, compared byte for byte with what real
//! jekyll-scholar 7.3.0 wrote (`tests/scholar-sites/<site>.expected`).
//!
//! The expected outputs ARE oracle-made, but not by `scripts/make-goldens`: Debian does not
//! package jekyll-scholar, so `tests/scholar-sites/regenerate.sh` runs the jekyll-oracle with
//! jekyll-scholar and its dependencies (bibtex-ruby, latex-decode, citeproc-ruby, csl,
//! csl-styles, namae) loaded from their sources. The sites live here, not in `fixtures/`,
//! so that make-goldens (whose Jekyll lacks the plugin) never picks them up.
//!
//! Sites: `basic` (default template, APA references and citations, `@string` and `#`,
//! months, names with von/jr/others, LaTeX accents) and `alfolio` (an al-folio-style `bib`
//! layout, grouping by year and by type, `--query`, `--max`, `-T`, `-f`, `--cited`,
//! `{% cite %}`, `{% reference %}`, `{% quote %}`, `{% bibliography_count %}`, duplicate keys,
//! `bibtex_skip_fields`, `entry.bibtex`, `entry.author_array`), `details` (details pages),
//! `large`, `glob`, `bibtex-tag` (`{% bibtex %}` blocks), `editions` (APA editions/volumes)
//! `duplicates-config`/`duplicates-tag` (`remove_duplicates`), `repository` (file links) and
//! `raw-filters` (`raw_bibtex_filters`) and `separate-links`.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn check(site: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scholar-sites");
    let src = root.join(site);
    let expected = root.join(format!("{site}.expected"));
    let dest = std::env::temp_dir().join(format!("hyde-scholar-{site}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dest);
    // In-process (`hyde::build::command`, what `hyde build` runs), so the test exercises
    // this crate's code and not whichever `hyde` binary a shared target directory holds.
    let mut values = hyde::value::Hash::new();
    values.insert("source".into(), hyde::Value::str(src.display().to_string()));
    values.insert(
        "destination".into(),
        hyde::Value::str(dest.display().to_string()),
    );
    values.insert("quiet".into(), hyde::Value::Bool(true));
    let overrides = hyde::config::Overrides {
        values,
        config_files: Vec::new(),
    };
    let code = hyde::build::command(&root, &overrides);
    assert_eq!(code, 0, "hyde build failed for {site}");
    let mut want = Vec::new();
    files(&expected, &mut want);
    let mut got = Vec::new();
    files(&dest, &mut got);
    assert_eq!(want.len(), got.len(), "{site}: number of files written");
    for w in want {
        let rel = w.strip_prefix(&expected).unwrap();
        let g = dest.join(rel);
        let a = std::fs::read_to_string(&w).unwrap();
        let b = std::fs::read_to_string(&g)
            .unwrap_or_else(|_| panic!("{site}: {} not written", rel.display()));
        assert_eq!(b, a, "{site}: {} differs", rel.display());
    }
    let _ = std::fs::remove_dir_all(&dest);
}

#[test]
fn basic_site() {
    check("basic");
}

#[test]
fn alfolio_site() {
    check("alfolio");
}

/// Details pages (`details_layout` present, pretty permalinks), `details_link`,
/// `cite_details`, grouping by month, multi-key sort with orders, list/item attributes,
/// `bibtex_filters` with `linebreaks`, `--locator`, `--suppress_author`.
#[test]
fn details_site() {
    check("details");
}

/// 400 generated entries of every type al-folio uses: accents and `\i` in names, von and
/// Jr parts, `others`, month macros and numbers, `@string` concatenation, `\emph`/`\textsc`,
/// maths, dashes; the al-folio-style layout, `selected` query and APA references grouped by
/// type.
#[test]
fn large_site() {
    check("large");
}

/// `bibliography: "*.bib"` in a custom `source` (files concatenated, `@string`s shared),
/// `-f` overriding the glob, an inline `bibliography_template`, `entry.month_numeric`,
/// `entry.author_0_last`, descending text sort, `ul` lists.
#[test]
fn glob_site() {
    check("glob");
}

/// `{% bibtex %}` blocks: Liquid inside the block, each entry as its reference tag,
/// `--prefix`, accents and `von` in names.
#[test]
fn bibtex_tag_site() {
    check("bibtex-tag");
}

/// APA's edition and volume group: numeric editions as ordinals ("2nd" too), textual ones
/// as written, "Vol. N", chapters' "(3rd ed., pp. 1–10)", theses, editors standing in for
/// authors ("(Ed.)"/"(Eds.)"), and citeproc's label-only repetition for entries without
/// author.
#[test]
fn editions_site() {
    check("editions");
}

/// `remove_duplicates: true`: duplicates by type, year and title (exact, case-sensitive;
/// entries without those fields match on their type), crossref parents' fields included;
/// entries without a year print no date.
#[test]
fn duplicates_config_site() {
    check("duplicates-config");
}

/// `{% bibliography -r journal, year %}`: duplicates matched on the given fields.
#[test]
fn duplicates_tag_site() {
    check("duplicates-tag");
}

/// `repository`: `link` (PDF, else PostScript) and `links` by extension from the folder's
/// files, keys with `:` and spaces mapped to `_`, dot files and other names ignored, under a
/// `baseurl`.
#[test]
fn repository_site() {
    check("repository");
}

/// `raw_bibtex_filters`: `entry.bibtex` with its fields converted (name lists as written),
/// next to `bibtex_filters` for the other fields.
#[test]
fn raw_filters_site() {
    check("raw-filters");
}

/// `separate_links`: each cited entry in a link of its own, inside one pair of parentheses.
#[test]
fn separate_links_site() {
    check("separate-links");
}
