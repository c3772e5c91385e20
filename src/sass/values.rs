//! Rewrites grass's (dart-sass-style) serialization of values, selectors and media queries into
//! libsass's, per output style.

use std::collections::HashMap;

use super::colors;
use super::options::Style;

/// Marks a declaration value the preprocessor wrapped because libsass prints it verbatim
/// (a private-use character: never part of real CSS the converter emits).
pub const VERBATIM_MARK: char = '\u{E000}';
/// Ends a verbatim segment inside a value (`calc(...)` contents); a value that starts with
/// [`VERBATIM_MARK`] and has no end mark is verbatim as a whole.
pub const VERBATIM_END: char = '\u{E003}';

/// grass turns escapes such as Font Awesome's `\f26e` into the private-use characters they
/// stand for; libsass prints them as written. Private-use characters are escaped back (icon
/// fonts write them lowercase, without padding).
pub fn escape_private_use(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let cp = c as u32;
        let private = (0xE000..=0xF8FF).contains(&cp) || cp >= 0xF0000;
        if private {
            out.push_str(&format!("\\{cp:x}"));
        } else {
            out.push(c);
        }
    }
    out
}

/// A custom property value: raw text as written, interpolated parts serialized in the output
/// style (compressed: `#{$white}` prints `#fff`).
pub fn format_custom_property(value: &str, style: Style, precision: usize) -> String {
    use super::preprocess::{INTERPOLATION_END, INTERPOLATION_START};
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(start) = rest.find(INTERPOLATION_START) {
        out.push_str(&rest[..start]);
        let after = &rest[start + INTERPOLATION_START.len_utf8()..];
        let end = after.find(INTERPOLATION_END).unwrap_or(after.len());
        let inner = &after[..end];
        if style == Style::Compressed {
            // Lists are serialized compressed (`13,110,253`); strings such as Bootstrap's
            // `inspect($font-family)` keep their `, `.
            let tight = !inner.contains(['"', '\'']);
            out.push_str(&format_value_with(
                inner,
                style,
                &LiteralNumberContexts::new(),
                tight,
                precision,
            ));
        } else {
            out.push_str(inner);
        }
        rest = after[end..].strip_prefix(INTERPOLATION_END).unwrap_or("");
    }
    out.push_str(rest);
    escape_private_use(&out.replace(
        [
            VERBATIM_MARK,
            VERBATIM_END,
            INTERPOLATION_START,
            INTERPOLATION_END,
        ],
        "",
    ))
}

/// List values written in the sources with literal fractional numbers (`color .15s
/// ease-in-out`): one token sequence per comma-separated item, numbers normalized to `0.15s`,
/// variables and function calls as `*`. See [`format_number_word`].
pub type LiteralNumberContexts = std::collections::HashSet<Vec<String>>;

pub fn collect_literal_numbers(src: &str, out: &mut LiteralNumberContexts) {
    // Values libsass prints verbatim were wrapped by the preprocessor: they are no context.
    static VERBATIM: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new("#\\{\"\u{E000}[^\"]*\"\\}").expect("valid regex")
    });
    static ASSIGNMENT: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"(?:^|[;{}\s])\$?[\w-]+\s*:\s*([^;{}]*)[;}]").expect("valid regex")
    });
    static INCLUDE_ARGS: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"@include\s+[\w-]+\s*\(([^;{}]*)\)\s*[;{]").expect("valid regex")
    });
    let src = VERBATIM.replace_all(src, " ");
    let src: String = src
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let values = ASSIGNMENT
        .captures_iter(&src)
        .chain(INCLUDE_ARGS.captures_iter(&src));
    for cap in values {
        let value = cap[1]
            .replace("!default", "")
            .replace("!global", "")
            .replace("!important", "");
        static SLASH: once_cell::sync::Lazy<regex::Regex> =
            once_cell::sync::Lazy::new(|| regex::Regex::new(r"\s*/\s*").expect("valid regex"));
        let value = SLASH.replace_all(&value, "/");
        for item in split_top_level(&value, b',') {
            let tokens: Vec<String> = split_top_level(item.trim(), b' ')
                .into_iter()
                .filter(|t| !t.trim().is_empty())
                .map(|t| skeleton_token(t.trim()))
                .collect();
            let literal_call = |t: &String| t.contains('(') && t != "*" && t.contains("0.");
            let has_literal = tokens
                .iter()
                .any(|t| is_fraction(t) || is_color_literal(t) || literal_call(t));
            if has_literal && (tokens.len() > 1 || tokens.iter().any(literal_call)) {
                out.insert(tokens);
            }
        }
    }
}

