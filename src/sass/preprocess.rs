//! Rewrites SCSS sources before grass sees them, so that values libsass prints verbatim come
//! out verbatim.
//!
//! libsass keeps a declaration value as written when it is "static" (only identifiers, quoted
//! strings, numbers with units, percentages, hex colors and `!important`, separated by spaces,
//! `,` or `/`, and ending at `;` or `}`): `opacity: .65` stays `.65`, `margin: 100% / 3` keeps its
//! spaces, `font: "A", B` keeps `, ` even in compressed output. Custom properties (`--x: ...`)
//! are kept raw, whitespace included. grass (like dart-sass) re-serializes all of them, so each
//! such value is wrapped in an interpolated quoted string (`#{"..."}`), which both compilers
//! print unchanged. Loud comments are also collected: grass re-indents multi-line comments
//! inside blocks and libsass does not, so the emitter restores the original text.

use std::collections::HashMap;

/// Around an interpolation inside a custom property value (private-use characters).
pub const INTERPOLATION_START: char = '\u{E001}';
pub const INTERPOLATION_END: char = '\u{E002}';

/// Rewrites one SCSS source; `comments` collects its loud comments (key: text without
/// whitespace).
pub fn rewrite_scss(src: &str, comments: &mut HashMap<String, String>) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len() + 64);
    let mut copied = 0; // bytes of `src` already in `out`
    let mut i = 0;
    let mut paren_depth = 0usize;
    let mut at_statement_start = true;
    while i < b.len() {
        if at_statement_start && paren_depth == 0 {
            at_statement_start = false;
            let start = skip_ws_and_comments(b, i, comments);
            if let Some(name_end) = module_rule_name_end(b, start) {
                // libsass 3.6 has no module system: `@use`/`@forward` are unknown at-rules it
                // prints as written. An interpolated name keeps grass from loading the module.
                out.push_str(&src[copied..start]);
                out.push_str(&format!("@#{{\"{}\"}}", &src[start + 1..name_end]));
                copied = name_end;
                i = name_end;
                continue;
            }
            if let Some(decl) = match_declaration(b, start) {
                out.push_str(&src[copied..decl.value_start]);
                out.push_str(&decl.replacement);
                copied = decl.value_end;
                i = decl.value_end;
                continue;
            }
            i = start;
            continue;
        }
        match b[i] {
            b'"' | b'\'' => i = skip_string(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = skip_block_comment(b, i);
                record_comment(&src[i..end], comments);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => i = skip_line(b, i),
            b'#' if b.get(i + 1) == Some(&b'{') => i = skip_interpolation(b, i),
            b'u' | b'U' if is_url_start(b, i) => i = skip_url(b, i),
            b'c' | b'C' | b'-' if calc_start(b, i).is_some() => {
                let open = calc_start(b, i).unwrap_or(i);
                let end = paren_end(b, open);
                if b.get(end - 1) == Some(&b')') {
                    if let Some(replacement) = verbatim_calc(src, i, end) {
                        out.push_str(&src[copied..i]);
                        out.push_str(&replacement);
                        copied = end;
                    }
                }
                i = end;
            }
            b'(' | b'[' => {
                paren_depth += 1;
                i += 1;
            }
            b')' | b']' => {
                paren_depth = paren_depth.saturating_sub(1);
                i += 1;
            }
            b'{' | b'}' | b';' => {
                if paren_depth == 0 {
                    at_statement_start = true;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    out.push_str(&src[copied..]);
    keep_spaced_slashes(&out)
}

/// libsass keeps ` / ` as written next to an interpolation (`50% / #{$size}` stays spaced);
/// grass would make it a slash-separated list (`50%/50%`). An interpolated `/` keeps the spaces.
fn keep_spaced_slashes(src: &str) -> String {
    static BEFORE: once_cell::sync::Lazy<regex::Regex> =
        once_cell::sync::Lazy::new(|| regex::Regex::new(r"([\w%)]) +/ +#\{").expect("valid regex"));
    static AFTER: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"\} +/ +([\w.#$(-])").expect("valid regex")
    });
    if !src.contains(" / ") {
        return src.to_string();
    }
    let s = BEFORE.replace_all(src, "$1 #{\"/\"} #{");
    AFTER.replace_all(&s, "} #{\"/\"} $1").into_owned()
}

/// The indented syntax: a declaration is a line `prop: value` not followed by a more indented
/// line (which would make it a selector such as `a:hover`). Static values are wrapped as in
/// [`rewrite_scss`] (libsass converts the file to SCSS, adding the `;` that ends them).
pub fn rewrite_sass(src: &str, comments: &mut HashMap<String, String>) -> String {
    collect_comments(src, comments);
    let lines: Vec<&str> = src.split_inclusive('\n').collect();
    let indent_of = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let mut out = String::with_capacity(src.len() + 64);
    let mut comment_indent: Option<usize> = None;
    for (n, line) in lines.iter().enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = indent_of(body);
        let text = &body[indent..];
        if let Some(ci) = comment_indent {
            if text.is_empty() || indent > ci {
                out.push_str(line);
                continue;
            }
            comment_indent = None;
        }
        if text.starts_with("//") || text.starts_with("/*") {
            comment_indent = Some(indent);
            out.push_str(line);
            continue;
        }
        let opens_block = lines[n + 1..]
            .iter()
            .map(|l| l.trim_end_matches(['\n', '\r']))
            .find(|l| !l.trim().is_empty())
            .is_some_and(|next| indent_of(next) > indent);
        let rewritten = if opens_block {
            None
        } else {
            sass_declaration(text)
        };
        match rewritten {
            Some(new_text) => {
                out.push_str(&body[..indent]);
                out.push_str(&new_text);
                out.push_str(&line[body.len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// `prop: static value` on one line of the indented syntax, with the value wrapped.
fn sass_declaration(text: &str) -> Option<String> {
    let mut terminated = text.trim_end().to_string();
    terminated.push(';');
    let b = terminated.as_bytes();
    if matches!(
        b.first(),
        Some(b'$' | b'@' | b'+' | b'=' | b'&' | b'.' | b'%' | b':' | b'[')
    ) {
        return None;
    }
    let decl = match_declaration(b, 0)?;
    if text[..decl.value_start].trim_start().starts_with("--") {
        return None;
    }
    Some(format!(
        "{}{}{}",
        &terminated[..decl.value_start],
        decl.replacement,
        &terminated[decl.value_end..terminated.len() - 1]
    ))
}

/// Records loud comments of a source that is not rewritten (plain CSS, indented syntax).
pub fn collect_comments(src: &str, comments: &mut HashMap<String, String>) {
    let b = src.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' => i = skip_string(b, i),
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = skip_block_comment(b, i);
                record_comment(&src[i..end], comments);
                i = end;
            }
            _ => i += 1,
        }
    }
}

/// Comments are matched without whitespace and `*`: grass re-indents multi-line comments and,
/// in the indented syntax, starts their lines with ` * `.
pub fn comment_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

fn record_comment(text: &str, comments: &mut HashMap<String, String>) {
    if text.contains('\n') && !text.contains("#{") {
        comments
            .entry(comment_key(text))
            .or_insert_with(|| text.to_string());
    }
}

/// `calc(`, `-webkit-calc(` or `-moz-calc(` at `i` (not inside a longer name): the index of
/// its `(`.
fn calc_start(b: &[u8], i: usize) -> Option<usize> {
    if i > 0 && is_ident_char(b[i - 1]) {
        return None;
    }
    for prefix in [&b"calc("[..], b"-webkit-calc(", b"-moz-calc("] {
        if b.len() >= i + prefix.len() && b[i..i + prefix.len()].eq_ignore_ascii_case(prefix) {
            return Some(i + prefix.len() - 1);
        }
    }
    None
}

/// End (exclusive) of the parenthesized group opening at `open`.
fn paren_end(b: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    let mut p = open;
    while p < b.len() {
        match b[p] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return p + 1;
                }
            }
            b'"' | b'\'' => {
                p = skip_string(b, p);
                continue;
            }
            b'#' if b.get(p + 1) == Some(&b'{') => {
                p = skip_interpolation(b, p);
                continue;
            }
            b';' | b'{' | b'}' => return p,
            _ => {}
        }
        p += 1;
    }
    b.len()
}

