//! The `bibtex_filters` jekyll-scholar applies to field values before templates see them:
//! its own markup filters (`\textsc` → small caps, `\textsuperscript`, `\emph`, ...) and
//! bibtex-ruby's `latex` filter, which is latex-decode: accents, diacritics, punctuation,
//! symbols and Greek letters to Unicode, braces removed, NFC-normalised.

use super::latex_tables::*;
use once_cell::sync::Lazy;
use regex::{Captures, Regex};
use unicode_normalization::UnicodeNormalization;

fn alternation(keys: impl Iterator<Item = &'static str>) -> String {
    keys.map(regex::escape).collect::<Vec<_>>().join("|")
}

fn lookup(table: &[(&'static str, &'static str)], key: &str) -> &'static str {
    table
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| *v)
        .unwrap_or("")
}

struct Patterns {
    dotless: Regex,
    macro_escaped_space: Regex,
    macro_before_punct: Regex,
    macro_space_arg: Regex,
    tilde: Regex,
    maths: Regex,
    accent_braced: Regex,
    accent_bare: Regex,
    diacritic_braced: Regex,
    diacritic_letter: Regex,
    punct_macro: Regex,
    dashes_quotes: Regex,
    escaped_char: Regex,
    escaped_tilde: Regex,
    escaped_space: Regex,
    symbols: Regex,
    greek: Regex,
}

static P: Lazy<Patterns> = Lazy::new(|| {
    let accents = alternation(ACCENTS.iter().map(|(k, _)| *k));
    let diacritics = alternation(DIACRITIC_MACROS.iter().map(|(k, _)| *k));
    let punct = alternation(PUNCT_MACROS.iter().map(|(k, _)| *k));
    let symbols = alternation(SYMBOLS.iter().map(|(k, _)| *k));
    let greek = alternation(GREEK.iter().map(|(k, _)| *k));
    let re = |s: &str| Regex::new(s).expect("latex pattern");
    Patterns {
        dotless: re(r"\\(?:i|j)\b"),
        macro_escaped_space: re(r"(\\[a-zA-Z]+)\\(\s+)"),
        macro_before_punct: re(r"([^{]\\\w)([;,.:%])"),
        macro_space_arg: re(r"(?i)(\\[^\sij&#$\{\}_~%])\s+(\p{Alphabetic}+)\b"),
        tilde: re(r"(^|[^\\])~"),
        maths: re(r"\$([^$]+)\$"),
        accent_braced: re(&format!(r"\\({accents})\{{(\p{{L}}\p{{M}}*)\}}")),
        accent_bare: re(&format!(r"\\({accents})(\p{{L}}\p{{M}}*)")),
        diacritic_braced: re(&format!(
            r"\\({diacritics})\{{(\p{{L}}\p{{M}}*)(\p{{Alphabetic}}*)\}}"
        )),
        diacritic_letter: re(r"\\(o|O|l|L|aa|AA|ae|AE)\b"),
        punct_macro: re(&format!(r"(?m)\\({punct})(?:\{{\}}|\s+|\b|$)")),
        dashes_quotes: re(r"(-+|`{1,2}|'{1,2})"),
        escaped_char: re(r"\\([$%;#_&])(\{\})?"),
        escaped_tilde: re(r"\\(~)\{\}"),
        escaped_space: re(r"\\( )"),
        symbols: re(&format!(r"\\({symbols})(?:\{{\}}|\s+|\b)")),
        greek: re(&format!(r"\\({greek})(?:\{{\}}|\s+|\b)")),
    }
});

