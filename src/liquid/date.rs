//! Dates for the `date` filter: Liquid's `Utils.to_date` (timestamps, `now`, and Ruby's
//! `Time.parse` heuristics for the formats people write) and Ruby's `strftime`.

use crate::value::{Time, Value};
use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike};
use once_cell::sync::Lazy;
use regex::Regex;

/// The process's local UTC offset at a given UTC instant (Ruby's local time zone: `$TZ`,
/// which Jekyll sets from `timezone`, read at every call since a site may change it).
fn local_offset_at_utc(ndt: &NaiveDateTime) -> FixedOffset {
    crate::utils::time::LocalZone::from_config(None).offset_at(ndt)
}

fn local_offset_at_local(ndt: &NaiveDateTime) -> FixedOffset {
    *crate::utils::time::LocalZone::from_config(None)
        .local(ndt)
        .offset()
}

/// `Time.at(seconds)` in local time.
pub fn time_at(secs: i64) -> Option<Time> {
    let utc = chrono::DateTime::from_timestamp(secs, 0)?.naive_utc();
    let off = local_offset_at_utc(&utc);
    Some(off.from_utc_datetime(&utc))
}

pub fn now() -> Time {
    crate::utils::time::LocalZone::from_config(None).now()
}

/// Liquid's `Utils.to_date`.
pub fn to_date(v: &Value) -> Option<Time> {
    match v {
        Value::Time(t) => Some(*t),
        Value::Date(d) => date_to_time(d),
        Value::Int(i) => time_at(*i),
        Value::Str(s) => {
            if s.is_empty() {
                return None;
            }
            // Lowercased for the parsers; most dates have no capitals and need no copy.
            let s: std::borrow::Cow<str> =
                if s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                    std::borrow::Cow::Owned(s.to_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(s)
                };
            if s == "now" || s == "today" {
                return Some(now());
            }
            if s.bytes().all(|b| b.is_ascii_digit()) {
                return time_at(s.parse().ok()?);
            }
            parse_time(&s)
        }
        _ => None,
    }
}

/// A `Date` as the midnight `Time` that `strftime` sees (offset +00:00).
pub fn date_to_time(d: &NaiveDate) -> Option<Time> {
    let ndt = d.and_hms_opt(0, 0, 0)?;
    FixedOffset::east_opt(0)?.from_local_datetime(&ndt).single()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_index(name: &str) -> Option<u32> {
    let n = name.to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|m| n.starts_with(m))
        .map(|i| i as u32 + 1)
}

static TIME_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,]([0-9]+))?)?(?:\s*([ap])\.?m\b\.?)?(?:\s*(z\b|utc\b|gmt\b|ut\b|[ecmp][sd]t\b|[+-][0-9]{2}:?[0-9]{2}\b|[+-][0-9]{1,2}\b))?|([0-9]{1,2})\s*([ap])\.?m\b")
        .expect("valid regex")
});
static ISO_DATE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"([-+]?[0-9]{2,})-([0-9]{1,2})-([0-9]{1,2})").expect("valid regex"));
/// `a/b[/c]` (Ruby's `_parse_sla`) and `a.b.c` (`_parse_dot`).
static SLASH: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b([0-9]+)/([0-9]+)(?:/([0-9]+))?").expect("valid regex"));
static DOT: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"\b([0-9]+)\.([0-9]+)\.([0-9]+)").expect("valid regex"));
static DAY_MONTH: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b([0-9]{1,2})(?:st|nd|rd|th)?\.?\s*(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?(?:\s+(-?[0-9]{3,}))?")
        .expect("valid regex")
});
static MONTH_DAY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?\b,?(?:\s+(-?[0-9]{3,}))?")
        .expect("valid regex")
});
static MONTH_YEAR: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+([0-9]{3,})")
        .expect("valid regex")
});
static MONTH_ONLY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
        .expect("valid regex")
});
static LONE_YEAR: Lazy<Regex> = Lazy::new(|| Regex::new(r"\b([0-9]{4})\b").expect("valid regex"));
static COMPACT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\s*([0-9]{4})([0-9]{2})([0-9]{2})(?:t?([0-9]{2})([0-9]{2})([0-9]{2})?)?")
        .expect("valid regex")
});