/// libsass prints `calc(...)` as written, only evaluating interpolations; grass would simplify
/// it (`calc(3 / 4 * 100%)` → `75%`, `-.5` → `-0.5`). The written parts become verbatim
/// segments, interpolations stay.
fn verbatim_calc(src: &str, start: usize, end: usize) -> Option<String> {
    use super::values::{VERBATIM_END, VERBATIM_MARK};
    let text = src.get(start..end)?;
    if text.contains('\n') {
        return None;
    }
    let b = text.as_bytes();
    let mut out = String::new();
    let mut literal_from = 0;
    let mut p = 0;
    let literal = |out: &mut String, part: &str| {
        if !part.is_empty() {
            out.push_str(&quoted_interpolation(&format!(
                "{VERBATIM_MARK}{part}{VERBATIM_END}"
            )));
        }
    };
    while p < b.len() {
        match b[p] {
            b'"' | b'\'' => p = skip_string(b, p),
            b'#' if b.get(p + 1) == Some(&b'{') => {
                literal(&mut out, &text[literal_from..p]);
                let close = skip_interpolation(b, p);
                out.push_str(&text[p..close]);
                p = close;
                literal_from = p;
            }
            _ => p += 1,
        }
    }
    literal(&mut out, &text[literal_from..]);
    Some(out)
}

