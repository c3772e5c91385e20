//! Hand-written matchers for the regular expressions Liquid's lax parser is built on
//! (`QuotedFragment`, `TagAttributes`, the filter scanners). They work on `char` slices
//! and return end positions, mirroring what Ruby's regex engine would match.

use super::ruby::{is_regex_space, is_word};

pub type Chars = [char];

fn closing_quote(c: &Chars, i: usize) -> Option<usize> {
    let q = c[i];
    c[i + 1..].iter().position(|&x| x == q).map(|p| i + 1 + p)
}

/// `QuotedFragment = /"[^"]*"|'[^']*'|(?:[^\s,\|'"]|"[^"]*"|'[^']*')+/` anchored at `i`.
pub fn quoted_fragment(c: &Chars, i: usize) -> Option<usize> {
    if i >= c.len() {
        return None;
    }
    if c[i] == '"' || c[i] == '\'' {
        if let Some(e) = closing_quote(c, i) {
            return Some(e + 1);
        }
        return None;
    }
    let end = unquoted_run(c, i);
    if end > i {
        Some(end)
    } else {
        None
    }
}

/// The third alternative of QuotedFragment: a run of non-separator chars and quoted strings.
fn unquoted_run(c: &Chars, i: usize) -> usize {
    let mut j = i;
    while j < c.len() {
        let ch = c[j];
        if ch == '"' || ch == '\'' {
            match closing_quote(c, j) {
                Some(e) => j = e + 1,
                None => break,
            }
        } else if is_regex_space(ch) || ch == ',' || ch == '|' {
            break;
        } else {
            j += 1;
        }
    }
    j
}

/// `QuotedFragment+` anchored at `i`.
pub fn quoted_fragments(c: &Chars, i: usize) -> Option<usize> {
    let mut end = quoted_fragment(c, i)?;
    while let Some(e) = quoted_fragment(c, end) {
        end = e;
    }
    Some(end)
}

/// The first QuotedFragment at or after `from`: (start, end).
pub fn find_quoted_fragment(c: &Chars, from: usize) -> Option<(usize, usize)> {
    (from..c.len()).find_map(|i| quoted_fragment(c, i).map(|e| (i, e)))
}

pub fn skip_spaces(c: &Chars, mut i: usize) -> usize {
    while i < c.len() && is_regex_space(c[i]) {
        i += 1;
    }
    i
}

pub fn word_end(c: &Chars, mut i: usize) -> usize {
    while i < c.len() && is_word(c[i]) {
        i += 1;
    }
    i
}

pub fn s(c: &Chars, a: usize, b: usize) -> String {
    c[a..b].iter().collect()
}

/// `markup.scan(TagAttributes)` with `TagAttributes = /(\w+)\s*\:\s*(QuotedFragment)/`.
pub fn scan_tag_attributes(markup: &str) -> Vec<(String, String)> {
    let c: Vec<char> = markup.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if is_word(c[i]) {
            let we = word_end(&c, i);
            // Any suffix of the word run can start the match; the leftmost start wins.
            let mut matched = None;
            for start in i..we {
                let j = skip_spaces(&c, we);
                if j < c.len() && c[j] == ':' {
                    let k = skip_spaces(&c, j + 1);
                    if let Some(e) = quoted_fragment(&c, k) {
                        matched = Some((start, we, k, e));
                        break;
                    }
                }
            }
            if let Some((a, b, k, e)) = matched {
                out.push((s(&c, a, b), s(&c, k, e)));
                i = e;
                continue;
            }
            i = we;
            continue;
        }
        i += 1;
    }
    out
}

/// `/\A(\w+)\s*:\s*(QuotedFragment)\z/`
pub fn just_tag_attribute(arg: &str) -> Option<(String, String)> {
    let c: Vec<char> = arg.chars().collect();
    let we = word_end(&c, 0);
    if we == 0 {
        return None;
    }
    let j = skip_spaces(&c, we);
    if j >= c.len() || c[j] != ':' {
        return None;
    }
    let k = skip_spaces(&c, j + 1);
    if quoted_fragment(&c, k) == Some(c.len()) {
        return Some((s(&c, 0, we), s(&c, k, c.len())));
    }
    // Backtracking into the third alternative may still reach the end.
    if k < c.len() && unquoted_run(&c, k) == c.len() && k < c.len() {
        return Some((s(&c, 0, we), s(&c, k, c.len())));
    }
    None
}

