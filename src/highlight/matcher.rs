//! How one rule's pattern is matched at the scan position.
//!
//! Patterns go through fancy-regex, except the commonest trivial shapes (the empty pattern, a
//! plain literal, one ASCII class, a run of one ASCII class), which are matched directly: for
//! those a regex call costs far more than the match itself, and they are most of the tokens
//! (whitespace, punctuation, newlines). A shape is only taken when fancy-regex's own analysis
//! of the pattern (the bytes its matches start with) agrees with it.

use fancy_regex::{ByteSet, Regex, RegexInput, RegexOptionsBuilder};

use super::engine::rubyize;

/// Matches of adversarial patterns give up (as no match) after this many backtracking steps.
const BACKTRACK_LIMIT: usize = 200_000;

/// Capture spans of a match, as absolute byte offsets (`None` for groups that took no part).
pub type Spans = Vec<Option<(usize, usize)>>;

#[derive(Clone)]
pub enum Matcher {
    Regex(Regex),
    /// The empty pattern: matches nothing, always.
    Empty,
    Literal(Box<str>),
    /// One byte of an ASCII set.
    Class(ByteSet),
    /// One or more bytes of an ASCII set, as many as there are (`[...]+` with nothing after).
    ClassRun(ByteSet),
}

/// A compiled pattern and the bytes its matches can start with (`None`: any, or empty).
#[derive(Clone)]
pub struct Compiled {
    pub matcher: Matcher,
    pub first_bytes: Option<ByteSet>,
}

/// Compiles a Ruby (Onigmo) pattern the way the engine matches it: multi-line `^`/`$`,
/// Oniguruma syntax, ASCII `\w \d \s \h`.
pub fn compile(pattern: &str) -> Result<Compiled, String> {
    let mut options = RegexOptionsBuilder::new();
    options
        .multi_line(true)
        .oniguruma_mode(true)
        .backtrack_limit(BACKTRACK_LIMIT);
    let rubyized = rubyize(pattern);
    let first_bytes = options.start_bytes(&rubyized).ok().flatten();
    if let Some(matcher) = trivial_shape(&rubyized, first_bytes) {
        return Ok(Compiled {
            matcher,
            first_bytes,
        });
    }
    let re = options
        .build(rubyized)
        .map_err(|e| format!("{pattern:?}: {e}"))?;
    Ok(Compiled {
        matcher: Matcher::Regex(re),
        first_bytes,
    })
}

/// The direct matcher for a trivial pattern, when fancy-regex's first-byte analysis agrees.
fn trivial_shape(pattern: &str, first_bytes: Option<ByteSet>) -> Option<Matcher> {
    if pattern.is_empty() {
        return Some(Matcher::Empty);
    }
    let first = first_bytes?;
    if first.iter().any(|b| !b.is_ascii()) {
        return None;
    }
    if let Some(lit) = plain_literal(pattern) {
        let mut expected = ByteSet::default();
        expected.insert(lit.as_bytes()[0]);
        return (first == expected).then(|| Matcher::Literal(lit.into_boxed_str()));
    }
    // For a single class of ASCII characters the first bytes are exactly its members.
    match single_class(pattern)? {
        false => Some(Matcher::Class(first)),
        true => Some(Matcher::ClassRun(first)),
    }
}

/// The text a pattern of plain characters and escaped punctuation matches, if it is one.
fn plain_literal(pattern: &str) -> Option<String> {
    let mut lit = String::new();
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        let c = match c {
            '\\' => match chars.next()? {
                'n' => '\n',
                't' => '\t',
                // Escapes that are a literal character in Onigmo and in fancy-regex alike.
                e if ".*+?()[]{}|^$\\/-#:=!,\"&%@;~".contains(e) => e,
                _ => return None,
            },
            c if ".^$|?*+()[]{}".contains(c) => return None,
            c if c.is_ascii_graphic() || c == ' ' => c,
            _ => return None,
        };
        lit.push(c);
    }
    (!lit.is_empty()).then_some(lit)
}

/// Whether the pattern is one non-negated bracket class without nested classes, alone
/// (`Some(false)`) or followed by `+` (`Some(true)`).
fn single_class(pattern: &str) -> Option<bool> {
    let body = pattern.strip_prefix('[')?;
    if body.starts_with(['^', ']']) {
        return None;
    }
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next()?;
            }
            '[' => return None,
            '&' if body[i..].starts_with("&&") => return None,
            ']' => {
                return match &body[i + 1..] {
                    "" => Some(false),
                    "+" => Some(true),
                    _ => None,
                }
            }
            _ => {}
        }
    }
    None
}