fn module_rule_name_end(b: &[u8], i: usize) -> Option<usize> {
    for name in [&b"@use"[..], &b"@forward"[..]] {
        let end = i + name.len();
        if b.len() > end && &b[i..end] == name && b[end].is_ascii_whitespace() {
            return Some(end);
        }
    }
    None
}

struct Declaration {
    value_start: usize,
    value_end: usize,
    replacement: String,
}

/// A declaration whose value libsass keeps verbatim, starting at `i`.
fn match_declaration(b: &[u8], i: usize) -> Option<Declaration> {
    let mut p = i;
    if b.get(p) == Some(&b'*') {
        p += 1;
    }
    let name_start = p;
    // The property: identifier characters and interpolations.
    while p < b.len() {
        if b[p] == b'#' && b.get(p + 1) == Some(&b'{') {
            p = skip_interpolation(b, p);
        } else if b[p] == b'\\' && p + 1 < b.len() {
            p += 2;
        } else if is_ident_char(b[p]) {
            p += 1;
        } else {
            break;
        }
    }
    if p == name_start || !(is_ident_start(b[name_start]) || b[name_start] == b'#') {
        return None;
    }
    let custom = b[name_start..p].starts_with(b"--");
    let mut q = skip_plain_ws(b, p);
    if b.get(q) != Some(&b':') {
        return None;
    }
    while b.get(q) == Some(&b':') {
        q += 1;
    }
    if custom {
        return custom_property_value(b, q);
    }
    let value_start = skip_ws_and_comments(b, q, &mut HashMap::new());
    let value_end = static_value_end(b, value_start)?;
    let raw = std::str::from_utf8(&b[value_start..value_end]).ok()?;
    let text = collapse_newlines(raw.trim_end());
    Some(Declaration {
        value_start,
        value_end: value_start + raw.trim_end().len(),
        replacement: quoted_interpolation(&format!("{}{text}", super::values::VERBATIM_MARK)),
    })
}

/// A custom property's raw value, up to the `;` or `}` that ends it: literal parts are quoted,
/// interpolations kept.
fn custom_property_value(b: &[u8], start: usize) -> Option<Declaration> {
    let mut p = start;
    let mut depth = 0usize;
    let mut parts = String::new();
    let mut literal_from = start;
    let flush = |parts: &mut String, from: usize, to: usize| -> Option<()> {
        if to > from {
            let text = std::str::from_utf8(&b[from..to]).ok()?;
            parts.push_str(&quoted_interpolation(text));
        }
        Some(())
    };
    while p < b.len() {
        match b[p] {
            b'"' | b'\'' => p = skip_string(b, p),
            b'#' if b.get(p + 1) == Some(&b'{') => {
                flush(&mut parts, literal_from, p)?;
                let end = skip_interpolation(b, p);
                // Marked: libsass serializes interpolated values in the output style.
                parts.push_str(&quoted_interpolation(&INTERPOLATION_START.to_string()));
                parts.push_str(std::str::from_utf8(&b[p..end]).ok()?);
                parts.push_str(&quoted_interpolation(&INTERPOLATION_END.to_string()));
                p = end;
                literal_from = p;
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                p += 1;
            }
            b')' | b']' => {
                depth = depth.saturating_sub(1);
                p += 1;
            }
            b'}' if depth > 0 => {
                depth -= 1;
                p += 1;
            }
            b';' | b'}' if depth == 0 => break,
            _ => p += 1,
        }
    }
    // Multi-line raw values cannot sit in a quoted string: left to grass as they are.
    if p >= b.len()
        || b[start..p].iter().all(|c| c.is_ascii_whitespace())
        || b[start..p].contains(&b'\n')
    {
        return None;
    }
    flush(&mut parts, literal_from, p)?;
    Some(Declaration {
        value_start: start,
        value_end: p,
        replacement: parts,
    })
}

