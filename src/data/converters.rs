//! Ruby CSV's field converters, which Jekyll enables by name with `csv_converters`
//! (`integer`, `float`, `numeric`, `date`, `date_time`, `all`).

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use crate::value::Value;
use crate::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Converter {
    Integer,
    Float,
    Date,
    DateTime,
}

impl Converter {
    /// The converters a `csv_converters` name stands for, in Ruby's order.
    pub fn by_name(name: &str) -> Result<Vec<Converter>, Error> {
        Ok(match name {
            "integer" => vec![Converter::Integer],
            "float" => vec![Converter::Float],
            "numeric" => vec![Converter::Integer, Converter::Float],
            "date" => vec![Converter::Date],
            "date_time" => vec![Converter::DateTime],
            "all" => vec![Converter::DateTime, Converter::Integer, Converter::Float],
            other => return Err(Error::new(format!("unknown converter name: {other}"))),
        })
    }

    /// The converted field, or `None` when Ruby would keep the string.
    pub fn convert(self, field: &str) -> Option<Value> {
        match self {
            Converter::Integer => ruby_integer(field).map(Value::Int),
            Converter::Float => ruby_float(field).map(Value::Float),
            Converter::Date => parse_date(field).map(Value::Date),
            // Ruby builds a DateTime; the value model's nearest is a Time at that instant.
            Converter::DateTime => parse_date_time(field).map(Value::Time),
        }
    }
}

fn trim_ruby_space(s: &str) -> &str {
    s.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0B' | '\x0C' | '\0'))
}

/// Removes underscores that separate two digits; `None` if any other underscore exists.
fn digits_without_underscores(s: &str, is_digit: impl Fn(char) -> bool) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let between =
                i > 0 && is_digit(chars[i - 1]) && chars.get(i + 1).is_some_and(|n| is_digit(*n));
            if !between {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Ruby's strict `Integer(string)`: white space around, a sign, `0x`/`0b`/`0o`/`0` prefixes,
/// underscores between digits.
pub fn ruby_integer(s: &str) -> Option<i64> {
    let t = trim_ruby_space(s);
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d.to_string())
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d.to_string())
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d.to_string())
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, lower[1..].to_string())
    } else {
        (10, lower)
    };
    let digits = digits_without_underscores(&digits, |c| c.is_digit(radix))?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let n = i64::from_str_radix(&digits, radix).ok()?;
    Some(if neg { -n } else { n })
}

/// Ruby's strict `Float(string)` for decimal text (`1e3`, `.5`, `1_0.5`; not `1.` or `Infinity`)
/// and hexadecimal integers.
pub fn ruby_float(s: &str) -> Option<f64> {
    let t = trim_ruby_space(s);
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let magnitude = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        let digits = digits_without_underscores(hex, |c| c.is_ascii_hexdigit())?;
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(&digits, 16).ok()? as f64
    } else {
        let cleaned = digits_without_underscores(body, |c| c.is_ascii_digit())?;
        static DECIMAL: Lazy<Regex> = Lazy::new(|| {
            Regex::new(r"^(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$")
                .expect("static regex")
        });
        if !DECIMAL.is_match(&cleaned) {
            return None;
        }
        cleaned.parse::<f64>().ok()?
    };
    Some(if neg { -magnitude } else { magnitude })
}

static DATE_MATCHER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^(?:(?:[A-Za-z0-9_]+,?\s+)?[A-Za-z0-9_]+\s+[0-9]{1,2},?\s+[0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2})$")
        .expect("static regex")
});
static WORDY_DATE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\S*\s+([0-9]{1,2}),?\s+([0-9]{2,4})$")
        .expect("static regex")
});

/// Ruby CSV's `:date` converter: `Date.parse` on fields shaped like `2024-01-02` or
/// `[Weekday,] Month D[,] YYYY` (two-digit years: 69–99 → 19xx, else 20xx).
fn parse_date(field: &str) -> Option<NaiveDate> {
    if !DATE_MATCHER.is_match(field) {
        return None;
    }
    if let Some(d) = iso_date(field) {
        return Some(d);
    }
    let caps = WORDY_DATE.captures(field)?;
    let month = match caps[1].to_ascii_lowercase().as_str() {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        _ => 12,
    };
    let day: u32 = caps[2].parse().ok()?;
    let year_text = &caps[3];
    let mut year: i32 = year_text.parse().ok()?;
    if year_text.len() == 2 {
        year += if year >= 69 { 1900 } else { 2000 };
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

fn iso_date(s: &str) -> Option<NaiveDate> {
    let mut parts = s.splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    NaiveDate::from_ymd_opt(y, m, d)
}

static DATE_TIME_MATCHER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?([+-][0-9]{2}(?::?[0-9]{2})?|Z)?)?$")
        .expect("static regex")
});