fn skeleton_token(token: &str) -> String {
    if token.starts_with('$') || token.contains('$') || token.contains("#{") {
        "*".into()
    } else if token.contains('(') {
        // A call written with literal arguments (`scale(.85)`) prints them as written.
        static NUMBER: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
            regex::Regex::new(r"(^|[^\w.])(-?)\.(\d)").expect("valid regex")
        });
        NUMBER.replace_all(token, "${1}${2}0.${3}").into_owned()
    } else if let Some(rest) = token.strip_prefix("-.") {
        format!("-0.{rest}")
    } else if let Some(rest) = token.strip_prefix('.') {
        format!("0.{rest}")
    } else {
        token.to_string()
    }
}

/// A color written as such (`#fff`, `white`, `transparent`): libsass prints a literal color
/// inside a list as written, and a color read from a variable in its shortest form.
fn is_color_literal(token: &str) -> bool {
    let b = token.as_bytes();
    (token.starts_with('#') && hex_color_end(b, 0) == Some(b.len()))
        || token == "transparent"
        || is_color_name(token)
}

fn is_fraction(token: &str) -> bool {
    let t = token.strip_prefix('-').unwrap_or(token);
    t.strip_prefix("0.")
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Splits at `sep` outside parentheses and quotes.
fn split_top_level(s: &str, sep: u8) -> Vec<&str> {
    let b = s.as_bytes();
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' => {
                i = string_end(b, i);
                continue;
            }
            b'(' | b'[' => depth += 1,
            b')' | b']' => depth = depth.saturating_sub(1),
            c if c == sep && depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
}

/// Start offsets (in `value`) of the numbers that keep their leading zero in compressed output:
/// those of a list item matching a literal list of the sources, position by position.
fn literal_number_positions(value: &str, literals: &LiteralNumberContexts) -> Vec<usize> {
    let mut keep = Vec::new();
    if literals.is_empty() {
        return keep;
    }
    let base = value.as_ptr() as usize;
    for item in split_top_level(value, b',') {
        let item = item.trim_end().trim_end_matches("!important");
        let tokens: Vec<&str> = split_top_level(item, b' ')
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        let matched = literals.iter().find(|skeleton| {
            skeleton.len() == tokens.len()
                && skeleton
                    .iter()
                    .zip(&tokens)
                    .all(|(s, t)| s == "*" || s == t)
        });
        if let Some(skeleton) = matched {
            for (t, s) in tokens.iter().zip(skeleton) {
                let number = t.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
                if s != "*" && (is_fraction(number) || is_color_literal(t)) {
                    keep.push(t.as_ptr() as usize - base);
                } else if s != "*" && t.contains('(') {
                    // every number inside a literal call
                    let tb = t.as_bytes();
                    for (k, _) in t.char_indices() {
                        if !is_word_start(tb, k) {
                            continue;
                        }
                        let word = &t[k..word_end(tb, k)];
                        let number =
                            word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
                        if is_fraction(number) {
                            keep.push(t.as_ptr() as usize - base + k);
                        }
                    }
                }
            }
        }
    }
    keep
}

/// A declaration value as libsass prints it.
pub fn format_value(
    value: &str,
    style: Style,
    literals: &LiteralNumberContexts,
    precision: usize,
) -> String {
    format_value_with(value, style, literals, true, precision)
}