/// End (exclusive, before trailing spaces and the terminator) of a libsass "static value"
/// starting at `i`, if the value is static.
fn static_value_end(b: &[u8], i: usize) -> Option<usize> {
    let mut p = static_component(b, i)?;
    while let Some(q) = identifier(b, p) {
        p = q;
    }
    loop {
        // separator: optional spaces + one of "/ , space" + optional spaces, or plain spaces
        let s = skip_spaces(b, p);
        let sep = match b.get(s) {
            Some(b'/') | Some(b',') => skip_spaces(b, s + 1),
            _ if s > p => s,
            _ => break,
        };
        match static_component(b, sep) {
            Some(q) => p = q,
            None => break,
        }
    }
    let end = skip_spaces(b, p);
    matches!(b.get(end), Some(b';') | Some(b'}')).then_some(p)
}

fn static_component(b: &[u8], i: usize) -> Option<usize> {
    if let Some(p) = identifier(b, i) {
        return Some(p);
    }
    if matches!(b.get(i), Some(b'"') | Some(b'\'')) {
        let end = skip_string(b, i);
        let closed = end > i + 1 && b.get(end - 1) == b.get(i);
        let has_interp = b[i..end].windows(2).any(|w| w == b"#{");
        return (closed && !has_interp).then_some(end);
    }
    if let Some(p) = number(b, i) {
        if b.get(p) == Some(&b'%') {
            return Some(p + 1);
        }
    }
    if b.get(i) == Some(&b'#') {
        let mut p = i + 1;
        while p < b.len() && b[p].is_ascii_hexdigit() {
            p += 1;
        }
        if matches!(p - i, 4 | 5 | 7 | 9) {
            return Some(p);
        }
    }
    if b.get(i) == Some(&b'|') {
        return Some(i + 1);
    }
    if let Some(p) = number(b, i) {
        return Some(unit(b, p).unwrap_or(p));
    }
    if b.get(i) == Some(&b'!')
        && b.len() >= i + 10
        && b[i + 1..i + 10].eq_ignore_ascii_case(b"important")
    {
        let p = i + 10;
        if !b.get(p).is_some_and(|c| is_ident_char(*c)) {
            return Some(p);
        }
    }
    None
}

/// libsass `identifier`: `-*` then at least one name-start character, then name characters.
fn identifier(b: &[u8], i: usize) -> Option<usize> {
    let mut p = i;
    while b.get(p) == Some(&b'-') {
        p += 1;
    }
    let first = p;
    while p < b.len() {
        if b[p] == b'\\' && p + 1 < b.len() {
            p += 2;
        } else if (p == first && is_ident_start(b[p])) || (p > first && is_ident_char(b[p])) {
            p += 1;
        } else {
            break;
        }
    }
    (p > first).then_some(p)
}

fn number(b: &[u8], i: usize) -> Option<usize> {
    let mut p = i;
    if matches!(b.get(p), Some(b'+') | Some(b'-')) {
        p += 1;
    }
    let p = unsigned_number(b, p)?;
    if b.get(p) == Some(&b'e') {
        let mut q = p + 1;
        if matches!(b.get(q), Some(b'+') | Some(b'-')) {
            q += 1;
        }
        if let Some(r) = unsigned_number(b, q) {
            return Some(r);
        }
    }
    Some(p)
}

fn unsigned_number(b: &[u8], i: usize) -> Option<usize> {
    let digits = |mut p: usize| {
        while p < b.len() && b[p].is_ascii_digit() {
            p += 1;
        }
        p
    };
    let int_end = digits(i);
    if b.get(int_end) == Some(&b'.') {
        let frac_end = digits(int_end + 1);
        if frac_end > int_end + 1 {
            return Some(frac_end);
        }
    }
    (int_end > i).then_some(int_end)
}

/// libsass `unit_identifier` (simplified to `-?name(*name)*(/name)?`).
fn unit(b: &[u8], i: usize) -> Option<usize> {
    let one = |i: usize| -> Option<usize> {
        let mut p = i;
        if b.get(p) == Some(&b'-') {
            p += 1;
        }
        let c = *b.get(p)?;
        if !(c.is_ascii_alphabetic() || c == b'_' || c >= 0x80) {
            return None;
        }
        p += 1;
        while p < b.len() {
            let c = b[p];
            let name_char = c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
            let inner_dash = c == b'-' && b.get(p + 1).is_some_and(|n| n.is_ascii_alphabetic());
            if name_char || inner_dash {
                p += 1;
            } else {
                break;
            }
        }
        Some(p)
    };
    let mut p = one(i)?;
    while b.get(p) == Some(&b'*') {
        match one(p + 1) {
            Some(q) => p = q,
            None => break,
        }
    }
    Some(p)
}

fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'-' || c == b'_' || c >= 0x80 || c == b'\\'
}