/// `LaTeX.decode`.
pub fn decode(input: &str) -> String {
    let p = &*P;
    // Base.normalize
    let s = p
        .dotless
        .replace_all(input, |c: &Captures| if &c[0] == "\\i" { "ı" } else { "ȷ" })
        .into_owned();
    let s = p
        .macro_escaped_space
        .replace_all(&s, "${1}{}${2}")
        .into_owned();
    let s = p
        .macro_before_punct
        .replace_all(&s, "${1}{}${2}")
        .into_owned();
    let s = p.macro_space_arg.replace_all(&s, "${1}{${2}}").into_owned();
    let s = p.tilde.replace_all(&s, "${1}\u{a0}").into_owned();
    // Maths: without a MathML converter installed, `$x$` is just `x`.
    let s = p.maths.replace_all(&s, "${1}").into_owned();
    // Accents: the letter, then the combining mark.
    let s = p
        .accent_braced
        .replace_all(&s, |c: &Captures| {
            format!("{}{}", &c[2], lookup(ACCENTS, &c[1]))
        })
        .into_owned();
    let s = p
        .accent_bare
        .replace_all(&s, |c: &Captures| {
            format!("{}{}", &c[2], lookup(ACCENTS, &c[1]))
        })
        .into_owned();
    let s = p
        .diacritic_braced
        .replace_all(&s, |c: &Captures| {
            format!("{}{}{}", &c[2], lookup(DIACRITIC_MACROS, &c[1]), &c[3])
        })
        .into_owned();
    let s = p
        .diacritic_letter
        .replace_all(&s, |c: &Captures| {
            lookup(DIACRITIC_LETTERS, &c[1]).to_string()
        })
        .into_owned();
    // Punctuation.
    let s = p
        .punct_macro
        .replace_all(&s, |c: &Captures| lookup(PUNCT_MACROS, &c[1]).to_string())
        .into_owned();
    let s = p
        .dashes_quotes
        .replace_all(&s, |c: &Captures| punct_symbol(&c[1]).to_string())
        .into_owned();
    let s = p
        .escaped_char
        .replace_all(&s, |c: &Captures| {
            format!("{}{}", &c[1], c.get(2).map(|m| m.as_str()).unwrap_or(""))
        })
        .into_owned();
    let s = p.escaped_tilde.replace_all(&s, "${1}{}").into_owned();
    let s = p.escaped_space.replace_all(&s, "${1}").into_owned();
    let s = p
        .symbols
        .replace_all(&s, |c: &Captures| lookup(SYMBOLS, &c[1]).to_string())
        .into_owned();
    let s = p
        .greek
        .replace_all(&s, |c: &Captures| lookup(GREEK, &c[1]).to_string())
        .into_owned();
    strip_braces(&s).nfc().collect()
}

/// Dashes and TeX quotes; a run it has no name for (four hyphens) disappears.
fn punct_symbol(s: &str) -> &'static str {
    match s {
        "-" => "-",
        "--" => "–",
        "---" => "—",
        "``" => "“",
        "`" => "‘",
        "''" => "”",
        "'" => "’",
        _ => "",
    }
}

/// `Base.strip_braces`: braces go, except one escaped with a backslash, which loses the
/// backslash instead.
fn strip_braces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut in_run = false;
    for c in s.chars() {
        if c == '{' || c == '}' {
            let escaped = !in_run && prev == Some('\\');
            if escaped {
                out.push(c);
            }
            in_run = true;
        } else {
            in_run = false;
        }
        if c != '{' && c != '}' {
            out.push(c);
        }
        prev = Some(c);
    }
    // `\{` and `\}` become the brace itself.
    out.replace("\\{", "{").replace("\\}", "}")
}