/// `tight_commas: false` keeps `, ` in compressed output (interpolated custom property values,
/// which are mostly strings such as Bootstrap's `inspect($font-family-sans-serif)`).
fn format_value_with(
    value: &str,
    style: Style,
    literals: &LiteralNumberContexts,
    tight_commas: bool,
    precision: usize,
) -> String {
    if let Some(rest) = value.strip_prefix(VERBATIM_MARK) {
        if !rest.contains(VERBATIM_END) {
            return rest.replace(VERBATIM_MARK, "");
        }
    }
    let keep_literal = if style == Style::Compressed {
        literal_number_positions(value, literals)
    } else {
        Vec::new()
    };
    let mut out = String::with_capacity(value.len());
    let b = value.as_bytes();
    let compressed = style == Style::Compressed;
    // Stack of open parentheses: whether each belongs to a color function (whose commas
    // libsass prints without spaces when compressed).
    let mut parens: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if value[i..].starts_with(VERBATIM_MARK) {
            let from = i + VERBATIM_MARK.len_utf8();
            let end = value[from..]
                .find(VERBATIM_END)
                .map_or(value.len(), |e| from + e);
            out.push_str(&value[from..end]);
            i = (end + VERBATIM_END.len_utf8()).min(value.len());
            continue;
        }
        match c {
            b'"' | b'\'' => {
                let end = string_end(b, i);
                if compressed {
                    out.push_str(&compress_colors_in_string(&value[i..end]));
                } else {
                    out.push_str(&value[i..end]);
                }
                i = end;
            }
            b'(' => {
                parens.push(false);
                out.push('(');
                i += 1;
            }
            b')' => {
                parens.pop();
                out.push(')');
                i += 1;
            }
            b',' if compressed && b.get(i + 1) == Some(&b' ') => {
                let tight = parens.last().copied().unwrap_or(tight_commas);
                out.push(',');
                i += if tight { 2 } else { 1 };
            }
            b'#' if compressed && hex_color_end(b, i).is_some() => {
                let end = hex_color_end(b, i).unwrap_or(i + 1);
                if keep_literal.contains(&i) {
                    out.push_str(&value[i..end]);
                } else {
                    out.push_str(&compressed_color(&value[i..end]));
                }
                i = end;
            }
            _ if compressed
                && is_word_start(b, i)
                && (is_color_name(&value[i..word_end(b, i)])
                    || &value[i..word_end(b, i)] == "transparent") =>
            {
                let end = word_end(b, i);
                let word = &value[i..end];
                if keep_literal.contains(&i) || parens.last().is_some() {
                    out.push_str(word);
                } else if word == "transparent" {
                    out.push_str("rgba(0,0,0,0)");
                } else {
                    out.push_str(&compressed_color(word));
                }
                i = end;
            }
            _ if is_word_start(b, i) => {
                let end = word_end(b, i);
                let word = &value[i..end];
                if b.get(end) == Some(&b'(') {
                    let lower = word.to_ascii_lowercase();
                    if lower == "url" {
                        let close = url_end(b, end);
                        if compressed {
                            out.push_str(&compress_colors_in_string(&value[i..close]));
                        } else {
                            out.push_str(&value[i..close]);
                        }
                        i = close;
                        continue;
                    }
                    if let Some((color, close)) = function_color(value, end, &lower) {
                        out.push_str(&color.libsass_text(style));
                        i = close;
                        continue;
                    }
                    out.push_str(word);
                    out.push('(');
                    // A real color's channels are printed tight; `rgba(var(--x), .5)` is a
                    // plain function call to libsass and keeps its spaces.
                    let args = &value[end + 1..paren_close(b, end)];
                    let color = matches!(lower.as_str(), "rgba" | "rgb" | "hsl" | "hsla")
                        && !args.contains("var(")
                        && !args.contains("calc(")
                        && !args.contains("env(");
                    parens.push(color);
                    i = end + 1;
                    continue;
                }
                if parens.last() == Some(&true) {
                    // color channels and alpha: `rgba(0,0,0,0.5)` keeps its zero
                    out.push_str(word);
                } else {
                    out.push_str(&format_number_word(
                        word,
                        style,
                        keep_literal.contains(&i),
                        precision,
                    ));
                }
                i = end;
            }
            _ => {
                let ch = value[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    escape_private_use(&out)
}

fn hex_color_end(b: &[u8], i: usize) -> Option<usize> {
    let mut p = i + 1;
    while p < b.len() && b[p].is_ascii_hexdigit() {
        p += 1;
    }
    let boundary = p >= b.len() || !(b[p].is_ascii_alphanumeric() || b[p] == b'-' || b[p] == b'_');
    (matches!(p - i, 4 | 7) && boundary).then_some(p)
}

fn is_color_name(word: &str) -> bool {
    word.bytes().all(|c| c.is_ascii_lowercase()) && colors::rgb_for(word).is_some()
}

/// A color libsass evaluated, printed compressed: the named color or hex triplet (3 digits when
/// possible) whichever is shorter; a color without a name keeps its written form unless the
/// triplet is shorter (`#B509AC` stays, `#aabbcc` becomes `#abc`).
fn compressed_color(text: &str) -> String {
    let (rgb, named) = match text.strip_prefix('#') {
        Some(hex) => (parse_hex(hex), false),
        None => (colors::rgb_for(text), true),
    };
    let Some((r, g, b)) = rgb else {
        return text.to_string();
    };
    let hexlet = if [r, g, b].iter().all(|c| c >> 4 == c & 0xf) {
        format!("#{:x}{:x}{:x}", r >> 4, g >> 4, b >> 4)
    } else {
        format!("#{r:02x}{g:02x}{b:02x}")
    };
    let shown = if named {
        text
    } else {
        colors::name_for(r, g, b).unwrap_or(text)
    };
    if hexlet.len() < shown.len() {
        hexlet
    } else {
        shown.to_string()
    }
}

fn parse_hex(hex: &str) -> Option<(u8, u8, u8)> {
    let digit = |i: usize, len: usize| u8::from_str_radix(&hex[i..i + len], 16).ok();
    match hex.len() {
        3 => Some((digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
        6 => Some((digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
        _ => None,
    }
}

/// Colors turned into strings (Bootstrap's `escape-svg` data URIs) are serialized in the output
/// style by libsass: `rgba%280,0,0,0.5%29` when compressed.
fn compress_colors_in_string(s: &str) -> String {
    static RGBA: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"rgba(\(|%28)(\d+), (\d+), (\d+), ([\d.]+)(\)|%29)")
            .expect("valid regex")
    });
    if !s.contains("rgba") {
        return s.to_string();
    }
    RGBA.replace_all(s, "rgba$1$2,$3,$4,$5$6").into_owned()
}

/// Numbers in compressed output: libsass drops the leading zero (`.5rem`) of computed numbers
/// and of numbers read from a variable, but keeps it (`0.15s`) for a number written literally
/// with a leading `.` or `0.` inside a list (`transition: opacity .15s linear`). grass's output
/// does not say which is which: `literal` comes from matching the sources' list literals.
fn format_number_word(word: &str, style: Style, literal: bool, precision: usize) -> String {
    let rounded;
    let word = if precision < 10 {
        rounded = round_number(word, precision);
        rounded.as_str()
    } else {
        word
    };
    if style != Style::Compressed || literal {
        return word.to_string();
    }
    let (sign, rest) = match word.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", word),
    };
    match rest.strip_prefix("0.") {
        Some(frac) if frac.starts_with(|c: char| c.is_ascii_digit()) => format!("{sign}.{frac}"),
        _ => word.to_string(),
    }
}

/// `precision:` below libsass's default 10: the number part of `word` rounded to that many
/// decimals, trailing zeros dropped.
fn round_number(word: &str, precision: usize) -> String {
    let split = word
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' || (i == 0 && c == '-')))
        .map_or(word.len(), |(i, _)| i);
    let (number, unit) = word.split_at(split);
    let Some(dot) = number.find('.') else {
        return word.to_string();
    };
    if number.len() - dot - 1 <= precision {
        return word.to_string();
    }
    let Ok(value) = number.parse::<f64>() else {
        return word.to_string();
    };
    let text = format!("{value:.precision$}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let text = if text == "-0" || text.is_empty() {
        "0"
    } else {
        text
    };
    format!("{text}{unit}")
}

/// Index of the `)` closing the `(` at `open` (or the end of the value).
fn paren_close(b: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    let mut p = open;
    while p < b.len() {
        match b[p] {
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return p;
                }
            }
            b'"' | b'\'' => {
                p = string_end(b, p);
                continue;
            }
            _ => {}
        }
        p += 1;
    }
    b.len()
}

fn is_word_start(b: &[u8], i: usize) -> bool {
    let c = b[i];
    let prev_ok = i == 0
        || !(b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'-' | b'_' | b'.' | b'#'));
    prev_ok && (c.is_ascii_alphanumeric() || c == b'-' || c == b'_' || c == b'.')
}

