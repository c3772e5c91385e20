//! Jekyll's `DataReader#sanitize_filename`:
//! `name.gsub(/[^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)/, "").gsub(/\s+/, "_")`.
//!
//! In Ruby `\w` and `\s` are ASCII-only while `\b` sees Unicode letters as word characters,
//! so `é data` becomes `_data` (the `é` goes, the space after it stays).

fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

fn is_boundary_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `\b` at position `i` (between `chars[i-1]` and `chars[i]`).
fn boundary(chars: &[char], i: usize) -> bool {
    let before = i > 0 && is_boundary_word(chars[i - 1]);
    let after = chars.get(i).is_some_and(|c| is_boundary_word(*c));
    before != after
}

/// The key a data file or folder name becomes in `site.data`.
pub fn sanitize_filename(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut kept = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !(is_ascii_word(c) || is_space(c) || c == '-') {
            // `[^\w\s-]+`
            while i < chars.len()
                && !(is_ascii_word(chars[i]) || is_space(chars[i]) || chars[i] == '-')
            {
                i += 1;
            }
            continue;
        }
        if is_space(c) {
            // `(?<=^|\b\s)\s+(?=$|\s?\b)`, with `\s+` backing off until the lookahead holds.
            let behind = i == 0 || (is_space(chars[i - 1]) && boundary(&chars, i - 1));
            if behind {
                let mut run = 0;
                while i + run < chars.len() && is_space(chars[i + run]) {
                    run += 1;
                }
                let ahead = |j: usize| {
                    j == chars.len()
                        || chars[j] == '\n'
                        || boundary(&chars, j)
                        || (is_space(chars[j]) && boundary(&chars, j + 1))
                };
                if let Some(len) = (1..=run).rev().find(|len| ahead(i + len)) {
                    i += len;
                    continue;
                }
            }
        }
        kept.push(c);
        i += 1;
    }
    // `.gsub(/\s+/, "_")`
    let mut out = String::with_capacity(kept.len());
    let mut in_space = false;
    for c in kept.chars() {
        if is_space(c) {
            if !in_space {
                out.push('_');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize_filename;

    #[test]
    fn sanitizes_like_jekyll() {
        // ruby -e 'def s(n) n.gsub(%r![^\w\s-]+|(?<=^|\b\s)\s+(?=$|\s?\b)!, "").gsub(%r!\s+!, "_") end
        //   ["my data", ...].each { |n| puts s(n) }'
        let cases = [
            ("my data", "my_data"),
            ("my-data", "my-data"),
            ("my.data", "mydata"),
            ("é data", "_data"),
            ("日本 語", "_"),
            (" lead", "lead"),
            ("trail ", "trail_"),
            ("a  b", "a_b"),
            ("a - b", "a_-_b"),
            ("a -b", "a_-b"),
            ("a- b", "a-_b"),
            ("  two lead", "two_lead"),
            ("x\ty", "x_y"),
            ("a . b", "a_b"),
            ("a.b c", "ab_c"),
            ("über-list", "ber-list"),
            ("A B  C", "A_B_C"),
            ("- x", "-_x"),
            (" - ", "_-_"),
            ("a!b", "ab"),
            ("tab\t", "tab_"),
            ("a  -  b", "a_-_b"),
            ("a __ b", "a____b"),
        ];
        for (name, want) in cases {
            assert_eq!(sanitize_filename(name), want, "{name:?}");
        }
    }
}