/// Replaces every `\macro{balanced}` with `wrap(content)` (jekyll-scholar's filters use a
/// recursive regex for the balanced group).
fn replace_command(s: &str, macro_name: &str, wrap: &dyn Fn(&str) -> String) -> String {
    let needle = format!("\\{macro_name}{{");
    if !s.contains(&needle) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(&needle) {
        let open = i + needle.len() - 1;
        match balanced_end(&rest[open..]) {
            Some(len) => {
                out.push_str(&rest[..i]);
                out.push_str(&wrap(&rest[open + 1..open + len - 1]));
                rest = &rest[open + len..];
            }
            None => {
                out.push_str(&rest[..i + 1]);
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Length of the balanced `{...}` group at the start of `s`.
fn balanced_end(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// A named filter from `bibtex_filters`, resolved as `BibTeX::Filters.resolve` does
/// (class names matched case-insensitively).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Filter {
    Smallcaps,
    Superscript,
    Italics,
    Textit,
    Lowercase,
    Textregistered,
    Tiny,
    Latex,
    LineBreaks,
}

impl Filter {
    pub fn from_name(name: &str) -> Option<Filter> {
        Some(match name.to_ascii_lowercase().as_str() {
            "smallcaps" => Filter::Smallcaps,
            "superscript" => Filter::Superscript,
            "italics" => Filter::Italics,
            "textit" => Filter::Textit,
            "lowercase" => Filter::Lowercase,
            "textregistered" => Filter::Textregistered,
            "tiny" => Filter::Tiny,
            "latex" => Filter::Latex,
            "linebreaks" => Filter::LineBreaks,
            _ => return None,
        })
    }

    pub fn apply(self, s: &str) -> String {
        match self {
            Filter::Smallcaps => replace_command(s, "textsc", &|c| {
                format!("<font style=\"font-variant: small-caps\">{c}</font>")
            }),
            Filter::Superscript => {
                replace_command(s, "textsuperscript", &|c| format!("<sup>{c}</sup>"))
            }
            Filter::Italics => replace_command(s, "emph", &|c| format!("<i>{c}</i>")),
            Filter::Textit => replace_command(s, "textit", &|c| format!("<i>{c}</i>")),
            Filter::Lowercase => replace_command(s, "lowercase", &|c| c.to_lowercase()),
            Filter::Textregistered => s.replace("\\textregistered", "&#0174"),
            Filter::Tiny => {
                replace_command(s, "tiny", &|c| format!("<span class=\"tiny\">{c}</span>"))
            }
            Filter::Latex => decode(s),
            Filter::LineBreaks => line_breaks(s),
        }
    }
}

/// bibtex-ruby's `linebreaks` filter: `\n\s*` → one space.
fn line_breaks(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

type Memo = std::collections::HashMap<(Vec<Filter>, String), String>;

/// Filtered texts, shared by every page of the build: each field is decoded once, not once
/// per page that lists it.
static MEMO: Lazy<std::sync::Mutex<Memo>> = Lazy::new(Default::default);

/// Forgets the previous build's filtered texts.
pub(super) fn begin_build() {
    MEMO.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// Applies `filters` in order.
pub fn apply_all(filters: &[Filter], s: &str) -> String {
    if filters.is_empty()
        || (!s.contains(['\\', '{', '}', '$', '~', '-', '`', '\'', '\n'])
            && unicode_normalization::is_nfc(s))
    {
        return s.to_string();
    }
    let key = (filters.to_vec(), s.to_string());
    if let Some(v) = MEMO.lock().ok().and_then(|m| m.get(&key).cloned()) {
        return v;
    }
    let mut out = s.to_string();
    for f in filters {
        out = f.apply(&out);
    }
    if let Ok(mut m) = MEMO.lock() {
        m.insert(key, out.clone());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from latex-decode 0.4.2's `LaTeX.decode` (Ruby 3.1, no ritex/math_ml).
    #[test]
    fn decodes_like_latex_decode() {
        assert_eq!(
            decode(r#"Literate {P}rogramming and \"{U}ber caf\'e"#),
            "Literate Programming and Über café"
        );
        assert_eq!(decode(r#"G\"odel--Escher---Bach"#), "Gödel–Escher—Bach");
        assert_eq!(decode(r"\c{c}a \v{s} \o{} \ss{} \&"), "ça š ø ß &");
        assert_eq!(decode(r"$\alpha$-helix in \LaTeX"), "α-helix in \\LaTeX");
        assert_eq!(decode("don't ``quote''"), "don’t “quote”");
    }
}
