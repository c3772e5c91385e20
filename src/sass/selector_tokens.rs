//! Selectors cut into the tokens libsass maps: the simple selectors of each complex selector
//! (type, class, id, attribute, pseudo-class, `&`), with their byte ranges.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Type, class, id, `*`, placeholder: mapped as written.
    Plain,
    /// `:name` / `::name`: `name_start` is where the name starts; `args` where its
    /// parenthesised argument starts, if any.
    Pseudo {
        name_start: usize,
        args: Option<usize>,
    },
    /// `[name op value]`: where its value starts and ends, and whether it is quoted.
    Attribute {
        value: Option<(usize, usize, bool)>,
    },
    Parent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The simple selectors of each complex selector of a selector list (combinators left out).
pub fn tokenize(selector: &str) -> Vec<Vec<Tok>> {
    let b = selector.as_bytes();
    let mut out = vec![Vec::new()];
    let mut i = 0;
    // Open `:not(` and friends: their selectors are tokens of the same complex selector.
    let mut inner = 0usize;
    while i < b.len() {
        let c = b[i];
        match c {
            b',' if inner == 0 => {
                out.push(Vec::new());
                i += 1;
            }
            b')' if inner > 0 => {
                inner -= 1;
                i += 1;
            }
            b',' | b' ' | b'\t' | b'\n' | b'\r' | b'>' | b'+' | b'~' => i += 1,
            b'&' => {
                let end = i + 1;
                // `&-suffix` / `&suffix` glue the suffix to the parent's last token.
                let end = ident_end(b, end);
                push(&mut out, i, end, Kind::Parent);
                i = end;
            }
            b'[' => {
                let end = bracket_end(b, i);
                let inner = &selector[i + 1..end.saturating_sub(1).max(i + 1)];
                let value = inner.find('=').map(|eq| {
                    let v_start = i + 1 + eq + 1;
                    let rest = &selector[v_start..end.saturating_sub(1).max(v_start)];
                    let lead = rest.len() - rest.trim_start().len();
                    let v = rest.trim();
                    let quoted = v.starts_with(['"', '\'']);
                    let v_len = if quoted {
                        let q = v.as_bytes()[0];
                        v[1..].find(q as char).map_or(v.len(), |p| p + 2)
                    } else {
                        v.find(char::is_whitespace).unwrap_or(v.len())
                    };
                    (v_start + lead, v_start + lead + v_len, quoted)
                });
                push(&mut out, i, end, Kind::Attribute { value });
                i = end;
            }
            b':' => {
                let mut name_start = i + 1;
                if b.get(name_start) == Some(&b':') {
                    name_start += 1;
                }
                let mut end = ident_end(b, name_start);
                let mut args = None;
                if b.get(end) == Some(&b'(') {
                    args = Some(end + 1);
                    if takes_selector(&selector[name_start..end]) {
                        inner += 1;
                        end += 1;
                    } else {
                        end = paren_end(b, end);
                    }
                }
                push(&mut out, i, end, Kind::Pseudo { name_start, args });
                i = end;
            }
            _ => {
                let start = i;
                let end = if matches!(c, b'.' | b'#' | b'%') {
                    ident_end(b, i + 1)
                } else if c == b'*' {
                    i + 1
                } else {
                    ident_end(b, i).max(i + 1)
                };
                push(&mut out, start, end, Kind::Plain);
                i = end;
            }
        }
    }
    out
}

/// What follows each top-level `,` of a selector list up to the next complex selector.
pub(super) fn complex_separators(selector: &str) -> Vec<String> {
    let b = selector.as_bytes();
    let mut out = Vec::new();
    let mut depth = 0usize;
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            b',' if depth == 0 => {
                let rest = &selector[i + 1..];
                let ws = rest.len() - rest.trim_start().len();
                out.push(rest[..ws].to_string());
            }
            _ => {}
        }
    }
    out
}

/// Pseudo-classes whose argument is a selector list (for libsass 3.6: not `:is`/`:where`).
const SELECTOR_PSEUDOS: &[&str] = &[
    "not",
    "matches",
    "current",
    "any",
    "has",
    "host",
    "host-context",
    "slotted",
];

/// `:not(`, `:-moz-any(`...
fn takes_selector(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    let unprefixed = match name.strip_prefix('-') {
        Some(rest) => rest.split_once('-').map_or(rest, |(_, n)| n),
        None => &name,
    };
    SELECTOR_PSEUDOS.contains(&unprefixed)
}

fn push(out: &mut [Vec<Tok>], start: usize, end: usize, kind: Kind) {
    if let Some(v) = out.last_mut() {
        v.push(Tok { start, end, kind });
    }
}

fn ident_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            c if c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c >= 0x80 => i += 1,
            b'#' if b.get(i + 1) == Some(&b'{') => {
                while i < b.len() && b[i] != b'}' {
                    i += 1;
                }
                i += 1;
            }
            _ => break,
        }
    }
    i.min(b.len())
}

fn bracket_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' => {
                let q = b[i];
                i += 1;
                while i < b.len() && b[i] != q {
                    i += 1;
                }
            }
            b']' => return i + 1,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

fn paren_end(b: &[u8], start: usize) -> usize {
    let mut depth = 0;
    let mut i = start;
    while i < b.len() {
        match b[i] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}
