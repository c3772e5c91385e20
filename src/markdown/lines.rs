//! Byte-level matchers for the line patterns the block parser tries at every line start.
//!
//! Each one is exactly equivalent to the regular expression named in its comment (Ruby's
//! `\s` is `[ \t\n\r\v\f]`), or returns `None` from a `try_` function when the input needs
//! the regex's backtracking and the caller must ask the regex. Running the regexes here
//! dominated the parse: every paragraph start tried about fifteen of them.

use super::scan::Caps;

/// Ruby's `\s`.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// The position after at most three spaces at `p` (the patterns' ` {0,3}` before a
/// non-space).
pub fn after_indent(b: &[u8], p: usize) -> usize {
    let mut i = p;
    while i < b.len() && i < p + 3 && b[i] == b' ' {
        i += 1;
    }
    i
}

/// The end of the line at `p`, after its newline (`^.*?\n`); `None` without a newline.
pub fn line_end(s: &str, p: usize) -> Option<usize> {
    s.as_bytes()[p..]
        .iter()
        .position(|&c| c == b'\n')
        .map(|i| p + i + 1)
}

/// `(?:^\s*\n)+` at `p`: the run of whitespace from `p` up to its last newline.
pub fn blank_lines_end(s: &str, p: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut end = None;
    let mut i = p;
    while i < b.len() && is_space(b[i]) {
        if b[i] == b'\n' {
            end = Some(i + 1);
        }
        i += 1;
    }
    end
}

/// `^(?:\t| {4})` at `p`.
pub fn is_indent(s: &str, p: usize) -> bool {
    let r = &s.as_bytes()[p..];
    r.first() == Some(&b'\t') || r.starts_with(b"    ")
}

/// `[ \t\r\v\f]*\n` at `p` (the patterns' `\s*?\n`, which stops at the first newline): the
/// position after the newline.
fn rest_blank(b: &[u8], mut p: usize) -> Option<usize> {
    while p < b.len() && matches!(b[p], b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c') {
        p += 1;
    }
    (b.get(p) == Some(&b'\n')).then_some(p + 1)
}

/// The fence opening of a fenced code block at `p`: `^ {0,3}[~`]{3,}` with GFM, else
/// `^~{3,}`.
pub fn is_fence_start(s: &str, p: usize, gfm: bool) -> bool {
    let b = s.as_bytes();
    if gfm {
        let i = after_indent(b, p);
        b.len() >= i + 3 && b[i..i + 3].iter().all(|&c| c == b'~' || c == b'`')
    } else {
        b[p..].starts_with(b"~~~")
    }
}

/// A whole fenced code block at `p`, as kramdown's FENCED_CODEBLOCK_MATCH (GFM:
/// `^ {0,3}(([~`]){3,})\s*?((\S+?)(?:\?\S*)?)?\s*?\n(.*?)^ {0,3}\1\2*\s*?\n` with `.`
/// matching newlines; kramdown's own: `^((~){3,})...` and `^\1\2*` without indentation).
///
/// Handles the regex's first choice: the whole fence run as group 1, an optional language
/// word, and the first closing line. `None` when that choice fails, where the regex would
/// go on to backtrack into shorter fences or odd language splits; the caller then runs it.
pub fn try_fenced_codeblock(s: &str, p: usize, gfm: bool) -> Option<Option<Caps>> {
    let b = s.as_bytes();
    let i = if gfm { after_indent(b, p) } else { p };
    let is_fence_char = |c: u8| c == b'~' || (gfm && c == b'`');
    let mut r = i;
    while r < b.len() && is_fence_char(b[r]) {
        r += 1;
    }
    if r - i < 3 {
        return Some(None);
    }
    let fence = &b[i..r];
    let last = b[r - 1];
    let (lang, body_start) = fence_info(b, r)?;
    let mut q = body_start;
    loop {
        if let Some(end) = closing_fence(b, q, fence, last, gfm) {
            let groups = vec![
                Some((p, end)),
                Some((i, r)),
                Some((r - 1, r)),
                lang.map(|(a, _, e)| (a, e)),
                lang.map(|(a, w, _)| (a, w)),
                Some((body_start, q)),
            ];
            return Some(Some(Caps::from_groups(groups)));
        }
        match line_end(s, q) {
            Some(n) if n < b.len() => q = n,
            _ => return None,
        }
    }
}

