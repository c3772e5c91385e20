//! Person names as bibtex-ruby's name parser splits them: `and`-separated names, each
//! "First von Last", "von Last, First" or "von Last, Jr, First"; words typed by their
//! first letter (lowercase words make the "von" part), braces keeping a word whole.

/// `BibTeX::Name`: the four parts jekyll-scholar exposes as `first`, `last`, `prefix`
/// (von) and `suffix` (jr).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Name {
    pub first: Option<String>,
    pub last: Option<String>,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
}

impl Name {
    /// `Name#sort_order` (its `to_s`): "von Last, Jr, First".
    pub fn sort_order(&self) -> String {
        let mut head = Vec::new();
        if let Some(p) = &self.prefix {
            head.push(p.as_str());
        }
        if let Some(l) = &self.last {
            head.push(l.as_str());
        }
        let mut parts = vec![head.join(" ")];
        if let Some(s) = &self.suffix {
            parts.push(s.clone());
        }
        if let Some(f) = &self.first {
            parts.push(f.clone());
        }
        parts.join(", ")
    }

    /// The parts in `Struct` order, as `each_pair` yields them.
    pub fn pairs(&self) -> [(&'static str, &Option<String>); 4] {
        [
            ("first", &self.first),
            ("last", &self.last),
            ("prefix", &self.prefix),
            ("suffix", &self.suffix),
        ]
    }

    pub fn map_parts(&self, f: &dyn Fn(&str) -> String) -> Name {
        Name {
            first: self.first.as_deref().map(f),
            last: self.last.as_deref().map(f),
            prefix: self.prefix.as_deref().map(f),
            suffix: self.suffix.as_deref().map(f),
        }
    }
}

/// `Names#to_s`: the names in sort order joined by " and ".
pub fn names_to_s(names: &[Name]) -> String {
    names
        .iter()
        .map(Name::sort_order)
        .collect::<Vec<_>>()
        .join(" and ")
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Lower,
    Upper,
    Other,
}

#[derive(Debug, Clone)]
enum Tok {
    /// Starts a name; `true` when the name is written last-name-first (CJK).
    And(bool),
    Comma,
    Word(Kind, String),
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x1100..=0x11FF | 0xAC00..=0xD7AF | 0x3130..=0x318F | 0x20000..=0x2FA1F)
}

/// The length of a `,?\s+and\s+` separator at the start of `s`.
fn and_at(s: &str) -> Option<usize> {
    let mut i = 0;
    let b = s.as_bytes();
    if b.first() == Some(&b',') {
        i = 1;
    }
    let ws = s[i..].len() - s[i..].trim_start().len();
    if ws == 0 {
        return None;
    }
    i += ws;
    if s.len() < i + 3 || !s.as_bytes()[i..i + 3].eq_ignore_ascii_case(b"and") {
        return None;
    }
    i += 3;
    let ws = s[i..].len() - s[i..].trim_start().len();
    if ws == 0 {
        return None;
    }
    Some(i + ws)
}