/// `YYYY-MM-DD[( |t)HH:MM[:SS]][ ][z|±HH[:]MM]`, the shape of most dates in sites, read
/// without regexes; anything else (or anything invalid) goes to the general parser.
fn parse_iso_fast(s: &str) -> Option<Time> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        if part.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(part).ok()?.parse().ok()
        } else {
            None
        }
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (digits(0, 4)? as i32, digits(5, 2)?, digits(8, 2)?);
    let mut i = 10;
    let (mut hh, mut mm, mut ss) = (0, 0, 0);
    if i < b.len() && (b[i] == b' ' || b[i] == b't') {
        if b.len() >= i + 6 && b[i + 3] == b':' {
            hh = digits(i + 1, 2)?;
            mm = digits(i + 4, 2)?;
            i += 6;
            if b.len() >= i + 3 && b[i] == b':' {
                ss = digits(i + 1, 2)?;
                i += 3;
            }
        } else {
            return None;
        }
    }
    let mut zone = None;
    if i < b.len() && b[i] == b' ' {
        i += 1;
    }
    if i < b.len() {
        match b[i] {
            b'z' if i + 1 == b.len() => zone = FixedOffset::east_opt(0),
            b'+' | b'-' => {
                let sign = if b[i] == b'-' { -1 } else { 1 };
                let h = digits(i + 1, 2)? as i32;
                let rest = &b[i + 3..];
                let m = match rest {
                    [] => 0,
                    [b':', x, y] | [x, y] if x.is_ascii_digit() && y.is_ascii_digit() => {
                        i32::from(x - b'0') * 10 + i32::from(y - b'0')
                    }
                    _ => return None,
                };
                zone = FixedOffset::east_opt(sign * (h * 3600 + m * 60));
            }
            _ => return None,
        }
        zone?;
    }
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let date =
        NaiveDate::from_ymd_opt(y, m, 1)?.checked_add_days(chrono::Days::new(u64::from(d - 1)))?;
    let ndt = NaiveDateTime::new(date, NaiveTime::from_hms_opt(hh, mm, ss)?);
    let off = zone.unwrap_or_else(|| local_offset_at_local(&ndt));
    off.from_local_datetime(&ndt).single()
}

/// Ruby completes two-digit years: 69..99 are 19xx, 00..68 are 20xx.
fn complete_year(digits: &str) -> Option<i32> {
    let y: i32 = digits.parse().ok()?;
    Some(if digits.len() <= 2 {
        if y >= 69 {
            1900 + y
        } else {
            2000 + y
        }
    } else {
        y
    })
}

/// Ruby's `s3e` for `a/b/c` and `a.b.c`: year-month-day, unless the last part is the
/// year (more than two digits), then day-month-year.
fn three_part_date(a: &str, b: &str, c: &str) -> Option<(i32, u32, u32)> {
    let (y, d) = if c.len() > 2 { (c, a) } else { (a, c) };
    Some((complete_year(y)?, b.parse().ok()?, d.parse().ok()?))
}

