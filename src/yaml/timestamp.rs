//! Timestamps (`2024-01-02 10:00:00 +01:00`) as Psych turns them into Ruby `Time`s.
//!
//! Psych builds the time with Ruby's `Time.utc`/`Time.new`, which accept a day up to 31 in
//! any month and roll over (`2024-02-30` is March 1st), hour 24 at `24:00:00` and second 60,
//! but refuse month 13, hour 25 or minute 60: then the scalar stays a string. A timestamp
//! without an offset is read as UTC and shown in the process's local zone, which Jekyll sets
//! from the `timezone` option.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeZone};
use once_cell::sync::Lazy;
use regex::Regex;

use crate::value::Value;
use crate::Error;

/// The zone in which a timestamp without an offset is shown (Ruby's local time zone).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum LocalZone {
    /// The process's zone (`TZ`, else the system's), as Ruby's `Time.at`.
    #[default]
    System,
    /// A named zone, as Jekyll sets `ENV["TZ"]` from the `timezone` option.
    Named(chrono_tz::Tz),
}

impl LocalZone {
    /// The offset this zone has at the UTC instant `utc`.
    pub fn offset_at(self, utc: &NaiveDateTime) -> FixedOffset {
        match self {
            // The process zone: `$TZ` (which Jekyll sets from `timezone`), read every time.
            LocalZone::System => crate::utils::time::LocalZone::from_config(None).offset_at(utc),
            LocalZone::Named(tz) => tz.offset_from_utc_datetime(utc).fix(),
        }
    }
}

static TIME_PART: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"([0-9]+):([0-9]+):([0-9]+)(?:\.([0-9]*))?[ \t\r\n\x0B\x0C]*(Z|[-+][0-9]+(?::[0-9][0-9])?)?")
        .expect("static regex")
});
static ZONE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"^([-+]?[0-9]{1,2}):?([0-9]{1,2})?$").expect("static regex"));

/// Ruby's `NoMethodError` on `nil`, raised by Psych when a timestamp-shaped scalar splits in
/// an unexpected place (a tab between date and time).
fn no_method_match() -> Error {
    Error::new("undefined method `match' for nil:NilClass")
}

/// Resolves a scalar matched by Psych's TIME pattern.
pub(crate) fn parse_timestamp(s: &str, zone: LocalZone) -> Result<Value, Error> {
    let (date, time) = match s.find([' ', 't', 'T']) {
        Some(i) => (&s[..i], &s[i + 1..]),
        None => return Err(no_method_match()),
    };
    let (year, month, day) = match split_date(date) {
        Some(parts) => parts,
        None => return Ok(Value::str(s)),
    };
    let caps = TIME_PART
        .captures(time)
        .ok_or_else(|| Error::new("undefined method `[]' for nil:NilClass"))?;
    let field = |i: usize| caps.get(i).map_or("", |m| m.as_str());
    let (hour, min, sec) = (small(field(1)), small(field(2)), small(field(3)));
    let nanos = fraction_nanos(field(4));
    let wall = match civil(year, month, day, hour, min, sec, nanos) {
        Some(w) => w,
        None => return Ok(Value::str(s)),
    };
    let offset = match caps.get(5).map(|m| m.as_str()) {
        Some("Z") => FixedOffset::east_opt(0),
        None => {
            let fixed = zone.offset_at(&wall);
            return Ok(Value::Time(DateTime::from_naive_utc_and_offset(
                wall, fixed,
            )));
        }
        Some(z) => zone_offset(z)?,
    };
    let offset = match offset {
        Some(o) => o,
        None => return Ok(Value::str(s)),
    };
    // `wall` is the local wall-clock time in `offset`.
    let utc = wall - Duration::seconds(i64::from(offset.local_minus_utc()));
    Ok(Value::Time(DateTime::from_naive_utc_and_offset(
        utc, offset,
    )))
}

fn small(s: &str) -> i64 {
    s.parse::<i64>().unwrap_or(i64::MAX)
}

fn split_date(date: &str) -> Option<(i32, i64, i64)> {
    let (neg, rest) = match date.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, date),
    };
    let mut parts = rest.splitn(3, '-');
    let y: i32 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts
        .next()?
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()?;
    Some((if neg { -y } else { y }, m, d))
}

/// Digits after the decimal point as nanoseconds (Ruby keeps more; Time shows nine).
fn fraction_nanos(digits: &str) -> i64 {
    let mut padded: String = digits.chars().take(9).collect();
    while padded.len() < 9 {
        padded.push('0');
    }
    padded.parse().unwrap_or(0)
}

/// The wall-clock time with Ruby's `Time.utc` argument checks and its day/second roll-over.
fn civil(
    year: i32,
    month: i64,
    day: i64,
    hour: i64,
    min: i64,
    sec: i64,
    nanos: i64,
) -> Option<NaiveDateTime> {
    let valid = (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && (0..=24).contains(&hour)
        && (0..=59).contains(&min)
        && (0..=60).contains(&sec)
        && !(hour == 24 && (min > 0 || sec > 0));
    if !valid {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(year, month as u32, 1)?;
    let midnight = first
        .checked_add_signed(Duration::days(day - 1))?
        .and_hms_opt(0, 0, 0)?;
    midnight.checked_add_signed(
        Duration::seconds(hour * 3600 + min * 60 + sec) + Duration::nanoseconds(nanos),
    )
}

/// A `+05:30`-style offset; `Ok(None)` when Ruby's `Time.new` refuses it (a day or more).
fn zone_offset(z: &str) -> Result<Option<FixedOffset>, Error> {
    let caps = ZONE
        .captures(z)
        .ok_or_else(|| Error::new("undefined method `[]' for nil:NilClass"))?;
    let hours: i64 = caps.get(1).map_or(0, |m| {
        m.as_str().trim_start_matches('+').parse().unwrap_or(0)
    });
    let minutes: i64 = caps.get(2).map_or(0, |m| m.as_str().parse().unwrap_or(0));
    // Psych subtracts the minutes only when the hour part is negative, so `-00:30` is +00:30.
    let mut offset = hours * 3600;
    if offset < 0 {
        offset -= minutes * 60;
    } else {
        offset += minutes * 60;
    }
    Ok(i32::try_from(offset).ok().and_then(FixedOffset::east_opt))
}