fn word_end(b: &[u8], i: usize) -> usize {
    let mut p = i + 1;
    while p < b.len() && (b[p].is_ascii_alphanumeric() || matches!(b[p], b'-' | b'_' | b'.' | b'%'))
    {
        p += 1;
    }
    p
}

fn string_end(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let mut p = i + 1;
    while p < b.len() && b[p] != q {
        if b[p] == b'\\' {
            p += 1;
        }
        p += 1;
    }
    (p + 1).min(b.len())
}

fn url_end(b: &[u8], open: usize) -> usize {
    let mut p = open + 1;
    while p < b.len() && b[p] != b')' {
        if b[p] == b'"' || b[p] == b'\'' {
            p = string_end(b, p);
            continue;
        }
        p += 1;
    }
    (p + 1).min(b.len())
}

/// A color grass printed in function form (`rgb(0, 0, 0)`, `hsl(...)`): libsass prints every
/// computed color as a name, a hex triplet or `rgba(...)`.
struct Rgba {
    r: f64,
    g: f64,
    b: f64,
    a: f64,
}

impl Rgba {
    fn libsass_text(&self, style: Style) -> String {
        let channel = |v: f64| v.clamp(0.0, 255.0).round() as u8;
        let (r, g, b) = (channel(self.r), channel(self.g), channel(self.b));
        let a = self.a.clamp(0.0, 1.0);
        let compressed = style == Style::Compressed;
        if a < 1.0 {
            let sep = if compressed { "," } else { ", " };
            return format!("rgba({r}{sep}{g}{sep}{b}{sep}{})", format_alpha(a));
        }
        let hex = if compressed && [r, g, b].iter().all(|c| c >> 4 == c & 0xf) {
            format!("#{:x}{:x}{:x}", r >> 4, g >> 4, b >> 4)
        } else {
            format!("#{r:02x}{g:02x}{b:02x}")
        };
        match colors::name_for(r, g, b) {
            Some(name) if !(compressed && hex.len() < name.len()) => name.to_string(),
            _ => hex,
        }
    }
}

