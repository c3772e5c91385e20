//! Regular expressions matched at a position, the way kramdown drives Ruby's StringScanner.
//!
//! Patterns are written in Ruby-like syntax with `^`/`$` matching at line boundaries. An
//! anchored match runs on the text from the position on, so a leading `^` means "the scanner
//! is at a line start" (block parsers only run there).

use fancy_regex_014::internal::{analyze, compile, run_default, Prog};
use fancy_regex_014::{Expr, Regex};
use once_cell::sync::OnceCell;

/// A pattern compiled twice: as fancy-regex's backtracking program without the implicit
/// leading `.*?` (so a match *at* a position costs nothing for the rest of the text), and as
/// an ordinary search regex. The search regex is compiled on first use: most patterns are
/// only ever matched at a position, and compiling Unicode classes twice was a good part of
/// the start-up cost.
pub struct Re {
    pattern: String,
    anchored: Prog,
    search: OnceCell<Regex>,
    groups: usize,
}

/// The anchored program and the number of capture groups (with group 0).
fn anchored_program(pattern: &str) -> Result<(Prog, usize), Box<fancy_regex_014::Error>> {
    let mut tree = Expr::parse_tree(&format!("(?m){pattern}"))?;
    let groups = count_groups(&tree.expr) + 1;
    let e = std::mem::replace(&mut tree.expr, Expr::Empty);
    tree.expr = Expr::Group(Box::new(e));
    let info = analyze(&tree)?;
    Ok((compile(&info)?, groups))
}

/// The capture groups of a parsed pattern.
fn count_groups(e: &Expr) -> usize {
    match e {
        Expr::Group(c) => 1 + count_groups(c),
        Expr::Concat(v) | Expr::Alt(v) => v.iter().map(count_groups).sum(),
        Expr::LookAround(c, _) | Expr::AtomicGroup(c) | Expr::Repeat { child: c, .. } => {
            count_groups(c)
        }
        Expr::Conditional {
            condition,
            true_branch,
            false_branch,
        } => count_groups(condition) + count_groups(true_branch) + count_groups(false_branch),
        _ => 0,
    }
}

/// One match: the groups as byte ranges of the haystack.
pub struct Caps {
    groups: Vec<Option<(usize, usize)>>,
}

impl Caps {
    /// A match found by hand: group 0 first, `None` for groups that did not take part.
    pub fn from_groups(groups: Vec<Option<(usize, usize)>>) -> Caps {
        Caps { groups }
    }
    pub fn end(&self) -> usize {
        self.groups[0].map(|g| g.1).unwrap_or(0)
    }
    pub fn start(&self) -> usize {
        self.groups[0].map(|g| g.0).unwrap_or(0)
    }
    pub fn len(&self) -> usize {
        self.end() - self.start()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn has(&self, i: usize) -> bool {
        self.groups.get(i).is_some_and(|g| g.is_some())
    }
    pub fn get<'a>(&self, s: &'a str, i: usize) -> Option<&'a str> {
        self.groups.get(i).copied().flatten().map(|(a, b)| &s[a..b])
    }
    pub fn str<'a>(&self, s: &'a str, i: usize) -> &'a str {
        self.get(s, i).unwrap_or("")
    }
}

impl Re {
    /// Compiles a pattern; patterns are program constants, so a bad one is a programming error
    /// caught by the unit tests.
    pub fn new(pattern: &str) -> Re {
        let (anchored, groups) =
            anchored_program(pattern).unwrap_or_else(|e| panic!("bad pattern {pattern}: {e}"));
        Re {
            pattern: pattern.to_string(),
            anchored,
            search: OnceCell::new(),
            groups,
        }
    }

    fn search(&self) -> &Regex {
        self.search.get_or_init(|| {
            let re = Regex::new(&format!("(?m){}", self.pattern))
                .unwrap_or_else(|e| panic!("bad pattern {}: {e}", self.pattern));
            debug_assert_eq!(re.captures_len(), self.groups, "{}", self.pattern);
            re
        })
    }