impl Matcher {
    /// Matches anchored at `pos`, filling `spans` (group 0, and the other groups when
    /// `groups`). A regex error (the backtracking limit) counts as no match.
    ///
    /// Like Ruby's StringScanner, a regex sees only the rest of the input: `\A` and `^` match
    /// at the scan position and lookbehind cannot see earlier text.
    pub fn match_at(&self, groups: bool, text: &str, pos: usize, spans: &mut Spans) -> bool {
        spans.clear();
        let rest = &text.as_bytes()[pos..];
        let len = match self {
            Matcher::Regex(re) => return regex_at(re, groups, text, pos, spans),
            Matcher::Empty => Some(0),
            Matcher::Literal(lit) => rest.starts_with(lit.as_bytes()).then_some(lit.len()),
            Matcher::Class(set) => rest.first().is_some_and(|&b| set.contains(b)).then_some(1),
            Matcher::ClassRun(set) => {
                let n = rest.iter().take_while(|&&b| set.contains(b)).count();
                (n > 0).then_some(n)
            }
        };
        match len {
            Some(n) => {
                spans.push(Some((pos, pos + n)));
                true
            }
            None => false,
        }
    }
}

fn regex_at(re: &Regex, groups: bool, text: &str, pos: usize, spans: &mut Spans) -> bool {
    let input = RegexInput::new(&text[pos..]).anchored(true);
    if groups {
        let Ok(Some(caps)) = re.captures_input(input) else {
            return false;
        };
        spans
            .extend((0..caps.len()).map(|i| caps.get(i).map(|m| (m.start() + pos, m.end() + pos))));
    } else {
        let Ok(Some(m)) = re.find_input(input) else {
            return false;
        };
        spans.push(Some((m.start() + pos, m.end() + pos)));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(pattern: &str) -> &'static str {
        match compile(pattern).map(|c| c.matcher) {
            Ok(Matcher::Regex(_)) => "regex",
            Ok(Matcher::Empty) => "empty",
            Ok(Matcher::Literal(_)) => "literal",
            Ok(Matcher::Class(_)) => "class",
            Ok(Matcher::ClassRun(_)) => "run",
            Err(_) => "error",
        }
    }

    #[test]
    fn trivial_shapes_are_recognised() {
        assert_eq!(shape(""), "empty");
        assert_eq!(shape(r"\n"), "literal");
        assert_eq!(shape(r"::"), "literal");
        assert_eq!(shape(r"\.\.\."), "literal");
        assert_eq!(shape(r"[()\[\]{}|,:;]"), "class");
        assert_eq!(shape(r"\s+"), "run");
        assert_eq!(shape(r"[^\S\n]+"), "regex");
        assert_eq!(shape(r#"[^"\\]+"#), "regex");
        assert_eq!(shape(r"[a-z]*"), "regex");
        assert_eq!(shape(r"\b"), "regex");
        assert_eq!(shape(r"a\<"), "regex");
        assert_eq!(shape(r"[\p{L}]+"), "regex");
        assert_eq!(shape(r"(?i)a"), "regex");
    }

    #[test]
    fn trivial_matchers_match_like_the_regex() {
        let text = "  \t\nfoo::bar(x, y)...";
        for pattern in [
            r"\s+",
            r"::",
            r"[()\[\]{}|,:;]",
            r"\.\.\.",
            r"[a-z]+",
            "",
            r"\n",
        ] {
            let compiled = compile(pattern).unwrap();
            let Ok(re) = RegexOptionsBuilder::new()
                .multi_line(true)
                .oniguruma_mode(true)
                .build(rubyize(pattern))
            else {
                panic!("{pattern}");
            };
            let regex = Matcher::Regex(re);
            for pos in 0..text.len() {
                let (mut a, mut b) = (Vec::new(), Vec::new());
                let got = compiled.matcher.match_at(false, text, pos, &mut a);
                let want = regex.match_at(false, text, pos, &mut b);
                assert_eq!((got, &a), (want, &b), "{pattern} at {pos}");
            }
        }
    }
}
