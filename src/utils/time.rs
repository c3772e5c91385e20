//! Time zones and Ruby's `Time.parse` as Jekyll uses them for `date:` values.
//!
//! Jekyll sets `ENV["TZ"]` from the `timezone` option, and `Utils.parse_date` runs
//! `Time.parse(value.to_s).localtime`: every document date ends up in the local zone.

use crate::value::Time;
use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use once_cell::sync::Lazy;
use regex::Regex;

/// The zone Jekyll's process runs in: the `timezone` option, else `$TZ`, else the system's.
#[derive(Clone, Copy, Debug)]
pub enum LocalZone {
    Named(Tz),
    System,
}

impl LocalZone {
    pub fn from_config(timezone: Option<&str>) -> LocalZone {
        let name = timezone
            .map(str::to_string)
            .or_else(|| std::env::var("TZ").ok())
            .map(|s| s.trim_start_matches(':').to_string());
        match name.as_deref().and_then(|n| n.parse::<Tz>().ok()) {
            Some(tz) => LocalZone::Named(tz),
            None => LocalZone::System,
        }
    }

    /// The UTC offset in effect at `utc`.
    pub fn offset_at(&self, utc: &NaiveDateTime) -> FixedOffset {
        match self {
            LocalZone::Named(tz) => tz.offset_from_utc_datetime(utc).fix(),
            LocalZone::System => Local.offset_from_utc_datetime(utc).fix(),
        }
    }

    /// `Time#localtime`: the same instant displayed in this zone.
    pub fn localtime(&self, t: &Time) -> Time {
        let off = self.offset_at(&t.naive_utc());
        t.with_timezone(&off)
    }

    /// A wall-clock time in this zone (`Time.local`), taking the earlier instant when ambiguous.
    pub fn local(&self, naive: &NaiveDateTime) -> Time {
        let res = match self {
            LocalZone::Named(tz) => tz
                .from_local_datetime(naive)
                .earliest()
                .map(|t| t.fixed_offset()),
            LocalZone::System => Local
                .from_local_datetime(naive)
                .earliest()
                .map(|t| t.fixed_offset()),
        };
        // A wall time skipped by a DST jump: Ruby moves it forward by the gap.
        res.unwrap_or_else(|| {
            let off = self.offset_at(naive);
            DateTime::from_naive_utc_and_offset(*naive - off, off)
        })
    }

    pub fn now(&self) -> Time {
        self.localtime(&chrono::Utc::now().fixed_offset())
    }
}

static DATE_TIME: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)^\s*
        (\d{4})-(\d{1,2})-(\d{1,2})
        (?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?
        \s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$",
    )
    .unwrap()
});

/// Ruby's `Time.parse` for the forms dates take in front matter and file names:
/// `YYYY-MM-DD`, optionally followed by ` HH:MM[:SS[.frac]]` or `THH:MM...`, and a zone
/// (`Z`, `UTC`, `+HH:MM`, `+HHMM`, `+HH`). Without a zone the time is local.
/// Returns `None` where Ruby raises `ArgumentError`.
pub fn parse_time(input: &str, zone: &LocalZone) -> Option<Time> {
    let c = DATE_TIME.captures(input)?;
    let num = |i: usize| c.get(i).map(|m| m.as_str().parse::<u32>().unwrap_or(0));
    let date = NaiveDate::from_ymd_opt(c[1].parse().ok()?, num(2)?, num(3)?)?;
    let (h, m, s) = (
        num(4).unwrap_or(0),
        num(5).unwrap_or(0),
        num(6).unwrap_or(0),
    );
    let nanos = c
        .get(7)
        .map(|f| {
            let digits: String = f.as_str().chars().take(9).collect();
            let scale = 10u32.pow(9 - digits.len() as u32);
            digits.parse::<u32>().unwrap_or(0) * scale
        })
        .unwrap_or(0);
    let time = NaiveTime::from_hms_nano_opt(h, m, s.min(59), nanos)?;
    let naive = NaiveDateTime::new(date, time);
    match c.get(8).map(|m| m.as_str()) {
        None => Some(zone.local(&naive)),
        Some("Z") | Some("UTC") | Some("GMT") => {
            let off = FixedOffset::east_opt(0)?;
            Some(DateTime::from_naive_utc_and_offset(naive, off))
        }
        Some(z) => {
            let sign = if z.starts_with('-') { -1 } else { 1 };
            let digits: String = z[1..].chars().filter(char::is_ascii_digit).collect();
            let hh: i32 = digits.get(0..2)?.parse().ok()?;
            let mm: i32 = digits
                .get(2..4)
                .map(|d| d.parse().unwrap_or(0))
                .unwrap_or(0);
            let off = FixedOffset::east_opt(sign * (hh * 3600 + mm * 60))?;
            off.from_local_datetime(&naive).single()
        }
    }
}

/// Ruby's `Time#to_s`: `2024-01-02 03:04:05 +0100`.
pub fn ruby_time_to_s(t: &Time) -> String {
    t.format("%Y-%m-%d %H:%M:%S %z").to_string()
}

/// The name of the process's local zone: `$TZ`, else the system's (`/etc/localtime`'s
/// target below `zoneinfo/`, or `/etc/timezone`).
fn local_zone_name() -> Option<String> {
    if let Ok(tz) = std::env::var("TZ") {
        return Some(tz.trim_start_matches(':').to_string());
    }
    if let Ok(target) = std::fs::read_link("/etc/localtime") {
        let s = target.to_string_lossy().into_owned();
        if let Some(i) = s.find("zoneinfo/") {
            return Some(s[i + "zoneinfo/".len()..].to_string());
        }
    }
    std::fs::read_to_string("/etc/timezone")
        .ok()
        .map(|s| s.trim().to_string())
}

/// Ruby's `Time#zone` for a local time (what `%Z` prints): the local zone's abbreviation
/// when `t`'s offset is the local offset at that instant, `UTC` for UTC times, else empty.
pub fn zone_abbreviation(t: &Time) -> String {
    use chrono_tz::OffsetName;
    let off = t.offset().local_minus_utc();
    if let Some(tz) = local_zone_name().and_then(|n| n.parse::<Tz>().ok()) {
        let local = tz.offset_from_utc_datetime(&t.naive_utc());
        if local.fix().local_minus_utc() == off {
            if let Some(a) = local.abbreviation() {
                // Zones without a letter abbreviation print their offset, as Ruby does.
                return a.to_string();
            }
        }
    }
    if off == 0 {
        "UTC".into()
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_jekyll_date_forms() {
        let utc = LocalZone::Named(Tz::UTC);
        let t = parse_time("2024-01-02", &utc).unwrap();
        assert_eq!(ruby_time_to_s(&t), "2024-01-02 00:00:00 +0000");
        let t = parse_time("2024-01-02 10:20:30 +0130", &utc).unwrap();
        assert_eq!(
            ruby_time_to_s(&utc.localtime(&t)),
            "2024-01-02 08:50:30 +0000"
        );
        let t = parse_time("2013-1-5T09:00:00Z", &utc).unwrap();
        assert_eq!(ruby_time_to_s(&t), "2013-01-05 09:00:00 +0000");
        assert!(parse_time("not a date", &utc).is_none());
    }
}