fn is_ident_char(c: u8) -> bool {
    is_ident_start(c) || c.is_ascii_digit()
}

fn quoted_interpolation(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 6);
    s.push_str("#{\"");
    for c in text.chars() {
        match c {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\a "),
            c => s.push(c),
        }
    }
    s.push_str("\"}");
    s
}

/// libsass `string_to_output`: a line break and the indentation after it become one space.
fn collapse_newlines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' || c == '\r' {
            out.push(' ');
            while chars.peek().is_some_and(|c| c.is_whitespace()) {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn skip_plain_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn skip_spaces(b: &[u8], i: usize) -> usize {
    skip_plain_ws(b, i)
}

fn skip_ws_and_comments(b: &[u8], mut i: usize, comments: &mut HashMap<String, String>) -> usize {
    loop {
        i = skip_plain_ws(b, i);
        if b.get(i) == Some(&b'/') && b.get(i + 1) == Some(&b'*') {
            let end = skip_block_comment(b, i);
            if let Ok(text) = std::str::from_utf8(&b[i..end]) {
                record_comment(text, comments);
            }
            i = end;
        } else if b.get(i) == Some(&b'/') && b.get(i + 1) == Some(&b'/') {
            i = skip_line(b, i);
        } else {
            return i;
        }
    }
}

fn skip_string(b: &[u8], i: usize) -> usize {
    let quote = b[i];
    let mut p = i + 1;
    while p < b.len() {
        match b[p] {
            b'\\' => p += 2,
            b'#' if b.get(p + 1) == Some(&b'{') => p = skip_interpolation(b, p),
            c if c == quote => return p + 1,
            b'\n' => return p,
            _ => p += 1,
        }
    }
    b.len()
}

fn skip_block_comment(b: &[u8], i: usize) -> usize {
    let mut p = i + 2;
    while p + 1 < b.len() {
        if b[p] == b'*' && b[p + 1] == b'/' {
            return p + 2;
        }
        p += 1;
    }
    b.len()
}

fn skip_line(b: &[u8], i: usize) -> usize {
    let mut p = i;
    while p < b.len() && b[p] != b'\n' {
        p += 1;
    }
    p
}

fn skip_interpolation(b: &[u8], i: usize) -> usize {
    let mut depth = 0usize;
    let mut p = i + 1;
    while p < b.len() {
        match b[p] {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return p + 1;
                }
            }
            b'"' | b'\'' => {
                p = skip_string(b, p);
                continue;
            }
            _ => {}
        }
        p += 1;
    }
    b.len()
}

fn is_url_start(b: &[u8], i: usize) -> bool {
    b.len() >= i + 4
        && b[i..i + 4].eq_ignore_ascii_case(b"url(")
        && (i == 0 || !is_ident_char(b[i - 1]))
}

/// Skips `url(...)`, whose unquoted contents may hold `//`.
fn skip_url(b: &[u8], i: usize) -> usize {
    let mut p = i + 4;
    while p < b.len() {
        match b[p] {
            b'"' | b'\'' => p = skip_string(b, p),
            b'#' if b.get(p + 1) == Some(&b'{') => p = skip_interpolation(b, p),
            b')' => return p + 1,
            b'\n' | b';' | b'{' | b'}' => return p,
            _ => p += 1,
        }
    }
    b.len()
}

/// Selectors of rules not nested in another rule (only in at-rules, if anything), with
/// whitespace collapsed: `nested` output indents the other rules (see `emit::nesting_tabs`).
pub fn collect_flat_selectors(src: &str, out: &mut std::collections::HashSet<String>) {
    let b = src.as_bytes();
    let mut stack: Vec<bool> = Vec::new(); // per open block: is it a style rule?
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' => {
                i = skip_string(b, i);
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = skip_block_comment(b, i);
                start = i;
                continue;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = skip_line(b, i);
                start = i;
                continue;
            }
            b'#' if b.get(i + 1) == Some(&b'{') => {
                i = skip_interpolation(b, i);
                continue;
            }
            b'{' => {
                let prelude = src[start..i].trim();
                let is_rule = !prelude.starts_with('@') && !prelude.is_empty();
                if is_rule && !stack.contains(&true) && !prelude.contains('&') {
                    let normalized: Vec<&str> = prelude.split_whitespace().collect();
                    out.insert(normalized.join(" "));
                }
                stack.push(is_rule);
                start = i + 1;
            }
            b'}' => {
                stack.pop();
                start = i + 1;
            }
            b';' => start = i + 1,
            _ => {}
        }
        i += 1;
    }
}