/// libsass writes the alpha channel through a default C++ stream: `%g`, 6 significant digits
/// (`0.6666666667` prints `0.666667`, `0.0000123` prints `1.23e-05`).
fn format_alpha(a: f64) -> String {
    if a == 0.0 {
        return "0".into();
    }
    let exponent = a.abs().log10().floor() as i32;
    if exponent < -4 {
        let mantissa = format!("{:.5e}", a);
        let (digits, exp) = mantissa.split_once('e').unwrap_or((&mantissa, "0"));
        let digits = digits.trim_end_matches('0').trim_end_matches('.');
        let exp: i32 = exp.parse().unwrap_or(0);
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{digits}e{sign}{:02}", exp.abs());
    }
    let decimals = (5 - exponent).max(0) as usize;
    let s = format!("{a:.decimals$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s.is_empty() {
        "0".into()
    } else {
        s
    }
}

/// Parses `rgb(`/`hsl(` calls with plain numeric arguments, as grass prints computed colors.
fn function_color(value: &str, open: usize, name: &str) -> Option<(Rgba, usize)> {
    if !matches!(name, "rgb" | "rgba" | "hsl" | "hsla") {
        return None;
    }
    let close = value[open..].find(')')? + open;
    let args: Vec<&str> = value[open + 1..close].split(',').map(str::trim).collect();
    let num = |s: &str| -> Option<f64> { s.trim_end_matches(['%', 'd', 'e', 'g']).parse().ok() };
    let color = match (name, args.len()) {
        ("rgb", 3) => Rgba {
            r: num(args[0])?,
            g: num(args[1])?,
            b: num(args[2])?,
            a: 1.0,
        },
        // Only channels as grass prints a computed color: integers, then a plain alpha.
        ("rgba", 4) if args[..3].iter().all(|a| a.parse::<u8>().is_ok()) => Rgba {
            r: num(args[0])?,
            g: num(args[1])?,
            b: num(args[2])?,
            a: args[3].parse().ok()?,
        },
        ("hsl", 3) | ("hsla", 4) => {
            if !(args[1].ends_with('%') && args[2].ends_with('%')) {
                return None;
            }
            let a = if args.len() == 4 { num(args[3])? } else { 1.0 };
            let (r, g, b) = hsl_to_rgb(num(args[0])?, num(args[1])? / 100.0, num(args[2])? / 100.0);
            Rgba { r, g, b, a }
        }
        _ => return None,
    };
    Some((color, close + 1))
}