    /// Matches exactly at `pos`.
    pub fn at(&self, s: &str, pos: usize) -> Option<Caps> {
        if pos > s.len() {
            return None;
        }
        // Ruby's StringScanner treats the scan position as the start of the string: `^` and
        // `\A` match there and lookbehind sees nothing before it.
        let saves = run_default(&self.anchored, &s[pos..], 0).ok().flatten()?;
        // Slots past the capture groups belong to lookarounds.
        let groups = saves
            .chunks(2)
            .take(self.groups)
            .map(|c| {
                if c[0] == usize::MAX || c[1] == usize::MAX {
                    None
                } else {
                    Some((c[0] + pos, c[1] + pos))
                }
            })
            .collect();
        Some(Caps { groups })
    }

    pub fn is_at(&self, s: &str, pos: usize) -> bool {
        if pos > s.len() {
            return false;
        }
        run_default(&self.anchored, &s[pos..], 0)
            .ok()
            .flatten()
            .is_some()
    }

    /// The first match starting at or after `pos`.
    pub fn find_from(&self, s: &str, pos: usize) -> Option<Caps> {
        if pos > s.len() {
            return None;
        }
        let c = self.search().captures_from_pos(s, pos).ok().flatten()?;
        Some(Caps {
            groups: (0..c.len())
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect(),
        })
    }

    /// StringScanner's `scan_until`: the first match at or after `pos`, with the text before
    /// `pos` invisible (`^` matches at `pos`).
    pub fn scan_until(&self, s: &str, pos: usize) -> Option<Caps> {
        if pos > s.len() {
            return None;
        }
        let c = self.search().captures(&s[pos..]).ok().flatten()?;
        Some(Caps {
            groups: (0..c.len())
                .map(|i| c.get(i).map(|m| (m.start() + pos, m.end() + pos)))
                .collect(),
        })
    }

    pub fn is_match(&self, s: &str) -> bool {
        self.search().is_match(s).unwrap_or(false)
    }

    /// Ruby's `gsub` with a replacement computed from each match.
    pub fn replace_all(&self, s: &str, mut f: impl FnMut(&Caps, &str) -> String) -> String {
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        let mut pos = 0;
        while pos <= s.len() {
            let Some(c) = self.find_from(s, pos) else {
                break;
            };
            out.push_str(&s[last..c.start()]);
            out.push_str(&f(&c, s));
            last = c.end();
            pos = if c.is_empty() {
                // Step over one character after an empty match.
                match s[c.end()..].chars().next() {
                    Some(ch) => {
                        out.push(ch);
                        last = c.end() + ch.len_utf8();
                        last
                    }
                    None => break,
                }
            } else {
                c.end()
            };
        }
        if last <= s.len() {
            out.push_str(&s[last..]);
        }
        out
    }

    /// Ruby's `sub` (first match only).
    pub fn replace_first(&self, s: &str, f: impl FnOnce(&Caps, &str) -> String) -> (String, bool) {
        match self.find_from(s, 0) {
            Some(c) => {
                let mut out = String::with_capacity(s.len());
                out.push_str(&s[..c.start()]);
                out.push_str(&f(&c, s));
                out.push_str(&s[c.end()..]);
                (out, true)
            }
            None => (s.to_string(), false),
        }
    }
}

/// A lazily compiled pattern constant.
macro_rules! re {
    ($name:ident, $pat:expr) => {
        pub static $name: once_cell::sync::Lazy<$crate::markdown::scan::Re> =
            once_cell::sync::Lazy::new(|| $crate::markdown::scan::Re::new(&$pat));
    };
}
pub(crate) use re;

/// Ruby's `String#strip` whitespace (ASCII whitespace and NUL).
pub fn is_ruby_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\0')
}

pub fn rstrip(s: &str) -> &str {
    s.trim_end_matches(is_ruby_space)
}

pub fn lstrip(s: &str) -> &str {
    s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c'])
}

pub fn strip(s: &str) -> &str {
    lstrip(rstrip(s))
}

/// The byte index after the next character at `pos`.
pub fn next_char(s: &str, pos: usize) -> usize {
    s[pos..]
        .chars()
        .next()
        .map(|c| pos + c.len_utf8())
        .unwrap_or(s.len())
}