/// Ruby CSV's `:date_time` converter for the ISO 8601 shapes (`2024-01-02`,
/// `2024-01-02 10:00:00`, `2024-01-02T10:00+01:00`); without an offset the time is UTC.
fn parse_date_time(field: &str) -> Option<crate::value::Time> {
    let caps = DATE_TIME_MATCHER.captures(field)?;
    let num = |i: usize| {
        caps.get(i)
            .map_or(Some(0), |m| m.as_str().parse::<u32>().ok())
    };
    let date = NaiveDate::from_ymd_opt(caps[1].parse().ok()?, num(2)?, num(3)?)?;
    let nanos = caps.get(7).map_or(0, |m| {
        let mut digits: String = m.as_str().chars().take(9).collect();
        while digits.len() < 9 {
            digits.push('0');
        }
        digits.parse().unwrap_or(0)
    });
    let naive = date.and_hms_nano_opt(num(4)?, num(5)?, num(6)?, nanos)?;
    let offset_secs = match caps.get(8).map(|m| m.as_str()) {
        None | Some("Z") => 0,
        Some(z) => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
            let h: i32 = digits.get(..2)?.parse().ok()?;
            let m: i32 = digits
                .get(2..)
                .filter(|s| !s.is_empty())
                .map_or(Some(0), |s| s.parse().ok())?;
            sign * (h * 3600 + m * 60)
        }
    };
    let offset = chrono::FixedOffset::east_opt(offset_secs)?;
    naive.and_local_timezone(offset).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_and_float_like_ruby() {
        // ruby -e 'p ["12"," 12 ","010","0x1A","0b11","0o17","1_000","1__0","+5","1e3",""].map { |s| Integer(s) rescue nil }'
        let ints = [
            "12", " 12 ", "010", "0x1A", "0b11", "0o17", "1_000", "1__0", "+5", "1e3", "",
        ];
        let want = [
            Some(12),
            Some(12),
            Some(8),
            Some(26),
            Some(3),
            Some(15),
            Some(1000),
            None,
            Some(5),
            None,
            None,
        ];
        for (s, w) in ints.iter().zip(want) {
            assert_eq!(ruby_integer(s), w, "{s:?}");
        }
        // ruby -e 'p ["1e3","1.5","1.","  .5","1_0.5","Infinity","NaN","12abc","0x1A"].map { |s| Float(s) rescue nil }'
        let floats = [
            "1e3", "1.5", "1.", "  .5", "1_0.5", "Infinity", "NaN", "12abc", "0x1A",
        ];
        let want = [
            Some(1000.0),
            Some(1.5),
            None,
            Some(0.5),
            Some(10.5),
            None,
            None,
            None,
            Some(26.0),
        ];
        for (s, w) in floats.iter().zip(want) {
            assert_eq!(ruby_float(s), w, "{s:?}");
        }
    }

    #[test]
    fn dates_like_ruby_csv() {
        // ruby -rcsv -e 'p ["Jan 5 2020","January 5, 2020","Monday, Jan 5, 20","jan 5 99","Sept 5 2020","Foo 5 2020","Jan 32 2020","2024-01-02","Jan 5 2020x"].map { |s| (s.match?(CSV::DateMatcher) ? Date.parse(s) : s rescue s).to_s }'
        // => ["2020-01-05", "2020-01-05", "2020-01-05", "1999-01-05", "2020-09-05", "Foo 5 2020", "Jan 32 2020", "2024-01-02", "Jan 5 2020x"]
        let cases = [
            ("Jan 5 2020", Some("2020-01-05")),
            ("January 5, 2020", Some("2020-01-05")),
            ("Monday, Jan 5, 20", Some("2020-01-05")),
            ("jan 5 99", Some("1999-01-05")),
            ("Sept 5 2020", Some("2020-09-05")),
            ("Foo 5 2020", None),
            ("Jan 32 2020", None),
            ("2024-01-02", Some("2024-01-02")),
            ("Jan 5 2020x", None),
        ];
        for (s, want) in cases {
            assert_eq!(
                parse_date(s).map(|d| d.to_string()),
                want.map(String::from),
                "{s:?}"
            );
        }
    }
}