fn hsl_to_rgb(h: f64, s: f64, l: f64) -> (f64, f64, f64) {
    let h = (h.rem_euclid(360.0)) / 360.0;
    let m2 = if l <= 0.5 {
        l * (s + 1.0)
    } else {
        l + s - l * s
    };
    let m1 = l * 2.0 - m2;
    let hue = |mut h: f64| {
        if h < 0.0 {
            h += 1.0;
        }
        if h > 1.0 {
            h -= 1.0;
        }
        if h * 6.0 < 1.0 {
            m1 + (m2 - m1) * h * 6.0
        } else if h * 2.0 < 1.0 {
            m2
        } else if h * 3.0 < 2.0 {
            m1 + (m2 - m1) * (2.0 / 3.0 - h) * 6.0
        } else {
            m1
        }
    };
    (
        hue(h + 1.0 / 3.0) * 255.0,
        hue(h) * 255.0,
        hue(h - 1.0 / 3.0) * 255.0,
    )
}

/// A selector list as libsass prints it: attribute values quoted as written, and in
/// `compressed` no spaces around combinators and after commas.
pub fn format_selector(
    selector: &str,
    style: Style,
    attributes: &HashMap<String, String>,
    nth_arguments: &HashMap<String, String>,
) -> String {
    let mut out = String::with_capacity(selector.len());
    let b = selector.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'[' => {
                let end = selector[i..].find(']').map_or(b.len(), |e| i + e + 1);
                let attr = &selector[i..end];
                out.push_str(attributes.get(attr).map_or(attr, String::as_str));
                i = end;
            }
            b'"' | b'\'' => {
                let end = string_end(b, i);
                out.push_str(&selector[i..end]);
                i = end;
            }
            c => {
                out.push(c as char);
                i += 1;
                if c >= 0x80 {
                    // copy the rest of a multi-byte character
                    out.pop();
                    let start = i - 1;
                    let ch = selector[start..].chars().next().unwrap_or(' ');
                    out.push(ch);
                    i = start + ch.len_utf8();
                }
            }
        }
    }
    let out = restore_nth_arguments(&out, nth_arguments);
    if style != Style::Compressed {
        return out;
    }
    compress_selector(&out)
}