/// A subset of Ruby's `Time.parse`: ISO 8601, RFC 2822, `14 March 2016`, `March 14, 2016`,
/// `2016/03/14`, `14/03/2016`, times with zones. Missing parts come from today / midnight.
pub fn parse_time(s: &str) -> Option<Time> {
    if let Some(t) = parse_iso_fast(s) {
        return Some(t);
    }
    let today = || now().date_naive();
    let mut date: Option<(i32, u32, u32)> = None;
    let mut rest = s.to_string();
    // A date whose year was not written; a lone four-digit number elsewhere supplies it.
    let mut year_missing = false;
    if let Some(c) = COMPACT.captures(s) {
        date = Some((c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?));
        if let Some(h) = c.get(4) {
            rest = format!(
                "{}:{}:{}",
                h.as_str(),
                &c[5],
                c.get(6).map(|m| m.as_str()).unwrap_or("00")
            );
        } else {
            rest = String::new();
        }
    } else if let Some(c) = ISO_DATE.captures(s) {
        date = Some((
            complete_year(&c[1])?,
            c[2].parse().ok()?,
            c[3].parse().ok()?,
        ));
        rest = s.replacen(&c[0], " ", 1);
    } else if let Some(c) = SLASH
        .captures(s)
        .filter(|c| !s[c.get(0).map(|m| m.end()).unwrap_or(0)..].starts_with(':'))
    {
        date = Some(match c.get(3) {
            Some(third) => three_part_date(&c[1], &c[2], third.as_str())?,
            None => {
                year_missing = true;
                (today().year(), c[1].parse().ok()?, c[2].parse().ok()?)
            }
        });
        rest = s.replacen(&c[0], " ", 1);
    } else if let Some(c) = DOT.captures(s) {
        date = Some(three_part_date(&c[1], &c[2], &c[3])?);
        rest = s.replacen(&c[0], " ", 1);
    } else if let Some(c) = DAY_MONTH.captures(s) {
        year_missing = c.get(3).is_none();
        let y = c
            .get(3)
            .and_then(|m| m.as_str().parse().ok())
            .unwrap_or_else(|| today().year());
        date = Some((y, month_index(&c[2])?, c[1].parse().ok()?));
        rest = s.replacen(&c[0], " ", 1);
    } else if let Some(c) = MONTH_DAY.captures(s) {
        year_missing = c.get(3).is_none();
        let y = c
            .get(3)
            .and_then(|m| m.as_str().parse().ok())
            .unwrap_or_else(|| today().year());
        date = Some((y, month_index(&c[1])?, c[2].parse().ok()?));
        rest = s.replacen(&c[0], " ", 1);
    } else if let Some(c) = MONTH_YEAR.captures(s) {
        date = Some((c[2].parse().ok()?, month_index(&c[1])?, 1));
        rest = s.replacen(&c[0], " ", 1);
    } else if let Some(c) = MONTH_ONLY.captures(s) {
        year_missing = true;
        date = Some((today().year(), month_index(&c[1])?, 1));
        rest = s.replacen(&c[0], " ", 1);
    }
    let mut time = (0u32, 0u32, 0u32, 0u32);
    let mut zone: Option<FixedOffset> = None;
    let mut found_time = false;
    if let Some(c) = TIME_RE.captures(&rest) {
        found_time = true;
        if let Some(h) = c.get(7) {
            let mut hour: u32 = h.as_str().parse().ok()?;
            let pm = c[8].eq_ignore_ascii_case("p");
            if hour == 12 {
                hour = 0;
            }
            if pm {
                hour += 12;
            }
            time = (hour, 0, 0, 0);
        } else {
            let mut hour: u32 = c[1].parse().ok()?;
            let min: u32 = c[2].parse().ok()?;
            let sec: u32 = c
                .get(3)
                .map(|m| m.as_str().parse().unwrap_or(0))
                .unwrap_or(0);
            let nanos = c
                .get(4)
                .map(|m| {
                    let d: String = m
                        .as_str()
                        .chars()
                        .chain(std::iter::repeat('0'))
                        .take(9)
                        .collect();
                    d.parse().unwrap_or(0)
                })
                .unwrap_or(0);
            if let Some(ap) = c.get(5) {
                if hour == 12 {
                    hour = 0;
                }
                if ap.as_str().eq_ignore_ascii_case("p") {
                    hour += 12;
                }
            }
            time = (hour, min, sec, nanos);
            if let Some(z) = c.get(6) {
                zone = parse_zone(z.as_str());
            }
        }
    }
    if date.is_none() && !found_time {
        return None;
    }
    if year_missing {
        let without_time = TIME_RE.replace(&rest, " ");
        if let Some(y) = LONE_YEAR
            .captures(&without_time)
            .and_then(|c| c[1].parse().ok())
        {
            if let Some(d) = date.as_mut() {
                d.0 = y;
            }
        }
    }
    let (y, m, d) = date.unwrap_or_else(|| {
        let t = today();
        (t.year(), t.month(), t.day())
    });
    // Ruby's Time.local rolls days past the month's end over (Feb 30 -> Mar 1).
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(y, m, 1)?;
    let nd = first.checked_add_days(chrono::Days::new(u64::from(d - 1)))?;
    let nt = NaiveTime::from_hms_nano_opt(time.0, time.1, time.2, time.3)?;
    let ndt = NaiveDateTime::new(nd, nt);
    let off = zone.unwrap_or_else(|| local_offset_at_local(&ndt));
    off.from_local_datetime(&ndt).single()
}

