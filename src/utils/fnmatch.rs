//! Ruby's `File.fnmatch?(pattern, path)` with no flags, as Jekyll's include/exclude and
//! front-matter-default globs use it: `*` and `?` also match `/`, a leading `.` of the path
//! must be matched literally, `[...]` classes, `\` escapes.

pub fn fnmatch(pattern: &str, path: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = path.chars().collect();
    if s.first() == Some(&'.') && p.first() != Some(&'.') && p.first() != Some(&'\\') {
        return false;
    }
    matches(&p, &s)
}

fn matches(p: &[char], s: &[char]) -> bool {
    // Iterative glob matching with single-star backtracking (linear in practice).
    let (mut pi, mut si) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while si < s.len() {
        if pi < p.len() {
            match p[pi] {
                '*' => {
                    star = Some((pi, si));
                    pi += 1;
                    continue;
                }
                '?' => {
                    pi += 1;
                    si += 1;
                    continue;
                }
                '[' => {
                    if let Some((ok, next)) = class(p, pi, s[si]) {
                        if ok {
                            pi = next;
                            si += 1;
                            continue;
                        }
                    } else if s[si] == '[' {
                        pi += 1;
                        si += 1;
                        continue;
                    }
                }
                '\\' if pi + 1 < p.len() => {
                    if p[pi + 1] == s[si] {
                        pi += 2;
                        si += 1;
                        continue;
                    }
                }
                c => {
                    if c == s[si] {
                        pi += 1;
                        si += 1;
                        continue;
                    }
                }
            }
        }
        match star {
            Some((sp, ss)) => {
                pi = sp + 1;
                si = ss + 1;
                star = Some((sp, ss + 1));
            }
            None => return false,
        }
    }
    while pi < p.len() && p[pi] == '*' {
        pi += 1;
    }
    pi == p.len()
}

/// Matches `c` against the bracket class starting at `p[start] == '['`. Returns whether it
/// matched and the index after the class, or `None` if the class is unterminated.
fn class(p: &[char], start: usize, c: char) -> Option<(bool, usize)> {
    let mut i = start + 1;
    let negate = matches!(p.get(i), Some('!') | Some('^'));
    if negate {
        i += 1;
    }
    let mut matched = false;
    let mut first = true;
    while i < p.len() {
        if p[i] == ']' && !first {
            return Some((matched != negate, i + 1));
        }
        first = false;
        let mut lo = p[i];
        if lo == '\\' && i + 1 < p.len() {
            i += 1;
            lo = p[i];
        }
        if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
            let hi = p[i + 2];
            if lo <= c && c <= hi {
                matched = true;
            }
            i += 3;
        } else {
            if lo == c {
                matched = true;
            }
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::fnmatch;

    #[test]
    fn ruby_semantics() {
        assert!(fnmatch("/src/*.md", "/src/a/b.md"));
        assert!(fnmatch("/src/node_modules", "/src/node_modules"));
        assert!(!fnmatch("*.md", ".hidden.md"));
        assert!(fnmatch("/s/[a-c]x", "/s/bx"));
        assert!(!fnmatch("/s/[!a-c]x", "/s/bx"));
        assert!(fnmatch("/s/?", "/s/z"));
    }
}