fn restore_nth_arguments(selector: &str, nth_arguments: &HashMap<String, String>) -> String {
    static NTH: once_cell::sync::Lazy<regex::Regex> = once_cell::sync::Lazy::new(|| {
        regex::Regex::new(r"(:nth-(?:last-)?(?:child|of-type)\()([^()]*)\)").expect("valid regex")
    });
    if nth_arguments.is_empty() || !selector.contains(":nth-") {
        return selector.to_string();
    }
    NTH.replace_all(selector, |cap: &regex::Captures| {
        let key: String = cap[2].chars().filter(|c| !c.is_whitespace()).collect();
        let arg = nth_arguments.get(&key).map_or(&cap[2], String::as_str);
        format!("{}{arg})", &cap[1])
    })
    .into_owned()
}

/// Pseudo-classes whose argument libsass 3.6 parses as a selector list (and so compresses).
const SELECTOR_PSEUDOS: &[&str] = &[
    "not",
    "matches",
    "current",
    "any",
    "has",
    "host",
    "host-context",
];

/// `s` starts at a `:`: whether it is a pseudo-class with an argument printed verbatim.
fn has_raw_argument(s: &str) -> bool {
    let name_part = s.trim_start_matches(':');
    let name_len = name_part
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(name_part.len());
    if !name_part[name_len..].starts_with('(') {
        return false;
    }
    let name = name_part[..name_len].to_ascii_lowercase();
    let bare = name
        .strip_prefix("-webkit-")
        .or_else(|| name.strip_prefix("-moz-"))
        .unwrap_or(&name);
    !SELECTOR_PSEUDOS.contains(&bare)
}

fn matching_paren_end(b: &[u8], from: usize) -> usize {
    let mut depth = 0usize;
    let mut p = from;
    while p < b.len() {
        match b[p] {
            b'(' => depth += 1,
            b')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return p + 1;
                }
            }
            b'"' | b'\'' => {
                p = string_end(b, p);
                continue;
            }
            _ => {}
        }
        p += 1;
    }
    b.len()
}

fn compress_selector(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' | b'\'' | b'[' => {
                let end = if b[i] == b'[' {
                    s[i..].find(']').map_or(b.len(), |e| i + e + 1)
                } else {
                    string_end(b, i)
                };
                out.push_str(&s[i..end]);
                i = end;
            }
            b',' => {
                out.push(',');
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
            }
            b':' if has_raw_argument(&s[i..]) => {
                // An+B arguments, and the arguments of pseudo-classes libsass 3.6 does not
                // parse as selectors (`:is(.a, .b)`), are printed as written.
                let end = matching_paren_end(b, i);
                out.push_str(&s[i..end]);
                i = end;
            }
            b' ' | b'\n' => {
                // Whitespace around a combinator disappears; a descendant space stays.
                let mut j = i;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < b.len() && matches!(b[j], b'>' | b'+' | b'~') {
                    i = j;
                } else if !out.ends_with(['>', '+', '~', ',', '(']) && j < b.len() && b[j] != b')' {
                    out.push(' ');
                    i = j;
                } else {
                    i = j;
                }
            }
            b'>' | b'+' | b'~' => {
                out.push(b[i] as char);
                i += 1;
                while i < b.len() && b[i] == b' ' {
                    i += 1;
                }
            }
            _ => {
                let ch = s[i..].chars().next().unwrap_or(' ');
                out.push(ch);
                i += ch.len_utf8();
            }
        }
    }
    out
}

/// Media query lists: compressed output joins queries with a bare comma.
pub fn format_media_query(prelude: &str, style: Style) -> String {
    if style == Style::Compressed {
        prelude.replace(", ", ",")
    } else {
        prelude.to_string()
    }
}