fn parse_zone(z: &str) -> Option<FixedOffset> {
    let lz = z.to_ascii_lowercase();
    let named = match lz.as_str() {
        "z" | "utc" | "gmt" | "ut" => Some(0),
        "est" => Some(-5),
        "edt" => Some(-4),
        "cst" => Some(-6),
        "cdt" => Some(-5),
        "mst" => Some(-7),
        "mdt" => Some(-6),
        "pst" => Some(-8),
        "pdt" => Some(-7),
        _ => None,
    };
    if let Some(h) = named {
        return FixedOffset::east_opt(h * 3600);
    }
    let sign = if z.starts_with('-') { -1 } else { 1 };
    let digits: String = z[1..].chars().filter(|c| c.is_ascii_digit()).collect();
    let (h, m) = match digits.len() {
        1 | 2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

const DAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Ruby `Time#strftime`, with flags (`-`, `_`, `0`, `^`, `#`), widths and `%:z`.
pub fn strftime(t: &Time, fmt: &str) -> String {
    let mut out = String::with_capacity(fmt.len() + 16);
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let Some(p) = fmt[i..].find('%') else {
            out.push_str(&fmt[i..]);
            break;
        };
        out.push_str(&fmt[i..i + p]);
        let start = i + p;
        i = start + 1;
        // Flags, width and colons are ASCII, so these byte positions are char boundaries.
        let flags_from = i;
        while i < b.len() && b"-_0^#".contains(&b[i]) {
            i += 1;
        }
        let flags = &fmt[flags_from..i];
        let width_from = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        let width = &fmt[width_from..i];
        let mut colons = 0;
        while i < b.len() && b[i] == b':' {
            colons += 1;
            i += 1;
        }
        let Some(conv) = fmt[i..].chars().next() else {
            out.push_str(&fmt[start..]);
            break;
        };
        i += conv.len_utf8();
        let plain = width.is_empty() && colons == 0 && (flags.is_empty() || flags == "-");
        if plain && plain_directive(t, conv, flags == "-", &mut out) {
            continue;
        }
        match directive(t, conv, colons, flags, width) {
            Some(s) => out.push_str(&s),
            None => out.push_str(&fmt[start..i]),
        }
    }
    out
}

/// The directives dates are usually written with (`%b %-d, %Y`), without a width and
/// with no flag but `-`, appended straight to `out`. False for anything else, which
/// [`directive`] handles.
fn plain_directive(t: &Time, conv: char, no_padding: bool, out: &mut String) -> bool {
    let pad = |p: char| if no_padding { None } else { Some(p) };
    let two_digits = |n: u32, pad: Option<char>, out: &mut String| {
        if n < 10 {
            if let Some(p) = pad {
                out.push(p);
            }
        } else {
            out.push(char::from(b'0' + (n / 10 % 10) as u8));
        }
        out.push(char::from(b'0' + (n % 10) as u8));
    };
    match conv {
        // Four digits fill the default width: no padding, with or without `-`.
        'Y' if (1000..=9999).contains(&t.year()) => {
            let y = t.year() as u32;
            out.push(char::from(b'0' + (y / 1000) as u8));
            out.push(char::from(b'0' + (y / 100 % 10) as u8));
            two_digits(y % 100, Some('0'), out);
        }
        'm' => two_digits(t.month(), pad('0'), out),
        'd' => two_digits(t.day(), pad('0'), out),
        'e' => two_digits(t.day(), pad(' '), out),
        'H' => two_digits(t.hour(), pad('0'), out),
        'M' => two_digits(t.minute(), pad('0'), out),
        'S' => two_digits(t.second(), pad('0'), out),
        'B' => out.push_str(MONTH_NAMES[t.month0() as usize]),
        'b' | 'h' => out.push_str(&MONTH_NAMES[t.month0() as usize][..3]),
        'A' => out.push_str(DAY_NAMES[t.weekday().num_days_from_sunday() as usize]),
        'a' => out.push_str(&DAY_NAMES[t.weekday().num_days_from_sunday() as usize][..3]),
        _ => return false,
    }
    true
}

fn directive(t: &Time, conv: char, colons: usize, flags: &str, width: &str) -> Option<String> {
    // Widths are capped so that `%999999999d` cannot allocate gigabytes.
    let width: Option<usize> = width.parse().ok().map(|w: usize| w.min(1024));
    // Colons only modify %z; `%%` and the unknown `%+` take no flags.
    if colons > 0 && conv != 'z' {
        return None;
    }
    let num = |v: i64, def_width: usize, def_pad: char| -> String {
        let pad = if flags.contains('-') {
            None
        } else if flags.contains('_') {
            Some(' ')
        } else if flags.contains('0') {
            Some('0')
        } else {
            Some(def_pad)
        };
        let w = width.unwrap_or(def_width);
        let s = v.abs().to_string();
        let sign = if v < 0 { "-" } else { "" };
        match pad {
            None => format!("{sign}{s}"),
            Some(p) => {
                let len = s.len() + sign.len();
                if len >= w {
                    format!("{sign}{s}")
                } else if p == '0' {
                    format!("{sign}{}{s}", "0".repeat(w - len))
                } else {
                    format!("{}{sign}{s}", " ".repeat(w - len))
                }
            }
        }
    };
    let text_with = |s: String, change_case: bool| -> String {
        let s = if flags.contains('^') {
            s.to_uppercase()
        } else if change_case && flags.contains('#') {
            if s.chars().any(|c| c.is_lowercase()) {
                s.to_uppercase()
            } else {
                s.to_lowercase()
            }
        } else {
            s
        };
        match width {
            Some(w) if s.chars().count() < w && !flags.contains('-') && !s.is_empty() => {
                let pad = if flags.contains('0') { '0' } else { ' ' };
                format!("{}{}", pad.to_string().repeat(w - s.chars().count()), s)
            }
            _ => s,
        }
    };
    let text = |s: String| text_with(s, true);
    // Composite directives (%c, %r, ...) ignore `#`.
    let composite = |s: String| text_with(s, false);
    let hour12 = |h: u32| -> i64 {
        let h = h % 12;
        if h == 0 {
            12
        } else {
            h as i64
        }
    };
    let off = t.offset().local_minus_utc();
    Some(match conv {
        'Y' => num(t.year() as i64, 4, '0'),
        'C' => num((t.year() as i64).div_euclid(100), 2, '0'),
        'y' => num((t.year() as i64).rem_euclid(100), 2, '0'),
        'm' => num(t.month() as i64, 2, '0'),
        'B' => text(MONTH_NAMES[t.month0() as usize].to_string()),
        'b' | 'h' => text(MONTH_NAMES[t.month0() as usize][..3].to_string()),
        'd' => num(t.day() as i64, 2, '0'),
        'e' => num(t.day() as i64, 2, ' '),
        'j' => num(t.ordinal() as i64, 3, '0'),
        'H' => num(t.hour() as i64, 2, '0'),
        'k' => num(t.hour() as i64, 2, ' '),
        'I' => num(hour12(t.hour()), 2, '0'),
        'l' => num(hour12(t.hour()), 2, ' '),
        'P' => text(if t.hour() < 12 { "am" } else { "pm" }.to_string()),
        'p' => {
            let s = if t.hour() < 12 { "AM" } else { "PM" };
            if flags.contains('#') {
                s.to_lowercase()
            } else {
                text(s.to_string())
            }
        }
        'M' => num(t.minute() as i64, 2, '0'),
        'S' => num(t.second() as i64, 2, '0'),
        'L' => {
            let ms = format!("{:09}", t.nanosecond());
            let w = width.unwrap_or(3);
            if w <= 9 {
                ms[..w].to_string()
            } else {
                format!("{ms}{}", "0".repeat(w - 9))
            }
        }
        'N' => {
            let ns = format!("{:09}", t.nanosecond());
            let w = width.unwrap_or(9);
            if w <= 9 {
                ns[..w].to_string()
            } else {
                format!("{ns}{}", "0".repeat(w - 9))
            }
        }
        'z' => {
            let sign = if off < 0 { '-' } else { '+' };
            let a = off.abs();
            let (h, m, s) = (a / 3600, (a / 60) % 60, a % 60);
            let rest = match colons {
                0 => format!("{m:02}"),
                1 => format!(":{m:02}"),
                _ => format!(":{m:02}:{s:02}"),
            };
            // The hours take whatever the width leaves (`%10z` is `+000000530`); with `_`
            // they are space-padded before the sign (`-` changes nothing here).
            let min_width = 3 + rest.len();
            let hours_width = width.unwrap_or(min_width).max(min_width) - 1 - rest.len();
            let hs = h.to_string();
            if flags.contains('_') {
                format!(
                    "{}{sign}{hs}{rest}",
                    " ".repeat(hours_width.saturating_sub(hs.len()))
                )
            } else {
                format!("{sign}{hs:0>hours_width$}{rest}")
            }
        }
        'Z' => text(crate::utils::time::zone_abbreviation(t)),
        'A' => text(DAY_NAMES[t.weekday().num_days_from_sunday() as usize].to_string()),
        'a' => text(DAY_NAMES[t.weekday().num_days_from_sunday() as usize][..3].to_string()),
        'u' => num(t.weekday().number_from_monday() as i64, 1, '0'),
        'w' => num(t.weekday().num_days_from_sunday() as i64, 1, '0'),
        'U' => num(
            ((t.ordinal0() + 7 - t.weekday().num_days_from_sunday()) / 7) as i64,
            2,
            '0',
        ),
        'W' => num(
            ((t.ordinal0() + 7 - t.weekday().num_days_from_monday()) / 7) as i64,
            2,
            '0',
        ),
        'G' => num(t.iso_week().year() as i64, 4, '0'),
        'g' => num((t.iso_week().year() as i64).rem_euclid(100), 2, '0'),
        'V' => num(t.iso_week().week() as i64, 2, '0'),
        's' => num(t.timestamp(), 1, '0'),
        'n' => text("\n".to_string()),
        't' => text("\t".to_string()),
        '%' => composite("%".to_string()),
        'c' => composite(strftime(t, "%a %b %e %H:%M:%S %Y")),
        'D' | 'x' => composite(strftime(t, "%m/%d/%y")),
        'F' => composite(strftime(t, "%Y-%m-%d")),
        'T' | 'X' => composite(strftime(t, "%H:%M:%S")),
        'R' => composite(strftime(t, "%H:%M")),
        'r' => composite(strftime(t, "%I:%M:%S %p")),
        'v' => composite(strftime(t, "%e-%^b-%Y")),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strftime_like_ruby() {
        let t = FixedOffset::east_opt(0)
            .unwrap()
            .with_ymd_and_hms(2016, 3, 4, 15, 5, 9)
            .unwrap();
        assert_eq!(strftime(&t, "%b %d, %y"), "Mar 04, 16");
        assert_eq!(strftime(&t, "%-d %B %Y %-I:%M %p"), "4 March 2016 3:05 PM");
        assert_eq!(
            strftime(&t, "%e|%^a|%j|%%|%z|%:z"),
            " 4|FRI|064|%|+0000|+00:00"
        );
    }

    #[test]
    fn parses_common_dates() {
        let t = parse_time("march 14, 2016").unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (2016, 3, 14));
        let t = parse_time("mon, 14 mar 2016 10:00:00 -0500").unwrap();
        assert_eq!((t.hour(), t.offset().local_minus_utc()), (10, -5 * 3600));
        let t = parse_time("2016-03-14t10:00:00z").unwrap();
        assert_eq!(t.hour(), 10);
        assert!(parse_time("foo").is_none());
    }
}