fn scan(input: &str) -> Vec<Tok> {
    let mut out = vec![Tok::And(false)];
    let mut last_and = 0;
    let mut word: Option<(Kind, String)> = None;
    let push_word = |out: &mut Vec<Tok>, word: &mut Option<(Kind, String)>| {
        if let Some((k, w)) = word.take() {
            if !w.is_empty() {
                out.push(Tok::Word(k, w));
            }
        }
    };
    let mut i = 0;
    while i < input.len() {
        let rest = &input[i..];
        if let Some(n) = and_at(rest) {
            push_word(&mut out, &mut word);
            last_and = out.len();
            out.push(Tok::And(false));
            i += n;
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            push_word(&mut out, &mut word);
            i += c.len_utf8();
            continue;
        }
        if c == ',' {
            push_word(&mut out, &mut word);
            out.push(Tok::Comma);
            i += 1;
            continue;
        }
        let w = word.get_or_insert((Kind::Other, String::new()));
        if c.is_lowercase() || c.is_uppercase() {
            let kind = if c.is_lowercase() {
                Kind::Lower
            } else {
                Kind::Upper
            };
            if w.0 == Kind::Other {
                w.0 = kind;
            }
            let n = rest
                .char_indices()
                .skip(1)
                .find(|&(_, ch)| {
                    !(ch.is_lowercase() || ch.is_uppercase() || (kind == Kind::Upper && ch == '.'))
                })
                .map(|(j, _)| j)
                .unwrap_or(rest.len());
            w.1.push_str(&rest[..n]);
            i += n;
        } else if c == '{' {
            // A braced group is one unit, whatever it contains.
            let mut depth = 0i32;
            let mut n = rest.len();
            for (j, ch) in rest.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            n = j + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            w.1.push_str(&rest[..n]);
            i += n;
        } else if c == '}' {
            i += 1;
        } else if c == '\\' {
            let n = rest
                .char_indices()
                .nth(2)
                .map(|(j, _)| j)
                .unwrap_or(rest.len());
            w.1.push_str(&rest[..n]);
            i += n;
        } else {
            let n = rest
                .char_indices()
                .find(|&(_, ch)| {
                    ch.is_whitespace()
                        || ",{}\\".contains(ch)
                        || ch.is_lowercase()
                        || ch.is_uppercase()
                })
                .map(|(j, _)| j)
                .unwrap_or(rest.len());
            let n = n.max(c.len_utf8());
            if rest[..n].chars().any(is_cjk) {
                if let Some(Tok::And(lf)) = out.get_mut(last_and) {
                    *lf = true;
                }
            }
            w.1.push_str(&rest[..n]);
            i += n;
        }
    }
    push_word(&mut out, &mut word);
    out
}