/// Lax filter parsing: `filter_markup.scan(FilterParser)` then, per filter, its name
/// (`/\w+/`) and `scan(FilterArgsRegex)`.
pub fn lax_filters(filter_markup: &str) -> Vec<(String, Vec<String>)> {
    let c: Vec<char> = filter_markup.chars().collect();
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < c.len() {
        // FilterParser = /(?:\s+|QuotedFragment|,)+/
        let start = i;
        let mut j = i;
        loop {
            if j < c.len() && is_regex_space(c[j]) {
                j = skip_spaces(&c, j);
            } else if j < c.len() && c[j] == ',' {
                j += 1;
            } else if let Some(e) = quoted_fragment(&c, j) {
                j = e;
            } else {
                break;
            }
        }
        if j > start {
            chunks.push(s(&c, start, j));
            i = j;
        } else {
            i += 1;
        }
    }
    let mut out = Vec::new();
    for f in chunks {
        let fc: Vec<char> = f.chars().collect();
        let Some(ns) = fc.iter().position(|&ch| is_word(ch)) else {
            continue;
        };
        let name = s(&fc, ns, word_end(&fc, ns));
        out.push((name, filter_args(&fc)));
    }
    out
}

/// `FilterArgsRegex = /(?:\:|,)\s*((?:\w+\s*\:\s*)?QuotedFragment)/` scanned over a chunk.
fn filter_args(c: &Chars) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i] == ':' || c[i] == ',' {
            let j = skip_spaces(c, i + 1);
            // keyword form first
            let we = word_end(c, j);
            if we > j {
                let k = skip_spaces(c, we);
                if k < c.len() && c[k] == ':' {
                    let v = skip_spaces(c, k + 1);
                    if let Some(e) = quoted_fragment(c, v) {
                        out.push(s(c, j, e));
                        i = e;
                        continue;
                    }
                }
            }
            if let Some(e) = quoted_fragment(c, j) {
                out.push(s(c, j, e));
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `If::ExpressionsAndOperators` scan: splits a lax condition into comparisons and the
/// `and`/`or` words between them.
pub fn lax_condition_parts(markup: &str) -> Vec<String> {
    let c: Vec<char> = markup.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i <= c.len() {
        if let Some(e) = bool_operator_at(&c, i) {
            out.push(s(&c, i, e));
            i = e;
            continue;
        }
        let mut j = i;
        let mut matched = false;
        loop {
            let k = skip_spaces(&c, j);
            if bool_operator_at(&c, k).is_some() {
                break;
            }
            let e = match quoted_fragment(&c, k) {
                Some(e) => e,
                None => {
                    let mut e = k;
                    while e < c.len() && !is_regex_space(c[e]) {
                        e += 1;
                    }
                    if e == k {
                        break;
                    }
                    e
                }
            };
            j = skip_spaces(&c, e);
            matched = true;
        }
        if matched {
            out.push(s(&c, i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

fn at_boundary(c: &Chars, i: usize) -> bool {
    let before = i > 0 && is_word(c[i - 1]);
    let after = i < c.len() && is_word(c[i]);
    before != after
}

/// `\b(?:\s?and\s?|\s?or\s?)\b` at `i`.
fn bool_operator_at(c: &Chars, i: usize) -> Option<usize> {
    if !at_boundary(c, i) {
        return None;
    }
    for word in ["and", "or"] {
        let w: Vec<char> = word.chars().collect();
        for lead in [1usize, 0] {
            if lead == 1 && !(i < c.len() && is_regex_space(c[i])) {
                continue;
            }
            let ws = i + lead;
            if ws + w.len() > c.len() || c[ws..ws + w.len()] != w[..] {
                continue;
            }
            let we = ws + w.len();
            for trail in [1usize, 0] {
                if trail == 1 && !(we < c.len() && is_regex_space(c[we])) {
                    continue;
                }
                let end = we + trail;
                if at_boundary(c, end) {
                    return Some(end);
                }
            }
        }
    }
    None
}

/// `If::Syntax = /(QuotedFragment)\s*([=!<>a-z_]+)?\s*(QuotedFragment)?/` (unanchored).
pub fn lax_comparison(expr: &str) -> Option<(String, Option<String>, Option<String>)> {
    let c: Vec<char> = expr.chars().collect();
    let (a, b) = find_quoted_fragment(&c, 0)?;
    let left = s(&c, a, b);
    let j = skip_spaces(&c, b);
    let mut k = j;
    while k < c.len() && (matches!(c[k], '=' | '!' | '<' | '>' | '_') || c[k].is_ascii_lowercase())
    {
        k += 1;
    }
    let op = if k > j { Some(s(&c, j, k)) } else { None };
    let r = if op.is_some() { skip_spaces(&c, k) } else { j };
    let right = quoted_fragment(&c, r).map(|e| s(&c, r, e));
    Some((left, op, right))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_scan_like_ruby() {
        let f = lax_filters("upcase | append: \"x\", y | default: a: 1");
        assert_eq!(f[0].0, "upcase");
        assert_eq!(f[1], ("append".into(), vec!["\"x\"".into(), "y".into()]));
        assert_eq!(f[2].1, vec!["a: 1".to_string()]);
    }

    #[test]
    fn conditions_split_on_and_or() {
        let parts: Vec<String> = lax_condition_parts("a == 1 or b and c")
            .iter()
            .map(|p| p.trim().to_string())
            .collect();
        assert_eq!(parts, vec!["a == 1", "or", "b", "and", "c"]);
    }
}