/// The info string after a fence run ending at `r`: `\s*?((\S+?)(?:\?\S*)?)?\s*?\n` taken
/// the way the regex first succeeds. Returns the language (start, end of the word before a
/// `?`, end of the whole non-space run) and the position after the line's newline; `None`
/// when the line has text after the language word (the regex then backtracks).
type Lang = Option<(usize, usize, usize)>;
fn fence_info(b: &[u8], r: usize) -> Option<(Lang, usize)> {
    let mut t = r;
    loop {
        match b.get(t) {
            None => return None,
            Some(b'\n') => return Some((None, t + 1)),
            Some(&c) if is_space(c) => {
                // The lazy `\s*?` first tries to end the line here.
                if let Some(end) = rest_blank(b, t) {
                    return Some((None, end));
                }
                t += 1;
            }
            Some(_) => {
                let mut e = t;
                while e < b.len() && !is_space(b[e]) {
                    e += 1;
                }
                let end = rest_blank(b, e)?;
                // `\S+?` stops before the first `?` after its first character.
                let word_end = b[t + 1..e]
                    .iter()
                    .position(|&c| c == b'?')
                    .map_or(e, |k| t + 1 + k);
                return Some((Some((t, word_end, e)), end));
            }
        }
    }
}

/// The closing fence line at `q` (`^ {0,3}\1\2*\s*?\n`, without indentation for kramdown's
/// own fences): the position after its newline.
fn closing_fence(b: &[u8], q: usize, fence: &[u8], last: u8, gfm: bool) -> Option<usize> {
    let i = if gfm { after_indent(b, q) } else { q };
    if !b[i..].starts_with(fence) {
        return None;
    }
    let mut e = i + fence.len();
    while e < b.len() && b[e] == last {
        e += 1;
    }
    rest_blank(b, e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::scan::Re;

    fn same_as_regex(re: &Re, s: &str, p: usize, gfm: bool) {
        let hand = try_fenced_codeblock(s, p, gfm);
        let Some(hand) = hand else {
            return;
        };
        let regex = re.at(s, p);
        let groups = |c: &Option<Caps>| {
            c.as_ref()
                .map(|c| (0..6).map(|g| c.get(s, g)).collect::<Vec<_>>())
        };
        assert_eq!(groups(&hand), groups(&regex), "{s:?} at {p}");
    }

    #[test]
    fn fenced_codeblock_matches_the_regex() {
        let gfm_re = Re::new(&format!(
            "^ {{0,3}}(([~`]){{3,}}){S}*?(({NS}+?)(?:\\?{NS}*)?)?{S}*?\\n((?s:.*?))^ {{0,3}}\\1\\2*{S}*?\\n",
            S = super::super::patterns::S,
            NS = super::super::patterns::NS
        ));
        let cases = [
            "```\ncode\n```\n",
            "```ruby\ncode\n```\n",
            "```ruby  \ncode\n```  \n",
            "  ```  ruby\ncode\n  ````\n",
            "```ruby?x=1\ncode\n```\n",
            "```?x\ncode\n```\n",
            "```a?b?c\n\n```\n",
            "~~~~\nx\n~~~\n~~~~~\n",
            "```\n```\n",
            "``~\nx\n``~~~\n",
            "```ruby extra\ncode\n```\n",
            "```\ncode\n",
            "``` \n\ncode\n```x\n```\n",
            "```\tpy\t\r\nx\n```\r\n",
            "    ```\nx\n```\n",
            "```\n\n    ```\n```\n",
        ];
        for c in cases {
            same_as_regex(&gfm_re, c, 0, true);
        }
    }
}