fn join(words: &[(Kind, String)]) -> Option<String> {
    if words.is_empty() {
        None
    } else {
        Some(
            words
                .iter()
                .map(|(_, w)| w.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// "First von Last": first is the leading capitalised run, von runs through the last
/// lowercase word that still leaves a last name, last is the rest.
fn first_von_last(words: &[(Kind, String)]) -> Name {
    if words.len() == 1 {
        return Name {
            last: join(words),
            ..Name::default()
        };
    }
    let lead = words.iter().take_while(|(k, _)| *k != Kind::Lower).count();
    if lead >= words.len() - 1 {
        // u_words word
        return Name {
            first: join(&words[..words.len() - 1]),
            last: join(&words[words.len() - 1..]),
            ..Name::default()
        };
    }
    let (von_end, last_start) = match words.last() {
        Some((Kind::Lower, _)) => (words.len() - 1, words.len() - 1),
        _ => {
            let trailing = words
                .iter()
                .rev()
                .take_while(|(k, _)| *k != Kind::Lower)
                .count();
            (words.len() - trailing, words.len() - trailing)
        }
    };
    Name {
        first: join(&words[..lead]),
        prefix: join(&words[lead..von_end]),
        last: join(&words[last_start..]),
        suffix: None,
    }
}

/// "von Last" before the first comma: von runs through the last lowercase word that is
/// followed by another word (with any capitalised words before it).
fn von_last(words: &[(Kind, String)]) -> (Option<String>, Option<String>) {
    if words.len() <= 1 {
        return (None, join(words));
    }
    let pos = words[..words.len() - 1]
        .iter()
        .rposition(|(k, _)| *k == Kind::Lower);
    match pos {
        Some(j) => (join(&words[..=j]), join(&words[j + 1..])),
        None => (None, join(words)),
    }
}

fn parse_one(lf: bool, toks: &[Tok]) -> Name {
    let mut parts: Vec<Vec<(Kind, String)>> = vec![Vec::new()];
    for t in toks {
        match t {
            Tok::Comma => parts.push(Vec::new()),
            Tok::Word(k, w) => {
                if let Some(p) = parts.last_mut() {
                    p.push((*k, w.clone()));
                }
            }
            Tok::And(_) => {}
        }
    }
    if parts.len() == 1 {
        let words = &parts[0];
        if lf {
            // Last name first (CJK): the first word is the family name.
            return Name {
                last: join(&words[..1.min(words.len())]),
                first: join(&words[1.min(words.len())..]),
                ..Name::default()
            };
        }
        return first_von_last(words);
    }
    let (prefix, last) = von_last(&parts[0]);
    let (suffix, first) = if parts.len() >= 3 {
        (join(&parts[1]), join(&parts[2..].concat()))
    } else {
        (None, join(&parts[1]))
    };
    Name {
        first,
        last,
        prefix,
        suffix,
    }
}

/// `Names.parse`: every name in an `author`-like field.
pub fn parse(input: &str) -> Vec<Name> {
    let toks = scan(input);
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=toks.len() {
        if i == toks.len() || matches!(toks[i], Tok::And(_)) {
            let lf = matches!(toks[start], Tok::And(true));
            let body = &toks[start + 1..i];
            if body.iter().any(|t| matches!(t, Tok::Word(..))) {
                out.push(parse_one(lf, body));
            }
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(first: Option<&str>, prefix: Option<&str>, last: &str, suffix: Option<&str>) -> Name {
        Name {
            first: first.map(Into::into),
            last: Some(last.into()),
            prefix: prefix.map(Into::into),
            suffix: suffix.map(Into::into),
        }
    }

    // Expected values from bibtex-ruby 6.2.0's `BibTeX::Names.parse`.
    #[test]
    fn name_forms() {
        assert_eq!(
            parse("Ludwig van Beethoven and de la Fontaine, Jean and Smith, Jr., John"),
            vec![
                n(Some("Ludwig"), Some("van"), "Beethoven", None),
                n(Some("Jean"), Some("de la"), "Fontaine", None),
                n(Some("John"), None, "Smith", Some("Jr.")),
            ]
        );
        assert_eq!(
            parse("Donald E. Knuth and Leslie Lamport and others"),
            vec![
                n(Some("Donald E."), None, "Knuth", None),
                n(Some("Leslie"), None, "Lamport", None),
                n(None, None, "others", None),
            ]
        );
    }

    // Expected values from bibtex-ruby 6.2.0's `BibTeX::Names.parse`.
    #[test]
    fn multibyte_after_space_does_not_panic() {
        assert_eq!(parse("A 山田太郎").len(), 1);
        assert_eq!(parse("Zoë  é").len(), 1);
    }

    #[test]
    fn tricky_names() {
        assert_eq!(
            parse("Smith jones"),
            vec![n(Some("Smith"), None, "jones", None)]
        );
        assert_eq!(
            parse("john smith"),
            vec![n(None, Some("john"), "smith", None)]
        );
        assert_eq!(
            parse("山田 太郎"),
            vec![n(Some("太郎"), None, "山田", None)]
        );
        assert_eq!(
            parse("{Barnes and Noble} and Ann {de Gaulle}"),
            vec![
                n(None, None, "{Barnes and Noble}", None),
                n(Some("Ann"), None, "{de Gaulle}", None)
            ]
        );
        assert_eq!(
            parse("Doe, Jane and Roe, R. R. AND Poe, E. A."),
            vec![
                n(Some("Jane"), None, "Doe", None),
                n(Some("R. R."), None, "Roe", None),
                n(Some("E. A."), None, "Poe", None)
            ]
        );
        assert_eq!(
            parse(r"Charles Louis Xavier Joseph de la Vall{\'e}e Poussin"),
            vec![n(
                Some("Charles Louis Xavier Joseph"),
                Some("de la"),
                r"Vall{\'e}e Poussin",
                None
            )]
        );
        assert_eq!(
            parse("Per Brinch Hansen"),
            vec![n(Some("Per Brinch"), None, "Hansen", None)]
        );
    }
}
